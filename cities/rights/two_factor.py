"""Two-factor login for the admin, switched on by the TWO_FACTOR_LOGIN setting (on in production).

After the password, a user who must (reviewers and administrators: the
`cities.require_two_factor` permission, which superusers have like every
permission), or who chose to (anyone with a confirmed authenticator device),
gives a six-digit code from an authenticator app (TOTP, django-otp's
`TOTPDevice`). Someone who must and has no device yet sets one up first, by
scanning a QR code and confirming a code from it.

wagtail-2fa would have been the ready-made choice, but its 1.8.0 release
imports `wagtail.users.widgets`, which Wagtail 8 no longer has; this is the
small part of it the network needs (docs/decisions/0026).

The check runs on the admin's addresses only, so the public pages, cached for
anonymous readers, never read the session for it.
"""

import io

import qrcode
import qrcode.image.svg
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.middleware import OTPMiddleware
from django_otp.plugins.otp_totp.models import TOTPDevice

from django import forms
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core import checks
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from cities.rights.rules import must_use_two_factor

DEVICE_NAME = "authenticator"
# What a user who is not verified yet may still open.
OPEN_URL_NAMES = {
    "two_factor_verify",
    "two_factor_setup",
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
}


def is_enabled():
    return getattr(settings, "TWO_FACTOR_LOGIN", False)


@checks.register(checks.Tags.security, deploy=True)
def check_two_factor_login(app_configs, **kwargs):
    """`check --deploy` warns when a deployment lets reviewers and administrators in with a password alone."""
    if is_enabled():
        return []
    return [
        checks.Warning(
            "Two-factor login is off: reviewers and administrators, who see every city's drafts "
            "and the messages sent to cities, log in with a password alone.",
            hint="Leave TWO_FACTOR_LOGIN unset in production (it defaults to on), or set it to true.",
            id="cities.W001",
        )
    ]


def confirmed_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def needs_verification(user):
    """Whether `user` must give a code before using the admin (in this session)."""
    if not is_enabled() or not user.is_authenticated or user.is_verified():
        return False
    return must_use_two_factor(user) or user_has_device(user, confirmed=True)


class AdminTwoFactorMiddleware(OTPMiddleware):
    """django-otp's middleware (`request.user.is_verified()`), and the check, on the admin only."""

    def __init__(self, get_response):
        super().__init__(get_response)
        self._admin_prefix = None

    @property
    def admin_prefix(self):
        if self._admin_prefix is None:
            self._admin_prefix = reverse("wagtailadmin_home")
        return self._admin_prefix

    def __call__(self, request):
        if not request.path_info.startswith(self.admin_prefix):
            return self.get_response(request)
        self._install_lazy_accessors(request)
        if is_enabled() and request.user.is_authenticated:
            match = resolve(request.path_info)
            if match.url_name not in OPEN_URL_NAMES and needs_verification(request.user):
                step = "two_factor_verify" if user_has_device(request.user) else "two_factor_setup"
                return redirect_to_login(request.get_full_path(), login_url=reverse(step))
        return self.get_response(request)


class TokenForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Code from your authenticator app"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def __init__(self, device, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_token(self):
        token = self.cleaned_data["token"].strip().replace(" ", "")
        if self.device is None or not self.device.verify_token(token):
            raise forms.ValidationError(_("This code is not right, or has expired. Try the current one."))
        return token


def _next_url(request):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("wagtailadmin_home")


def _qr_svg(url):
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return mark_safe(buffer.getvalue().decode("utf-8"))  # generated here, no user input in it


@sensitive_post_parameters("token")
@never_cache
def verify_view(request):
    """The second step of the login: the code from the user's authenticator app."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), login_url=reverse("wagtailadmin_login"))
    device = confirmed_device(request.user)
    if device is None:
        return redirect(reverse("two_factor_setup") + "?next=" + _next_url(request))
    form = TokenForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return redirect(_next_url(request))
    return TemplateResponse(
        request, "cities/two_factor/verify.html", {"form": form, "next": _next_url(request)}
    )


@sensitive_post_parameters("token")
@never_cache
def setup_view(request):
    """Add an authenticator app: scan the code, then confirm one code from it."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), login_url=reverse("wagtailadmin_login"))
    if confirmed_device(request.user) is not None and not request.user.is_verified():
        return redirect(reverse("two_factor_verify") + "?next=" + _next_url(request))
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False, name=DEVICE_NAME).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=DEVICE_NAME, confirmed=False)
    form = TokenForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
        otp_login(request, device)
        return redirect(_next_url(request))
    return TemplateResponse(
        request,
        "cities/two_factor/setup.html",
        {
            "form": form,
            "next": _next_url(request),
            "qr_code": _qr_svg(device.config_url),
            "secret": _base32_secret(device),
        },
    )


def _base32_secret(device):
    from base64 import b32encode

    return b32encode(device.bin_key).decode("ascii")
