"""Words that Wagtail and wagtail-localize write in English whatever the admin's language.

Their message catalogues are complete (`locale/wagtail/`), but a little of
their interface text never goes through gettext. Each adjustment below is
small and names what upstream hard-codes; `tests/i18n/` shows the screens in
Greek and fails when one stops working (decision 0089).

- The login form's password field has no label, so Django derives "Password"
  from its name: `LoginForm` (WAGTAILADMIN_USER_LOGIN_FORM) gives it one.
- The translation editor, a React app, writes "<source> to <target>
  translation" and "More actions": `translation_editor_words` sends the
  admin's words to static/js/admin/translation-editor-words.js.
- Each translated text's note is dated with `strftime` ("2 December 2026")
  and names the tool as stored ("import_catalogue"): `translation_note`
  writes it in the admin's language, with a description of the tool that the
  app that made the text registers (`describe_tool`).
- The Translation model has no verbose names ("57 translations" under its
  report) and the report's language filters are labelled from field names
  ("Source locale"): `apply` names them.
"""

from django.templatetags.static import static
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, json_script
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.views.report import TranslationsReportFilterSet

# What a translation tool's notes say, by the tool's stored name: "%(date)s" is the day.
TOOL_NOTES = {}


class LoginForm(WagtailLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")


def translation_editor_words():
    """`insert_editor_js`: the translation editor's hard-coded English, in the admin's language."""
    # The languages' names go where the script finds {1} and {2}.
    words = {
        "heading": gettext("Translation from %(source)s into %(target)s")
        % {"source": "{1}", "target": "{2}"},
        "moreActions": gettext("More actions"),
    }
    return format_html(
        '{}<script src="{}" defer></script>',
        json_script(words, "cni-translation-editor-words"),
        static("js/admin/translation-editor-words.js"),
    )


def describe_tool(tool_name, note):
    """Say how the notes of texts that `tool_name` translated read: `note` has a "%(date)s"."""
    TOOL_NOTES[tool_name] = note


def translation_note(string_translation):
    """`StringTranslation.get_comment`, in the admin's language: who or what translated the text, and when."""
    date = date_format(timezone.localtime(string_translation.updated_at), "j E Y")
    if string_translation.tool_name in TOOL_NOTES:
        return TOOL_NOTES[string_translation.tool_name] % {"date": date}
    if string_translation.tool_name:
        return gettext("Translated with %(tool)s on %(date)s") % {
            "tool": string_translation.tool_name,
            "date": date,
        }
    if string_translation.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE:
        return gettext("Machine translated on %(date)s") % {"date": date}
    return gettext("Translated manually on %(date)s") % {"date": date}


def apply():
    """Put the words in place; run once, when the apps are ready."""
    StringTranslation.get_comment = translation_note
    # Set on the options, not in Meta: the migrations are wagtail-localize's and stay as they are.
    Translation._meta.verbose_name = _("translation")
    Translation._meta.verbose_name_plural = _("translations")
    filters = TranslationsReportFilterSet.base_filters
    filters["source_locale"].label = _("Source language")
    filters["target_locale"].label = _("Target language")
