"""Rolling deploys: a migration must leave the previous release's code working.

During a deploy the new release migrates first while the old one still serves
(docs/deployment.md, "Deploys without downtime"). These tests hold a migration to that: the
old release's models (the project state before the migration) create, read, change and delete
rows in the migrated schema; and every migration written after the rule was set is checked for
the operations that break the old code.
"""

import pytest
from django.db import IntegrityError, connection, models, transaction
from django.db.migrations import operations
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from tests.factories import CallFactory, UserFactory

# Each app's last migration when the rule was written down: the ones after these are checked.
# (Older ones changed columns in place, which a deploy with downtime allowed.)
CHECKED_AFTER = {
    "api": "0001_initial",
    "calls": "0013_question_choices_per_language",
    "catalogue": "0003_practice_texts_translated",
    "core": "0005_audit_trail_append_only_in_postgresql",
    "feedback": "0005_texts_as_json",
    "library": "0005_practice_card_title_translated",
    "methodology": "0005_texts_as_json",
    "news": "0002_languages_offered",
    "newsletter": "0002_languages_offered",
    "people": "0005_consent",
    "places": "0001_initial",
    "programmes": "0006_programme_texts_translated",
    "reports": "0002_languages_offered",
    "visits": "0011_task_texts_translated",
}
# What a migration may do while the old code runs on: add, never change or take away.
ADDING = (
    operations.CreateModel,
    operations.AddIndex,
    operations.AddConstraint,
    operations.RunPython,
    operations.RunSQL,
)
BREAKING = (
    operations.RemoveField,
    operations.RenameField,
    operations.DeleteModel,
    operations.RenameModel,
    operations.AlterModelTable,
)


def old_code_breaks(loader: MigrationLoader, key: tuple[str, str]) -> list[str]:
    """What in migration `key` the code of the release before it would trip over."""
    migration = loader.graph.nodes[key]
    before = loader.project_state(key, at_end=False)
    problems = []
    for operation in migration.operations:
        if isinstance(operation, ADDING) or not hasattr(operation, "model_name"):
            continue
        where = ".".join(
            filter(None, [key[0], operation.model_name, getattr(operation, "name", "")])
        )
        if isinstance(operation, BREAKING):
            problems.append(f"{type(operation).__name__} on {where}: the old code still uses it")
        elif isinstance(operation, operations.AddField):
            field = operation.field
            has_db_default = field.db_default is not models.NOT_PROVIDED
            if not (field.null or has_db_default or field.many_to_many):
                problems.append(
                    f"{where} is added NOT NULL without db_default: "
                    "the old code's inserts leave it out"
                )
        elif isinstance(operation, operations.AlterField):
            old = before.models[key[0], operation.model_name_lower].fields[operation.name]
            new = operation.field
            if old.db_parameters(connection)["type"] != new.db_parameters(connection)["type"]:
                problems.append(f"{where} changes type in place")
            if old.null and not new.null:
                problems.append(f"{where} becomes NOT NULL")
    return problems


def test_migrations_since_the_rule_leave_the_old_code_working():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    ours = [
        key
        for key in loader.graph.nodes
        if type(loader.graph.nodes[key]).__module__.startswith("citypeers.")
    ]
    # A new app's migrations are all checked: its tables are new, so it has nothing to break.
    checked = [key for key in ours if key[1] > CHECKED_AFTER.get(key[0], "")]
    assert checked or len(ours) > 50  # the loader found our migrations
    problems = {key: old_code_breaks(loader, key) for key in checked}
    assert not {key: found for key, found in problems.items() if found}, (
        "see docs/deployment.md, 'The rules that keep both releases working'"
    )


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        (("calls", "0010_selection_run_started_at"), []),
        (
            ("people", "0004_user_language"),
            [
                "people.user.language is added NOT NULL without db_default: "
                "the old code's inserts leave it out"
            ],
        ),
        (
            ("programmes", "0004_programme_data_licence"),
            [
                "programmes.programme.data_licence is added NOT NULL without db_default: "
                "the old code's inserts leave it out"
            ],
        ),
        (
            ("catalogue", "0003_practice_texts_translated"),
            ["RemoveTextColumn on catalogue.practice.summary: the old code still uses it"],
        ),
    ],
)
def test_the_check_tells_an_addition_from_what_broke_the_old_code(key, expected):
    found = old_code_breaks(MigrationLoader(None, ignore_no_migrations=True), key)
    assert set(expected) <= set(found)
    assert bool(found) == bool(expected)


@pytest.fixture
def back_to_the_latest_migrations():
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def _migrate_to(key):
    executor = MigrationExecutor(connection)
    executor.migrate([key])
    return executor.loader


@pytest.mark.django_db(transaction=True)
def test_after_a_nullable_column_is_added_the_old_release_still_writes_and_reads(
    back_to_the_latest_migrations,
):
    """calls 0010 adds `SelectionRun.started_at`: the release before it, which knows nothing of
    the column, still starts, finishes, finds and deletes selection runs."""
    call = CallFactory()
    coordinator = UserFactory()
    loader = _migrate_to(("calls", "0010_selection_run_started_at"))
    old = loader.project_state([("calls", "0009_private_application_files")]).apps
    OldRun = old.get_model("calls", "SelectionRun")

    run = OldRun.objects.create(
        call_id=call.pk, number=1, status="running", created_by_id=coordinator.pk, instance={}
    )
    OldRun.objects.filter(pk=run.pk).update(status="done", finished_at=timezone.now())
    assert OldRun.objects.get(call_id=call.pk, number=1).status == "done"
    new = loader.project_state([("calls", "0010_selection_run_started_at")]).apps
    assert new.get_model("calls", "SelectionRun").objects.get(pk=run.pk).started_at is None
    OldRun.objects.filter(pk=run.pk).delete()
    assert not OldRun.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_not_null_column_without_db_default_breaks_the_old_release(
    back_to_the_latest_migrations,
):
    """What the check catches is real: after people 0004, the release before it could not
    sign anyone up (its insert leaves `language` out, and the column has no default)."""
    loader = _migrate_to(("people", "0004_user_language"))
    OldUser = loader.project_state(
        [("people", "0003_approve_existing_affiliations")]
    ).apps.get_model("people", "User")
    with pytest.raises(IntegrityError), transaction.atomic():
        OldUser.objects.create(email="new@example.org", password="!")
