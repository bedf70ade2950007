"""What the methodology's formsets share: the rows a person kept."""


def kept(formset) -> list[dict]:
    """The rows filled in and not marked for deletion, in order."""
    return [
        form.cleaned_data
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]
