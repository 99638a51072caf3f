"""Issue 12, finding 8: a one-line field of the contact form refuses line breaks and control characters.

A CR/LF in the name wrote a forged "Bcc:" line into the mail's body; now
the form comes back with the error at the field, and no mail is sent or
message stored.
"""

import pytest

from django.core import mail

from contact.models import ContactMessage
from tests.contact.test_contact import MESSAGE, contact_url, practice  # noqa: F401  (the same practice)

pytestmark = pytest.mark.django_db

HOSTILE = {
    "CR/LF in the name": ("name", "Μαρία\r\nBcc: victim@example.org"),
    "LF in the name": ("name", "Μαρία\nBcc: victim@example.org"),
    "a NUL-free control character": ("name", "Μαρία\x1b[31m"),
    "a Unicode line separator": ("name", "Μαρία\u2028Bcc: victim@example.org"),
    "CR/LF in the address": ("email", "maria@example.org\r\nBcc: victim@example.org"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_line_break_in_a_one_line_field_is_refused_at_the_field(client, practice, case):  # noqa: F811
    field, value = HOSTILE[case]
    response = client.post(contact_url(practice), {**MESSAGE, field: value})
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert mail.outbox == []
    assert not ContactMessage.objects.exists()


def test_the_message_itself_keeps_its_lines(client, practice):  # noqa: F811
    response = client.post(contact_url(practice), {**MESSAGE, "message": "Πρώτη γραμμή.\r\nΔεύτερη γραμμή."})
    assert response.status_code == 302
    assert "Πρώτη γραμμή.\nΔεύτερη γραμμή." in mail.outbox[0].body.replace("\r\n", "\n")
