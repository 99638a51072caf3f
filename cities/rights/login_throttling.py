"""django-axes' login throttling, for logins made through a request.

django-axes counts failed logins per username and client address, so its
backend needs the request, and refuses `authenticate()` calls without one.
Those come only from code (scripts, the shell, tests), where there is no
client to count: this backend lets them through to Django's own backend,
unthrottled, instead of raising.
"""

from axes.backends import AxesStandaloneBackend


class LoginThrottlingBackend(AxesStandaloneBackend):
    def authenticate(self, request=None, *args, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, *args, **kwargs)
