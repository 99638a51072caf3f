"""Shared vocabulary of the network: categories, target groups, organisations.

They are translatable snippets. `catalogue_id` is the format's stable id and is
the same in every language, so filters and exports never depend on the
language a reader happens to use.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from practices.vocabulary import GENERIC_CATEGORY_ICON, CategoryIcon, OrganisationKind

CATALOGUE_ID_HELP = _(
    "A short, permanent id in lower-case Latin letters, digits and hyphens, "
    "the same in every language. It is used in web addresses and data files; do not change it."
)


class CatalogueIdMixin(models.Model):
    catalogue_id = models.SlugField(_("catalogue id"), max_length=80, help_text=CATALOGUE_ID_HELP)

    override_translatable_fields = [SynchronizedField("catalogue_id")]

    class Meta:
        abstract = True


class Term(CatalogueIdMixin, TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("catalogue_id"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


def names_in_locale(terms, locale_id):
    """The names of `terms` in the locale `locale_id`, space-separated; a term
    without a translation there keeps its own name."""
    terms = list(terms)
    elsewhere = [term.translation_key for term in terms if term.locale_id != locale_id]
    translated = {}
    if elsewhere:
        translated = dict(
            type(terms[0])
            .objects.filter(locale_id=locale_id, translation_key__in=elsewhere)
            .values_list("translation_key", "name")
        )
    return " ".join(translated.get(term.translation_key, term.name) for term in terms)


class Category(Term):
    icon = models.CharField(
        _("icon"),
        max_length=40,
        choices=CategoryIcon.choices,
        blank=True,
        help_text=_(
            "Shown beside the category's name on cards and practice pages; without one, a plain tag."
        ),
    )

    panels = [*Term.panels, FieldPanel("icon")]
    override_translatable_fields = [*Term.override_translatable_fields, SynchronizedField("icon")]

    class Meta(Term.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        constraints = [
            models.UniqueConstraint(fields=["catalogue_id", "locale"], name="unique_category_id_per_locale")
        ]

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # The icon belongs to the category, not to one language. wagtail-localize would copy it to
        # the translations only at their next sync; a reader would meet two icons until then.
        type(self).objects.filter(translation_key=self.translation_key).exclude(icon=self.icon).update(
            icon=self.icon
        )

    @property
    def symbol(self):
        """The id of the icon to draw (static/icons/categories.svg): its own, or the plain tag."""
        return self.icon or GENERIC_CATEGORY_ICON


class TargetGroup(Term):
    class Meta(Term.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        constraints = [
            models.UniqueConstraint(
                fields=["catalogue_id", "locale"], name="unique_target_group_id_per_locale"
            )
        ]


class Organisation(
    CatalogueIdMixin, DraftStateMixin, RevisionMixin, TranslatableMixin, index.Indexed, models.Model
):
    """A donor, partner or other body. Editors may propose one as a draft; reviewers publish it."""

    name = models.CharField(_("name"), max_length=255)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices, blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("catalogue_id"),
        FieldPanel("acronym", help_text=_("The short form used in running text, such as UNHCR.")),
        FieldPanel("kind"),
        FieldPanel("website"),
        FieldPanel("logo"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("acronym"),
        index.AutocompleteField("name"),
    ]
    override_translatable_fields = [SynchronizedField("catalogue_id")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["catalogue_id", "locale"], name="unique_organisation_id_per_locale"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


def in_default_locale():
    """Relations always store the network default language's instance.

    wagtail-localize copies relations unchanged into translations, so storing
    one canonical instance and resolving it to the reader's language when
    rendering is the only arrangement that holds in every language.
    """
    from django.conf import settings

    return {"locale__language_code": settings.LANGUAGE_CODE}
