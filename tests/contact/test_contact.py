"""“Contact the city about this practice”: mail to the city, a stored copy, a honeypot, a rate limit, a purge."""

from datetime import timedelta
from io import StringIO

import pytest
from bs4 import BeautifulSoup

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from contact.models import ContactMessage
from tests.factories.brochure import accmr, athens
from tests.factories.network import Network

MESSAGE = {"name": "Μαρία", "email": "maria@example.org", "message": "Πώς ξεκινήσατε;", "website": ""}


@pytest.fixture
def practice(db):
    network = Network()
    return accmr(network, athens(network))


def contact_url(page):
    return page.url + "contact/"


def test_form_is_a_page_of_its_own(client, practice):
    response = client.get(contact_url(practice))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("meta[name=robots]")["content"] == "noindex"
    for name in ("name", "email", "message"):
        field = soup.select_one(f"[name={name}]")
        assert field.has_attr("required")
        assert soup.select_one(f'label[for="{field["id"]}"]')
    trap = soup.select_one("[name=website]")
    assert trap["tabindex"] == "-1"
    assert trap.find_parent(attrs={"aria-hidden": "true"})
    # The practice page itself sets no cookie: the form is not on it.
    assert "csrftoken" not in client.get(practice.url).cookies


def test_message_is_mailed_to_the_city_and_stored(client, practice):
    response = client.post(contact_url(practice), MESSAGE)
    assert response.status_code == 302
    assert response["Location"] == "/el/cities/athens/accmr/contact/sent/"

    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["info@athens.example"]
    assert sent.reply_to == ["maria@example.org"]
    assert "Κέντρο Συντονισμού" in sent.subject
    assert "Πώς ξεκινήσατε;" in sent.body
    assert "/el/cities/athens/accmr/\n" in sent.body

    stored = ContactMessage.objects.get()
    assert (stored.practice_id, stored.recipient, stored.name, stored.delivered, stored.language) == (
        practice.pk,
        "info@athens.example",
        "Μαρία",
        True,
        "el",
    )
    page = client.get(response["Location"])
    assert page.status_code == 200


def test_errors_are_tied_to_their_fields(client, practice):
    response = client.post(contact_url(practice), {**MESSAGE, "email": "not an address", "message": ""})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("#form-errors[role=alert]")
    email = soup.select_one("[name=email]")
    assert email["aria-invalid"] == "true"
    assert "id_email-error" in email["aria-describedby"].split()
    assert soup.select_one("[name=name]").get("aria-invalid") is None
    assert mail.outbox == [] and not ContactMessage.objects.exists()


def test_honeypot_pretends_to_send(client, practice):
    response = client.post(contact_url(practice), {**MESSAGE, "website": "http://spam.example"})
    assert response.status_code == 302
    assert mail.outbox == [] and not ContactMessage.objects.exists()


def test_rate_limit_answers_429_with_a_page(client, practice, settings, one_rate_window):
    settings.RATELIMITS = {**settings.RATELIMITS, "contact": "2/h"}
    for _ in range(2):
        assert client.post(contact_url(practice), MESSAGE).status_code == 302
    response = client.post(contact_url(practice), MESSAGE)
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one('a[href="mailto:info@athens.example"]')
    assert len(mail.outbox) == 2
    # Reading the form is not counted.
    assert client.get(contact_url(practice)).status_code == 200


def test_mail_failure_keeps_the_message(client, practice, settings):
    settings.EMAIL_BACKEND = "tests.contact.failing_backend.FailingBackend"
    response = client.post(contact_url(practice), MESSAGE)
    assert response["Location"].endswith("contact/sent/?failed=1")
    assert ContactMessage.objects.get().delivered is False


def test_purge_deletes_only_messages_past_retention(db, settings):
    settings.CONTACT_MESSAGE_RETENTION_DAYS = 30
    now = timezone.now()
    fields = {"practice_title": "P", "city_name": "C", "recipient": "c@example.org", "email": "a@example.org"}
    old = ContactMessage.objects.create(name="old", created_at=now - timedelta(days=31), **fields)
    recent = ContactMessage.objects.create(name="recent", created_at=now - timedelta(days=29), **fields)

    out = StringIO()
    call_command("purge_contact_messages", "--dry-run", stdout=out)
    assert "1 message(s)" in out.getvalue()
    assert ContactMessage.objects.count() == 2

    call_command("purge_contact_messages", stdout=StringIO())
    assert list(ContactMessage.objects.all()) == [recent]
    assert not ContactMessage.objects.filter(pk=old.pk).exists()


def test_staff_read_messages_but_cannot_write_them(superuser_client, practice):
    superuser_client.post(contact_url(practice), MESSAGE)
    message = ContactMessage.objects.get()
    index = superuser_client.get("/admin/snippets/contact/contactmessage/")
    assert index.status_code == 200
    assert "Μαρία" in index.content.decode()
    inspect = superuser_client.get(f"/admin/snippets/contact/contactmessage/inspect/{message.pk}/")
    assert inspect.status_code == 200 and "Πώς ξεκινήσατε;" in inspect.content.decode()
    assert superuser_client.get("/admin/snippets/contact/contactmessage/add/").status_code in (302, 403, 404)
    edit = superuser_client.get(f"/admin/snippets/contact/contactmessage/edit/{message.pk}/")
    assert edit.status_code in (302, 403, 404)


def test_greek_sentences_read_right_with_the_municipality_s_official_name(client, practice):
    """«Δήμος Αθηναίων» is a name in the nominative: no sentence puts it after «την πόλη» or «της πόλης»."""
    texts = [
        client.get(practice.url).content.decode(),
        client.get(contact_url(practice)).content.decode(),
    ]
    response = client.post(contact_url(practice), MESSAGE)
    texts.append(client.get(response["Location"]).content.decode())
    texts.append(mail.outbox[0].body)
    for text in texts:
        plain = " ".join(BeautifulSoup(text, "html.parser").get_text().split())
        assert "Δήμος Αθηναίων" in plain
        for awkward in ("πόλη Δήμος", "πόλης Δήμος", "στην πόλη Δήμος"):
            assert awkward not in plain
