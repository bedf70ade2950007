"""Which texts django-modeltranslation keeps a column per language for (autodiscovered)."""

from modeltranslation.translator import TranslationOptions, register

from citypeers.methodology.models import ActivityFormat, FormatStep, StepTemplate, VisitTemplate
from citypeers.methodology.models.formats import FORMAT_TEXTS


@register(ActivityFormat)
class ActivityFormatTranslation(TranslationOptions):
    fields = FORMAT_TEXTS


@register(FormatStep)
class FormatStepTranslation(TranslationOptions):
    fields = ("text",)


@register(VisitTemplate)
class VisitTemplateTranslation(TranslationOptions):
    fields = ("name", "summary")


@register(StepTemplate)
class StepTemplateTranslation(TranslationOptions):
    fields = ("title", "deliverable", "checklist")
