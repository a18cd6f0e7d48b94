"""The record: one article as found in the input, before cleaning (what every format parser yields)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Record:
    """One article as found in the input, before cleaning."""

    name: str  # where it came from: "path", "path:3" (line), "path#2" (document)
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    input_format: str = "text"
    # where the title came from, e.g. "text:first line" or "html:metadata"
    title_provenance: str = "metadata:title"
    # where url/outlet/published came from when not given as record fields ("html:metadata")
    provenance: dict[str, str] = field(default_factory=dict)
    # how sure a derived field is (0..1), when below 1: {"published": 0.9} for a date read off a document id
    confidence: dict[str, float] = field(default_factory=dict)
    # the story this record belongs to when its file holds several (a Multi-News line, a
    # ``documents`` cluster, a WCEP event): "val.src:2"; None for a lone article
    story: str | None = None
    # problems with this record that did not make it unusable ("published 'None' is not a date"):
    # reported as warnings naming the record when it becomes an article
    warnings: list[str] = field(default_factory=list)
