"""`import_catalogue FILE --city ID --user EMAIL`: one city's records only, drafts submitted for review."""

import copy
import io

import pytest

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command

from wagtail.models import Page, WorkflowState

from catalogue.format.errors import CatalogueInvalid
from catalogue.format.importer import import_document
from catalogue.format.scope import Scope
from catalogue.municipalities import add_municipality
from cities.onboarding import add_editor
from practices.models import PracticePage
from tests.catalogue.conftest import row_counts
from tests.factories.demo import demo_document as fresh_demo_document
from tests.module_content import built_once_per_module

pytestmark = pytest.mark.django_db


def _build_athens_network(trees):
    """The demo's vocabulary and two of its cities on the site, an Athens editor and a reviewer (their ids)."""
    demo = fresh_demo_document()
    vocabulary = {key: demo[key] for key in ("format", "categories", "target_groups", "organisations")}
    cities = [city for city in demo["cities"] if city["id"] in ("athens", "thessaloniki")]
    import_document({**vocabulary, "cities": cities}, publish=True)
    add_municipality("athens")
    add_municipality("thessaloniki")
    editor = add_editor("editor@athens.example", city_id="athens", send_email=False).user
    reviewer = add_editor("reviewer@iom.example", reviewer=True, send_email=False).user
    return {"editor": editor.pk, "reviewer": reviewer.pk}


athens_people = built_once_per_module(_build_athens_network)


@pytest.fixture
def athens_network(athens_people):
    """The module's Athens editor and reviewer, read afresh for each test (a test may change them)."""
    users = get_user_model().objects
    return {role: users.get(pk=pk) for role, pk in athens_people.items()}


def _practices(demo_document, *ids):
    return [copy.deepcopy(p) for p in demo_document["practices"] if p["id"] in ids]


def test_drafts_are_submitted_for_review_in_the_editors_name(athens_network, demo_document):
    editor = athens_network["editor"]
    document = {"format": demo_document["format"], "practices": _practices(demo_document, "accmr")}
    mail.outbox.clear()
    import_document(document, scope=Scope(city="athens", user=editor))
    pages = PracticePage.objects.filter(slug="accmr", alias_of__isnull=True)
    assert {page.locale.language_code for page in pages} == {"el", "en"}
    for page in pages:
        assert not page.live
        assert page.get_latest_revision().user == editor
        state = WorkflowState.objects.get(object_id=str(page.pk))
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        assert state.requested_by == editor
    reviewer = athens_network["reviewer"]
    assert [message for message in mail.outbox if reviewer.email in message.to]


def test_a_scoped_dry_run_writes_nothing_and_mails_nobody(athens_network, demo_document):
    document = {"format": demo_document["format"], "practices": _practices(demo_document, "accmr")}
    before = row_counts()
    mail.outbox.clear()
    result = import_document(
        document, dry_run=True, scope=Scope(city="athens", user=athens_network["editor"])
    )
    assert result.tallies["practices"].created == ["accmr"]
    assert row_counts() == before
    assert mail.outbox == []


def test_another_citys_practice_is_refused_by_name_and_nothing_is_written(athens_network, demo_document):
    document = {
        "format": demo_document["format"],
        "practices": _practices(demo_document, "accmr", "thessaloniki-community-interpreting"),
    }
    before = row_counts()
    with pytest.raises(CatalogueInvalid) as error:
        import_document(document, scope=Scope(city="athens", user=athens_network["editor"]))
    messages = [str(problem) for problem in error.value.problems]
    assert messages == [
        "practices[thessaloniki-community-interpreting].city: is 'thessaloniki'; "
        "this import is for the city 'athens' only"
    ]
    assert row_counts() == before


def test_other_cities_and_the_vocabulary_are_refused(athens_network, demo_document):
    document = {
        "format": demo_document["format"],
        "categories": demo_document["categories"][:1],
        "cities": [city for city in demo_document["cities"] if city["id"] in ("athens", "thessaloniki")],
    }
    with pytest.raises(CatalogueInvalid) as error:
        import_document(document, scope=Scope(city="athens", user=athens_network["editor"]))
    paths = [problem.path for problem in error.value.problems]
    assert paths == [f"categories[{demo_document['categories'][0]['id']}]", "cities[thessaloniki]"]


def test_a_practice_living_under_another_city_is_refused(athens_network, demo_document):
    practice = _practices(demo_document, "thessaloniki-community-interpreting")
    import_document({"format": demo_document["format"], "practices": practice}, publish=True)
    moved = copy.deepcopy(practice)
    moved[0]["city"] = "athens"
    # Refused without naming whose it is (issue 12), and never moved.
    with pytest.raises(CatalogueInvalid, match="this id is already taken") as refused:
        import_document(
            {"format": demo_document["format"], "practices": moved},
            scope=Scope(city="athens", user=athens_network["editor"]),
        )
    assert "thessaloniki'" not in str(refused.value)
    page = PracticePage.objects.get(slug="thessaloniki-community-interpreting", locale__language_code="el")
    assert page.get_parent().slug == "thessaloniki"


def test_the_command_takes_city_and_user(athens_network, demo_document, write_catalogue):
    document = {"format": demo_document["format"], "practices": _practices(demo_document, "accmr")}
    path = write_catalogue(document)
    out = io.StringIO()
    call_command(
        "import_catalogue", str(path), "--city", "athens", "--user", "editor@athens.example", stdout=out
    )
    assert "practices: 1 created" in out.getvalue()
    page = PracticePage.objects.get(slug="accmr", locale__language_code="el")
    assert page.workflow_in_progress and not page.live

    with pytest.raises(CommandError, match="go together"):
        call_command("import_catalogue", str(path), "--city", "athens")
    with pytest.raises(CommandError, match="not an editor of the city 'thessaloniki'"):
        call_command(
            "import_catalogue", str(path), "--city", "thessaloniki", "--user", "editor@athens.example"
        )
    other = write_catalogue(
        {
            "format": demo_document["format"],
            "practices": _practices(demo_document, "thessaloniki-community-interpreting"),
        },
        name="other.json",
    )
    err = io.StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command(
            "import_catalogue", str(other), "--city", "athens", "--user", "editor@athens.example", stderr=err
        )
    assert "practices[thessaloniki-community-interpreting].city" in err.getvalue()
    assert not Page.objects.filter(slug="thessaloniki-community-interpreting").exists()


def test_without_a_scope_the_importer_is_unchanged(athens_network, demo_document):
    """An administrator's import is not submitted anywhere: drafts stay drafts."""
    import_document({"format": demo_document["format"], "practices": _practices(demo_document, "accmr")})
    page = PracticePage.objects.get(slug="accmr", locale__language_code="el")
    assert not page.live and not page.workflow_in_progress


def test_a_draft_import_leaves_live_translations_as_they_are(athens_network, demo_document):
    """Changed English text of a published practice waits in a revision, like the Greek one."""
    practice = _practices(demo_document, "accmr")
    import_document({"format": demo_document["format"], "practices": practice}, publish=True)
    english = PracticePage.objects.get(slug="accmr", locale__language_code="en")
    live_title = english.title
    changed = copy.deepcopy(practice)
    changed[0]["title"] = {"el": "Νέος τίτλος", "en": "New title"}
    editor = athens_network["editor"]
    import_document(
        {"format": demo_document["format"], "practices": changed}, scope=Scope(city="athens", user=editor)
    )
    english = PracticePage.objects.get(pk=english.pk)
    assert english.live and english.title == live_title
    assert english.get_latest_revision_as_object().title == "New title"
    assert english.workflow_in_progress
    greek = PracticePage.objects.get(slug="accmr", locale__language_code="el")
    assert greek.title != "Νέος τίτλος" and greek.get_latest_revision_as_object().title == "Νέος τίτλος"
