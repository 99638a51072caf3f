"""The "cite this practice" line: city, title, year and address, and the catalogue id.

The year is the year the practice started. It is always known (the format
requires `started`), it names the practice rather than a revision of its
record, and so a citation stays the same when the record is checked again
(`documented` changes then); see docs/decisions/0050-open-data-downloads.md.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Citation:
    id: str  # the catalogue id, the same in every language (sitewide.catalogue_id)
    city: str
    city_lang: str | None
    title: str
    title_lang: str
    # Text, not a number: a year is never written with a thousands separator.
    year: str
    url: str
    page_id: int | None  # for the link to the record in the API; None in a preview of a new page


def citation_for(practice, request=None):
    """The Citation of a PracticeView (practices.presenters.present_practice)."""
    page = practice.page
    city = practice.city
    return Citation(
        # A preview of a new page has no id yet: its slug will be it.
        id=page.catalogue_id or page.slug,
        city=city.title if city else "",
        city_lang=city.lang if city else None,
        title=page.title,
        title_lang=practice.lang,
        year=str(page.started.year) if page.started else "",
        # The Site's public address (SITE_URL), as the page's canonical link.
        # None for a page not yet routable (a preview of a new page).
        url=(page.get_full_url(request=request) if page.pk else None) or "",
        page_id=page.pk,
    )
