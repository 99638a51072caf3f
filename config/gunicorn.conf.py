"""gunicorn's configuration for production: `gunicorn -c config/gunicorn.conf.py`.

Everything that differs between hosts is an environment variable:

    GUNICORN_BIND               address to listen on            127.0.0.1:8000
    WEB_CONCURRENCY             worker processes                2 × cores + 1
    GUNICORN_THREADS            threads per worker              1
    GUNICORN_TIMEOUT            seconds before a stuck worker is killed    30
    GUNICORN_GRACEFUL_TIMEOUT   seconds a worker may finish its requests
                                after SIGTERM or a reload       25
    GUNICORN_MAX_REQUESTS       requests before a worker is replaced (0: never)   10000
    FORWARDED_ALLOW_IPS         proxies whose X-Forwarded-* are trusted     127.0.0.1,::1

Graceful shutdown: on SIGTERM (systemd stop, a container stop) gunicorn
stops accepting connections, lets each worker finish what it is serving for
up to GUNICORN_GRACEFUL_TIMEOUT seconds, then exits. Keep the process
manager's own stop timeout longer than that (systemd's TimeoutStopSec=35 in
docs/deploy.md). SIGHUP reloads the code with new workers, without dropping
requests.

Logs: the access log and gunicorn's own log go to stdout as one JSON object
per line (config/jsonlog.py), like Django's.
"""

import multiprocessing
import os


def _int(name, default):
    return int(os.environ.get(name, default))


wsgi_app = "config.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")
workers = _int("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1)
threads = _int("GUNICORN_THREADS", 1)
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 25)
keepalive = 5
# Workers are replaced now and then, so a slow leak never grows without end;
# the jitter keeps them from all restarting at once.
max_requests = _int("GUNICORN_MAX_REQUESTS", 10000)
max_requests_jitter = max_requests // 10
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Request line and headers: generous for long search URLs, still bounded.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
proc_name = "cni"

accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "config.jsonlog.JsonFormatter"}},
    "handlers": {
        "stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "json"},
    },
    "root": {"handlers": ["stdout"], "level": "WARNING"},
    "loggers": {
        "gunicorn.error": {"handlers": ["stdout"], "level": loglevel.upper(), "propagate": False},
        "gunicorn.access": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
    },
}
