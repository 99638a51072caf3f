from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import F, Max, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from search.analysis import analyse
from search.text import MAX_QUERY_LENGTH, clean_query, query_terms

# A term of the thesaurus is a word or a short phrase.
MAX_TERM_WORDS = 6


class ZeroResultSearchQuerySet(models.QuerySet):
    def since(self, days=30, language=None):
        """One row per query that found nothing in the last `days` days, most frequent first:
        {"language", "normalized", "query", "hits", "last_seen"}.

        This is what the IOM dashboard lists as gaps in the catalogue.
        """
        queryset = self.filter(date__gte=timezone.localdate() - timedelta(days=days))
        if language:
            queryset = queryset.filter(language=language)
        return (
            queryset.values("language", "normalized")
            .annotate(query=Max("query"), hits=Sum("hits"), last_seen=Max("date"))
            .order_by("-hits", "normalized")
        )


class ZeroResultSearch(models.Model):
    """How many searches for one query, in one language, found nothing on one day.

    Queries are counted by their folded words, so «Στέγαση» and «στεγαση»
    are one row; `query` keeps the words as a reader typed them. Only the
    search page records (not autocomplete, not the API), once per search.
    """

    language = models.CharField(_("language"), max_length=15)
    normalized = models.CharField(_("folded words"), max_length=MAX_QUERY_LENGTH)
    query = models.CharField(_("query"), max_length=MAX_QUERY_LENGTH)
    date = models.DateField(_("date"))
    hits = models.PositiveIntegerField(_("searches"), default=0)

    objects = ZeroResultSearchQuerySet.as_manager()

    class Meta:
        verbose_name = _("search that found nothing")
        verbose_name_plural = _("searches that found nothing")
        constraints = [
            models.UniqueConstraint(
                fields=["language", "normalized", "date"], name="unique_zero_result_per_day"
            )
        ]
        indexes = [models.Index(fields=["date", "language"])]

    def __str__(self):
        return f"{self.query} [{self.language}] {self.date}: {self.hits}"

    @classmethod
    def record(cls, language, query, date=None):
        """Count one search for `query` that found nothing; return False if there was nothing to count."""
        query = clean_query(query)[:MAX_QUERY_LENGTH]
        normalized = " ".join(query_terms(query))[:MAX_QUERY_LENGTH]
        if not normalized:
            return False
        date = date or timezone.localdate()
        key = {"language": language, "normalized": normalized, "date": date}
        if cls.objects.filter(**key).update(hits=F("hits") + 1):
            return True
        try:
            with transaction.atomic():
                cls.objects.create(query=query, hits=1, **key)
        except IntegrityError:
            # Another request created the row in the meantime.
            cls.objects.filter(**key).update(hits=F("hits") + 1)
        return True


def content_languages():
    return list(settings.WAGTAIL_CONTENT_LANGUAGES)


class SynonymSet(models.Model):
    """Words and phrases that mean the same thing to a reader of the catalogue.

    The domain thesaurus (search.thesaurus): a search for any term of a set
    also finds the others («στέγαση» finds «διαμονή» and «κατάλυμα»;
    "asylum seekers" finds "applicants for international protection").
    IOM staff keep it in the admin; it was seeded with the field's standard
    terms, modelled on the EU's asylum and migration glossary.
    """

    language = models.CharField(_("language"), max_length=15, choices=content_languages)
    terms = models.TextField(
        _("terms"),
        help_text=_(
            "One term per line, at least two: words or short phrases that mean the same "
            "thing to a reader, such as “housing”, “accommodation” and “shelter”."
        ),
    )
    note = models.CharField(
        _("note"),
        max_length=255,
        blank=True,
        help_text=_("Where the set comes from, or why it is here (optional)."),
    )

    panels = [FieldPanel("language"), FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        verbose_name = _("synonym set")
        verbose_name_plural = _("synonym sets")
        ordering = ["language", "pk"]

    def __str__(self):
        return " · ".join(self.term_list())

    def term_list(self):
        """The terms, one per line, without blank lines or repeats."""
        return list(dict.fromkeys(line.strip() for line in (self.terms or "").splitlines() if line.strip()))

    def clean(self):
        super().clean()
        terms = self.term_list()
        if len(terms) < 2:
            raise ValidationError({"terms": _("Give at least two terms, one per line.")})
        for term in terms:
            if len(term.split()) > MAX_TERM_WORDS:
                message = _("“%(term)s” is too long: a term has at most %(count)s words.")
                raise ValidationError({"terms": message % {"term": term, "count": MAX_TERM_WORDS}})
            if not analyse(term).stems:
                message = _("“%(term)s” has no word a search would look for (only words such as “the”).")
                raise ValidationError({"terms": message % {"term": term}})
