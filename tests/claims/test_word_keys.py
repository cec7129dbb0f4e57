"""Word keys: the stems content words and the lexicon are matched by (factcheck/text/stems.py)."""

import pytest

from factcheck.claims.context import content_keys, word_key
from factcheck.claims.lexicon import Lexicon, lexicon
from factcheck.text.stems import STEMMER, arabic_stem, stem

# Forms that must share one key.
SAME = [
    # plural and singular of a counted noun
    ("employees", "employee", "Employees"),
    # one verb, any tense or person
    ("signed", "signing", "signs", "sign"),
    # The act and its amount are one key: "invested $10bn" and "an investment of $10bn"
    # measure the same thing. Porter2 gives them the stem "invest".
    ("invested", "investing", "invests", "invest", "investment", "investments"),
    ("investors", "investor"),
    ("elections", "election", "elected"),
    ("deaths", "death"),
    ("Altman's", "Altman", "Altman’s"),
    # Arabic: article, prepositions and conjunctions, plural and case endings, tanween,
    # an attached pronoun
    ("موظف", "موظفين", "الموظفين", "موظفا", "موظفاً", "لموظفي", "موظفي", "موظفون", "والموظفين",
     "بالموظفين", "للموظفين", "موظفوها"),
    # a verb in past and present, with the future prefix and a conjunction
    ("استثمر", "استثمرت", "يستثمر", "تستثمر", "ستستثمر", "سيستثمر", "واستثمرت"),
    # the verbal noun with its plural ات and pronouns
    ("استثمار", "استثمارات", "الاستثمار", "الاستثمارات", "واستثماراتهم", "استثماراته", "بالاستثمار"),
    # و as the word's own first letter ("وقعت", signed) and as a conjunction ("ووقعت")
    ("وقع", "وقعت", "ووقع", "ووقعت"),
    # ة and ه are one letter; a clitic does not wear the word down ("وشركة")
    ("شركة", "شركه", "الشركة", "شركات", "الشركات", "وشركة", "لشركة", "لشركته"),
    ("توقيع", "توقيعات", "التوقيعات"),
    ("إصابة", "إصابات", "الإصابات"),
    ("انتخابات", "الانتخابات"),
    ("قيمة", "قيمتها", "قيمته", "بقيمة"),
    ("كشف", "كشفت", "وكشفت"),  # ك as the word's own first letter
    ("مستثمر", "كمستثمر", "المستثمرين"),  # ك as "as"
    ("يبدو", "ويبدو"),
    ("أعلن", "أعلنت", "وأعلنت"),
    ("وفاة", "الوفاة"),
    ("سيارة", "سيارات"),  # not read as a future verb
]

# Words that begin alike but are different words: a fixed-length prefix made each pair
# one key.
DIFFERENT = [
    ("investigation", "investment"),
    ("investigators", "investors"),
    ("election", "electricity"),
    ("compensation", "competition"),
    ("interest", "international"),
    ("signature", "signal"),
    ("startup", "start"),
    ("انتشار", "انتشال"),  # spread / recovery (of bodies)
    ("اقتراع", "اقتراض"),  # ballot / borrowing
    ("اقتراح", "اقتراض"),  # proposal / borrowing
    ("اقتصاد", "اقتصار"),  # economy / limitation
    ("انتقال", "انتقاد"),  # transfer / criticism
    ("أعلن", "أعلى"),  # announced / highest: the last ن of أعلن is the root's
    ("يؤمن", "يوم"),  # believes / day
    ("ويبدو", "يبدأ"),  # it seems / starts
]

# Different stems that mean one thing in a figure's slot: the lexicon joins them.
# "employees" is who is counted, "employed" what a company does; Arabic keeps the verb
# and its verbal noun apart ("استثمرت" and "استثمار").
JOINED_BY_THE_LEXICON = [
    ("employees", "employed", "staff"),
    ("استثمرت", "استثمار", "invest"),
    ("قتيل", "قتلى", "dead"),
]


@pytest.mark.parametrize("forms", SAME, ids=lambda forms: forms[0])
def test_forms_of_one_word_share_a_key(forms):
    keys = {form: word_key(form) for form in forms}
    assert len(set(keys.values())) == 1, keys


@pytest.mark.parametrize("a, b", DIFFERENT)
def test_words_that_only_begin_alike_do_not(a, b):
    assert word_key(a) != word_key(b)


@pytest.mark.parametrize("a, b, concept", JOINED_BY_THE_LEXICON)
def test_the_lexicon_joins_what_stems_keep_apart(a, b, concept):
    lex = lexicon()
    assert word_key(a) != word_key(b)
    assert concept in lex.concepts([word_key(a)]) & lex.concepts([word_key(b)])


@pytest.mark.parametrize(
    "word, expected",
    [
        ("Investigation", "investig"),  # English: Snowball's Porter2
        ("والموظفين", "موظف"),
        ("لموظفي", "موظف"),  # Snowball alone keeps ل: the clitic goes first
        ("واستثماراتهم", "استثمار"),  # Snowball alone leaves "استثمارا"
        ("وقعت", "وقع"),
        ("موظفٌ", "موظف"),  # marks off
        ("ب", "ب"),
        ("في", "في"),  # too short to lose a letter
        ("Москва", "москва"),  # other scripts: normalised, unchanged
    ],
)
def test_stems(word, expected):
    assert stem(word) == expected


@pytest.mark.parametrize("word", ["ضحية", "وفي", "لقي", "هزة", "نما", "ضخ"])
def test_an_arabic_stem_keeps_three_letters_or_the_whole_word(word):
    key = word_key(word)
    assert len(key) >= 3 or key == arabic_stem(word)


def test_function_words_with_a_clitic_are_not_content_words():
    # "وفي" (and in) is also the stem of "وفيات" (deaths): as a function word it is no key.
    assert content_keys("وفي الوفيات") == [word_key("الوفيات")]
    assert content_keys("ولم بما فإن لأن") == []


def test_the_stemmer_version_is_recorded():
    from factcheck.claims.extract import EXTRACTOR_VERSION

    assert STEMMER.startswith("snowball-") and STEMMER in EXTRACTOR_VERSION


@pytest.mark.parametrize(
    "text, concept",
    [
        ("investments", "invest"),  # the lexicon lists "investment"
        ("signs", "signed"),
        ("والاستثمارات", "invest"),
        ("لاستثماراتها", "invest"),
        ("ووقعت", "signed"),
        ("بالتوقيعات", "signed"),
        ("وارتفعت", "rise"),
        ("evacuees", "displaced"),
    ],
)
def test_the_lexicon_matches_inflected_forms(text, concept):
    assert concept in lexicon().concepts(content_keys(text))


@pytest.mark.parametrize(
    "text, concept",
    [
        ("investigation", "invest"),
        ("investigators", "invest"),
        ("electricity", "election"),
        ("competition", "pay"),  # "compensation" is pay
        ("international", "interest_rate"),
        ("startup", "start"),
        ("sales", "price"),  # revenue, not a price
        ("اقتراض", "election"),  # borrowing, not a ballot
        ("الأعلى", "announced"),
        ("ويبدو", "start"),
    ],
)
def test_the_lexicon_does_not_match_words_that_only_begin_alike(text, concept):
    assert concept not in lexicon().concepts(content_keys(text))


@pytest.mark.parametrize(
    "noun, group",
    [("الموظفين", "staff"), ("لموظفيها", "staff"), ("employee", "staff"), ("بالإصابات", "injured"), ("الوفيات", "dead")],
)
def test_counted_nouns_find_their_group_through_stems(noun, group):
    assert lexicon().group(noun) == group


def test_a_user_lexicon_is_keyed_by_the_same_stems(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text('[[concept]]\nname = "tariff"\nwords = ["tariffs", "رسوم"]\n', encoding="utf-8")
    lex = Lexicon.load(extra)
    assert lex.concepts(content_keys("a tariff")) == {"tariff"}
    assert lex.concepts(content_keys("والرسوم")) == {"tariff"}
