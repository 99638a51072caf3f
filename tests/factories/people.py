"""The people who use the admin."""

import factory
from factory.django import DjangoModelFactory

from django.contrib.auth import get_user_model

from wagtail.users.models import UserProfile


class UserFactory(DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@cities-network.example")
    password = factory.django.Password("correct horse battery staple")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)


def with_admin_language(user, language):
    """`user`, whose admin now speaks `language` whatever the site's default."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user
