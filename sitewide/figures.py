"""Dated, sourced numbers about a population, shared by cities and practices."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin

from sitewide.partial_date import PartialDateField


class FigureKind(models.TextChoices):
    POPULATION = "population", _("General population")
    ASYLUM_SEEKERS_AND_REFUGEES = (
        "asylum_seekers_and_refugees",
        _("Asylum seekers and beneficiaries of international protection"),
    )
    MIGRANTS = "migrants", _("Migrants")
    OTHER = "other", pgettext_lazy("figure kind", "Other")


class Figure(TranslatableMixin, Orderable):
    kind = models.CharField(
        _("what is counted"),
        max_length=40,
        choices=FigureKind.choices,
        default=FigureKind.POPULATION,
    )
    label = models.CharField(
        _("label"),
        max_length=255,
        blank=True,
        help_text=_(
            "Optional wording that replaces the standard one, for example "
            "“in the ESTIA programme”. Required when “what is counted” is “Other”."
        ),
    )
    value = models.PositiveBigIntegerField(_("number"))
    approximate = models.BooleanField(
        _("approximate"),
        default=False,
        help_text=_("Tick when the source gives an estimate (shown as ≈)."),
    )
    date = PartialDateField(
        _("date"),
        blank=True,
        null=True,
        help_text=_(
            "When the number was true: YYYY, YYYY-MM or YYYY-MM-DD. Leave empty if the source does not say."
        ),
    )
    source = models.CharField(
        _("source"),
        max_length=255,
        blank=True,
        help_text=_("Where the number comes from, for example “2011 census”. Leave empty if not stated."),
    )

    panels = [
        FieldRowPanel(
            [
                FieldPanel("kind", help_text=_("For example “General population”.")),
                FieldPanel("value", help_text=_("A whole number, for example 664046.")),
                FieldPanel("approximate"),
            ]
        ),
        FieldPanel("label"),
        FieldRowPanel(
            [
                FieldPanel(
                    "date",
                    help_text=_(
                        "When the number was true: YYYY, YYYY-MM or YYYY-MM-DD, for example 2019-10. "
                        "Leave empty if the source does not say."
                    ),
                ),
                FieldPanel("source"),
            ]
        ),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True
        verbose_name = _("figure")
        verbose_name_plural = _("figures")

    def clean(self):
        super().clean()
        if self.kind == FigureKind.OTHER and not self.label:
            raise ValidationError({"label": _("A figure of kind “Other” needs a label.")})

    @property
    def display_label(self):
        return self.label or self.get_kind_display()
