"""Demo accounts for trying the roles locally: one editor per city and one IOM reviewer.

A new account gets a generated password, printed this once and stored only
as a hash; an existing account keeps whatever password it has. Every city on
the site gets its team first (`add_municipality`). Do not run this on a server.
"""

import secrets

from django.conf import settings
from django.core.management.base import BaseCommand

from catalogue.municipalities import add_municipality
from cities.models import CityPage
from cities.onboarding import add_editor

DOMAIN = "cities-network.example"
# The demo people are named as the Greek admin shows them: "Συντάκτης Δήμου Αθηναίων".
MUNICIPALITY = "Δήμος "


def genitive_of_city(title):
    """ "Δήμος Αθηναίων" → "Δήμου Αθηναίων": the rest of a municipality's name is already genitive."""
    return "Δήμου " + title.removeprefix(MUNICIPALITY) if title.startswith(MUNICIPALITY) else title


class Command(BaseCommand):
    help = (
        "Create the demo accounts: an editor for each city on the site (editor-ID@cities-network.example) "
        "and one IOM reviewer (reviewer@cities-network.example). New accounts' passwords are printed once."
    )

    def handle(self, *args, **options):
        cities = CityPage.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE, alias_of__isnull=True
        ).order_by("title")
        people = [(f"reviewer@{DOMAIN}", None, "Ελεγκτής", "ΔΟΜ")]
        for city in cities:
            add_municipality(city.catalogue_id)
            people.append(
                (
                    f"editor-{city.catalogue_id}@{DOMAIN}",
                    city.catalogue_id,
                    "Συντάκτης",
                    genitive_of_city(city.title),
                )
            )
        for email, city_id, first_name, last_name in people:
            result = add_editor(
                email,
                city_id=city_id,
                reviewer=city_id is None,
                first_name=first_name,
                last_name=last_name,
                send_email=False,
            )
            user = result.user
            if result.created:
                password = secrets.token_urlsafe(12)
                user.set_password(password)
                user.save(update_fields=["password"])
                self.stdout.write(
                    f"Created “{user.get_username()}” in “{result.group.name}”; its password is: {password}"
                )
            else:
                self.stdout.write(f"“{user.get_username()}” ({result.group.name}) keeps its password.")
        self.stdout.write("The passwords are shown only when an account is created.")
