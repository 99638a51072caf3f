"""The site's chrome: language switcher, alternate links, main sections, breadcrumbs.

These work with or without a page in the template context, so the search page,
other views and the error pages share the base template. Results are kept on
the request's Reader, so the head and the header share one query.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import translate_url
from django.utils.translation import get_language_info

from wagtail.models import Page

from cities.models import CityIndexPage
from home.models import HomePage, LegalPage
from practices.models import PracticeIndexPage
from sitewide.reader import Reader, content_language_for, home_url, with_source_locale
from sitewide.structure import remembered


@dataclass(frozen=True)
class LanguageLink:
    """One entry of the language switcher: a language, named in itself."""

    code: str
    name: str
    url: str
    is_current: bool


@dataclass
class Alternates:
    """Where the current content exists in each language."""

    languages: list[LanguageLink] = field(default_factory=list)
    # (language code, absolute URL) for each version written in its own language
    hreflang: list[tuple[str, str]] = field(default_factory=list)
    x_default: str | None = None
    canonical: str | None = None


@dataclass(frozen=True)
class NavItem:
    title: str
    url: str
    current: str  # "page", "true" (a page inside the section) or "" (elsewhere)


@dataclass
class Sections:
    home: NavItem | None = None
    cities: NavItem | None = None
    practices: NavItem | None = None
    # The legal pages (home.LegalPage), by slug, for the footer.
    legal: dict[str, NavItem] = field(default_factory=dict)

    @property
    def items(self):
        return [item for item in (self.cities, self.practices) if item is not None]

    @property
    def accessibility(self):
        return self.legal.get("accessibility")

    @property
    def privacy(self):
        return self.legal.get("privacy")


@dataclass(frozen=True)
class Crumb:
    title: str
    url: str
    lang: str
    is_home: bool


def language_name(code):
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return dict(settings.LANGUAGES).get(code, code)


def page_alternates(reader: Reader, page):
    """The live versions of `page`, one per language, for the switcher and hreflang.

    Every live version is offered in the switcher, aliases included (they say
    that the text is in another language). Only versions written in their own
    language are declared with hreflang; an untranslated alias points its
    canonical link at the source it copies.
    """
    cache = reader.memo.setdefault("alternates", {})
    if page.pk in cache:
        return cache[page.pk]
    versions = relatives(reader, page).versions
    languages = reader.content_languages(versions)
    by_language = {}
    for version in versions:
        by_language.setdefault(reader.language_of(version), version)
    request = reader.request
    alternates = Alternates()
    for code, _name in settings.LANGUAGES:
        code = content_language_for(code)
        version = by_language.get(code)
        if code == reader.language:
            url = reader.url(version) if version is not None else request.path if request else page.url
            alternates.languages.append(LanguageLink(code, language_name(code), url, True))
        elif version is not None:
            alternates.languages.append(LanguageLink(code, language_name(code), reader.url(version), False))
        if version is not None and languages[version.pk] == code:
            full_url = version.get_full_url(request=request)
            alternates.hreflang.append((code, full_url))
            if code == reader.default_language:
                alternates.x_default = full_url
    if page.alias_of_id and reader.content_language(page) != reader.language_of(page):
        source = next((version for version in versions if version.pk == page.alias_of_id), None)
        if source is not None:
            alternates.canonical = source.get_full_url(request=request)
    elif page.live:
        alternates.canonical = page.get_full_url(request=request)
    cache[page.pk] = alternates
    return alternates


def view_alternates(reader: Reader, *, homes_only=False):
    """Language links for a view that is not a page: the same route in each language.

    Error pages (and anything the URL resolver did not match) link each
    language's home page instead, since the same address would fail again.
    """
    request = reader.request
    matched = request is not None and getattr(request, "resolver_match", None) is not None
    alternates = Alternates()
    for code, _name in settings.LANGUAGES:
        code = content_language_for(code)
        if matched and not homes_only:
            url = translate_url(request.get_full_path(), code)
        else:
            url = home_url(code)
        alternates.languages.append(LanguageLink(code, language_name(code), url, code == reader.language))
    return alternates


def site_sections(reader: Reader):
    """The reader's home page and the two indexes beneath it, from one query."""
    if "sections" in reader.memo:
        return reader.memo["sections"]
    sections = Sections()
    reader.memo["sections"] = sections
    if reader.locale is None:
        return sections
    types = ContentType.objects.get_for_models(HomePage, CityIndexPage, PracticeIndexPage, LegalPage)
    pages = remembered(
        f"sections:{reader.locale.pk}",
        lambda: list(
            reader.visible(Page)
            .filter(locale=reader.locale, depth__in=[2, 3], content_type__in=types.values())
            .order_by("path")
        ),
    )
    homes = [page for page in pages if page.content_type_id == types[HomePage].pk]
    if not homes:
        return sections
    home = homes[0]
    path = reader.request.path if reader.request else ""
    for page in pages:
        if page.depth == 3 and not page.path.startswith(home.path):
            continue
        url = reader.url(page)
        if url is None:
            continue
        if page.pk == home.pk:
            sections.home = NavItem(page.title, url, "page" if path == url else "")
            continue
        current = "page" if path == url else "true" if path.startswith(url) else ""
        item = NavItem(page.title, url, current)
        if page.content_type_id == types[CityIndexPage].pk:
            sections.cities = item
        elif page.content_type_id == types[PracticeIndexPage].pk:
            sections.practices = item
        elif page.content_type_id == types[LegalPage].pk:
            sections.legal[page.slug] = item
    return sections


def breadcrumbs(reader: Reader, page):
    """The page's live ancestors below the tree root, home first, then the page itself."""
    if not page.path or page.depth <= 2:
        return []
    ancestors = relatives(reader, page).ancestors
    languages = reader.content_languages(ancestors)
    crumbs = []
    for ancestor in ancestors:
        url = reader.url(ancestor)
        if url is not None:
            crumbs.append(Crumb(ancestor.title, url, languages[ancestor.pk], ancestor.depth == 2))
    crumbs.append(Crumb(page.title, None, reader.content_language(page), False))
    return crumbs


@dataclass
class Relatives:
    """A page's live versions in every language, and its live ancestors below the tree root."""

    versions: list
    ancestors: list


def relatives(reader: Reader, page):
    """The switcher's versions and the breadcrumbs' ancestors of `page`, from one query."""
    memo = reader.memo.setdefault("relatives", {})
    if page.pk in memo:
        return memo[page.pk]
    steplen = Page.steplen
    ancestor_paths = [page.path[:end] for end in range(2 * steplen, len(page.path), steplen)]
    pages = with_source_locale(
        reader.visible(Page).filter(Q(translation_key=page.translation_key) | Q(path__in=ancestor_paths))
    ).order_by("path")
    found = Relatives(versions=[], ancestors=[])
    for relative in pages:
        if relative.translation_key == page.translation_key:
            found.versions.append(relative)
        else:
            found.ancestors.append(relative)
    memo[page.pk] = found
    return found
