"""“Contact the city about this practice”: the form, its mail and its record.

Served by PracticePage's `contact/` route, on a page of its own so that the
practice page itself sets no cookie (the form needs Django's CSRF cookie) and
stays cacheable. The mail goes to the city's official address (CityPage.email)
and is written in the network's default language, the city's own.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_protect

from cities.models import CityPage
from contact.forms import ContactForm
from contact.models import ContactMessage
from sitewide.ratelimit import hit
from sitewide.reader import reader_for

logger = logging.getLogger(__name__)


def city_of(page):
    """The practice's city, if it has an official address to write to."""
    city = page.get_parent().specific
    if not isinstance(city, CityPage) or not city.email:
        return None
    return city


def _context(request, page, city, **extra):
    reader = reader_for(request)
    return {
        "page": page,
        "self": page,
        "city": city,
        "practice_lang": reader.content_language(page),
        "city_lang": reader.content_language(city),
        **extra,
    }


def _private(response):
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex"
    return response


def send(message, practice_url):
    """Email a stored message to its city; record whether the mail server took it."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Question about the practice “%(practice)s”") % {"practice": message.practice_title}
        body = render_to_string("contact/email.txt", {"message": message, "practice_url": practice_url})
    mail = EmailMessage(
        subject=subject.replace("\n", " ")[:200],
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.recipient],
        reply_to=[message.email],
    )
    try:
        mail.send()
    except Exception:  # the message is kept; staff can forward it from the admin
        logger.exception("Contact message %s could not be sent", message.pk)
        return False
    message.delivered = True
    message.save(update_fields=["delivered"])
    return True


@csrf_protect
def contact_city(request, page):
    city = city_of(page)
    if city is None:
        raise Http404("This city has no contact address.")
    if request.method == "POST":
        retry_after = hit(request, "contact")
        if retry_after is not None:
            response = TemplateResponse(
                request,
                "contact/rate_limited.html",
                _context(request, page, city, retry_after=retry_after, retry_minutes=-(-retry_after // 60)),
                status=429,
            )
            response["Retry-After"] = str(retry_after)
            return _private(response)
        form = ContactForm(request.POST)
        if form.is_valid():
            sent_url = page.reverse_subpage("contact_sent")
            if form.is_robot:
                return HttpResponseRedirect(page.url + sent_url)
            message = ContactMessage.objects.create(
                practice=page,
                practice_title=page.title,
                city_name=city.title,
                recipient=city.email,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                message=form.cleaned_data["message"],
                language=translation.get_language() or settings.LANGUAGE_CODE,
            )
            delivered = send(message, page.get_full_url(request=request))
            return HttpResponseRedirect(page.url + sent_url + ("" if delivered else "?failed=1"))
    elif request.method in ("GET", "HEAD"):
        form = ContactForm()
    else:
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    return _private(
        TemplateResponse(request, "contact/contact_page.html", _context(request, page, city, form=form))
    )


def contact_sent(request, page):
    city = city_of(page)
    if city is None:
        raise Http404("This city has no contact address.")
    failed = request.GET.get("failed") == "1"
    return _private(
        TemplateResponse(request, "contact/sent.html", _context(request, page, city, failed=failed))
    )
