"""A dataset as CSV or JSON, produced row by row so a large collection streams: the CSV's
columns and the JSON's keys are the collection's fields, always in the same order."""

import csv
import json
from collections.abc import Iterable, Iterator

from citypeers.core.http import FORMULA_STARTS
from citypeers.library.opendata.enums import LICENCES
from citypeers.library.opendata.readers import rows
from citypeers.library.opendata.selectors import Dataset

BATCH = 500  # rows per chunk written to the response


class _Line:
    """A file-like sink for csv.writer that hands back what was written."""

    def write(self, value: str) -> str:
        return value


def _cell(value) -> str | int | float | None:
    """Lists become one cell ("a; b"); a visit's sessions, the number of them. Text a
    spreadsheet would run as a formula is kept as text with a leading apostrophe, as the
    platform's other exports do (the JSON keeps it as written)."""
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return len(value)
        value = "; ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_chunks(dataset: Dataset) -> Iterator[str]:
    fields = dataset.collection.fields
    writer = csv.writer(_Line())
    yield writer.writerow(fields)
    batch: list[str] = []
    for row in rows(dataset):
        batch.append(writer.writerow([_cell(row[f]) for f in fields]))
        if len(batch) >= BATCH:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)


def json_chunks(dataset: Dataset, *, landing_url: str) -> Iterator[str]:
    """`{"dataset": ..., "licence": ..., "fields": [...], "items": [...]}`, items streamed."""
    head = {
        "dataset": dataset.identifier,
        "title": str(dataset.collection.title),
        "licence": dataset.licence,
        "licence_url": LICENCES[dataset.licence].deed,
        "documentation": landing_url,
        "fields": list(dataset.collection.fields),
    }
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "items": ['
    yield from _joined(rows(dataset))
    yield "]}\n"


def _joined(items: Iterable[dict]) -> Iterator[str]:
    batch: list[str] = []
    first = True
    for item in items:
        text = json.dumps(item, ensure_ascii=False)
        batch.append(text if first else "," + text)
        first = False
        if len(batch) >= BATCH:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)
