"""One JSON object per log line, for production's stdout (Django's and gunicorn's logs alike).

It imports nothing from Django, so gunicorn's config can use it before the
application loads. Fields: time (UTC, ISO 8601), level, logger, message, and
when present: exception (the traceback), the request's method and path and
the response status (Django's request loggers), and for gunicorn's access log
the request line's parts, status, bytes, duration in milliseconds, the
client address given by the proxy, and the user agent.
"""

import json
import logging
from collections.abc import Mapping
from datetime import UTC, datetime

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


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
        }
        if record.name == "gunicorn.access" and isinstance(record.args, Mapping):
            entry["message"] = "request"
            for atom, field in ACCESS_FIELDS.items():
                value = record.args.get(atom)
                if value not in (None, "-", ""):
                    entry[field] = value
        else:
            entry["message"] = record.getMessage()
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "method"):
            entry["method"] = request.method
            entry["path"] = getattr(request, "path", "")
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
