"""The ordered lists inside a practice record.

Each list is an inline model, never free text, so it can be validated,
filtered, exported and translated item by item. Links to organisations and
pages are synchronised (copied unchanged) into translations and resolved to
the reader's language when rendered; see docs/decisions/0003.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, PageChooserPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from practices.models.snippets import in_default_locale
from practices.vocabulary import Role
from sitewide.figures import Figure
from sitewide.partial_date import PartialDateField

ORGANISATION_HELP = _("Choose the organisation. If it is missing, propose it under Snippets › Organisations.")


class PracticeItem(TranslatableMixin, Orderable):
    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True


class PracticeOrganisation(PracticeItem):
    page = ParentalKey("practices.PracticePage", related_name="organisations", on_delete=models.CASCADE)
    organisation = models.ForeignKey(
        "practices.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=in_default_locale,
        help_text=ORGANISATION_HELP,
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    period_from = PartialDateField(
        _("from"), blank=True, null=True, help_text=_("Leave empty if the role started with the practice.")
    )
    period_until = PartialDateField(
        _("until"), blank=True, null=True, help_text=_("Leave empty if the role continues.")
    )

    override_translatable_fields = [SynchronizedField("organisation")]
    panels = [
        FieldRowPanel(
            [
                FieldPanel(
                    "organisation",
                    help_text=_(
                        "Choose the organisation, for example “Stavros Niarchos Foundation”. If it is missing, "
                        "propose it under Catalogue › Organisations."
                    ),
                ),
                FieldPanel(
                    "role", help_text=_("What it does in the practice, for example “Founding donor”.")
                ),
            ]
        ),
        FieldRowPanel(
            [
                FieldPanel(
                    "period_from",
                    help_text=_(
                        "Leave empty if the role started with the practice; otherwise for example 2017-06."
                    ),
                ),
                FieldPanel(
                    "period_until",
                    help_text=_("Leave empty if the role continues; otherwise for example 2018-11."),
                ),
            ]
        ),
    ]

    class Meta(PracticeItem.Meta):
        verbose_name = _("organisation and role")
        verbose_name_plural = _("organisations and roles")

    def clean(self):
        super().clean()
        if self.period_from and self.period_until and self.period_until.is_before(self.period_from):
            raise ValidationError({"period_until": _("“Until” cannot be before “from”.")})


class ChosenTerm(Orderable):
    """One term a practice's editors chose from the shared vocabulary, in the order they gave.

    An ordered row, not a bare many-to-many link, because the order is the
    editors' own (the first is the practice's main category) and the
    catalogue's export must give it back unchanged. The page's `categories`
    and `target_groups` are many-to-many relations through these rows, for
    queries; what a page shows is read from the rows themselves, which hold
    a draft's or a preview's choice too. Copied unchanged into translations
    (not translatable), like every relation to the vocabulary (decision 0003).
    """

    class Meta(Orderable.Meta):
        abstract = True
        constraints = [models.UniqueConstraint(fields=["page", "term"], name="%(app_label)s_%(class)s_once")]

    # A list to pick from, not the snippet chooser: the vocabulary is short, and
    # the chooser would offer every language's terms where only the network's
    # default language may be stored.

    @classmethod
    def relation(cls):
        """The page's name for its rows of this kind (`category_links`)."""
        return cls._meta.get_field("page").remote_field.related_name

    @classmethod
    def term_model(cls):
        return cls._meta.get_field("term").related_model

    @classmethod
    def prefetch(cls):
        """The page's rows and their terms in one query."""
        return Prefetch(cls.relation(), queryset=cls.objects.select_related("term"))

    @classmethod
    def terms_of(cls, page):
        """The terms `page` (stored, or a draft in memory) chose, in its editors' order."""
        return [row.term for row in getattr(page, cls.relation()).all()]


def _term(model, verbose_name):
    return models.ForeignKey(
        model,
        verbose_name=verbose_name,
        on_delete=models.CASCADE,
        related_name="practice_links",
        limit_choices_to=in_default_locale,
    )


def _term_panels(help_text):
    return [FieldPanel("term", widget=forms.Select, help_text=help_text)]


class PracticeCategory(ChosenTerm):
    page = ParentalKey("practices.PracticePage", related_name="category_links", on_delete=models.CASCADE)
    term = _term("practices.Category", _("category"))

    panels = _term_panels(_("One of the network's categories, for example “Housing”."))
    chosen_twice = _("A category is chosen twice: remove one of the two rows.")

    class Meta(ChosenTerm.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")


class PracticeTargetGroup(ChosenTerm):
    page = ParentalKey("practices.PracticePage", related_name="target_group_links", on_delete=models.CASCADE)
    term = _term("practices.TargetGroup", _("target group"))

    panels = _term_panels(_("One of the network's target groups, for example “Women”."))
    chosen_twice = _("A target group is chosen twice: remove one of the two rows.")

    class Meta(ChosenTerm.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class PracticeFigure(Figure):
    page = ParentalKey("practices.PracticePage", related_name="figures", on_delete=models.CASCADE)


class Outcome(PracticeItem):
    page = ParentalKey("practices.PracticePage", related_name="outcomes", on_delete=models.CASCADE)
    value = models.DecimalField(_("number"), max_digits=16, decimal_places=2)
    label = models.CharField(
        _("what the number counts"), max_length=255, help_text=_("For example “registered members”.")
    )
    unit = models.CharField(
        _("unit"), max_length=60, blank=True, help_text=_("Optional, for example “%” or “hours”.")
    )
    about = models.CharField(
        _("measured on"),
        max_length=255,
        blank=True,
        help_text=_("Optional: what the number is about, for example the name of a platform or service."),
    )
    date = PartialDateField(_("date"), blank=True, null=True, help_text=_("When it was counted, if known."))

    panels = [
        FieldRowPanel([FieldPanel("value", help_text=_("The number, for example 143.")), FieldPanel("unit")]),
        FieldPanel("label"),
        FieldRowPanel(
            [
                FieldPanel(
                    "about",
                    help_text=_(
                        "Optional: what the number is about, for example “Digital platform for mapping "
                        "and networking organisations”."
                    ),
                ),
                FieldPanel("date", help_text=_("When it was counted, if known, for example 2019-10.")),
            ]
        ),
    ]

    class Meta(PracticeItem.Meta):
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")


class Achievement(PracticeItem):
    page = ParentalKey("practices.PracticePage", related_name="achievements", on_delete=models.CASCADE)
    text = models.TextField(_("achievement"), help_text=_("One achievement, as one or two sentences."))

    panels = [
        FieldPanel(
            "text",
            help_text=_(
                "One achievement, as one or two sentences, for example “Drew up the city's first action plan "
                "for the integration of migrants, adopted by the city council.”"
            ),
        )
    ]

    class Meta(PracticeItem.Meta):
        verbose_name = _("achievement")
        verbose_name_plural = _("achievements")


class Testimonial(PracticeItem):
    page = ParentalKey("practices.PracticePage", related_name="testimonials", on_delete=models.CASCADE)
    quote = models.TextField(_("quotation"), help_text=_("The person's words, without quotation marks."))
    name = models.CharField(_("name"), max_length=255)
    role = models.CharField(_("role"), max_length=255, blank=True)
    organisation = models.ForeignKey(
        "practices.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=in_default_locale,
    )
    consent_given = models.BooleanField(
        _("consent to publish given"),
        default=False,
        help_text=_(
            "Tick only when the person agreed to have these words published with their name. "
            "The page shows only testimonials with this ticked. Testimonials imported from a "
            "catalogue file come ticked: the file carries testimonials already published in the "
            "cities' brochures (docs/decisions/0030)."
        ),
    )

    override_translatable_fields = [SynchronizedField("organisation"), SynchronizedField("consent_given")]
    panels = [
        FieldPanel(
            "quote",
            help_text=_(
                "The person's words, without quotation marks, for example “For the first time, local "
                "government invites organisations and the administration to a dialogue.”"
            ),
        ),
        FieldRowPanel(
            [
                FieldPanel("name", help_text=_("For example “Sotiria Kyriakopoulou”.")),
                FieldPanel(
                    "role", help_text=_("For example “Coordinator of the Health and Well-being Committee”.")
                ),
            ]
        ),
        FieldPanel("organisation", help_text=_("Optional, for example “ActionAid”.")),
        FieldPanel("consent_given"),
    ]

    class Meta(PracticeItem.Meta):
        verbose_name = _("testimonial")
        verbose_name_plural = _("testimonials")


class Recognition(PracticeItem):
    page = ParentalKey("practices.PracticePage", related_name="recognitions", on_delete=models.CASCADE)
    by = models.ForeignKey(
        "practices.Organisation",
        verbose_name=_("recognised by"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=in_default_locale,
    )
    text = models.CharField(_("recognition"), max_length=500, blank=True)
    date = PartialDateField(_("date"), blank=True, null=True)

    override_translatable_fields = [SynchronizedField("by")]
    panels = [
        FieldRowPanel(
            [
                FieldPanel(
                    "by", help_text=_("The organisation that recognised the practice, for example “OECD”.")
                ),
                FieldPanel("date", help_text=_("When, if known, for example 2019.")),
            ]
        ),
        FieldPanel("text", help_text=_("For example “Recognised as a best practice.”")),
    ]

    class Meta(PracticeItem.Meta):
        verbose_name = _("recognition")
        verbose_name_plural = _("recognitions")


class PracticeLink(PracticeItem):
    page = ParentalKey("practices.PracticePage", related_name="links", on_delete=models.CASCADE)
    url = models.URLField(_("web address"), max_length=500)
    label = models.CharField(
        _("link text"), max_length=255, help_text=_("What the reader will find there, for example “Website”.")
    )

    panels = [
        FieldRowPanel(
            [
                FieldPanel("label"),
                FieldPanel("url", help_text=_("The full address, for example https://www.accmr.gr/.")),
            ]
        )
    ]

    class Meta(PracticeItem.Meta):
        verbose_name = _("link")
        verbose_name_plural = _("links")


class PracticeImage(PracticeItem):
    page = ParentalKey("practices.PracticePage", related_name="images", on_delete=models.CASCADE)
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.PROTECT, related_name="+"
    )
    alt = models.CharField(
        _("text alternative"),
        max_length=255,
        help_text=_("Describe what the picture shows for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=255, blank=True)
    credit = models.CharField(
        _("credit"), max_length=255, blank=True, help_text=_("Photographer or rights holder.")
    )

    override_translatable_fields = [SynchronizedField("credit")]
    panels = [
        FieldPanel(
            "image",
            help_text=_(
                "From your city's collection, for example a photograph of a working committee's meeting."
            ),
        ),
        FieldPanel(
            "alt",
            help_text=_(
                "Describe what the picture shows for people who cannot see it, for example “Members of a "
                "working committee around a table”."
            ),
        ),
        FieldRowPanel(
            [
                FieldPanel(
                    "caption", help_text=_("Optional, for example “Meeting of the housing committee”.")
                ),
                FieldPanel(
                    "credit", help_text=_("Photographer or rights holder, for example “City of Athens”.")
                ),
            ]
        ),
    ]

    class Meta(PracticeItem.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class Adaptation(Orderable):
    """This practice adapts another city's practice (the format's `adapted_from`)."""

    page = ParentalKey("practices.PracticePage", related_name="adapted_from", on_delete=models.CASCADE)
    source = models.ForeignKey(
        "practices.PracticePage",
        verbose_name=_("adapted from"),
        on_delete=models.CASCADE,
        related_name="adaptations",
    )

    panels = [
        PageChooserPanel(
            "source",
            "practices.PracticePage",
            help_text=_(
                "A published practice of another member city that this one builds on, for example "
                "Thessaloniki's interpreting service."
            ),
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("adapted practice")
        verbose_name_plural = _("adapted from")
