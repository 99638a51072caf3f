"""A translation goes through the IOM review like any change; readers see the Greek page until it is approved."""

import pytest
from bs4 import BeautifulSoup

from django.core import mail
from django.test import Client
from django.urls import reverse

from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from tests.editors.admin import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(network):
    return Locale.objects.get(language_code="en")


def translate(client, page, english, follow=True):
    """Press "Translate"; the next page shown (and its message) is read unless `follow` is False."""
    return client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [english.pk]},
        follow=follow,
    )


def translation_of(page, english):
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=english)


def translate_string(client, page, english, path, text):
    translation = translation_of(page, english)
    segment = StringSegment.objects.get(source=translation.source, context__path=path)
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        f"value={text}",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201), response.content


def start_translation(client, page, english, title=None):
    """Press "Translate" on `page` and, if given, translate its title; returns the English page."""
    translate(client, page, english)
    if title is not None:
        translate_string(client, page, english, "title", title)
    return page.get_translation(english)


def edit(client, page, **post):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return client.post(url, post, follow=True) if post else client.get(url)


def said(response, level=None):
    """The messages shown after `response` (only those of `level`, "success" or "error", if given)."""
    shown = list(response.context["messages"]) if response.context else []
    return [str(message) for message in shown if level is None or level in message.tags]


def reader(path):
    """What an anonymous reader gets at `path`: the page's title, the language its text is marked in, its links."""
    response = Client().get(path)
    assert response.status_code == 200, (path, response.status_code)
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    heading = soup.find("h1")
    marked = heading.find_parent(attrs={"lang": True}) if not heading.has_attr("lang") else heading
    return {
        "title": heading.get_text(" ", strip=True),
        "lang": marked["lang"],
        "greek_only": "Only available in Greek" in soup.get_text(" "),
        "hreflang": {link["hreflang"] for link in soup.select('link[rel="alternate"][hreflang]')},
    }


def test_translate_preselects_the_only_language_and_keeps_what_readers_see(network, editor_a, english):
    practice = network["A"].practice
    editor = client_for(editor_a)
    form = editor.get(reverse("wagtail_localize:submit_page_translation", args=[practice.pk]))
    checked = BeautifulSoup(form.content.decode(), "html.parser").select('input[name="locales"][checked]')
    assert [box["value"] for box in checked] == [str(english.pk)]

    response = translate(editor, practice, english, follow=False)
    target = practice.get_translation(english)
    assert response.status_code == 302 and response["Location"] == reverse(
        "wagtailadmin_pages:edit", args=[target.pk]
    )
    assert target.alias_of_id == practice.pk and target.live, "readers keep the Greek page"
    page = reader(target.url)
    assert (page["title"], page["lang"], page["greek_only"]) == (practice.title, "el", True)
    assert "en" not in page["hreflang"]


def test_the_editor_saves_and_submits_and_the_english_page_is_public_only_after_approval(
    network, editor_a, iom_reviewer, english
):
    practice = network["A"].practice
    editor, reviewer = client_for(editor_a), client_for(iom_reviewer)
    target = start_translation(editor, practice, english, "Practice in English")

    html = edit(editor, target).content.decode()
    footer = BeautifulSoup(html, "html.parser").select_one("[data-cni-translation-review] footer")
    main_action = footer.select_one(".w-dropdown-button > button")
    assert main_action["name"] == "cni-submit-translation-for-review"
    assert ".js-translation-editor footer.footer { display: none; }" in html, (
        "wagtail-localize's footer is hidden"
    )
    assert not footer.select('[name="cni-translation-publish"]'), "editors cannot publish"

    response = edit(editor, target, **{"cni-translation-save": "1"})
    assert response.status_code == 200 and said(response, "success") and not said(response, "error")
    target = Page.objects.get(pk=target.pk)
    assert target.alias_of_id == practice.pk
    assert target.get_latest_revision_as_object().title == "Practice in English"

    mail.outbox.clear()
    response = edit(editor, target, **{"cni-submit-translation-for-review": "1"})
    assert response.status_code == 200
    target = Page.objects.get(pk=target.pk)
    assert target.workflow_in_progress and target.alias_of_id == practice.pk
    assert [message for message in mail.outbox if iom_reviewer.email in message.to]
    page = reader(target.url)
    assert (page["title"], page["lang"], page["greek_only"]) == (practice.title, "el", True)

    # An editor's "Publish" (wagtail-localize's own button) is refused.
    response = editor.post(reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"})
    assert response.status_code == 403 or response["Location"] == reverse("wagtailadmin_home")
    assert Page.objects.get(pk=target.pk).alias_of_id == practice.pk

    html = edit(reviewer, target).content.decode()
    footer = BeautifulSoup(html, "html.parser").select_one("[data-cni-translation-review] footer")
    assert footer.select_one(".w-dropdown-button > button")["name"] == "cni-translation-approve"
    response = edit(reviewer, target, **{"cni-translation-approve": "1"})
    messages = said(response, "success")
    assert any("Practice in English" in message and "δημοσιεύτηκε" in message for message in messages), (
        messages
    )
    target = Page.objects.get(pk=target.pk)
    assert target.alias_of_id is None and target.live and target.title == "Practice in English"
    assert not target.workflow_in_progress
    page = reader(target.url)
    assert (page["title"], page["lang"], page["greek_only"]) == ("Practice in English", "en", False)
    assert {"el", "en"} <= page["hreflang"]
    assert {"el", "en"} <= reader(practice.url)["hreflang"]

    # The Greek page's next publication no longer overwrites the translation.
    practice.save_revision().publish()
    assert Page.objects.get(pk=target.pk).title == "Practice in English"


def test_changes_requested_with_a_comment_reach_the_editor_who_resubmits(
    network, editor_a, iom_reviewer, english
):
    practice = network["A"].practice
    editor, reviewer = client_for(editor_a), client_for(iom_reviewer)
    target = start_translation(editor, practice, english)
    edit(editor, target, **{"cni-submit-translation-for-review": "1"})

    response = edit(reviewer, target, **{"cni-translation-request-changes": "1", "comment": "  "})
    assert any("σχόλιο" in message for message in said(response, "error")), said(response)
    assert Page.objects.get(pk=target.pk).current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    mail.outbox.clear()
    edit(
        reviewer,
        target,
        **{"cni-translation-request-changes": "1", "comment": "Μεταφράστε και τον υπότιτλο."},
    )
    state = Page.objects.get(pk=target.pk).current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert any(
        "Μεταφράστε και τον υπότιτλο." in message.body
        for message in mail.outbox
        if editor_a.email in message.to
    )

    html = edit(editor, target).content.decode()
    comment = BeautifulSoup(html, "html.parser").select_one("[data-cni-reviewer-comment]")
    assert "Μεταφράστε και τον υπότιτλο." in comment.get_text()

    edit(editor, target, **{"cni-submit-translation-for-review": "1"})
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


def test_a_translation_cannot_go_live_while_its_source_is_not(
    network, editor_a, iom_reviewer, superuser, english
):
    draft = network["A"].draft  # never published
    editor, reviewer = client_for(editor_a), client_for(iom_reviewer)
    translate(editor, draft, english)
    target = draft.get_translation(english)
    response = edit(editor, target, **{"cni-submit-translation-for-review": "1"})
    assert [message for message in said(response, "error") if "Ελληνικά" in message], said(response)
    assert not said(response, "success")
    assert not Page.objects.get(pk=target.pk).workflow_in_progress

    # A live page is submitted, then its source is unpublished: approval is refused, in either editor.
    practice = network["A"].practice
    target = start_translation(editor, practice, english)
    edit(editor, target, **{"cni-submit-translation-for-review": "1"})
    practice.unpublish()
    response = edit(reviewer, target, **{"cni-translation-approve": "1"})
    assert said(response, "error") and not said(response, "success"), said(response)
    assert Page.objects.get(pk=target.pk).workflow_in_progress
    task_state = Page.objects.get(pk=target.pk).current_workflow_task_state
    response = reviewer.post(
        reverse("wagtailadmin_pages:workflow_action", args=[target.pk, "approve", task_state.pk]),
        {"comment": ""},
        follow=True,
    )
    assert response.status_code == 200
    assert [message for message in said(response, "error") if "Ελληνικά" in message], said(response)
    target = Page.objects.get(pk=target.pk)
    assert target.workflow_in_progress and target.alias_of_id == practice.pk


def test_an_error_in_the_translation_is_shown_never_a_success(network, editor_a, english):
    practice = network["A"].practice
    editor = client_for(editor_a)
    target = start_translation(editor, practice, english, "T" * 300)
    response = edit(editor, target, **{"cni-submit-translation-for-review": "1"})
    assert not said(response, "success")
    messages = said(response, "error")
    assert len(messages) == 1 and "255" in messages[0] and "τίτλος" in messages[0].lower(), said(response)
    assert not Page.objects.get(pk=target.pk).workflow_in_progress


def test_translate_shows_wagtail_localizes_swallowed_errors(network, editor_a, english):
    """Without an alias the target is made by wagtail-localize, whose validation errors it used to hide."""
    practice = network["A"].practice
    editor = client_for(editor_a)
    practice.get_translation(english).delete()
    source, _created = TranslationSource.update_or_create_from_instance(practice)
    title = StringSegment.objects.get(source=source, context__path="title")
    StringTranslation.objects.create(
        translation_of=title.string, locale=english, context=title.context, data="T" * 300
    )

    response = translate(editor, practice, english, follow=False)
    assert response.status_code == 200, response
    errors = response.context["form"].non_field_errors()
    assert len(errors) == 1 and "255" in errors[0], errors
    assert not practice.get_translations().filter(locale=english).exists()
    assert not said(response)


def test_update_translations_offers_editors_drafts_and_review_not_publishing(
    network, editor_a, iom_reviewer, english
):
    practice = network["A"].practice
    editor = client_for(editor_a)
    start_translation(editor, practice, english, "Practice in English")
    source = translation_of(practice, english).source
    url = reverse("wagtail_localize:update_translations", args=[source.pk])

    def choices(client):
        html = client.get(url).content.decode()
        return [box["value"] for box in BeautifulSoup(html, "html.parser").select('input[name="then"]')]

    assert choices(editor) == ["sync", "draft", "review"]
    assert choices(client_for(iom_reviewer)) == ["sync", "draft", "review", "publish"]
    assert editor.post(url, {"then": "publish"}).status_code == 403

    response = editor.post(url, {"then": "review"}, follow=True)
    assert response.status_code == 200, said(response)
    target = Page.objects.get(pk=practice.get_translation(english).pk)
    assert target.workflow_in_progress and target.alias_of_id == practice.pk
    assert target.get_latest_revision_as_object().title == "Practice in English"


def test_update_translations_stops_at_the_first_error_and_says_which_page(network, editor_a, english):
    practice = network["A"].practice
    editor = client_for(editor_a)
    start_translation(editor, practice, english, "T" * 300)
    source = translation_of(practice, english).source
    revisions = Page.objects.get(pk=practice.get_translation(english).pk).revisions.count()
    response = editor.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]), {"then": "draft"}, follow=True
    )
    assert not said(response, "success")
    messages = said(response, "error")
    assert len(messages) == 1 and "255" in messages[0], said(response)
    assert Page.objects.get(pk=practice.get_translation(english).pk).revisions.count() == revisions


def test_convert_to_alias_asks_first_saying_what_is_lost_and_ends_the_review(
    network, editor_a, iom_reviewer, english
):
    practice = network["A"].practice
    editor, reviewer = client_for(editor_a), client_for(iom_reviewer)
    target = start_translation(editor, practice, english, "Practice in English")
    edit(editor, target, **{"cni-submit-translation-for-review": "1"})
    edit(reviewer, target, **{"cni-translation-approve": "1"})
    edit(editor, target, **{"cni-submit-translation-for-review": "1"})
    assert Page.objects.get(pk=target.pk).workflow_in_progress

    url = reverse("wagtail_localize:convert_to_alias", args=[target.pk])
    confirmation = BeautifulSoup(reviewer.get(url).content.decode(), "html.parser").select_one(
        "[data-cni-convert-to-alias]"
    )
    assert "Τι θα χαθεί" in confirmation.get_text()
    reviewer.post(url)
    target = Page.objects.get(pk=target.pk)
    assert target.alias_of_id == practice.pk and target.title == practice.title
    assert not target.workflow_in_progress


def test_approving_a_page_in_wagtails_editor_says_published(network, editor_a, iom_reviewer):
    from tests.rights.forms import form_data, single

    draft = network["A"].draft
    editor, reviewer = client_for(editor_a), client_for(iom_reviewer)
    url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    editor.post(
        url, single(form_data(editor.get(url).content.decode(), "page-edit-form"), **{"action-submit": "1"})
    )
    data = form_data(reviewer.get(url).content.decode(), "page-edit-form")
    response = reviewer.post(
        url,
        single(data, **{"action-workflow-action": "1", "workflow-action-name": "approve"}),
        follow=True,
    )
    messages = said(response)
    assert Page.objects.get(pk=draft.pk).live
    assert len(messages) == 1 and "δημοσιεύτηκε" in messages[0], messages
