"""Names found without any alias file: Latin capitals, Arabic cue words, rarity, the source's own names."""

import pytest

from factcheck.claims.entities import AliasTable
from factcheck.claims.name_cues import english_is_common, name_cues


@pytest.fixture(scope="module")
def table() -> AliasTable:
    return AliasTable([])  # no alias at all


def figures(text):
    """The quantity claims of a one-sentence source, read with no alias file."""
    from factcheck.claims.extract import analyse
    from factcheck.sources.model import Source

    analysis = analyse(Source(id="s", path="-", format="txt", text=text, sha256=""), AliasTable([]))
    return [c for c in analysis.claims if c.kind == "quantity"]


def found(table, text, known=None):
    entities = table.find(text, known)
    for e in entities:
        assert text[e.char_start : e.char_end] == e.surface
    spans = [(e.char_start, e.char_end) for e in entities]
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:])), "entities overlap"
    return [(e.canonical, e.type) for e in entities]


@pytest.mark.parametrize(
    "text, expected",
    [
        # cue words: a kind of company, a title, with or without a clitic on the cue
        ("استثمرت شركة نوران 40 مليون دولار في سالكو", [("نوران", "organisation"), ("سالكو", "name")]),
        ("قال السيد فهد العتيبي إن الأرباح ارتفعت", [("فهد العتيبي", "person")]),
        ("وباعت لشركة نوران حصتها", [("نوران", "organisation")]),
        ("أعلنت مجموعة كيستريل داينامكس عن صفقة", [("كيستريل داينامكس", "organisation")]),
        ("قال وزير المالية محمد الجدعان إن العجز تراجع", [("محمد الجدعان", "person")]),
        ("وقال الرئيس التنفيذي لنوردفيك، أندرش ليندكفيست، إن الشراكة مهمة", [("نوردفيك", "organisation"), ("أندرش ليندكفيست", "person")]),
        ("وقال الرئيس التنفيذي للصندوق، خالد المنصوري، إن الاستثمار مربح", [("خالد المنصوري", "person")]),
        ("رست السفينة في ميناء ديمار أمس", [("ديمار", "place")]),
        ("وصوّت مجلس مدينة حرمزة على القرار", [("حرمزة", "organisation")]),  # the city's council
        # rare words, clitics off: "وسالكو", "بديمار"
        ("استحوذت نوران على وسالكو وبديمار", [("نوران", "name"), ("سالكو", "name"), ("ديمار", "name")]),
        # a cue followed by common words names nothing
        ("استثمرت شركة ناشئة 5 ملايين دولار", []),
        ("وقال الرئيس إن الاقتصاد ينمو", []),
        ("تعمل شركة قابضة في المنطقة", []),
        # a title without the article is followed by what it heads
        ("انضم رئيس Twitch السابق", [("Twitch", "name")]),
        # Latin-script names inside Arabic text take the type of their cue
        ("استثمرت شركة Nortek في سالكو", [("Nortek", "organisation"), ("سالكو", "name")]),
        ("لا أسماء في هذه الجملة", []),
        # a company named by its trade or legal form after it, not by a cue before it
        ("وقّع 1700 من موظفي نيتك للأدوية على رسالة", [("نيتك", "organisation")]),
        ("أعلنت تاكو للنسيج القابضة عن إيرادات", [("تاكو", "organisation")]),
        ("بلغت إيرادات مادوفيا القابضة 5 ملايين دولار", [("مادوفيا", "organisation")]),
        # foreign names in Arabic letters that word lists know, never with the article
        ("التقى بومبيو نظيره في منبج", [("بومبيو", "name"), ("منبج", "name")]),
        ("وقالت نتفليكس إن عدد المشتركين ارتفع", [("نتفليكس", "speaker")]),
        # ... but rare verb forms and inflected words are no names
        ("يواجهن صعوبات كبيرة", []),
        ("ستحترم الحكومة الاتفاق", []),
        ("أجهضت الشرطة المحاولة", []),
        ("ضخّت الشركة 40 مليون دولار", []),
        ("تحث الأمم المتحدة الأطراف", []),
        ("روين قصصهن للصحفيين", []),
        ("وقالت إن أهدافك واضحة وسيرتك معروفة", []),
        ("وقال موظفو الشركة إن رؤسائه غادروا", []),
        # ... but a common noun before a trade is no name, nor is a cue word
        ("أعلنت الحكومة عن خطة للاستثمار في المصانع", []),
        ("وقعت وزارة للطاقة اتفاقاً", []),
        ("تنفذ مشاريع للطاقة في المنطقة", []),
        # the one word between a verb of saying or announcing and its complementizer is who
        # speaks, even a word a list knows or one that looks inflected
        ("قالت راتون إن إيراداتها ارتفعت", [("راتون", "speaker")]),
        ("أعلنت تونكس عن إيرادات قياسية", [("تونكس", "name")]),
        # ... and the one word after a verb that opens its sentence, before a function word
        ("استثمرت توتك قرابة 350 مليون دولار", [("توتك", "name")]),
        # a و that opens a sentence is the conjunction when the name reads as rare either way
        ("وريران تضم حالياً 1711 موظفاً", [("ريران", "name")]),
        ("وضخت راتون نحو 40 مليون دولار", [("راتون", "name")]),
        ("زار بوتيل الصين أمس", [("بوتيل", "name")]),
        # ... but not a common word, nor one with the article
        ("استثمرت شركات نحو 5 ملايين دولار", []),
        ("وارتفعت إيرادات الشركة بنحو 5%", []),
        ("أكدت مصادر أن الصفقة تمت", []),
        ("قالت مصادر إن الشركة تراجعت", []),
        ("قال مسؤولون إن 30 شخصا أصيبوا", []),
        ("قالت الحكومة إن العجز تراجع", []),
        # a given name and a family name after it: a person with no title before
        ("تملك لينا خوري 17% من أسهم ديدور", [("لينا خوري", "person"), ("ديدور", "name")]),
        ("يملك هاني حداد، أحد المؤسسين، حصة في الشركة", [("هاني حداد", "person")]),
        ("ووقع سامي بن سالم الاتفاق", [("سامي بن سالم", "person")]),
        # ... but a given name alone, or before a common word, a verb, the article, a
        # trade, or «على» read as «علي», names no one
        ("قال أحمد إن الأرقام صحيحة", []),
        ("حصلت الأسرة على عيش كريم بعد الأزمة", []),
        ("كانت منى الحجاج كبيرة", []),
        ("تحقق هدى يعمل بها الناس", []),
        ("قدّمت شركة داريميس تمويلاً بقيمة 120 مليون دولار", [("داريميس", "organisation")]),
        # a rare word that only looks like a common word's stem with a pronoun is a name
        # («روماك»: «الروم» is common, «روماك» is not); a common noun's inflection is met
        # as a word and names no one («موظفيها»)
        ("ضخّت دارتاتال 327 مليون دولار في شركة روماك", [("دارتاتال", "name"), ("روماك", "organisation")]),
        ("وقعت شركة نوران اتفاقاً مع موظفيها", [("نوران", "organisation")]),
        # a word shaped like a masculine plural with a feminine singular verb is a name
        ("قالت ميتون إن إيراداتها ارتفعت", [("ميتون", "speaker")]),
        ("وميتون تضم حالياً 500 موظفاً", [("ميتون", "name")]),
        ("وموظفون تظاهروا أمس", []),  # a plural verb: the plural it looks like
        ("قال مسؤولون إن 5 أشخاص قتلوا", []),
        # where no verb can stand (after a measure's noun, a preposition) a verb's look, or
        # after a preposition a plural's, does not count against a name
        ("بلغت إيرادات تونكس قرابة 380 مليون دولار", [("تونكس", "name")]),
        ("استثمرت شركة تودال 160 مليون دولار في راتون", [("تودال", "organisation"), ("راتون", "name")]),
        # a subject between the verb that opens the clause and the figure
        ("استثمرت تونكس 91 مليون دولار في شركة شوريريكس للخدمات اللوجستية", [("تونكس", "name"), ("شوريريكس", "organisation")]),
        ("قتل مسلحون 5 أشخاص", []),
        ("ارتفعت أسعار 5 سلع", []),
        # a family name that is also a past-tense verb ends before the name's own verb
        ("قالت سوريكس إن رامي فرح يسيطر على 28% من أسهمها", [("سوريكس", "speaker"), ("رامي فرح", "person")]),
        # a family name with the article: a nisba, or a word too rare to be a common noun
        ("اعتقلت الشرطة رفيق اللطوش أمس", [("رفيق اللطوش", "person")]),
        ("قال أحمد الرئيس إن الأرباح ارتفعت", []),
        # titles of sport and office announce a person
        ("قال المدرب باسل القرنوبي إن اللاعبين مستعدون", [("باسل القرنوبي", "person")]),
        # after a title and a given name, a family name that is a trade is a name; an adjective or a weekday is not
        ("أقال المجلس مدير الصيانة نبيل الصراف", [("نبيل الصراف", "person")]),
        ("عيّن المجلس المدير نبيل المؤقت", [("نبيل", "person")]),
        ("قال المدير نبيل الخميس إن الأرباح ارتفعت", [("نبيل", "person")]),
        ("وأقال المجلس نبيل الصراف", []),  # no title: a given name and a common word name no one
        # where the title is held, between it and the name
        ("أقال المجلس مدير الصيانة في الشركة نبيل الصراف", [("نبيل الصراف", "person")]),
        ("قال المدير في الشركة إن الأرباح ارتفعت", []),
        # a name in quotation marks after its kind, whatever its words
        ("أقالت شركة «طيران الساحل» المدير", [("طيران الساحل", "organisation")]),
        ('وقّعت شركة "الجسر للهندسة" العقد', [("الجسر للهندسة", "organisation")]),
        ("وقالت شركة «إننا لن نغادر» في بيان", []),  # a quotation, not a name
        # a listed first name after a title, whatever its other readings; the holder after a quoted organisation
        ("قدّم الرئيس التنفيذي كريم عبد النور استقالته", [("كريم عبد النور", "person")]),
        ('قدّم الرئيس التنفيذي لشركة "ساحل موبايل" نبيل الصراف استقالته', [("ساحل موبايل", "organisation"), ("نبيل الصراف", "person")]),
        # a preposition glued to a common word with the article is no name in a subject's slot
        ("وقّع بنك مايكروسوفت، أمس، اتفاقاً للاستحواذ على شبكة فروع", [("مايكروسوفت", "organisation")]),
        # a common word between an organisation's kind and its trade names it; an adjective
        # agreeing with the kind does not
        ("رفعت النقابة دعوى ضد شركة تلال للفوسفات", [("تلال", "organisation")]),
        ("تأسست شركة وطنية للنفط", []),
        ("أنشأت الحكومة بنكاً عربياً للاستثمار وشركة عامة للتعدين", []),
        # a name set off before its title (the title after a comma says who the words are)
        ("اعتقلت الشرطة الأربعاء ماريك تولين، المشرف على الوردية في المحطة", [("ماريك تولين", "person")]),
        ("أوقفت الشرطة إينيس فارو، مديرة السلامة", [("إينيس فارو", "person")]),
        ("قال مصدر مطلع، رئيس القسم", []),  # common words before the title
        ("وأضاف المتحدث، الرئيس التنفيذي", []),
        # after a title, a common word before a family name no word list holds is a given name
        ("قالت الوزيرة حليمة سورانت إن المياه آمنة", [("حليمة سورانت", "person")]),
        ("قالت الوزيرة المكلفة إن المياه آمنة", []),
        # a title's field joined by و is still the title's
        ("لم تمثل وزيرة المياه والبنية التحتية حليمة سورانت أمام اللجنة", [("حليمة سورانت", "person")]),
        # a body of the state named by what it does: its kind and the words with the article,
        # up to a word of time; a proper name after the kind is the name, as before
        ("وكانت هيئة السلامة البحرية قد علّقت الترخيص", [("هيئة السلامة البحرية", "organisation")]),
        ("أعلنت وزارة النقل الأربعاء أنها ستحقق في الحادث", [("وزارة النقل", "organisation")]),
        ("وقالت هيئة مياه أوستريل إنها أغلقت المحطة", [("أوستريل", "name")]),  # as before: the proper name
        ("قالت الوزارة إنها ستحقق", []),  # the ministry already named
    ],
)
def test_arabic_names(table, text, expected):
    assert found(table, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a common word starting a sentence is not a name; a rare one is
        ("Shares of Nortek fell 5% on Monday.", [("Nortek", "name")]),
        ("He said that Revenue fell.", [("Revenue", "name")]),  # capitalised mid-sentence: a name
        ("Nortek fell 5% on Monday.", [("Nortek", "name")]),
        ("Revenue at Alder Mining rose.", [("Alder Mining", "organisation")]),
        ("Summit Copper said output rose.", [("Summit Copper", "speaker")]),
        # ... unless, not a plural, it gives, gets or holds on its own: a singular noun
        # would take an article there
        ("Tidal received $432 million from Raran.", [("Tidal", "name"), ("Raran", "name")]),
        ("Tidal has put some $95 million into Raran.", [("Tidal", "name"), ("Raran", "name")]),
        ("Investors put $5 million into Raran.", [("Raran", "name")]),
        ("Funding received from donors reached $5 million.", []),
        # names as common abroad as at home are not translated: Microsoft is a name
        ("Microsoft invested $10 billion in OpenAI.", [("Microsoft", "name"), ("OpenAI", "name")]),
        # joiners, possessives, titles
        ("Officials of the Bank of Ireland met.", [("Bank of Ireland", "organisation")]),
        ("Nortek's chief executive Jane Doe met Fahd al-Otaibi in Riyadh.", [("Nortek", "name"), ("Jane Doe", "person"), ("Fahd al-Otaibi", "name"), ("Riyadh", "place")]),
        ("Nine pupils were ill, said Lena Okafor of Acme.", [("Lena Okafor", "speaker"), ("Acme", "name")]),
        ("Mr. Smith resigned from Johnson & Johnson.", [("Smith", "person"), ("Johnson & Johnson", "name")]),
        ("General Motors sold 40 cars.", [("General Motors", "organisation")]),
        ("Forty were taken to hospitals in Port Caddell and Ashby.", [("Port Caddell", "place"), ("Ashby", "place")]),
        # a comma continues a list of places, or ends a place put first before the subject
        ("The depot in Wexmoor County, Ashby, burned.", [("Wexmoor County", "place"), ("Ashby", "place")]),
        ("In Port Caddell, Jane Doe resigned on Monday.", [("Port Caddell", "place"), ("Jane Doe", "name")]),
        ("Staff at Nortek and at the Brenner Agrochem depot left.", [("Nortek", "name"), ("Brenner Agrochem", "place")]),
        ("The board met in November.", []),
        # "said" before a name that goes on with its own verb: who acts, not who speaks
        ("Nalador said Lina Farah controls 23 percent of its shares.", [("Nalador", "speaker"), ("Lina Farah", "name")]),
        ("Profits rose, said Lena Okafor.", [("Lena Okafor", "speaker")]),
        # a person's title in apposition says she is a person, speaking or not
        ("Profits rose, said Lena Okafor, a spokeswoman.", [("Lena Okafor", "person")]),
        ("Dario Venkel, the utility's chief executive, faced pressure.", [("Dario Venkel", "person")]),
        ("Nortek, its director said, will grow.", [("Nortek", "name")]),  # the organisation's own director
        # money put into a company: the company is not a place
        ("Ravo Foods has put $207 million into Nisrix.", [("Ravo Foods", "organisation"), ("Nisrix", "name")]),
        ("Forty people were taken into Ashby.", [("Ashby", "place")]),
        # a title inside a run of capitalised words, or opening the sentence, is not the name
        ("Higher Education Minister Nizar Shammoukh spoke.", [("Nizar Shammoukh", "person")]),
        ("Striker Khalil Sabarni scored twice.", [("Khalil Sabarni", "person")]),
        ("General Secretary Rana Kiswadi resigned.", [("Rana Kiswadi", "person")]),
    ],
)
def test_english_names(table, text, expected):
    assert found(table, text) == expected


@pytest.mark.parametrize("word, common", [("Shares", True), ("Officials", True), ("Revenue", True), ("The", True), ("However", True),
                                          ("Nortek", False), ("Microsoft", False), ("Tesla", False), ("Lumora", False)])
def test_english_is_common(word, common):
    assert english_is_common(word, name_cues()) is common


def test_a_name_a_source_writes_after_a_cue_is_a_name_everywhere_in_it(table):
    sentences = ["استثمرت شركة نوران 40 مليون دولار.", "وارتفعت أرباح نوران 10%."]
    assert found(table, sentences[1]) == []  # alone, "نوران" is too common a word to be sure of
    known = table.names_in(sentences)
    assert found(table, sentences[1], known) == [("نوران", "organisation")]


def test_an_arabic_spelling_of_a_latin_name_in_the_same_source_is_that_name(table):
    sentences = ["Sam Altman returned to OpenAI.", "وقال مقربون إن ألتمان عاد إلى منصبه."]
    assert found(table, sentences[1]) == []
    known = table.names_in(sentences)
    assert found(table, sentences[1], known) == [("ألتمان", "name")]


def test_an_acronym_the_source_spells_out_names_the_organisation(table):
    sentences = ["The Ostrel Water Authority (OWA) said the leak was contained.", "OWA filed a lawsuit on Monday.", "The Bank of Tevara (BT) said nothing."]
    assert found(table, sentences[1]) == [("OWA", "name")]
    known = table.names_in(sentences)
    assert found(table, sentences[1], known) == [("Ostrel Water Authority", "organisation")]
    assert found(table, "BT cut rates.", known) == [("Bank of Tevara", "organisation")]  # a joiner has no initial
    # letters in brackets that are not the name's initials are no acronym of it
    assert "XY" not in table.names_in(["The Ostrel Water Authority (XY) said."]).acronyms


def test_a_surname_alone_is_the_person_the_source_named_in_full(table):
    sentences = ["Water Minister Halima Sorrant visited the plant.", "Sorrant suspended Venkel on Saturday."]
    assert found(table, sentences[1])[0] == ("Sorrant", "name")
    known = table.names_in(sentences)
    assert found(table, sentences[1], known)[0] == ("Halima Sorrant", "person")
    # two people of one family name: the name alone is neither
    known = table.names_in(["Minister Halima Sorrant spoke.", "Senator Piet Sorrant spoke.", "Sorrant resigned."])
    assert found(table, "Sorrant resigned.", known) == [("Sorrant", "name")]


def test_who_is_quoted_does_not_act():
    from factcheck.claims.extract import analyse
    from factcheck.sources.model import Source

    text = "قال السيد فهد العتيبي إن شركة نوران استثمرت 40 مليون دولار في سالكو."
    analysis = analyse(Source(id="s", path="-", format="txt", text=text, sha256=""), AliasTable([]))
    (claim,) = analysis.claims
    assert claim.entities == ["سالكو", "فهد العتيبي", "نوران"]
    assert claim.actors == ["سالكو", "نوران"]
    assert {e["canonical"]: e["type"] for e in analysis.entities} == {"فهد العتيبي": "person", "نوران": "organisation", "سالكو": "name"}


def test_the_cue_words_are_data():
    from factcheck.text.normalize import normalize_for_match

    cues = name_cues()
    assert tuple(normalize_for_match("الرئيس التنفيذي").split()) in cues.ar_person_cues and ("السيد",) in cues.ar_person_cues
    assert "شركه" in cues.ar_organisation_cues  # as normalize_for_match writes شركة
    assert "mining" in cues.en_organisation_suffixes and len(cues.fingerprint) == 16


@pytest.mark.parametrize(
    "text, actors",
    [
        # a speaker whose own figure the sentence gives is also who acts
        ("Murtra said its revenue fell to $37 million in 2023.", ["Murtra"]),
        ("قالت شركة زيتاترا إن إيراداتها ارتفعت إلى 277 مليون دولار.", ["زيتاترا"]),
        # a speaker who only reports is not
        ("Murtra said revenue at Targen fell to $37 million in 2023.", ["Targen"]),
        ("قال السيد فهد العتيبي إن شركة نوران استثمرت 40 مليون دولار.", ["نوران"]),
        # a person's "ـها" may be anyone's: an Arabic person speaker stays a speaker
        ("قالت السيدة منى حداد إن إيراداتها بلغت 40 مليون دولار.", []),
    ],
)
def test_a_speaker_who_owns_the_figure_acts(text, actors):
    assert figures(text)[0].actors == actors


@pytest.mark.parametrize(
    "text, obj",
    [
        # the speaker who owns the figure is whose it is
        ("Shagen said Tariq Haddad controls 20 percent of its shares.", "Shagen"),
        ("قالت شركة ريران إن لينا منصور تسيطر على نحو 19% من أسهمها.", "ريران"),
        # a name bound to the figure comes first
        ("Shagen said it put $20 million into Ravo.", "Ravo"),
        ("Murtra said revenue at Targen fell to $37 million.", ""),
    ],
)
def test_whose_figure_a_speaker_owns(text, obj):
    assert figures(text)[0].object == obj


@pytest.mark.parametrize(
    "text, roles",
    [
        # the names bound to the figure on either side
        ("Ridex Pharma has put $160 million into Shamar Contracting.", ("Ridex Pharma", "Shamar Contracting")),
        ("Zebel received $380 million from Nerolix.", ("Zebel", "Nerolix")),
        ("استثمرت شركة نوران 40 مليون دولار في سالكو.", ("نوران", "سالكو")),
        # the subject is not a name a preposition leads to
        ("It sold a stake to Murjan Capital for $2.5 billion.", ("", "")),
        ("The workforce of Alder Mining stands at 700 people.", ("Alder Mining", "")),
        ("Of the 5349 people employed by Alder Mining, 1529 signed.", ("", "Alder Mining")),
        ("Revenue at Alder Mining reached $40 million.", ("Alder Mining", "")),
        # an Arabic company's trade and legal form are part of how it is written, not words
        # between it and the figure
        ("قدّمت سالدال للطاقة القابضة تمويلاً بقيمة 275 مليون دولار لتيناتال.", ("سالدال", "لتيناتال")),
        ("قدّمت سالدال وشركاؤها في السوق تمويلاً بقيمة 275 مليون دولار لتيناتال.", ("", "لتيناتال")),
        # ... and so is a short apposition set off by commas
        ("يملك هاني حداد، أحد المؤسسين، حصة تبلغ 37% في ديفو.", ("هاني حداد", "ديفو")),
        ("Acme, which employs many people in three countries and pays them well, has 700 staff.", ("", "")),
        # articles and "of" do not count between a subject that opens its sentence and its figure
        ("Tariq Haddad, one of the founders, holds a stake of 24 percent in Darotal.", ("Tariq Haddad", "Darotal")),
        # ... but they do count for a name further on
        ("Lumora is being sold to the chipmaker Veradyne in a deal worth $1.4 billion.", ("", "")),
        # a family name that is also a past-tense verb («فرح»، «عوض») ends its phrase
        ("تملك منى فرح 18 في المئة من أسهم زيبيل.", ("منى فرح", "زيبيل")),
    ],
)
def test_roles_follow_prepositions(text, roles):
    claim = figures(text)[0]
    assert (claim.subject, claim.object) == roles
