"""Event claims read from sentences: action, stage, who acted on whom, polarity (table tests)."""

from __future__ import annotations

import pytest

from factcheck.claims.dates import extract_dates
from factcheck.claims.entities import KnownNames, default_aliases
from factcheck.claims.events import EventLexicon, check_events, find_events
from factcheck.claims.extract import parse_text
from factcheck.errors import ConfigError
from factcheck.text.lang import detect_lang

ALIASES = default_aliases()
KNOWN = ("Sam Altman", "Altman", "ألتمان", "سام ألتمان", "Sutskever", "سوتسكيفر", "Microsoft", "OpenAI", "بروكمان")


def events_of(sentence: str) -> list[tuple]:
    known = KnownNames()
    known.update(ALIASES.names_in([n for n in KNOWN]))
    found = ALIASES.find(sentence, known)
    names = [(e.char_start, e.char_end, e.canonical, e.type) for e in found if e.type in ("person", "organisation", "name")]
    days = [(d.char_start, d.char_end) for d in extract_dates(sentence, reference="2025-10-10", reference_origin="published")]  # as the extractor gives them
    return [(e.action, e.stage, e.agent, e.patient, e.form) for e in find_events(sentence, names, detect_lang(sentence) == "ar", days=days)]


# (sentence, [(action, stage, agent, patient, form)])
CASES = [
    ("Microsoft hired Sam Altman to lead a new team.", [("appoint", "", "Microsoft", "Sam Altman", "verb")]),
    ("Sam Altman was fired by Microsoft on Friday.", [("dismiss", "", "Microsoft", "Sam Altman", "verb")]),
    ("The ouster of Sam Altman stunned investors.", [("dismiss", "", "", "Sam Altman", "noun")]),
    ("Sam Altman resigned on Monday.", [("resign", "", "Sam Altman", "", "verb")]),
    ("Sam Altman returned to OpenAI.", [("return", "", "Sam Altman", "", "verb")]),
    ("OpenAI announced the firing of Sam Altman.", [("dismiss", "announcement", "", "Sam Altman", "noun")]),
    ("The staff threatened to resign unless Sam Altman returned.", [("return", "", "Sam Altman", "", "verb")]),
    ("Sam Altman did not resign.", [("resign", "", "Sam Altman", "", "verb")]),
    ("Sam Altman was not fired.", [("dismiss", "", "", "Sam Altman", "verb")]),
    ("Elon Musk sued OpenAI in March 2024.", [("sue", "", "Elon Musk", "OpenAI", "verb")]),
    ("Sam Altman, the company's co-founder, has not resigned.", [("resign", "", "Sam Altman", "", "verb")]),  # appositive
    # a wire lead's long appositive, a relative clause and brackets in it
    (
        "Sam Altman, the head of research at the Ardavian National Broadcaster (ANB) who ordered an investigative documentary pulled from the schedule, was dismissed on Thursday.",
        [("dismiss", "", "", "Sam Altman", "verb")],
    ),
    ("Microsoft, a rival, hired Sam Altman on Monday.", [("appoint", "", "Microsoft", "Sam Altman", "verb")]),
    ("وتعاقدت شركة مايكروسوفت المنافسة مع ألتمان يوم الاثنين.", [("appoint", "", "مايكروسوفت", "ألتمان", "verb")]),  # patient_after «مع»
    ("نفى مكتب المدير الرياضي يزن المطروك (Yazan Matrouk) استقالته.", [("resign", "", "Yazan Matrouk", "", "noun")]),  # «استقالته»: his
    ("واستحوذت شركة مايكروسوفت على OpenAI في 10 مارس.", [("acquire", "", "مايكروسوفت", "OpenAI", "verb")]),  # VSO, «على»
    ("أوقفت السلطات رئيس الاتحاد نزار القطومي (Nizar Qattoumi) يوم الخميس.", [("arrest", "", "السلطات", "Nizar Qattoumi", "verb")]),  # one person, written twice
    ("واستحوذت شركة خرزان القابضة (Kharzan Holding) على نادي رمدون الرياضي.", [("acquire", "", "Kharzan Holding", "رمدون", "verb")]),
    ("Rockets were fired at the border.", []),  # no one it could be done to
    # names as the default alias table reads them (a corpus's alias file maps them further)
    ("أقالت OpenAI سام ألتمان يوم الجمعة.", [("dismiss", "", "OpenAI", "ألتمان", "verb")]),  # VSO
    ("وقرر أعضاء المجلس التصويت لإقالة ألتمان.", [("dismiss", "decision", "", "ألتمان", "noun")]),
    ("استقال غريغ بروكمان من منصبه.", [("resign", "", "بروكمان", "", "verb")]),
    ("تبدأ حملة لعودة ألتمان إلى OpenAI.", [("return", "intent", "ألتمان", "", "noun")]),
    ("لقد تم للتو إقالة الرئيس التنفيذي لشركة OpenAI.", []),  # the chief executive of OpenAI, not OpenAI
    # VSO: an organisation right after the verb (past the words of its kind, and its trade) acts
    ("فقد أقال اتحاد تاروند لكرة القدم المدرب باسل القرنوبي في 31 آذار.", [("dismiss", "", "تاروند", "باسل القرنوبي", "verb")]),
    ("أقالت OpenAI الرئيس التنفيذي سام ألتمان.", [("dismiss", "", "OpenAI", "سام ألتمان", "verb")]),
    ("أقالت شركة نوران للطاقة المتجددة المدير سامي حداد.", [("dismiss", "", "نوران", "سامي حداد", "verb")]),
    # VSO with what it was done to unnamed: the one name after the verb acted
    ("وأغلقت معادن ترساليا المنجم في اليوم نفسه.", [("close", "", "ترساليا", "المنجم", "verb")]),
    ("ألغت شركة كورفيل العقد يوم الثلاثاء.", [("cancel", "", "كورفيل", "العقد", "verb")]),
    ("أقالت شركة نوران المدير العام للشركة.", [("dismiss", "", "نوران", "المدير العام", "verb")]),
    # ... but whom, when a subject stands between, or no object follows, or a word of time
    ("أقالت الشركة سام ألتمان المدير.", [("dismiss", "", "الشركة", "ألتمان", "verb")]),
    ("أقال مجلس الإدارة سام ألتمان من منصبه.", [("dismiss", "", "مجلس الإدارة", "ألتمان", "verb")]),
    ("أقالت OpenAI اليوم المدير.", [("dismiss", "", "", "OpenAI", "verb")]),
    ("وقال إن الحكومة أغلقت شركة ديمار المصنع.", [("close", "", "", "ديمار", "verb")]),  # a subject before the verb
    # a person's title keeps its prepositions; one before the title leads elsewhere
    ("اعتقلت الشرطة مدير المحطة الموقوف عن العمل يوسف مرّاش.", [("arrest", "", "الشرطة", "يوسف مراش", "verb")]),
    ("أوقفت النيابة في دورانيا المدير المالي نديم قربل.", []),
    # a Latin name in brackets after an Arabic spelling not read as a name: one party, reached from its first spelling
    ("وفي الشارع، اعتُقل قائد الاحتجاجات كريم الدبّور (Karim Dabbour) في 24 كانون الثاني.", [("arrest", "", "", "Karim Dabbour", "verb")]),
    ("أغلقت شركة ديمار مصنعاً.", [("close", "", "", "ديمار", "verb")]),  # an indefinite noun may be a role («عيّنت فلاناً رئيساً»)
    ("عيّن مجلس إدارة «نورفاث» المدير المالي فيليكس غرينان رئيساً.", [("appoint", "", "نورفاث", "فيليكس غرينان", "verb")]),
    # a title before the name, in the sentence's first word too, is not part of it
    ("Striker Khalil Sabarni returned to the national squad.", [("return", "", "Khalil Sabarni", "", "verb")]),
    ("واعتقلت الشرطة الحكم تامر الزحلوق في 7 أبريل.", [("arrest", "", "الشرطة", "تامر الزحلوق", "verb")]),
    ("لم يستقل نبيل السرخاوي من منصبه.", [("resign", "", "نبيل السرخاوي", "", "verb")]),
    # an Arabic passive (its damma written, or a form listed as passive): the name undergoes the act
    ("وكانت مديرة المستشفى رنا الزلفاني قد أُقيلت في 16 مايو.", [("dismiss", "", "", "رنا الزلفاني", "verb")]),
    ("وعُيّن رئيس قسم الطوارئ نديم الغزول مديراً بالوكالة.", [("appoint", "", "", "نديم الغزول", "verb")]),
    ("واعتُقل مدير الموقع في شركة تارفوني للإنشاءات رفيق اللطّوش في 23 مايو.", [("arrest", "", "", "رفيق اللطوش", "verb")]),
    ("أقيل وزير المالية رامي عشتوق يوم الأحد.", [("dismiss", "", "", "رامي عشتوق", "verb")]),
    # the name as the appositive: "The dean of X, Lubna Marqashi, resigned"
    ("The director of Sidrat Teaching Hospital, Rana Zalfani, was dismissed by the board.", [("dismiss", "", "board", "Rana Zalfani", "verb")]),
    ("The dean of the faculty of medicine, Lubna Marqashi, resigned on May 27.", [("resign", "", "Lubna Marqashi", "", "verb")]),
    # a title inside a run of capitalised words is not part of the name
    ("Higher Education Minister Nizar Shammoukh dismissed Rana Zalfani on May 16.", [("dismiss", "", "Nizar Shammoukh", "Rana Zalfani", "verb")]),
    # "he" or "she" in what a named person said is that person
    ("Salwa Marjani, the finance director, said on August 28 that she did not resign.", [("resign", "", "Salwa Marjani", "", "verb")]),
    ("قال المهندس مجد السنوفي (Majd Sannoufi) إنه لن يعود إلى الشركة.", [("return", "", "Majd Sannoufi", "", "verb")]),
    ("Acme said he was fired.", []),  # an organisation is not "he"
    ("He resigned on Monday.", []),  # no one named
    # a verb that states the act with its noun: who acted ("filed a lawsuit against", «رفع ... دعوى ضد»)
    # (stated with its light verb, the noun asserts the act as a verb does)
    ("Harmaza City Council filed a lawsuit against Pellmark Ticketing on August 17.", [("sue", "", "Harmaza City Council", "Pellmark Ticketing", "verb")]),
    ("رفع مجلس مدينة حرمزة دعوى قضائية ضد شركة بيلمارك في 17 آب.", [("sue", "", "حرمزة", "بيلمارك", "verb")]),
    ("قدّم الرئيس التنفيذي لشركة \"ساحل موبايل\" كريم عبد النور استقالته، أول أمس الخميس.", [("resign", "", "كريم عبد النور", "", "verb")]),
    ("Sam Altman tendered his resignation on Friday.", [("resign", "", "Sam Altman", "", "verb")]),
    ("The resignation of Sam Altman surprised staff.", [("resign", "", "Sam Altman", "", "noun")]),
    ("The arrest of Ziad Fanoush shocked the city.", [("arrest", "", "", "Ziad Fanoush", "noun")]),
    # «لل» inside a person's title leads to no one
    ("استقالت المديرة المالية للشركة سلوى المرجاني في 7 أغسطس.", [("resign", "", "سلوى المرجاني", "", "verb")]),
    # the name a relative clause is about; a person's title reaches past its description;
    # a dateline is no subject; «إنه» opens what the speaker said, past the commas of his description
    ("Ziad Shalbaki, the former commercial director who was appointed interim chief executive on October 6, said the sale was final.", [("appoint", "", "", "Ziad Shalbaki", "verb")]),
    ("زافرون – اعتقلت الشرطة أمين صندوق نقابة طياري الخطوط القسمارية بسام القرنبي (Bassam Qarnabi) في 14 تشرين الأول.", [("arrest", "", "الشرطة", "Bassam Qarnabi", "verb")]),
    ("قال كبير مسؤولي السلامة السابق في الشركة، الكابتن طارق الغزّول، إنه لن يعود إلى الشركة.", [("return", "", "طارق الغزول", "", "verb")]),
    # more words for the acts: «أعفى» (relieved of a post), "taken into custody", «قبض على»
    ("أعفى مجلس أمناء المتحف مديره العام سامي حداد يوم 3 فبراير.", [("dismiss", "", "", "سامي حداد", "verb")]),
    ("وأُعفي المدير العام سامي حداد من منصبه.", [("dismiss", "", "", "سامي حداد", "verb")]),
    ("Sami Haddad was taken into custody on February 8.", [("arrest", "", "", "Sami Haddad", "verb")]),
    ("ألقت الشرطة القبض على التاجر مروان شلباية.", [("arrest", "", "الشرطة", "مروان شلباية", "verb")]),
    # an Arabic verb with its object glued to it: whom, the pronoun's party before it; who, a name after it
    ("بعد يوم من توقيف المهندس يوسف درويش، إذ أوقفته الشرطة أول أمس الأربعاء.", [("arrest", "", "", "يوسف درويش", "noun"), ("arrest", "", "الشرطة", "يوسف درويش", "verb")]),
    ("وكان المدير سامي حداد في مكتبه عندما اعتقلته الشرطة.", [("arrest", "", "الشرطة", "سامي حداد", "verb")]),
    ("وكان سامي حداد مديراً للشركة، وقد أقالته OpenAI يوم الجمعة.", [("dismiss", "", "OpenAI", "سامي حداد", "verb")]),  # «أقالته»: a verb
    ("وكانت OpenAI قد أقالته بعد أسبوع.", [("dismiss", "", "OpenAI", "", "verb")]),  # the pronoun's party is not in the sentence
    ("وأكد سامي حداد إقالته من منصبه.", [("dismiss", "announcement", "", "سامي حداد", "noun")]),  # «إقالته»: his dismissal
    ("وتعاقدت OpenAI مع المدربة رنا الزلفاني، ثم أقالوها بعد شهر.", [("appoint", "", "OpenAI", "رنا الزلفاني", "verb"), ("dismiss", "", "", "رنا الزلفاني", "verb")]),
    ("وقال سامي حداد في الوقت عينه إن الشركة لن تغلق.", []),  # «عينه»: "the same", no appointment, not opening its clause
    # «أقاله» (dismissed him; «إقالة», the noun, ends in ة), after «إذ كان» and a titled subject of six words
    (
        "بعد أيام من إطاحة رئيس الهيئة طارق جابر، إذ كان وزير الطاقة والثروة المعدنية نبيل شرف قد أقاله من منصبه يوم الأحد.",
        [("dismiss", "", "", "طارق جابر", "noun"), ("dismiss", "", "نبيل شرف", "طارق جابر", "verb")],
    ),
    ("وأعلنت OpenAI إقالة سامي حداد.", [("dismiss", "announcement", "", "سامي حداد", "noun")]),  # the noun stays a noun
    # a relative clause's name past a name inside its appositive; "was later freed" is passive
    ("Teodor Brask, the Harlen plant manager who was arrested on March 6, was later freed on bail.", [("arrest", "", "", "Teodor Brask", "verb"), ("release", "", "", "Teodor Brask", "verb")]),
    # «منذ أن» (since) opens a clause of time: the act is asserted, no purpose
    ("وتتولى ليند إدارة الشركة منذ أن قدّم أوريل دانوف استقالته يوم الاثنين.", [("resign", "", "دانوف", "", "verb")]),
    ("وقرر المجلس أن يقيل سامي حداد.", [("dismiss", "decision", "", "سامي حداد", "verb")]),
    # an organisation inside the title of whom the act was done to is passed over
    ("أوقفت الشرطة أمس الخميس مدير السلامة في شركة تلال للفوسفات يوسف هلال.", [("arrest", "", "الشرطة", "يوسف هلال", "verb")]),
    # a date set off by commas stands between the act and whom; «برئاسة» (chaired by) leads to no one;
    # an organisation's board acts for it
    ("أقال مجلس إدارة شركة «طيران الساحل» برئاسة عادل كنعان، أمس الخميس، مدير الصيانة في الشركة نبيل الصراف.", [("dismiss", "", "طيران الساحل", "نبيل الصراف", "verb")]),
    ("أقال مجلس إدارة شركة «طيران الساحل» المدير نبيل الصراف.", [("dismiss", "", "طيران الساحل", "نبيل الصراف", "verb")]),
    # "relieved of his duties" dismisses; "relieved" alone does not
    ("Sam Altman's board relieved chief scientist Ilya Sutskever of his duties.", [("dismiss", "", "Sam Altman", "Ilya Sutskever", "verb")]),
    ("Investors were relieved after Sam Altman spoke.", []),
    # whom a relative clause's act was done to: "X, whom Y fired"
    ("Nabil Sarraf, whom Transport Minister Karim Abdel-Nour fired from his post, was freed on bail.", [("dismiss", "", "Karim Abdel-Nour", "Nabil Sarraf", "verb"), ("release", "", "", "Nabil Sarraf", "verb")]),
    ("Nabil Sarraf said Karim Abdel-Nour fired him.", [("dismiss", "", "Karim Abdel-Nour", "", "verb")]),  # no relative clause: whom is unnamed
    ("وقال الوزير إن الحكومة لن تعفي الشركات من الضرائب.", []),  # «تعفي» exempts: no one named is dismissed
    # a verb the lexicon lists as ambiguous states its act only before one of its objects
    ("وقعت شركة مايكروسوفت عقداً مع ألتمان أمس.", [("sign", "", "مايكروسوفت", "ألتمان", "verb")]),  # «مع»: with whom
    ("وقّعت شركة مايكروسوفت يوم الثلاثاء الماضي في العاصمة عقد الامتياز.", [("sign", "", "مايكروسوفت", "", "verb")]),  # a lone name acts
    ("وقعت الحادثة في مقر شركة مايكروسوفت.", []),  # «وقعت»: it happened
    ("Microsoft signed the agreement on Monday.", [("sign", "", "Microsoft", "", "verb")]),
    ("More than 700 employees of OpenAI signed a letter to the board.", []),  # signers: a count, not an act
    ("Microsoft signs of recovery worried OpenAI.", []),
    ("The agreement with Microsoft was signed on Monday.", [("sign", "", "", "Microsoft", "verb")]),
    ("Microsoft withdrew from the deal on Wednesday.", [("withdraw", "", "Microsoft", "", "verb")]),
    ("انسحبت شركة مايكروسوفت من المشروع.", [("withdraw", "", "مايكروسوفت", "", "verb")]),
    ("The regulator cancelled the OpenAI contract on June 16.", [("cancel", "", "regulator", "OpenAI", "verb")]),
    ("علّقت شركة مايكروسوفت عضوية ألتمان يوم 24 يوليو.", [("suspend", "", "مايكروسوفت", "ألتمان", "verb")]),
    ("وعلّق ألتمان على القرار في منشور.", []),  # «علّق على»: he commented
    ("The court acquitted Sam Altman on August 6.", [("acquit", "", "court", "Sam Altman", "verb")]),
    ("Sam Altman was let go on Monday.", [("dismiss", "", "", "Sam Altman", "verb")]),
    ("The central bank dismissed Microsoft's chief executive on Monday.", []),  # the owner is not whom
    # commas setting off who acted and when do not part an ambiguous verb from its object
    ("وقّع بنك مايكروسوفت، أمس الخميس 22 أكتوبر، اتفاقاً للاستحواذ على شبكة فروع.", [("sign", "", "مايكروسوفت", "", "verb")]),
    # a day between the stage word and the act does not count
    ("The university announced on 17 May 2026 the dismissal of Rana Zalfani.", [("dismiss", "announcement", "", "Rana Zalfani", "noun")]),
    # who acted, named only by what it is: a body of the lexicon's [agents]
    ("The federation's executive board named Sam Altman interim president on Tuesday.", [("appoint", "", "federation's executive board", "Sam Altman", "verb")]),
    ("Sam Altman was arrested by police on Friday.", [("arrest", "", "police", "Sam Altman", "verb")]),
    ("The spokesman said police arrested Sam Altman.", [("arrest", "", "police", "Sam Altman", "verb")]),  # the body's own words only
    ("أقالت وزارة الرياضة أمس سام ألتمان.", [("dismiss", "", "وزارة الرياضة", "ألتمان", "verb")]),  # a noun and whose it is
    ("A street named after Sam Altman opened on Tuesday.", []),  # "named" with no title after it names no appointment
    # a verb with its object glued to it after a relative pronoun that the pronoun repeats, or after «منذ أن»
    ("أُفرج عن سامي حداد، الذي كانت الشرطة قد اعتقلته يوم الجمعة.", [("release", "", "", "سامي حداد", "verb"), ("arrest", "", "الشرطة", "سامي حداد", "verb")]),
    ("وتتولى رنا الزلفاني الإدارة منذ أن عيّنها سام ألتمان يوم الثلاثاء.", [("appoint", "", "ألتمان", "رنا الزلفاني", "verb")]),
    ("وقال سامي حداد إن OpenAI، التي أقالته يوم الجمعة، لم تبلغه.", []),  # «التي»: the clause is about OpenAI, the pronoun is someone else
    # the judge (القاضي) is no «قاضى» (sued): a verb never takes the article
    ("رفض القاضي سامي حداد طلب الإفراج.", []),
    # a resignation announced by whose it is, past his title set off by commas
    ("أعلن سام ألتمان، رئيس الشركة السابق، أمس الاثنين استقالته من منصبه.", [("resign", "", "ألتمان", "", "verb")]),
    ("Sam Altman announced his resignation on Monday.", [("resign", "", "Sam Altman", "", "verb")]),
    # ... someone else's resignation announced is an announcement (a stage), not the act
    ("Microsoft announced Sam Altman's resignation on Monday.", [("resign", "announcement", "Sam Altman", "", "noun")]),
    # appearing before a court, a committee or a parliament; «يمثل» is also "represents"
    ("Sam Altman testified before the Senate committee on Tuesday.", [("testify", "", "Sam Altman", "", "verb")]),
    ("Sam Altman appeared before the committee.", [("testify", "", "Sam Altman", "", "verb")]),
    ("مثل الرئيس التنفيذي سام ألتمان أمام لجنة التحقيق البرلمانية.", [("testify", "", "سام ألتمان", "", "verb")]),
    ("يمثل سام ألتمان الشركة في المفاوضات.", []),
    ("يمثل القرار عقبة أمام مجلس الإدارة.", []),
    # «أوقف» arrested, or suspended when «عن العمل» (from work) follows, past a long title
    ("أوقفت الشرطة أمس الخميس مديرة السلامة إينيس فارو.", [("arrest", "", "الشرطة", "إينيس فارو", "verb")]),
    ("أوقفت الإدارة الخميس مديرة السلامة في المحطة إينيس فارو عن العمل إلى حين انتهاء التحقيق.", [("suspend", "", "", "إينيس فارو", "verb")]),
    # a passive verb after its subject and the subject's title set off by commas
    ("وقالت الشرطة إن ماريك تولين، المشرف على الوردية، اعتُقل الأربعاء.", [("arrest", "", "", "ماريك تولين", "verb")]),
    # whom an English act was done to, named in apposition after what it is
    ("Police arrested the ferry's first officer, Luka Brennic, on March 3.", [("arrest", "", "Police", "Luka Brennic", "verb")]),
    ("Police arrested the captain of the Celina Star, Teodor Rusk, at his home.", [("arrest", "", "Police", "Teodor Rusk", "verb")]),
    ("Police arrested the suspect, Luka Brennic said.", []),  # who said it, not whom
    # an ambiguous verb's object past a long subject and a date: the date counts for no words
    ("مثلت الرئيسة التنفيذية لشركة أورفانت البحرية ميريام تالبيك اليوم الأربعاء أمام لجنة التحقيق البرلمانية.", [("testify", "", "ميريام تالبيك", "", "verb")]),
    # what a named agent's act was done to, when no name says it: the words after the verb
    ("وكانت هيئة السلامة البحرية قد علّقت الأربعاء الماضي ترخيص تشغيل الشركة.", [("suspend", "", "هيئة السلامة البحرية", "ترخيص تشغيل الشركة", "verb")]),
    ("The Maritime Safety Authority suspended the company's operating licence on Wednesday.", [("suspend", "", "Maritime Safety Authority", "operating licence", "verb")]),
    ("Orvant Maritime suspended all sailings from Belmora.", [("suspend", "", "Orvant Maritime", "", "verb")]),  # "all": no description
    # what is asked is not told
    ("Asked whether Sam Altman would resign, the board said nothing.", []),
    ("سئل سامي حداد عما إذا كان سيستقيل.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_events_read_from_a_sentence(sentence, expected):
    assert events_of(sentence) == expected


def test_parse_marks_a_denied_event_and_dates_it():
    result = parse_text("Sam Altman will not return to OpenAI. The board fired Sam Altman on 17 November 2023.", ALIASES)
    events = result["events"]
    assert [(e["action"], e["negated"]) for e in events] == [("return", True), ("dismiss", False)]
    assert events[1]["frame"]["time"] == ["2023-11-17"] and events[1]["frame"]["unit_class"] == "event"
    text = "Sam Altman will not return to OpenAI. The board fired Sam Altman on 17 November 2023."
    assert all(text[e["char_start"] : e["char_end"]] == e["text"] for e in events)


@pytest.mark.parametrize(
    "sentence",
    [
        "OpenAI denied that it had fired Sam Altman.", "Sam Altman was not fired.", "Microsoft has not acquired OpenAI.", "Sam Altman did not resign.",
        "لم يمثل الرئيس التنفيذي سام ألتمان أمام لجنة التحقيق البرلمانية.",
    ],
)
def test_a_denied_event_is_negated(sentence):
    events = parse_text(sentence, ALIASES)["events"]
    assert len(events) == 1 and events[0]["negated"] and not events[0]["hedged"]


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        ("Sam Altman will not return to OpenAI.", "will not return"),
        ("Sam Altman, the co-founder, has not resigned, a spokesperson said.", "has not resigned"),
        ("Microsoft didn't hire Sam Altman.", "didn't hire Sam Altman"),
        ("لن يعود المهاجم خليل الصبارني (Khalil Sabarni) إلى المنتخب.", "لن يعود المهاجم خليل الصبارني (Khalil Sabarni)"),
        ("ولم يستقل نبيل السرخاوي من منصبه.", "لم يستقل نبيل السرخاوي"),
        ("OpenAI denied that it had fired Sam Altman.", "denied that it had fired Sam Altman"),  # the denial says the polarity
    ],
)
def test_a_denied_verb_is_quoted_with_its_negation(sentence, quote):
    [event] = parse_text(sentence, ALIASES)["events"]
    assert event["negated"] and event["text"] == quote and sentence[event["char_start"] : event["char_end"]] == quote


def test_an_event_lexicon_file_extends_the_shipped_one(tmp_path, monkeypatch):
    extra = tmp_path / "events.toml"
    extra.write_text('[[event]]\nname = "indict"\nidentity = ["patient"]\nverbs = ["indicted"]\n', encoding="utf-8")
    lex = EventLexicon.load(extra)
    assert lex.form_of("indicted") == ("indict", "verb") and lex.form_of("fired") == ("dismiss", "verb")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"event": [{"name": "x", "identity": ["who"]}]}, "identity must list"),
        ({"event": [{"name": "x", "verbs": "fired"}]}, "must be a list"),
        ({"event": [{"verbs": ["fired"]}]}, "needs a name"),
        ({"event": [{"name": "x", "passive": "أقيل"}]}, "passive must be a list"),
        ({"stages": {"later": ["then"]}}, "unknown key 'later'"),
        ({"stages": {"another": "separate"}}, r"\[stages\] another must be a list of words"),
        ({"stages": ["decided"]}, r"\[stages\] must be a table"),
        ({"agents": {"public_offices": "minister"}}, r"\[agents\] public_offices must be a list of words"),
        ({"agents": {"officials": ["minister"]}}, "unknown key 'officials'"),
        ({"agents": ["minister"]}, r"\[agents\] must be a table"),
        ({"events": []}, "unknown key 'events'"),
        ({"event": [{"name": "x", "ambiguous": ["signed"]}]}, "ambiguous verbs need objects"),
        ({"event": [{"name": "x", "objects": "deal"}]}, "objects must be a list"),
        ({"event": [{"name": "x", "patient_only_after": "yes"}]}, "patient_only_after must be true or false"),
        ({"event": [{"name": "x", "nouns": ["… against"]}]}, "stands for words between two words"),
        ({"event": [{"name": "x", "nouns": ["lawsuit …"]}]}, "stands for words between two words"),
        ({"event": [{"name": "x", "posts": "yes"}]}, "posts must be true or false"),
        ({"posts": ["chairman"]}, "posts must be a table"),
        ({"posts": {"chair": "chairman"}}, r"\[posts\] chair must be a list of words"),
        ({"posts": {"chair": ["chairman … of"]}}, "a post is named by adjacent words"),
        ({"stages": {"orders": "ordered"}}, r"\[stages\] orders must be a list of words"),
    ],
)
def test_a_bad_event_lexicon_is_one_line(data, message):
    with pytest.raises(ConfigError, match=message) as err:
        check_events(data, "event lexicon x.toml")
    assert "\n" not in str(err.value)


@pytest.mark.parametrize(
    ("sentence", "stage"),
    [
        ("The board voted on Thursday, 5 February, to dismiss Sam Altman.", "decision"),
        ("Sam Altman is expected to return to OpenAI.", "intent"),
        ("Sam Altman refused to resign.", "intent"),
        ("The board fired Sam Altman.", ""),
        ("وافق مجلس الإدارة يوم الخميس، بعد نقاش طويل، على إقالة ألتمان.", "decision"),
        ("يسعى المستثمرون لإقالة ألتمان.", "intent"),
        ("Sam Altman's return had been planned for April 1.", "intent"),
    ],
)
def test_an_act_named_as_a_purpose_is_not_asserted(sentence, stage):
    assert [e[1] for e in events_of(sentence)] == [stage]


def test_a_date_that_dates_an_event_is_marked_with_it():
    from factcheck.claims.extract import analyse
    from factcheck.sources.model import Source

    text = "Fired\n\nThe board fired Sam Altman on 17 November 2023. The letter was signed on 20 November 2023."
    source = Source(id="s", path="-", format="txt", text=text, sha256="")
    dates = {c.quote: c.date.event for c in analyse(source, ALIASES).claims if c.date is not None}
    assert dates == {"17 November 2023": "dismiss", "20 November 2023": ""}


def test_every_date_of_an_event_with_several_is_marked_with_it():
    from factcheck.claims.extract import analyse
    from factcheck.sources.model import Source

    # which date dates the dismissal the sentence leaves open: neither is compared on its own
    text = "Out\n\nThe council dismissed Nizar Khamlawi, its manager since July 2026, on 3 August 2026. The tram opened on 1 May 2026."
    source = Source(id="s", path="-", format="txt", text=text, sha256="")
    dates = {c.quote: c.date.event for c in analyse(source, ALIASES).claims if c.date is not None}
    assert dates == {"July 2026": "dismiss", "3 August 2026": "dismiss", "1 May 2026": ""}


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        ("Harmaza City Council filed a lawsuit against Pellmark Ticketing on August 17.", "filed a lawsuit against Pellmark Ticketing"),
        ("رفع مجلس مدينة حرمزة دعوى قضائية ضد شركة بيلمارك في 17 آب.", "رفع مجلس مدينة حرمزة دعوى قضائية ضد شركة بيلمارك"),
        # a court between the lawsuit and whom it is against (a listed phrase's gap)
        ("Harmaza City Council filed a lawsuit in the Harmaza district court against Pellmark Ticketing.",
         "filed a lawsuit in the Harmaza district court against Pellmark Ticketing"),
    ],
)
def test_a_noun_stated_with_its_light_verb_is_quoted_from_the_verb(sentence, quote):
    [event] = parse_text(sentence, ALIASES)["events"]
    assert event["text"] == quote and sentence[event["char_start"] : event["char_end"]] == quote


def test_a_lawsuit_past_a_court_and_a_date_is_against_the_name_after_against():
    [event] = parse_text("أقامت الهيئة في الحادي عشر من آذار/مارس دعوى أمام محكمة أوستريل الابتدائية ضد شركة بريفيك للخدمات.", ALIASES)["events"]
    # who acted is named only by what it is, with its article; whom, the name after «ضد», not the court's
    assert (event["action"], event["agent"], event["patient"]) == ("sue", "الهيئة", "بريفيك")


def _events_read(text: str) -> list[tuple]:
    return [(e["action"], e["agent"], e["negated"], e["text"]) for e in parse_text(text, ALIASES)["events"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an act told in the first person inside a quotation: its speaker acts
        ('Halvern Drostik left on Monday. "I will not return to Ostrelmo while this ministry rules," he said.', [("return", "Halvern Drostik", True, "will not return")]),
        ('The board met on Monday. "We have resigned from nothing," Sam Altman said.', [("resign", "Sam Altman", False, "resigned")]),
        # whose quotation it is nobody says: no act is read
        ('"I will not return," the statement said.', []),
        # Arabic: the verb's own person says it («أستقيل», «نتنحى»); the speaker is the subject of
        # the clause a subject-less «وقال» joins, not a name of an earlier sentence
        (
            "وأقالت الشركة مدير الموقع كريم عواد. ورفض الرئيس التنفيذي مروان الدباغ الدعوات إلى تنحيه، وقال: «لن أستقيل. مسؤوليتي أن أبقى».",
            [("dismiss", "الشركة", False, "أقالت الشركة مدير الموقع كريم عواد"), ("resign", "مروان الدباغ", True, "لن أستقيل")],
        ),
        ("وقال سامي حداد: «لن نتنحى».", [("resign", "سامي حداد", True, "لن نتنحى")]),
        # a wish in a clause of «أن» is no statement that it happens
        ("وقالت لينا فوسبيرغ: «يسعدني أن أعود إلى بيتي».", []),
    ],
)
def test_a_first_person_act_in_a_quotation_is_its_speakers(text, expected):
    assert _events_read(text) == expected


@pytest.mark.parametrize(
    ("text", "negated", "quote"),
    [
        # a verb of denial before the act: the act is denied, and its quote shows the denial
        ("نفى تادرين فاشكيل (Tadrin Vashkel)، نائب المدير العام للهيئة، أن يكون قد استقال من منصبه.", True, "نفى تادرين فاشكيل (Tadrin Vashkel)، نائب المدير العام للهيئة، أن يكون قد استقال"),
        ("Salwa Marjani denied on Sunday that she had resigned.", True, "denied on Sunday that she had resigned"),
    ],
)
def test_a_denied_act_quotes_its_denial(text, negated, quote):
    (event,) = parse_text(text, ALIASES)["events"]
    assert (event["negated"], event["text"]) == (negated, quote)


@pytest.mark.parametrize(
    "text",
    [
        # a negation about another word than the act's noun
        "The ministry gave no reason for Halvern Drostik's dismissal.",
        "ولم يتضح بعد ما إذا كانت للقضية صلة بإقالة هالفيرن دروستيك.",
    ],
)
def test_a_negation_elsewhere_does_not_deny_an_acts_noun(text):
    assert [e["negated"] for e in parse_text(text, ALIASES)["events"]] in ([False], [])


@pytest.mark.parametrize(
    ("text", "action", "time"),
    [
        # an act's noun is not dated by another verb's date in its sentence
        ("Carvo Ozzelin threatened on 23 February 2026 to quit unless the ministry reversed Halvern Drostik's dismissal.", "dismiss", []),
        # but by a date that opens the sentence, or one of its own clause
        ("In November 2023, OpenAI stunned the industry with the dismissal of Sam Altman.", "dismiss", ["2023-11"]),
        ("The board confirmed Halvern Drostik's dismissal on 17 February 2026.", "dismiss", ["2026-02-17"]),
        # a noun stated with its light verb is dated as a verb is
        ("رفع مجلس مدينة حرمزة دعوى قضائية ضد شركة بيلمارك لأنظمة التذاكر أمام المحكمة التجارية في 17 آب 2026.", "sue", ["2026-08-17"]),
    ],
)
def test_when_an_acts_noun_happened(text, action, time):
    assert [e["frame"]["time"] for e in parse_text(text, ALIASES)["events"] if e["action"] == action] == [time]


@pytest.mark.parametrize(
    ("text", "action", "time"),
    [
        # an act told in a relative clause is background: a date of its own clause, not the sentence's others
        ("عيّن مجلس إدارة «نورفاث»، يوم الثلاثاء 21 تشرين الأول 2025، المهندس بسام كنعان مديراً، خلفاً لهشام درويش الذي أُقيل من منصبه عقب الانقطاع.", "dismiss", []),
        ("Ziad Shalbaki, the former commercial director who was appointed interim chief executive on October 6, 2025, said the sale was final.", "appoint", ["2025-10-06"]),
        ("Sam Altman, whom Microsoft hired, returned to OpenAI on 22 November 2023.", "appoint", []),
        ("Sam Altman returned to OpenAI on 22 November 2023.", "return", ["2023-11-22"]),  # no relative clause: the sentence's date
    ],
)
def test_an_act_in_a_relative_clause_takes_only_its_own_clauses_date(text, action, time):
    assert [e["frame"]["time"] for e in parse_text(text, ALIASES)["events"] if e["action"] == action] == [time]


def test_an_arabic_subject_set_off_by_commas_after_its_title_acts():
    text = "عاد المدير العام السابق لهيئة ميناء أوستريلمو، هالفيرن دروستيك، إلى المدينة في 8 مارس 2026."
    assert [(e["action"], e["agent"], e["frame"]["time"]) for e in parse_text(text, ALIASES)["events"]] == [("return", "هالفيرن دروستيك", ["2026-03-08"])]


def test_a_quotations_he_is_the_one_who_last_spoke_not_an_organisation_named_before():
    text = (
        '"We placed Orvane under administration last Monday," Qaltoun said. '
        'Asked whether he would step down, he was blunt. "I will not resign," he said.'
    )
    events = parse_text(text, ALIASES)["events"]
    assert [(e["action"], e["agent"], e["negated"]) for e in events] == [("resign", "Qaltoun", True)]


@pytest.mark.parametrize(
    ("text", "time", "dates"),
    [
        # a wire dateline's date is when the report was written: no claim, and no time of the
        # lead's event, while its weekday still counts from it
        ("Mine\n\nQARMAZ, July 23, 2026 (Qarmaz Herald) - The board fired Sam Altman on Tuesday.", ["2026-07-21"], ["Tuesday"]),
        ("منجم\n\nقرمز، 15 تموز 2026 (المرصد) - أقالت OpenAI سام ألتمان أمس الثلاثاء.", ["2026-07-14"], ["أمس", "الثلاثاء"]),
        ("WASHINGTON, March 3, 2026 — Microsoft hired Sam Altman on March 2, 2026.", ["2026-03-02"], ["March 2, 2026"]),
        # a date opening a sentence without a place before it is the sentence's own
        ("Mine\n\nOn Monday, July 20, 2026 - the board fired Sam Altman.", ["2026-07-20"], ["Monday, July 20, 2026"]),
        # ... nor one in the middle of a paragraph
        ("Intro. Later, July 20, 2026 - the board fired Sam Altman.", ["2026-07-20"], ["July 20, 2026"]),
    ],
)
def test_a_wire_datelines_date_is_no_claim_and_dates_no_event(text, time, dates):
    from factcheck.claims.extract import analyse
    from factcheck.sources.model import Source

    source = Source(id="s", path="-", format="txt", text=text, sha256="")
    claims = analyse(source, ALIASES).claims
    assert [c.frame.time for c in claims if c.kind == "event"] == [time]
    assert [c.quote for c in claims if c.kind == "date"] == dates


@pytest.mark.parametrize(
    ("text", "end", "another"),
    [
        ("X signed a separate agreement with Y.", 8, True),
        ("فقد وقّعت معادن ترساليا في 15 يوليو اتفاقاً منفصلاً مع الشركة.", 9, True),
        ("Orvane fired a second executive on Monday.", 12, True),
        ("X signed an agreement with Y. Another deal followed.", 8, False),  # another sentence
        ("X signed the agreement, and a second one is planned.", 8, False),  # another clause
        ("وقّعت شركة معادن ترساليا عقد امتياز في آخر يوم من الشهر.", 5, False),  # «آخر»: last
    ],
)
def test_the_words_after_an_act_may_tell_another_act_of_its_kind(text, end, another):
    from factcheck.claims.events import tells_another

    assert tells_another(text, end) is another


@pytest.mark.parametrize(
    ("sentence", "patient"),
    [
        ("اعتقلت الشرطة القضائية أول أمس الثلاثاء مدير محطة تل عمرون يوسف مرّاش.", "يوسف مراش"),
        ("كانت النيابة قد ألقت القبض يوم الخميس 15 أكتوبر على رئيس مجلس الإدارة سليم أبراني.", "سليم أبراني"),
        ("The board dismissed on 12 October 2026 its chief executive Fadi Mensali.", "Fadi Mensali"),
    ],
)
def test_a_date_between_an_act_and_whom_it_was_done_to_counts_as_no_words(sentence, patient):
    (event,) = parse_text(sentence, ALIASES)["events"]
    assert event["patient"] == patient


def test_a_wire_datelines_place_and_agency_are_no_participants():
    from factcheck.claims.extract import analyse
    from factcheck.sources.model import Source

    text = "Board\n\nQARMAZ, July 23, 2026 (Qarmaz Herald) - The board fired Sam Altman on Tuesday."
    claims = analyse(Source(id="s", path="-", format="txt", text=text, sha256=""), ALIASES).claims
    assert [(c.frame.agent, c.frame.patient) for c in claims if c.kind == "event"] == [("board", "Sam Altman")]
    assert all("Qarmaz Herald" not in c.actors for c in claims)


@pytest.mark.parametrize(
    ("text", "time"),
    [
        # a date inside the act's own words dates it; one in another act's relative clause does not
        (
            "أوقفت الشرطة أمس الخميس مدير السلامة يوسف هلال، في إطار التحقيق في انهيار البئر، الذي أودى الأحد الماضي بحياة سبعة عمال.",
            ["2025-10-09"],
        ),
        ("أوقفت الشرطة مدير السلامة يوسف هلال، في إطار التحقيق في انهيار البئر، الذي أودى الأحد الماضي بحياة سبعة عمال.", []),
        ("Police arrested Yousef Hilal over the collapse, which killed seven miners on Sunday.", []),
        ("Police arrested Yousef Hilal on Thursday over the collapse, which killed seven miners on Sunday.", ["2025-10-09"]),
    ],
)
def test_an_act_is_not_dated_by_another_acts_relative_clause(text, time):
    from factcheck.claims.extract import analyse
    from factcheck.sources.model import Source

    source = Source(id="s", path="-", format="txt", text=text, sha256="", published="2025-10-10")
    claims = analyse(source, ALIASES).claims
    assert [c.frame.time for c in claims if c.kind == "event"] == [time]
    # the relative clause's date stays told with the act: it is not compared on its own
    assert all(c.date.event for c in claims if c.kind == "date" and c.date.date == "2025-10-05")


def _analysed(text: str, published: str = "2025-10-06") -> list:
    from factcheck.claims.extract import analyse
    from factcheck.sources.model import Source

    return analyse(Source(id="s", path="-", format="txt", text=text, sha256="", published=published), ALIASES).claims


@pytest.mark.parametrize(
    "text",
    [
        "The airline announced on October 4 that it had dismissed Fadi Qutrani, in a brief statement.",
        "وقال المتحدث يوم الاثنين إن الشركة أقالت فادي القطراني.",
    ],
)
def test_a_date_of_the_saying_does_not_date_the_act_said(text):
    [event] = [c for c in _analysed(text) if c.event is not None]
    assert event.event.action == "dismiss" and event.frame.time == []
    # the act's own date still dates it
    [event] = [c for c in _analysed("On October 3, the board dismissed Fadi Qutrani.") if c.event is not None]
    assert event.frame.time == ["2025-10-03"]


def test_he_stands_for_the_one_person_named_just_before():
    text = "Dario Venkel, the utility's chief executive, faced growing pressure this week. He resigned on Saturday."
    [event] = [c for c in _analysed(text) if c.event is not None]
    assert (event.event.action, event.event.agent, event.frame.time) == ("resign", "Dario Venkel", ["2025-10-04"])
    # two people named just before: which one is not read
    text = "Minister Halima Sorrant met Dario Venkel, the utility's chief executive. He resigned on Saturday."
    assert [c for c in _analysed(text) if c.event is not None] == []
    # nor does a pronoun after a name stand for anyone before it
    text = "Dario Venkel, the utility's chief executive, faced pressure. Marek Tollin said he resigned."
    assert [c.event.agent for c in _analysed(text) if c.event is not None] != ["Dario Venkel"]


def test_an_arabic_act_with_no_named_party_stands_for_the_person_just_named():
    text = "وواجه الرئيس التنفيذي داريو فينكل ضغوطاً متزايدة هذا الأسبوع. واستقال يوم السبت في رسالة إلى مجلس الإدارة."
    [event] = [c for c in _analysed(text) if c.event is not None]
    assert (event.event.action, event.event.agent, event.event.agent_type) == ("resign", "داريو فينكل", "person")
    text = "وقال مصدر إن ماريك تولين، المشرف على الوردية، يخضع للتحقيق. وكانت الشرطة قد اعتقلته الأربعاء."
    [event] = [c for c in _analysed(text) if c.event is not None]
    assert (event.event.action, event.event.agent, event.event.patient) == ("arrest", "الشرطة", "ماريك تولين")
    # a subject after the verb is the verb's own, named or not
    text = "وواجه الرئيس التنفيذي داريو فينكل ضغوطاً متزايدة. واستقال المدير المالي للشركة أمس."
    assert [c for c in _analysed(text) if c.event is not None] == []


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("The judge refused to release Sam Altman on bail.", "refused to release Sam Altman"),
        ("The court rejected a request to release Sam Altman.", "rejected a request to release Sam Altman"),
        ("رفض القاضي الإفراج عن سامي حداد بكفالة.", "رفض القاضي الإفراج عن سامي حداد"),
        ("رفضت المحكمة طلب الإفراج عن سامي حداد.", "رفضت المحكمة طلب الإفراج عن سامي حداد"),
    ],
)
def test_a_refused_act_did_not_happen(text, quote):
    [event] = [c for c in _analysed(text) if c.event is not None]
    assert (event.event.action, event.event.negated, event.event.stage, event.quote) == ("release", True, "", quote)


@pytest.mark.parametrize(
    "text",
    [
        "Sam Altman was released on bail after the court rejected the prosecution's appeal.",
        "The judge released Sam Altman on bail.",
    ],
)
def test_a_refusal_of_something_else_leaves_the_act_told(text):
    [event] = [c for c in _analysed(text) if c.event is not None]
    assert event.event.action == "release" and not event.event.negated


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        # a body named by its kind alone is the organisation of that kind named before
        ("وقّعت هيئة مياه أوستريل عقداً طارئاً. وأقامت الهيئة دعوى ضد شركة بريفيك.", "أوستريل"),
        ("The Ostrel Water Authority met on Monday. The authority sued Brevik Chemicals on Tuesday.", "Ostrel Water Authority"),
        # none of that kind named before: the body as written
        ("وقّعت شركة هالفورن عقداً. وأقامت الهيئة دعوى ضد شركة بريفيك.", "الهيئة"),
    ],
)
def test_a_body_named_by_its_kind_is_the_organisation_of_that_kind(text, agent):
    [event] = [c for c in _analysed(text) if c.event is not None and c.event.action == "sue"]
    assert event.event.agent == agent


def test_a_he_inside_a_quotation_is_not_read_as_the_person_named_before():
    text = 'Dario Venkel, the utility\'s chief executive, faced pressure. "He resigned on Saturday," Tollin said of his deputy.'
    assert [c.event.agent for c in _analysed(text) if c.event is not None] != ["Dario Venkel"]


def _frames_read(text: str) -> list[tuple]:
    return [(e["action"], e["agent"], e["patient"], e["negated"], e["stage"]) for e in parse_text(text, ALIASES, published="2026-11-04")["events"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name read only as someone speaking acts as the "he" of what it said
        ("Matthias Kovar said he would not resign.", [("resign", "Matthias Kovar", "", True, "")]),
        ("Kovar said that he resigned on Monday.", [("resign", "Kovar", "", False, "")]),
        ("Kovar said the board fired Emil Sorvan.", [("dismiss", "board", "Emil Sorvan", False, "")]),  # the speaker is not who acted
        # «أكد أنه لن يستقيل»: a statement that it will not happen, no announcement of it
        ("وأكد كوفار أنه «لن يستقيل» من منصبه.", [("resign", "كوفار", "", True, "")]),
        # ك opening a name is the name's letter («كوفار»), not "like"
        ("ومثل ماتياس كوفار أمام لجنة الصحة البرلمانية يوم الخميس الماضي.", [("testify", "ماتياس كوفار", "", False, "")]),
        # «كان» + the subject + its title set off by commas + «قد» + the verb
        ("وكان ماتياس كوفار، الرئيس التنفيذي لشركة هالفيرن، قد مثل أمام لجنة الصحة البرلمانية.", [("testify", "ماتياس كوفار", "", False, "")]),
        ("وكانت شركة أورفانت، المشغلة للعبارة، قد أقالت مدير المحطة يوسف مراش.", [("dismiss", "أورفانت", "يوسف مراش", False, "")]),
        # a body named by whom it gathers, in quotation marks
        ("أقامت «رابطة الأسر المتضررة» أمس الثلاثاء دعوى قضائية ضد شركة «هالفيرن فارما».", [("sue", "رابطة الأسر المتضررة", "هالفيرن فارما", False, "")]),
        # «ألقت ... القبض» with a date and a place before «على»
        ("ألقت الشرطة القبض يوم الجمعة الماضي في مدينة سيفرين على فيكتور هالم، مدير «كوردكس».", [("arrest", "الشرطة", "فيكتور هالم", False, "")]),
        # a body acting on someone or something no name says
        ("اعتقلت الشرطة مدير المصنع يوم الجمعة.", [("arrest", "الشرطة", "مدير المصنع", False, "")]),
        ("وكانت الشرطة قد أوقفت مدير المصنع يوم الجمعة الماضي في منزله.", [("arrest", "الشرطة", "مدير المصنع", False, "")]),
        ("Police detained the plant manager on Friday.", [("arrest", "Police", "plant manager", False, "")]),
        ("The police said on Friday that it was investigating.", []),
        # the licence of the plant, not the plant: a name behind «ب» and a kind of body
        ("علقت وزارة الصحة يوم الخميس الماضي ترخيص التصنيع الخاص بمصنع أوبرافا.", [("suspend", "وزارة الصحة", "ترخيص التصنيع الخاص", False, "")]),
    ],
)
def test_who_did_what_to_whom_in_news_sentences(text, expected):
    assert _frames_read(text) == expected


def test_who_acted_is_typed_a_person_when_a_speakers_he_and_a_body_when_named_by_its_kind():
    [said] = find_events("Kovar said he would not resign.", [], False, speakers=[(0, 5, "Kovar", "speaker")])
    [held] = find_events("Police detained the plant manager on Friday.", [], False)
    assert (said.agent, said.agent_type) == ("Kovar", "person")
    assert (held.agent, held.patient, held.agent_type) == ("Police", "plant manager", "body")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a court orders is told as done: the order states the act, and the quote opens with it
        (
            "A criminal court on Tuesday ordered Samer al-Haddadi, the federation's secretary-general, to be held in custody for 15 days.",
            [("remand", "", "Samer al-Haddadi", False, "")],
        ),
        ("وكانت المحكمة قد أمرت في 16 نيسان/أبريل بحبس سامر الحدادي احتياطياً.", [("remand", "المحكمة", "سامر الحدادي", False, "")]),
        ("The minister ordered the board to dismiss Sam Altman.", [("dismiss", "", "Sam Altman", False, "")]),
        # a vote, an expectation: not the act
        ("The board voted to dismiss Sam Altman.", [("dismiss", "", "Sam Altman", False, "decision")]),
        ("Sam Altman is expected to return.", [("return", "Sam Altman", "", False, "intent")]),
    ],
)
def test_an_act_ordered_is_told_as_done(text, expected):
    assert _frames_read(text) == expected


def test_an_ordered_acts_quote_opens_with_the_order():
    [event] = parse_text("A court on Tuesday ordered Samer al-Haddadi to be held in custody for 15 days.", ALIASES, published="2026-04-14")["events"]
    assert event["text"].startswith("ordered Samer al-Haddadi")


def test_an_arabic_persons_family_name_alone_is_that_person_in_the_rest_of_the_source():
    text = "وقضت المحكمة بتمديد توقيف الأمين العام للاتحاد سامر الحدادي. وكانت المحكمة قد أمرت في 16 نيسان/أبريل بحبس الحدادي احتياطياً."
    events = parse_text(text, ALIASES, published="2026-04-30")["events"]
    assert [(e["action"], e["patient"]) for e in events if e["action"] == "remand"] == [("remand", "الحدادي")]
