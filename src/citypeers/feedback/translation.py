"""Which survey texts django-modeltranslation keeps a column per language for (autodiscovered).

A question's choices are translated too; an answer keeps the chosen label in the default
language (see services/answering.py), so answers given in every language count together."""

from modeltranslation.translator import TranslationOptions, register

from citypeers.feedback.models import Question, SurveyTemplate, SurveyTemplateVersion


@register(SurveyTemplate)
class SurveyTemplateTranslation(TranslationOptions):
    fields = ("title",)


@register(SurveyTemplateVersion)
class SurveyTemplateVersionTranslation(TranslationOptions):
    fields = ("introduction",)


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("text", "help_text", "choices")
