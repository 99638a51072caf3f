"""Every page type and every snippet can be created through the real admin views."""

from django.urls import reverse

from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from cities.models import CityIndexPage, CityPage
from home.models import HomePage
from practices.models import Category, Organisation, PracticeIndexPage, PracticePage, TargetGroup
from sitewide.partial_date import PartialDate
from tests.factories import (
    CategoryFactory,
    CityPageFactory,
    HomePageFactory,
    OrganisationFactory,
    PracticePageFactory,
    TargetGroupFactory,
    site_tree,
)


class AdminCreatesPages(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.trees = site_tree()

    def setUp(self):
        self.login()

    def test_home_page(self):
        root = Page.get_first_root_node()
        self.assertCanCreate(
            root,
            HomePage,
            nested_form_data(
                {
                    "title": "Δεύτερη αρχική",
                    "slug": "second-home",
                    "intro": rich_text("<p>Καλώς ήρθατε.</p>"),
                }
            ),
        )
        page = HomePage.objects.get(slug="second-home")
        self.assertTrue(page.live)
        self.assertIn("Καλώς ήρθατε.", page.intro)

    def test_index_pages_under_a_new_home(self):
        home = HomePageFactory()
        self.assertCanCreate(
            home,
            CityIndexPage,
            nested_form_data({"title": "Πόλεις", "slug": "cities", "intro": rich_text("<p>Τα μέλη.</p>")}),
        )
        self.assertCanCreate(
            home,
            PracticeIndexPage,
            nested_form_data({"title": "Πρακτικές", "slug": "practices", "intro": rich_text("")}),
        )
        self.assertTrue(CityIndexPage.objects.child_of(home).live().exists())
        self.assertTrue(PracticeIndexPage.objects.child_of(home).live().exists())

    def test_city_page_with_its_figures(self):
        cities = self.trees["el"].cities
        self.assertCanCreate(
            cities,
            CityPage,
            nested_form_data(
                {
                    "title": "Θεσσαλονίκη",
                    "slug": "thessaloniki",
                    "region": "Κεντρική Μακεδονία",
                    "website": "https://thessaloniki.gr/",
                    "email": "info@thessaloniki.gr",
                    "latitude": "40.640100",
                    "longitude": "22.944400",
                    "intro": rich_text("<p>Η δεύτερη πόλη της χώρας.</p>"),
                    "figures": inline_formset(
                        [
                            {
                                "kind": "population",
                                "label": "",
                                "value": "325182",
                                "approximate": "",
                                "date": "2011",
                                "source": "Απογραφή 2011",
                            }
                        ]
                    ),
                }
            ),
        )
        city = CityPage.objects.get(slug="thessaloniki", locale__language_code="el")
        figure = city.figures.get()
        self.assertEqual(figure.value, 325182)
        self.assertEqual(figure.date, PartialDate(2011))
        # The English tree is kept in step: the new city exists there as an alias.
        alias = CityPage.objects.get(translation_key=city.translation_key, locale__language_code="en")
        self.assertEqual(alias.alias_of_id, city.pk)

    def test_practice_page_with_its_lists(self):
        city = CityPageFactory()
        housing = CategoryFactory(catalogue_id="housing", name="Στέγαση")
        refugees = TargetGroupFactory(catalogue_id="refugees", name="Πρόσφυγες")
        lead = OrganisationFactory(catalogue_id="municipality", name="Δήμος")
        donor = OrganisationFactory(catalogue_id="unhcr", name="Ύπατη Αρμοστεία", acronym="UNHCR")
        earlier = PracticePageFactory(parent=CityPageFactory())

        data = nested_form_data(
            {
                "title": "Κέντρο Ένταξης Μεταναστών",
                "slug": "migrant-integration-centre",
                "subtitle": "Ένα σημείο για όλες τις υπηρεσίες",
                "acronym": "ΚΕΜ",
                "summary": "Ενημέρωση, συμβουλευτική και μαθήματα ελληνικών.",
                "description": rich_text("<p>Το κέντρο λειτουργεί από το 2017.</p>"),
                "status": "completed",
                "evidence": "monitored",
                "started": "2017-06",
                "ended": "2019-12",
                "documented": "2020",
                "lessons": rich_text("<p>Χρειάζονται διερμηνείς.</p>"),
                "transferability": rich_text(""),
                "contact_name": "",
                "contact_email": "",
                "contact_phone": "",
                "organisations": inline_formset(
                    [
                        {"organisation": str(lead.pk), "role": "lead", "period_from": "", "period_until": ""},
                        {
                            "organisation": str(donor.pk),
                            "role": "funder",
                            "period_from": "2017",
                            "period_until": "2018-06",
                        },
                    ]
                ),
                "outcomes": inline_formset(
                    [
                        {
                            "value": "664046",
                            "unit": "",
                            "label": "επισκέψεις",
                            "about": "",
                            "date": "2019-12",
                        }
                    ]
                ),
                "achievements": inline_formset([{"text": "Πιστοποιήθηκε το 2018."}]),
                "recognitions": inline_formset([{"by": str(donor.pk), "date": "2018", "text": "Βραβείο"}]),
                "testimonials": inline_formset(
                    [{"quote": "Με βοήθησαν.", "name": "Α.", "role": "", "organisation": ""}]
                ),
                "figures": inline_formset(
                    [
                        {
                            "kind": "other",
                            "label": "στο πρόγραμμα ΕΣΤΙΑ",
                            "value": "2100",
                            "approximate": "on",
                            "date": "2018-03",
                            "source": "",
                        }
                    ]
                ),
                "adapted_from": inline_formset([{"source": str(earlier.pk)}]),
                "links": inline_formset([{"label": "Ιστότοπος", "url": "https://example.org/kem"}]),
                "images": inline_formset([]),
                "category_links": inline_formset([{"term": str(housing.pk)}]),
                "target_group_links": inline_formset([{"term": str(refugees.pk)}]),
            }
        )
        self.assertCanCreate(city, PracticePage, data)

        page = PracticePage.objects.get(slug="migrant-integration-centre", locale__language_code="el")
        self.assertTrue(page.live)
        self.assertEqual(page.started, PartialDate(2017, 6))
        self.assertEqual(page.ended, PartialDate(2019, 12))
        self.assertEqual(page.chosen_categories(), [housing])
        self.assertEqual(page.chosen_target_groups(), [refugees])
        self.assertEqual(
            [(item.organisation, item.role, item.period_until) for item in page.organisations.all()],
            [(lead, "lead", None), (donor, "funder", PartialDate(2018, 6))],
        )
        self.assertEqual(page.outcomes.get().value, 664046)
        self.assertEqual(page.recognitions.get().by, donor)
        self.assertEqual(page.figures.get().label, "στο πρόγραμμα ΕΣΤΙΑ")
        self.assertTrue(page.figures.get().approximate)
        self.assertEqual(page.adapted_from.get().source.specific, earlier)
        self.assertEqual(page.links.get().url, "https://example.org/kem")
        self.assertEqual(page.live_revision.as_object().started, PartialDate(2017, 6))

    def test_practice_page_form_errors_are_reported(self):
        city = CityPageFactory()
        data = nested_form_data(
            {
                "title": "Χωρίς κατηγορία",
                "slug": "no-category",
                "summary": "…",
                "description": rich_text("<p>…</p>"),
                "status": "completed",
                "evidence": "described",
                "started": "June 2017",
                "ended": "",
                "category_links": inline_formset([]),
            }
        )
        with self.assertRaisesRegex(AssertionError, r"(?s)ended:.*started:"):
            self.assertCanCreate(city, PracticePage, data)
        response = self.client.post(
            reverse("wagtailadmin_pages:add", args=["practices", "practicepage", city.pk]), data
        )
        # No category: the list says at least one is needed.
        self.assertTrue(response.context["form"].formsets["category_links"].non_form_errors())
        self.assertFalse(PracticePage.objects.filter(slug="no-category").exists())


class AdminCreatesSnippets(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.trees = site_tree()

    def setUp(self):
        self.login()

    def add_url(self, model, language=None):
        url = reverse(f"wagtailsnippets_practices_{model._meta.model_name}:add")
        return f"{url}?locale={language}" if language else url

    def test_category(self):
        response = self.client.post(
            self.add_url(Category), {"name": "Στέγαση", "catalogue_id": "housing", "description": ""}
        )
        self.assertEqual(response.status_code, 302)
        category = Category.objects.get(catalogue_id="housing")
        self.assertEqual(category.locale, Locale.get_default())
        self.assertEqual(category.locale.language_code, "el")

    def test_category_in_english(self):
        response = self.client.post(
            self.add_url(Category, "en"), {"name": "Housing", "catalogue_id": "housing", "description": ""}
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Category.objects.get(catalogue_id="housing").locale.language_code, "en")

    def test_target_group(self):
        response = self.client.post(
            self.add_url(TargetGroup),
            {"name": "Ασυνόδευτα ανήλικα", "catalogue_id": "unaccompanied-minors", "description": ""},
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(TargetGroup.objects.filter(catalogue_id="unaccompanied-minors").exists())

    def test_organisation_published(self):
        response = self.client.post(
            self.add_url(Organisation),
            {
                "name": "Ύπατη Αρμοστεία του ΟΗΕ για τους Πρόσφυγες",
                "catalogue_id": "unhcr",
                "acronym": "UNHCR",
                "kind": "international",
                "website": "https://www.unhcr.org/gr/",
                "logo": "",
                "action-publish": "action-publish",
            },
        )
        self.assertEqual(response.status_code, 302)
        organisation = Organisation.objects.get(catalogue_id="unhcr")
        self.assertTrue(organisation.live)
        self.assertIsNotNone(organisation.live_revision)
        self.assertEqual(str(organisation), "Ύπατη Αρμοστεία του ΟΗΕ για τους Πρόσφυγες (UNHCR)")

    def test_catalogue_id_must_be_a_slug(self):
        response = self.client.post(
            self.add_url(Category), {"name": "Στέγαση", "catalogue_id": "Στέγαση!", "description": ""}
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("catalogue_id", response.context["form"].errors)
        self.assertFalse(Category.objects.exists())
