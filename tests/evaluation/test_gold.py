"""Gold-file scoring (factcheck.evaluation.gold): matching, scoring, malformed files, seed report."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.errors import ConfigError
from factcheck.evaluation.gold import Gold, Side, format_gold_report, load_gold, parse_gold, score

ROOT = Path(__file__).resolve().parents[2]
SEED_GOLD = ROOT / "tests" / "golden" / "seed_discrepancies.toml"
S1, S2 = "001_x", "002_y"


def claim(source: str, quote: str, text: str | None = None) -> dict:
    return {"source_id": source, "quote": quote, "text": text or f"sentence with {quote}."}


def disc(kind: str, a: dict, b: dict, severity: str = "medium", did: str = "d_1") -> dict:
    return {"id": did, "kind": kind, "severity": severity, "claims": [a, b]}


def gold(text: str) -> Gold:
    import tomllib

    return parse_gold(tomllib.loads(text))


EXPECTED = gold(
    f"""
[[expected]]
a = {{source = "{S2}", quote = "أكثر من 500"}}
b = {{source = "{S1}", quote = "700 من أصل 770"}}
kinds = ["precision", "supersession"]
severity = ["medium"]
"""
)
A500, A700 = claim(S2, "أكثر من 500"), claim(S1, "700 من أصل 770")


@pytest.mark.parametrize(
    "discrepancies, found, kind_correct, why",
    [
        ([disc("precision", A500, A700)], 1, 1, None),
        ([disc("supersession", A700, A500)], 1, 1, None),  # either order
        ([disc("conflict", A500, A700)], 1, 0, "wrong kind: conflict/medium (want precision|supersession/medium)"),
        ([disc("precision", A500, A700, severity="low")], 1, 0, "wrong kind: precision/low (want precision|supersession/medium)"),
        ([disc("conflict", A500, A700, did="d_1"), disc("precision", A500, A700, did="d_2")], 1, 1, None),
        ([], 0, 0, "not reported"),
        ([disc("precision", claim(S2, "أكثر من 500"), claim(S2, "700 من أصل 770"))], 0, 0, "not reported"),  # wrong source
        ([disc("precision", claim(S2, "500"), claim(S1, "700  من أصل\n770"))], 1, 1, None),  # containment + whitespace
        ([disc("precision", claim(S2, "أكثر من 500 موظف"), A700)], 1, 1, None),  # claim quote contains gold quote
        ([disc("precision", claim(S2, "أكثر من 600"), A700)], 0, 0, "not reported"),
    ],
)
def test_expected_matching(discrepancies, found, kind_correct, why):
    result = score({"discrepancies": discrepancies}, EXPECTED)
    assert (result["expected"], result["found"], result["kind_correct"]) == (1, found, kind_correct)
    assert result["recall"] == found
    assert result["flagged"] == len(discrepancies)
    if why is None:
        assert result["missed"] == []
    else:
        assert [m["why"] for m in result["missed"]] == [why]


NOT_CONFLICT = gold(
    f"""
[[not_conflict]]
a = {{source = "{S1}", quote = "175000 دولار", context = "راتب أساسي"}}
b = {{source = "{S1}", quote = "275000 دولار"}}
reason = "different groups"

[[not_conflict]]
a = {{source = "{S1}", quote = "60 مليون دولار"}}
b = {{source = "{S2}", quote = "أكثر بكثير من 50 مليون دولار"}}
not_reported = true
"""
)
SAL_A = claim(S1, "175000 دولار", "توفير راتب أساسي قدره 175000 دولار")
SAL_A_OTHER = claim(S1, "175000 دولار", "الموظفون الآخرون براتب سنوي قدره 175000 دولار")
SAL_B = claim(S1, "275000 دولار أمريكي")
V60, V50 = claim(S1, "60 مليون دولار"), claim(S2, "أكثر بكثير من 50 مليون دولار")


@pytest.mark.parametrize(
    "discrepancies, false_conflicts",
    [
        ([disc("conflict", SAL_A, SAL_B)], 1),
        ([disc("conflict", SAL_B, SAL_A)], 1),  # either order
        ([disc("precision", SAL_A, SAL_B)], 0),  # precision is allowed
        ([disc("conflict", SAL_A_OTHER, SAL_B)], 0),  # context does not match
        ([disc("precision", V60, V50)], 1),  # not_reported: any kind counts
        ([disc("conflict", V50, V60), disc("conflict", SAL_A, SAL_B, did="d_2")], 2),
        ([], 0),
    ],
)
def test_not_conflict(discrepancies, false_conflicts):
    result = score({"discrepancies": discrepancies}, NOT_CONFLICT)
    assert len(result["false_conflicts"]) == false_conflicts
    assert result["flagged_conflicts"] == sum(d["kind"] == "conflict" for d in discrepancies)
    assert result["expected"] == 0 and result["recall"] == 1.0


def test_side_matching():
    side = Side("001_x", "أكثر من 500")
    assert side.matches(claim("001_x", "أكثر من 500"))
    assert side.matches(claim("001_x", " أكثر  من\t500 "))
    assert not side.matches(claim("002_y", "أكثر من 500"))
    assert not side.matches(claim("001_x", ""))
    assert Side("001_x", "500", context="signed").matches(claim("001_x", "500", "they signed 500"))
    assert not Side("001_x", "500", context="signed").matches(claim("001_x", "500", "they hired 500"))
    # a context that runs over two sentences of one quotation holds the claim's sentence
    quoted = Side("001_x", "will not resign", context='"I will not resign. I was elected by the clubs," Dumitru said')
    assert quoted.matches(claim("001_x", "will not resign", '"I will not resign.'))
    assert not quoted.matches(claim("001_x", "will not resign", '"They will not resign.'))


def test_format_text_and_json():
    result = score({"discrepancies": [disc("conflict", SAL_A, SAL_B)]}, NOT_CONFLICT)
    text = format_gold_report(result)
    assert "recall" in text and "false conflicts: 1" in text and "flagged: 1" in text
    assert '"flagged": 1' in format_gold_report(result, "json")


@pytest.mark.parametrize(
    "text, message",
    [
        ("[[expected]\n", "not valid TOML"),
        ('[[expected]]\nb = {source = "s", quote = "q"}\nkinds = ["precision"]\n', "missing key 'a'"),
        ('[[expected]]\na = {source = "s", quote = "q"}\nb = {source = "s", quote = "q"}\n', "missing key 'kinds'"),
        ('[[expected]]\na = {source = "s", quote = "q"}\nb = {source = "s", quote = "q"}\nkinds = ["wrong"]\n', "unknown kind 'wrong'"),
        ('[[expected]]\na = {source = "s", quote = "q"}\nb = {source = "s", quote = "q"}\nkinds = []\n', "non-empty list"),
        ('[[expected]]\na = {source = "s", quote = "q"}\nb = {source = "s", quote = "q"}\nkinds = ["conflict"]\nseverity = ["huge"]\n', "unknown severity 'huge'"),
        ('[[expected]]\na = {source = "s"}\nb = {source = "s", quote = "q"}\nkinds = ["conflict"]\n', "missing key 'a.quote'"),
        ('[[expected]]\na = {source = "s", quote = "q", page = 1}\nb = {source = "s", quote = "q"}\nkinds = ["conflict"]\n', "unknown key 'a.page'"),
        ('[[expected]]\na = "s"\nb = {source = "s", quote = "q"}\nkinds = ["conflict"]\n', "'a' must be a table"),
        ('[[not_conflict]]\na = {source = "s", quote = "q"}\nb = {source = "s", quote = "q"}\nnot_reported = "yes"\n', "'not_reported' must be true or false"),
        ('[[not_conflict]]\na = {source = "s", quote = "q"}\nb = {source = "s", quote = "q"}\nkinds = ["conflict"]\n', "unknown key 'kinds'"),
        ('[[conflicts]]\na = 1\n', "unknown top-level key 'conflicts'"),
        ('expected = 3\n', "must be an array of tables"),
    ],
)
def test_malformed_gold(tmp_path, text, message):
    path = tmp_path / "gold.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_gold(path)
    assert message in str(info.value)
    assert "\n" not in str(info.value)
    assert str(path) in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="cannot read gold file"):
        load_gold(tmp_path / "nope.toml")


def test_seed_gold_quotes_are_in_the_articles():
    g = load_gold(SEED_GOLD)
    assert len(g.expected) >= 2 and len(g.not_conflict) >= 10
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "sources").glob("*.txt")}
    for entry in [*g.expected, *g.not_conflict]:
        for side in (entry.a, entry.b):
            assert side.quote in texts[side.source], side
            assert side.context is None or side.context in texts[side.source], side


def test_seed_report_scores(seed_dir, tmp_path):
    from factcheck.workspace import Factcheck

    fc = Factcheck(db_path=tmp_path / "c.db", model="hashing")
    fc.ingest([seed_dir])
    result = score(fc.report(), load_gold(SEED_GOLD))
    assert set(result) >= {"expected", "found", "recall", "kind_correct", "missed", "false_conflicts", "flagged", "flagged_conflicts"}
    assert isinstance(result["recall"], float) and 0.0 <= result["recall"] <= 1.0
    assert result["expected"] == len(load_gold(SEED_GOLD).expected)
    assert 0 <= result["kind_correct"] <= result["found"] <= result["expected"]
    assert result["flagged_conflicts"] <= result["flagged"]
    assert isinstance(format_gold_report(result), str)
