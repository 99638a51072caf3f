"""Production: the settings refuse to start half-configured, pass `check --deploy`, keep no state
on local disk when there are several hosts, and gunicorn, the logs and /healthz behave.

The production settings are loaded in a child process with a made-up
environment (they read it at import). Nothing here connects to PostgreSQL,
Redis or a mail server: the addresses only have to be well formed.
"""

import json
import logging
import os
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

from django.core.cache import cache
from django.test import override_settings

from config import health
from config.frontend_cache import frontend_cache_settings
from config.jsonlog import JsonFormatter

ROOT = Path(__file__).resolve().parent.parent

ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "k3y-" + "x7Qp9Lm2Vr8Tz4Wn6Yb1Hc5Jd0Fg3Sa" * 2,
    "ALLOWED_HOSTS": "cities.example",
    "DATABASE_URL": "postgres://cni:secret@db.internal:5432/cni",
    "REDIS_URL": "redis://redis.internal:6379/1",
    "EMAIL_URL": "smtp+tls://mailer:secret@mail.internal:587",
    "DEFAULT_FROM_EMAIL": "no-reply@cities.example",
}

SHOW = """
import json
import django
django.setup()
from django.conf import settings
print(json.dumps({
    "DEBUG": settings.DEBUG,
    "CACHES": settings.CACHES,
    "SESSION_ENGINE": settings.SESSION_ENGINE,
    "STORAGES": settings.STORAGES,
    "MEDIA_STORAGE": settings.MEDIA_STORAGE,
    "EMAIL_BACKEND": settings.EMAIL_BACKEND,
    "EMAIL_HOST": settings.EMAIL_HOST,
    "EMAIL_USE_TLS": settings.EMAIL_USE_TLS,
    "SEARCH": settings.WAGTAILSEARCH_BACKENDS,
    "HSTS": settings.SECURE_HSTS_SECONDS,
    "SSL_REDIRECT": settings.SECURE_SSL_REDIRECT,
    "CSP": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "MIDDLEWARE": settings.MIDDLEWARE,
    "CONN_MAX_AGE": settings.DATABASES["default"]["CONN_MAX_AGE"],
    "LOG_FORMATTER": settings.LOGGING["formatters"]["json"],
}, default=str))
"""


def run_production(code, **changes):
    env = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"), **ENVIRONMENT}
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return subprocess.run(
        [sys.executable, *code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def production_settings(**changes):
    result = run_production(["-c", SHOW], **changes)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    "missing",
    ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "DEFAULT_FROM_EMAIL", "EMAIL_URL"],
)
def test_production_refuses_to_start_without_a_required_variable(missing):
    result = run_production(["-c", SHOW], **{missing: None})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert (missing if missing != "EMAIL_URL" else "EMAIL_URL or EMAIL_HOST") in result.stderr


def test_production_refuses_sqlite():
    result = run_production(["-c", SHOW], DATABASE_URL="sqlite:////tmp/cni.sqlite3")
    assert result.returncode != 0
    assert "PostgreSQL" in result.stderr


def test_production_services_come_from_the_environment():
    settings = production_settings()
    assert settings["DEBUG"] is False
    assert settings["CACHES"]["default"]["BACKEND"] == "django_redis.cache.RedisCache"
    assert settings["CACHES"]["default"]["LOCATION"] == ENVIRONMENT["REDIS_URL"]
    assert settings["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert settings["EMAIL_HOST"] == "mail.internal"
    assert settings["EMAIL_USE_TLS"] is True
    assert settings["SEARCH"]["default"]["BACKEND"] == "search.backends.postgres"
    assert settings["STORAGES"]["staticfiles"]["BACKEND"] == "config.storage.StaticFilesStorage"
    assert settings["MIDDLEWARE"][0] == "config.health.HealthCheckMiddleware"
    assert settings["MIDDLEWARE"][1:4] == [
        "django.middleware.security.SecurityMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
        "config.pagecache.PageCacheMiddleware",
    ]
    assert settings["HSTS"] >= 365 * 24 * 3600
    assert settings["SSL_REDIRECT"] is True
    assert settings["CSP"]["upgrade-insecure-requests"] is True
    assert settings["CONN_MAX_AGE"] == 60
    assert settings["LOG_FORMATTER"] == {"()": "config.jsonlog.JsonFormatter"}


def test_mail_can_also_be_given_as_separate_variables():
    settings = production_settings(EMAIL_URL=None, EMAIL_HOST="smtp.example.org")
    assert settings["EMAIL_HOST"] == "smtp.example.org"
    assert settings["EMAIL_USE_TLS"] is True


def test_elasticsearch_rebuilds_atomically():
    settings = production_settings(ELASTICSEARCH_URL="http://search.internal:9200")
    elastic = [backend for backend in settings["SEARCH"].values() if "elasticsearch" in backend["BACKEND"]]
    assert len(elastic) == 2  # one per language
    assert all(backend["ATOMIC_REBUILD"] is True for backend in elastic)


def test_several_hosts_keep_no_state_on_local_disk():
    result = run_production(["-c", SHOW], HOST_COUNT="3")
    assert result.returncode != 0
    assert "MEDIA_STORAGE=s3" in result.stderr

    settings = production_settings(
        HOST_COUNT="3",
        MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="cni-media",
        AWS_S3_CUSTOM_DOMAIN="media.cities.example",
    )
    media = settings["STORAGES"]["default"]
    assert media["BACKEND"] == "storages.backends.s3.S3Storage"
    assert media["OPTIONS"]["bucket_name"] == "cni-media"
    assert media["OPTIONS"]["querystring_auth"] is False
    assert "locmem" not in settings["CACHES"]["default"]["BACKEND"]
    assert "filebased" not in settings["CACHES"]["default"]["BACKEND"]
    assert settings["SESSION_ENGINE"] not in (
        "django.contrib.sessions.backends.file",
        "django.contrib.sessions.backends.cache",  # lost when Redis restarts
    )
    # The media host may serve images to the public pages.
    assert "https://media.cities.example" in settings["CSP"]["img-src"]


def test_a_single_host_may_keep_media_on_disk():
    settings = production_settings()
    assert settings["MEDIA_STORAGE"] == "local"
    assert settings["STORAGES"]["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_check_deploy_reports_nothing():
    result = run_production(["manage.py", "check", "--deploy", "--fail-level", "WARNING"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_responses_carry_the_security_headers():
    """Through the whole production middleware stack (the language redirect needs no database)."""
    code = """
import django
django.setup()
from django.test import Client
client = Client()
secure = client.get("/", HTTP_HOST="cities.example", HTTP_X_FORWARDED_PROTO="https")
plain = client.get("/el/", HTTP_HOST="cities.example")
print("RESULT", secure.status_code, secure["Location"])
for name in ("Strict-Transport-Security", "X-Content-Type-Options", "Referrer-Policy",
             "Content-Security-Policy", "X-Frame-Options", "Cross-Origin-Opener-Policy"):
    print("RESULT", name, "=", secure.get(name))
print("RESULT", "plain", plain.status_code, plain["Location"])
"""
    result = run_production(["-c", code])
    assert result.returncode == 0, result.stderr
    # Other lines are the JSON log (Redis is not there: the page cache says so and steps aside).
    lines = [
        line.removeprefix("RESULT ") for line in result.stdout.splitlines() if line.startswith("RESULT ")
    ]
    assert lines[0] == "302 /el/"
    headers = dict(line.split(" = ", 1) for line in lines[1:-1])
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert "upgrade-insecure-requests" in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "DENY"
    assert lines[-1] == "plain 301 https://cities.example/el/"


def test_collectstatic_succeeds_with_the_production_storage(tmp_path):
    """A vendored file naming a missing source map must not break a deployment."""
    code = f"""
import django
django.setup()
from django.core.management import call_command
from django.test import override_settings
with override_settings(STATIC_ROOT={str(tmp_path)!r}):
    call_command("collectstatic", interactive=False, verbosity=0)
import json
manifest = json.load(open({str(tmp_path / "staticfiles.json")!r}))["paths"]
print(manifest["css/base.css"])
"""
    result = run_production(["-c", code])
    assert result.returncode == 0, result.stderr[-3000:]
    hashed = result.stdout.strip()
    assert hashed.startswith("css/base.") and hashed != "css/base.css"
    assert (tmp_path / (hashed + ".gz")).exists()


# -- gunicorn ------------------------------------------------------------------


def test_gunicorn_config_reads_the_environment(monkeypatch):
    monkeypatch.setenv("WEB_CONCURRENCY", "7")
    monkeypatch.setenv("GUNICORN_GRACEFUL_TIMEOUT", "12")
    config = runpy.run_path(str(ROOT / "config" / "gunicorn.conf.py"))
    assert config["workers"] == 7
    assert config["graceful_timeout"] == 12
    assert config["timeout"] > config["graceful_timeout"]
    assert config["accesslog"] == "-"
    assert config["wsgi_app"] == "config.wsgi:application"
    formatters = config["logconfig_dict"]["formatters"]
    assert formatters["json"]["()"] == "config.jsonlog.JsonFormatter"


# -- logs ------------------------------------------------------------------------


def test_log_lines_are_json_with_the_traceback():
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.LogRecord(
            "django.request", logging.ERROR, __file__, 1, "Internal error: %s", ("/el/",), None
        )
        record.exc_info = sys.exc_info()
    record.status_code = 500
    line = json.loads(JsonFormatter().format(record))
    assert line["level"] == "ERROR"
    assert line["logger"] == "django.request"
    assert line["message"] == "Internal error: /el/"
    assert line["status"] == 500
    assert "ValueError: boom" in line["exception"]


def test_gunicorn_access_lines_are_json_fields():
    atoms = {"m": "GET", "U": "/el/", "q": "", "s": "200", "B": 512, "M": 12, "h": "127.0.0.1", "a": "curl"}
    record = logging.LogRecord("gunicorn.access", logging.INFO, __file__, 1, "%(h)s", (), None)
    record.args = atoms
    line = json.loads(JsonFormatter().format(record))
    assert line["method"] == "GET"
    assert line["path"] == "/el/"
    assert line["status"] == "200"
    assert line["duration_ms"] == 12
    assert "query" not in line


# -- frontend cache (CDN) -----------------------------------------------------------


class FakeEnv(dict):
    def __call__(self, name, default=None):
        return self.get(name, default)

    def list(self, name, default=None):
        return self[name].split(",") if name in self else default


def test_frontend_cache_is_off_by_default_and_configurable():
    from django.core.exceptions import ImproperlyConfigured

    assert frontend_cache_settings(FakeEnv()) == {}
    assert frontend_cache_settings(
        FakeEnv(FRONTEND_CACHE="cloudflare", CLOUDFLARE_ZONEID="z", CLOUDFLARE_BEARER_TOKEN="t")
    ) == {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": "z",
            "BEARER_TOKEN": "t",
        }
    }
    config = frontend_cache_settings(
        FakeEnv(
            FRONTEND_CACHE="http",
            FRONTEND_CACHE_LOCATION="http://varnish:8000",
            FRONTEND_CACHE_HOSTNAMES="a.example",
        )
    )
    assert config["default"]["LOCATION"] == "http://varnish:8000"
    assert config["default"]["HOSTNAMES"] == ["a.example"]
    with pytest.raises(ImproperlyConfigured):
        frontend_cache_settings(FakeEnv(FRONTEND_CACHE="cloudfront"))
    with pytest.raises(ImproperlyConfigured):
        frontend_cache_settings(FakeEnv(FRONTEND_CACHE="akamai"))


# -- /healthz --------------------------------------------------------------------------


@pytest.fixture
def healthz_client(client, db):
    cache.clear()
    return client


def test_healthz_answers_ok_for_any_host_and_is_never_cached(healthz_client):
    with override_settings(ALLOWED_HOSTS=["cities.example"], SECURE_SSL_REDIRECT=True):
        response = healthz_client.get("/healthz", HTTP_HOST="10.1.2.3")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("failing", ["database", "cache"])
def test_healthz_is_503_when_a_dependency_is_down_and_says_no_more(healthz_client, monkeypatch, failing):
    def down():
        raise ConnectionError("password authentication failed for user cni at 10.0.0.5")

    monkeypatch.setitem(health.CHECKS, failing, down)
    response = healthz_client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["checks"][failing] == "error"
    assert "10.0.0.5" not in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_healthz_checks_for_real(healthz_client, monkeypatch):
    class BrokenCache:
        def set(self, *args, **kwargs):
            pass

        def get(self, key):
            return None  # a cache that loses what it is given

        def delete(self, key):
            pass

    monkeypatch.setattr(health, "caches", {"default": BrokenCache()})
    assert healthz_client.get("/healthz").status_code == 503


def test_healthz_takes_no_posts(healthz_client):
    assert healthz_client.post("/healthz").status_code == 405
