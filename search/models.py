from datetime import timedelta

from django.db import IntegrityError, models, transaction
from django.db.models import F, Max, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from search.text import MAX_QUERY_LENGTH, clean_query, query_terms


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
