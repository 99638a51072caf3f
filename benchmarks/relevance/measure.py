"""Search relevance on judged queries: hit@1, hit@5 and MRR per class and per database (not a test).

    .venv/bin/python benchmarks/relevance/measure.py                       # SQLite and PostgreSQL
    .venv/bin/python benchmarks/relevance/measure.py --databases sqlite --misses
    .venv/bin/python benchmarks/relevance/measure.py --catalogue other.json --queries other.tsv

For each database a worker process makes a fresh database, migrates it, runs
`setup_network` and imports the catalogue (published), as `make run` does,
and runs every judged query (benchmarks/relevance/queries.tsv) through the
site's own search code. The report is Markdown, for benchmarks/RESULTS.md;
`--misses` adds each query whose expected practices are not all in the first
five, with what came instead.

PostgreSQL: the server in SEARCH_BENCHMARK_POSTGRES (default
postgres://postgres@127.0.0.1:5432) must let its user create and drop the
database `relevance_benchmark`; the worker drops it when done.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
# The catalogue the queries were judged over: the invented records the demo held until
# 3 December 2026, kept for the tests (the demo now holds researched practices).
DEMO = ROOT / "tests" / "content" / "catalogue.json"
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
PG_DATABASE = "relevance_benchmark"
CLASSES = (
    "relaxed",
    "stopwords",
    "stemming",
    "transliteration",
    "other-language",
    "synonyms",
    "suggest",
    "ranking",
)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--databases", nargs="+", default=["sqlite", "postgres"], choices=["sqlite", "postgres"]
    )
    parser.add_argument("--catalogue", default=str(DEMO), help="catalogue file to import")
    parser.add_argument("--queries", default=str(HERE / "queries.tsv"), help="judged queries (TSV)")
    parser.add_argument("--misses", action="store_true", help="list the queries that miss")
    parser.add_argument("--worker", choices=["sqlite", "postgres"], help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        print(json.dumps(run_worker(args), ensure_ascii=False))  # noqa: T201 (the worker's answer)
        return
    results = []
    for database in args.databases:
        command = [
            sys.executable,
            __file__,
            "--worker",
            database,
            f"--catalogue={args.catalogue}",
            f"--queries={args.queries}",
        ]
        output = subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.PIPE, text=True).stdout
        results.append(json.loads(output.strip().splitlines()[-1]))
    print(report(results, args))  # noqa: T201 (the report)


def run_worker(args):
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    temporary = tempfile.TemporaryDirectory(prefix="relevance-")
    server_url = os.environ.get("SEARCH_BENCHMARK_POSTGRES", PG_SERVER)
    if args.worker == "sqlite":
        os.environ["DATABASE_URL"] = f"sqlite:///{temporary.name}/relevance.sqlite3"
    else:
        postgres_database(server_url, "CREATE")
        os.environ["DATABASE_URL"] = f"{server_url}/{PG_DATABASE}"

    import django

    django.setup()

    from django.core.management import call_command
    from django.db import connection

    from benchmarks.relevance.judged import found_ids, load, scores

    call_command("migrate", verbosity=0)
    call_command("setup_network", verbosity=0)
    call_command("import_catalogue", args.catalogue, publish=True, verbosity=0)
    queries = load(args.queries)
    found = [found_ids(judged) for judged in queries]
    misses = [
        {"class": judged.kind, "language": judged.language, "query": judged.query, "found": ids[:5]}
        for judged, ids in zip(queries, found, strict=True)
        if not judged.hit(ids)
    ]
    result = {"database": args.worker, "scores": scores(queries, found), "misses": misses}
    if args.worker == "postgres":
        connection.close()
        postgres_database(server_url, "DROP")
    return result


def postgres_database(server, action):
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE}")
        if action == "CREATE":
            admin.execute(f"CREATE DATABASE {PG_DATABASE}")


def report(results, args):
    names = {"sqlite": "SQLite", "postgres": "PostgreSQL"}
    lines = [
        f"Queries: `{Path(args.queries).relative_to(ROOT) if Path(args.queries).is_relative_to(ROOT) else args.queries}`, "
        f"catalogue: `{Path(args.catalogue).name}`",
        "",
        "| Class | n | " + " | ".join(f"{names[r['database']]} hit@1 | hit@5 | MRR" for r in results) + " |",
        "|---|---:|" + "---:|---:|---:|" * len(results),
    ]
    kinds = [kind for kind in CLASSES if kind in results[0]["scores"]] + sorted(
        kind for kind in results[0]["scores"] if kind not in CLASSES and kind != "all"
    )
    for kind in [*kinds, "all"]:
        cells = []
        for result in results:
            row = result["scores"][kind]
            cells.append(f"{row['hit@1']:.0%} | {row['hit@5']:.0%} | {row['mrr']:.2f}")
        label = "**all**" if kind == "all" else kind
        lines.append(f"| {label} | {results[0]['scores'][kind]['n']} | " + " | ".join(cells) + " |")
    if args.misses:
        for result in results:
            lines += ["", f"Misses on {names[result['database']]}:", ""]
            lines += [
                f"- {miss['class']} /{miss['language']}/ «{miss['query']}» → {', '.join(miss['found']) or 'nothing'}"
                for miss in result["misses"]
            ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
