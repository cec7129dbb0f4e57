"""Money as newsrooms write it, in Arabic and English: currencies before or after the number,
signs and abbreviations, ISO codes or families (docs/parsing.md, "Money"), amounts in two
units, subunits, scales and ranges; the currencies file; which amounts compare."""

import pytest
from babel.numbers import get_territory_currencies

from factcheck.claims.entities import default_aliases
from factcheck.claims.extract import analyse
from factcheck.claims.money import Currencies, currencies, parse_currencies
from factcheck.claims.quantities import extract_quantities
from factcheck.errors import ConfigError
from factcheck.reconcile.blocking import frame_keys
from factcheck.reconcile.slots import units_compatible
from factcheck.sources.model import Source


def money(text: str, **kw) -> list[tuple]:
    """(quote, value, low, high, unit) of every quantity in ``text``."""
    out = []
    for q in extract_quantities(text, **kw):
        assert text[q.char_start : q.char_end] == q.quote
        out.append((q.quote, q.value, q.low, q.high, q.unit))
    return out


def M(quote, value, unit):
    return (quote, value, value, value, unit)


def R(quote, low, high, unit):
    return (quote, None, low, high, unit)


def table(cases):
    return pytest.mark.parametrize("text, expected", cases, ids=[c[0][:60] for c in cases])


# -- Signs, codes and names, before or after the number, glued or spaced -------------------

WRITTEN = [
    ("The start-up raised $10 in tips.", [M("$10", 10, "USD")]),
    ("Tickets cost 10$ each.", [M("10$", 10, "USD")]),
    ("Tickets cost 10 $ each.", [M("10 $", 10, "USD")]),
    ("The fund took a US$5m stake.", [M("US$5m", 5e6, "USD")]),
    ("Siemens booked €3.2bn in orders.", [M("€3.2bn", 3.2e9, "EUR")]),
    ("Entry costs 20 € per person.", [M("20 €", 20, "EUR")]),
    ("The club paid £1.5 million for the striker.", [M("£1.5 million", 1.5e6, "GBP")]),
    ("Ottawa set aside C$300 million for the bridge.", [M("C$300 million", 3e8, "CAD")]),
    ("Qantas posted a profit of A$2.5 billion.", [M("A$2.5 billion", 2.5e9, "AUD")]),
    ("The tower sold for HK$10 billion.", [M("HK$10 billion", 1e10, "HKD")]),
    ("Aramco will pay SR1.5 billion in dividends.", [M("SR1.5 billion", 1.5e9, "SAR")]),
    ("The ministry allocated QR10 million to the project.", [M("QR10 million", 1e7, "QAR")]),
    ("The fine is KD 5,000.", [M("KD 5,000", 5000, "KWD")]),
    ("Bahrain's deficit narrowed to BD1.2 billion.", [M("BD1.2 billion", 1.2e9, "BHD")]),
    ("Rents rose by JD50 a month.", [M("JD50", 50, "JOD")]),
    ("The port will cost RO 300 million.", [M("RO 300 million", 3e8, "OMR")]),
    ("Bread now costs LE2 a loaf.", [M("LE2", 2, "EGP")]),
    ("The bank lent E£10 million to farmers.", [M("E£10 million", 1e7, "EGP")]),
    ("The contract is worth OMR 500 million.", [M("OMR 500 million", 5e8, "OMR")]),
    ("The contract is worth 500 million OMR.", [M("500 million OMR", 5e8, "OMR")]),
    ("A fine of 500 KD.", [M("500 KD", 500, "KWD")]),
    ("They printed 10 QR codes for the stand.", [("10", 10, 10, 10, "count")]),
    ("He scored 10 TL goals.", [("10", 10, 10, 10, "count")]),
    ("Loans reached 5 billion RMB in 2023.", [M("5 billion RMB", 5e9, "CNY")]),
    ("Shares rose to 5 billion RMB.", [M("5 billion RMB", 5e9, "CNY")]),
    ("The deal is valued at 2.4 billion Saudi riyals.", [M("2.4 billion Saudi riyals", 2.4e9, "SAR")]),
    ("He was released on bail of 50,000 Kuwaiti dinars.", [M("50,000 Kuwaiti dinars", 5e4, "KWD")]),
    ("Each family receives 500 Jordanian dinars.", [M("500 Jordanian dinars", 500, "JOD")]),
    ("Losses reached 20 million Egyptian pounds.", [M("20 million Egyptian pounds", 2e7, "EGP")]),
    ("A loaf costs 100,000 Lebanese pounds.", [M("100,000 Lebanese pounds", 1e5, "LBP")]),
    ("A coffee costs 15 Turkish lira.", [M("15 Turkish lira", 15, "TRY")]),
    ("The bank holds 3 billion Swiss francs.", [M("3 billion Swiss francs", 3e9, "CHF")]),
    ("Exports reached 5 billion yuan.", [M("5 billion yuan", 5e9, "CNY")]),
    ("The fine was 2 billion roubles.", [M("2 billion roubles", 2e9, "RUB")]),
    ("He was fined 500 pounds sterling.", [M("500 pounds sterling", 500, "GBP")]),
    ("She paid 300 British pounds.", [M("300 British pounds", 300, "GBP")]),
    ("بلغت رسوم الدخول 20 يورو للشخص", [M("20 يورو", 20, "EUR")]),
    ("بلغت الغرامة 500 أورو", [M("500 أورو", 500, "EUR")]),
    ("خصصت البلدية 3 ملايين أورو للمشروع", [M("3 ملايين أورو", 3e6, "EUR")]),
    ("اشترى الهاتف بـ10$ فقط", [M("10$", 10, "USD")]),
    ("بلغت قيمة الصفقة 1.5 مليار دولار", [M("1.5 مليار دولار", 1.5e9, "USD")]),
    ("بلغ سعر الكيس 500 ر.س في المتجر", [M("500 ر.س", 500, "SAR")]),
    ("بيعت التذكرة بـ500 ج.م فقط", [M("500 ج.م", 500, "EGP")]),
    ("تبلغ الرسوم 200 د.إ سنويا", [M("200 د.إ", 200, "AED")]),
    ("تبلغ المخالفة 50 د.ك للمرة الأولى", [M("50 د.ك", 50, "KWD")]),
    ("ارتفع سعر الحليب إلى 1000 دج للتر", [M("1000 دج", 1000, "DZD")]),
    ("استثمرت الشركة 500 دينار أردني", [M("500 دينار أردني", 500, "JOD")]),
    ("بقيمة 3 ملايين دينار كويتي", [M("3 ملايين دينار كويتي", 3e6, "KWD")]),
    ("دفع مئة ألف ريال سعودي", [M("مئة ألف ريال سعودي", 1e5, "SAR")]),
    ("تكلف 5 ملايين ريال قطري", [M("5 ملايين ريال قطري", 5e6, "QAR")]),
    ("منحة قدرها 200 مليون درهم إماراتي", [M("200 مليون درهم إماراتي", 2e8, "AED")]),
    ("غرامة قدرها 10 آلاف درهم مغربي", [M("10 آلاف درهم مغربي", 1e4, "MAD")]),
    ("رصدت 100 ألف جنيه مصري", [M("100 ألف جنيه مصري", 1e5, "EGP")]),
    ("خسر 2 مليار جنيه إسترليني", [M("2 مليار جنيه إسترليني", 2e9, "GBP")]),
    ("تبرع بـ100 ألف ليرة لبنانية", [M("100 ألف ليرة لبنانية", 1e5, "LBP")]),
    ("دفع ثلاثة آلاف دينار تونسي", [M("ثلاثة آلاف دينار تونسي", 3e3, "TND")]),
    ("قيمتها خمسون ديناراً ليبياً", [M("خمسون ديناراً ليبياً", 50, "LYD")]),
    ("بلغت 50 مليون ريال عماني", [M("50 مليون ريال عماني", 5e7, "OMR")]),
    ("بلغت 40 مليار ريال يمني", [M("40 مليار ريال يمني", 4e10, "YER")]),
    ("ارتفعت إلى 5 آلاف ليرة سورية", [M("5 آلاف ليرة سورية", 5e3, "SYP")]),
    ("خصص مليار جنيه سوداني", [M("مليار جنيه سوداني", 1e9, "SDG")]),
    ("رصد مليون دينار بحريني", [M("مليون دينار بحريني", 1e6, "BHD")]),
    ("رصد 10 مليارات دينار عراقي", [M("10 مليارات دينار عراقي", 1e10, "IQD")]),
    ("رصد 700 مليون دينار جزائري", [M("700 مليون دينار جزائري", 7e8, "DZD")]),
]


@table(WRITTEN)
def test_currencies_as_written(text, expected):
    assert money(text) == expected


# -- ISO code or family --------------------------------------------------------------------

FAMILIES = [
    # a word of several countries' currencies stays in its family...
    ("بلغ ثمنه ٥٠٠ ريال", [M("٥٠٠ ريال", 500, "riyal")]),
    ("دفع 500 دينار", [M("500 دينار", 500, "dinar")]),
    ("بلغت الخسائر ٧٫٥ مليار درهم", [M("٧٫٥ مليار درهم", 7.5e9, "dirham")]),
    ("خسر 5 ملايين جنيه", [M("5 ملايين جنيه", 5e6, "pound")]),
    ("سعر الربطة 15 ليرة", [M("15 ليرة", 15, "lira")]),
    ("Each ticket costs 50 riyals.", [M("50 riyals", 50, "riyal")]),
    ("The fine is 100 dirhams.", [M("100 dirhams", 100, "dirham")]),
    ("Etisalat reported a profit of Dh2.5 billion.", [M("Dh2.5 billion", 2.5e9, "dirham")]),
    ("مليار و200 مليون ريال", [M("مليار و200 مليون ريال", 1.2e9, "riyal")]),
    # ... unless one country of the family is named in the sentence
    ("في الأردن، ارتفع سعر الأسطوانة إلى 7 دنانير", [M("7 دنانير", 7, "JOD")]),
    ("قالت الحكومة الأردنية إن الكلفة 500 مليون دينار", [M("500 مليون دينار", 5e8, "JOD")]),
    ("خصصت الكويت 3 مليارات دينار للإسكان", [M("3 مليارات دينار", 3e9, "KWD")]),
    ("أنفقت السعودية 50 مليار ريال", [M("50 مليار ريال", 5e10, "SAR")]),
    ("سجلت بورصة المغرب تداولات بقيمة 300 مليون درهم", [M("300 مليون درهم", 3e8, "MAD")]),
    ("In Egypt, the fine is 5,000 pounds.", [M("5,000 pounds", 5000, "EGP")]),
    ("Kuwait will spend 3 billion dinars on housing.", [M("3 billion dinars", 3e9, "KWD")]),
    ("Dubai's property sales reached Dhs500 million, the UAE said.", [M("Dhs500 million", 5e8, "AED")]),
    # two countries of the family named: not determined
    ("قدمت الكويت والأردن 500 مليون دينار", [M("500 مليون دينار", 5e8, "dinar")]),
    # a country of another family determines nothing
    ("أنفقت مصر 500 مليون دينار", [M("500 مليون دينار", 5e8, "dinar")]),
    # the dollar: the US dollar, unless another dollar country is named or written
    ("Washington pledged $20 million.", [M("$20 million", 2e7, "USD")]),
    ("تبرعت كندا بـ20 مليون دولار", [M("20 مليون دولار", 2e7, "CAD")]),
    ("Canada pledged 20 million dollars.", [M("20 million dollars", 2e7, "CAD")]),
    ("The Canadian firm paid $5 million.", [M("$5 million", 5e6, "CAD")]),
    ("It raised C$50 million, and $10 million more from banks.", [M("C$50 million", 5e7, "CAD"), M("$10 million", 1e7, "CAD")]),
    ("The US and Canada each pledged 20 million dollars.", [M("20 million dollars", 2e7, "dollar")]),
    ("قدمت الولايات المتحدة 20 مليون دولار", [M("20 مليون دولار", 2e7, "USD")]),
    ("أنفقت السعودية 5 مليارات دولار", [M("5 مليارات دولار", 5e9, "USD")]),
    # «عمان» alone is also Amman: it names no country
    ("عمان - بلغت الكلفة 500 ريال", [M("500 ريال", 500, "riyal")]),
    ("أعلنت سلطنة عمان تخصيص 500 مليون ريال", [M("500 مليون ريال", 5e8, "OMR")]),
]


@table(FAMILIES)
def test_a_code_when_the_sentence_determines_it_else_the_family(text, expected):
    assert money(text) == expected


def _analysed_money(text: str, **metadata) -> list[tuple[str, str]]:
    source = Source(id="s", path="s.txt", format="txt", text=text, sha256="")
    for key, value in metadata.items():
        setattr(source, key, value)
    analysis = analyse(source, default_aliases(), strict=True)
    return [(c.quote, c.quantity.unit) for c in analysis.claims if c.quantity and c.quantity.unit != "count"]


def test_the_paragraph_determines_the_currency_when_the_sentence_does_not():
    text = (
        "أعلنت الحكومة الأردنية خطة جديدة للنقل. وتبلغ كلفتها 500 مليون دينار.\n\n"
        "وفي خبر آخر، بلغت قيمة الصفقة 20 مليون دينار."
    )
    assert _analysed_money(text) == [("500 مليون دينار", "JOD"), ("20 مليون دينار", "dinar")]


def test_the_sentence_comes_before_the_paragraph():
    text = "Kuwait's budget was approved. In Jordan, the plan costs 300 million dinars."
    assert _analysed_money(text) == [("300 million dinars", "JOD")]


@pytest.mark.parametrize(
    "locale, unit",
    [("ar_KW", "KWD"), ("ar-JO", "JOD"), ("ar_SA", "dinar"), ("ar", "dinar"), (None, "dinar")],
)
def test_the_source_locale_determines_the_currency_last(locale, unit):
    text = "وبلغت الكلفة 500 دينار."
    assert _analysed_money(text, locale=locale) == [("500 دينار", unit)]
    # the text still comes first
    assert _analysed_money("في العراق بلغت الكلفة 500 دينار.", locale=locale) == [("500 دينار", "IQD")]


def test_a_canadian_locale_makes_a_bare_dollar_canadian():
    assert _analysed_money("The plan costs $5 million.", locale="en_CA") == [("$5 million", "CAD")]
    assert _analysed_money("The plan costs $5 million.", locale="en_GB") == [("$5 million", "USD")]


# -- English "pounds": money or weight -----------------------------------------------------

POUNDS = [
    ("The council was fined 200,000 pounds.", [M("200,000 pounds", 2e5, "pound")]),
    ("The budget is 2 billion pounds, Britain said.", [M("2 billion pounds", 2e9, "GBP")]),
    ("It cost 10 pounds 50 pence.", [M("10 pounds 50 pence", 10.5, "GBP")]),
    ("The man weighed 200 pounds.", [("200", 200, 200, 200, "count")]),
    ("He lost 50 pounds in six months.", [("50", 50, 50, 50, "count"), M("six months", 6, "month")]),
    ("Police seized 500 pounds of cocaine.", [("500", 500, 500, 500, "count")]),
    ("Britain's heaviest man weighed 900 pounds.", [("900", 900, 900, 900, "count")]),
    ("A 300-pound bomb was found.", [("300", 300, 300, 300, "count")]),
]


@table(POUNDS)
def test_english_pounds_are_money_only_where_the_sentence_speaks_of_money(text, expected):
    assert money(text) == expected


# -- Two units, subunits, duals --------------------------------------------------------------

UNITS = [
    ("A burger costs 3 dollars 50 cents.", [M("3 dollars 50 cents", 3.5, "USD")]),
    ("A burger costs 3 dollars and 50 cents.", [M("3 dollars and 50 cents", 3.5, "USD")]),
    ("A stamp costs 50 cents.", [M("50 cents", 0.5, "USD")]),
    ("In Canada a stamp costs 92 cents.", [M("92 cents", 0.92, "CAD")]),
    ("بلغ سعر الكيلو عشرة دنانير وخمسون فلساً", [M("عشرة دنانير وخمسون فلساً", 10.05, "dinar")]),
    ("بلغ سعر الكيلو 10 دنانير و50 فلسا", [M("10 دنانير و50 فلسا", 10.05, "dinar")]),
    ("بلغ سعر الكيلو خمسة جنيهات وخمسون قرشاً", [M("خمسة جنيهات وخمسون قرشاً", 5.5, "pound")]),
    ("بلغ سعر اللتر 2 ريال و18 هللة", [M("2 ريال و18 هللة", 2.18, "SAR")]),
    ("بلغ سعر الخبز 50 هللة", [M("50 هللة", 0.5, "SAR")]),
    ("بلغ سعر الخبز 500 بيسة", [M("500 بيسة", 0.5, "OMR")]),
    ("بلغ سعر الرغيف 300 مليم", [M("300 مليم", 0.3, "TND")]),
    ("في الأردن، ارتفع سعر الخبز خمسين فلساً", [M("خمسين فلساً", 0.05, "JOD")]),
    ("في الإمارات، ارتفع سعر الخبز خمسين فلساً", [M("خمسين فلساً", 0.5, "AED")]),
    ("ارتفع سعر البنزين في الأردن 5 قروش", [M("5 قروش", 0.05, "JOD")]),
    # fils are a dinar's (1/1000) or the UAE dirham's (1/100): nothing says which
    ("ارتفع سعر الخبز خمسين فلساً", [("خمسين", 50, 50, 50, "count")]),
    # the family's currencies divide a dirham (Qatar: 1/100 of a riyal) but not all have one
    ("دفع 5 ريالات و50 درهما", [M("5 ريالات و50 درهما", 5.5, "QAR")]),
    ("بلغ السعر 3 جنيهات إسترلينية و50 بنساً", [M("3 جنيهات إسترلينية و50 بنساً", 3.5, "GBP")]),
    ("بلغ السعر 10 دولارات و25 سنتاً", [M("10 دولارات و25 سنتاً", 10.25, "USD")]),
    # a subunit and an amount are no range
    ("The price rose 5 cents to $3.20.", [M("5 cents", 0.05, "USD"), M("$3.20", 3.2, "USD")]),
    ("دفع دينارين", [M("دينارين", 2, "dinar")]),
    ("دفع ديناران وخمسون فلساً", [M("ديناران وخمسون فلساً", 2.05, "dinar")]),
    ("دفع ريالين سعوديين", [M("ريالين سعوديين", 2, "SAR")]),
]


@table(UNITS)
def test_amounts_in_two_units_and_subunits(text, expected):
    got = money(text)
    assert [(q, u) for q, *_, u in got] == [(q, u) for q, *_, u in expected]
    assert [v for _, v, *_ in got] == pytest.approx([v for _, v, *_ in expected])


# -- Scales and ranges -----------------------------------------------------------------------

SCALES = [
    ("Microsoft invested $1.2bn.", [M("$1.2bn", 1.2e9, "USD")]),
    ("It raised 1.2bn dollars.", [M("1.2bn dollars", 1.2e9, "USD")]),
    ("The club spent 3m euros.", [M("3m euros", 3e6, "EUR")]),
    ("The club spent 3m€.", [M("3m€", 3e6, "EUR")]),
    ("The club spent €3m.", [M("€3m", 3e6, "EUR")]),
    ("The round raised $5-7 million.", [R("$5-7 million", 5e6, 7e6, "USD")]),
    ("The round raised $5m-$7m.", [R("$5m-$7m", 5e6, 7e6, "USD")]),
    ("The deal is worth between £3m and £4m.", [R("between £3m and £4m", 3e6, 4e6, "GBP")]),
    ("The deal is worth between 3 and 4 million Saudi riyals.", [R("between 3 and 4 million Saudi riyals", 3e6, 4e6, "SAR")]),
    ("Prices range from $5 to 7 million.", [R("from $5 to 7 million", 5e6, 7e6, "USD")]),
    # an amount and a count are no range
    ("The company paid $3 million to 200 employees.", [M("$3 million", 3e6, "USD"), ("200", 200, 200, 200, "count")]),
    ("The fund gave 3m euros to 200 families.", [M("3m euros", 3e6, "EUR"), ("200", 200, 200, 200, "count")]),
    ("دفعت الشركة 3 ملايين دولار إلى 200 موظف", [M("3 ملايين دولار", 3e6, "USD"), ("200", 200, 200, 200, "count")]),
    ("قدرت الكلفة بين 5 و7 ملايين دولار", [R("بين 5 و7 ملايين دولار", 5e6, 7e6, "USD")]),
    ("رصدت الحكومة مليار و200 مليون ريال سعودي", [M("مليار و200 مليون ريال سعودي", 1.2e9, "SAR")]),
    ("تراوحت الكلفة من 3 إلى 4 ملايين دينار كويتي", [R("من 3 إلى 4 ملايين دينار كويتي", 3e6, 4e6, "KWD")]),
    ("خسرت الشركة عشرات الملايين من الدولارات", [R("عشرات الملايين من الدولارات", 1e7, 1e8, "USD")]),
    ("Tens of millions of dinars were lost.", [R("Tens of millions of dinars", 1e7, 1e8, "dinar")]),
]


@table(SCALES)
def test_scales_and_ranges_of_money(text, expected):
    assert money(text) == expected


# -- The currencies file -------------------------------------------------------------------

GOOD_CURRENCY = "[currencies.USD]\nfamily = ['dollar']\ncountry = 'US'\n[families.dollar]\nnames = ['dollar']\n"
BAD = {
    "colour = 'red'": "unknown key 'colour' (known: context, families, currencies)",
    "currencies = 5": "'currencies' must be a table of [currencies.CODE] tables",
    "[currencies.usd]\nnames = ['x']": "[currencies.usd]: a currency is its ISO 4217 code, three capital letters",
    "[currencies.USD]\nnames = 'dollar'": "[currencies.USD] 'names' must be a list of strings, not 'dollar'",
    "[currencies.USD]\nnames = ['dollar', 3]": "[currencies.USD] 'names' must be a list of strings; 3 is an integer",
    "[currencies.USD]\nnames = [' ']": "[currencies.USD] 'names': an empty name",
    "[currencies.USD]\nfamily = ['buck']": "[currencies.USD] 'family': no [families.buck] table",
    "[currencies.USD]\ncountry = 'usa'": "[currencies.USD] 'country' must be an ISO 3166 code of two capital letters, not 'usa'",
    "[currencies.USD]\nnames = ['x']\ncolour = 1": "[currencies.USD]: unknown key 'colour'",
    "[currencies.USD]\nsubunits = [{names = ['cent'], divisor = 7}]": "[currencies.USD] subunit #1: 'divisor' must be 10, 100 or 1000, not 7",
    "[currencies.USD]\nsubunits = [{divisor = 100}]": "[currencies.USD] subunit #1 needs names and a divisor",
    "[currencies.USD]\nsubunits = [{names = ['cent'], divisor = 100, alone = 'yes'}]": "[currencies.USD] subunit #1: 'alone' must be true or false",
    "[currencies.USD]\nsubunits = {names = ['cent']}": "[currencies.USD] 'subunits' must be a list of tables",
    "[currencies.USD]\nsymbols = ['$']\n[currencies.CAD]\nsymbols = ['$']": "'$' names both CAD and USD",
    "[currencies.USD]\nnames = ['dollar']\n[currencies.CAD]\nnames = ['Dollar']": "'dollar' names both CAD and USD",
    "[currencies.USD]\nsubunits = [{names = ['cent'], divisor = 100, alone = true}]\n[currencies.CAD]\nsubunits = [{names = ['cent'], divisor = 100, alone = true}]": "'cent' is marked alone in both CAD and USD",
    "[families.Dollar]\nnames = ['dollar']": "[families.Dollar]: a family's name is lower-case letters",
    "[families.dollar]\nnames = []": "[families.dollar] 'names' must list at least one name",
    "[families.dollar]\nnames = ['dollar']\ndefault = 'USD'": "[families.dollar] 'default': 'USD' is no currency of the family",
    "[families.dollar]\nnames = ['dollar']\nambiguous = ['buck']": "[families.dollar] 'ambiguous': 'buck' is none of its names",
    "[context]\nmoney_words = 'cost'": "[context] 'money_words' must be a list of strings, not 'cost'",
    "[currencies.USD\n": "not valid TOML",
}


@pytest.mark.parametrize("text, message", BAD.items(), ids=list(BAD))
def test_a_bad_currencies_file_is_one_line_naming_the_key(text, message):
    with pytest.raises(ConfigError) as caught:
        parse_currencies(text)
    line = str(caught.value)
    assert message in line and "\n" not in line and "currencies file factcheck/data/currencies.toml" in line


def test_a_good_small_file_reads():
    table = parse_currencies(GOOD_CURRENCY)
    assert isinstance(table, Currencies) and table.is_money("USD") and table.is_money("dollar")
    assert not table.is_money("count") and not table.is_money("EUR")


def test_the_shipped_file_covers_the_newsroom_currencies():
    table = currencies()
    for code in "USD EUR GBP JPY CNY CHF CAD AUD INR RUB TRY SAR QAR OMR AED KWD JOD BHD IQD DZD TND LYD MAD EGP SDG LBP SYP YER".split():
        assert table.is_money(code), code
    for family in ("dollar", "dinar", "riyal", "dirham", "pound", "lira"):
        assert table.is_family(family), family


def test_each_country_uses_its_currency_by_cldr():
    table = currencies()
    for code, currency in sorted(table.currencies.items()):
        if currency.country:
            assert code in get_territory_currencies(currency.country, tender=True), code


# -- What compares with what ---------------------------------------------------------------

COMPARABLE = [
    ("JOD", "JOD", True), ("JOD", "dinar", True), ("dinar", "KWD", True), ("JOD", "KWD", False),
    ("dinar", "riyal", False), ("USD", "dollar", True), ("USD", "CAD", False), ("LBP", "pound", True),
    ("LBP", "lira", True), ("pound", "lira", False), ("GBP", "lira", False), ("EUR", "dollar", False),
    ("dinar", "dinar", True), ("EUR", "EUR", True),
]


@pytest.mark.parametrize("a, b, same", COMPARABLE)
def test_money_compares_within_one_code_or_family(a, b, same):
    assert currencies().comparable(a, b) is same and currencies().comparable(b, a) is same
    claim_a = {"kind": "quantity", "unit": a}
    claim_b = {"kind": "quantity", "unit": b}
    assert units_compatible(claim_a, claim_b) is same


def test_a_code_and_its_family_share_a_blocking_key():
    def claim(unit):
        return {"frame": {"unit_class": "money", "measured": unit, "agent": "Nouran", "concepts": ["invest"]}}

    assert frame_keys(claim("JOD")) & frame_keys(claim("dinar"))
    assert frame_keys(claim("JOD")) & frame_keys(claim("KWD"))  # one block; units_compatible parts them
    assert not frame_keys(claim("JOD")) & frame_keys(claim("riyal"))
    assert frame_keys(claim("LBP")) & frame_keys(claim("pound")) and frame_keys(claim("LBP")) & frame_keys(claim("lira"))
