"""Load, soak and cache benchmarks of the production stack (not a test; not run by pytest or CI).

    .venv/bin/python benchmarks/load.py prepare            # database cni_load with 10,000 practices
    .venv/bin/python benchmarks/load.py load               # 120 s, 50 users, the reader mix
    .venv/bin/python benchmarks/load.py soak               # 600 s, memory of each worker sampled
    .venv/bin/python benchmarks/load.py ratio              # cached page against a static file
    .venv/bin/python benchmarks/load.py all                # the four, one after the other

Everything runs on this machine, on loopback only. The server is gunicorn
with config/gunicorn.conf.py and the production settings
(config.settings.production) on PostgreSQL (database `cni_load`, dropped and
re-created by `prepare --fresh`) and Redis (database 9), as a deployment runs
them, with two changes for measuring: the rate limits are raised, and the
client sends `X-Forwarded-Proto: https` as the reverse proxy would.

The limits stay on, so their counting in Redis is part of what is measured,
but every simulated user asks from 127.0.0.1, one client address, so each
limit is set far above what a run can ask of it (`LOAD_RATELIMITS`: a
million a minute for every way into search — the page, the listing's `q`,
the API with search or facets — and for suggestions, downloads and the
contact form). A 429 is an error like any other status but 200: if one
appears, a limit was reached and the run does not measure the site.

prepare: 10,000 generated practices (benchmarks/catalogue_generator.py) in
Greek and English, written by benchmarks/fast_loader.py (BENCHMARK DATA
ONLY: the importer would take an hour), then `update_index`, `collectstatic`.

The client (`Client` below) is asyncio with keep-alive connections, one per
simulated user, each asking as fast as answers come (no think time), for a
fixed duration; it is bounded in time and only talks to 127.0.0.1. The mix:

    60 %  a practice page, in Greek or English, chosen at random among all 20,000
    20 %  the catalogue: its pages (?page=N) or the search page with facet filters only
    15 %  a search: one or two words, sometimes with a facet
     5 %  autocomplete: a word's first letters

It reports throughput, latency percentiles (p50, p95, p99), errors (any
status but 200, a 429 included, or a failed connection) per kind and overall, and how many
pages came from the page cache. The soak also samples each worker's memory
(RSS and PSS from /proc) every 10 s, with worker recycling (max_requests)
off so that growth would show. The ratio test compares the throughput of
one cached practice page with that of a static file of the same size served
by the same gunicorn (WhiteNoise), both with `wrk` when it is installed
(Debian package `wrk`), else with this client.

Results are printed as Markdown for benchmarks/RESULTS.md.
"""

import argparse
import asyncio
import json
import os
import platform
import random
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
WORK = Path("/tmp/cni-load")
URLS_FILE = WORK / "urls.json"
HOST, PORT = "127.0.0.1", 8089
PG_SERVER = os.environ.get("LOAD_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASE = "cni_load"
REDIS_URL = os.environ.get("LOAD_REDIS", "redis://127.0.0.1:6379/9")

# The production limits, raised above any run: all simulated users share one address.
LOAD_RATELIMITS = "search=1000000/m,suggest=1000000/m,export=1000000/m,contact=1000000/m"
# What a reader waits at most: nginx's proxy_read_timeout in docs/deploy.md.
TIMEOUT = 60
MIX = [("practice", 60), ("catalogue", 20), ("search", 15), ("autocomplete", 5)]
SEARCH_WORDS = {
    "el": "στέγαση πρόσφυγες διερμηνεία εκπαίδευση υγεία εργασία ένταξη γλώσσα παιδιά σχολείο".split(),
    "en": "housing refugees interpreting education health employment integration language children school".split(),
}
CATEGORIES = ["housing", "health", "education"]
STATUSES = ["ongoing", "planned", "unknown"]


def out(text=""):
    sys.stdout.write(f"{text}\n")
    sys.stdout.flush()


def server_env(**extra):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/tmp"),
        "LANG": "C.UTF-8",
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"{PG_SERVER}/{DATABASE}",
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": "cni_load",
        "EMAIL_URL": "dummymail://",
        "DEFAULT_FROM_EMAIL": "load@localhost",
        "RATELIMIT_ENABLED": "true",
        "RATELIMITS": LOAD_RATELIMITS,
        "GUNICORN_BIND": f"{HOST}:{PORT}",
        "LOG_LEVEL": "WARNING",
    }
    env.update({key: str(value) for key, value in extra.items()})
    return env


def manage(*args, env=None):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env or server_env(), check=True)


# -- prepare ---------------------------------------------------------------------

LOADER = """
import json, sys, time
import django
django.setup()
sys.path.insert(0, "benchmarks")
from catalogue_generator import generate
from fast_loader import load
started = time.monotonic()
load(generate(practices={count}, cities={cities}), progress=lambda line: print(line, flush=True))
print(f"loaded in {{time.monotonic() - started:.0f}} s", flush=True)
"""

URL_DUMP = """
import json
import django
django.setup()
from practices.models import PracticePage
from cities.models import CityPage
urls = {{"practice": [], "cities": []}}
for page in PracticePage.objects.live().select_related("locale").only("url_path", "locale__language_code"):
    urls["practice"].append(page.get_url())
urls["cities"] = sorted({{page.slug for page in CityPage.objects.live()}})
urls["catalogue_pages"] = -(-PracticePage.objects.live().filter(locale__language_code="el").count() // 24)
json.dump(urls, open("{path}", "w"))
print(len(urls["practice"]), "practice URLs")
"""


def prepare(args):
    WORK.mkdir(parents=True, exist_ok=True)
    exists = subprocess.run(
        ["psql", f"{PG_SERVER}/postgres", "-Atc", f"SELECT 1 FROM pg_database WHERE datname='{DATABASE}'"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if exists and not args.fresh:
        out(f"{DATABASE} exists; keeping it (use --fresh to rebuild)")
    else:
        subprocess.run(["dropdb", "--if-exists", "-h", "127.0.0.1", "-U", "postgres", DATABASE], check=True)
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", DATABASE], check=True)
        manage("migrate", "--no-input", "-v", "0")
        manage("setup_network")
        env = server_env()
        subprocess.run(
            [PYTHON, "-c", LOADER.format(count=args.practices, cities=args.cities)],
            cwd=ROOT,
            env=env,
            check=True,
        )
        started = time.monotonic()
        manage("update_index", "--backend", "default")
        out(f"update_index: {time.monotonic() - started:.0f} s")
    # What autovacuum does after a bulk load (this machine's server runs with it
    # off): without planner statistics a search's facet counts ran past
    # gunicorn's 30 s timeout (4 December 2026).
    subprocess.run(["psql", f"{PG_SERVER}/{DATABASE}", "-qc", "VACUUM ANALYZE"], check=True)
    manage("collectstatic", "--no-input", "-v", "0")
    subprocess.run([PYTHON, "-c", URL_DUMP.format(path=URLS_FILE)], cwd=ROOT, env=server_env(), check=True)


# -- the server --------------------------------------------------------------------


class Server:
    def __init__(self, **env):
        self.env = server_env(**env)
        self.process = None
        self.log_path = WORK / f"gunicorn-{sys.argv[1] if len(sys.argv) > 1 else 'run'}.log"
        self.log = open(self.log_path, "w")

    def __enter__(self):
        subprocess.run(["redis-cli", "-u", REDIS_URL, "FLUSHDB"], check=True, capture_output=True)
        self.process = subprocess.Popen(
            [GUNICORN, "-c", "config/gunicorn.conf.py"],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://{HOST}:{PORT}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.5)
        self.__exit__()
        raise SystemExit(f"gunicorn did not become healthy; see {self.log_path}")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # graceful shutdown, as systemd would
            try:
                self.process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()

    def workers(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        return [int(pid) for pid in children]


def memory_of(pid):
    """(RSS, PSS) in MiB of one process."""
    rss = pss = 0
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Rss:"):
            rss = int(line.split()[1]) / 1024
        elif line.startswith("Pss:"):
            pss = int(line.split()[1]) / 1024
    return rss, pss


# -- the client ----------------------------------------------------------------------


class Picker:
    def __init__(self, urls, seed):
        self.rng = random.Random(seed)
        self.urls = urls
        self.kinds = [kind for kind, _weight in MIX]
        self.weights = [weight for _kind, weight in MIX]

    def next(self):
        kind = self.rng.choices(self.kinds, self.weights)[0]
        rng = self.rng
        lang = rng.choice(("el", "en"))
        if kind == "practice":
            return kind, rng.choice(self.urls["practice"])
        if kind == "catalogue":
            if rng.random() < 0.5:
                return kind, f"/{lang}/practices/?page={rng.randint(1, self.urls['catalogue_pages'])}"
            facets = [f"category={rng.choice(CATEGORIES)}"]
            if rng.random() < 0.5:
                facets.append(f"status={rng.choice(STATUSES)}")
            if rng.random() < 0.3:
                facets.append(f"city={rng.choice(self.urls['cities'])}")
            return kind, f"/{lang}/search/?{'&'.join(facets)}"
        if kind == "search":
            words = rng.sample(SEARCH_WORDS[lang], rng.choice((1, 1, 2)))
            query = "+".join(urllib.request.quote(word) for word in words)
            extra = f"&category={rng.choice(CATEGORIES)}" if rng.random() < 0.3 else ""
            return kind, f"/{lang}/search/?q={query}{extra}"
        word = rng.choice(SEARCH_WORDS[lang])
        prefix = word[: rng.randint(3, min(6, len(word)))]
        return kind, f"/{lang}/search/suggest/?q={urllib.request.quote(prefix)}"


class Client:
    """HTTP/1.1 over keep-alive connections, one per user; GET only; loopback only."""

    def __init__(self, duration, users, next_request):
        self.duration = duration
        self.users = users
        self.next_request = next_request
        self.latencies = defaultdict(list)
        self.errors = defaultdict(Counter)
        self.cache = Counter()
        self.bytes = 0

    async def _get(self, reader, writer, path):
        writer.write(
            f"GET {path} HTTP/1.1\r\nHost: {HOST}:{PORT}\r\nX-Forwarded-Proto: https\r\n"
            "Accept-Encoding: identity\r\nUser-Agent: cni-load\r\n\r\n".encode()
        )
        await writer.drain()
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                headers[name.strip().lower()] = value.strip()
        if "content-length" in headers:
            body = await reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding") == "chunked":
            body = b""
            while True:
                size = int((await reader.readuntil(b"\r\n")).strip(), 16)
                body += await reader.readexactly(size + 2)
                if size == 0:
                    break
        else:
            body = await reader.read()
        return status, headers, len(body)

    async def user(self, number, deadline):
        reader = writer = None
        next_request = self.next_request(number)
        while time.monotonic() < deadline:
            kind, path = next_request()
            started = time.monotonic()
            try:
                if writer is None:
                    reader, writer = await asyncio.open_connection(HOST, PORT)
                status, headers, size = await asyncio.wait_for(
                    self._get(reader, writer, path), timeout=TIMEOUT
                )
            except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as error:
                self.errors[kind][type(error).__name__] += 1
                if writer is not None:
                    writer.close()
                reader = writer = None
                continue
            elapsed = time.monotonic() - started
            self.latencies[kind].append(elapsed)
            self.bytes += size
            if status != 200:
                self.errors[kind][status] += 1
            if "x-page-cache" in headers:
                self.cache[headers["x-page-cache"]] += 1
            if headers.get("connection", "").lower() == "close":
                writer.close()
                reader = writer = None
        if writer is not None:
            writer.close()

    async def run(self):
        self.load_before = load_average()
        deadline = time.monotonic() + self.duration
        started = time.monotonic()
        await asyncio.gather(*(self.user(n, deadline) for n in range(self.users)))
        self.elapsed = time.monotonic() - started
        return self


def percentile(values, fraction):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def report(client, title):
    lines = [
        f"**{title}**",
        "",
        "| kind | requests | req/s (ok) | p50 ms | p95 ms | p99 ms | errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    everything, total_errors = [], 0
    for kind, _weight in MIX:
        values = client.latencies.get(kind, [])
        everything += values
        errors = client.errors[kind]
        failed = sum(errors.values())
        # A non-200 answer has a latency too; a failed connection or a timeout has none.
        answered_badly = sum(count for key, count in errors.items() if isinstance(key, int))
        requests = len(values) + failed - answered_badly
        total_errors += failed
        ok = len(values) - answered_badly
        lines.append(
            f"| {kind} | {requests} | {ok / client.elapsed:.1f} | {percentile(values, 0.5) * 1000:.0f} | "
            f"{percentile(values, 0.95) * 1000:.0f} | {percentile(values, 0.99) * 1000:.0f} | "
            f"{failed}{' ' + str(dict(errors)) if failed else ''} |"
        )
    answered_badly = sum(
        count for errors in client.errors.values() for key, count in errors.items() if isinstance(key, int)
    )
    requests = len(everything) + total_errors - answered_badly
    lines.append(
        f"| **all** | {requests} | **{(len(everything) - answered_badly) / client.elapsed:.1f}** | "
        f"{percentile(everything, 0.5) * 1000:.0f} | {percentile(everything, 0.95) * 1000:.0f} | "
        f"{percentile(everything, 0.99) * 1000:.0f} | **{total_errors}** |"
    )
    cached = client.cache
    pages = sum(cached.values())
    if pages:
        lines += [
            "",
            f"Page cache, on practice and catalogue pages: {cached['hit']} hits, {cached['miss']} misses, "
            f"{cached['bypass']} bypassed ({cached['hit'] / pages:.0%} hits).",
        ]
    lines.append(f"\nLoad average before / after: {client.load_before} / {load_average()}")
    return "\n".join(lines)


def load_average():
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def run_mix(duration, users, seed=1):
    urls = json.loads(URLS_FILE.read_text())

    def next_request(number):
        return Picker(urls, seed * 1000 + number).next

    return asyncio.run(Client(duration, users, next_request).run())


def machine():
    cpu = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, PostgreSQL and Redis on the same machine"


def load(args):
    with Server() as server:
        workers = len(server.workers())
        client = run_mix(args.duration, args.users)
    out(f"\n### Load: {args.duration} s, {args.users} users, {workers} gunicorn workers\n")
    out(report(client, f"{args.duration} s at {args.users} concurrent users"))


def soak(args):
    samples = defaultdict(list)
    with Server(GUNICORN_MAX_REQUESTS=0) as server:
        urls = json.loads(URLS_FILE.read_text())

        async def sample_memory(deadline):
            while time.monotonic() < deadline:
                for pid in server.workers():
                    try:
                        samples[pid].append((time.monotonic(), *memory_of(pid)))
                    except OSError:
                        pass
                await asyncio.sleep(10)

        async def both():
            client = Client(args.duration, args.users, lambda n: Picker(urls, 7000 + n).next)
            deadline = time.monotonic() + args.duration
            await asyncio.gather(client.run(), sample_memory(deadline))
            return client

        for pid in server.workers():
            samples[pid].append((time.monotonic(), *memory_of(pid)))
        client = asyncio.run(both())
        for pid in server.workers():
            samples[pid].append((time.monotonic(), *memory_of(pid)))
    out(f"\n### Soak: {args.duration} s, {args.users} users, worker recycling off\n")
    out(report(client, f"{args.duration} s at {args.users} concurrent users"))
    # Growth is judged on the second half, once caches are warm: RSS at half-time against the end.
    out(
        "\n| worker | samples | RSS start MiB | RSS half-time MiB | RSS end MiB | RSS max MiB "
        "| second half MiB | PSS start MiB | PSS end MiB |"
    )
    out("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    series = {}
    for number, (_pid, values) in enumerate(sorted(samples.items()), 1):
        started = values[0][0]
        half = started + (values[-1][0] - started) / 2
        rss = [value[1] for value in values]
        pss = [value[2] for value in values]
        at_half = next(value[1] for value in values if value[0] >= half)
        series[number] = [(round(value[0] - started), round(value[1], 1)) for value in values]
        out(
            f"| {number} | {len(values)} | {rss[0]:.0f} | {at_half:.0f} | {rss[-1]:.0f} | {max(rss):.0f} "
            f"| {rss[-1] - at_half:+.1f} | {pss[0]:.0f} | {pss[-1]:.0f} |"
        )
    samples_file = WORK / "soak-rss.json"
    samples_file.write_text(json.dumps(series))
    out(f"\nEvery sample (seconds from the first, RSS MiB) per worker: {samples_file}")


def wrk(url, duration, connections):
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{duration}s",
            f"--timeout={TIMEOUT}s",
            "--latency",
            "-H",
            "X-Forwarded-Proto: https",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = next(float(line.split()[1]) for line in output.splitlines() if line.startswith("Requests/sec"))
    non2xx = next((int(line.split()[-1]) for line in output.splitlines() if "Non-2xx" in line), 0)
    # "Socket errors: connect 0, read 0, write 0, timeout 12": failed requests too.
    for line in output.splitlines():
        if "Socket errors" in line:
            non2xx += sum(int(part.split()[-1]) for part in line.split(":", 1)[1].split(","))
    return rate, non2xx, output


def ratio(args):
    urls = json.loads(URLS_FILE.read_text())
    page_path = urls["practice"][0]
    with Server():
        base = f"http://{HOST}:{PORT}"
        with urllib.request.urlopen(
            urllib.request.Request(base + page_path, headers={"X-Forwarded-Proto": "https"})
        ) as response:
            body = response.read()
        with urllib.request.urlopen(
            urllib.request.Request(base + page_path, headers={"X-Forwarded-Proto": "https"})
        ) as response:
            assert response.headers["X-Page-Cache"] == "hit", response.headers["X-Page-Cache"]
        # A static file of the same size, served by WhiteNoise in the same gunicorn.
        static_root = ROOT / "staticfiles"
        name = "load-ratio.txt"
        (static_root / name).write_bytes(body)
        # WhiteNoise indexes STATIC_ROOT at start-up: restart to serve the new file.
    # Worker recycling (max_requests) would restart workers every few seconds at these rates
    # and measure Django's start-up instead; the soak measures memory without it too.
    with Server(GUNICORN_MAX_REQUESTS=0) as server:
        base = f"http://{HOST}:{PORT}"
        urllib.request.urlopen(
            urllib.request.Request(base + page_path, headers={"X-Forwarded-Proto": "https"})
        ).read()
        static_path = f"/static/{name}"
        with urllib.request.urlopen(
            urllib.request.Request(base + static_path, headers={"X-Forwarded-Proto": "https"})
        ) as response:
            assert len(response.read()) == len(body)
        results = defaultdict(list)
        tool = "wrk" if shutil.which("wrk") else "the asyncio client"
        # Alternating rounds, so that a change in the machine's load affects both alike.
        for _round in range(args.rounds):
            for label, path in (("cached practice page", page_path), ("static file, same size", static_path)):
                if shutil.which("wrk"):
                    rate, non2xx, _output = wrk(base + path, args.duration, args.users)
                else:
                    client = asyncio.run(
                        Client(args.duration, args.users, lambda n, p=path: lambda: ("x", p)).run()
                    )
                    rate = len(client.latencies["x"]) / client.elapsed
                    non2xx = sum(client.errors["x"].values())
                results[label].append((rate, non2xx))
        workers = len(server.workers())
    (static_root / name).unlink()
    medians = {label: statistics.median(rate for rate, _ in runs) for label, runs in results.items()}
    out(
        f"\n### Cache ratio: {len(body):,} bytes, {args.rounds} alternating rounds of {args.duration} s each, "
        f"{args.users} connections, {tool}, {workers} workers\n"
    )
    out("| what | req/s per round | median req/s | errors (non-200, socket) |")
    out("|---|---|---:|---:|")
    for label, runs in results.items():
        rounds = ", ".join(f"{rate:.0f}" for rate, _ in runs)
        out(f"| {label} | {rounds} | {medians[label]:.0f} | {sum(n for _, n in runs)} |")
    ratio = medians["cached practice page"] / medians["static file, same size"]
    out(
        f"\nRatio cached page / static file (medians): **{ratio:.2f}** (goal ≥ 0.5). Load average now: {load_average()}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["prepare", "load", "soak", "ratio", "all"])
    parser.add_argument("--practices", type=int, default=10_000)
    parser.add_argument("--cities", type=int, default=50)
    parser.add_argument("--fresh", action="store_true", help="prepare: drop and rebuild the database")
    parser.add_argument("--duration", type=int, help="seconds (load 120, soak 600, ratio 10 a round)")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3, help="ratio: alternating rounds")
    args = parser.parse_args()
    out(f"Machine: {machine()}")
    out(f"Command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    WORK.mkdir(parents=True, exist_ok=True)
    steps = ["prepare", "load", "soak", "ratio"] if args.what == "all" else [args.what]
    for step in steps:
        step_args = argparse.Namespace(**vars(args))
        if step_args.duration is None:
            step_args.duration = {"load": 120, "soak": 600, "ratio": 10}.get(step)
        globals()[step](step_args)


if __name__ == "__main__":
    main()
