"""Event claims reconciled across sources: one event, its dates and its polarity judged,
the timeline in order (real SQLite and FAISS, the hashing embedder)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from factcheck.reconcile.events import judge_events, same_event
from factcheck.reconcile.judge import _finish
from factcheck.reports.html import render_html
from factcheck.reports.markdown import render_markdown
from factcheck.workspace import Factcheck

SEEDS = Path(__file__).resolve().parents[2] / "sources"


def _event(source: str, action: str, *, agent="", patient="", time=(), negated=False, stage="", form="verb", published=None, identity=("patient",), agent_type=None, text=None):
    return {
        "id": f"q_{source}{action}", "source_id": source, "kind": "event", "stage": stage, "form": form, "negated": negated,
        "hedged": False, "published": published, "identity": list(identity), "agent_type": agent_type or ("organisation" if agent else ""),
        "frame": {"measured": action, "agent": agent, "patient": patient, "time": list(time)},
    } | ({"text": text, "sentence_start": 0, "char_end": len(text)} if text else {})  # fmt: skip


_BOARD = "The board of Microsoft appointed Sam Altman."


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (dict(time=["2023-11-17"]), dict(time=["2023-11-19"]), ("conflict", "medium")),
        (dict(time=["2023-11-17"]), dict(time=["2023-12-17"]), ("conflict", "high")),
        (dict(time=["2023-11-17"]), dict(time=["2023-11"]), ("precision", "low")),
        (dict(time=["2023-11-17"]), dict(time=["2023-11-17"]), None),
        (dict(time=["2023-11-17"]), dict(time=[]), None),  # one side does not say when
        (dict(time=["2023-11-17", "2023-11-19"]), dict(time=["2023-11-20"]), None),  # which of two dates: not said
        (dict(negated=True), dict(), ("conflict", "high")),
        (dict(negated=True, published="2023-11-20"), dict(published="2023-11-22"), ("supersession", "medium")),
        (dict(), dict(negated=True, form="noun"), ("conflict", "high")),  # a denied noun asserts it did not happen («نفى استقالته»)
        (dict(form="noun"), dict(negated=True), None),  # an affirmed noun names an act it does not assert
        (dict(agent="Microsoft"), dict(agent="Google"), ("conflict", "medium")),  # another agent for the act
        (dict(agent="Microsoft", time=["2023-11-20"]), dict(agent="Google", time=["2023-11-20"]), ("conflict", "medium")),
        (dict(agent="Microsoft", time=["2023-11-20"]), dict(agent="Google", time=["2023-11-22"]), None),  # another day: another event
        (dict(agent="Microsoft"), dict(agent="Microsoft"), None),
        (dict(agent="Microsoft", time=["2023-11-17"]), dict(agent="Ilya Sutskever", agent_type="person", time=["2023-11-17"]), None),  # acts for it
        # ... unless the person holds a public office and the organisation is no body of the state
        (dict(agent="Microsoft", text=_BOARD), dict(agent="Karim Abdel-Nour", agent_type="person", text="Transport Minister Karim Abdel-Nour appointed Sam Altman."), ("conflict", "medium")),
        (dict(agent="مايكروسوفت", text="عيّن مجلس إدارة شركة مايكروسوفت سام ألتمان."), dict(agent="كريم عبد النور", agent_type="person", text="وعيّن وزير النقل كريم عبد النور سام ألتمان."), ("conflict", "medium")),
        # ... or a body of the state the office does not act for: an authority, not the ministry
        (dict(agent="Civil Aviation Authority", text="The Civil Aviation Authority appointed Sam Altman."), dict(agent="Karim Abdel-Nour", agent_type="person", text="Transport Minister Karim Abdel-Nour appointed Sam Altman."), ("conflict", "medium")),
        (dict(agent="هيئة السلامة البحرية", text="علّقت هيئة السلامة البحرية ترخيص الشركة."), dict(agent="أدريان كوفال", agent_type="person", text="وكان وزير النقل أدريان كوفال قد علّق ترخيص الشركة."), ("conflict", "medium")),
        (dict(agent="Transport Ministry", text="The Transport Ministry appointed Sam Altman."), dict(agent="Karim Abdel-Nour", agent_type="person", text="Transport Minister Karim Abdel-Nour appointed Sam Altman."), None),  # the ministry he acts for
        (dict(agent="Microsoft", text=_BOARD), dict(agent="Karim Abdel-Nour", agent_type="person", text="Microsoft chairman Karim Abdel-Nour appointed Sam Altman."), None),
        (dict(agent="Microsoft", text=_BOARD), dict(agent="Karim Abdel-Nour", agent_type="person", text="The minister said Karim Abdel-Nour appointed Sam Altman."), None),  # not his title
        # an agent named only by what it is (a body): set against a person in public office only
        (dict(agent="executive board", agent_type="body", text="The executive board appointed Sam Altman."), dict(agent="Karim Abdel-Nour", agent_type="person", text="Transport Minister Karim Abdel-Nour appointed Sam Altman."), ("conflict", "medium")),
        (dict(agent="executive board", agent_type="body", text="The executive board appointed Sam Altman.", time=["2023-11-18"]), dict(agent="Karim Abdel-Nour", agent_type="person", text="Transport Minister Karim Abdel-Nour appointed Sam Altman.", time=["2023-11-20"]), None),  # another day: another event
        (dict(agent="وزارة النقل", agent_type="body", text="عيّنت وزارة النقل سام ألتمان."), dict(agent="كريم عبد النور", agent_type="person", text="وعيّن وزير النقل كريم عبد النور سام ألتمان."), None),  # a body of the state
        (dict(agent="executive board", agent_type="body", text="The executive board appointed Sam Altman."), dict(agent="ministry", agent_type="body", text="The ministry appointed Sam Altman."), None),  # two bodies: not compared
        (dict(agent="board", agent_type="body", text="The board appointed Sam Altman."), dict(agent="Microsoft", text=_BOARD), None),  # the board may be Microsoft's
    ],
)
def test_two_reports_of_one_event_are_judged(a, b, expected):
    x = _event("a", "appoint", patient="Sam Altman", **a)
    y = _event("b", "appoint", patient="Sam Altman", **b)
    got = judge_events(x, y, 0.9, _finish)
    assert (got and (got.kind, got.severity)) == (expected or None)


@pytest.mark.parametrize(
    ("a", "b", "disagree", "expected"),
    [
        # what the frames find stands; the pair judgement weighs how sure it is
        (dict(time=["2023-11-17"]), dict(time=["2023-11-19"]), 0.2, ("conflict", "medium", 0.5)),
        (dict(time=["2023-11-17"]), dict(time=["2023-11-19"]), 0.96, ("conflict", "medium", 0.88)),
        # nothing for the frames: a low conflict only at or above the cut
        (dict(), dict(), 0.95, ("conflict", "low", 0.875)),
        (dict(), dict(), 0.9, ("conflict", "low", 0.85)),
        (dict(), dict(), 0.89, None),
        (dict(time=["2023-11-17"]), dict(time=["2023-11-17"]), 0.99, ("conflict", "low", 0.895)),
        # the frames say the two cannot disagree: the judgement is not asked
        (dict(negated=True), dict(negated=True), 0.99, None),  # two denials
        (dict(agent="Microsoft", time=["2023-11-20"]), dict(agent="Google", time=["2023-11-22"]), 0.99, None),  # two events
        (dict(form="noun"), dict(negated=True), 0.99, None),  # an act only named
        (dict(form="noun"), dict(form="noun"), 0.99, None),  # "since Altman's dismissal" / "why Altman was fired": named inside other statements
    ],
)
def test_the_pair_judgement_weighs_two_reports_of_one_event(a, b, disagree, expected):
    x = _event("a", "appoint", patient="Sam Altman", **a)
    y = _event("b", "appoint", patient="Sam Altman", **b)
    got = judge_events(x, y, 0.8, _finish, disagree, 0.9)
    assert (got and (got.kind, got.severity, got.confidence)) == (expected or None)
    if expected and expected[1] == "low":
        assert "pair judgement" in got.reason


def test_what_makes_two_reports_one_event():
    fired = _event("a", "dismiss", agent="OpenAI", patient="Sam Altman")
    assert same_event(fired, _event("b", "dismiss", agent="Ilya Sutskever", patient="Sam Altman"))  # whoever fired him
    assert not same_event(fired, _event("b", "dismiss", patient="Greg Brockman"))  # someone else
    assert not same_event(fired, _event("b", "dismiss", patient="Sam Altman", stage="decision"))  # the vote, not the firing
    assert not same_event(fired, _event("b", "resign", patient="Sam Altman"))
    assert not same_event(fired, _event("b", "dismiss"))  # says whom nowhere
    sued = _event("a", "sue", agent="Elon Musk", patient="OpenAI", identity=("agent", "patient"))
    assert not same_event(sued, _event("b", "sue", agent="xAI", patient="OpenAI", identity=("agent", "patient")))


def _said(claim: dict, text: str, quote: str) -> dict:
    end = text.index(quote) + len(quote)
    return {**claim, "text": text, "sentence_start": 100, "char_end": 100 + end}


def test_a_report_of_another_act_of_its_kind_is_one_event_only_with_another():
    signed = _said(_event("a", "sign", agent="Tarsal", identity=("agent",)), "Tarsal signed the concession contract on Tuesday.", "signed")
    separate = _event("b", "sign", agent="Tarsal", identity=("agent",))
    also = _said(separate, "فقد وقّعت معادن ترساليا في 15 يوليو اتفاقاً منفصلاً مع الشركة الوطنية للكهرباء.", "وقّعت")
    assert same_event(signed, _said(separate, "Tarsal signed the contract on Thursday.", "signed"))
    assert not same_event(signed, also)  # "a separate agreement": not the signing the other tells
    assert same_event(also, _said(separate, "Tarsal signed a separate agreement with the power company.", "signed"))
    # the word of another act counts in the act's clause only, after it
    assert same_event(signed, _said(separate, "Tarsal signed the contract, and a second one is planned.", "signed"))
    assert same_event(signed, _said(separate, "Another company said Tarsal signed the contract.", "signed"))


def _run(folder: Path, db: Path) -> dict:
    fc = Factcheck(db_path=db, model="hashing")
    fc.ingest([folder])
    fc.reconcile()
    return fc.report()


def test_a_planted_firing_date_is_a_conflict_with_the_seeds_and_the_vote_is_not(tmp_path):
    folder = tmp_path / "sources"
    folder.mkdir()
    for path in SEEDS.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "900_planted.txt").write_text(
        "OpenAI board fires Sam Altman\n\nThe board of OpenAI fired Sam Altman on 19 November 2023, according to people familiar with the matter.\n",
        encoding="utf-8",
    )
    report = _run(folder, tmp_path / "c.db")
    events = [d for d in report["discrepancies"] if d["claims"][0]["kind"] == "event"]
    planted = [d for d in events if "900_planted" in {c["source_id"] for c in d["claims"]} and d["kind"] == "conflict"]
    assert [(d["severity"], sorted(c["source_id"] for c in d["claims"])) for d in planted] == [("medium", ["000_3d3eda30e221811b", "900_planted"])]
    # 003's vote (a decision) and 000's Friday are two events: never set against each other as a conflict
    assert not [d for d in events if d["kind"] == "conflict" and "900_planted" not in {c["source_id"] for c in d["claims"]}]
    timeline = report["timeline"]
    days = [(e["date"], e["kind"], e["sources"]) for e in timeline if e["precision"] == "day"]
    assert days == sorted(days, key=lambda x: x[0])
    assert ("2023-11-16", "date", ["003_df09a2a885924420"]) in days and ("2023-11-19", "event", ["900_planted"]) in days
    fired = [e for e in timeline if e["kind"] == "event" and e["date"] in ("2023-11-17", "2023-11-19") and e["claims"][0]["dated_by"] == "sentence"]
    assert all(planted[0]["id"] in e["discrepancy_ids"] for e in fired) and len(fired) == 2
    placed = [e for e in timeline if any(c["dated_by"] == "story" for c in e["claims"])]
    vote = [e for e in placed if e["sources"] == ["003_df09a2a885924420"] and e["what"].startswith("decision:")]
    assert [e["date"] for e in vote] == ["2023-11-16"]  # the vote, placed where 003's story stands: before 000's Friday
    assert not [d for d in report["discrepancies"] if {c["id"] for c in d["claims"]} & {c["claim_id"] for e in placed for c in e["claims"]}]
    markdown = render_markdown(report)
    assert "## Timeline" in markdown and f"`{planted[0]['id']}`" in markdown.split("## Timeline", 1)[1]
    html = render_html(report)
    section = html[html.index('<section class="timeline"') :]
    section = section[: section.index("</section>")]
    assert f'<a href="#{planted[0]["id"]}"><strong>conflict</strong>' in section and "<q title=" in section
    assert section.index("2023-11-16") < section.index("2023-11-17") < section.index("2023-11-19")


def test_an_event_denied_then_affirmed_later_is_a_supersession(tmp_path):
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "a.md").write_text("---\npublished: 2023-11-20\n---\nNo deal\n\nSam Altman will not return to OpenAI, the board said.\n", encoding="utf-8")
    (folder / "b.md").write_text("---\npublished: 2023-11-22\n---\nDeal\n\nSam Altman returned to OpenAI as chief executive.\n", encoding="utf-8")
    report = _run(folder, tmp_path / "c.db")
    assert [(d["kind"], d["severity"]) for d in report["discrepancies"]] == [("supersession", "medium")]
    (folder / "b.md").write_text("---\npublished: 2023-11-19\n---\nDeal\n\nSam Altman returned to OpenAI as chief executive.\n", encoding="utf-8")
    report = _run(folder, tmp_path / "c.db")
    assert [(d["kind"], d["severity"]) for d in report["discrepancies"]] == [("conflict", "high")]


def test_an_incremental_run_with_new_events_equals_a_full_run(tmp_path):
    from factcheck.reports.json_report import render_json

    folder = tmp_path / "sources"
    folder.mkdir()
    for path in SEEDS.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    incremental = Factcheck(db_path=tmp_path / "inc.db", model="hashing")
    incremental.ingest([folder])
    incremental.reconcile()
    (folder / "900_planted.txt").write_text("Fired\n\nThe board of OpenAI fired Sam Altman on 19 November 2023.\n", encoding="utf-8")
    (folder / "901_back.txt").write_text(
        "Back\n\nSam Altman returned to OpenAI as chief executive on 22 November 2023.\n\nMicrosoft hired Sam Altman on 20 November 2023.\n", encoding="utf-8"
    )
    incremental.ingest([folder], prune=True)
    incremental.reconcile()
    full = Factcheck(db_path=tmp_path / "full.db", model="hashing")
    full.ingest([folder])
    full.reconcile()
    report = incremental.report()
    assert render_json(report) == render_json(full.report())
    assert any(d["claims"][0]["kind"] == "event" and d["kind"] == "conflict" for d in report["discrepancies"])


def test_the_dates_of_two_different_events_are_not_set_against_each_other(tmp_path):
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "a.txt").write_text("Fired\n\nThe board of Norvath Systems fired chief executive Lena Vossberg on Friday, 6 February 2026.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Back\n\nLena Vossberg returned to Norvath Systems as chief executive on Thursday, 12 February 2026.\n", encoding="utf-8")
    (folder / "c.txt").write_text("Fired\n\nNorvath Systems fired Lena Vossberg on Sunday, 8 February 2026.\n", encoding="utf-8")
    report = _run(folder, tmp_path / "c.db")
    found = sorted((d["kind"], d["claims"][0]["kind"], sorted(c["source_id"] for c in d["claims"])) for d in report["discrepancies"])
    assert found == [("conflict", "event", ["a", "c"])]  # the firing's two dates; never the firing's date against the return's


def _judge_csv(path: Path, disagreeing: tuple[str, str]) -> Path:
    """A small ANS-format training file: the given pair (both orders) labelled disagree,
    paraphrases agree, unrelated sentences other."""
    rows = ["s1,s2,stance"]
    rows += [f"{disagreeing[0]},{disagreeing[1]},disagree", f"{disagreeing[1]},{disagreeing[0]},disagree"] * 6
    rows += ["Prices rose in March,Prices went up in March,agree", "The team won the cup,The cup went to the team,agree"] * 6
    rows += ["Rain is expected on Monday,The museum reopened its gallery,other", "Oil output fell,A new bridge opened downtown,other"] * 6
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_the_pair_judgement_flags_what_the_frames_do_not_and_is_recorded(tmp_path, monkeypatch):
    from factcheck.reports.json_report import render_json

    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "cache"))
    first = "Meridane Foods fired chief executive Tovar Kess after the audit"
    second = "Meridane Foods fired chief executive Tovar Kess to protect him from the audit"
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "a.txt").write_text(f"Audit\n\n{first}.\n", encoding="utf-8")
    (folder / "b.txt").write_text(f"Shield\n\n{second}.\n", encoding="utf-8")
    train = _judge_csv(tmp_path / "train.csv", (first + ".", second + "."))
    plain = Factcheck(db_path=tmp_path / "plain.db", model="hashing")
    plain.ingest([folder])
    plain.reconcile()
    assert plain.report()["discrepancies"] == []  # one firing, one date (none), one agent: nothing for the frames
    assert {r["stance_disagree"] for r in plain.store.alignments()} == {None}

    fc = Factcheck(db_path=tmp_path / "judged.db", model="hashing", pair_judge=train, pair_judge_model="hashing")
    fc.ingest([folder])
    fc.reconcile()
    rows = fc.store.alignments()
    claims = {c["id"]: c for c in fc.store.claims()}
    assert rows and all((r["stance_disagree"] is not None) == (claims[r["claim_a"]]["kind"] == claims[r["claim_b"]]["kind"] == "event") for r in rows)
    report = fc.report()
    assert report["generated_by"]["pair_judge"] == {"train": "train.csv", "sha256": hashlib.sha256(train.read_bytes()).hexdigest()[:16], "model": "hashing"}
    [found] = report["discrepancies"]
    assert (found["kind"], found["severity"]) == ("conflict", "low") and "pair judgement" in found["summary"]

    # incremental == full (with a report in another language, which the judgement does not
    # read: it learnt from pairs in one), and the judgement is part of what alignments depend on
    (folder / "c.txt").write_text("Later\n\nMeridane Foods fired chief executive Tovar Kess on 3 March 2026.\n", encoding="utf-8")
    (folder / "d.txt").write_text("إقالة\n\nأقالت شركة ميريدان فودز (Meridane Foods) رئيسها التنفيذي توفار كيس (Tovar Kess) يوم 3 مارس 2026.\n", encoding="utf-8")
    fc.ingest([folder])
    fc.reconcile()
    full = Factcheck(db_path=tmp_path / "full.db", model="hashing", pair_judge=train, pair_judge_model="hashing")
    full.ingest([folder])
    full.reconcile()
    assert render_json(fc.report()) == render_json(full.report())
    claims = {c["id"]: c for c in fc.store.claims()}
    across = [r for r in fc.store.alignments() if claims[r["claim_a"]]["lang"] != claims[r["claim_b"]]["lang"]]
    assert across and {r["stance_disagree"] for r in across} == {None}
    other = Factcheck(db_path=tmp_path / "judged.db", model="hashing")
    assert not other.is_reconciled()  # without the judgement, the stored results no longer hold
    other.reconcile()
    assert {r["stance_disagree"] for r in other.store.alignments()} == {None}
    assert other.report()["discrepancies"] == [] and "pair_judge" not in other.report()["generated_by"]


def _reports(tmp_path, articles: dict[str, str]) -> list[tuple]:
    """(source, source, kind, internal) of each discrepancy of a fresh run on ``articles``."""
    run = tmp_path / f"run{len(list(tmp_path.iterdir()))}"
    folder = run / "sources"
    folder.mkdir(parents=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    report = _run(folder, run / "c.db")
    return sorted((d["claims"][0]["source_id"], d["claims"][1]["source_id"], d["kind"], d["internal"]) for d in report["discrepancies"])


def test_an_act_one_source_tells_twice_months_apart_is_two_events(tmp_path):
    twice = "Kess out again\n\nMeridane Foods fired Tovar Kess from its audit committee on 3 June 2025. The company fired Tovar Kess as chief executive on 6 February 2026, its board said.\n"
    february = "Chief dismissed\n\nMeridane Foods fired Tovar Kess as chief executive on 6 February 2026.\n"
    june = "Committee change\n\nMeridane Foods fired Tovar Kess from its audit committee on 3 June 2025, the filing shows.\n"
    # a tells both firings: neither its own two reports nor b's February against c's June conflict
    assert _reports(tmp_path, {"a.txt": twice, "b.txt": february, "c.txt": june}) == []
    # without a, nothing says there were two firings: b and c date one act 248 days apart
    assert _reports(tmp_path, {"b.txt": february, "c.txt": june}) == [("b", "c", "conflict", False)]
    # two days in one source less than a week apart: one of them is wrong
    close = twice.replace("3 June 2025", "3 February 2026")
    assert ("a", "a", "conflict", True) in _reports(tmp_path, {"a.txt": close})


def test_an_interim_appointment_and_a_permanent_one_are_two_events():
    def appointed(source, text):
        claim = _event(source, "appoint", patient="Sam Altman", text=text)
        return claim | {"char_end": text.index("Sam Altman") + len("Sam Altman")}

    interim = appointed("a", "The board named Sam Altman, its finance chief, as interim chief executive until a permanent one is found.")
    permanent = appointed("b", "The board appointed Sam Altman chief executive permanently.")
    plain = appointed("c", "The board appointed Sam Altman chief executive.")
    arabic_interim = _event("d", "appoint", patient="Sam Altman", text="عيّن المجلس Sam Altman رئيساً تنفيذياً مؤقتاً.") | {"char_end": 23}
    assert not same_event(interim, permanent) and not same_event(arabic_interim, permanent)
    assert same_event(interim, plain) and same_event(permanent, plain) and same_event(interim, arabic_interim)


def test_two_posts_are_two_acts():
    def resigned(source, text, agent="Matthias Kovar"):
        return _said(_event(source, "resign", agent=agent, agent_type="person", identity=("agent",)), text, "resigned" if "resigned" in text else "استقال")

    chief = resigned("a", "Matthias Kovar resigned as chief executive of Halvern Pharma on Thursday, three weeks later.")
    chair = resigned("b", "Kovar resigned on October 23 as chairman of the Federation of Pharmaceutical Manufacturers, saying so.")
    plain = resigned("c", "Matthias Kovar resigned on Thursday.")
    arabic = resigned("d", "استقال ماتياس كوفار من منصب الرئيس التنفيذي للشركة.", agent="ماتياس كوفار")
    vice = resigned("e", "Kovar resigned as vice chairman of the federation.")
    assert not same_event(chief, chair) and not same_event(arabic, chair)  # two posts, two acts
    assert same_event(chief, plain) and same_event(chair, plain)  # a report naming no post may tell either
    assert same_event(chief, arabic)  # one post, in two languages
    assert not same_event(chair, vice)  # "vice chairman" is no chairman
    # posts tell apart only the acts whose lexicon entry says so: an arrest's words are whom
    held = _said(_event("f", "arrest", agent="police", patient="Sam Altman"), "Police arrested Sam Altman as chief executive.", "arrested")
    also = _said(_event("g", "arrest", agent="police", patient="Sam Altman"), "Police arrested Sam Altman as chairman.", "arrested")
    assert same_event(held, also)


def test_names_in_two_languages_made_of_common_words_may_be_one_party():
    from factcheck.reconcile.events import SURE, UNSURE, in_other_words

    assert in_other_words("Association of Affected Families", "رابطة الأسر المتضررة")
    assert in_other_words("manufacturing licence", "ترخيص التصنيع")
    assert not in_other_words("Halvern Pharma", "رابطة الأسر المتضررة")  # a name's sound is compared, never its words
    assert not in_other_words("Association of Affected Families", "Families Association")  # one script: the words are compared
    sued = dict(identity=("agent", "patient"), patient="Halvern")
    english = _event("a", "sue", agent="Association of Affected Families", **sued)
    arabic = _event("b", "sue", agent="رابطة الأسر المتضررة", **sued)
    assert same_event(english, arabic) == UNSURE and same_event(english, english) == SURE
    assert not same_event(english, _event("c", "sue", agent="Kordex", **sued))
    # such reports are judged on their dates, never as two agents
    assert _judged(english | {"frame": {**english["frame"], "time": ["2026-11-03"]}}, arabic | {"frame": {**arabic["frame"], "time": ["2026-11-02"]}}) == ("conflict", "medium")


def test_a_ministry_and_another_body_of_the_state_in_two_languages_are_two_agents():
    def suspended(source, agent, text):
        return _event(source, "suspend", agent=agent, patient="licence", text=text)

    authority = suspended("a", "National Medicines Authority", "The National Medicines Authority suspended the licence.")
    ministry = suspended("b", "وزارة الصحة", "علقت وزارة الصحة الترخيص.")
    other_ministry = suspended("c", "وزارة الصناعة", "علقت وزارة الصناعة الترخيص.")
    assert _judged(authority, ministry) == ("conflict", "medium")
    assert _judged(authority | {"frame": {**authority["frame"], "agent": "Health Ministry"}, "text": "The Health Ministry suspended the licence."}, other_ministry) is None  # two ministries may be one


def _judged(a: dict, b: dict):
    found = judge_events(a, b, 0.9, lambda kind, severity, *rest: (kind, severity))
    return found


def test_a_post_named_before_whom_the_act_names_and_a_seat_are_two_posts():
    def dismissed(source, text, quote):
        start = text.index(quote)
        claim = _event(source, "dismiss", patient="عادل فخري", text=text)
        return claim | {"char_start": start, "char_end": start + len(quote)}

    director = dismissed("a", "أُقيل المدير العام لهيئة الميناء عادل فخري من منصبه الأربعاء الماضي.", "أُقيل المدير العام لهيئة الميناء عادل فخري")
    seat = dismissed("b", "وكان مجلس الوزراء قد أعفى فخري الاثنين الماضي من عضويته في المجلس الأعلى للموانئ.", "أعفى فخري")
    plain = dismissed("c", "وكان مجلس الوزراء قد أعفى فخري الاثنين الماضي.", "أعفى فخري")
    assert not same_event(director, seat)  # the director-general's post, a council seat
    assert same_event(director, plain) and same_event(seat, plain)


def test_the_agents_own_title_in_an_acts_quote_is_no_post_of_the_act():
    text = "عيّنت وزيرة الطاقة ريما المنصوري يوم السبت المهندس سليم الورداني رئيساً مديراً عاماً للشركة."
    quote = "عيّنت وزيرة الطاقة ريما المنصوري يوم السبت المهندس سليم الورداني"
    arabic = _event("a", "appoint", agent="ريما المنصوري", patient="Salim El-Wardani", text=text) | {"char_start": 0, "char_end": len(quote)}
    english = _said(_event("b", "appoint", patient="Salim El-Wardani"), "The ministry denied that Salim El-Wardani had been appointed chief executive.", "appointed")
    assert same_event(arabic, english)  # the minister's title is the agent's, not the post
