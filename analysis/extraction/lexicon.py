"""Generic domain vocabulary for the rule-based extractor: titles, institutions, states,
trigger words. General knowledge about Arabic news, not about any one article.

Entries are written as in print; `analysis.extraction.clean.normalize` folds them at import.
"""

from __future__ import annotations

import json
from pathlib import Path

from analysis.arabic import normalize
from analysis.extraction.results import EngagementType


def _fold(words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words.split())


# Titles of persons, from `data/titles.json` (what each list holds is written there).
_TITLE_DATA = json.loads((Path(__file__).parent / "data" / "titles.json").read_text(encoding="utf-8"))


def _fold_titles(name: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in _TITLE_DATA[name])


def _fold_next(name: str) -> dict[str, frozenset[str]]:
    return {
        normalize(head): frozenset(normalize(w) for w in words) for head, words in _TITLE_DATA[name].items()
    }


PERSON_TITLE_HEADS = _fold_titles("person_title_heads")
HEAD_OPTIONAL_NEXT = _fold_next("head_optional_next")  # `المتحدث باسم ...`
HEAD_NEEDS_NEXT = _fold_next("head_needs_next")  # `رجل الدين`, `دولة رئيس الوزراء`
TITLE_TIME_WORDS = _fold_titles("title_time_words")  # `أمين المجلس آنذاك علي شمخاني`
EPONYM_NOUNS = _fold_titles("eponym_nouns")  # `مطار الملك خالد`: a place named after a person
RULE_NOUNS = _fold_titles("rule_nouns")  # `حكومة X Y`, `نظام X Y`: the rule of the person named
ADDRESS_HONORIFICS = _fold_titles("address_honorifics")  # `معالي X وزير ...، سعادة Y سفير ...`
# `سعادته` (his happiness), `دولته` (his state): with a pronoun, common nouns, no form of address
ADDRESS_COMMON_NOUNS = _fold_titles("address_honorifics_common_nouns")
HONORIFICS = _fold_titles("honorifics")  # before a short form: `السيد تولر`
PERSONAL_HONORIFICS = _fold_titles("personal_honorifics")  # `الشيخ تميم`: a form he is named by
TITLE_WORDS = _fold_titles("title_words")  # words that continue a title without being part of a name
TITLE_WORD_NEXT = _fold_next("title_word_next")  # `أركان حرب`: a word a title takes after another
DUAL_HEADS = _fold_titles("dual_heads")
TITLE_ABBREVIATIONS = _fold_titles(
    "abbreviations"
)  # `السفير د. X`: `د.` inside a title  # `وزيرا الدفاع X و Y`: a title of two persons

ORG_HEADS = _fold(
    """
    هيئة وزارة مجلس لجنة عصائب كتلة مركز حزب حركة منظمة تنظيم جبهة وكالة قوات ائتلاف تحالف تيار
    كتائب فيلق سرايا فصائل جهاز مديرية مؤسسة شركة جامعة معهد اتحاد نقابة مكتب حرس جماعة
    ميليشيا مليشيا ميلشيا ميليشيات مليشيات
    """
)
# Definite nouns that name an armed or political group with a nisba adjective after them
# (`المقاومة الإسلامية في العراق`, `الحرس الثوري الإيراني`, `الحرس الوطني`, `التحالف العربي`).
DEFINITE_ORG_HEADS = _fold("المقاومة الحرس التحالف")
# Institutions that may follow `في` inside an organisation's name.
INSTITUTION_WORDS = _fold("البرلمان الكونغرس الحكومة الجيش مجلس الدوما النواب الشيوخ الأمم الاتحاد")

_STOPWORDS_TEXT = """
    في من إلى الى على عن مع أن إن ان أنّ إنّ قد لقد كان كانت يكون يوم أمس امس اليوم غدا غداً خلال بعد
    قبل منذ حيث الذي التي الذين اللذين اللتين هذا هذه ذلك تلك هؤلاء هو هي هم هما كل بين عند لدى حول ضد
    دون غير لا لم لن ما ثم أو او و بأن بان إنه انه أنه وقال قال أكد اكد أوضح ذكر أضاف أشار بحسب وفق
    وفقا وفقاً نحو عبر لكن بل إذ اذ إذا اذا كما أيضا أيضاً ايضا جدا جداً مجددا مجدداً توالياً توالياً آنذاك
    حاليا حالياً سابقا سابقاً مؤخرا مؤخراً وكذلك كذلك العديد عدة بعض الموافق اثر إثر عقب وسط بشأن
    يرى يقول أعلن اعلن قام جرى تم أجرى اجرى وجرى سبق أمام امام لها له لهم بها به فيه فيها عليه منه
    أول آخر اخر أخرى اخرى ليس وليس هناك هنا الآن الان حين حينها عندما بينما ضمن إطار اطار
    الأحد الاثنين الإثنين الثلاثاء الأربعاء الاربعاء الخميس الجمعة السبت صباح مساء ظهر عصر
    يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس اغسطس سبتمبر أكتوبر اكتوبر نوفمبر ديسمبر
    كانون شباط آذار اذار نيسان أيار ايار حزيران تموز آب اب أيلول ايلول تشرين
    بيان تصريح تصريحات تقرير رسالة الجانب الجانبين الطرفين الطرفان الجانبان
    """
STOPWORDS = _fold(_STOPWORDS_TEXT)

# Stop words written with alef maksura (`على`): once folded they look like names (`علي`).
MAKSURA_STOPWORDS = frozenset(normalize(w) for w in _STOPWORDS_TEXT.split() if w.endswith("ى"))
# The stop words as printed: a word written with a hamza or madda none of them has (`آلان`, a name) is
# no stop word, though folded it reads as one (`الآن`).
STOPWORD_SPELLINGS = frozenset(_STOPWORDS_TEXT.split())

SPEECH_VERBS = _fold(
    "قال وقال يقول ويقول أكد وأكد أوضح وأوضح ذكر وذكر أضاف وأضاف اعتبر واعتبر "
    "رأى ويرى يرى أعلن وأعلن أفاد وأفاد "
    # the same verbs of a woman speaker (`وقالت X، وكيلة اللجنة، إن`)
    "قالت وقالت تقول وتقول أكدت وأكدت أوضحت وأوضحت ذكرت وذكرت أضافت وأضافت اعتبرت واعتبرت "
    "رأت ورأت ترى وترى أعلنت وأعلنت أفادت وأفادت"
)
NAME_CONNECTORS = _fold("عبد أبو ابو أبي ابي بو بن ابن آل ال بنت أم ولد")  # ولد: Mauritanian `son of`
# Titles that are also family names (`علي الأمين`, `أبو مهدي المهندس`, `محمد الشيخ`): after a
# given name and not introducing another name, they end the name instead of opening a title.
TITLES_AS_SURNAMES = _fold_titles("titles_as_surnames")
# Words that may follow a name with no title at all: `قال X إن`, `وأكد X أن`, `X خلال لقائه`.
BARE_NAME_FOLLOWERS = _fold("إن ان أن أنّ إنّ بأن خلال في")
# Common nouns that speak in news the way names do (`وقال شهود عيان إن`): never a bare name.
SPEAKER_NOUNS = _fold(
    """
    شهود شاهد مصدر مصادر مسؤول مسؤولون مسؤولين متحدث ناشط ناشطون ناشطين سكان مراسل مراسلة مراقبون
    محللون محلل خبراء خبير موقع صحيفة قناة شبكة وكالة تقرير تقارير مكتب بيان مواطن مواطنون أهالي
    نشطاء مقربون مقرب أوساط اوساط دبلوماسي دبلوماسيون عضو أعضاء اعضاء نواب نائب قادة قائد
    تلفزيون إذاعة اذاعة راديو مجلة مسؤولو متحدثون جنود محتجون متظاهرون لاجئون نازحون أطباء مسعفون
    عمال طلاب عشرات مئات آلاف الآف ملايين معظم غالبية جميع بعض عدد
    """
)
AUXILIARY_KANA = _fold("كان وكان كانت وكانت كانا وكانا كانتا وكانتا")
# Title words every spelling of which seats a hamza on ي or و (`قائد`, `رئيس`): the news never drops
# that hamza, so a word folded alike but written without it is no title (`أحمد قايد صالح`, a name).
SEATED_HAMZA_TITLES = frozenset(
    normalize(w)
    for w in (*_TITLE_DATA["person_title_heads"], *_TITLE_DATA["title_words"])
    if "ئ" in w or "ؤ" in w
)
# The title heads as titles.json writes them, by their folded form: `الإمام` for `الامام`.
HEAD_SPELLINGS: dict[str, frozenset[str]] = {}
for _head in _TITLE_DATA["person_title_heads"]:
    HEAD_SPELLINGS[normalize(_head)] = HEAD_SPELLINGS.get(normalize(_head), frozenset()) | {_head}
# Military ranks: after one, a given name may carry the article (`اللواء السعيد ...`).
RANKS = _fold_titles("ranks")
# Common nouns that open a verb's object (`بحث فلان سبل التعاون`): never part of a name.
NON_NAME_NOUNS = _fold(
    """
    سبل آفاق افاق ملف ملفات أوجه اوجه تعزيز تطوير التعاون العلاقات الأوضاع الاوضاع القضايا عدد جملة
    مجمل مستجدات تطورات الوفد وفد وفدا عددا عددًا عدداً أهمية اهمية سبل
    جلسة جلسات مذكرة مذكرات اتفاقية اتفاقيات اتفاق اتفاقا رسالة رسائل صفقة عقدا برقية
    """
)

# States, places and nationality adjectives, from `data/places.json` (what each holds is written there).
_PLACE_DATA = json.loads((Path(__file__).parent / "data" / "places.json").read_text(encoding="utf-8"))
STATES: dict[str, tuple[str, ...]] = {state: tuple(forms) for state, forms in _PLACE_DATA["states"].items()}
PLACES: tuple[str, ...] = tuple(_PLACE_DATA["places"])
PLACE_VARIANTS: dict[str, str] = dict(_PLACE_DATA["place_variants"])  # Kurdish, Persian, colloquial spellings
PLACE_PHRASES: tuple[str, ...] = tuple(_PLACE_DATA["place_phrases"])
DEMONYMS: dict[str, str] = dict(_PLACE_DATA["demonyms"])  # masculine stem -> state
STATE_NOUNS = frozenset(normalize(w) for w in _PLACE_DATA["state_nouns"])  # `جمهورية` in `جمهورية فرنسا`
QUARTERS = frozenset(normalize(w) for w in _PLACE_DATA["quarters"])  # `جنوب` in `جنوب لبنان`


def _demonym_forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for stem, state in DEMONYMS.items():
        for form in (
            stem,
            stem + "ة",
            "ال" + stem,
            "ال" + stem + "ة",
            stem + "ون",
            stem + "ين",
            "ال" + stem + "ين",
            "ال" + stem + "ون",
        ):
            forms[normalize(form)] = state
    for plural, state in _PLACE_DATA["demonym_plurals"].items():
        forms[normalize("ال" + plural)] = state  # `المسؤولين الروس`, `الضباط الأتراك`
    return forms


DEMONYM_FORMS = _demonym_forms()

# Trigger words and the words that frame them, from `data/triggers.json`.
_TRIGGER_DATA = json.loads((Path(__file__).parent / "data" / "triggers.json").read_text(encoding="utf-8"))


def _fold_list(name: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in _TRIGGER_DATA[name])


def _triggers() -> dict[str, tuple[EngagementType, bool]]:
    """Normalized surface form (a clitic و/ف may precede it) -> (type, is_verb)."""
    out: dict[str, tuple[EngagementType, bool]] = {}
    for etype, words in _TRIGGER_DATA["triggers"].items():
        for w in words["verbs"]:
            out[normalize(w)] = (EngagementType(etype), True)
        for w in words["nouns"]:
            # the possessor of a meeting, talks, call or visit is its doer; of a training or a
            # transfer it may be the side that receives (`لتتلقى تدريباتها`)
            possessed = possessed_forms(w) if etype in _DOER_POSSESSED else ()
            for form in (w, *possessed):
                out.setdefault(normalize(form), (EngagementType(etype), False))
    return out


_PRONOUN_SUFFIXES = ("ه", "ها", "هما", "هم")
_DOER_POSSESSED = frozenset({"meeting", "talks", "call", "visit"})


def possessed_forms(noun: str) -> tuple[str, ...]:
    """A verbal noun with a possessive pronoun, as written (`زيارة` -> `زيارته`, `زيارتهما`;
    `مباحثات` -> `مباحثاتهما`; `لقاء` -> `لقائه`, `لقاءه`): the doer named by the pronoun.
    Indefinite singular or plural nouns only (not `الزيارة`, `اتصالاً`, `زيارتين`)."""
    if (
        noun.startswith("ال")
        or noun.endswith(("ا", "اً", "ين"))
        or noun[-1:] in "هء"
        and not noun.endswith("اء")
    ):
        return ()
    if noun.endswith("ة"):
        stems = (noun[:-1] + "ت",)
    elif noun.endswith("اء"):
        stems = (noun[:-1] + "ئ", noun)
    else:
        stems = (noun,)
    return tuple(stem + suffix for stem in stems for suffix in _PRONOUN_SUFFIXES)


TRIGGERS = _triggers()
# A tour and the verb that lists its stops: `جولة خليجية شملت الرياض والدوحة` (one visit a place).
TOUR_NOUNS = _fold_list("tour_nouns")
TOUR_INCLUDES = _fold_list("tour_includes")
VISIT_CUES = _fold_list("visit_cues")  # `الزائر`, `تستضيف`: the article tells of a visit (visitors.py)
# Fillers inside the list of a tour's stops (`شملت أيضاً كلاً من دولة قطر و...`).
TOUR_LIST_FILLERS = _fold_list("tour_list_fillers")
# Light verbs of an attack noun, whose subject is the attacker (`شنّ X هجوماً`, `نفّذت X غارة`).
ATTACK_LIGHT_VERBS = _fold_list("attack_light_verbs")
# The host country as an agency names it (`الذي يزور المملكة حالياً`): the dateline's country.
HOST_COUNTRY_WORDS = _fold("الدولة المملكة البلاد السلطنة الإمارة القطر")
# Names of streets, squares and buildings: a state name after one is part of a place
# (`شارع فلسطين`, `ساحة لبنان`), not a party.
LANDMARK_WORDS = _fold("شارع ساحة ميدان جسر مستشفى جامعة مطار فندق حي مخيم معبر")
# Claims of an attack: `وتبنّت X الهجوم`, `أعلنت X مسؤوليتها عن استهداف ...`.
CLAIM_VERBS = _fold_list("claim_verbs")
CLAIM_RESPONSIBILITY = _fold_list("claim_responsibility")  # not `حمّل X المسؤولية`: blame
# What was claimed: an earlier attack (`الهجوم`) or one named in the claim (`استهداف سفينة`).
CLAIMED_ANAPHORS = _fold_list("claimed_anaphors")
CLAIMED_ACTS = _fold_list("claimed_acts")
PLANNED_MARKERS = _fold_list("planned_markers")
HEDGES = _fold_list("hedges")
AGAINST_ENEMY = _fold_list("against_enemy")  # `تدريب X لمواجهة Y`: Y is the enemy, no party
MODAL_NOUNS = _fold_list("modal_nouns")
JOINT_WORDS = _fold_list("joint_words")
SERIES_HEADS = _fold_list("series_heads")  # `عددا من الاجتماعات` (arguments.py)
COOPERATION = _fold_list("cooperation")  # `تعاون أمني مع كل من A وB` (cooperation.py)
UNNAMED_OFFICIALS = _fold_list("unnamed_officials")
LETTERS = _fold_list("letters")
ATTRIBUTIONS = _fold_list("attributions")  # `وفق بيان لـX`: X is a source (non_parties.py)
SOURCE_WORDS = _fold_list("source_words")
TIME_PHRASE_NOUNS = _fold_list("time_phrase_nouns")  # `بعد فوز X`: X dates the news (non_parties.py)
POSSESSOR_TITLES = _fold_list("possessor_titles")  # `نائب X`: X is not the one meant
DELEGATIONS = _fold_list("delegations")  # `وصل الوفد`: its head visits (delegations.py)
DELEGATION_HEADS = _fold_list("delegation_heads")  # `برئاسة X`, `يترأسه X`
BODY_MEMBERS = _fold_list("body_members")  # `التقى X بمسؤولي Y`: Y met through its people
OBJECT_MEMBERS = _fold_list("object_members")  # `استقبل وفداً`: accusative, no subject
NEGATION_BRIDGES = _fold_list("negation_bridges")  # trigger_mood.py
DENIALS = _fold_list("denials")
REJECTIONS = _fold_list("rejections")
CARRYING = _fold_list("carrying")  # `حاملاً رسالة من A إلى B` (letters.py)
HANDING_TO_PRONOUN = _fold_list("handing_to_pronoun")  # `X، الذي سلمه رسالة من A` (letters.py)
ADDRESSED = _fold_list("addressed")  # `رسالة موجهة من A إلى B` (letters.py)
AMBIGUOUS_SIGNING = _fold_list("ambiguous_signing")  # `وقع`: signed or happened (trigger_sense.py)
SIGNED_DOCUMENTS = _fold_list("signed_documents")
HANDING_OVER = _fold_list("handing_over")  # `سلم`, `تسلم`: arms only with goods handed
HANDED_GOODS = _fold_list("handed_goods")
SELLING = _fold_list("selling")  # `بيع`: arms only with goods sold
BUYING = _fold_list("buying")  # `لشراء`: its buyer named right before it
APPROVING = _fold_list("approving")  # `وافقت X على بيع`: X sells
HEADING = _fold_list("heading")  # `توجه X إلى موسكو` (trigger_sense.py)
REACHING = _fold_list("reaching")  # `توصل A وB إلى اتفاق` (trigger_sense.py)
VERBAL_ATTACKS = _fold_list("verbal_attacks")  # `هاجم X Y، قائلاً`: in words
SPEECH_MARKERS = _fold_list("speech_markers")
EVALUATIONS = _fold_list("evaluations")  # `تعد هذه ضربة لـX`: a judgement (trigger_mood.py)
DEMANDS = _fold_list("demands")  # `طالب X بعقد لقاء`
CONDITIONALS = _fold_list("conditionals")  # `إذا التقى`, `هل يلتقي`
PAIRED_NOUNS = _fold_list("paired_nouns")  # `الجانبان الروسي والمصري` (paired_states.py)
NEGATIONS = _fold("لم لن ولم ولن دون بدون ليس")
DEMONSTRATIVES = _fold("هذا هذه ذلك تلك")
RELATIVES = _fold("الذي التي اللذين اللتين الذين")
PREPOSITIONS_OF_PLACE = _fold("في إلى الى لدى بـ نحو قرب")
