"""Split Arabic and English text into sentences, as offsets into the original text.

Generic splitters cut Arabic at the Arabic comma "،", which joins clauses, not sentences. The
rules here, in order:

1. A line break always ends a unit, and every non-empty line is at least one unit: news
   text keeps headings, captions and list items on lines of their own, without a full stop.
2. Inside a line, a unit ends after a run of ``. ! ? ؟ …`` (with any closing quotes or
   brackets right after it) that is followed by whitespace, except:

   * when the next character continues the sentence: ``، , ; ؛ :`` or a closing bracket;
   * when the next word starts with a lowercase Latin letter ("Wait... what?", '"Why?" he
     asked'): English sentences start with a capital;
   * after an abbreviation: titles and company suffixes (Dr., Mr., Inc., Ltd.), month
     abbreviations (Jan. ... Dec.), dotted initialisms (U.S., e.g., ق.م), a single
     capital initial (J. K. Rowling), or a single Arabic letter (د. م. ص.) followed by a
     word;
   * after a numbered-heading marker at the start of a line ("1. ", "٣. ", "a. ").

   A separator must be followed by whitespace, so decimals (1.9), numbers (1.000.000) and
   "1.عالقة" never split.
3. A piece of a line with no letter or digit (stray quotes, "®") joins the sentence before
   it on the same line.
4. A sentence longer than :data:`MAX_SENTENCE_CHARS` is cut at whitespace into pieces no
   longer than that (see :func:`split_sentences`): never inside a word, so never inside a
   number ("1,000", "٢٫٥"), and away from figures where the text allows it.

Spans are trimmed of surrounding whitespace and invisible format characters (bidi marks,
zero-width spaces), so ``text[span.start:span.end]`` is the sentence as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["SentenceSpan", "split_sentences", "ABBREVIATIONS", "NUMBER_ABBREVIATIONS", "MAX_SENTENCE_CHARS"]


@dataclass(frozen=True)
class SentenceSpan:
    """A sentence as ``text[start:end]``; offsets index the full text given to the splitter."""

    start: int
    end: int


# Everything str.splitlines() treats as a line boundary.
_LINE = re.compile("[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")

# Trimmed around each span: whitespace and invisible format characters.
_TRIM = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"

# A candidate boundary: terminators, then closing quotes/brackets, then whitespace (checked
# with a lookahead so the whitespace stays outside the sentence). Invisible bidi marks may
# sit between the stop and the space in right-to-left text.
_TERMINATORS = ".!?\u061f\u2026"  # . ! ? ؟ …
_CLOSERS = "\"'\u201d\u2019\u00bb\u203a)]}"  # " ' ” ’ » › ) ] }
_BOUNDARY = re.compile(f"([{re.escape(_TERMINATORS)}]+)([{re.escape(_CLOSERS + _TRIM)}]*)(?=\\s)")
_NEXT_CHAR = re.compile(f"[\\s{_TRIM}]*([^\\s{_TRIM}])")

# Characters that continue a sentence when they follow a terminator: "Microsoft. ، فستكون".
_CONTINUATION = frozenset("\u060c,;\u061b:)]}\u00bb")

# Every whitespace character (all lie below U+3001) plus the invisible ones, for str.strip.
_STRIP = "".join(ch for ch in map(chr, range(0x3001)) if ch.isspace()) + _TRIM

# Openers stripped from the word before a full stop before looking it up.
_OPENERS = "\"'\u201c\u2018\u00ab\u2039([{"

#: Words that end with a full stop without ending the sentence (compared casefolded,
#: without the final dot).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt gen col lt capt sgt gov sen rep rev hon
    inc ltd co corp llc plc bros dept univ assn approx vs cf al
    jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)
#: Abbreviations that are also ordinary words ("no"): only before a number ("No. 5").
NUMBER_ABBREVIATIONS = frozenset("no nos vol fig pp p art ch sec".split())

# Dotted single letters before the final dot: U.S, U.K, e.g, i.e, a.m, ق.م
_INITIALISM = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
# A list or heading marker: 1-3 digits of any script, a single Latin letter or a roman numeral.
_MARKER = re.compile(r"(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4})")
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")
# A letter or digit: a piece without one is not a sentence of its own.
_CONTENT = re.compile(r"[^\W_]")


def _is_latin_letter(ch: str) -> bool:
    return ch.isalpha() and ("A" <= ch <= "z" or "\u00c0" <= ch <= "\u024f")


def _is_lower_latin(ch: str) -> bool:
    return ch.islower() and _is_latin_letter(ch)


def _keeps_going(text: str, line_start: int, m: re.Match[str], nxt: str) -> bool:
    """True when the terminator run in ``m`` does not end the sentence."""
    if nxt in _CONTINUATION:
        return True
    if _is_lower_latin(nxt):
        # English sentences start with a capital: "Wait... what?", '"Why?" he asked.'
        return True
    term, closers = m.group(1), m.group(2)
    if term != "." or closers.strip(_TRIM):
        return False
    # The word before the full stop, without opening quotes or brackets.
    word_start = m.start()
    while word_start > line_start and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start : m.start()].lstrip(_OPENERS + _TRIM)
    if not word:
        return False
    folded = word.casefold()
    if folded in ABBREVIATIONS or _INITIALISM.fullmatch(word):
        return True
    if folded in NUMBER_ABBREVIATIONS and nxt.isdigit():
        return True
    if len(word) == 1:
        # A capital initial before a Latin name (J. K. Rowling), or an Arabic one-letter
        # abbreviation before an Arabic word (د. أحمد). "لـ X. وبالنظر" ends a sentence.
        if "A" <= word <= "Z" and _is_latin_letter(nxt):
            return True
        if _ARABIC_LETTER.match(word) and _ARABIC_LETTER.match(nxt):
            return True
    if _MARKER.fullmatch(word) and not text[line_start:word_start].strip():
        return True
    return False


def _trimmed(text: str, start: int, end: int) -> SentenceSpan | None:
    piece = text[start:end]
    # str.strip is linear; a regex anchored at the end would rescan long space runs.
    stripped = piece.lstrip(_STRIP)
    start += len(piece) - len(stripped)
    end -= len(stripped) - len(stripped.rstrip(_STRIP))
    return SentenceSpan(start, end) if end > start else None


#: The longest sentence analysed as one. Edited news sentences stay far below it (the longest
#: in the seed and fixture corpora has 364 characters); what runs longer is text without
#: sentence punctuation (a page scraped onto one line, a flattened table). Every claim carries
#: its sentence's names and context and is hedged or negated by cues anywhere in it, so an
#: unbounded sentence makes that work, and what is stored per claim, grow with the input.
MAX_SENTENCE_CHARS = 1_000

# Where a long sentence may be cut: between runs of non-space.
_WORD_RUN = re.compile(r"\S+")
_CLAUSE_MARKS = frozenset(",\u060c;\u061b:")  # , ، ; ؛ :
_CAPITAL = re.compile(r"[\"'“‘(]*[A-Z]")  # a capitalised Latin word, maybe after an opener
# Words a cut keeps away from a figure when it can: qualifiers ("ما لا يقل عن 5", "more
# than 5") and units ("5 million US dollars") stand within about three words of it.
_FIGURE_REACH = 4


def split_sentences(
    text: str,
    start: int = 0,
    end: int | None = None,
    max_chars: int = MAX_SENTENCE_CHARS,
    figure_word: Callable[[str], bool] | None = None,
) -> list[SentenceSpan]:
    """Split ``text[start:end]`` into sentences; offsets index ``text`` itself.

    ``start`` and ``end`` are clamped to ``0..len(text)`` (a negative value means 0).

    A sentence longer than ``max_chars`` is cut at whitespace into pieces of at most
    ``max_chars`` (a single word longer than that stays whole). A cut is never next to a
    figure when there is another space, never between two words with digits ("1 000")
    unless there is no other space, and not between two capitalised words (inside a name)
    when it can be avoided; among the spaces that are best by those rules, it is placed in
    the second half of the allowed length if one lies there, as far from any figure as
    possible (up to four words), then right after a clause mark (, ، ; ؛ :), then as late
    as possible; otherwise at the last of them.
    ``figure_word`` says whether a word belongs to a figure; by default a word with a digit
    or a currency or percent sign does (``factcheck.claims.numbers.in_written_figure`` also
    knows number words such as "million" and "آلاف").

    >>> t = "قال د. أحمد إن 1.9 مليون، أي نحو 2٫5%، وقّعوا. هل انتهى؟ نعم."
    >>> [t[s.start:s.end] for s in split_sentences(t)]
    ['قال د. أحمد إن 1.9 مليون، أي نحو 2٫5%، وقّعوا.', 'هل انتهى؟', 'نعم.']
    """
    # Offsets, not slice indices: they are clamped to the text, never counted from its end.
    start = min(max(0, start), len(text))
    end = len(text) if end is None else min(max(start, end), len(text))
    spans: list[SentenceSpan] = []
    for line in _LINE.finditer(text, start, end):
        line_start, line_end = line.span()
        first_of_line = len(spans)
        piece_start = line_start
        for m in _BOUNDARY.finditer(text, line_start, line_end):
            following = _NEXT_CHAR.match(text, m.end(), line_end)
            if following is None:
                break  # only whitespace left on the line: the line end closes the sentence
            if _keeps_going(text, line_start, m, following.group(1)):
                continue
            _add(spans, first_of_line, text, piece_start, m.end())
            piece_start = m.end()
        _add(spans, first_of_line, text, piece_start, line_end)
    if any(s.end - s.start > max_chars for s in spans):
        figure_word = figure_word or _has_figure_sign
        spans = [piece for span in spans for piece in _capped(text, span, max_chars, figure_word)]
    return spans


_FIGURE_SIGNS = frozenset("$€£¥%\u066a")  # ... and ٪


def _has_figure_sign(word: str) -> bool:
    return any(ch.isdigit() or ch in _FIGURE_SIGNS for ch in word)


def _capped(text: str, span: SentenceSpan, max_chars: int, figure_word: Callable[[str], bool]) -> list[SentenceSpan]:
    """``span`` cut into pieces of at most ``max_chars`` (see :func:`split_sentences`)."""
    pieces = []
    start = span.start
    while span.end - start > max_chars:
        gap = _cut(text, start, span.end, max_chars, figure_word)
        if gap is None:
            break  # one word to the end: nowhere to cut
        piece = _trimmed(text, start, gap[0])
        if piece is not None:
            pieces.append(piece)
        start = gap[1]
    piece = _trimmed(text, start, span.end)
    if piece is not None:
        pieces.append(piece)
    return pieces


def _cut(text: str, start: int, end: int, max_chars: int, figure_word: Callable[[str], bool]) -> tuple[int, int] | None:
    """The whitespace (start, end) at which to end the piece that begins at ``start``.

    Only the words up to ``max_chars`` ahead (and a few more) are read. The piece ends in
    the second half of that length unless only the first half has a space of the best kind
    (then at the last such space, after which the next piece has none), so cutting a text
    costs about one pass over it.
    """
    limit = start + max_chars
    words: list[tuple[int, int]] = []
    for m in _WORD_RUN.finditer(text, start, end):
        words.append(m.span())
        if len(words) > _FIGURE_REACH and words[-_FIGURE_REACH][0] > limit:
            break  # enough words past the limit to judge the last space before it
    gaps = [i for i in range(len(words) - 1) if words[i][1] <= limit]  # the space after word i
    if not gaps:
        # No space within the limit: the first one after it, if any.
        return (words[0][1], words[1][0]) if len(words) > 1 else None
    flags = [figure_word(text[a:b]) for a, b in words]
    # Words between each space and the nearest figure on its left, and on its right.
    left, right = [0] * len(words), [0] * len(words)
    for k in range(len(words)):
        left[k] = 0 if flags[k] else min(_FIGURE_REACH, (left[k - 1] if k else _FIGURE_REACH) + 1)
    for k in range(len(words) - 1, -1, -1):
        right[k] = 0 if flags[k] else min(_FIGURE_REACH, (right[k + 1] if k + 1 < len(words) else _FIGURE_REACH) + 1)

    def kind(i: int) -> int:
        left_word, right_word = (text[a:b] for a, b in (words[i], words[i + 1]))
        if min(left[i], right[i + 1]) == 0:
            digits = any(ch.isdigit() for ch in left_word) and any(ch.isdigit() for ch in right_word)
            return 3 if digits else 2  # "1 | 000" is never wanted; "5 | million" hardly
        return 1 if _CAPITAL.match(left_word) and _CAPITAL.match(right_word) else 0  # "Nordvik | Energy"

    kinds = {i: kind(i) for i in gaps}
    best = min(kinds.values())
    late = [i for i in gaps if kinds[i] == best and words[i][1] >= start + max_chars // 2]
    if not late:
        i = max(i for i in gaps if kinds[i] == best)
        return words[i][1], words[i + 1][0]
    i = max(late, key=lambda i: (min(left[i], right[i + 1]), text[words[i][1] - 1] in _CLAUSE_MARKS, i))
    return words[i][1], words[i + 1][0]


def _add(spans: list[SentenceSpan], first_of_line: int, text: str, start: int, end: int) -> None:
    span = _trimmed(text, start, end)
    if span is None:
        return
    if len(spans) > first_of_line and not _CONTENT.search(text, span.start, span.end):
        # Stray quotes or symbols after a sentence ('العمل. " "', '. ®') belong to it.
        spans[-1] = SentenceSpan(spans[-1].start, span.end)
    else:
        spans.append(span)
