"""The catalogue format's closed vocabularies, with reader-facing labels.

The stored values are the format's own, so imports and exports need no
mapping; the labels are gettext strings and so follow the reader's language.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Status(models.TextChoices):
    UNKNOWN = "unknown", pgettext_lazy("practice status", "Unknown")
    PLANNED = "planned", pgettext_lazy("practice status", "Planned")
    ONGOING = "ongoing", pgettext_lazy("practice status", "Ongoing")
    COMPLETED = "completed", pgettext_lazy("practice status", "Completed")
    DISCONTINUED = "discontinued", pgettext_lazy("practice status", "Discontinued")


# A badge shows a status with nothing beside it, where a bare «Άγνωστη»
# ("Unknown") would not say what is unknown.
UNKNOWN_STATUS_BADGE = pgettext_lazy("practice status badge", "Status unknown")


def status_badge(value):
    """What a status badge says: the status's label, or "Status unknown"."""
    return UNKNOWN_STATUS_BADGE if value == Status.UNKNOWN else Status(value).label


class Evidence(models.TextChoices):
    DESCRIBED = "described", _("Described")
    MONITORED = "monitored", _("Monitored")
    EVALUATED = "evaluated", _("Evaluated")
    EXTERNALLY_EVALUATED = "externally_evaluated", _("Externally evaluated")


class Role(models.TextChoices):
    LEAD = "lead", _("Lead")
    FOUNDING_DONOR = "founding_donor", _("Founding donor")
    FUNDER = "funder", _("Funder")
    DESIGN_MANAGEMENT = "design_management", _("Design and management")
    PARTNER = "partner", _("Partner")
    SUPPORTER = "supporter", _("Supporter")


class OrganisationKind(models.TextChoices):
    MUNICIPAL = "municipal", _("Municipal")
    GOVERNMENT = "government", _("Government")
    INTERNATIONAL = "international", _("International organisation")
    NGO = "ngo", _("Non-governmental organisation")
    FOUNDATION = "foundation", _("Foundation")
    ACADEMIC = "academic", _("Academic")
    PRIVATE = "private", _("Private sector")
    OTHER = "other", pgettext_lazy("organisation kind", "Other")


class CategoryIcon(models.TextChoices):
    """The icons drawn for the site's categories (static/icons/categories.svg), named by what they show.

    An editor picks one for a category; a category without one shows a plain tag.
    """

    BALLOT_BOX = "ballot-box", _("Ballot box")
    BRIEFCASE = "briefcase", _("Briefcase")
    CIRCLING_ARROWS = "circling-arrows", _("Circling arrows")
    CONNECTED_POINTS = "connected-points", _("Connected points")
    EQUALS = "equals", _("Equals sign")
    GRADUATION_CAP = "graduation-cap", _("Graduation cap")
    HEART = "heart", _("Heart")
    HOUSE = "house", _("House")
    PEOPLE = "people", _("Group of people")
    SPEECH_BUBBLES = "speech-bubbles", _("Speech bubbles")
    TOWN_HALL = "town-hall", _("Town hall")
    TWO_VOICES = "two-voices", _("Two voices")


# The plain tag shown for a category without an icon.
GENERIC_CATEGORY_ICON = "tag"
