"""Hedge and negation marking around one mention."""

import pytest

from factcheck.claims.modality import clause_bounds, mark


def at(sentence: str, mention: str) -> tuple[bool, bool]:
    start = sentence.index(mention)
    return mark(sentence, start, start + len(mention))


CASES = [
    # a cue inside a word written with its marks is no cue: «عَلَمَ» (flag) holds no «لم»
    ("رفع عَلَمَ الشركة 500 متظاهر أمس", "500", False, False),
    ("لم يوقّع 500 موظف", "500", False, True),
    # plain statements
    ("وظفت الشركة 500 موظف.", "500", False, False),
    ("The company employs 500 people.", "500", False, False),
    # conditionals, before or after the mention in the same sentence
    ("إذا عاد ألتمان، سيبقى 500 موظف.", "500", True, False),
    ("لو وقع 500 موظف لاستقال المجلس.", "500", True, False),
    ("سيستقيل 700 موظف ما لم تتم إعادته.", "700", True, False),  # ما لم is "unless", not "did not"
    ("سيغادر 500 موظف في حال لم يعد.", "500", True, False),
    ("إن لم يعد ألتمان سيغادر 500 موظف", "500", True, False),
    ("If Altman returns, 500 employees will stay.", "500", True, False),
    ("500 employees will leave unless the board resigns.", "500", True, False),
    # a condition inside an embedded "that" clause after the mention does not hedge it
    ("أكّد أكثر من 500 موظف أن مايكروسوفت ضمنت لهم وظائف في حال اختاروا الانضمام.", "أكثر من 500", False, False),
    ("500 employees said that they would leave if asked.", "500", False, False),
    # a condition after "but" belongs to another segment
    ("وقع 500 موظف، لكن إذا عاد ألتمان فسيبقون.", "500", False, False),
    # modals in the clause
    ("قد يخسر أكثر من 500 موظف وظائفهم.", "أكثر من 500", True, False),
    ("ربما ينضم 700 موظف إلى مايكروسوفت.", "700", True, False),
    ("يمكننا الحصول على ما قيمته 60 مليون دولار.", "60 مليون دولار", True, False),
    ("من المحتمل أن تبلغ الخسائر 10 ملايين دولار.", "10 ملايين دولار", True, False),
    ("من المرجح أن يصل العدد إلى 900.", "900", True, False),
    ("Microsoft could lose $10 billion.", "$10 billion", True, False),
    ("Up to 300 jobs may go.", "300", True, False),
    ("The figure might reach 1,000.", "1,000", True, False),
    # "May" capitalised is the month, not the modal
    ("In May, 500 employees quit.", "500", False, False),
    # قد + perfect verb is "has indeed", not "may"
    ("وقد أشارت مايكروسوفت إلى 500 موظف.", "500", False, False),
    ("قد تم توظيف 500 موظف.", "500", False, False),
    # فقد as "lost"
    ("فقد الموظفون 500 وظيفة.", "500", False, False),
    # emphatic إن + noun is not "if"
    ("إن الشركة وظفت 500 موظف.", "500", False, False),
    # explicitly unverified reports
    ("وبحسب تقارير صحفية، يوجد حالياً حوالي 700 موظف.", "حوالي 700", True, False),
    ("تشير التقارير إلى أن عددهم يبلغ 700 موظف.", "700", True, False),
    ("يقال إن 500 موظف استقالوا.", "500", True, False),
    ("بدأت تنتشر شائعات بأن 200 مهندس سيغادرون.", "200", True, False),
    ("The company reportedly cut 500 jobs.", "500", True, False),
    ("500 jobs were allegedly cut.", "500", True, False),
    ("According to reports, 500 employees quit.", "500", True, False),
    # whether-clauses are not conditions
    ("قرر أن يأخذ إجازة لمدة 10 أيام، وما إذا كان مستعدا للعودة", "10 أيام", False, False),
    # negation in the clause
    ("لم يوقع 500 موظف على الرسالة.", "500", False, True),
    ("لن تدفع الشركة 10 ملايين دولار.", "10 ملايين دولار", False, True),
    ("ليس لدى الشركة 500 موظف.", "500", False, True),
    ("لا يعمل في الشركة 500 موظف.", "500", False, True),
    ("The company did not cut 500 jobs.", "500", False, True),
    ("The company didn't cut 500 jobs.", "500", False, True),
    ("It never paid $10 million.", "$10 million", False, True),
    ("من غير الصحيح أن 500 موظف استقالوا.", "500", False, True),
    # denials reach over commas, forwards
    ("نفت الشركة، في بيان، أن 500 موظف استقالوا.", "500", False, True),
    ("The company denied, in a statement, that 500 employees quit.", "500", False, True),
    # a negation in another clause does not count
    ("لم يتم تحديد أي شيء، ووقع 500 موظف.", "500", False, False),
    ("No decision was made; 500 employees signed.", "500", False, False),
    # looks like negation, is not
    ("لا يزال 500 موظف في الشركة.", "500", False, False),
    ("لم يوقع سوى 500 موظف.", "500", False, False),  # "only 500 signed"
    ("لا يعمل فيها إلا 20 شخصا.", "20", False, False),
    ("لم تستثمر مايكروسوفت مليارات الدولارات في OpenAI فحسب", "مليارات الدولارات", False, False),
    ("Not only did it hire 500 people, it also built a lab.", "500", False, False),
    ("الشركة غير الربحية وظفت 500 موظف.", "500", False, False),  # غير = non-, not a negation
    ("من الصعب عدم ملاحظة قيمتها البالغة تريليون دولار.", "تريليون دولار", False, False),
    # the mention's own qualifier is not a negation
    ("قتل ما لا يقل عن 12 شخصا.", "ما لا يقل عن 12", False, False),
    ("No fewer than 40 people were hurt.", "No fewer than 40", False, False),
    ("لا يزيد عن 15 شخصا", "لا يزيد عن 15", False, False),
    # both at once
    ("قد لا يوقع 500 موظف.", "500", True, True),
    ("If the deal fails, Microsoft will not recover $10 billion.", "$10 billion", True, True),
    # sentences end at . ! ? ؟ and line breaks, not at decimals
    ("إذا عاد ألتمان سيبقى الجميع. وقع 500 موظف.", "500", False, False),
    ("إذا عاد ألتمان سيبقى الجميع\nوقع 500 موظف", "500", False, False),
    ("لم يتجاوز الدخل 1.9 مليون دولار", "1.9 مليون دولار", False, True),
    # clitics: a cue inside an unrelated word does not count
    ("أعلنت الشركة عن 500 وظيفة جديدة للمقبلين.", "500", False, False),
    ("وقع زعيم النقابة مع 500 عامل.", "500", False, False),  # زعيم is not زعم
]

# News sentences written fresh for robustness.
NEWS_CASES = [
    # a condition whose clause follows a realis (past) statement hedges only its own clause:
    # the threat is real, its trigger is conditional
    ("هدّد مئات الموظفين بالاستقالة إذا لم يُعَد ألتمان", "مئات", False, False),
    ("وقّع 700 موظف رسالة يهددون فيها بالاستقالة ما لم يستقل المجلس", "700", False, False),
    ("Hundreds of employees threatened to quit if Altman was not reinstated.", "Hundreds", False, False),
    ("Some 200 workers threatened to strike unless wages rose.", "200", False, False),
    # ... but a future or modal statement with a condition after it is conditional
    ("400 jobs will be cut if the merger goes ahead.", "400", True, False),
    ("ستخسر الشركة 20 مليون دولار إذا فشلت الصفقة", "20 مليون دولار", True, False),
    ("500 employees will leave if the board does not resign.", "500", True, False),
    ("إذا صحت الأرقام، فإن 300 شخص فقدوا منازلهم", "300", True, False),
    # reported speech is firm; explicit "reports say" is not
    ("قال مسؤولون إن 40 شخصا قتلوا", "40", False, False),
    ("Reports say 50 people died.", "50", True, False),
    ("Officials said up to 200 people may have died.", "200", True, False),
    ("The firm is expected to cut 1,000 jobs.", "1,000", True, False),
    ("من المتوقع أن يصل عدد الزوار إلى مليون زائر", "مليون", True, False),
    # negation and its scope
    ("The ministry denied that 300 prisoners had escaped.", "300", False, True),
    ("The company said it had not hired 200 staff.", "200", False, True),
    ("ولم يتمكن 30 شخصا من المغادرة", "30", False, True),
    ("قالت الوزارة إن 25 شخصا لقوا حتفهم، ولم تذكر تفاصيل", "25", False, False),
    ("وافق 400 نائب على القانون، رغم أنه لم ينشر بعد", "400", False, False),
    ("It won't pay $5 million.", "$5 million", False, True),
    # the "would" after a verb of saying belongs to the embedded statement
    ("More than 700 employees signed a letter saying they would quit unless the board resigned.", "700", False, False),
    ("وقع 700 موظف على رسالة قائلين إنهم سيستقيلون إذا لم يعد", "700", False, False),
    ("The union said 2,000 workers would strike if talks failed.", "2,000", True, False),
    ("ستسرح الشركة 500 موظف إذا لم تتحسن المبيعات", "500", True, False),
    ("500 jobs were said to be at risk.", "500", True, False),
    ("نفى الجيش مقتل 20 مدنياً", "20", False, True),
    ("ولا يزال 1500 شخص في عداد المفقودين", "1500", False, False),
    ("No one was hurt, but 3 homes were damaged.", "3", False, False),
    # a modal far along a long clause belongs to another verb
    ("وتأتي هذه التحولات بعد أسبوع فقط من إعلان مايكروسوفت عن بناء شريحة خاصة بها يمكن استخدامها", "أسبوع", False, False),
    ("500 employees could lose their jobs.", "500", True, False),
]


@pytest.mark.parametrize("sentence, mention, hedged, negated", CASES, ids=[c[0] for c in CASES])
def test_mark(sentence, mention, hedged, negated):
    assert at(sentence, mention) == (hedged, negated)


@pytest.mark.parametrize("sentence, mention, hedged, negated", NEWS_CASES, ids=[c[0] for c in NEWS_CASES])
def test_mark_news(sentence, mention, hedged, negated):
    assert at(sentence, mention) == (hedged, negated)


def test_mark_reads_only_the_sentence_of_a_long_text():
    text = "لو حدث ذلك لكان أفضل. " * 50 + "وظفت الشركة 500 موظف. " + "لم يحدث شيء. " * 50
    assert at(text, "500") == (False, False)


def test_mark_on_empty_and_out_of_range():
    assert mark("", 0, 0) == (False, False)
    assert mark("abc", 10, 12) == (False, False)


def test_clause_bounds():
    s = "قال المتحدث، في بيان، إن 500 موظف وقعوا، لكن المجلس رفض."
    i = s.index("500")
    s_lo, s_hi, g_lo, g_hi, c_lo, c_hi = clause_bounds(s, i, i + 3)
    assert (s_lo, s_hi) == (0, len(s) - 1)
    assert s[g_lo:g_hi].strip().startswith("قال") and "المجلس" not in s[g_lo:g_hi]
    assert s[c_lo:c_hi].strip() == "إن 500 موظف وقعوا"
