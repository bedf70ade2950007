"""A visit task's title, deliverable and checklist in every language (core.translated), and its
checklist ticked item by item.

Today's text becomes the task's English, the language tasks were made in. A task still as its
step template wrote it (the same English title, in the version its visit was planned with) gets
the step's other languages too, text by text: a deliverable or checklist reworded for the visit
keeps only its English."""

from django.db import migrations, models

from citypeers.core.translated import TranslatedField
from citypeers.core.translated_migrations import columns_to_json

TEXTS = ("title", "deliverable", "checklist")


def _texts(row, name: str) -> dict:
    return row._meta.get_field(name).translations(row)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def fill_from_steps(apps, schema_editor):
    db = schema_editor.connection.alias
    task_model = apps.get_model("visits", "VisitTask")
    versions = dict(
        apps.get_model("visits", "VisitPlan")
        .objects.using(db)
        .values_list("visit_id", "template_version_id")
    )
    steps = {}
    step_model = apps.get_model("methodology", "StepTemplate")
    for step in step_model.objects.using(db).filter(version_id__in=set(versions.values())):
        steps.setdefault((step.version_id, _texts(step, "title").get("en")), step)
    filled = []
    for task in task_model.objects.using(db).filter(visit_id__in=versions):
        step = steps.get((versions[task.visit_id], _texts(task, "title").get("en")))
        if step is None:
            continue
        for name in TEXTS:
            mine, template = _texts(task, name), _texts(step, name)
            if _lines(mine.get("en")) == _lines(template.get("en")):
                setattr(task, name, {**template, **mine})  # the task's own English stays
        filled.append(task)
    task_model.objects.using(db).bulk_update(filled, list(TEXTS), batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("visits", "0010_session_resources"),
        ("methodology", "0005_texts_as_json"),
    ]

    operations = [
        migrations.AddField(
            model_name="visittask",
            name="ticked",
            field=models.JSONField(blank=True, default=list, verbose_name="ticked items"),
        ),
        *columns_to_json(
            "visits",
            "visittask",
            {
                "title": TranslatedField(verbose_name="task", max_length=200),
                "deliverable": TranslatedField(
                    verbose_name="deliverable", max_length=200, blank=True
                ),
                "checklist": TranslatedField(
                    verbose_name="checklist",
                    blank=True,
                    help_text="One item a line.",
                    multiline=True,
                ),
            },
            languages=(),
        ),
        # Back: columns_to_json's reverse keeps the English, as it was.
        migrations.RunPython(fill_from_steps, migrations.RunPython.noop),
    ]
