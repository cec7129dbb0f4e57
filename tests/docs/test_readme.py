"""The README cannot drift: every command it shows runs here, against real output.

Each fenced block of README.md carries a name (``<!-- tested: NAME -->`` on the line before
it) that EXAMPLES below maps to how it runs: in which scratch folder, with which command when
the block shows only output, and whether it needs the real default model (those are marked
slow). How shown output is matched (``...``, JSON shown in part, timings) is described in
``readme_examples.py`` and docs/contributing-docs.md.

Commands run in a real shell, in a scratch folder, with ``factcheck`` and ``python`` taken
from this checkout, ``COLUMNS=80`` (the width of the README's tables) and none of the
``FACTCHECK_*`` or CI variables of the calling environment. Examples not marked slow run
with ``FACTCHECK_MODEL=hashing``: what they show must not depend on the model.
"""

from __future__ import annotations

import ast
import enum
import json
import os
import re
import shlex
import shutil
import stat
import subprocess
import sys
import tomllib
import typing
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from typer.main import get_command

from readme_examples import blocks, mismatch, readme, text_matches, transcript

ROOT = Path(__file__).resolve().parents[2]
README = readme(ROOT)
BLOCKS = {block.name: block for block in blocks(README) if block.name}
SEED_RUN = "factcheck run sources --output reports"  # what `make demo` runs, as the README says
# The new source of the `check --since HEAD` example: 300 signers on its third line, against
# 002's "more than 500".
NEW_SOURCE = (
    "رسالة الموظفين\n\n"
    "وقّع 300 فقط من موظفي OpenAI على الرسالة الموجهة لمجلس الإدارة، بحسب المتحدث باسم الشركة.\n"
)


# -- scratch folders -------------------------------------------------------------------------
def copy_from_checkout(*paths: str) -> Callable[[Path], None]:
    """A scratch folder holding copies of these files and folders of the checkout."""

    def prepare(folder: Path) -> None:
        for path in paths:
            source, target = ROOT / path, folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            if source.is_dir():
                shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy(source, target)

    return prepare


def empty_notes(folder: Path) -> None:
    (folder / "notes.txt").write_bytes(b"")


def seeds_repository_with_a_new_source(folder: Path) -> None:
    """The seeds committed in a git repository with their baseline, then a new file added."""
    copy_from_checkout("sources")(folder)
    shell(folder, ["git init -q -b main", "factcheck baseline update", "git add sources", "git commit -qm seeds"], slow=True)
    (folder / "sources" / "005_new.txt").write_text(NEW_SOURCE, encoding="utf-8")


def seeds_already_run(folder: Path, seed_run: Path) -> None:
    """The seeds and the database of ``factcheck run sources`` on them (shared: one run)."""
    copy_from_checkout("sources", "tests/golden/seed_discrepancies.toml")(folder)
    for item in seed_run.iterdir():
        if item.name.startswith("claims.db"):
            (shutil.copytree if item.is_dir() else shutil.copy)(item, folder / item.name)


@dataclass(frozen=True)
class Example:
    kind: str  # transcript, output (of `command`), python, make, diagram
    prepare: Callable[[Path], None] | None = None
    command: str | None = None
    slow: bool = False
    timings: bool = False
    after_seed_run: bool = False  # starts from the database of the seed run


EXAMPLES = {
    "setup": Example("make"),
    "setup-cpu-torch": Example("make"),
    "seed-run": Example("output", copy_from_checkout("sources"), command=SEED_RUN, slow=True),
    "check-since": Example("transcript", seeds_repository_with_a_new_source, slow=True),
    "search": Example("transcript", slow=True, after_seed_run=True),
    "parse": Example("transcript"),
    "user-errors": Example("transcript", empty_notes),
    "library": Example("python", copy_from_checkout("sources"), slow=True),
    "how-it-works": Example("diagram"),
    "eval-gold": Example("transcript", slow=True, after_seed_run=True),
    "pipeline-benchmark": Example(
        "output", copy_from_checkout("benchmarks/pipeline.py", "sources"), command="python benchmarks/pipeline.py", slow=True, timings=True
    ),
    "synthetic-benchmark": Example(
        "output", copy_from_checkout("benchmarks/synthetic.py"), command="python benchmarks/synthetic.py", slow=True, timings=True
    ),
}


# -- running commands as a reader would ------------------------------------------------------
_MARK = "\x1ereadme-step\x1e"


def tools(folder: Path) -> Path:
    """A folder of commands for PATH: ``factcheck`` and ``python`` from this checkout, and
    ``jq`` when the machine has none (an emulation of the filters the README uses)."""
    bin_dir = folder / ".readme-bin"
    bin_dir.mkdir(exist_ok=True)
    scripts = {
        "factcheck": f"#!/bin/sh\nexec {shlex.quote(sys.executable)} -c 'import sys; sys.argv[0] = \"factcheck\"; "
        "from factcheck.cli import main; main()' \"$@\"\n",
        "python": f"#!/bin/sh\nexec {shlex.quote(sys.executable)} \"$@\"\n",
    }
    if shutil.which("jq") is None:
        scripts["jq"] = f"#!/bin/sh\nexec {shlex.quote(sys.executable)} {shlex.quote(str(Path(__file__).with_name('jq_filter.py')))} \"$@\"\n"
    for name, text in scripts.items():
        path = bin_dir / name
        path.write_text(text)
        path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return bin_dir


def environment(folder: Path, slow: bool) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("FACTCHECK_", "GITHUB_")) and k not in ("CI", "COLUMNS", "LINES", "PYTHONHASHSEED")
    }
    env.update(
        PATH=f"{tools(folder)}{os.pathsep}{env.get('PATH', '')}",
        PYTHONPATH=str(ROOT),
        HF_HUB_OFFLINE="1",
        COLUMNS="80",
        NO_COLOR="1",
        TERM="dumb",
        GIT_AUTHOR_NAME="Analyst",
        GIT_AUTHOR_EMAIL="analyst@example.org",
        GIT_COMMITTER_NAME="Analyst",
        GIT_COMMITTER_EMAIL="analyst@example.org",
    )
    if not slow:
        env["FACTCHECK_MODEL"] = "hashing"
    return env


def shell(folder: Path, commands: list[str], slow: bool) -> list[str]:
    """Run commands one after another in one bash, as typed at a prompt; return what each
    printed (standard output and error together). ``$?`` is the previous command's status."""
    script = ["status=0"]
    for command in commands:
        script.append(f"printf '{_MARK}\\n'; (exit $status); {{ {command}\n}} 2>&1; status=$?")
    done = subprocess.run(
        ["bash", "-c", "\n".join(script)], cwd=folder, env=environment(folder, slow), capture_output=True, text=True, timeout=3600
    )
    outputs = done.stdout.split(_MARK + "\n")[1:]
    assert len(outputs) == len(commands), done.stdout + done.stderr
    return outputs


def scratch(tmp_path: Path, example: Example, request) -> Path:
    folder = tmp_path / "work"
    folder.mkdir()
    if example.after_seed_run:
        seeds_already_run(folder, request.getfixturevalue("seed_run")[0])
    if example.prepare:
        example.prepare(folder)
    return folder


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory) -> tuple[Path, str, str]:
    """The seed run, twice, in one scratch folder: (folder, first output, second output)."""
    folder = tmp_path_factory.mktemp("seed-run")
    copy_from_checkout("sources")(folder)
    first, second = shell(folder, [SEED_RUN, SEED_RUN], slow=True)
    return folder, first, second


def _params(kinds: tuple[str, ...]):
    return [
        pytest.param(name, marks=[pytest.mark.slow] if example.slow else [], id=name)
        for name, example in EXAMPLES.items()
        if example.kind in kinds
    ]


# -- every block is named, every name is a block ------------------------------------------
def test_every_block_of_the_readme_is_tested():
    found = blocks(README)
    unnamed = [f"README.md:{b.line}" for b in found if b.name is None]
    assert not unnamed, f"blocks with no <!-- tested: NAME --> line before them: {unnamed}"
    names = [b.name for b in found]
    assert len(names) == len(set(names)), f"a name is used twice: {names}"
    assert set(names) == set(EXAMPLES), f"README only: {set(names) - set(EXAMPLES)}; tests only: {set(EXAMPLES) - set(names)}"


# -- transcripts and output blocks ---------------------------------------------------------
@pytest.mark.parametrize("name", _params(("transcript", "output")))
def test_shown_commands_print_what_the_readme_shows(name, tmp_path, request):
    example, block = EXAMPLES[name], BLOCKS[name]
    if name == "seed-run":
        steps = [(SEED_RUN, block.text.splitlines())]
        outputs = [request.getfixturevalue("seed_run")[1]]
    else:
        folder = scratch(tmp_path, example, request)
        if example.kind == "output":
            steps = [(example.command, block.text.splitlines())]
        else:
            steps = [(step.command, step.expected) for step in transcript(block.text)]
        outputs = shell(folder, [command for command, _ in steps], example.slow)
    for (command, expected), output in zip(steps, outputs):
        problem = mismatch(expected, output, timings=example.timings)
        assert problem is None, f"README.md:{block.line}: $ {command}\n{problem}"


@pytest.mark.slow
def test_a_second_seed_run_does_no_work(seed_run):
    shown = re.search(r"A second `make demo` on unchanged sources does no extraction or embedding work: it\s+prints `([^`]+)`", README)
    assert shown, "the README no longer says what a second `make demo` prints"
    assert shown.group(1) in seed_run[2].splitlines()[0]


def test_make_demo_is_the_seed_run_command():
    assert f"`make demo` (that is, `{SEED_RUN}`) prints:" in README


# -- the Python example ----------------------------------------------------------------------
def run_python_example(text: str) -> list[str]:
    """Run a Python block statement by statement; check each ``# -> TEXT`` against the
    ``repr`` of what its statement produced. Returns the problems found."""
    lines = text.splitlines()
    namespace: dict = {}
    problems = []
    for statement in ast.parse(text).body:
        comment = lines[statement.end_lineno - 1].partition("# -> ")[2].strip()
        if isinstance(statement, ast.Expr):  # evaluated once: the value is what it shows
            value = eval(compile(ast.Expression(statement.value), "<README>", "eval"), namespace)
        else:
            exec(compile(ast.Module([statement], []), "<README>", "exec"), namespace)
            value = namespace[statement.targets[0].id] if isinstance(statement, ast.Assign) else None
        if not comment:
            continue
        if not isinstance(statement, (ast.Assign, ast.Expr)):
            problems.append(f"line {statement.lineno}: '# -> ' after a statement with no value")
            continue
        if not text_matches(comment, repr(value)):
            problems.append(f"line {statement.lineno}: shown {comment}, got {value!r}")
    namespace.clear()
    return problems


@pytest.mark.parametrize("name", _params(("python",)))
def test_python_example_runs_and_gives_what_it_shows(name, tmp_path, request, monkeypatch):
    block = BLOCKS[name]
    folder = scratch(tmp_path, EXAMPLES[name], request)
    for key in [k for k in os.environ if k.startswith("FACTCHECK_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.chdir(folder)
    assert "# -> " in block.text  # the example shows a result, so it can be wrong
    assert run_python_example(block.text) == []


def test_python_example_checker_catches_a_wrong_result():
    assert run_python_example("x = [1, 2]  # -> [1, ...]\ny = len(x)  # -> 2\n") == []
    assert run_python_example("x = 3  # -> 4\n") == ["line 1: shown 4, got 3"]
    # an expression is evaluated once: a call that changes state shows its first result
    assert run_python_example("calls = []\ncalls.append(1) or len(calls)  # -> 1\n") == []


def test_the_library_default_model_is_the_one_the_readme_names():
    from factcheck.embeddings.base import DEFAULT_MODEL

    assert '# model="e5+usem3" by default' in BLOCKS["library"].text and DEFAULT_MODEL == "e5+usem3"


def test_the_parsers_named_beside_the_library_example_work_as_shown():
    from factcheck.claims.dates import extract_dates
    from factcheck.claims.quantities import extract_quantities

    assert "`factcheck.claims.quantities.extract_quantities(text)`" in README
    assert '`factcheck.claims.dates.extract_dates(text, reference="2023-11-20")`' in README
    (quantity,) = extract_quantities("وقّع أكثر من 500 موظف على الرسالة.")
    assert (quantity.low, quantity.qualifier) == (500, "more_than")
    (date,) = extract_dates("اجتمع المجلس يوم الجمعة.", reference="2023-11-20")
    assert date.date == "2023-11-17"


# -- the setup commands: checked with `make -n`, never run (they build a virtual environment) --
def make_dry_run(*args: str) -> list[str]:
    done = subprocess.run(["make", "-n", "-B", *args], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def _index(lines: list[str], pattern: str) -> int:
    found = [i for i, line in enumerate(lines) if re.search(pattern, line)]
    assert found, f"no step matching {pattern!r} in:\n" + "\n".join(lines)
    return found[0]


@pytest.mark.parametrize("name", _params(("make",)))
def test_setup_commands_do_what_the_readme_says(name):
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    torch = re.search(r'"torch==([\d.]+)"', "\n".join(make_dry_run("setup"))).group(1)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    commands = [line.partition("#")[0].strip() for line in BLOCKS[name].text.splitlines()]
    for command in filter(None, commands):
        words = shlex.split(command)
        if words[0] == "make":
            steps = make_dry_run(*words[1:])
            target = words[1]
            venv, torch_step, package = (_index(steps, p) for p in (r"-m venv \.venv", r'"torch==', r'-e "\.\[test\]"'))
            assert venv < torch_step < package, "CPU torch is installed first, then factcheck"
            index_url = next((w.partition("=")[2] for w in words if w.startswith("TORCH_INDEX_URL=")), None)
            if index_url:
                assert f"--index-url {index_url} " in steps[torch_step]
            last = {"demo": rf"\.venv/bin/{SEED_RUN}$", "test": r"\.venv/bin/python -m pytest"}[target]
            assert package < _index(steps, last)
        elif words[:2] == ["pip", "install"] and "-e" in words:
            extra = re.fullmatch(r"\.\[(\w+)\]", words[words.index("-e") + 1]).group(1)
            assert extra in project["optional-dependencies"]
        elif words[:2] == ["pip", "install"]:
            pins = [w for w in words if w.startswith("torch==")]
            assert pins == [f"torch=={torch}"], f"the README pins {pins}, the Makefile installs torch=={torch}"
            (spec,) = [Requirement(d) for d in project["dependencies"] if Requirement(d).name == "torch"]
            assert spec.specifier.contains(torch), f"pyproject.toml wants {spec}, the Makefile installs torch=={torch}"
            assert words[words.index("--index-url") + 1] in BLOCKS[name].text.splitlines()[0]
        else:
            pytest.fail(f"README.md:{BLOCKS[name].line}: no check for {command!r}")
    assert f"`torch=={torch}`" in README


# -- the commands table and the global options -----------------------------------------------
def _commands_table() -> list[str]:
    start = README.index("| command | what it does |")
    rows = README[start:].split("\n\n", 1)[0].splitlines()[2:]
    return [row.split(" | ", 1)[0] for row in rows]


def _usages() -> list[str]:
    usages = []
    for cell in _commands_table():
        usages += [code.replace("\\|", "|") for code in re.findall(r"`(factcheck [^`]+)`", cell)]
    return usages


def _click_command(words: list[str]):
    from factcheck.cli import app

    command = get_command(app)
    path = []
    for word in words:
        if not re.fullmatch(r"[a-z][a-z0-9-]*", word) or not hasattr(command, "commands") or word not in command.commands:
            break
        command = command.commands[word]
        path.append(word)
    return command, path


def _choices(param) -> list[str] | None:
    """The values an option takes when it takes one of a few (an enum or a literal)."""
    descriptor = getattr(param, "type_descriptor", None)
    annotation = getattr(descriptor, "annotation", None)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return [member.value for member in annotation]
    if typing.get_origin(annotation) is typing.Literal:
        return [str(value) for value in typing.get_args(annotation)]
    choices = getattr(getattr(param, "type", None), "choices", None)
    return list(choices) if choices else None


@pytest.mark.parametrize("usage", _usages())
def test_every_command_and_option_in_the_commands_table_exists(usage):
    words = usage.split()[1:]
    command, path = _click_command(words)
    assert path and not hasattr(command, "commands"), f"{usage}: no such command"
    options = {opt: param for param in command.params for opt in (*param.opts, *param.secondary_opts)}
    for i, word in enumerate(words):
        for option in re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", word):
            assert option in options, f"{usage}: {' '.join(path)} has no option {option}"
            choices = _choices(options[option])
            shown = words[i + 1].strip("[]") if i + 1 < len(words) and "|" in words[i + 1] else None
            if choices and shown:
                assert set(shown.split("|")) == set(choices), f"{usage}: {option} takes {sorted(choices)}"


def test_the_commands_table_covers_every_command():
    from factcheck.cli import app

    top = get_command(app).commands
    shown = {tuple(_click_command(u.split()[1:])[1]) for u in _usages()}
    everything = {(name,) if not hasattr(c, "commands") else (name, sub) for name, c in top.items() for sub in getattr(c, "commands", [None])}
    missing = sorted(" ".join(filter(None, c)) for c in everything - shown if c != ("version",))
    assert not missing, f"commands the README's table does not list: {missing}"


def test_global_options_named_in_the_readme_exist():
    sentence = re.search(r"Global options come before the command: (.+?)\.\n\n", README, re.DOTALL).group(1)
    command, _ = _click_command([])
    options = {opt: p for p in command.params for opt in (*p.opts, *p.secondary_opts)}
    named = re.findall(r"--[a-z][\w-]*", sentence)
    assert len(named) >= 6
    for option in named:
        assert option in options, option
    assert options["--db"].envvar == "FACTCHECK_DB" and "`FACTCHECK_DB`" in sentence


# -- the jq stand-in ------------------------------------------------------------------------------
def test_jq_stand_in_prints_what_jq_prints(tmp_path):
    data = json.dumps([{"score": 0.741, "source_id": "002", "claims": [{"quote": "حوالي 700"}]}, {"score": 0.5, "source_id": "a", "claims": []}])
    filter_ = '.[] | "\\(.score) \\(.source_id) \\(.claims[0].quote)"'
    command = [sys.executable, str(Path(__file__).with_name("jq_filter.py")), "-r", filter_]
    done = subprocess.run(command, input=data, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "0.741 002 حوالي 700\n0.5 a null\n"
    if shutil.which("jq"):
        real = subprocess.run(["jq", "-r", filter_], input=data, capture_output=True, text=True)
        assert real.stdout == done.stdout
