"""Bringing a municipality's people into the network, and letting them go.

`add_editor` and `remove_editor` manage the people; a city itself is added by
`catalogue.municipalities.add_municipality`, since the catalogue importer is
the one path by which cities are written. All of it is idempotent.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from wagtail.models import Locale
from wagtail.users.models import UserProfile

from cities.models import CityPage
from cities.review import ensure_review_workflow
from cities.rights.grants import ensure_city_team, ensure_reviewers_group, team_for_city_id


class OnboardingError(Exception):
    """The request cannot be carried out; the message says why, for the person who asked."""


def content_languages():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def source_city(city_id):
    """The city's page in the language it was written in (not an alias)."""
    return (
        CityPage.objects.filter(catalogue_id=city_id, alias_of__isnull=True).order_by("depth", "pk").first()
    )


def ensure_city_pages(city):
    """The city's page in every enabled language: an alias where nobody translated it."""
    for code in content_languages():
        locale = Locale.objects.get_or_create(language_code=code)[0]
        if city.get_translation_or_none(locale) is None:
            city.copy_for_translation(locale, copy_parents=True, alias=True)


def _user_by_email(email):
    User = get_user_model()
    return User.objects.filter(email__iexact=email).order_by("pk").first()


def _new_username(email):
    User = get_user_model()
    base = email.lower()[:150]
    username, number = base, 1
    while User.objects.filter(**{User.USERNAME_FIELD: username}).exists():
        number += 1
        username = f"{base[:140]}-{number}"
    return username


@dataclass
class EditorResult:
    user: object
    created: bool
    group: object


@transaction.atomic
def add_editor(email, city_id=None, reviewer=False, first_name="", last_name="", send_email=True):
    """Create or update the account for `email` and put it in the city's editors or the reviewers.

    A new account has no usable password: it gets an email with a link to
    choose one (Django's password reset token). An existing, deactivated
    account is reactivated. Notification mail is switched on.
    """
    if bool(city_id) == bool(reviewer):
        raise OnboardingError("give either a city (--city ID) or --reviewer")
    email = get_user_model().objects.normalize_email(email.strip())
    if "@" not in email:
        raise OnboardingError(f"'{email}' is not an email address")
    if reviewer:
        ensure_review_workflow()
        group = ensure_reviewers_group()
    else:
        team = team_for_city_id(city_id)
        if team is None:
            city = source_city(city_id)
            if city is None:
                raise OnboardingError(f"there is no city '{city_id}': add it first with add_municipality")
            team = ensure_city_team(city)
        group = team.group
    user = _user_by_email(email)
    created = user is None
    if created:
        User = get_user_model()
        user = User(**{User.USERNAME_FIELD: _new_username(email)}, email=email)
        user.set_unusable_password()
    user.is_active = True
    if first_name:
        user.first_name = first_name
    if last_name:
        user.last_name = last_name
    user.save()
    user.groups.add(group)
    profile = UserProfile.get_for_user(user)
    for name in (
        "submitted_notifications",
        "approved_notifications",
        "rejected_notifications",
        "updated_comments_notifications",
    ):
        setattr(profile, name, True)
    profile.save()
    if send_email:
        transaction.on_commit(lambda: send_set_password_email(user))
    return EditorResult(user=user, created=created, group=group)


@transaction.atomic
def remove_editor(email):
    """Deactivate the account: it can no longer log in, and its history stays as it was."""
    user = _user_by_email(email)
    if user is None:
        raise OnboardingError(f"there is no account with the address {email}")
    user.is_active = False
    user.save(update_fields=["is_active"])
    return user


def set_password_link(user):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("wagtailadmin_password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_set_password_email(user):
    """The invitation: a link to choose a password, valid for PASSWORD_RESET_TIMEOUT."""
    language = UserProfile.get_for_user(user).get_preferred_language() or settings.LANGUAGE_CODE
    groups = ", ".join(user.groups.order_by("name").values_list("name", flat=True))
    context = {
        "user": user,
        "link": set_password_link(user),
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_home"),
        "groups": groups,
        "username": user.get_username(),
        "days": settings.PASSWORD_RESET_TIMEOUT // (24 * 3600),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    with translation.override(language):
        subject = render_to_string("cities/emails/set_password_subject.txt", context).strip()
        body = render_to_string("cities/emails/set_password.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
