"""Survey templates: the house's loaded from content/, a programme's own copy, new versions.

A version is never changed once made (surveys were sent with it): every save makes the next
version, with its change note."""

from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from citypeers.core.audit import log_action
from citypeers.core.content_files import content_languages, read_content
from citypeers.core.errors import FeedbackError
from citypeers.core.translated import set_text, translations_of
from citypeers.feedback.enums import QuestionKind
from citypeers.feedback.models import Question, SurveyTemplate, SurveyTemplateVersion
from citypeers.programmes.models import Programme

CONTENT_DIR = Path(__file__).resolve().parents[1] / "content" / "surveys"
LANGUAGES = content_languages(CONTENT_DIR.parent)
TRANSLATED = ("text", "help_text", "choices")


def house_template_load(*, data: dict) -> SurveyTemplate | None:
    """Adds the house template of the file's moment with its first version, unless one exists."""
    moment, audience = data["moment"], data["audience"]
    if SurveyTemplate.objects.filter(
        programme__isnull=True, moment=moment, audience=audience
    ).exists():
        return None
    template = SurveyTemplate(moment=moment, audience=audience)
    version = SurveyTemplateVersion(number=1)
    languages = {language: data[language] for language in LANGUAGES if data.get(language)}
    template.title = {code: texts["title"].strip() for code, texts in languages.items()}
    version.introduction = {
        code: texts.get("introduction", "").strip() for code, texts in languages.items()
    }
    template.save()
    version.template = template
    version.save()
    for position, item in enumerate(data["questions"]):
        question = Question(
            version=version,
            position=position,
            key=item["key"],
            kind=item["kind"],
            level=item["level"],
            required=item.get("required", False),
        )
        languages = {language: item[language] for language in LANGUAGES if item.get(language)}
        question.text = {code: texts["text"].strip() for code, texts in languages.items()}
        question.help_text = {
            code: texts.get("help", "").strip() for code, texts in languages.items()
        }
        question.choices = {
            code: list(texts.get("choices", [])) for code, texts in languages.items()
        }
        question.save()
    return template


def house_templates_load(*, content_dir: Path = CONTENT_DIR) -> int:
    """Adds the shipped templates that are missing (never overwrites); returns how many."""
    added = 0
    with transaction.atomic():
        for path in sorted(content_dir.glob("*.toml")):
            if house_template_load(data=read_content(path, content_dir.parent)):
                added += 1
    return added


def _copy_translated(source, target, fields) -> None:
    for name in fields:
        setattr(target, name, translations_of(source, name))


def template_customise(*, programme: Programme, template: SurveyTemplate, by) -> SurveyTemplate:
    """The programme's own copy of a house template, as its version 1, to edit from there."""
    if template.programme_id is not None:
        raise FeedbackError(_("This template is the programme's own already."))
    with transaction.atomic():
        Programme.objects.select_for_update().get(pk=programme.pk)
        if SurveyTemplate.objects.filter(
            programme=programme, moment=template.moment, audience=template.audience
        ).exists():
            raise FeedbackError(_("The programme has its own template for this moment already."))
        source = template.versions.order_by("-number").first()
        copy = SurveyTemplate(
            programme=programme, moment=template.moment, audience=template.audience
        )
        _copy_translated(template, copy, ("title",))
        copy.save()
        version = SurveyTemplateVersion(
            template=copy,
            number=1,
            change_note=_("Copied from the house template, version %(number)s.")
            % {"number": source.number},
            created_by=by,
        )
        _copy_translated(source, version, ("introduction",))
        version.save()
        for question in source.questions.order_by("position"):
            twin = Question(
                version=version,
                position=question.position,
                key=question.key,
                kind=question.kind,
                level=question.level,
                required=question.required,
            )
            _copy_translated(question, twin, TRANSLATED)
            twin.save()
        log_action(copy, "survey_template.customised", by=by, changes={"from": template.pk})
    return copy


@dataclass
class QuestionDraft:
    """A question as the editor sends it: texts in the editor's language; `source` is the
    question of the previous version it continues (its other languages are kept), or None."""

    text: str
    kind: str
    level: int
    help_text: str = ""
    required: bool = False
    choices: list[str] = field(default_factory=list)
    source: int | None = None


def _new_key(text: str, taken: set[str]) -> str:
    base = slugify(text)[:30] or "question"
    key, number = base, 1
    while key in taken:
        number += 1
        key = f"{base}-{number}"
    return key


def _question_from_draft(draft: QuestionDraft, previous: dict, taken: set[str]) -> Question:
    language = get_language() or settings.LANGUAGE_CODE
    source = previous.get(draft.source)
    question = Question(kind=draft.kind, level=draft.level, required=draft.required)
    if source is not None:
        question.key = source.key
        _copy_translated(source, question, TRANSLATED)
    else:
        question.key = _new_key(draft.text, taken)
        taken.add(question.key)
    choices = draft.choices if draft.kind == QuestionKind.CHOICE else []
    set_text(question, "text", language, draft.text)
    set_text(question, "help_text", language, draft.help_text)
    # Another language's choices that no longer match one for one fall back to these.
    question.choices = {
        other: labels
        for other, labels in translations_of(question, "choices").items()
        if len(labels) == len(choices)
    } | {language: choices}
    return question


def template_version_save(
    *,
    template: SurveyTemplate,
    introduction: str,
    questions: list[QuestionDraft],
    change_note: str,
    by,
) -> SurveyTemplateVersion:
    """Saves the edited questions as the template's next version; earlier ones stay as they were."""
    if template.programme_id is None:
        raise FeedbackError(_("The house template is not edited here: customise it first."))
    if not questions:
        raise FeedbackError(_("A survey asks at least one question."), field="questions")
    for draft in questions:
        if draft.kind == QuestionKind.CHOICE and len(draft.choices) < 2:
            raise FeedbackError(_("A question with choices offers at least two."), field="choices")
    language = get_language() or settings.LANGUAGE_CODE
    with transaction.atomic():
        SurveyTemplate.objects.select_for_update().get(pk=template.pk)
        previous = template.versions.order_by("-number").first()
        old_questions = {q.pk: q for q in previous.questions.all()} if previous else {}
        version = SurveyTemplateVersion(
            template=template,
            number=(previous.number if previous else 0) + 1,
            change_note=change_note,
            created_by=by,
        )
        if previous:
            _copy_translated(previous, version, ("introduction",))
        set_text(version, "introduction", language, introduction)
        version.save()
        # A continued question keeps its key; a new one gets a key none of them has.
        taken = {old_questions[d.source].key for d in questions if d.source in old_questions}
        for position, draft in enumerate(questions):
            question = _question_from_draft(draft, old_questions, taken)
            question.version, question.position = version, position
            question.save()
        log_action(
            version,
            "survey_template.version_saved",
            by=by,
            changes={"number": version.number, "questions": len(questions), "note": change_note},
        )
    return version
