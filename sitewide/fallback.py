"""Source-language text published inside a translation, found so templates can mark it.

wagtail-localize builds a translation from its string translations and, for a
string nobody has translated yet, publishes the source text instead. An
English practice can then show Greek sentences, and they need `lang="el"`
for screen readers and search engines (docs/decisions/0028).

What fell back is read from wagtail-localize's own records, in one query for
a page and everything it shows: the source segments of each object's
translation into the page's locale, less those a translator deliberately kept
as they are. A text is marked only while what is published still equals its
source text. So a translation typed in the editor but not yet published
stays marked until it is published, and text edited on the page by hand is
not marked.
"""

from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString

from django.db.models import Exists, OuterRef

from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.strings import INLINE_TAGS, StringValue, extract_strings

from sitewide.text import direction


@dataclass
class Untranslated:
    """Source texts that may still show in one locale, by (translation key, segment path)."""

    # {(object's translation key, segment path): {source text as wagtail-localize stores it}}
    texts: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    # {object's translation key: the language of its source}
    languages: dict[str, str] = field(default_factory=dict)

    def language(self, obj, path, text):
        """The source language when `text`, at `path` in `obj`'s segments, is untranslated; else ""."""
        key = str(obj.translation_key)
        candidates = self.texts.get((key, path))
        if not candidates or not text:
            return ""
        # Compared the way wagtail-localize stores a plain-text segment (escaped, newlines as <br>).
        return self.languages[key] if StringValue.from_plaintext(text).data in candidates else ""

    def fields(self, obj, names, *, owner=None, relation=""):
        """{field name: source language} for the fields of `obj` that show untranslated text.

        An inline item's segments belong to its page (`owner`), under the path
        `<relation>.<item's translation key>.<field>`.
        """
        prefix = f"{relation}.{obj.translation_key}." if owner is not None else ""
        owner = owner if owner is not None else obj
        found = {}
        for name in names:
            language = self.language(owner, prefix + name, getattr(obj, name))
            if language:
                found[name] = language
        return found

    def mark_items(self, owner, relation, items, names):
        """The items as a list, each given `untranslated`: {field name: source language}."""
        items = list(items)
        for item in items:
            item.untranslated = self.fields(item, names, owner=owner, relation=relation)
        return items

    def mark_names(self, snippets):
        """A snippet whose name fell back is in its source language: set its `lang` to that."""
        for snippet in snippets:
            language = self.language(snippet, "name", snippet.name)
            if language:
                snippet.lang = language
        return snippets

    def rich_text(self, obj, name, content_language):
        """The rich text field `name` of `obj`, its untranslated paragraphs carrying `lang`.

        The stored value comes back unchanged when nothing in it fell back, so
        only a partly translated field is parsed.
        """
        html = getattr(obj, name) or ""
        key = str(obj.translation_key)
        candidates = self.texts.get((key, name))
        if not candidates or not html:
            return html
        template, strings = extract_strings(html)
        if not any(string.data in candidates for string, _attrs in strings):
            return html
        attributes = {"lang": self.languages[key]}
        if direction(self.languages[key]) != direction(content_language):
            attributes["dir"] = direction(self.languages[key])
        return _restore_marked(template, strings, candidates, attributes)


def _restore_marked(template, strings, candidates, attributes):
    """wagtail-localize's `restore_strings`, with `attributes` on each untranslated string.

    They go on the block around the string when it holds nothing else (a
    paragraph, a list item), else on a span around the string.
    """
    soup = BeautifulSoup(template, "html.parser")
    for placeholder in soup.find_all("text"):
        string, attrs = strings[int(placeholder.get("position"))]
        content = string.render_soup(attrs)
        if string.data in candidates:
            block = placeholder.parent
            if _holds_only(block, placeholder):
                block.attrs.update(attributes)
            else:
                span = soup.new_tag("span", attrs=attributes)
                span.append(content)
                content = span
        placeholder.replace_with(content)
    return str(soup)


def _holds_only(block, placeholder):
    if block is None or block.name in (None, "[document]") or block.name in INLINE_TAGS:
        return False
    return all(
        child is placeholder or (isinstance(child, NavigableString) and not child.strip())
        for child in block.children
    )


def load_untranslated(locale_id, objects):
    """What may show untranslated in `objects` (pages or snippets in locale `locale_id`): one query.

    Aliases are left out: all of their text is the source's, and the page
    says so as a whole. Objects that wagtail-localize does not translate into
    this locale have no segments, so nothing of theirs is marked.
    """
    keys = {
        obj.translation_key
        for obj in objects
        if obj is not None and obj.locale_id == locale_id and getattr(obj, "alias_of_id", None) is None
    }
    if not keys:
        return Untranslated()
    kept_as_is = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=locale_id,
        data=OuterRef("string__data"),
    )
    rows = (
        StringSegment.objects.filter(
            source__object_id__in=keys, source__translations__target_locale_id=locale_id
        )
        .exclude(source__locale_id=locale_id)
        .exclude(Exists(kept_as_is))
        .values_list("source__object_id", "source__locale__language_code", "context__path", "string__data")
    )
    untranslated = Untranslated()
    for key, language, path, data in rows:
        key = str(key)
        untranslated.languages[key] = language
        untranslated.texts.setdefault((key, path), set()).add(data)
    return untranslated
