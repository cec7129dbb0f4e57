"""What a source is (see docs/contracts.md)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Source:
    """One article under the sources folder.

    ``text`` is exactly the text that was analysed; every offset stored for this source
    indexes into it. ``sha256`` hashes the file's bytes and ``metadata_sha256`` those of
    its sidecar ``NAME.meta.toml`` ("" without one): while both match, the file is skipped.
    ``file_blob`` and ``sidecar_blob`` are git's blob ids of the same bytes ("" for no
    sidecar), which tell a file git tracks unchanged (:mod:`factcheck.sources.tracked`).
    """

    id: str
    path: str
    format: str  # "txt", "md" or "html"
    text: str
    sha256: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date, only from metadata or an explicit date in the text
    updated: str | None = None
    language: str | None = None
    translation_of: str | None = None
    locale: str | None = None  # "en_US": orders the day and month of numeric dates (metadata)
    body_start: int = 0  # offset where the article body starts (after .md front matter)
    encoding: str = "utf-8"
    metadata_origin: str = "none"  # "sidecar", "front_matter", "html", or "none"
    title_origin: str = ""  # "metadata", "headline" (the text's), "first_words" (made of them), or "" (no text)
    date_candidates: list[str] = field(default_factory=list)
    metadata_sha256: str = ""
    file_blob: str = ""
    sidecar_blob: str = ""
