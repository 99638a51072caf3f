"""Benchmark: the project's search backends against stock Wagtail search (not a test).

    .venv/bin/python benchmarks/search_backends.py                 # 10,000 + 10,000 pages, SQLite and PostgreSQL
    .venv/bin/python benchmarks/search_backends.py --count 1000 --databases sqlite
    .venv/bin/python benchmarks/search_backends.py --backends ours   # without stock Wagtail (much quicker)
    .venv/bin/python benchmarks/search_backends.py --backends ours --databases sqlite \
        --existing sqlite:////tmp/bench.sqlite3    # a database this script generated and indexed before

For each database it starts a worker process (a Django process can only use
one kind of database, since modelsearch shapes its index models by the
database it finds), which creates a fresh database, generates `--count`
Greek practices and as many English translations, and times on that same
data, one backend after the other (on PostgreSQL both share one index table):

- search: one common word, the first 20 live Greek results, by relevance;
- faceted search: the same, filtered by a category and a status, plus the
  total count a results page shows;
- the search page's own code (search.practice_query, ours only): the
  same query and facets, first 20 + count, then also the counts of every
  facet that the page shows beside the results; then readers' queries
  (READER_QUERIES: every word found, relaxed, Greeklish, a synonym), first
  20 + count without facets, and the suggestions' code (every word a
  prefix, the first 8);
- autocomplete: a title prefix, the first 10 results;
- update_index: a full rebuild (`manage.py update_index --backend …`);
- index one page: what publishing a page costs the index (median of 20).

Queries report the median of up to --repeat runs, stopping early once a
measurement has taken --budget seconds (stock SQLite takes seconds per
query). The report is Markdown, ready for benchmarks/RESULTS.md.

PostgreSQL: the server in SEARCH_BENCHMARK_POSTGRES (default
postgres://postgres@127.0.0.1:5432) must let its user create and drop the
database `search_benchmark`; the worker drops it when done.
"""

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
PG_DATABASE = "search_benchmark"
BACKENDS = {
    "ours": {
        "sqlite": {"BACKEND": "search.backends.sqlite"},
        "postgres": {"BACKEND": "search.backends.postgres"},
    },
    "stock": {"BACKEND": "wagtail.search.backends.database"},
}
CITIES = 50
SQLITE_KEPT = "search-benchmark.sqlite3"
CATEGORIES = 12

# Words of practice records, commonest first: generated text draws them with
# Zipf-like weights, so the first ones appear in most pages, as in real text.
WORDS_EL = (
    "και για με στην των της του από σε οι τα η ο στο ένα μια που δήμος πρόγραμμα πρόσφυγες "
    "στέγαση ένταξη υποστήριξη μετανάστες οικογένειες εκπαίδευση κοινότητα παιδιά υγεία "
    "απασχόληση κέντρο δίκτυο εθελοντές συνεργασία γειτονιά πόλη μαθήματα ελληνικά γλώσσα "
    "συμβουλευτική διερμηνεία οργανώσεις πολιτισμός αθλητισμός εργασία κατάρτιση δεξιότητες "
    "νομική ψυχοκοινωνική φροντίδα διαμερίσματα ενοίκιο επιδότηση ασυνόδευτοι ανήλικοι "
    "φιλοξενία διαπολιτισμική μεσολάβηση συμμετοχή ενημέρωση πληροφόρηση ψηφιακή πρόσβαση "
    "υπηρεσίες κοινωνική ευρωπαϊκή χρηματοδότηση αξιολόγηση αποτελέσματα ωφελούμενοι "
    "γυναίκες νέοι σχολείο εργαστήρια δημότες ΣΤΕΓΑΣΗΣ ΠΡΟΣΦΥΓΩΝ ΚΕΜ συνάντηση φορείς"
).split()
WORDS_EN = (
    "the and for of to in with a on by city programme refugees housing integration support "
    "migrants families education community children health employment centre network "
    "volunteers cooperation neighbourhood classes Greek language counselling interpreting "
    "organisations culture sport work training skills legal psychosocial care flats rent "
    "subsidy unaccompanied minors hosting intercultural mediation participation information "
    "digital access services social European funding evaluation results beneficiaries women "
    "young school workshops residents meeting partners refugee interpreters trained"
).split()
TITLE_WORDS_EL = "Διερμηνεία Στέγαση Κέντρο Δίκτυο Πρόγραμμα Μαθήματα Σχολείο Εργαστήρια Φιλοξενία".split()
TITLE_WORDS_EN = "Interpreting Housing Centre Network Programme Classes School Workshops Hosting".split()

QUERIES = {
    "search": ("el", "πρόσφυγες"),
    "autocomplete": ("el", "διερμ"),
}
# What readers type, through the search page's and the suggestions' own code,
# with stemming, Latin keys and the seeded thesaurus all on (issue #13).
READER_QUERIES = {
    "every word found": "πρόσφυγες στέγαση",
    "relaxed: one word not found": "πρόσφυγες στέγαση αλεξίπτωτο",
    "Greeklish": "stegasi prosfygon",
    "a synonym only («διαμονή» for «στέγαση»)": "διαμονή",
}
SUGGESTION_QUERY = "διερμ κεντ"


# The parent: one worker per database, then the report ---------------------------


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=10_000, help="Greek practices (as many English)")
    parser.add_argument(
        "--databases", nargs="+", default=["sqlite", "postgres"], choices=["sqlite", "postgres"]
    )
    parser.add_argument("--repeat", type=int, default=15, help="runs per query measurement (median)")
    parser.add_argument("--budget", type=float, default=20.0, help="seconds after which a measurement stops")
    parser.add_argument(
        "--backends", nargs="+", default=["stock", "ours"], choices=["stock", "ours"], help="which to measure"
    )
    parser.add_argument(
        "--existing",
        metavar="DATABASE_URL",
        help="measure queries on a database generated and indexed before (same --count and --seed); "
        "no generation, update_index or indexing measured, nothing dropped",
    )
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the generated database (PostgreSQL: search_benchmark; SQLite: "
        "search-benchmark.sqlite3 in the temporary folder) for later runs with --existing",
    )
    parser.add_argument("--worker", choices=["sqlite", "postgres"], help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        print(json.dumps(run_worker(args)))  # noqa: T201 (the worker's answer to the parent)
        return

    results = []
    for database in args.databases:
        command = [sys.executable, __file__, "--worker", database, *forwarded(args)]
        log(f"== {database}: {args.count:,} Greek + {args.count:,} English practices")
        output = subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.PIPE, text=True).stdout
        results.append(json.loads(output.strip().splitlines()[-1]))
    print(report(results, args))  # noqa: T201 (the report)


def forwarded(args):
    return [
        f"--count={args.count}",
        f"--repeat={args.repeat}",
        f"--budget={args.budget}",
        f"--seed={args.seed}",
        "--backends",
        *args.backends,
        *([f"--existing={args.existing}"] if args.existing else []),
        *(["--keep"] if args.keep else []),
    ]


def log(message):
    print(message, file=sys.stderr, flush=True)  # noqa: T201 (progress, not output)


def report(results, args):
    command = "python benchmarks/search_backends.py " + " ".join(
        [
            f"--count {args.count}",
            "--databases " + " ".join(args.databases),
            "--backends " + " ".join(args.backends),
        ]
    )
    lines = [
        f"Command: `{command}` (repeat {args.repeat}, budget {args.budget:g} s)  ",
        f"Machine: {os.cpu_count()} cores (`nproc`: {nproc()}), Python {platform.python_version()}  ",
        f"Data: {args.count:,} Greek practices + {args.count:,} English translations = {2 * args.count:,} pages",
        "",
        "Load average (1 min) at the start and end of each database's run: "
        + ", ".join(f"{result['database']} {result['load'][0]} → {result['load'][-1]}" for result in results),
        "",
        "| Database | Measurement | Ours | Stock | Stock ÷ ours | Hits (ours / stock) |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for result in results:
        for name, ours in result["ours"].items():
            stock = result.get("stock", {}).get(name)
            if stock:
                ratio = stock["median"] / ours["median"] if ours["median"] else float("inf")
                compared = f"{duration(stock)} | {ratio:,.{0 if ratio >= 10 else 1}f}×"
                hits = f"{ours['hits']:,} / {stock['hits']:,}" if "hits" in ours else ""
            else:
                compared = "— | —"
                hits = f"{ours['hits']:,} / —" if "hits" in ours else ""
            lines.append(
                f"| {result['database']} {result['server']} | {name} | {duration(ours)} | {compared} | {hits} |"
            )
    return "\n".join(lines)


def duration(measurement):
    seconds = measurement["median"]
    text = f"{seconds * 1000:,.1f} ms" if seconds < 10 else f"{seconds:,.1f} s"
    return f"{text} (n={measurement['runs']})"


def nproc():
    try:
        return subprocess.run(["nproc"], check=True, stdout=subprocess.PIPE, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


# The worker: one database, both backends -----------------------------------------


def run_worker(args):
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    temporary = tempfile.TemporaryDirectory(prefix="search-benchmark-")
    server_url = os.environ.get("SEARCH_BENCHMARK_POSTGRES", PG_SERVER)
    if args.existing:
        os.environ["DATABASE_URL"] = args.existing
    elif args.worker == "sqlite":
        folder = tempfile.gettempdir() if args.keep else temporary.name
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/{SQLITE_KEPT if args.keep else 'benchmark.sqlite3'}"
        if args.keep and os.path.exists(f"{folder}/{SQLITE_KEPT}"):
            os.remove(f"{folder}/{SQLITE_KEPT}")
    else:
        recreate_postgres_database(server_url)
        os.environ["DATABASE_URL"] = f"{server_url}/{PG_DATABASE}"

    import django

    django.setup()

    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    settings.WAGTAILSEARCH_BACKENDS = {
        "default": BACKENDS["ours"][args.worker],
        "stock": BACKENDS["stock"],
    }
    if not args.existing:
        log("migrating…")
        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        generate(args.count, random.Random(args.seed))
        log(f"generated {2 * args.count:,} pages in {time.perf_counter() - started:.0f} s")

    server = connection.vendor
    if server == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            server = f"PostgreSQL {cursor.fetchone()[0].split()[0]}"
    else:
        import sqlite3

        server = f"SQLite {sqlite3.sqlite_version}"

    results = {"database": args.worker, "server": server, "load": [round(os.getloadavg()[0], 1)]}
    # Stock first: on PostgreSQL both backends write the same index table, so
    # each is measured right after its own rebuild.
    for label, backend_name in (("stock", "stock"), ("ours", "default")):
        if label not in args.backends:
            continue
        log(f"-- {label}")
        results[label] = measure_backend(backend_name, args)
    results["load"].append(round(os.getloadavg()[0], 1))
    if args.worker == "postgres" and not args.existing and not args.keep:
        connection.close()
        drop_postgres_database(server_url)
    return results


def recreate_postgres_database(server):
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE}")
        admin.execute(f"CREATE DATABASE {PG_DATABASE}")


def drop_postgres_database(server):
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE}")


def measure_backend(backend_name, args):
    from django.core.management import call_command
    from django.db.models import Subquery

    from modelsearch.backends import get_search_backend
    from wagtail.models import Locale

    from practices.models import Category, PracticePage

    backend = get_search_backend(backend_name)
    greek = Locale.objects.get(language_code="el")
    live_greek = PracticePage.objects.live().filter(locale=greek)
    category = Category.objects.filter(locale=greek).order_by("pk").first()
    in_category = PracticePage.categories.through.objects.filter(term=category).values("page_id")

    results = {}
    if not args.existing:
        log("   update_index…")
        results["update_index (full)"] = timed(
            lambda: call_command("update_index", backend_name=backend_name, verbosity=0), 1, args.budget
        )
    refresh_statistics()

    language, query = QUERIES["search"]
    hits = backend.search(query, live_greek).count()

    def search():
        return list(backend.search(query, live_greek)[:20])

    log("   search…")
    results["search, first 20"] = timed(search, args.repeat, args.budget) | {"hits": hits}

    faceted_queryset = live_greek.filter(status="ongoing", pk__in=Subquery(in_category))
    faceted_hits = backend.search(query, faceted_queryset).count()

    def faceted():
        results_page = backend.search(query, faceted_queryset)
        return list(results_page[:20]), results_page.count()

    log("   faceted search…")
    results["search + category + status, first 20 + count"] = timed(faceted, args.repeat, args.budget) | {
        "hits": faceted_hits
    }

    _language, prefix = QUERIES["autocomplete"]
    prefix_hits = backend.autocomplete(prefix, live_greek).count()

    def autocomplete():
        return list(backend.autocomplete(prefix, live_greek)[:10])

    log("   autocomplete…")
    results["autocomplete, first 10"] = timed(autocomplete, args.repeat, args.budget) | {"hits": prefix_hits}

    if backend_name == "default":
        results |= measure_search_page(greek, category, query, args)

    if args.existing:
        return results
    pages = list(live_greek.order_by("pk")[:20])
    log("   index one page…")
    durations = []
    for page in pages:
        start = time.perf_counter()
        backend.add(page)
        durations.append(time.perf_counter() - start)
    results["index one page"] = {"median": statistics.median(durations), "runs": len(durations)}
    return results


def measure_search_page(locale, category, query, args):
    """The search page's code (search.practice_query), which searches with the default backend."""
    from django.http import QueryDict

    from search.practice_query import search_practices

    params = QueryDict(mutable=True)
    params.update({"q": query, "category": category.catalogue_id, "status": "ongoing"})

    def first_page():
        search = search_practices(params, locale)
        return list(search.page(1).object_list), search.count, search

    def with_facets():
        _ids, count, search = first_page()
        return count, search.facet_counts

    hits = first_page()[1]
    results = {}
    log("   search page (search_practices)…")
    results["page: search + category + status, first 20 + count"] = timed(
        first_page, args.repeat, args.budget
    ) | {"hits": hits}
    results["page: the same + counts of all 7 facets"] = timed(with_facets, args.repeat, args.budget) | {
        "hits": hits
    }
    for label, reader_query in READER_QUERIES.items():
        results[f"page: {label}, first 20 + count"] = timed_reader_search({"q": reader_query}, locale, args)
    results["suggestions: every word a prefix, first 8"] = timed_reader_search(
        {"q": SUGGESTION_QUERY}, locale, args, autocomplete=True, fill=8
    )
    return results


def timed_reader_search(parameters, locale, args, **options):
    from django.http import QueryDict

    from search.practice_query import search_practices

    params = QueryDict(mutable=True)
    params.update(parameters)

    def run():
        search = search_practices(params, locale, **options)
        return list(search.page(1).object_list), search.count

    hits = run()[1]
    log(f"   {parameters['q']!r}: {hits:,} hits")
    return timed(run, args.repeat, args.budget) | {"hits": hits}


def refresh_statistics():
    """What autovacuum would do after a rebuild: fresh planner statistics (and no dead rows)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def timed(function, repeat, budget):
    """Median duration of up to `repeat` runs of `function`, after one warm-up run."""
    start = time.perf_counter()
    function()
    first = time.perf_counter() - start
    durations = [first] if first > budget / 4 else []
    # A slow function is not warmed up twice: its first run counts.
    while len(durations) < repeat and sum(durations) < budget:
        start = time.perf_counter()
        function()
        durations.append(time.perf_counter() - start)
    return {"median": statistics.median(durations), "runs": len(durations)}


# Data ----------------------------------------------------------------------------


def zipf_weights(words):
    return [1 / (rank + 1) for rank in range(len(words))]


def sentence(rng, words, weights, length):
    text = " ".join(rng.choices(words, weights, k=length))
    return text[0].upper() + text[1:] + "."


def generate(count, rng):
    """`count` Greek practices and their English translations, inserted in bulk.

    The tree (home pages, indexes, cities) is made with the models; practices
    are inserted directly (Page rows with bulk_create, then the practice rows)
    because creating 20,000 pages one by one would take longer than the
    benchmark itself.
    """
    import uuid

    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone

    from wagtail.models import Locale, Page

    from cities.models import CityIndexPage, CityPage
    from home.models import HomePage
    from practices.models import Category, PracticePage
    from practices.vocabulary import Status
    from sitewide.partial_date import PartialDate

    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("el", "en")}
    words = {"el": WORDS_EL, "en": WORDS_EN}
    title_words = {"el": TITLE_WORDS_EL, "en": TITLE_WORDS_EN}
    weights = {code: zipf_weights(words[code]) for code in words}
    statuses = [Status.ONGOING, Status.PLANNED, Status.UNKNOWN]
    content_type = ContentType.objects.get_for_model(PracticePage)
    now = timezone.now()

    with transaction.atomic():
        root = Page.get_first_root_node()
        cities = {}
        categories = {}
        keys = {"home": uuid.uuid4(), "index": uuid.uuid4()}
        city_keys = [uuid.uuid4() for _ in range(CITIES)]
        for code, locale in locales.items():
            home = root.add_child(
                instance=HomePage(
                    title=f"Benchmark {code}",
                    slug=f"bench-{code}",
                    locale=locale,
                    translation_key=keys["home"],
                )
            )
            index = home.add_child(
                instance=CityIndexPage(
                    title="Cities", slug="cities", locale=locale, translation_key=keys["index"]
                )
            )
            cities[code] = [
                index.add_child(
                    instance=CityPage(
                        title=f"City {number}", slug=f"city-{number}", locale=locale, translation_key=key
                    )
                )
                for number, key in enumerate(city_keys)
            ]
            categories[code] = Category.objects.bulk_create(
                [
                    Category(
                        catalogue_id=f"category-{number}", name=f"{code} category {number}", locale=locale
                    )
                    for number in range(CATEGORIES)
                ]
            )

        translation_keys = [uuid.uuid4() for _ in range(count)]
        shapes = [
            (rng.randrange(CITIES), rng.choice(statuses), rng.sample(range(CATEGORIES), rng.randint(1, 3)))
            for _ in range(count)
        ]
        practice_fields = PracticePage._meta.local_concrete_fields
        practice_table = PracticePage._meta.db_table
        through = PracticePage.categories.through
        for code, locale in locales.items():
            practices = []
            children = {}
            for number, (city_number, status, _categories) in enumerate(shapes):
                city = cities[code][city_number]
                children[city_number] = step = children.get(city_number, 0) + 1
                slug = f"practice-{number}"
                title = " ".join(
                    [
                        rng.choice(title_words[code]),
                        *rng.choices(words[code], weights[code], k=rng.randint(3, 6)),
                    ]
                )
                practices.append(
                    PracticePage(
                        title=title,
                        draft_title=title,
                        slug=slug,
                        path=city.path + PracticePage._int2str(step).rjust(PracticePage.steplen, "0"),
                        depth=city.depth + 1,
                        numchild=0,
                        url_path=f"{city.url_path}{slug}/",
                        content_type=content_type,
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=now,
                        last_published_at=now,
                        locale=locale,
                        translation_key=translation_keys[number],
                        summary=sentence(rng, words[code], weights[code], 30),
                        description="".join(
                            f"<p>{sentence(rng, words[code], weights[code], 60)}</p>" for _ in range(3)
                        ),
                        lessons=f"<p>{sentence(rng, words[code], weights[code], 40)}</p>",
                        status=status,
                        started=PartialDate(rng.randint(2012, 2024), rng.randint(1, 12)),
                    )
                )
            for city_number, number_of_children in children.items():
                CityPage.objects.filter(pk=cities[code][city_number].pk).update(numchild=number_of_children)

            base_fields = [field.attname for field in Page._meta.concrete_fields if not field.primary_key]
            pages = Page.objects.bulk_create(
                [Page(**{name: getattr(practice, name) for name in base_fields}) for practice in practices],
                batch_size=1000,
            )
            rows = []
            for page, practice in zip(pages, practices, strict=True):
                practice.page_ptr_id = practice.pk = page.pk
                rows.append(
                    [
                        field.get_db_prep_save(getattr(practice, field.attname), connection)
                        for field in practice_fields
                    ]
                )
            columns = ", ".join(connection.ops.quote_name(field.column) for field in practice_fields)
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {practice_table} ({columns}) VALUES ({', '.join(['%s'] * len(practice_fields))})",
                    rows,
                )
            through.objects.bulk_create(
                [
                    through(
                        page_id=practice.pk, term_id=categories[code][category_number].pk, sort_order=index
                    )
                    for practice, (_city, _status, category_numbers) in zip(practices, shapes, strict=True)
                    for index, category_number in enumerate(category_numbers)
                ],
                batch_size=5000,
            )


if __name__ == "__main__":
    main()
