import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MESSAGE_MAX_LENGTH = 5000
# Control characters, and the line and paragraph separators: what breaks a line of a mail.
LINE_BREAKING = {"Cc", "Zl", "Zp"}


def one_line(value):
    """A one-line field refuses CR, LF and every other control character.

    The name is written into the mail to the city; a line break in it could
    forge a line such as "Bcc: …" in what the city reads (issue 12).
    """
    if any(unicodedata.category(character) in LINE_BREAKING for character in value):
        raise ValidationError(
            _("Write this on one line, without line breaks or control characters."), code="control_character"
        )


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=120, validators=[one_line])
    email = forms.EmailField(
        label=_("Your email address"),
        help_text=_("The city will answer you at this address."),
        validators=[one_line],
    )
    message = forms.CharField(
        label=_("Your message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    # The honeypot: hidden from people (and from assistive technology), so
    # only a robot that fills in every field fills it in.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    @property
    def is_robot(self):
        return bool(self.cleaned_data.get("website"))
