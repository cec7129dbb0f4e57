"""Parse time and memory against article length, through the path `factcheck parse -` takes.

Generates deterministic Arabic and English news articles full of figures, names and dates,
in two layouts: "normal" (sentences with full stops, paragraphs on lines of their own) and
"one-line" (one line with no sentence punctuation at all, the worst case for the sentence
splitter). Each size runs in a fresh process so its peak memory is its own, and reports:

    layout  lang  chars  seconds (wall, then CPU)  us/char (wall)  peak RSS  mentions  skipped

Analysis must be linear in the input: microseconds per character should stay flat (within
about 50%) from 10k to 1M characters, and a 2 MB one-line article must parse in well under
30 s. Prints figures; asserts nothing.

    python benchmarks/parse_scale.py                      # every layout, language and size
    python benchmarks/parse_scale.py --sizes 10000,100000 --layouts one-line --langs en
    python benchmarks/parse_scale.py --write-to DIR       # also keep the generated articles
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import resource
import time
from pathlib import Path

SIZES = (10_000, 30_000, 100_000, 300_000, 1_000_000)
BIG_ONE_LINE = 2_000_000  # the denial-of-service case: 2 MB, one line, no punctuation
LAYOUTS = ("normal", "one-line")
LANGS = ("en", "ar")

# Famous names and invented ones, in both scripts, so every reader of names runs.
EN_NAMES = ["Microsoft", "OpenAI", "Sam Altman", "Satya Nadella", "Google", "Nordvik Energy", "Carla Brandt", "Port Caddell"]
AR_NAMES = ["مايكروسوفت", "أوبن إيه آي", "سام ألتمان", "ساتيا ناديلا", "جوجل", "نوردفيك", "صندوق المرجان", "كارلا براندت"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
AR_MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
AR_DIGITS = str.maketrans("0123456789.", "٠١٢٣٤٥٦٧٨٩٫")

EN = [
    "{a} said on {d} {mo} {y} that more than {n:,} employees had signed the letter",
    "{a} invested ${m} billion in {b} in {y}, according to a statement from the board",
    "Shares of {a} fell {p}% on {wd} after {b} announced between {k} and {k2} new hires",
    "About {n:,} people work at {a}, up from {n2:,} a year earlier, {b} told reporters",
    "The deal values {a} at roughly ${m} billion, or about {p} percent more than in {mo} {y}",
    "{a} will cut up to {k} jobs within {h} months and close {k2} offices across {c} countries",
    "Officials said {n:,} of the {n3:,} workers at {a} had not been paid since {d} {mo}",
    "Revenue at {a} rose from ${m} million to ${m2} million in the quarter ending {mo} {d}, {y}",
]
AR = [
    "قال {a} يوم {d} {mo} {y} إن أكثر من {n} موظف وقّعوا على الرسالة",
    "استثمرت {a} نحو {m} مليار دولار في {b} عام {y} بحسب بيان مجلس الإدارة",
    "تراجعت أسهم {a} بنسبة {p}% بعد أن أعلنت {b} عن توظيف ما بين {k} و{k2} موظفاً",
    "يعمل لدى {a} حالياً حوالي {n} موظف مقارنة بـ{n2} قبل عام وفق ما قالته {b}",
    "تقدّر الصفقة قيمة {a} بنحو {m} مليار دولار أي أكثر بنسبة {p} في المئة مما كانت عليه في {mo} {y}",
    "ستلغي {a} ما يصل إلى {k} وظيفة خلال {h} أشهر وتغلق {k2} مكتباً في {c} دولة",
    "قال مسؤولون إن {n} من أصل {n3} عامل في {a} لم يتقاضوا أجورهم منذ {d} {mo}",
    "ارتفعت إيرادات {a} من {m} مليون دولار إلى {m2} مليون دولار في الربع المنتهي في {d} {mo} {y}",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def sentence(rng: random.Random, lang: str) -> str:
    """One news sentence in ``lang`` with its slots filled (no final punctuation)."""
    names = EN_NAMES if lang == "en" else AR_NAMES
    a, b = rng.sample(names, 2)
    n = rng.randrange(100, 90_000)
    m = rng.randrange(2, 400)
    k = rng.randrange(5, 900)
    slots = {
        "a": a, "b": b, "n": n, "n2": n + rng.randrange(1, 5_000), "n3": n + rng.randrange(100, 9_000),
        "m": m, "m2": m + rng.randrange(1, 300), "k": k, "k2": k + rng.randrange(1, 300),
        "p": rng.randrange(1, 60), "h": rng.randrange(2, 24), "c": rng.randrange(2, 60),
        "d": rng.randrange(1, 29), "y": rng.randrange(2015, 2026), "wd": rng.choice(WEEKDAYS),
        "mo": rng.choice(EN_MONTHS if lang == "en" else AR_MONTHS),
    }  # fmt: skip
    text = rng.choice(EN if lang == "en" else AR).format(**slots)
    if lang == "ar" and rng.random() < 0.5:
        text = text.translate(AR_DIGITS)  # Arabic-Indic digits in half the sentences
    return text


def article(lang: str, layout: str, size: int, seed: int = 0) -> str:
    """A deterministic article of exactly ``size`` characters (the last word may be cut)."""
    rng = random.Random(f"{lang}:{layout}:{seed}")
    parts: list[str] = []
    length = 0
    while length < size:
        s = sentence(rng, lang)
        if layout == "normal":
            # Paragraphs of three to six sentences, separated by a blank line.
            s += "."
            s += "\n\n" if rng.random() < 0.2 else " "
        else:
            s += " "  # no sentence punctuation, no line break: one endless sentence
        parts.append(s)
        length += len(s)
    return "".join(parts)[:size]


def measure(lang: str, layout: str, size: int) -> dict:
    """Parse one article (in the calling process) and return its figures."""
    from factcheck.claims.entities import default_aliases
    from factcheck.claims.extract import parse_text

    aliases = default_aliases()
    parse_text(article(lang, layout, 2_000, seed=1), aliases)  # warm up caches and lazy imports
    text = article(lang, layout, size)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start, cpu_start = time.perf_counter(), time.process_time()
    result = parse_text(text, aliases)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    return {
        "layout": layout,
        "lang": lang,
        "chars": len(text),
        "seconds": seconds,
        "us_per_char": seconds / len(text) * 1e6,
        "cpu_seconds": cpu,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_before_mib": rss_before / 1024,
        "quantities": len(result["quantities"]),
        "dates": len(result["dates"]),
        "entities": len(result["entities"]),
        "skipped": len(result.get("skipped", [])),
    }


def _child(args: tuple[str, str, int], queue) -> None:
    queue.put(measure(*args))


def measure_in_fresh_process(lang: str, layout: str, size: int) -> dict:
    """:func:`measure` in a new interpreter, so peak memory is this article's alone."""
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    process = ctx.Process(target=_child, args=((lang, layout, size), queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated character counts")
    parser.add_argument("--layouts", default=",".join(LAYOUTS))
    parser.add_argument("--langs", default=",".join(LANGS))
    parser.add_argument("--no-big", action="store_true", help=f"skip the {BIG_ONE_LINE:,}-character one-line articles")
    parser.add_argument("--json", action="store_true", help="one JSON object per line instead of a table")
    parser.add_argument("--write-to", type=Path, help="also write each generated article to this folder")
    args = parser.parse_args()

    sizes = [int(s) for s in args.sizes.split(",") if s]
    runs = [(lang, layout, size) for layout in args.layouts.split(",") for lang in args.langs.split(",") for size in sizes]
    if not args.no_big and "one-line" in args.layouts.split(","):
        runs += [(lang, "one-line", BIG_ONE_LINE) for lang in args.langs.split(",")]
    if not args.json:
        print(f"{'layout':<9}{'lang':<5}{'chars':>10}{'seconds':>9}{'cpu s':>8}{'us/char':>9}{'peak MiB':>10}{'base MiB':>10}{'quantities':>11}{'dates':>7}{'entities':>9}{'skipped':>8}")
    for lang, layout, size in runs:
        if args.write_to:
            args.write_to.mkdir(parents=True, exist_ok=True)
            (args.write_to / f"{layout}_{lang}_{size}.txt").write_text(article(lang, layout, size), encoding="utf-8")
        r = measure_in_fresh_process(lang, layout, size)
        if args.json:
            print(json.dumps(r), flush=True)
        else:
            print(
                f"{r['layout']:<9}{r['lang']:<5}{r['chars']:>10,}{r['seconds']:>9.2f}{r['cpu_seconds']:>8.2f}{r['us_per_char']:>9.1f}"
                f"{r['peak_rss_mib']:>10.0f}{r['rss_before_mib']:>10.0f}{r['quantities']:>11,}{r['dates']:>7,}{r['entities']:>9,}{r['skipped']:>8,}",
                flush=True,
            )


if __name__ == "__main__":
    main()
