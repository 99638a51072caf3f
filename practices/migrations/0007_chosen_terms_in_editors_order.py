"""A practice's categories and target groups become ordered rows, keeping the editors' order.

The many-to-many links kept no order; each becomes a row of
PracticeCategory or PracticeTargetGroup, and the page's `categories` and
`target_groups` become relations through those rows. Existing links are
numbered in the order the catalogue's export gave them until now (by the
term's catalogue id), so an export before and after the migration agrees.
"""

import django.db.models.deletion
from django.db import migrations, models

import modelcluster.fields

import practices.models.snippets

RELATIONS = (
    ("categories", "PracticeCategory", "category"),
    ("target_groups", "PracticeTargetGroup", "targetgroup"),
)


def links_to_rows(apps, schema_editor):
    page_model = apps.get_model("practices", "PracticePage")
    for relation, row_model_name, term_name in RELATIONS:
        links = getattr(page_model, relation).through.objects.order_by(
            "practicepage_id", f"{term_name}__catalogue_id"
        )
        row_model = apps.get_model("practices", row_model_name)
        rows, position = [], {}
        for page_id, term_id in links.values_list("practicepage_id", f"{term_name}_id"):
            position[page_id] = position.get(page_id, -1) + 1
            rows.append(row_model(page_id=page_id, term_id=term_id, sort_order=position[page_id]))
        row_model.objects.bulk_create(rows, batch_size=1000)


def rows_to_links(apps, schema_editor):
    page_model = apps.get_model("practices", "PracticePage")
    for relation, row_model_name, term_name in RELATIONS:
        through = getattr(page_model, relation).through
        rows = apps.get_model("practices", row_model_name).objects.values_list("page_id", "term_id")
        through.objects.bulk_create(
            [through(practicepage_id=page_id, **{f"{term_name}_id": term_id}) for page_id, term_id in rows],
            batch_size=1000,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0006_category_icons"),
    ]

    operations = [
        migrations.CreateModel(
            name="PracticeCategory",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "page",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="category_links",
                        to="practices.practicepage",
                    ),
                ),
                (
                    "term",
                    models.ForeignKey(
                        limit_choices_to=practices.models.snippets.in_default_locale,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="practice_links",
                        to="practices.category",
                        verbose_name="category",
                    ),
                ),
            ],
            options={
                "verbose_name": "category",
                "verbose_name_plural": "categories",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="PracticeTargetGroup",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "page",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="target_group_links",
                        to="practices.practicepage",
                    ),
                ),
                (
                    "term",
                    models.ForeignKey(
                        limit_choices_to=practices.models.snippets.in_default_locale,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="practice_links",
                        to="practices.targetgroup",
                        verbose_name="target group",
                    ),
                ),
            ],
            options={
                "verbose_name": "target group",
                "verbose_name_plural": "target groups",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.AddConstraint(
            model_name="practicecategory",
            constraint=models.UniqueConstraint(fields=("page", "term"), name="practices_practicecategory_once"),
        ),
        migrations.AddConstraint(
            model_name="practicetargetgroup",
            constraint=models.UniqueConstraint(fields=("page", "term"), name="practices_practicetargetgroup_once"),
        ),
        migrations.RunPython(links_to_rows, rows_to_links),
        migrations.RemoveField(model_name="practicepage", name="categories"),
        migrations.RemoveField(model_name="practicepage", name="target_groups"),
        migrations.AddField(
            model_name="practicepage",
            name="categories",
            field=models.ManyToManyField(
                related_name="practices",
                through="practices.PracticeCategory",
                to="practices.category",
                verbose_name="categories",
            ),
        ),
        migrations.AddField(
            model_name="practicepage",
            name="target_groups",
            field=models.ManyToManyField(
                related_name="practices",
                through="practices.PracticeTargetGroup",
                to="practices.targetgroup",
                verbose_name="target groups",
            ),
        ),
    ]
