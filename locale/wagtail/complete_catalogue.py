"""List the admin strings that still have no Greek translation.

A development tool, never imported at runtime. The Greek admin is made of the
catalogues that the installed packages ship (Wagtail's own Greek covers about a
third of its admin, wagtail-localize's almost nothing) plus this folder's
``el/LC_MESSAGES/django.po`` and ``djangojs.po``, which Django loads through
``LOCALE_PATHS`` and which take precedence over the packages' catalogues.

The complete list of msgids in use is read from the English source catalogues
that Wagtail and wagtail-localize ship (``locale/en/LC_MESSAGES/*.po``; they are
regenerated from the code at every release). A msgid counts as translated when
a non-fuzzy Greek translation exists in this folder's catalogue or in the Greek
catalogue of an *installed* app (a package's catalogue is only loaded when its
app is in INSTALLED_APPS; JavaScript catalogues only for the packages that the
admin's ``JavaScriptCatalog`` views name). The untranslated strings of Django
itself, django.contrib.auth, taggit and django-filter, which also appear in the
admin, are listed too.

Usage, from the repository root::

    .venv/bin/python locale/wagtail/complete_catalogue.py            # list what is missing
    .venv/bin/python locale/wagtail/complete_catalogue.py --pot todo.pot
    # ... translate todo.pot into todo.po (keep placeholders and plural forms) ...
    .venv/bin/python locale/wagtail/complete_catalogue.py --merge todo.po
    msgfmt --check -o /dev/null locale/wagtail/el/LC_MESSAGES/django.po

``--check`` exits with status 1 when anything is missing (for CI).
"""

import argparse
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BASE_DIR = HERE.parent.parent
LANGUAGE = "el"
DOMAINS = ("django", "djangojs")
SOURCE_PACKAGES = ("wagtail", "wagtail_localize")
# Wagtail's admin uses django.contrib.humanize's ``naturaltime`` ("3 hours ago") without
# the app being installed, so its catalogue is never loaded: its msgids are ours to translate.
UNINSTALLED_SOURCE_APPS = ("django.contrib.humanize",)
# Apps whose Greek catalogue is loaded by a JavaScriptCatalog view of the admin.
JAVASCRIPT_PACKAGES = {"wagtail": "wagtail.admin", "wagtail_localize": "wagtail_localize"}
# Other catalogues whose strings show up in the admin: only their gaps are listed.
THIRD_PARTY_APPS = ("django.contrib.auth", "django.contrib.contenttypes", "taggit", "django_filters")


def setup_django():
    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()


def our_catalogue(domain):
    import polib

    path = HERE / LANGUAGE / "LC_MESSAGES" / f"{domain}.po"
    return polib.pofile(str(path), wrapwidth=0) if path.exists() else None


def key(entry):
    return (entry.msgctxt or "", entry.msgid)


def is_translated(entry):
    if entry.obsolete or "fuzzy" in entry.flags:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def _greek_catalogue(app_path, domain):
    import polib

    path = Path(app_path) / "locale" / LANGUAGE / "LC_MESSAGES" / f"{domain}.po"
    return polib.pofile(str(path)) if path.exists() else []


def installed_greek(domain, package=None):
    """{(msgctxt, msgid)} that the installed packages translate into Greek."""
    import django
    from django.apps import apps

    if domain == "djangojs":
        name = JAVASCRIPT_PACKAGES[package]
        app_paths = [config.path for config in apps.get_app_configs() if config.name == name]
    else:
        app_paths = [config.path for config in apps.get_app_configs()]
        app_paths.append(str(Path(django.__file__).parent / "conf"))
    return {
        key(entry) for path in app_paths for entry in _greek_catalogue(path, domain) if is_translated(entry)
    }


def source_entries(domain):
    """(package, app, entry) for every msgid in the English source catalogues."""
    import polib

    import wagtail

    site_packages = Path(wagtail.__file__).resolve().parent.parent
    sources = [(package, site_packages / package) for package in SOURCE_PACKAGES]
    sources += [(app, site_packages.joinpath(*app.split("."))) for app in UNINSTALLED_SOURCE_APPS]
    for package, package_dir in sources:
        for path in sorted(package_dir.glob(f"**/locale/en/LC_MESSAGES/{domain}.po")):
            app = ".".join(path.relative_to(site_packages).parts[:-4])
            for entry in polib.pofile(str(path)):
                if entry.msgid and not entry.obsolete:
                    yield package, app, entry


def third_party_gaps():
    """Untranslated Greek entries of Django and the other apps the admin shows."""
    import django
    from django.apps import apps

    paths = [
        (config.name, config.path) for config in apps.get_app_configs() if config.name in THIRD_PARTY_APPS
    ]
    paths.append(("django", str(Path(django.__file__).parent / "conf")))
    for app, path in paths:
        for entry in _greek_catalogue(path, "django"):
            if entry.msgid and not entry.obsolete and not is_translated(entry):
                yield app, entry


def missing(domain):
    """[(app, entry)] with no Greek anywhere, in source order, without duplicates."""
    ours = our_catalogue(domain)
    ours_translated = {key(entry) for entry in ours or [] if is_translated(entry)}
    installed = {} if domain == "djangojs" else installed_greek(domain)
    seen, result = set(), []
    for package, app, entry in source_entries(domain):
        if domain == "djangojs" and package not in installed:
            installed[package] = installed_greek(domain, package)
        translated_by_package = installed[package] if domain == "djangojs" else installed
        k = key(entry)
        if k in seen or k in ours_translated or k in translated_by_package:
            continue
        seen.add(k)
        result.append((app, entry))
    if domain == "django":
        for app, entry in third_party_gaps():
            k = key(entry)
            if k not in seen and k not in ours_translated and k not in installed:
                seen.add(k)
                result.append((app, entry))
    return result


def write_pot(path, entries_by_domain):
    import polib

    pot = polib.POFile(wrapwidth=0)
    pot.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Language": LANGUAGE,
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
    }
    for domain, entries in entries_by_domain.items():
        for app, entry in entries:
            pot.append(
                polib.POEntry(
                    msgctxt=entry.msgctxt,
                    msgid=entry.msgid,
                    msgid_plural=entry.msgid_plural,
                    msgstr_plural={0: "", 1: ""} if entry.msgid_plural else {},
                    flags=[flag for flag in entry.flags if flag != "fuzzy"],
                    comment=entry.comment,
                    tcomment=f"Domain: {domain}. Used by: {app}",
                    occurrences=[
                        (f"{app.replace('.', '/')}/{file}", line) for file, line in entry.occurrences
                    ],
                )
            )
    pot.save(str(path))


def merge(path):
    """Copy the translated, non-fuzzy entries of a .po file into this folder's catalogues.

    An entry goes into ``djangojs.po`` if its translator comment names that domain
    (as ``--pot`` writes it), otherwise into ``django.po``; an existing entry with
    the same msgctxt and msgid is replaced.
    """
    import polib

    merged = dict.fromkeys(DOMAINS, 0)
    catalogues = {domain: our_catalogue(domain) for domain in DOMAINS}
    for entry in polib.pofile(str(path)):
        if not is_translated(entry):
            continue
        domain = "djangojs" if "Domain: djangojs" in (entry.tcomment or "") else "django"
        catalogue = catalogues[domain]
        if catalogue is None:
            sys.exit(f"{HERE / LANGUAGE / 'LC_MESSAGES' / (domain + '.po')} does not exist")
        existing = catalogue.find(entry.msgid, msgctxt=entry.msgctxt)
        if existing is not None:
            catalogue.remove(existing)
        entry.occurrences = []
        entry.tcomment = (entry.tcomment or "").replace(f"Domain: {domain}. ", "")
        catalogue.append(entry)
        merged[domain] += 1
    for domain, catalogue in catalogues.items():
        if catalogue is not None and merged[domain]:
            catalogue.sort(key=lambda entry: (entry.msgid.lower(), entry.msgctxt or ""))
            catalogue.save()
    return merged


def say(line):
    sys.stdout.write(f"{line}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pot", type=Path, help="write the missing entries to this template")
    parser.add_argument("--merge", type=Path, help="merge a translated .po into this folder's catalogues")
    parser.add_argument("--check", action="store_true", help="exit with status 1 if anything is missing")
    args = parser.parse_args()
    setup_django()

    if args.merge:
        for domain, count in merge(args.merge).items():
            say(f"{domain}: merged {count} entries")

    entries_by_domain = {domain: missing(domain) for domain in DOMAINS}
    total = 0
    for domain, entries in entries_by_domain.items():
        say(f"# {domain}: {len(entries)} msgids without Greek")
        for app, entry in entries:
            context = f"[{entry.msgctxt}] " if entry.msgctxt else ""
            plural = f" / {entry.msgid_plural!r}" if entry.msgid_plural else ""
            say(f"{app}\t{context}{entry.msgid!r}{plural}")
        total += len(entries)
    if args.pot:
        write_pot(args.pot, entries_by_domain)
        say(f"wrote {total} entries to {args.pot}")
    if args.check and total:
        sys.exit(1)


if __name__ == "__main__":
    main()
