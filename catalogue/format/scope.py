"""An import on behalf of one member city (`import_catalogue --city ID --user EMAIL`).

Such a file may hold only that city's own records: its city record and its
practices. Anything else (another city, another city's practice, or the
shared vocabulary, which the IOM reviewers keep) is refused, naming the
record, and nothing is written. A practice id that another city's practice
already has is refused by validation, which never says whose it is or
whether it is live. References to what is already on the site (categories,
organisations, other cities' live practices in `adapted_from`) are fine;
another city's draft is unknown to such a file.

Without `--publish`, what the import writes is saved as drafts in the user's
name and submitted to the "IOM review" workflow in that name, so the
reviewers' decision reaches a real person.
"""

from dataclasses import dataclass

from catalogue.format.errors import Problem
from catalogue.format.kinds import CITIES, PRACTICES, SNIPPET_KINDS


@dataclass(frozen=True)
class Scope:
    city: str
    user: object = None

    def problems(self, document, existing_ids):
        found = []
        for kind in SNIPPET_KINDS:
            for record in document.get(kind.key, []):
                found.append(
                    Problem(
                        f"{kind.key}[{record['id']}]",
                        f"this import is for the city '{self.city}' only; the shared {kind.key.replace('_', ' ')} "
                        "are kept by the IOM reviewers",
                    )
                )
        for record in document.get(CITIES.key, []):
            if record["id"] != self.city:
                found.append(
                    Problem(
                        f"{CITIES.key}[{record['id']}]",
                        f"is another city; this import is for the city '{self.city}' only",
                    )
                )
        # A practice another city owns is refused by validation itself, in
        # the same words whether it is live or a draft (validation.py).
        for record in document.get(PRACTICES.key, []):
            if record["city"] != self.city:
                found.append(
                    Problem(
                        f"{PRACTICES.key}[{record['id']}].city",
                        f"is '{record['city']}'; this import is for the city '{self.city}' only",
                    )
                )
        if self.city not in existing_ids.get(CITIES.key, set()) and self.city not in {
            record["id"] for record in document.get(CITIES.key, [])
        }:
            found.append(Problem("", f"there is no city '{self.city}' on the site or in the file"))
        return found


def pages_to_review(tallies):
    """The pages an import wrote as drafts: its cities and practices, in every language, aliases excepted."""
    pages = []
    for kind in (CITIES, PRACTICES):
        ids = {*tallies[kind.key].created, *tallies[kind.key].updated}
        pages += list(
            kind.model.objects.filter(catalogue_id__in=ids, alias_of__isnull=True).filter(
                has_unpublished_changes=True
            )
        )
    return sorted(pages, key=lambda page: page.path)
