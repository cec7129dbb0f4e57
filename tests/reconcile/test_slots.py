import numpy as np
import pytest

from factcheck.claims.context import content_keys, dates_a_statement, mention_context, slot_description, word_key
from factcheck.claims.lexicon import lexicon
from factcheck.reconcile.features import FEATURES
from factcheck.reconcile.slots import align, date_acts, names_meet, read_pair, rescale, starts_a_state, units_compatible
from factcheck.reconcile.thresholds import Thresholds, thresholds_for
from factcheck.errors import ConfigError

TH = Thresholds()
V = {"c1": np.array([1.0, 0.0]), "c2": np.array([0.8, 0.6]), "s1": np.array([1.0, 0.0]), "s2": np.array([0.8, 0.6])}


def claim(cid, sentence, source="a", unit="USD", noun=None, context="inves fund", predicate="inves", lang="ar", value=1e8, kind="quantity"):
    return {
        "id": cid, "sentence_id": sentence, "source_id": source, "kind": kind, "unit": unit, "noun": noun, "lang": lang,
        "context_words": context, "predicate_words": predicate, "context_hash": "c1" if cid == "x" else "c2",
        "sentence_hash": "s1" if cid == "x" else "s2", "entities": [], "value": value, "low": value, "high": value,
        "qualifier": "exact", "date": None,
    }  # fmt: skip


def feature(pair, name: str) -> float:
    return pair.features[FEATURES.index(name)]


def test_same_sentence_never_aligns():
    assert align(claim("x", "s:1"), claim("y", "s:1"), V, TH) is None


def test_units_must_match():
    assert not units_compatible(claim("x", "1"), claim("y", "2", unit="EUR"))
    assert not units_compatible(claim("x", "1", unit="count", noun="موظفي"), claim("y", "2", unit="count", noun="أعضاء"))
    assert units_compatible(claim("x", "1", unit="count", noun="موظفي"), claim("y", "2", unit="count", noun="الموظفين"))


def test_shared_words_are_required_in_one_language():
    assert align(claim("x", "1"), claim("y", "2", context="rati valu", predicate="valu"), V, TH) is None


def test_predicate_mismatch_is_read():
    same = read_pair(claim("x", "1"), claim("y", "2", context="inves fund"), V, TH)
    other = read_pair(claim("x", "1"), claim("y", "2", context="inves fund", predicate="valu"), V, TH)
    assert feature(same, "predicates_differ") == 0 and feature(other, "predicates_differ") == 1


def test_orders_of_magnitude_cost_score():
    near = align(claim("x", "1"), claim("y", "2", value=2e8), V, TH)
    far = align(claim("x", "1"), claim("y", "2", value=1e10), V, TH)
    assert near is not None and (far is None or far.score < near.score)


def test_dates_within_one_source_are_a_timeline():
    a = {**claim("x", "1", kind="date"), "date": "2016-09"}
    b = {**claim("y", "2", kind="date", context="inves fund year"), "date": "2015-12"}
    assert align(a, b, V, TH) is None


def test_rescale():
    assert rescale(0.825, 0.825) == 0 and rescale(1.0, 0.825) == 1
    assert rescale(0.9, 0.0) == pytest.approx(0.9)


def test_slot_description_leaves_names_out():
    text = "استثمر Musk ما بين 50 و100 مليون دولار في OpenAI في مراحله الأولى."
    start = text.index("ما بين")
    end = text.index("دولار") + len("دولار")
    words, predicate = slot_description(text, start, end, [(text.index("Musk"), text.index("Musk") + 4), (text.index("OpenAI"), text.index("OpenAI") + 6)])
    assert "musk" not in words and "openai" not in words
    assert word_key("استثمر") in predicate.split()


def test_content_keys_skip_stopwords():
    assert content_keys("the employees of the company signed") == [word_key("employees"), word_key("signed")]


def test_mention_context():
    assert mention_context("a b c 500 d e", 6, 9, words=2) == "b c … d e"


def test_thresholds_file(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text("align_score = 0.7\n[e5]\ncosine_floor = 0.8\n")
    th = thresholds_for("e5", path)
    assert th.align_score == 0.7 and th.cosine_floor == 0.8
    path.write_text("bogus = 1\n")
    with pytest.raises(ConfigError, match="unknown setting 'bogus'"):
        thresholds_for("e5", path)
    path.write_text("align_score = 'high'\n")
    with pytest.raises(ConfigError, match="must be a number"):
        thresholds_for("e5", path)


def test_different_named_actors_are_different_slots():
    a = {**claim("x", "1"), "entities": ["Norova"], "actors": ["Norova"]}
    b = {**claim("y", "2"), "entities": ["Veltek"], "actors": ["Veltek"]}
    assert align(a, b, V, TH) is None
    shared = {**claim("y", "2"), "entities": ["Norova Group", "Microsoft"], "actors": ["Norova Group", "Microsoft"]}
    unnamed = {**claim("y", "2"), "entities": [], "actors": []}  # "he invested": no actor named, not ruled out
    assert align(a, shared, V, TH) is not None and align(a, unnamed, V, TH) is not None


def test_names_that_are_not_actors_do_not_rule_out():
    """Places and names the alias table does not know ("Eindhoven" vs "Netherlands") never
    tell slots apart, and do not count as actors that meet."""
    a = {**claim("x", "1"), "entities": ["Eindhoven"], "actors": []}
    b = {**claim("y", "2"), "entities": ["Netherlands"], "actors": []}
    assert read_pair(a, b, V, TH) is not None and feature(read_pair(a, b, V, TH), "actor_overlap") == 0


@pytest.mark.parametrize(
    "a, b, met",
    [
        (["Veradyne"], ["Veradyne Semiconductor"], True),
        (["Sam Altman"], ["Altman"], True),
        (["Norova"], ["Veltek", "Microsoft"], False),
        ([], ["Norova"], False),
        (["Department of Public Health"], ["Wexmoor County Health Department"], False),
        (["مؤسسة ديمار"], ["موسسه ديمار"], True),  # one name in two spellings (docs/parsing.md)
        (["شركة نوران"], ["شركة سالكو"], False),
    ],
)
def test_names_meet_on_a_word(a, b, met):
    assert names_meet(a, b) == met


@pytest.mark.parametrize(
    "roles_a, roles_b, swapped",
    [
        (("Microsoft", "OpenAI"), ("OpenAI", "Microsoft"), True),  # A invested in B vs B in A
        (("", "Lumora"), ("Lumora", "Veradyne"), True),  # "it invested in Lumora" vs "Lumora invested in Veradyne"
        (("Microsoft", "OpenAI"), ("Microsoft", "OpenAI"), False),
        (("", "Lumora"), ("Veradyne", "Lumora Photonics"), False),  # same recipient
        (("Lumora", "Lumora"), ("Lumora", "Veradyne"), False),  # one name around a figure says nothing
        (("", ""), ("Lumora", "Veradyne"), False),
        (("Wexmoor County", ""), ("", "Wexmoor"), False),  # "Wexmoor County ... 38" vs "52 ... in Wexmoor": no direction
    ],
)
def test_direction(roles_a, roles_b, swapped):
    a = {**claim("x", "1"), "subject": roles_a[0], "object": roles_a[1]}
    b = {**claim("y", "2"), "subject": roles_b[0], "object": roles_b[1]}
    assert (align(a, b, V, TH) is None) == swapped


def test_concepts_stand_in_for_words():
    """"bought … for" and "a deal worth" share no word but one concept (price); "rose" and
    "fell" share the word "shares" but their predicates are known to differ."""
    def keys(text):
        return " ".join(content_keys(text))

    bought = claim("x", "1", context=keys("bought Lumora for cash"), predicate=keys("bought"))
    deal = claim("y", "2", context=keys("in a deal worth"), predicate=keys("deal worth"))
    assert read_pair(bought, deal, V, TH).shared_words == 1
    rose = claim("x", "1", context=keys("shares rose trading"), predicate=keys("shares rose"))
    fell = claim("y", "2", context=keys("shares have fallen trading"), predicate=keys("shares fallen"))
    plain = claim("y", "2", context=keys("shares have trading"), predicate=keys("shares"))
    assert feature(read_pair(rose, fell, V, TH), "predicates_differ") == 1
    assert feature(read_pair(rose, plain, V, TH), "predicates_differ") == 0


def test_across_languages_concepts_compare_the_words():
    def framed(c, text):
        keys = content_keys(text)
        return {**c, "frame": {"concepts": sorted(lexicon().concepts(keys))}}

    ar = framed(claim("x", "1", lang="ar", context=" ".join(content_keys("تكبدت خسارة صافية")), predicate=" ".join(content_keys("خسارة"))), "خسارة")
    en_loss = framed(claim("y", "2", lang="en", context=" ".join(content_keys("incurred a net loss"))), "net loss")
    en_revenue = framed(claim("y", "2", lang="en", context=" ".join(content_keys("revenue reached"))), "revenue")
    loss, revenue = read_pair(ar, en_loss, V, TH), read_pair(ar, en_revenue, V, TH)
    assert loss.shared_words == 1 and feature(loss, "shared_concepts") == 1 and feature(loss, "cross_language") == 1
    assert revenue.shared_words == 0 and feature(revenue, "concepts_differ") == 1


def test_figures_for_different_years_are_different_slots():
    a, b = claim("x", "1"), claim("y", "2")
    a["years"], b["years"] = {"2016"}, {"2023"}
    assert align(a, b, V, TH) is None
    b["years"] = {"2016", "2017"}
    assert align(a, b, V, TH) is not None
    b["years"] = set()  # no year named: not ruled out
    assert align(a, b, V, TH) is not None


def test_annotate_years():
    from factcheck.reconcile.slots import annotate_years

    claims = [
        {"id": "q1", "kind": "quantity", "sentence_id": "s:1"},
        {"id": "d1", "kind": "date", "sentence_id": "s:1", "date": "2016-02"},
        {"id": "q2", "kind": "quantity", "sentence_id": "s:2"},
    ]
    annotate_years(claims)
    assert [c["years"] for c in claims] == [{"2016"}, {"2016"}, set()]


def staff(cid, sentence, predicate, whole=False, partitive=False):
    """A count of employees; ``predicate`` the words next to it."""
    return {
        **claim(cid, sentence, unit="count", noun="موظف", context=f"موظف {predicate}", predicate=f"موظف {predicate}", value=700),
        "whole": whole, "partitive": partitive,
    }  # fmt: skip


def test_a_whole_meets_a_headcount_whatever_its_part_did():
    whole = staff("x", "1", "تعهد", whole=True)  # the 770 of "700 of 770 employees pledged"
    headcount = staff("y", "2", "يوجد")  # "there are about 700 employees"
    assert align(whole, headcount, V, TH) is not None


def test_a_whole_never_meets_a_figure_that_counts_a_part():
    whole = staff("x", "1", "تعهد", whole=True)
    assert align(whole, staff("y", "2", "اكد", partitive=True), V, TH) is None  # "500 of the employees"
    assert align(whole, staff("y", "2", "تعهد"), V, TH) is None  # "500 employees pledged": what the part did


def test_two_wholes_are_compared_without_their_parts_predicates():
    def bare(cid, sentence, predicate, whole):
        return {**staff(cid, sentence, predicate, whole=whole), "predicate_words": predicate}

    wholes = read_pair(bare("x", "1", "تعهد", True), bare("y", "2", "تهديد", True), V, TH)
    plain = read_pair(bare("x", "1", "تعهد", False), bare("y", "2", "تهديد", False), V, TH)
    assert feature(wholes, "predicates_differ") == 0 and feature(plain, "predicates_differ") == 1


def test_counts_with_a_generic_noun_count_what_their_predicate_says():
    def count(cid, sentence, noun, predicate):
        return claim(cid, sentence, unit="count", noun=noun, lang="en", predicate=" ".join(content_keys(predicate)))

    dead = count("x", "1", "people", "confirmed dead")
    missing = count("y", "2", "missing", "after ferry sank")
    rescued = count("y", "2", "people", "were rescued")
    killed = count("y", "2", "people", "were killed")
    assert not units_compatible(dead, missing) and not units_compatible(dead, rescued)
    assert units_compatible(dead, killed)


@pytest.mark.parametrize(
    "context, dated",
    [
        ("وقال المتحدث باسم الوزارة يوم … إن", True),
        ("وقَالَ المتحدث باسم الوزارة يومَ … إن", True),  # vowelled
        ("واضافت المتحدثة في … ان", True),  # no hamza on the alef
        ("وقال إن الانفجار وقع … بعد الظهر", False),
        ("وقال ان الانفجار وقع … بعد الظهر", False),
    ],
)
def test_a_date_after_a_verb_of_saying_in_any_spelling(context, dated):
    assert dates_a_statement(context) is dated


def test_an_amount_a_company_earns_is_not_one_it_gives_or_receives():
    def money(cid, sentence, concepts, agent="", patient="", actors=()):
        frame = {"unit_class": "money", "measured": "USD", "concepts": concepts, "agent": agent, "patient": patient, "role": ""}
        return {**claim(cid, sentence, context="مليون دولار", predicate=""), "frame": frame, "actors": list(actors)}

    revenue = money("x", "1", ["revenue"], agent="دينادور", actors=["دينادور"])
    received = money("y", "2", [], agent="دينادور", patient="شاريكس", actors=["دينادور", "شاريكس"])
    invested = money("y", "2", ["invest"], agent="دينادور", actors=["دينادور"])
    assert read_pair(revenue, received, V, TH) is None and read_pair(received, revenue, V, TH) is None
    assert read_pair(revenue, {**revenue, "id": "y", "sentence_id": "2", "context_hash": "c2", "sentence_hash": "s2"}, V, TH) is not None
    assert read_pair(revenue, invested, V, TH) is not None  # one party only: left to the slot model


def test_the_years_of_two_different_figures_of_a_series_are_not_one_date():
    """A date that dates a figure ("$370 million in 2019") is compared with another such
    date only when some figure of each agrees: two points of a series are two slots, the
    same figure with another year is a question of its year."""
    from factcheck.reconcile.slots import annotate_years

    def year(cid, sentence, source, date):
        return {**claim(cid, sentence, source=source, kind="date", context="ايراد عام", predicate="عام"), "unit": None, "date": date}

    def revenue(cid, sentence, source, value, date):
        frame = {"unit_class": "money", "measured": "USD", "concepts": ["revenue"], "role": "", "time": [date]}
        return {**claim(cid, sentence, source=source, value=value), "frame": frame}

    a = [year("x", "1", "a", "2019"), revenue("qa", "1", "a", 370e6, "2019")]
    series = [year("y", "2", "b", "2020"), revenue("qb", "2", "b", 550e6, "2020")]
    annotate_years(a + series)
    assert a[0]["dated_figures"] == [a[1]]
    assert read_pair(a[0], series[0], V, TH) is None
    wrong_year = [year("y", "2", "b", "2020"), revenue("qb", "2", "b", 370e6, "2020")]
    annotate_years(a + wrong_year)
    assert read_pair(a[0], wrong_year[0], V, TH) is not None
    undated = [year("y", "2", "b", "2020"), revenue("qb", "2", "b", 550e6, "2021")]  # its figure has another time
    annotate_years(a + undated)
    assert undated[0]["dated_figures"] == [] and read_pair(a[0], undated[0], V, TH) is not None
    # "about $370 million" (333 to 407) and "more than $280 million" (280 to 336) barely
    # touch, and neither figure lies in the other's reading: two points of a series
    about = [year("x", "1", "a", "2019"), {**revenue("qa", "1", "a", 370e6, "2019"), "qualifier": "approx"}]
    above = [year("y", "2", "b", "2020"), {**revenue("qb", "2", "b", 280e6, "2020"), "qualifier": "more_than", "high": None}]
    annotate_years(about + above)
    assert read_pair(about[0], above[0], V, TH) is None
    above[1]["low"] = above[1]["value"] = 350e6  # more than $350 million: 370 is what it says
    annotate_years(about + above)
    assert read_pair(about[0], above[0], V, TH) is not None


def test_revenue_compared_with_last_year_is_still_what_a_company_earns():
    """«مقابل» is "in exchange for" and "compared with" ("إيراداتها ارتفعت إلى 64 مليون دولار
    مقابل 51 مليون دولار في العام السابق"): a revenue sentence that uses it still never meets
    an amount one company gives another."""
    def money(cid, sentence, concepts, agent="", patient="", actors=()):
        frame = {"unit_class": "money", "measured": "USD", "concepts": concepts, "agent": agent, "patient": patient, "role": ""}
        return {**claim(cid, sentence, context="مليون دولار", predicate=""), "frame": frame, "actors": list(actors)}

    keys = content_keys("إيراداتها ارتفعت إلى 64 مليون دولار مقابل 51 مليون دولار")
    assert {"price", "revenue"} <= lexicon().concepts(keys)
    revenue = money("x", "1", ["price", "revenue", "rise"], patient="تاكو", actors=["تاكو"])
    received = money("y", "2", [], agent="ديسوكور", patient="تاكو", actors=["تاكو", "ديسوكور"])
    assert read_pair(revenue, received, V, TH) is None and read_pair(received, revenue, V, TH) is None
    sold = money("x", "1", ["price", "revenue"], agent="ديسوكور", patient="تاكو", actors=["تاكو", "ديسوكور"])
    assert read_pair(sold, received, V, TH) is not None  # a price one paid the other: not ruled out here


def test_the_dates_of_two_different_acts_are_not_one_slot():
    def dated(cid, source, context):
        return {**claim(cid, cid, source=source, kind="date", context="عقد الغاء", predicate="الغاء"), "unit": None, "date": "2026-06-16", "context": context}

    cancelled = dated("x", "a", "وكان فارنيتش نفسه قد ألغى في … العقد المبرم")
    also_cancelled = dated("y", "b", "أُلغي العقد المبرم مع كورفيل في …")
    announced = dated("y", "b", "وأعلنت الهيئة يوم … أن العقد المبرم")
    bare = dated("y", "b", "العقد المبرم مع كورفيل في …")
    assert date_acts(cancelled) == {"cancel"} and date_acts(announced) == {"announcement"} and not date_acts(bare)
    assert not date_acts({"context": "ووقع الحادث في … قرب الميناء"}) and date_acts({"context": "وقّعت الشركة في … عقداً"}) == {"sign"}
    assert read_pair(cancelled, also_cancelled, V, TH) is not None  # one act: compared
    assert read_pair(cancelled, announced, V, TH) is None  # a cancellation and an announcement
    assert read_pair(cancelled, bare, V, TH) is None  # an act against a date that names none
    assert read_pair({**bare, "id": "x", "source_id": "a", "sentence_id": "x"}, bare, V, TH) is not None  # no act on either side: as before
    # a word of decision or announcement is an act of its own where no act is named, or where it decides or announces one
    assert date_acts({"context": "The board voted on … to suspend the licence."}) == {"decision", "suspend"}
    assert date_acts({"context": "وأعلنت الهيئة يوم … إقالة المدير"}) == {"announcement", "dismiss"}
    # ... not beside another act: the checks confirmed, the work stopped
    stopped = dated("y", "b", "وكانت الهيئة قد أوقفت العمل في المحطة يوم …، بعدما أكدت فحوص المختبر وجود تركيز مرتفع")
    restarted = dated("x", "a", "أعيد تشغيل المحطة يوم … بعد أن أكد المختبر مطابقة المياه")
    assert date_acts(stopped) == {"suspend"} and date_acts(restarted) == {"announcement"}
    assert read_pair(restarted, stopped, V, TH) is None


def test_a_date_since_which_a_state_holds_is_compared_only_with_another():
    def dated(cid, source, context, quote="2019"):
        return {**claim(cid, cid, source=source, kind="date", context="رعاية الاتحاد الرئيسي", predicate="رعاية"), "unit": None, "date": "2019", "context": context, "quote": quote}

    since = dated("x", "a", "الراعي الرئيسي للاتحاد منذ … ، أمس الخميس انسحابها من عقد الرعاية")
    years = dated("x", "a", "الذي يقود المؤسسة … ، يمارس مهامه", quote="منذ تسع سنوات")
    signed = dated("y", "b", "وقّع الاتحاد … عقد رعاية جديداً")
    also_since = dated("y", "b", "راعي الاتحاد منذ … وحتى اليوم")
    assert starts_a_state(since) and starts_a_state(years) and starts_a_state(also_since) and not starts_a_state(signed)
    assert not starts_a_state(dated("z", "c", "واعتُقل منذ … في المطار", quote="منذ يومين"))  # an act in its clause: two days ago
    assert read_pair(since, signed, V, TH) is None and read_pair(signed, years, V, TH) is None
    assert read_pair(years, also_since, V, TH) is not None  # two states' beginnings: compared
    bare = dated("y", "b", "رعاية الاتحاد الرئيسي في …")
    assert not date_acts(years) and not date_acts(bare) and read_pair(years, bare, V, TH) is None  # no act either side: the beginning tells them apart


def test_what_a_date_dates_leaves_out_a_relative_clause_after_it_the_article_and_an_attributive_participle():
    assert not date_acts({"context": "أن تعقد المحكمة … أولى جلسات النظر في الدعوى التي رفعها النادي"})
    assert date_acts({"context": "وقّع الاتحاد لكرة القدم أول أمس … عقد رعاية"}) == {"sign"}  # «القدم» (the foot) is no «قدم»
    assert not date_acts({"context": "The federation's suspended secretary-general flew back on … and handed himself in"})
    assert date_acts({"context": "The board suspended the secretary-general on …"}) == {"suspend"}


def test_two_dates_whose_words_share_nothing_and_name_no_act_are_not_one_slot():
    def dated(cid, source, context, predicate):
        return {
            **claim(cid, cid, source=source, kind="date", context="union port worker strike", predicate=predicate, lang="en"),
            "unit": None, "date": "2025-10-07" if cid == "x" else "2025-10-17", "context": context,
        }  # fmt: skip

    walked = dated("x", "a", "its members walked off the job on … morning", "walk job")
    called_off = dated("y", "b", "the union called off the strike on … under an agreement", "call strike")
    assert not date_acts(walked) and not date_acts(called_off)
    assert read_pair(walked, called_off, V, TH) is None
    # a particle in common is no word in common: "walked off", "called off"
    called_off = dated("y", "b", "the union called off the strike on … under an agreement", "call off strike")
    assert read_pair(dated("x", "a", "its members walked off the job on … morning", "walk off job"), called_off, V, TH) is None
    # words in common around the dates: one happening, compared as before
    also_walked = dated("y", "b", "members walked off the job on …", "walk job")
    assert read_pair(walked, also_walked, V, TH) is not None
