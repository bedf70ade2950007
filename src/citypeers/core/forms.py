import re

from django.forms.renderers import TemplatesSetting

# Values an <input> of these types may hold (HTML's rules). A value that cannot be one, typed
# into an address rather than the field, is not echoed back: the error at the field says why.
VALID_INPUT_VALUES = {
    "number": re.compile(r"-?\d+(\.\d+)?"),
    "date": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "time": re.compile(r"\d{2}:\d{2}(:\d{2}(\.\d+)?)?"),
}


class FormRenderer(TemplatesSetting):
    """Renders every form with the house templates: labels, hints and linked errors."""

    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"

    def render(self, template_name, context, request=None):
        widget = context.get("widget")
        if isinstance(widget, dict) and (rule := VALID_INPUT_VALUES.get(widget.get("type"))):
            value = widget.get("value")
            if value not in (None, "") and not rule.fullmatch(str(value)):
                context = {**context, "widget": {**widget, "value": None}}
        return super().render(template_name, context, request)
