from django.conf import settings
from django.shortcuts import redirect
from django.utils.translation import get_supported_language_variant
from django.utils.translation.trans_real import parse_accept_lang_header


def preferred_language(request):
    """The first language the browser asks for that the site has, else the default."""
    for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        if code == "*":
            break
        try:
            return get_supported_language_variant(code)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


def choose_language(request):
    response = redirect(f"/{preferred_language(request)}/")
    response["Vary"] = "Accept-Language"
    return response
