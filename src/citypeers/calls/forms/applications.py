"""The application form, built from the call's questions, and eligibility decided by hand."""

import math

from django import forms
from django.urls import reverse
from django.utils.html import escape, format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from citypeers.calls.enums import PROPOSAL_FIELDS, STANDARD_FIELDS
from citypeers.calls.models import Application, Call, Question
from citypeers.calls.services.applications import file_check
from citypeers.core.dates import format_number
from citypeers.core.errors import CallError
from citypeers.core.files import allowed_extensions, upload_limit
from citypeers.core.forms import Form
from citypeers.people.models import spoken_language_choices

REQUIRED_TO_SUBMIT = {"role", "learning_needs", "expertise", "challenge", "motivation", "languages"}


TEXT_WORD_LIMIT = 300


# What a person says about themselves, offered again in their next application.
REUSED_FIELDS = ["role", "expertise", "languages", "access_needs"]


def _words(text: str) -> int:
    return len(text.split())


def char_limit(words: int) -> int:
    """The characters allowed beside a word limit, about eight a word rounded up to fifty
    (2,500 for 300 words): a single 20,000-character "word" must not pass a word limit."""
    return math.ceil(words * 25 / 3 / 50) * 50


def limit_hint(words: int) -> str:
    return _("At most %(words)s words (%(chars)s characters).") % {
        "words": format_number(words),
        "chars": format_number(char_limit(words)),
    }


def limit_error(text: str, words: int) -> str | None:
    """What is wrong with `text` under a limit of `words` (and its characters), if anything."""
    if (count := _words(text)) > words:
        return _("%(count)s words; at most %(limit)s, please.") % {
            "count": format_number(count),
            "limit": format_number(words),
        }
    if (count := len(text)) > char_limit(words):
        return _("%(count)s characters; at most %(limit)s, please.") % {
            "count": format_number(count),
            "limit": format_number(char_limit(words)),
        }
    return None


class ApplicationForm(Form):
    role = forms.CharField(label=gettext_lazy("Your role in your organisation"), max_length=200)
    learning_needs = forms.CharField(
        label=gettext_lazy("What you want to learn"), widget=forms.Textarea(attrs={"rows": 4})
    )
    expertise = forms.CharField(
        label=gettext_lazy("What you can share with others"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    challenge = forms.CharField(
        label=gettext_lazy("A challenge from your own city"),
        help_text=gettext_lazy("A real question you would like peers to help you with."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    motivation = forms.CharField(
        label=gettext_lazy("Why you want to take part"), widget=forms.Textarea(attrs={"rows": 4})
    )
    languages = forms.MultipleChoiceField(
        label=gettext_lazy("Languages you can take part in"),
        widget=forms.CheckboxSelectMultiple,
    )
    access_needs = forms.CharField(
        label=gettext_lazy("Access needs"),
        required=False,
        help_text=gettext_lazy(
            "Anything that helps you take part fully: captions, step-free "
            "access, a quiet room, dietary needs…"
        ),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, call: Call, submitting: bool, application=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.call, self.submitting, self.application = call, submitting, application
        self.fields["languages"].choices = spoken_language_choices()
        for name in STANDARD_FIELDS:
            self.fields[name].required = submitting and name in REQUIRED_TO_SUBMIT
            if isinstance(self.fields[name].widget, forms.Textarea):
                own = self.fields[name].help_text
                hint = limit_hint(TEXT_WORD_LIMIT)
                self.fields[name].help_text = f"{own} {hint}" if own else hint
        # Read once: the choices, the checks and what is saved all use them (a post made
        # four queries of the questions and two of the visits before).
        self.visits = list(call.visits.select_related("host_place").order_by("starts_on"))
        self.questions = list(call.questions.all())
        visits = [("", _("— no visit —"))] + [
            (
                str(visit.pk),
                f"{visit.title} ({visit.host_place.name}, {visit.starts_on:%d %b %Y})"
                if visit.starts_on
                else visit.title,
            )
            for visit in self.visits
        ]
        for rank in range(1, call.max_preferences + 1):
            self.fields[f"preference_{rank}"] = forms.ChoiceField(
                label=_("Visit, choice %(rank)s") % {"rank": rank},
                choices=visits,
                required=submitting and rank == 1,
            )
        for question in self.questions:
            self.fields[f"q_{question.pk}"] = self._question_field(question)
        # The consent's wording as this person reads it: what their application keeps.
        self.consent_shown = call.consent_text
        self.fields["consent"] = forms.BooleanField(label=self.consent_shown, required=submitting)

    def _question_field(self, question: Question) -> forms.Field:
        required = self.submitting and question.required
        # Django shows help texts unescaped; a coordinator's text must stay text.
        help_text = escape(question.help_text)
        common = {"label": question.label, "help_text": help_text, "required": required}
        # Each choice's value is what the answer keeps, the same in every language.
        kind, choices = question.kind, question.choice_options
        if kind == Question.Kind.LONG_TEXT:
            if question.word_limit:
                hint = escape(limit_hint(question.word_limit))
                common["help_text"] = format_html_join(
                    " ", "{}", ((part,) for part in (help_text, hint) if part)
                )
            return forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), **common)
        if kind == Question.Kind.SINGLE_CHOICE:
            return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
        if kind == Question.Kind.MULTIPLE_CHOICE:
            widget = forms.CheckboxSelectMultiple
            return forms.MultipleChoiceField(choices=choices, widget=widget, **common)
        if kind == Question.Kind.NUMBER:
            return forms.DecimalField(max_digits=12, decimal_places=2, **common)
        if kind == Question.Kind.YES_NO:
            return forms.TypedChoiceField(
                choices=[("yes", _("Yes")), ("no", _("No"))], widget=forms.RadioSelect, **common
            )
        if kind == Question.Kind.FILE:
            return self._file_field(question, common)
        return forms.CharField(max_length=500, **common)

    def _file_field(self, question: Question, common: dict) -> forms.FileField:
        """Says which types and size are accepted; a file already sent is linked, and kept
        unless replaced."""
        extensions = allowed_extensions(question.file_types)
        megabytes = min(question.max_file_mb, upload_limit() // (1024 * 1024))
        hints = [
            common["help_text"],  # escaped
            format_html(
                "{}",
                _("Accepted: %(types)s; at most %(mb)s MB.")
                % {"types": ", ".join(extensions), "mb": megabytes},
            ),
        ]
        if sent := self._sent_files().get(question.pk):
            common["required"] = False
            address = reverse("calls:file", args=[self.call.slug, sent.application_id, sent.pk])
            link = format_html('<a href="{}">{}</a>', address, sent.name)
            sentence = _("Sent: %(file)s. Choose a file only to replace it.")
            sentence = escape(sentence).replace("{", "{{").replace("}", "}}")
            hints.append(format_html(sentence.replace("%(file)s", "{}"), link))
        common["help_text"] = format_html_join(" ", "{}", ((hint,) for hint in hints if hint))
        accept = ",".join(f".{extension}" for extension in extensions)
        return forms.FileField(widget=forms.FileInput(attrs={"accept": accept}), **common)

    def _sent_files(self) -> dict:
        if self.application is None:
            return {}
        if not hasattr(self, "_sent"):
            self._sent = {f.question_id: f for f in self.application.files.all()}
        return self._sent

    def clean(self):
        cleaned = super().clean()
        for name in STANDARD_FIELDS:
            value = cleaned.get(name)
            if isinstance(value, str) and (error := limit_error(value, TEXT_WORD_LIMIT)):
                self.add_error(name, error)
        self._clean_preferences(cleaned)
        for question in self.questions:
            self._clean_answer(question, cleaned.get(f"q_{question.pk}"))
        return cleaned

    def _clean_preferences(self, cleaned: dict) -> None:
        seen, gap = set(), False
        for rank in range(1, self.call.max_preferences + 1):
            name = f"preference_{rank}"
            value = cleaned.get(name)
            if not value:
                gap = True
                continue
            if value in seen:
                self.add_error(name, _("You chose this visit already; choose each visit once."))
            elif gap and self.submitting:
                self.add_error(name, _("Fill in your choices in order, starting with choice 1."))
            seen.add(value)

    def _clean_answer(self, question: Question, value) -> None:
        name = f"q_{question.pk}"
        limit = question.word_limit
        long_text = question.kind == Question.Kind.LONG_TEXT
        if long_text and limit and value and (error := limit_error(value, limit)):
            self.add_error(name, error)
        if question.kind == Question.Kind.FILE and value:
            try:
                file_check(question, value)
            except CallError as error:
                self.add_error(name, error.message)

    def fields_for_model(self) -> dict:
        return {
            name: self.cleaned_data.get(name) or ([] if name == "languages" else "")
            for name in STANDARD_FIELDS
        }

    def chosen_visits(self) -> list:
        by_pk = {str(visit.pk): visit for visit in self.visits}
        ranked = [
            self.cleaned_data.get(f"preference_{rank}")
            for rank in range(1, self.call.max_preferences + 1)
        ]
        return [by_pk[pk] for pk in ranked if pk in by_pk]

    def answers(self) -> dict:
        """Answers by question id, as JSON can hold them (files are stored apart)."""
        answers = {}
        for question in self.questions:
            if question.kind == Question.Kind.FILE:
                continue
            value = self.cleaned_data.get(f"q_{question.pk}")
            if value not in (None, "", []):
                answers[str(question.pk)] = str(value) if question.kind == "number" else value
        return answers

    def uploads(self) -> dict:
        return {
            question: self.cleaned_data[f"q_{question.pk}"]
            for question in self.questions
            if question.kind == Question.Kind.FILE and self.cleaned_data.get(f"q_{question.pk}")
        }


def initial_for(application: Application | None, user) -> dict:
    """What the form starts with: the saved application; else what the profile says, and what
    the person wrote about themselves in their latest application to another call."""
    if application is None:
        latest = (
            Application.objects.filter(applicant=user, status=Application.Status.SUBMITTED)
            .order_by("-submitted_at")
            .first()
        )
        about_them = {name: getattr(latest, name) for name in REUSED_FIELDS} if latest else {}
        return about_them | {"languages": user.languages or about_them.get("languages", [])}
    initial = {name: getattr(application, name) for name in STANDARD_FIELDS + PROPOSAL_FIELDS}
    for preference in application.preferences.all():
        initial[f"preference_{preference.rank}"] = str(preference.visit_id)
    initial |= {f"q_{key}": value for key, value in application.answers.items()}
    initial["consent"] = application.consented_at is not None
    return initial


class EligibilityForm(Form):
    decision = forms.ChoiceField(
        label=gettext_lazy("Eligibility"),
        choices=[
            ("rules", gettext_lazy("As the rules say")),
            ("eligible", gettext_lazy("Eligible")),
            ("ineligible", gettext_lazy("Not eligible")),
        ],
    )
    reason = forms.CharField(label=gettext_lazy("Why"), max_length=300, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") != "rules" and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Say why the rules do not decide this one."))
        return cleaned
