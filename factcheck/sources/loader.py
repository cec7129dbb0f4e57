"""Find source files and read them into :class:`Source` objects.

What gets analysed (``Source.text``; every stored offset indexes into it):

* ``.txt`` and ``.md``: the file's text as decoded, with newlines normalised to ``"\\n"``
  (``"\\r\\n"`` and lone ``"\\r"`` both become ``"\\n"``, so offsets count one character per
  line break on every platform). For ``.md`` the front matter stays in the text;
  ``body_start`` is the offset where the body begins.
* ``.html`` / ``.htm``: the article's main text as extracted by trafilatura, after scripts,
  styles, templates, frames and embedded objects are removed, newlines normalised.

Decoding: UTF-8 (a byte-order mark is dropped), UTF-16/32 when the file starts with their
byte-order mark, for HTML the charset the page declares, and otherwise charset-normalizer's
best guess, trying the code pages of Arabic and English news first (cp1256, ISO-8859-6,
cp1252); ``Source.encoding`` records which ("utf-8-sig" for UTF-8 with a byte-order mark).
Bytes that are binary (NUL bytes, known image/archive signatures, more than 1% control
characters) or that nothing decodes are an error.

Metadata (all optional) comes from ``.md`` front matter (YAML between ``---`` lines or TOML
between ``+++`` lines) or from the HTML page (title, site name as outlet, canonical URL,
publication date from the markup, ``<html lang>``), and a sidecar ``NAME.meta.toml`` next to
the file (``NAME`` is the source id) overrides them field by field. What each field may
hold, and which unknown keys are refused, is in factcheck.sources.metadata: metadata a user
wrote (sidecar, front matter) is validated and a bad value is an error; metadata found in
HTML is taken only when valid. Dates in the article text are never used here: finding them
is the date extractor's job. ``language`` keeps the primary subtag only ("ar-EG" -> "ar").
``metadata_origin`` lists the contributors joined by "+": "front_matter", "html", "sidecar"
(e.g. "front_matter+sidecar"), or "none". Without an outlet in the metadata, a source line
of the page names it («المصدر: Tencent Technology», "Source: Reuters"). Without a title in
the metadata, the title is the first body line that is not page furniture (see
factcheck.text.boilerplate) when it reads as a headline, else "outlet — first words…" of
that line; ``title_origin`` says which: ``metadata``, ``headline`` or ``first_words``.

Which files are read at all (regular files inside the folder, no FIFOs or devices, no
links leading out, nothing over the size limit) is factcheck.sources.files: no byte is read
before ``stat`` has checked the file.

Every problem is a :class:`SourceError` with one line that names the file.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from factcheck.errors import SourceError
from factcheck.sources.files import (
    ALIASES_NAME,
    DEFAULT_MAX_BYTES,
    SIDECAR_SUFFIX,
    SOURCE_FORMATS,
    is_source_name,
    read_source_bytes,
    source_ids,
)
from factcheck.sources.metadata import METADATA_FIELDS, check_metadata, check_source_metadata, front_matter, read_sidecar
from factcheck.sources.model import Source
from factcheck.sources.signature import Signature, listed_signature, signature
from factcheck.sources.tracked import git_blob, listing_prefix

__all__ = [
    "discover_sources",
    "load_source",
    "SOURCE_FORMATS",
    "SIDECAR_SUFFIX",
    "METADATA_FIELDS",
    "DEFAULT_MAX_BYTES",
    "PREFERRED_ENCODINGS",
    "source_ids",
]


TITLE_MAX_CHARS = 120
HEADLINE_MAX_WORDS = 20  # a first line this short, not ending a sentence, with text after it, is a headline
FIRST_WORDS = 10  # words of the first line a title made of them keeps
OUTLET_MAX_WORDS = 6  # the most words of an outlet named by a source line
_SENTENCE_END = re.compile(r"[.!。۔]\s*[\"'”»)]*$")
_LABEL_END = re.compile(r"[:：]")
# Fewer letters than this in the extracted main text means trafilatura found no article.
MIN_HTML_LETTERS = 20
#: Legacy code pages of Arabic and English news, tried before charset-normalizer's full search.
PREFERRED_ENCODINGS = ("cp1256", "iso8859_6", "cp1252")
# Share of control or replacement characters above which decoded text is not text.
MAX_CONTROL_SHARE = 0.01


# ---------------------------------------------------------------------------------------
# Discovery


def _walk_error(err: OSError) -> None:
    raise SourceError(f"{err.filename}: cannot read this directory ({err.strerror or err})")


class RealPaths:
    """``os.path.realpath`` of many files, each folder resolved once: a file that is not a
    link is its folder's real path and its name, so a corpus of 50,000 files costs one
    ``lstat`` per file instead of one per path component. Takes paths or their strings."""

    def __init__(self):
        self._folders: dict[str, str] = {}

    def __call__(self, path: Path | str, link: bool | None = None) -> str:
        if link if link is not None else os.path.islink(path):
            return os.path.realpath(path)
        folder, name = os.path.split(os.fspath(path))
        if folder not in self._folders:
            self._folders[folder] = os.path.realpath(folder or os.curdir)
        return os.path.join(self._folders[folder], name)


def discover_sources(paths: Iterable[Path]) -> list[Path]:
    """The source files named by ``paths``: files as given, directories walked recursively.

    Inside directories only ``.txt``, ``.md``, ``.html`` and ``.htm`` names count (any case),
    hidden files and directories (name starting with "."), ``*.meta.toml`` sidecars and the
    folder's alias file ``aliases.toml`` (never a source: its extension is none of those) are
    skipped, and symbolic links to directories are not followed. A file named directly must
    have one of those extensions. Nothing is opened here: a name that is a FIFO, a device
    or a link out of its folder is listed, so that reading it fails with one line like any
    other bad file (``factcheck/sources/files.py``) instead of vanishing unnoticed. The
    result is sorted and free of duplicates: a file reached twice (through a link inside
    the folder) counts once, under its own name.

    Raises :class:`SourceError` when a path does not exist, a named file is not a source,
    or two files would get the same source id (the file stem), e.g. ``a/x.txt`` and
    ``b/x.md``.
    """
    return scan_sources(paths).files


def path_stem(path: str) -> str:
    """``Path(path).stem`` of a path's string, without building the path.

    >>> [path_stem(p) for p in ("a/b.c.txt", "x.md", "news/.txt", "noext")]
    ['b.c', 'x', '.txt', 'noext']
    """
    name = os.path.basename(path)
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


class Scan:
    """What discovery found: the source files, as the strings of their normalised paths
    (``paths``, sorted as :func:`discover_sources` sorts them; ``files`` are their
    ``Path`` objects), and the stat signature (``factcheck.sources.signature``) of each
    plain file a folder listing showed, taken from that listing's entries when asked (a file
    git vouches for is never stat-ed): telling 50,000 unchanged files from changed ones
    costs at most one ``lstat`` per file and per sidecar, and no ``Path``."""

    def __init__(self, paths: list[str], listed: dict[str, tuple], stems: dict[str, str], sidecars: dict[str, str] | None = None, links: bool = False):
        self.paths = paths
        #: whether a symbolic link was among the files found
        self.links = links
        #: each path's source id (its file's stem)
        self.stems = stems
        #: the sidecar's path ("" without one) of each plain file a folder listing showed with
        #: its sidecar, or showed none in any case of the name
        self.sidecars = sidecars or {}
        self._listed = listed  # the listing's entries of a file and its sidecar, stat-ed when asked
        self._files: list[Path] | None = None

    @property
    def files(self) -> list[Path]:
        if self._files is None:
            self._files = [Path(p) for p in self.paths]
        return self._files

    def signature(self, path: str) -> Signature:
        """The signature of ``path`` (one of :attr:`paths`): from the listing when the file
        and its sidecar were plain files within the limits there, else from
        :func:`signature` (which checks links and refuses what cannot be read, with its
        one line)."""
        entries = self._listed.get(path)
        found = listed_signature(*entries) if entries is not None else None
        return found if found is not None else signature(Path(path))


def scan_sources(paths: Iterable[Path]) -> Scan:
    """:func:`discover_sources` with the signatures its folder listings hold (:class:`Scan`)."""
    found: list[tuple[bool, str]] = []  # (a link, the path)
    listed: dict[str, tuple] = {}
    walked: dict[str, str] = {}  # the stem of each file a folder listing showed
    sidecars: dict[str, str] = {}
    given_paths = list(paths)
    for given in given_paths:
        given = Path(given)
        if not os.path.lexists(given):
            raise SourceError(f"{given}: no such file or directory")
        if given.is_dir():
            _walk(os.fspath(given), found, listed, walked, sidecars)
        else:
            if given.name.lower().endswith(SIDECAR_SUFFIX):
                raise SourceError(f"{given}: this is a metadata sidecar, not a source file")
            if given.name == ALIASES_NAME:
                raise SourceError(f"{given}: this is a sources folder's alias file, not a source file; give the folder")
            if not is_source_name(given.name):
                raise SourceError(
                    f"{given}: not a source file (expected .txt, .md, .html or .htm)"
                )
            found.append((os.path.islink(given), os.fspath(given)))

    # One file reached twice counts once: under a name that is not a link, else the first.
    posix = (lambda p: p) if os.sep == "/" else (lambda p: p.replace(os.sep, "/"))
    if len(given_paths) == 1 and not any(link for link, _ in found):
        # one path given and no link met: each name listed is a file of its own
        result = sorted((path for _, path in found), key=posix) if os.sep != "/" else sorted(path for _, path in found)
    else:
        chosen: dict[str, str] = {}
        resolve = RealPaths()
        for link, path in sorted(found, key=lambda t: (t[0], posix(t[1]))):
            chosen.setdefault(resolve(path, link), path)
        result = sorted(chosen.values(), key=posix)
    by_id: dict[str, str] = {}
    stems = {path: walked[path] if path in walked else path_stem(path) for path in result}
    for path in result:
        other = by_id.setdefault(stems[path], path)
        if other is not path:
            raise SourceError(
                f"{other} and {path} would both have the source id {stems[path]!r}; rename one"
            )
    return Scan(result, listed, stems, sidecars, links=any(link for link, _ in found))


def _walk(folder: str, found: list[tuple[bool, str]], listed: dict[str, tuple], stems: dict[str, str], sidecar_paths: dict[str, str]) -> None:
    """Add the source files under ``folder`` to ``found`` (hidden names and links to folders
    skipped, as ``os.walk`` without following links) and their stems to ``stems``, to
    ``listed`` the listing's entries of each file that is no link and of its sidecar (for
    its signature, taken when asked), and to ``sidecar_paths`` the path of that sidecar ("" when
    the folder holds none in any case of its name)."""
    try:
        with os.scandir(folder) as listing:
            by_name = {e.name: e for e in listing}
    except OSError as err:
        _walk_error(err)
    # paths as pathlib writes them: "x.txt" in the current folder, not "./x.txt"
    prefix = listing_prefix(folder)
    sidecars = {name: e for name, e in by_name.items() if name.lower().endswith(SIDECAR_SUFFIX)}
    folded = {name.lower() for name in sidecars}
    for name in sorted(by_name):
        if name.startswith("."):
            continue
        entry = by_name[name]
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if not entry.is_symlink():
                _walk(prefix + name, found, listed, stems, sidecar_paths)
            continue
        dot = name.rfind(".")  # is_source_name, inline: tens of thousands of names
        if dot <= 0 or name[dot:].lower() not in SOURCE_FORMATS:
            continue
        link = entry.is_symlink()
        path = prefix + name
        found.append((link, path))
        stems[path] = name[:dot]  # path_stem: a source's name has an extension
        side_name = name[:dot] + SIDECAR_SUFFIX
        side = sidecars.get(side_name)
        if not link and (side is not None or side_name.lower() not in folded):
            # (a sidecar named in another case is left to signature(): a folder that
            # ignores case finds it, one that does not, not)
            listed[path] = (entry, side)
            sidecar_paths[path] = prefix + side_name if side is not None else ""


# ---------------------------------------------------------------------------------------
# Decoding

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/EPUB document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
)
# Byte-order marks; UTF-32 first because its little-endian mark starts like UTF-16's.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls other than tab, newline, vertical tab, form feed and carriage return; DEL;
# C1 controls; the replacement character left by earlier bad decoding.
_NOT_TEXT = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _check_plausible(text: str, path: Path) -> None:
    if "\x00" in text:
        raise SourceError(f"{path}: contains NUL characters; this looks like a binary file, not text")
    bad = len(_NOT_TEXT.findall(text))
    if bad and bad > MAX_CONTROL_SHARE * len(text):
        raise SourceError(
            f"{path}: {bad} of {len(text)} characters are control or replacement characters; "
            "this looks like a binary or damaged file, not text"
        )


def _decode(raw: bytes, path: Path, fmt: str) -> tuple[str, str]:
    """The text of ``raw`` and the name of the encoding that produced it."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError as err:
                raise SourceError(
                    f"{path}: starts with a {encoding} byte-order mark but is not valid "
                    f"{encoding} (byte {err.start})"
                ) from None
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            raise SourceError(f"{path}: this is {kind}, not a text file")
    if b"\x00" in raw:
        raise SourceError(f"{path}: contains NUL bytes; this looks like a binary file, not text")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if fmt == "html":
        declared = _DECLARED_CHARSET.search(raw[:4096])
        if declared:
            try:
                encoding = codecs.lookup(declared.group(1).decode("ascii")).name
                return raw.decode(encoding), encoding
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration is common; fall back to detection
    from charset_normalizer import from_bytes

    # Short texts fit many code pages equally well ("مرحبا" in cp1256 also reads as cp932),
    # so the code pages Arabic and English news actually use are tried first.
    best = from_bytes(raw, cp_isolation=list(PREFERRED_ENCODINGS)).best() or from_bytes(raw).best()
    if best is None:
        raise SourceError(f"{path}: cannot be decoded: it is not UTF-8 and no other text encoding fits")
    return str(best), best.encoding


def decode_text(raw: bytes, where: str) -> str:
    """Bytes from elsewhere than a file (standard input) decoded as a source file's are:
    one :class:`SourceError` line for a binary or undecodable input."""
    text = _decode(raw, Path(where), "txt")[0]
    _check_plausible(text, Path(where))
    return _normalize_newlines(text)


def _normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# ---------------------------------------------------------------------------------------
# HTML

# Elements whose content is code, or is never shown as text of the page.
_NOT_CONTENT = (
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object",
    "embed", "applet", "svg", "math", "canvas", "audio", "video",
)  # fmt: skip
_NOT_CONTENT_XPATH = "|".join(f"//{tag}" for tag in _NOT_CONTENT) + "|//comment()|//processing-instruction()"


def _html_tree(markup: str, path: Path):  # -> lxml.html.HtmlElement
    from trafilatura.utils import load_html

    try:
        tree = load_html(markup)
    except Exception as err:  # lxml raises several kinds on hostile input
        raise SourceError(f"{path}: the HTML cannot be parsed ({type(err).__name__})") from None
    if tree is None:
        raise SourceError(f"{path}: the HTML cannot be parsed")
    return tree


def _html_text(markup: str, path: Path) -> str:
    import trafilatura

    tree = _html_tree(markup, path)
    # trafilatura drops these too; removing them first guarantees that no script, style or
    # inert template content can reach the analysed text, whatever its heuristics decide.
    for element in tree.xpath(_NOT_CONTENT_XPATH):
        if element.getparent() is not None:
            element.drop_tree()
    try:
        text = trafilatura.extract(
            tree,
            output_format="txt",
            include_comments=False,
            include_tables=True,
            favor_precision=True,
        )
    except Exception as err:  # includes RecursionError on absurdly deep markup
        raise SourceError(
            f"{path}: the HTML could not be processed ({type(err).__name__})"
        ) from None
    text = _normalize_newlines(text or "")
    if sum(ch.isalpha() for ch in text) < MIN_HTML_LETTERS:
        raise SourceError(f"{path}: no article text could be extracted from the HTML")
    return text


def _html_metadata(markup: str, path: Path) -> dict[str, str]:
    import trafilatura

    tree = _html_tree(markup, path)
    lang = tree.get("lang") or tree.get("xml:lang")
    try:
        # extensive_search=False: dates from the page's markup (meta tags, <time>, URL),
        # never guessed from the article text.
        meta = trafilatura.extract_metadata(
            tree, date_config={"original_date": True, "extensive_search": False}
        )
    except Exception:
        meta = None  # metadata is optional; the text decides whether the file is usable
    raw: dict[str, Any] = {"language": lang}
    if meta is not None:
        raw.update(title=meta.title, outlet=meta.sitename, url=meta.url, published=meta.date)
    return check_metadata(raw, str(path), strict=False)


# ---------------------------------------------------------------------------------------
# Loading

_MD_HEADING = re.compile(r"#{1,6}\s+")


def _body_lines(text: str, body_start: int, fmt: str) -> Iterator[tuple[str, bool]]:
    """The body's non-empty lines, each (line, whether it is a Markdown heading), Markdown
    heading marks taken off; read as they are asked for."""
    for line in text[body_start:].split("\n"):
        line = line.strip()
        heading = fmt == "md" and bool(_MD_HEADING.match(line))
        if heading:
            line = _MD_HEADING.sub("", line, count=1)
        if line:
            yield line, heading


def _text_outlet(text: str, body_start: int, fmt: str) -> str | None:
    """The outlet a source line of the page names («المصدر: Tencent Technology», "Source:
    Reuters"; what a source line is, boilerplate.toml says): what follows its label, from
    the first such line whose name is short (at most :data:`OUTLET_MAX_WORDS` words)."""
    from factcheck.text.boilerplate import furniture_reason

    for line, _ in _body_lines(text, body_start, fmt):
        # a source line names its source after a label and a colon: only those are classified
        if not _LABEL_END.search(line) or furniture_reason(line) != "source_line":
            continue
        name = _LABEL_END.split(line, maxsplit=1)[-1].strip(" \t()[]«»\"'.,،;:")
        if name and len(name.split()) <= OUTLET_MAX_WORDS and len(name) <= TITLE_MAX_CHARS // 2:
            return name
    return None


def _fallback_title(text: str, body_start: int, fmt: str, outlet: str | None) -> tuple[str, str] | None:
    """(title, origin) without a metadata title: the first body line that is not page
    furniture when it reads as a headline (origin ``headline``: a Markdown heading, or a
    line of at most :data:`HEADLINE_MAX_WORDS` words that does not end a sentence and has
    text after it), else "outlet — first words…" of that line (``first_words``); with only
    furniture, the first line's first words. Reads the body only up to its second line of
    text."""
    from factcheck.text.boilerplate import furniture_reason

    first_line, content = None, []
    for line, heading in _body_lines(text, body_start, fmt):
        first_line = first_line or line
        if furniture_reason(line) is None:
            content.append((line, heading))
            if len(content) == 2:
                break
    if content:
        line, heading = content[0]
        followed = len(content) > 1
        if heading or (followed and len(line) <= TITLE_MAX_CHARS and len(line.split()) <= HEADLINE_MAX_WORDS and not _SENTENCE_END.search(line)):
            return line, "headline"
    elif first_line is not None:
        line = first_line
    else:
        return None
    words = line.split()
    first = " ".join(words[:FIRST_WORDS]) + ("…" if len(words) > FIRST_WORDS else "")
    return _shorten(f"{outlet} — {first}" if outlet else first), "first_words"


def _shorten(line: str) -> str:
    """A first line that is a whole paragraph makes a poor title: cut it at a word boundary."""
    if len(line) <= TITLE_MAX_CHARS:
        return line
    cut = line[:TITLE_MAX_CHARS].rsplit(" ", 1)[0]
    return (cut if len(cut) >= TITLE_MAX_CHARS // 2 else line[:TITLE_MAX_CHARS]).rstrip(" ،,;:") + "…"


def load_source(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read one source file (see the module docstring for what is analysed).

    ``id`` is the file stem ("002_ade957fd3a304f06.txt" -> "002_ade957fd3a304f06"), ``sha256``
    hashes the raw bytes. Without a title in the metadata, the title is the first non-empty
    line of the body that is not page furniture (cut at a word boundary after 120 characters). ``published`` is
    only set from metadata and ``language`` is None unless metadata gives it: the caller
    extracts dates and detects the language.

    Raises :class:`SourceError` (one line naming the file) when the file is missing,
    unreadable, larger than ``max_bytes``, empty or whitespace only, binary, not decodable,
    HTML without main text, or has bad front matter or a bad sidecar.
    """
    path = Path(path)
    if path.name.lower().endswith(SIDECAR_SUFFIX):
        raise SourceError(f"{path}: this is a metadata sidecar, not a source file")
    fmt = SOURCE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise SourceError(f"{path}: not a source file (expected .txt, .md, .html or .htm)")

    raw = read_source_bytes(path, max_bytes)
    if not raw:
        raise SourceError(f"{path}: the file is empty")
    decoded, encoding = _decode(raw, path, fmt)
    _check_plausible(decoded, path)
    decoded = _normalize_newlines(decoded)
    if not decoded.strip():
        raise SourceError(f"{path}: the file contains only whitespace")

    metadata: dict[str, str] = {}
    origins: list[str] = []
    body_start = 0
    if fmt == "html":
        text = _html_text(decoded, path)
        metadata = _html_metadata(decoded, path)
        if metadata:
            origins.append("html")
    else:
        text = decoded
        if fmt == "md":
            front = front_matter(text, path)
            if front is not None:
                metadata, body_start = front
                if metadata:
                    origins.append("front_matter")
                if not text[body_start:].strip():
                    raise SourceError(f"{path}: has front matter but no article text")

    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if os.path.lexists(sidecar):  # a sidecar that is a FIFO or a link out is an error, not absent
        overrides = read_sidecar(sidecar)
        if overrides:
            metadata.update(overrides)
            origins.append("sidecar")

    check_source_metadata(metadata, path.stem, str(path))
    if "outlet" not in metadata:
        outlet = _text_outlet(text, body_start, fmt)
        if outlet:
            metadata["outlet"] = outlet
    title_origin = "metadata" if "title" in metadata else ""
    if "title" not in metadata:
        found = _fallback_title(text, body_start, fmt, metadata.get("outlet"))
        if found:
            metadata["title"], title_origin = found

    return Source(
        id=path.stem,
        path=str(path),
        format=fmt,
        text=text,
        sha256=hashlib.sha256(raw).hexdigest(),
        file_blob=git_blob(raw),
        body_start=body_start,
        encoding=encoding,
        metadata_origin="+".join(origins) or "none",
        title_origin=title_origin,
        **metadata,
    )
