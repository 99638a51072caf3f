"""A superuser called `admin` for trying the site locally.

The password comes from DEMO_ADMIN_PASSWORD. Without it, a new account gets a
generated password that is printed this once and stored only as a hash; an
existing account keeps whatever password it has.
"""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

USERNAME = "admin"
ENV_VAR = "DEMO_ADMIN_PASSWORD"


class Command(BaseCommand):
    help = (
        f"Create or update the superuser “{USERNAME}”. Its password is taken from {ENV_VAR}; "
        "if that is not set, a new account gets a generated password, printed once, and an "
        "existing account keeps its password."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        password = os.environ.get(ENV_VAR, "")
        user = User.objects.filter(**{User.USERNAME_FIELD: USERNAME}).first()
        created = user is None
        if created:
            user = User(**{User.USERNAME_FIELD: USERNAME})
            user.email = "admin@cities-network.example"

        user.is_active = True
        user.is_staff = True
        user.is_superuser = True

        generated = None
        if password:
            user.set_password(password)
        elif created:
            generated = secrets.token_urlsafe(12)
            user.set_password(generated)
        user.save()

        verb = "Created" if created else "Updated"
        self.stdout.write(self.style.SUCCESS(f"{verb} the superuser “{USERNAME}”."))
        if password:
            self.stdout.write(f"Its password is the value of {ENV_VAR}.")
        elif generated:
            self.stdout.write(f"Its password is: {generated}")
            self.stdout.write(
                f"It is shown only this once. To choose one, run this command again with {ENV_VAR} set."
            )
        else:
            self.stdout.write(
                f"{ENV_VAR} is not set, so its password was left unchanged. "
                f"Set {ENV_VAR} and run this command again to change it."
            )
