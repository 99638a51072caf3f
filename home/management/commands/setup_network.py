"""Create the fixed skeleton of the site, once.

The work itself is `home.site_tree.ensure_site_tree()`, which the catalogue
importer calls too. This command reports what that call changed, so a second
run can be seen to change nothing.
"""

from django.core.management.base import BaseCommand

from wagtail.models import Locale, Page, Site
from wagtail_localize.models import LocaleSynchronization

from cities.review import ensure_network_roles
from home.legal import ensure_legal_pages
from home.site_tree import ensure_site_tree


def _snapshot():
    return {
        "locales": set(Locale.objects.values_list("pk", flat=True)),
        "pages": dict(Page.objects.values_list("pk", "title")),
        "sites": dict(Site.objects.values_list("pk", "root_page_id")),
        "synchronisations": set(LocaleSynchronization.objects.values_list("pk", flat=True)),
    }


def describe_changes(before, after):
    """Lines saying what was added ("+") or removed ("-") between two snapshots."""
    lines = []
    for locale in Locale.objects.filter(pk__in=after["locales"] - before["locales"]):
        lines.append(f"+ language {locale.language_code}")
    new_pages = Page.objects.filter(pk__in=after["pages"].keys() - before["pages"].keys())
    for page in new_pages.select_related("locale").order_by("path"):
        kind = page.specific_class._meta.verbose_name
        where = page.get_url() or page.url_path
        lines.append(f"+ {kind} “{page.title}” [{page.locale.language_code}] at {where}")
    for pk in sorted(before["pages"].keys() - after["pages"].keys()):
        lines.append(f"- Wagtail's placeholder page “{before['pages'][pk]}”")
    for site_pk in sorted(pk for pk, root in after["sites"].items() if before["sites"].get(pk) != root):
        site = Site.objects.select_related("root_page").get(pk=site_pk)
        lines.append(f"+ site {site.hostname}:{site.port} starts at “{site.root_page.title}”")
    new_syncs = LocaleSynchronization.objects.filter(
        pk__in=after["synchronisations"] - before["synchronisations"]
    )
    for sync in new_syncs.select_related("locale", "sync_from"):
        lines.append(f"+ {sync.locale.language_code} kept in step with {sync.sync_from.language_code}")
    return lines


class Command(BaseCommand):
    help = (
        "Create the languages, the home page of each language, the cities index and the "
        "catalogue of practices beneath it, the accessibility statement and the privacy notice, "
        "and keep the other languages in step with the default one. Safe to run again: it only "
        "adds what is missing."
    )

    def handle(self, *args, **options):
        before = _snapshot()
        trees = ensure_site_tree()
        ensure_legal_pages(trees)
        lines = describe_changes(before, _snapshot())
        # The editors' and reviewers' rights and the "IOM review" workflow (cities/review.py).
        lines += ensure_network_roles()

        if not lines:
            self.stdout.write("The site tree is complete; nothing was created.")
        else:
            self.stdout.write(self.style.SUCCESS(f"Site tree: {len(lines)} change(s)"))
            for line in lines:
                self.stdout.write(f"  {line}")
        if options["verbosity"] > 1:
            for code, tree in trees.items():
                self.stdout.write(
                    f"  [{code}] {tree.home.url_path} {tree.cities.url_path} {tree.practices.url_path}"
                )
