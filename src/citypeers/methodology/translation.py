from modeltranslation.translator import TranslationOptions, register

from citypeers.methodology.models import ActivityFormat, FormatStep, StepTemplate, VisitTemplate


@register(ActivityFormat)
class ActivityFormatTranslation(TranslationOptions):
    fields = (
        "name",
        "summary",
        "purpose",
        "when",
        "onsite",
        "online",
        "hybrid",
        "materials",
        "accessibility",
        "pitfalls",
    )


@register(FormatStep)
class FormatStepTranslation(TranslationOptions):
    fields = ("text",)


@register(VisitTemplate)
class VisitTemplateTranslation(TranslationOptions):
    fields = ("name", "summary")


@register(StepTemplate)
class StepTemplateTranslation(TranslationOptions):
    fields = ("title", "deliverable", "checklist")
