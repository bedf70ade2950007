import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0003_action_plans"),
        ("methodology", "0004_agenda_days_placement_rules"),
        ("programmes", "0003_programme_rooms"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="FormatLesson",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("worked", models.TextField(blank=True, verbose_name="what worked")),
                ("did_not_work", models.TextField(blank=True, verbose_name="what did not work")),
                ("would_change", models.TextField(blank=True, verbose_name="what we would change")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                (
                    "author",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="written by",
                    ),
                ),
                (
                    "format",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="methodology.activityformat",
                        verbose_name="format",
                    ),
                ),
                (
                    "visit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="format_lessons",
                        to="programmes.visit",
                        verbose_name="visit",
                    ),
                ),
            ],
            options={
                "verbose_name": "format lesson",
                "verbose_name_plural": "format lessons",
                "ordering": ["visit", "format__position", "format__slug"],
            },
        ),
        migrations.CreateModel(
            name="MethodologyProposal",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("title", models.CharField(max_length=200, verbose_name="title")),
                ("rationale", models.TextField(verbose_name="why")),
                ("change", models.TextField(verbose_name="the proposed change")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("proposed", "Proposed"),
                            ("adopted", "Adopted"),
                            ("declined", "Declined"),
                        ],
                        default="proposed",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="proposed")),
                ("decided_at", models.DateTimeField(blank=True, null=True, verbose_name="decided")),
                (
                    "decision_note",
                    models.TextField(blank=True, verbose_name="note on the decision"),
                ),
                (
                    "decided_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="decided by",
                    ),
                ),
                (
                    "format",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="methodology.activityformat",
                        verbose_name="format",
                    ),
                ),
                (
                    "lessons",
                    models.ManyToManyField(
                        related_name="proposals", to="feedback.formatlesson", verbose_name="lessons"
                    ),
                ),
                (
                    "proposed_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="proposed by",
                    ),
                ),
            ],
            options={
                "verbose_name": "methodology proposal",
                "verbose_name_plural": "methodology proposals",
                "ordering": ["-created_at", "-pk"],
            },
        ),
        migrations.AddConstraint(
            model_name="formatlesson",
            constraint=models.UniqueConstraint(
                fields=("visit", "format"), name="lesson_one_per_visit_format"
            ),
        ),
    ]
