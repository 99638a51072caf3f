from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cities.rights.pages import NetworkPagePermissionsMixin
from contact.views import contact_city, contact_sent
from practices.chosen_terms_panel import ChosenTermsPanel
from practices.models.inlines import PracticeCategory, PracticeTargetGroup
from practices.models.snippets import names_in_locale
from practices.vocabulary import Evidence, Status, status_badge
from sitewide.catalogue_id import SYNCHRONIZED_CATALOGUE_ID, CatalogueIdPanel, PageCatalogueIdMixin
from sitewide.page_context import ProvidedContextMixin
from sitewide.partial_date import PartialDateField
from sitewide.rich_text import CATALOGUE_FEATURES
from sitewide.slugs import TransliteratedSlugMixin

SYNC_HELP = _(
    "Translations: when you sync a translation with this page, every text that has "
    "not been translated yet is shown in this page's language, and lists (organisations, "
    "figures, links…) are replaced by this page's lists. Translated texts are kept."
)


class ExistingPageHelpPanel(HelpPanel):
    """Help shown when editing a page, not on the form that creates it: that form opens on its fields."""

    class BoundPanel(HelpPanel.BoundPanel):
        def is_shown(self):
            return self.instance.pk is not None and super().is_shown()


class PracticeIndexPage(ProvidedContextMixin, Page):
    """The catalogue listing, one per language, always at /<lang>/practices/.

    The listing filters with the search page's own code, one mechanism, which
    `search` provides (see sitewide.page_context).
    """

    intro = RichTextField(_("introduction"), blank=True, features=CATALOGUE_FEATURES)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta:
        verbose_name = _("catalogue of practices")


# The slug is made from the title before the catalogue id is taken from the slug: mixins in that order.
class PracticePage(
    NetworkPagePermissionsMixin, TransliteratedSlugMixin, RoutablePageMixin, PageCatalogueIdMixin, Page
):
    """One good practice of one member city. It always lives under its city's page.

    Besides the page itself it answers at `pdf/` (the two-page brochure) and at
    `contact/` (the form that writes to the city); see practices.pdf and contact.
    """

    subtitle = models.CharField(_("subtitle"), max_length=255, blank=True)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    summary = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("Two or three sentences, at most 600 characters. Shown in lists and search results."),
    )
    description = RichTextField(_("description"), features=CATALOGUE_FEATURES)
    # For queries (filters, facets, counts); the page's own choice, in its
    # editors' order, is in `category_links` and `target_group_links`.
    categories = models.ManyToManyField(
        "practices.Category",
        through="practices.PracticeCategory",
        verbose_name=_("categories"),
        related_name="practices",
    )
    target_groups = models.ManyToManyField(
        "practices.TargetGroup",
        through="practices.PracticeTargetGroup",
        verbose_name=_("target groups"),
        related_name="practices",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.UNKNOWN)
    started = PartialDateField(
        _("started"), help_text=_("YYYY, YYYY-MM or YYYY-MM-DD, as precise as you know it.")
    )
    ended = PartialDateField(
        _("ended"),
        blank=True,
        null=True,
        help_text=_(
            "Required when the practice is completed; may stay empty when it was discontinued on a date nobody published."
        ),
    )
    evidence = models.CharField(
        _("evidence level"),
        max_length=30,
        choices=Evidence.choices,
        default=Evidence.DESCRIBED,
        help_text=_(
            "How the results are known: only described, monitored with data, evaluated, or evaluated by an outside body."
        ),
    )
    lessons = RichTextField(
        _("lessons learned"),
        blank=True,
        features=CATALOGUE_FEATURES,
        help_text=_("What did not work, and what the team would change."),
    )
    transferability = RichTextField(
        _("transferability"),
        blank=True,
        features=CATALOGUE_FEATURES,
        help_text=_("What another city needs in order to adapt this practice."),
    )
    contact_name = models.CharField(_("contact name"), max_length=255, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    documented = PartialDateField(
        _("documented"),
        blank=True,
        null=True,
        help_text=_("When this record was written or last checked."),
    )

    parent_page_types = ["cities.CityPage"]
    subpage_types = []

    override_translatable_fields = [
        SynchronizedField("slug"),
        SYNCHRONIZED_CATALOGUE_ID,
        SynchronizedField("contact_phone"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("subtitle"),
        index.SearchField("acronym", boost=2),
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("lessons"),
        index.SearchField("transferability"),
        index.AutocompleteField("acronym"),
        index.FilterField("status"),
        index.FilterField("evidence"),
        index.FilterField("started"),
        index.FilterField("documented"),
        # Relations hold the default language's terms (decision 0003): index
        # the names a reader of this page's language sees (decision 0013).
        index.SearchField("category_names"),
        index.SearchField("target_group_names"),
        index.RelatedFields("achievements", [index.SearchField("text")]),
        index.RelatedFields("outcomes", [index.SearchField("label"), index.SearchField("about")]),
    ]
    # What category_names and target_group_names read: the search index reads
    # them for a whole batch of pages at once (search.backends.documents).
    search_prefetch = (PracticeCategory.prefetch(), PracticeTargetGroup.prefetch())

    # The form follows the brochure: the practice, numbers and outcomes,
    # organisations, testimonials, lessons, links and images. The help texts,
    # each with an example from the ACCMR brochure, are set on the panels: the
    # wording of a form is not part of the data (and needs no migration).
    content_panels = [
        ExistingPageHelpPanel(content=SYNC_HELP),
        TitleFieldPanel("title", help_text=_("The practice's full name.")),
        FieldRowPanel(
            [
                FieldPanel(
                    "subtitle",
                    help_text=_(
                        "One line on how it works, for example “A collaborative approach to the refugee issue”."
                    ),
                ),
                FieldPanel(
                    "acronym",
                    help_text=_(
                        "The short name it is known by, if any, for example “ACCMR”. Not translated."
                    ),
                ),
            ]
        ),
        FieldPanel(
            "summary",
            help_text=_(
                "Two or three sentences, at most 600 characters, shown in lists and search results. For example: "
                "“A central body of the municipality that works with local and international organisations on "
                "the integration of migrants and refugees into the life of the city.”"
            ),
        ),
        FieldPanel(
            "description",
            help_text=_(
                "How it began, how it works and who takes part, in paragraphs. For example: who founded the "
                "centre and why, its six working committees and what they give the municipality."
            ),
        ),
        ChosenTermsPanel(
            "category_links",
            heading=_("Categories"),
            label=_("category"),
            min_num=1,
            help_text=_(
                "Choose at least one, for example “Coordination | Governance”. The first is the practice's "
                "main category: put them in order with the arrows."
            ),
        ),
        ChosenTermsPanel(
            "target_group_links",
            heading=_("Target groups"),
            label=_("target group"),
            help_text=_("Whom the practice serves, for example “Asylum seekers”, the main group first."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("status", help_text=_("Where the practice stands today, for example “Ongoing”.")),
                FieldRowPanel(
                    [
                        FieldPanel(
                            "started",
                            help_text=_(
                                "YYYY, YYYY-MM or YYYY-MM-DD, as precise as you know it: for example 2017-06."
                            ),
                        ),
                        FieldPanel(
                            "ended",
                            help_text=_(
                                "Required when the practice is completed, for example 2020-12. A discontinued practice"
                                " whose end date was never published may leave it empty."
                            ),
                        ),
                    ]
                ),
                FieldPanel(
                    "documented",
                    help_text=_("When this record was written or last checked, for example 2019-10."),
                ),
            ],
            heading=_("Status and dates"),
        ),
    ]
    outcome_panels = [
        FieldPanel(
            "evidence",
            help_text=_(
                "How the results are known: only described, monitored with data, evaluated, or evaluated by "
                "an outside body. For example “Described” for a brochure without measurements."
            ),
        ),
        InlinePanel("outcomes", heading=_("Results in numbers"), label=_("outcome")),
        InlinePanel("achievements", heading=_("Achievements"), label=_("achievement")),
        InlinePanel("recognitions", heading=_("Recognitions"), label=_("recognition")),
        InlinePanel("figures", heading=_("Context figures"), label=_("figure")),
    ]
    organisation_panels = [
        InlinePanel("organisations", heading=_("Organisations and their roles"), label=_("organisation")),
    ]
    testimonial_panels = [
        InlinePanel("testimonials", heading=_("Testimonials"), label=_("testimonial")),
    ]
    lesson_panels = [
        FieldPanel(
            "lessons",
            help_text=_(
                "What did not work, and what the team would change; for example that the committees needed "
                "a coordinator in the municipality to keep meeting."
            ),
        ),
        FieldPanel(
            "transferability",
            help_text=_(
                "What another city needs in order to adapt this practice, for example a coordination team "
                "and regular meetings with the organisations."
            ),
        ),
        InlinePanel("adapted_from", heading=_("Adapted from other cities' practices"), label=_("practice")),
    ]
    link_panels = [
        InlinePanel("links", heading=_("Links"), label=_("link")),
        InlinePanel("images", heading=_("Images"), label=_("image")),
        MultiFieldPanel(
            [
                FieldPanel(
                    "contact_name",
                    help_text=_(
                        "The person or service that answers questions, for example “ACCMR coordination office”."
                    ),
                ),
                FieldRowPanel(
                    [
                        FieldPanel(
                            "contact_email",
                            help_text=_("A service's address, for example accmr@cityofathens.gr."),
                        ),
                        FieldPanel(
                            "contact_phone", help_text=_("With the area code, for example 210 527 7000.")
                        ),
                    ]
                ),
            ],
            heading=_("Contact person"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Practice")),
            ObjectList(outcome_panels, heading=_("Numbers and outcomes")),
            ObjectList(organisation_panels, heading=_("Organisations")),
            ObjectList(testimonial_panels, heading=_("Testimonials")),
            ObjectList(lesson_panels, heading=_("Lessons")),
            ObjectList(link_panels, heading=_("Links and images")),
            ObjectList([*Page.promote_panels, CatalogueIdPanel()], heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")
        permissions = [("view_translation_report", _("Can view the translation status report"))]

    def clean(self):
        super().clean()
        if self.started and self.ended and self.ended.is_before(self.started):
            raise ValidationError({"ended": _("The end cannot be before the start.")})
        if self.status == Status.COMPLETED and not self.ended:
            raise ValidationError({"ended": _("Give the end date of a completed practice.")})

    @property
    def ended_on_an_unstated_date(self):
        """Discontinued, with no end date published: the page says so rather than say nothing."""
        return self.status == Status.DISCONTINUED and not self.ended

    @property
    def status_badge(self):
        return status_badge(self.status)

    @property
    def city(self):
        return self.get_parent().specific

    def chosen_categories(self):
        return PracticeCategory.terms_of(self)

    def chosen_target_groups(self):
        return PracticeTargetGroup.terms_of(self)

    def category_names(self):
        return names_in_locale(self.chosen_categories(), self.locale_id)

    def target_group_names(self):
        return names_in_locale(self.chosen_target_groups(), self.locale_id)

    def get_context(self, request, *args, **kwargs):
        from practices.presenters import present_practice
        from sitewide.reader import reader_for

        context = super().get_context(request, *args, **kwargs)
        context["practice"] = present_practice(self, reader_for(request))
        return context

    @path("pdf/", name="pdf")
    def pdf(self, request):
        from practices.pdf import brochure_response

        return brochure_response(request, self)

    @path("contact/", name="contact")
    def contact(self, request):
        return contact_city(request, self)

    @path("contact/sent/", name="contact_sent")
    def contact_sent(self, request):
        return contact_sent(request, self)
