"""The migration that turned a practice's categories and target groups into ordered rows.

It runs back and forth on a database holding a practice, as a deployment
would on the catalogue it has: no link is lost either way, and the rows are
numbered in the order the export gave before (by catalogue id).
"""

import pytest

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from practices.models import PracticePage
from tests.factories import CategoryFactory, PracticePageFactory, TargetGroupFactory

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("practices", "0006_category_icons")]
AFTER = [("practices", "0007_chosen_terms_in_editors_order")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.fixture
def migrations_undone_then_redone():
    yield
    # Whatever the test found, the next test needs the schema of today.
    _migrate(AFTER)


def test_links_become_rows_numbered_as_the_export_listed_them_and_come_back(migrations_undone_then_redone):
    health, housing, education = (
        CategoryFactory(catalogue_id=key) for key in ("health", "housing", "education")
    )
    women, children = (TargetGroupFactory(catalogue_id=key) for key in ("women", "children"))
    practice = PracticePageFactory(
        categories=[health, housing, education], target_groups=[women, children], aliases=False
    )
    other = PracticePageFactory(categories=[housing], target_groups=[], aliases=False)

    _migrate(BEFORE)
    with connection.cursor() as cursor:
        cursor.execute("SELECT practicepage_id, category_id FROM practices_practicepage_categories")
        links = sorted(cursor.fetchall())
    assert links == sorted(
        [
            (practice.pk, health.pk),
            (practice.pk, housing.pk),
            (practice.pk, education.pk),
            (other.pk, housing.pk),
        ]
    )

    _migrate(AFTER)
    practice = PracticePage.objects.get(pk=practice.pk)
    assert [term.catalogue_id for term in practice.chosen_categories()] == ["education", "health", "housing"]
    assert [term.catalogue_id for term in practice.chosen_target_groups()] == ["children", "women"]
    assert [row.sort_order for row in practice.category_links.all()] == [0, 1, 2]
    assert [term.catalogue_id for term in PracticePage.objects.get(pk=other.pk).chosen_categories()] == [
        "housing"
    ]
