"""The page tree only takes the shapes the site is built for."""

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

from cities.models import CityIndexPage, CityPage
from home.models import HomePage, LegalPage
from practices.models import PracticeIndexPage, PracticePage
from tests.factories import CityPageFactory, HomePageFactory, site_tree

PAGE_MODELS = [HomePage, CityIndexPage, CityPage, PracticeIndexPage, PracticePage, LegalPage]


class TreeRules(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.trees = site_tree()

    def setUp(self):
        self.login()

    def add_url(self, model, parent):
        return reverse(
            "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
        )

    def test_allowed_parent_page_types(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedParentPageTypes(CityIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(CityPage, {CityIndexPage})
        self.assertAllowedParentPageTypes(PracticeIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(PracticePage, {CityPage})

    def test_allowed_subpage_types(self):
        self.assertAllowedSubpageTypes(HomePage, {CityIndexPage, PracticeIndexPage, LegalPage})
        self.assertAllowedSubpageTypes(LegalPage, set())
        self.assertAllowedSubpageTypes(CityIndexPage, {CityPage})
        self.assertAllowedSubpageTypes(CityPage, {PracticePage})
        self.assertAllowedSubpageTypes(PracticeIndexPage, set())
        self.assertAllowedSubpageTypes(PracticePage, set())

    def test_only_home_pages_can_be_created_at_the_root(self):
        root = Page.get_first_root_node()
        self.assertEqual(set(root.specific_class.creatable_subpage_models()) & set(PAGE_MODELS), {HomePage})

    def test_every_page_model_declares_its_place(self):
        for model in PAGE_MODELS:
            with self.subTest(model=model.__name__):
                self.assertIn("parent_page_types", model.__dict__)
                self.assertIn("subpage_types", model.__dict__)

    def test_a_second_cities_index_under_a_home_is_refused(self):
        for language, tree in self.trees.items():
            with self.subTest(language=language):
                self.assertFalse(CityIndexPage.can_create_at(tree.home))
                self.assertFalse(PracticeIndexPage.can_create_at(tree.home))
        home = self.trees["el"].home
        before = CityIndexPage.objects.count()
        response = self.client.post(
            self.add_url(CityIndexPage, home),
            nested_form_data({"title": "Πόλεις ξανά", "slug": "cities-again", "intro": rich_text("")}),
        )
        self.assertEqual(response.status_code, 302)
        self.assertNotIn(reverse("wagtailadmin_explore", args=[home.pk]), response["Location"])
        self.assertEqual(CityIndexPage.objects.count(), before)
        # Whereas an empty home page takes one of each.
        other_home = HomePageFactory()
        self.assertTrue(CityIndexPage.can_create_at(other_home))
        self.assertTrue(PracticeIndexPage.can_create_at(other_home))

    def test_a_practice_cannot_be_created_outside_a_city(self):
        tree = self.trees["el"]
        for parent in (tree.home, tree.cities, tree.practices):
            with self.subTest(parent=parent.specific_class.__name__):
                self.assertCanNotCreateAt(parent.specific_class, PracticePage)
                self.assertFalse(PracticePage.can_create_at(parent))
                with self.assertRaisesRegex(AssertionError, "Can not create a practices.practicepage"):
                    self.assertCanCreate(parent, PracticePage, {"title": "Εκτός πόλης", "slug": "outside"})
        self.assertFalse(PracticePage.objects.filter(slug="outside").exists())
        self.assertTrue(PracticePage.can_create_at(CityPageFactory()))

    def test_the_admin_refuses_a_practice_under_the_catalogue(self):
        practices = self.trees["el"].practices
        response = self.client.get(self.add_url(PracticePage, practices))
        self.assertNotEqual(response.status_code, 200)
        self.assertFalse(PracticePage.objects.child_of(practices).exists())

    def test_a_city_cannot_be_created_outside_the_cities_index(self):
        tree = self.trees["el"]
        self.assertCanCreateAt(CityIndexPage, CityPage)
        for parent in (tree.home, tree.practices, CityPageFactory()):
            with self.subTest(parent=parent.specific_class.__name__):
                self.assertFalse(CityPage.can_create_at(parent))
