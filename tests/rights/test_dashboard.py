"""The IOM dashboard's panels on the admin home page."""

import datetime

import pytest

from django.test import Client
from django.urls import reverse

from wagtail.models import Locale

from cities.review import submit_for_review
from home.dashboard import (
    awaiting_review,
    months_before,
    needs_status_check,
    recently_published,
    untranslated_practices,
    zero_result_searches,
)
from search.models import ZeroResultSearch
from sitewide.partial_date import PartialDate
from tests.factories import PracticePageFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 26)


def test_months_before_keeps_the_day_or_the_months_last():
    assert months_before(datetime.date(2026, 11, 26), 18) == datetime.date(2025, 5, 26)
    assert months_before(datetime.date(2026, 8, 31), 18) == datetime.date(2025, 2, 28)
    assert months_before(datetime.date(2024, 1, 15), 1) == datetime.date(2023, 12, 15)


def test_status_check_counts_a_partial_date_as_its_last_day(network):
    city = network["A"].page
    cutoff = months_before(TODAY, 18)  # 2025-05-26

    def practice(slug, documented):
        return PracticePageFactory(parent=city, slug=slug, title=slug, documented=documented)

    never = practice("never", None)
    old_year = practice("old-year", PartialDate(2024))  # 31 Dec 2024 < cutoff
    same_year = practice("same-year", PartialDate(2025))  # 31 Dec 2025: not yet
    old_month = practice("old-month", PartialDate(2025, 4))  # 30 Apr 2025 < cutoff
    cutoff_month = practice("cutoff-month", PartialDate(2025, 5))  # 31 May 2025: not yet
    day_before = practice("day-before", PartialDate(2025, 5, 25))
    on_cutoff = practice("on-cutoff", PartialDate(2025, 5, 26))
    assert cutoff == datetime.date(2025, 5, 26)
    flagged = [item.page.slug for item in needs_status_check(today=TODAY)]
    assert flagged[0] == never.slug
    assert set(flagged) >= {never.slug, old_year.slug, old_month.slug, day_before.slug}
    assert not set(flagged) & {same_year.slug, cutoff_month.slug, on_cutoff.slug}
    assert flagged.index(old_year.slug) < flagged.index(old_month.slug) < flagged.index(day_before.slug)
    # One entry per practice, not one per language.
    assert flagged.count(never.slug) == 1


def test_awaiting_review_groups_by_city_oldest_first(network, editor_a, editor_b):
    a_draft, b_draft = network["A"].draft, network["B"].draft
    b_practice = network["B"].practice
    b_practice.save_revision(user=editor_b)
    submit_for_review(b_practice, editor_b)
    a_draft.save_revision(user=editor_a)
    submit_for_review(a_draft, editor_a)
    b_draft.save_revision(user=editor_b)
    submit_for_review(b_draft, editor_b)
    groups = awaiting_review()
    assert [city for city, _items in groups] == ["Θεσσαλονίκη", "Αθήνα"]
    assert [item.page.pk for item in groups[0][1]] == [b_practice.pk, b_draft.pk]
    assert groups[1][1][0].requested_by == editor_a


def test_recently_published_and_untranslated(network):
    published = recently_published()
    assert {page.pk for page in published} >= {network["A"].practice.pk, network["B"].practice.pk}
    assert network["A"].draft.pk not in {page.pk for page in published}
    missing = {item.page.pk: item.languages for item in untranslated_practices()}
    # Named in the admin's language (Greek here, the site's default).
    assert [str(name) for name in missing[network["A"].practice.pk]] == ["Αγγλικά"]
    # Translate one: it leaves the list.
    from wagtail_localize.operations import translate_object

    translate_object(network["A"].practice, [Locale.objects.get(language_code="en")])
    assert network["A"].practice.pk not in {item.page.pk for item in untranslated_practices()}


def test_zero_result_searches_of_the_last_30_days(network):
    today = datetime.date.today()
    ZeroResultSearch.record("el", "Στέγαση", date=today)
    ZeroResultSearch.record("el", "στεγαση", date=today)
    ZeroResultSearch.record("en", "housing", date=today - datetime.timedelta(days=40))
    gaps = zero_result_searches()
    assert [(gap.language, gap.hits) for gap in gaps] == [("el", 2)]
    assert gaps[0].url.startswith("/el/search/?q=")


def test_the_panels_show_to_reviewers_and_link_to_pages(network, iom_reviewer, editor_a):
    network["A"].draft.save_revision(user=editor_a)
    submit_for_review(network["A"].draft, editor_a)
    ZeroResultSearch.record("el", "Στέγαση")
    client = Client()
    client.force_login(iom_reviewer)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    for panel in (
        "cni_awaiting_review",
        "cni_recently_published",
        "cni_status_check",
        "cni_zero_result_searches",
        "cni_untranslated",
    ):
        assert f'id="{panel}' in html or panel in html, panel
    positions = [html.index(panel) for panel in ("cni_awaiting_review", "cni_untranslated")]
    assert positions == sorted(positions)
    assert reverse("wagtailadmin_pages:edit", args=[network["A"].draft.pk]) in html
    # The published, untranslated practice is a row of two panels.
    assert html.count(reverse("wagtailadmin_pages:edit", args=[network["A"].practice.pk])) >= 2
    assert "Στέγαση" in html

    client.force_login(editor_a)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "cni_awaiting_review" not in html
