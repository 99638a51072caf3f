"""The reader: one language, and the lookups every presenter on a request shares.

Relations to snippets and pages store the network default language's instance
(docs/decisions/0003), so nothing is rendered as stored: it is resolved to the
reader's language by `translation_key`. The resolving helpers here each cost
one query however many objects they resolve, so a page's query count does not
grow with the length of its lists.
"""

from django.conf import settings
from django.db.models import BooleanField, ExpressionWrapper, F, OuterRef, Q, QuerySet, Subquery
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import get_language

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import DraftStateMixin, Locale, Page, PageViewRestriction

from sitewide.structure import remembered

REQUEST_ATTRIBUTE = "_cni_reader"


class Reader:
    """What one request reads, in which language, and what it may see."""

    def __init__(self, request=None, language=None):
        self.request = request
        self.language = content_language_for(language or get_language())
        # Results that several templates of one request ask for (alternates,
        # sections, alias sources), keyed by what they are about.
        self.memo = {}

    @cached_property
    def locales(self):
        """Every Locale of the site (sitewide.structure remembers them)."""
        return remembered("locales", lambda: list(Locale.objects.all()))

    @cached_property
    def locale_codes(self):
        """{locale id: language code} for every locale."""
        return {locale.pk: locale.language_code for locale in self.locales}

    @cached_property
    def locale(self):
        """The reader's Locale, or None on a site that has not been set up."""
        return next((loc for loc in self.locales if loc.language_code == self.language), None)

    @cached_property
    def default_language(self):
        return content_language_for(settings.LANGUAGE_CODE)

    def language_of(self, obj):
        """The language an object's own text is written in (its locale's language)."""
        return self.locale_codes.get(obj.locale_id, self.default_language)

    @cached_property
    def restricted_paths(self):
        """The tree paths of every page with a view restriction (sitewide.structure remembers them)."""
        return remembered(
            "restricted-paths", lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True))
        )

    @cached_property
    def private_q(self):
        """Pages in sections with a view restriction; computed once per request."""
        q = Q()
        for path in self.restricted_paths:
            q |= Q(path__startswith=path)
        return q if q else Q(pk__in=[])

    def visible(self, model=Page):
        """Live pages of `model` outside any private section."""
        return model.objects.live().exclude(self.private_q)

    def url(self, page):
        return page.get_url(request=self.request)

    # -- Content languages --------------------------------------------------

    def content_languages(self, pages):
        """{page id: the language the page's text is in}.

        An alias shows its source's text, so an untranslated English alias of a
        Greek page is written in Greek. Querysets built with `with_source_locale`
        carry that already; other aliases cost one query for all their sources
        (remembered for the rest of the request).
        """
        known = self.memo.setdefault("source_locales", {})
        for page in pages:
            if page.alias_of_id is not None and getattr(page, "source_locale_id", None) is not None:
                known[page.alias_of_id] = page.source_locale_id
        missing = {page.alias_of_id for page in pages if page.alias_of_id is not None} - known.keys()
        if missing:
            known.update(Page.objects.filter(pk__in=missing).values_list("pk", "locale_id"))
        return {
            page.pk: self.locale_codes.get(
                page.locale_id if page.alias_of_id is None else known.get(page.alias_of_id),
                self.default_language,
            )
            for page in pages
        }

    def content_language(self, page):
        return self.content_languages([page])[page.pk]

    # -- Resolving stored relations to the reader's language ----------------

    def localize_snippets(self, model, stored):
        """{stored instance pk: the instance to show}, with one query for all of them.

        Each stored instance is replaced by its translation in the reader's
        locale, or kept when there is none (or, for snippets with drafts, none
        that is live). Every returned instance gets a `lang` attribute: the
        language its text is in.
        """
        stored = [obj for obj in stored if obj is not None]
        keys = {obj.translation_key for obj in stored if obj.locale_id != getattr(self.locale, "pk", None)}
        translations = {}
        if keys and self.locale is not None:
            translations = {
                obj.translation_key: obj for obj in model.objects.filter(shown_q(model, self.locale.pk, keys))
            }
        return self._shown(stored, translations)

    def localize_by_pk(self, model, pks):
        """{pk: the instance to show} for stored instances given by pk, with one query for all of them."""
        pks = {pk for pk in pks if pk is not None}
        if not pks:
            return {}
        if self.locale is None:
            return self._shown(model.objects.filter(pk__in=pks), {})
        return self.shown_of(stored_and_translations(model, Q(pk__in=pks), self.locale.pk))

    def localize_chosen(self, rows):
        """The terms a page chose, in its editors' order, each as this reader is to be shown it.

        `rows` are the page's ordered rows of chosen terms (practices' ChosenTerm):
        for a stored page a queryset, whose terms and their translations come
        from one query; for a draft or a preview, its rows in memory.
        """
        model = rows.model._meta.get_field("term").related_model
        if self.locale is None or not isinstance(rows, QuerySet):
            return list(self.localize_snippets(model, [row.term for row in rows]).values())
        return self.chosen_of(chosen_and_translations(rows, self.locale.pk))

    def shown_of(self, rows):
        """{stored pk: the instance to show}, from the rows of `stored_and_translations`."""
        rows = list(rows)
        translations = {obj.translation_key: obj for obj in rows if obj.is_shown}
        return self._shown([obj for obj in rows if obj.is_stored], translations)

    def chosen_of(self, rows):
        """The terms to show, in their page's order, from the rows of `chosen_and_translations`."""
        rows = sorted(rows, key=lambda obj: (obj.position is None, obj.position or 0))
        return list(self.shown_of(rows).values())

    def _shown(self, stored, translations):
        shown = {}
        for obj in stored:
            chosen = translations.get(obj.translation_key, obj)
            chosen.lang = self.language_of(chosen)
            shown[obj.pk] = chosen
        return shown

    def localize_pages(self, model, translation_keys, *, fields=None):
        """{translation key: the live page to show}, from one query.

        The reader's own locale wins, then the network's default language,
        then any other live version. `translation_keys` may be a list or a
        values queryset (which becomes a subquery). Each page gets `lang`, the
        language its text is in.
        """
        queryset = with_source_locale(self.visible(model).filter(translation_key__in=translation_keys))
        if fields:
            queryset = queryset.only(*fields)
        preference = {self.language: 0, self.default_language: 1}
        chosen = {}
        for page in queryset:
            rank = preference.get(self.language_of(page), 2)
            current = chosen.get(page.translation_key)
            if current is None or rank < current[0]:
                chosen[page.translation_key] = (rank, page)
        pages = {key: page for key, (_rank, page) in chosen.items()}
        languages = self.content_languages(pages.values())
        for page in pages.values():
            page.lang = languages[page.pk]
        return pages

    def parents(self, model, pages):
        """{child page id: its parent as `model`}, for many pages in one query.

        A parent may be unpublished; callers decide whether to link it.
        """
        paths = {page.pk: page.path[: -Page.steplen] for page in pages}
        if not paths:
            return {}
        queryset = with_source_locale(model.objects.filter(path__in=set(paths.values())))
        by_path = {parent.path: parent for parent in queryset}
        languages = self.content_languages(by_path.values())
        for parent in by_path.values():
            parent.lang = languages[parent.pk]
        return {child_id: by_path[path] for child_id, path in paths.items() if path in by_path}


def shown_q(model, locale_id, keys):
    """The translations of `keys` that a reader in the locale `locale_id` may be shown."""
    q = Q(locale_id=locale_id, translation_key__in=keys)
    return q & Q(live=True) if issubclass(model, DraftStateMixin) else q


def stored_and_translations(model, stored_q, locale_id, **annotations):
    """The instances `stored_q` selects and their translations that may be shown, as one queryset.

    Each row says which it is (`is_stored`, `is_shown`); `Reader.shown_of` pairs them.
    """
    translated_q = shown_q(model, locale_id, model.objects.filter(stored_q).values("translation_key"))
    return model.objects.filter(stored_q | translated_q).annotate(
        is_stored=ExpressionWrapper(stored_q, output_field=BooleanField()),
        is_shown=ExpressionWrapper(translated_q, output_field=BooleanField()),
        **annotations,
    )


def chosen_and_translations(rows, locale_id):
    """The terms a page's rows of chosen terms name, with their translations and their rows' order."""
    model = rows.model._meta.get_field("term").related_model
    return stored_and_translations(
        model,
        Q(pk__in=rows.values("term")),
        locale_id,
        position=Subquery(rows.filter(term=OuterRef("pk")).values("sort_order")[:1]),
    )


def with_source_locale(queryset):
    """Annotate pages with their alias source's locale, for `Reader.content_languages`."""
    return queryset.annotate(source_locale_id=F("alias_of__locale_id"))


def content_language_for(language):
    """The content language that serves `language` (el-GR → el), else the default."""
    try:
        return get_supported_content_language_variant(language)
    except LookupError:
        return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def reader_for(request):
    """The Reader of this request, created once and shared by the page and its chrome."""
    if request is None:
        return Reader()
    reader = getattr(request, REQUEST_ATTRIBUTE, None)
    if reader is None or reader.language != content_language_for(get_language()):
        reader = Reader(request)
        setattr(request, REQUEST_ATTRIBUTE, reader)
    return reader


def home_url(code):
    """The home page of language `code`, without touching the database."""
    with translation.override(code):
        try:
            return reverse("wagtail_serve", args=[""])
        except NoReverseMatch:
            return f"/{code}/"
