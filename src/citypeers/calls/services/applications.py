"""Applying: drafts, submission, withdrawal, and eligibility decided by hand."""

from pathlib import PurePath

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from citypeers.calls.models import Application, ApplicationFile, Call, Preference, Question
from citypeers.core.audit import log_action
from citypeers.core.background import enqueue_with_write
from citypeers.core.errors import CallError
from citypeers.core.files import (
    allowed_extensions,
    content_type_of,
    delete_after_commit,
    display_name,
    upload_limit,
)
from citypeers.core.translated import TranslatedText
from citypeers.people.enums import ConsentPurpose
from citypeers.people.services import consent_record


def _application_for(call: Call, applicant) -> Application:
    """The person's one application to the call, created on first save; locked for the write.
    One query when it exists (every sending but the first draft's), as the write lock waits."""
    mine = Application.objects.select_for_update().filter(call=call, applicant=applicant)
    application = mine.first()
    if application is None:
        try:
            with transaction.atomic():
                Application.objects.create(call=call, applicant=applicant)
        except IntegrityError:  # a simultaneous first save made it: use that one
            pass
        application = mine.get()
    # The objects in hand, not fetched again for the audit trail's "who → which call".
    application.call, application.applicant = call, applicant
    return application


def file_check(question: Question, upload) -> str:
    """The MIME type of a file answering `question`, read from its content; refuses a type
    the question does not allow (or no call may: SVG, HTML…) and a file over its size."""
    field = f"q_{question.pk}"
    limit = min(question.max_file_mb * 1024 * 1024, upload_limit())
    if getattr(upload, "too_large", False) or upload.size > limit:
        raise CallError(file_too_large_message(question), field=field)
    extensions = allowed_extensions(question.file_types)
    content_type = content_type_of(upload, extensions)
    if content_type is None:
        raise CallError(file_type_message(upload, extensions), field=field)
    return content_type


def file_too_large_message(question: Question) -> str:
    megabytes = min(question.max_file_mb, upload_limit() // (1024 * 1024))
    return _("The file is larger than %(mb)s MB.") % {"mb": megabytes}


def file_type_message(upload, extensions: list[str]) -> str:
    types = ", ".join(extensions)
    if PurePath(upload.name or "").suffix.lower().lstrip(".") in extensions:
        message = _(
            "The content of this file is not what its name says. "
            "Send a file of one of these types: %(types)s."
        )
    else:
        message = _("Send a file of one of these types: %(types)s.")
    return message % {"types": types}


def _file_attach(application: Application, question: Question, upload, content_type: str):
    """Stores a checked file under a random name; the one it replaces is deleted on commit."""
    attached = ApplicationFile.objects.filter(application=application, question=question).first()
    replaced = attached.file if attached else None
    attached = attached or ApplicationFile(application=application, question=question)
    attached.file, attached.name = upload, display_name(upload.name)
    attached.content_type = content_type
    attached.save()
    if replaced:
        delete_after_commit(replaced)


def closed_message(call: Call) -> str:
    local = date_format(timezone.localtime(call.closes_at, timezone=call.zone), "j F Y, H:i")
    message = _(
        "The call closed on %(date)s (%(zone)s): applications can no longer be sent or changed."
    )
    return message % {"date": local, "zone": call.time_zone}


def _sent(application: Application, fields: dict) -> dict:
    """What an applicant sent, key by key, to tell what a new sending changed: the fields the
    form saves, each answer (`answer:<question>`), the organisation, the status and the ranked
    visits."""
    sent = {name: getattr(application, name) for name in fields}
    sent |= {f"answer:{pk}": value for pk, value in (application.answers or {}).items()}
    sent["organisation"] = application.organisation_id
    sent["status"] = application.status  # sent again after a withdrawal
    sent["preferences"] = list(application.preferences.values_list("visit_id", flat=True))
    return sent


def _changes(before: dict, after: dict) -> list[str]:
    return [key for key in after | before if before.get(key) != after.get(key)]


def application_save(
    *,
    call: Call,
    applicant,
    fields: dict,
    preferences: list,
    answers: dict,
    files: dict,
    consent: bool,
    submit: bool,
    consent_shown: TranslatedText | None = None,
    now=None,
    notify: bool = True,
) -> Application:
    """Saves a draft, or submits (again, until the closing time). Checked on the server, so a
    page left open past the closing time cannot slip an application in. A submission mails
    the applicant a copy, unless `notify` is false (demo data about past calls sends none);
    a sending again mails only if something changed. The application returned tells, in
    `mailed`, whether a copy is on its way. A consent keeps the text its author was shown
    (`consent_shown`, else the call's in the active language) and that text's language."""
    now = now or timezone.now()
    if not call.is_open(now):
        raise CallError(closed_message(call))
    # Every file checked before anything is stored: a refusal leaves no file behind.
    checked = {q: (upload, file_check(q, upload)) for q, upload in files.items()}
    with transaction.atomic():
        application = _application_for(call, applicant)
        was_sent = application.pk is not None and application.submitted_at is not None
        before = _sent(application, fields) if was_sent else {}
        if application.status == Application.Status.WITHDRAWN and not submit:
            application.status = Application.Status.DRAFT
        for name, value in fields.items():
            setattr(application, name, value)
        application.organisation_id = applicant.organisation_id  # as the profile says when sent
        application.answers = answers
        if consent:
            shown = call.consent_text if consent_shown is None else consent_shown
            application.consent_version, application.consented_at = call.consent_version, now
            application.consent_text, application.consent_language = str(shown), shown.language
        first_submission = submit and application.submitted_at is None
        if submit:
            application.status = Application.Status.SUBMITTED
            application.submitted_at = application.submitted_at or now
        application.save()
        if consent:
            consent_record(
                user=applicant,
                purpose=ConsentPurpose.APPLICATION,
                text=application.consent_text,
                language=application.consent_language,
                reference=f"calls.application:{application.pk}",
                now=now,
            )
        application.preferences.all().delete()
        Preference.objects.bulk_create(
            Preference(application=application, visit=visit, rank=rank)
            for rank, visit in enumerate(preferences, start=1)
        )
        for question, (upload, content_type) in checked.items():
            _file_attach(application, question, upload, content_type)
        # A sending again mails only when something changed, and says what (files replaced
        # count as changed: `file:<question>`).
        changed = []
        if submit and not first_submission:
            changed = _changes(before, _sent(application, fields))
            changed += [f"file:{question.pk}" for question in checked]
        action = "application.submitted" if submit else "application.draft_saved"
        log_action(application, action, by=applicant, changes={"call": call.slug})
        application.mailed = bool(submit and notify and (first_submission or changed))
        if application.mailed:
            from citypeers.calls.tasks import send_application_copy  # tasks import services

            # In the submission's transaction: a process killed just after it commits cannot
            # leave a sent application whose copy never goes (a retry changes nothing).
            enqueue_with_write(
                send_application_copy,
                application_id=application.pk,
                first=first_submission,
                changed=changed,
            )
    return application


def application_withdraw(*, application: Application, by, now=None) -> Application:
    if not application.call.is_open(now or timezone.now()):
        raise CallError(closed_message(application.call))
    application.status = Application.Status.WITHDRAWN
    application.save(update_fields=["status", "updated_at"])
    log_action(application, "application.withdrawn", by=by, changes={})
    return application


def application_eligibility_decide(*, application: Application, by, decision: str, reason: str):
    """A coordinator's verdict on eligibility: "eligible" or "ineligible" with the reason
    why the rules do not decide this one, or "rules" to let the rules decide again."""
    by_hand = decision != "rules"
    application.eligibility_override = decision == "eligible" if by_hand else None
    application.eligibility_reason = reason if by_hand else ""
    application.save(update_fields=["eligibility_override", "eligibility_reason", "updated_at"])
    log_action(
        application,
        "application.eligibility",
        by=by,
        changes={"decision": decision, "reason": application.eligibility_reason},
    )
    return application
