"""Who asserts a claim: table tests in both languages through the whole extraction
(sentences, names, claims), quotations over several sentences, pronouns, addressees."""

from pathlib import Path

import pytest

from factcheck.claims.attribution import load_cues, quotations
from factcheck.claims.entities import default_aliases
from factcheck.claims.extract import analyse
from factcheck.errors import ConfigError
from factcheck.sources.model import Source


def attributed(text: str) -> list[tuple[str, str, str]]:
    """(quote, party, how) of every figure and event claim of ``text``."""
    source = Source(id="t", path="t.txt", format="txt", text=text, sha256="x", body_start=0)
    return [(c.quote, c.attribution.party, c.attribution.how) for c in analyse(source, default_aliases()).claims if c.kind != "date"]


CASES = [
    # -- English ---------------------------------------------------------------------------
    ("OpenAI said it raised less than $45 million from Musk.", [("less than $45 million", "OpenAI", "says")]),
    ("Musk says he gave about $100 million to the lab.", [("about $100 million", "Musk", "says")]),
    # the subject of the verb of saying speaks, not the subject of what it reports
    ("OpenAI said Musk contributed less than $45 million to the organisation.", [("less than $45 million", "OpenAI", "says")]),
    ("OpenAI says Elon Musk gave less than $45 million to the nonprofit.", [("less than $45 million", "OpenAI", "says")]),
    # a name set off by commas before the verb is its subject, not the name inside the apposition
    ("Musk, a co-founder of OpenAI, said he gave about $100 million.", [("about $100 million", "Musk", "says")]),
    ("Elon Musk, who co-founded the lab and was among its earliest backers, has said he gave about $100 million.", [("about $100 million", "Elon Musk", "says")]),
    ("The lab had 120 researchers in 2018, said Ilya Sutskever.", [("120", "Ilya Sutskever", "says")]),
    ('"We raised $45 million in the first year," Musk said.', [("$45 million", "Musk", "quote")]),
    # a quotation over two sentences, its speaker named before a colon; whom he wrote to is not the speaker
    (
        'Altman wrote to Musk: "For $10 million we can get $60 million of compute. We can also advise on Azure."',
        [("$10 million", "Altman", "quote"), ("$60 million", "Altman", "quote")],
    ),
    ("According to a court filing, Musk gave $44 million.", [("$44 million", "", "document")]),
    ("The company had 700 employees, according to Reuters.", [("700", "Reuters", "according_to")]),
    ("People familiar with the matter said the deal was worth $2 billion.", [("$2 billion", "", "anonymous")]),
    ("Shares of Acme rose 5% on Monday.", [("5%", "", "")]),  # the source's own statement
    # a pronoun refers back to the person named before, inside and outside quotation marks
    ("Sam Altman spoke to reporters on Monday. He said the company had 770 employees.", [("770", "Sam Altman", "says")]),
    ('Sam Altman met the board. "We have 770 employees," he said.', [("770", "Sam Altman", "quote")]),
    # "he" is the person a sentence names first (its subject), not one named inside a clause
    # of it; a lowercase word ("port") is no name however a name of the source is spelt
    (
        "Her predecessor, Halvern Drostik, whose dismissal by Minister Ilvane Varodine was made public, left the Ostrelmo Port Authority. "
        'The former port chief was defiant. "We are owed $5 million," he said.',
        [("$5 million", "Halvern Drostik", "quote")],
    ),
    ('Elon Musk left in 2018. In a post on X, he wrote: "I donated ~$100M. It is now worth $30B."', [("~$100M", "Elon Musk", "quote"), ("$30B", "Elon Musk", "quote")]),
    # "it" and "the company" as who speaks: the organisation named last, before a quotation too
    ('OpenAI replied on Tuesday. In a blog post, it wrote: "Musk gave less than $45M."', [("less than $45M", "OpenAI", "quote")]),
    ("OpenAI replied on Tuesday. It said Musk gave less than $45 million.", [("less than $45 million", "OpenAI", "says")]),
    # "it" that is no subject of the verb of saying names no one
    ("Sam Altman met the board. He said it cost $5 million.", [("$5 million", "Sam Altman", "says")]),
    # -- Arabic ----------------------------------------------------------------------------
    ("قال ألتمان إن الشركة تضم 770 موظفا.", [("770", "ألتمان", "says")]),
    # a two-word name between a verb of saying and its complementizer; not two common words
    ("وقال إيلون ماسك إنه تبرع بنحو 100 مليون دولار.", [("نحو 100 مليون دولار", "إيلون ماسك", "says")]),
    ("قال سام ألتمان إن الشركة تضم 770 موظفا.", [("770", "سام ألتمان", "says")]),
    ("وقالت مصادر مطلعة إن الصفقة بلغت 2 مليار دولار.", [("2 مليار دولار", "", "anonymous")]),
    ("وقال مسؤول كبير إن الشركة تضم 770 موظفا.", [("770", "", "")]),
    ("وبحسب تقارير صحفية، يوجد حاليا حوالي 700 موظف في الشركة.", [("حوالي 700", "", "anonymous")]),
    ("أفادت مصادر مطلعة بأن الصفقة بلغت 2 مليار دولار.", [("2 مليار دولار", "", "anonymous")]),
    ("تشير التقارير إلى أن الشركة تضم 700 موظف.", [("700", "", "anonymous")]),
    ("ارتفعت أسهم الشركة 5% يوم الاثنين.", [("5%", "", "")]),
    (
        'كتب ألتمان: "يمكننا الحصول على 60 مليون دولار من الحوسبة. ويمكننا دفع 10 ملايين دولار فقط."',
        [("60 مليون دولار", "ألتمان", "quote"), ("10 ملايين دولار", "ألتمان", "quote")],
    ),
    ('في رسالة إلى Musk، كتب ألتمان: "نحتاج إلى 100 مليون دولار."', [("100 مليون دولار", "ألتمان", "quote")]),
    ('كتب في رسالة: "نحتاج إلى 100 مليون دولار."', [("100 مليون دولار", "", "quote")]),  # a quotation whose writer is not named
    # «يُذكر أن» (it is said that) names no one: «ذكر» inside a word with marks is no verb of saying
    ("يُذكر أن دخل الشركة تجاوز 1.9 مليون دولار في عام 2016.", [("تجاوز 1.9 مليون دولار", "", "")]),
    # a name written elsewhere in the source in another script («ماسك» here, "Musk" there) speaks
    (
        'Musk left the board in 2018. أجاب ماسك: "ستكون قيمة الاتفاقية أكثر بكثير من 50 مليون دولار."',
        [("أكثر بكثير من 50 مليون دولار", "Musk", "quote")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:40] for t, _ in CASES])
def test_who_asserts_each_claim(text, expected):
    found = attributed(text)
    for row in expected:
        assert row in found, found


def test_an_unclosed_quotation_ends_before_the_narrator_names_its_speaker():
    # the closing mark is lost; the quotation does not swallow the narrator's next sentences
    text = 'أجاب Musk: "ستكون قيمة الاتفاقية أكثر من 50 مليون دولار. وهذا جيد. استثمر Musk ما بين 50 و100 مليون دولار في الشركة.'
    found = attributed(text)
    assert ("أكثر من 50 مليون دولار", "Musk", "quote") in found
    assert [how for quote, _, how in found if "100" in quote] == [""]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('He said: "one. two." Then', ['"one. two."']),
        ("قال: «واحد. اثنان» ثم", ["«واحد. اثنان»"]),
        ('A "nested "inner" quote" here', ['"nested "inner" quote"']),
        ('spaced " ماسك " is no quotation', []),
        ('open "never closed\nnext paragraph "x"', ['"never closed', '"x"']),
        ("5\" screen and 6' cable", []),
    ],
)
def test_quotations(text, quoted):
    assert [text[a:b] for a, b, _ in quotations(text)] == quoted


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("saying = 'said'\n", "saying must be a list of words"),
        ("talking = ['said']\n", "unknown list 'talking'"),
        ("saying = ['']\n", "saying must be a list of words"),
        ("saying = [\n", "attribution"),
    ],
)
def test_a_bad_attribution_file_is_one_line(tmp_path, content, message):
    path = tmp_path / "a.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_cues(path)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_a_user_list_extends_the_shipped_one(tmp_path):
    path = tmp_path / "a.toml"
    path.write_text("saying = ['opined']\n", encoding="utf-8")
    assert load_cues(path).find("saying", "Musk opined that")
    assert not load_cues(None).find("saying", "Musk opined that")


# en_disputes (tests/fixtures/corpora/en_disputes.expected.md, section 4, and the outlet's own
# figures of section 3): who asserts each figure, as written by the corpus's author
DISPUTES = Path(__file__).resolve().parents[1] / "fixtures" / "corpora" / "en_disputes"
EN_DISPUTES = [
    ("001_harbor_ledger.txt", "$12 million", "Ostrow"),
    ("001_harbor_ledger.txt", "no more than $2.5 million", "Brightwater"),
    ("002_valley_courier.txt", "More than 640", "Teresa Alvarado"),
    ("002_valley_courier.txt", "210", "Corvale"),
    ("003_northern_dispatch.txt", "20 percent", "Ostrow"),
    ("003_northern_dispatch.txt", "about $9 million", "Ostrow"),
    ("004_metro_wire.txt", "185", "Corvale Freight"),
    ("004_metro_wire.txt", "640", "United Warehouse Workers Local"),
    # the outlets' own figures, on the disputed quantities too
    ("001_harbor_ledger.txt", "about $6 million", ""),
    ("001_harbor_ledger.txt", "85", ""),
    ("002_valley_courier.txt", "about 200", ""),
    ("002_valley_courier.txt", "roughly 1,900", ""),
    ("003_northern_dispatch.txt", "about $4 million", ""),
    ("004_metro_wire.txt", "roughly 300", ""),
]


@pytest.mark.parametrize(("name", "quote", "party"), EN_DISPUTES, ids=[f"{n[:3]}-{q}" for n, q, _ in EN_DISPUTES])
def test_the_disputes_corpus_figures_belong_to_whoever_asserts_them(name, quote, party):
    path = DISPUTES / name
    source = Source(id=path.stem, path=name, format="txt", text=path.read_text(encoding="utf-8"), sha256="x", body_start=0)
    (claim,) = [c for c in analyse(source, default_aliases()).claims if c.quote == quote]
    assert claim.attribution.party == party
    assert claim.attribution.endorsed is (party == "")


def frames_of(text: str) -> list[tuple[str, str, str]]:
    """(quote, agent, patient) of every figure of ``text``."""
    source = Source(id="t", path="t.txt", format="txt", text=text, sha256="x", body_start=0)
    return [(c.quote, c.frame.agent, c.frame.patient) for c in analyse(source, default_aliases()).claims if c.kind == "quantity"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pronoun right after the verb of saying is the speaker: who gives, or who receives
        ("Elon Musk has said he invested about $100 million in OpenAI.", ("about $100 million", "Elon Musk", "OpenAI")),
        ("OpenAI said it received less than $45 million from Elon Musk.", ("less than $45 million", "Elon Musk", "OpenAI")),
        ("Daniel Ostrow wrote in a post on social media that he had invested about $9 million in Brightwater.", ("about $9 million", "Daniel Ostrow", "Brightwater")),
        ("قال ألتمان إنه تبرع بنحو 100 مليون دولار لشركة OpenAI.", ("نحو 100 مليون دولار", "ألتمان", "OpenAI")),
        ("وقالت OpenAI إنها تلقت أقل من 45 مليون دولار.", ("أقل من 45 مليون دولار", "", "OpenAI")),
        # not when the clause has a subject of its own, nor without a verb of saying
        ("OpenAI said Elon Musk gave less than $45 million.", ("less than $45 million", "Elon Musk", "")),
        ("Elon Musk left, and he invested $100 million elsewhere.", ("$100 million", "", "")),
    ],
    ids=lambda v: v[:40] if isinstance(v, str) else "",
)
def test_a_pronoun_after_a_verb_of_saying_is_the_speaker(text, expected):
    assert expected in frames_of(text), frames_of(text)
