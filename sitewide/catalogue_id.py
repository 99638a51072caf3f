"""The catalogue id of a city or practice page: its one identity, in every language, file and link.

A page's slug is an address an editor may type and change in any language;
it cannot also say which practice a catalogue record is, or which city owns
it (issue 12: a practice whose slug an editor set to another city's id was
taken over by an upload). So the id is a field of its own
(docs/decisions/0080-one-identity-per-practice.md):

- it is given once, when the page is first saved: a translation or an alias
  takes its original's (they share a translation key), a new page its first
  slug, the importer the record's id;
- it never changes afterwards: no form shows it, a revision cannot bring an
  older value back (`with_content_json`), and a copy of a page does not
  inherit it (`exclude_fields_in_copy`) but gets its own from its new slug;
- it is unique in each language, and one translation key has it in every
  language: a new page whose id is already another page's is refused at
  its slug, with the same message
  whether the other page is live or a draft and whichever city it belongs to.
"""

from django.core.exceptions import ValidationError
from django.db import migrations, models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.pages import CopyForm
from wagtail.admin.panels import Panel
from wagtail_localize.fields import SynchronizedField

ID_TAKEN = _("This slug is already the catalogue id of another page. Choose another slug.")
# For the models' `override_translatable_fields`: every translation keeps its original's id.
SYNCHRONIZED_CATALOGUE_ID = SynchronizedField("catalogue_id", overridable=False)


class CatalogueIdCopyForm(CopyForm):
    """The admin's "copy page" form, refusing a new slug that would be a taken id.

    A copy gets its id from its new slug. Copied subpages would keep their
    slugs, so their ids would be their originals': they are copied one by one.
    """

    def clean(self):
        cleaned_data = super().clean()
        slug = cleaned_data.get("new_slug")
        if slug and self.page.specific_class.objects.filter(catalogue_id=slug).exists():
            self.add_error("new_slug", ID_TAKEN)
        if cleaned_data.get("copy_subpages"):
            self.add_error(
                "copy_subpages",
                _("Its subpages need ids of their own: copy this page alone, then each subpage."),
            )
        return cleaned_data


class PageCatalogueIdMixin(models.Model):
    catalogue_id = models.CharField(
        _("catalogue id"),
        max_length=255,
        editable=False,
        db_index=True,
        help_text=_(
            "The page's permanent id in the catalogue's files and links, the same in every language."
        ),
    )

    exclude_fields_in_copy = ["catalogue_id"]
    copy_form_class = CatalogueIdCopyForm
    # Set by the importer, which checks a whole file's ids against the site's at once.
    catalogue_id_checked = False

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.assign_catalogue_id()
        return super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self._check_new_catalogue_id()

    def minimal_clean(self):
        super().minimal_clean()
        self._check_new_catalogue_id()

    def with_content_json(self, content):
        """A revision's content never brings back another id than the page's own."""
        page = super().with_content_json(content)
        page.catalogue_id = self.catalogue_id
        return page

    def assign_catalogue_id(self):
        """A page without an id takes its translations' (it is one of them), else its slug."""
        if self.catalogue_id:
            return
        shared = (
            type(self)
            .objects.filter(translation_key=self.translation_key)
            .exclude(catalogue_id="")
            .exclude(pk=self.pk)
            .values_list("catalogue_id", flat=True)
            .first()
        )
        self.catalogue_id = shared or self.slug

    def catalogue_id_is_taken(self):
        """Whether another page of this language (not a translation or alias of this one) has this page's id.

        Every page has an alias or a translation in each language, so in
        practice an id is taken in every language at once.
        """
        others = type(self).objects.filter(catalogue_id=self.catalogue_id, locale_id=self.locale_id)
        return others.exclude(translation_key=self.translation_key).exists()

    def _check_new_catalogue_id(self):
        # Only a page being created gets an id; an existing page's never changes.
        if self.pk is not None or self.catalogue_id_checked:
            return
        self.assign_catalogue_id()
        if self.catalogue_id_is_taken():
            raise ValidationError({"slug": ID_TAKEN})


class CatalogueIdPanel(Panel):
    """The page's catalogue id, shown and never edited."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Catalogue id"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "sitewide/panels/catalogue_id.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["catalogue_id"] = getattr(self.instance, "catalogue_id", "")
            return context


def catalogue_id_operations(app_label, model_name, default_language):
    """The migration operations that give a page type its `catalogue_id`, filled from today's slugs."""

    def fill(apps, schema_editor):
        fill_catalogue_ids(apps, app_label, model_name, default_language)

    return [
        migrations.AddField(
            model_name=model_name,
            name="catalogue_id",
            field=models.CharField(
                db_index=True,
                default="",
                editable=False,
                help_text="The page's permanent id in the catalogue's files and links, the same in every language.",
                max_length=255,
                verbose_name="catalogue id",
            ),
            preserve_default=False,
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]


def fill_catalogue_ids(apps, app_label, model_name, default_language):
    """For a data migration: every existing page gets its source-language page's slug as its id.

    The source is the page wagtail-localize translates from, else the
    default language's page, else the oldest page that is not an alias, so
    today's URLs and the ids of `cni-catalogue/1` files stay the same. Two
    practices of different cities could share a slug; the older keeps the id
    and the younger gets a numbered one (`-2`, `-3`…), since ids are unique.
    """
    model = apps.get_model(app_label, model_name)
    source_locales = dict(
        apps.get_model("wagtail_localize", "TranslationSource").objects.values_list("object_id", "locale_id")
    )
    default_locale = apps.get_model("wagtailcore", "Locale").objects.filter(language_code=default_language)
    default_locale_id = default_locale.values_list("pk", flat=True).first()
    groups = {}
    for row in model.objects.order_by("pk").values(
        "pk", "translation_key", "locale_id", "alias_of_id", "slug"
    ):
        groups.setdefault(row["translation_key"], []).append(row)

    def source(key, rows):
        originals = [row for row in rows if row["alias_of_id"] is None] or rows
        for locale_id in (source_locales.get(key), default_locale_id):
            found = next((row for row in originals if row["locale_id"] == locale_id), None)
            if found:
                return found
        return originals[0]

    sources = sorted(
        ((source(key, rows), key) for key, rows in groups.items()), key=lambda item: item[0]["pk"]
    )
    taken = set()
    for row, key in sources:
        catalogue_id, number = row["slug"], 1
        while catalogue_id in taken:
            number += 1
            catalogue_id = f"{row['slug']}-{number}"
        taken.add(catalogue_id)
        model.objects.filter(translation_key=key).update(catalogue_id=catalogue_id)
