"""One JSON object per log line, for production's stdout (Django's and gunicorn's logs alike).

It is python-json-logger's formatter with the fields this site has always
logged; it imports nothing from Django, so gunicorn's config can use it before
the application loads. Fields: time (UTC, ISO 8601), level, logger, message, and
when present: exception (the traceback), the request's method and path and
the response status (Django's request loggers), and for gunicorn's access log
the request line's parts, status, bytes, duration in milliseconds, the
client address given by the proxy, and the user agent.
"""

from collections.abc import Mapping

from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter as LibraryJsonFormatter

# gunicorn's access-log atoms → field names.
ACCESS_FIELDS = {
    "m": "method",
    "U": "path",
    "q": "query",
    "s": "status",
    "B": "bytes",
    "M": "duration_ms",
    "h": "remote_addr",
    "{x-forwarded-for}i": "forwarded_for",
    "a": "user_agent",
    "f": "referer",
}

# Django's request loggers pass the request object and the status as extras:
# the request is read below, not dumped whole.
SKIPPED_EXTRAS = (*RESERVED_ATTRS, "request", "status_code", "server_time", "color_message")


class JsonFormatter(LibraryJsonFormatter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("fmt", ["levelname", "name", "message"])
        kwargs.setdefault("rename_fields", {"levelname": "level", "name": "logger", "exc_info": "exception"})
        kwargs.setdefault("timestamp", "time")
        kwargs.setdefault("reserved_attrs", SKIPPED_EXTRAS)
        kwargs.setdefault("json_ensure_ascii", False)
        super().__init__(*args, **kwargs)

    def add_fields(self, log_data, record, message_dict):
        super().add_fields(log_data, record, message_dict)
        if record.name == "gunicorn.access" and isinstance(record.args, Mapping):
            log_data["message"] = "request"
            for atom, field in ACCESS_FIELDS.items():
                value = record.args.get(atom)
                if value not in (None, "-", ""):
                    log_data[field] = value
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "method"):
            log_data["method"] = request.method
            log_data["path"] = getattr(request, "path", "")
        status = getattr(record, "status_code", None)
        if status is not None:
            log_data["status"] = status
