from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Renders every form with the house templates: labels, hints and linked errors."""

    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"
