"""The participant pack as a PDF (WeasyPrint, as the methodology's guide).

Rendered at each request, not cached: what it holds changes with the agenda, the rooms, the
roster and each person's consent, so a key that stays true would have to stamp all of those,
and the join links are the reader's own; a pack of a few pages renders in well under a second."""

from django.template.loader import render_to_string
from django.utils import timezone

from citypeers.visits.selectors.pack import Pack


def pack_html(pack: Pack, *, base_url: str) -> str:
    return render_to_string(
        "visits/pack_pdf.html",
        {
            "pack": pack,
            "visit": pack.visit,
            "base_url": base_url,
            "made_on": timezone.localdate(),
        },
    )


def pack_pdf(pack: Pack, *, base_url: str) -> bytes:
    """`base_url` makes the PDF's links absolute."""
    from weasyprint import HTML  # heavy import, only when a PDF is really made

    return HTML(string=pack_html(pack, base_url=base_url), base_url=base_url).write_pdf()
