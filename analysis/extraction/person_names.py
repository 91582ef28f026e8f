"""Personal names in running text: where a name begun at a word ends (`فالح الفياض`, `عبد الله
الثاني`, `محمد بن سلمان`, `ثابت محمد سعيد العباسي`); which single words may belong to one is
`name_tokens`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from analysis.arabic import normalize
from analysis.arabic import strip_article as _strip_article
from analysis.extraction import lexicon as lx
from analysis.extraction import name_words
from analysis.extraction.actor_geo import _geo_at, _is_geo
from analysis.extraction.actor_tokens import _ARTICLE, Token, _forms, _is_stop, _is_trigger
from analysis.extraction.lexical import is_given_name, particle, reading, word_zipf
from analysis.extraction.name_tokens import (
    _PLACE_OPENERS,
    _conjunction_on_word,
    _known_word,
    _preposition_on_noun,
    _stop_token,
    _valid_name_token,
    _verb_and_pronoun,
    compound_given_name,
    family_name,
    foreign_al_name,
    foreign_surname_read_as_verb,
    foreign_then_feminine_noun,
    head_alone,
    noun_phrase,
    plain_noun,
    preposition_first,
    preposition_on_common_word,
    time_word_given_name,
    title_dual,
    verb_shaped,
)


def _parse_name(tokens: Sequence[Token], j: int, *, article_first: bool = False) -> int | None:
    """End (exclusive) of a personal name starting at `j`: two to five words, joined by
    connectors (`بن`, `آل`, `بو`, `عبد`), the last one possibly with the article
    (`فالح الفياض`, `ثابت محمد سعيد العباسي`, `محمد الصالح بن بيشة`). A name longer than
    two bare words must end at a clear boundary. `article_first`: after a military rank a
    given name may carry the article (`الفريق أول السعيد شنقريحة`)."""
    n_tok = len(tokens)
    if j >= n_tok:
        return None
    if j > 0 and tokens[j].n in lx.TITLE_WORD_NEXT.get(tokens[j - 1].n, ()):
        return None  # `اللواء الركن بحري X`, `أركان حرب`: the title goes on there, no name starts
    place = _geo_at(tokens, j) if tokens[j].n in _PLACE_OPENERS else None
    if place is not None and place[0] - j >= 2 and not compound_given_name(tokens, j, place[0]):
        return None  # `صلاح الدين`, `عين التينة`: a place of two words
    given = time_word_given_name(tokens, j)
    if given is not None:
        return given
    units = 0
    bare = 0
    k = j
    while k < n_tok and units < 5:
        tok = tokens[k]
        if tok.kind != "w" or tok.line_start and k > j:
            break  # a name ends with its line
        if tok.n in lx.NAME_CONNECTORS and k + 1 < n_tok:
            after = _after_connector(tokens, j, k, units)
            if after is None:
                break
            k, units, bare = after, units + 1, bare + 1
            continue
        if tok.article:
            step = _article_step(tokens, j, k, units, bare, article_first)
            if step is None:
                break
            k, units, bare, done = step
            if done:
                break
            continue
        if not _bare_word_continues(tokens, j, k, units, bare):
            break
        k += 1
        units += 1
        bare += 1
    if units < 2 or _common_words_only(tokens[j:k]):
        return None  # `إعلام الوزارة`, `مكافحة الإرهاب`: common words, no name (`عبد الله الثاني` is one)
    half = (k - j) // 2
    first = [t.n for t in tokens[j : j + half]]
    if (
        (k - j) % 2 == 0
        and half >= 2
        and not any(n in lx.NAME_CONNECTORS for n in first)
        and first == [t.n for t in tokens[j + half : k]]
    ):
        # `X Y X Y`: a name written twice by mistake is the name once (not `عبد الله عبد الله`)
        return j + half
    return k


def _common_words_only(words: Sequence[Token]) -> bool:
    """Every word is an ordinary word of the language and one is an everyday one (`الوزارة`,
    `الإرهاب`); not `سامي الصالح`, whose words are common but not everyday, nor a name with a connector."""
    return all(name_words.ordinary(t.text) and t.n not in lx.NAME_CONNECTORS for t in words) and any(
        name_words.everyday(t.text) for t in words
    )


# `بن`, `ابن`, `آل`: a chain of fathers and the family (`عبد الله بن محمد بن سعود آل ثاني`) goes on
# as long as a connector follows the next name.
_LINEAGE_CONNECTORS = frozenset(normalize(w) for w in "بن ابن آل".split())


def _after_connector(tokens: Sequence[Token], j: int, k: int, units: int) -> int | None:
    """Past a connector at `k` (`بن`, `عبد`, `أبو`, ...) and the word it joins: where the name goes on,
    or None when the connector does not continue this name."""
    n_tok = len(tokens)
    q = k + 1
    while q < n_tok and tokens[q].n in lx.NAME_CONNECTORS and q - k < 3:
        q += 1
    nxt = tokens[q] if q < n_tok else None
    if (
        nxt is None
        or nxt.kind != "w"
        or _stop_token(nxt)
        or _is_trigger(nxt.n)
        or tokens[q - 1].n != "عبد"
        and any(f in lx.PERSON_TITLE_HEADS for f in _forms(nxt.n))
        and not (
            nxt.n in lx.TITLES_AS_SURNAMES
            and (_ends_name_here(tokens, q + 1) or tokens[q - 1].n in _PATRONYMIC_CONNECTORS)
        )
        or not (nxt.article or _valid_name_token(nxt) or k > j)
    ):
        return None
    lineage = tokens[k].n in _LINEAGE_CONNECTORS and (
        q + 1 >= len(tokens) or tokens[q + 1].n in _LINEAGE_CONNECTORS
    )
    if (
        units >= 2
        and not lineage
        and not _name_ends_after(tokens, q + 1)
        and not _tail_ends(tokens, q + 1, 1)
    ):
        return None
    return q + 1


def _article_step(
    tokens: Sequence[Token], j: int, k: int, units: int, bare: int, article_first: bool
) -> tuple[int, int, int, bool] | None:
    """A word with the article at `k`: (next k, units, bare words, whether the name ends there), or
    None when the name ends before it."""
    n_tok = len(tokens)
    tok = tokens[k]
    if units == 0:
        if not (
            (article_first or foreign_al_name(tok.text) or _definite_given_name(tokens, k))
            and not _known_word(tok.n)
            and tok.n not in lx.TITLE_WORDS
            and k + 1 < n_tok
            and tokens[k + 1].kind == "w"
            and not tokens[k + 1].article
            and _valid_name_token(tokens[k + 1])
            and not plain_noun(tokens[k + 1].text)  # `للفريق أول الضيف مراسم`: the guest, no name
        ):
            return None
        return k + 1, units + 1, bare + 1, False
    if tok.n == "الله" and _verb_and_pronoun(tokens[k - 1].text):
        return None  # `حاكم دبي رعاه الله`, `حفظه الله`: a blessing, no name
    if tok.n in _COMPOUND_SECOND and units >= 1 and tokens[k - 1].n not in lx.NAME_CONNECTORS:
        return k + 1, units + 1, bare, False  # `حسن نصر الله`, `محمد بدر الدين زايد`: a compound name
    if tok.n in _REGNAL_ORDINALS and units >= 1 and _name_ends_after(tokens, k + 1):
        return k + 1, units + 1, bare, True  # `عبد الله الثاني،`, `محمد السادس`: a sovereign's ordinal
    if tok.n in _REGNAL_ORDINALS and units >= 1 and k + 1 < n_tok and tokens[k + 1].n in _LINEAGE_CONNECTORS:
        return k + 1, units + 1, bare, False  # `عبد الله الثاني بن الحسين`: the ordinal, then his father
    if tok.n in lx.TITLES_AS_SURNAMES and units >= 1 and _ends_name_here(tokens, k + 1):
        return k + 1, units + 1, bare, True  # `علي الأمين أن`, `ولد محمد الأمين،`: a family name
    if not _surname_with_article(tokens, j, k, bare):
        return None
    k += 1
    units += 1
    if k < n_tok and tokens[k].n in lx.NAME_CONNECTORS and units < 4:
        return k, units, bare, False  # `محمد الصالح بن بيشة`: the name goes on after a connector
    e = _chain_end(tokens, k, 5 - units)
    if e > k and _name_ends_after(tokens, e):
        units += e - k  # `مشعل الأحمد الجابر الصباح`: a chain of family names
        k = e
    return k, units, bare, True


def _definite_given_name(tokens: Sequence[Token], k: int) -> bool:
    """`السعيد X`, `المختار X Y`: a given name written with the article (the North African habit): its
    stem is a given name (pyarabic), the word no title, and the next word a name by the lexicons or a
    rare word, and no ordinary word of the language (not `الكريم` of `القرآن الكريم`). A rare definite
    word pyarabic does not know opens one when a family name with the article closes the third word
    right where the name ends, after a title (`الرئيس التونسي الباجي قايد السبسي،`)."""
    stem = _strip_article(tokens[k].n)
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    # a head or a nationality before it: not `الوفد المفاوض خالد اليماني`, the delegation's adjective
    after_title = any(f in lx.PERSON_TITLE_HEADS or f in lx.DEMONYM_FORMS for f in _forms(tokens[k - 1].n))
    third = (
        after_title
        and k + 2 < len(tokens)
        and _family_word(tokens[k + 2])
        and _name_ends_after(tokens, k + 3)
    )
    rare = word_zipf(tokens[k].text) < name_words.FAMILY_ZIPF and not name_words.ordinary(tokens[k].text)
    return (
        stem != tokens[k].n
        and not title_dual(tokens[k].n, ("ان", "ين"))  # `الرئيس النائبين X`: two holders of a title
        and (is_given_name(stem) or rare and third)
        and stem not in lx.TITLE_WORDS
        and stem not in lx.PERSON_TITLE_HEADS
        and nxt is not None
        and nxt.kind == "w"
        and not nxt.article
        and (name_words.name_evidence(nxt.text) or word_zipf(nxt.text) < name_words.FAMILY_ZIPF)
        and not name_words.ordinary(nxt.text)
    )


def _surname_with_article(tokens: Sequence[Token], j: int, k: int, bare: int) -> bool:
    """Whether the article-bearing word at `k` is the family name closing the name begun at `j`."""
    tok = tokens[k]
    if _is_stop(tok.n) or _is_trigger(tok.n) or tok.n in lx.PERSON_TITLE_HEADS:
        return False
    if tok.n in lx.TITLE_WORDS or _is_geo(tok.n) or tok.n.endswith("ات") or tok.n in lx.NON_NAME_NOUNS:
        return False  # `العلاقات`, `التطورات`: a plural noun, not a family name
    if _strip_article(tok.n) in lx.ORG_HEADS:
        return False  # `إعلام الوزارة`, `رئيس المجلس`: an institution, not a family name
    if (
        bare >= 2
        and not tok.n.endswith("ي")
        and not _family_after_father(tokens, k)
        and not family_name(tok)
        and not (bare >= 3 and _family_chain_ends(tokens, k))  # given, father's, grandfather's names
        and not _chain_of_named_families(tokens, k)
        and not _unknown_word_at_end(tokens, k)
    ):
        return False  # after two given names only a nisba (`محمد شياع السوداني`), not `... المعرض`
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    # a noun and its adjective (`الجوانب الرئيسية`) after a full name, or a preposition's phrase
    # (`لتعزيز التعاون العسكري`): not a surname
    return not (
        nxt is not None
        and nxt.kind == "w"
        and nxt.article
        and not _known_word(nxt.n)
        and (
            preposition_first(tokens[j])
            or nxt.n.endswith(("ي", "يه"))
            and (bare >= 2 or noun_phrase(tokens[j], tok))  # `سلاح الجو الملكي`: no name either
        )
    )


def _unknown_word_at_end(tokens: Sequence[Token], k: int) -> bool:
    """`غانم إبراهيم الفضالة مساعد ...`: a definite word qalsadi does not analyse and the news rarely
    writes (a family name, whatever its ending), right where the name ends."""
    word = tokens[k].text
    return (
        reading(word) in ("", "U")
        and word_zipf(word) < name_words.WORD_ZIPF
        and _name_ends_after(tokens, k + 1)
    )


def _family_after_father(tokens: Sequence[Token], k: int) -> bool:
    """`حسين بن عبدالله القبيل`: after `بن` and the father's name, a definite word that is a name by
    the lexicons or rarer than the language's common nouns is the family name (not `الوفد`)."""
    word = tokens[k].text
    return (
        k >= 2
        and tokens[k - 2].n in _PATRONYMIC_CONNECTORS
        and not name_words.ordinary(word)
        and (name_words.name_evidence(word) or word_zipf(word) < name_words.FAMILY_ZIPF)
    )


def _bare_word_continues(tokens: Sequence[Token], j: int, k: int, units: int, bare: int) -> bool:
    """Whether the word without the article at `k` continues the name begun at `j`."""
    n_tok = len(tokens)
    tok = tokens[k]
    given_before_bin = (  # `ثاني بن أحمد`; not `مع بن مبارك`: a preposition and a surname
        units == 0 and k + 1 < n_tok and tokens[k + 1].n in ("بن", "ابن") and not _stop_token(tok)
    )
    title_word_inside = units > 0 and tok.n in _NAME_OR_TITLE and _valid_name_after(tokens, k + 1)
    if not (
        _valid_name_token(tok)
        or title_word_inside
        or given_before_bin
        or head_alone(tokens, k, units)
        or foreign_surname_read_as_verb(tokens, j, k)
    ):
        return False
    if bare >= 4:
        return False  # `حسين أمير عبداللهيان`, not `ويليام أمير ويلز` (a title and its place)
    if tok.n in lx.TOUR_NOUNS:
        return False  # `بارو جولته`: a possessed noun, not a family name
    if units == 1 and foreign_then_feminine_noun(tokens[j].text, tok.text):
        return False  # `ترامب تغريدة`: a verb's object after a foreign name
    if units >= 1 and name_words.noun_after_name(tok.text):
        return False  # `خالد تحيات خادم الحرمين`, `علي يوسف قوله إن`: the verb's object, not a surname
    if units >= 1 and name_words.feminine_participle(tok.text):
        return False  # `عبدربه منصور هادي متعلقة بالعلاقات`: the adjective of the noun before the name
    if units >= 1 and preposition_on_common_word(tok.text):
        return False  # `الجنرال X لمواصلة المناقشات`: a prepositional phrase after the name
    if units >= 1 and _conjunction_on_word(tok):
        return False  # `تحيات واحترام`: `و` joins two nouns, not two names (`وليد`, `وائل` are names)
    if k >= j + 2 and tokens[k - 2].n in _PATRONYMIC_CONNECTORS and not _name_word_after_father(tok):
        return False  # `محمد بن سلمان دعا`, `... تحيات`: after the father's name only a name goes on
    if units == 0 and verb_shaped(tok.n) or re.match(r"^[وف][يت]\w{3,}ان$", tok.n) and verb_shaped(tok.n):
        return False  # `ويبحثان`, `ويتناولا`, `يبحثان`, `كوريا ويشهدان`: a verb, not a name
    if (
        units == 1
        and tok.n[:1] in "بل"
        and len(tok.n) > 3
        and (
            tokens[j].n[:1] in "يت"
            and (tok.n.endswith("ه") or tok.n[1:].startswith(_ARTICLE))
            or name_words.ordinary(tokens[j].text)
            and "V" in reading(tokens[j].text)
            and word_zipf(tok.text[1:]) >= name_words.WORD_ZIPF  # not `جان لوران`
            and "N" in reading(tok.text[1:])  # `ب` goes on a noun: not `جان باري`
        )
    ):
        return False  # `يقوم بجولة`, `عاد بهدوء`: a verb and its prepositional phrase
    # a third or fourth bare word only when the name clearly ends soon after
    return not (
        bare >= 2
        and (
            tok.n[:1] == "و"
            or _CLITIC_MASDAR_RE.match(tok.n)
            or name_words.everyday(tok.text)  # `عبد الله غل قريبا`, `كينيث ماكنزي عاد`
            or name_words.finite_verb(tok.text)  # `عمر جيلي تتمحور`, `X Y أوفد`: the name's verb
            or name_words.feminine_noun(tok.text)  # `عبداللهيان نافذة المفاوضات`, `هادي متعلقة`
            or _preposition_on_noun(tok.text)  # `اليزابيث ريتشارد برفقة`
            or not _tail_ends(tokens, k + 1, 3 - bare)
        )
    )


def _name_word_after_father(tok: Token) -> bool:
    """A word without the article after `بن` and the father's name: a name by the lexicons and no
    ordinary word of the language (not `دعا`, `تحيات`)."""
    return name_words.name_evidence(tok.text) and not name_words.ordinary(tok.text)


def _valid_name_after(tokens: Sequence[Token], k: int) -> bool:
    """A word at `k` that the lexicons call a name (`عبداللهيان`; not `ويلز`, read as a verb)."""
    return (
        k < len(tokens)
        and not tokens[k].line_start
        and _valid_name_token(tokens[k])
        and name_words.name_evidence(tokens[k].text)
    )


def _ends_name_here(tokens: Sequence[Token], k: int) -> bool:
    """Nothing name-like follows: the end, punctuation, a stop word or a verb's complement."""
    if k >= len(tokens) or tokens[k].kind != "w":
        return True
    n = tokens[k].n
    if n in ("العام", "العامه", "عام", "عامه"):
        return False  # `الأمين العام`
    if not tokens[k].article and any(f in lx.PERSON_TITLE_HEADS for f in _forms(n)):
        return True  # `محمد الأمين وزير ...`: an apposition follows
    if n[:1] == "و" and len(n) > 3 and name_words.clitic_and_article(tokens[k].text, tokens[k].text[1:]):
        return True  # `عبدالرحمن المرشد وقادة ...`: `و` joins the next phrase
    return _is_stop(n) or _is_trigger(n) or n in lx.SPEECH_VERBS or n in lx.NON_NAME_NOUNS


def _chain_of_named_families(tokens: Sequence[Token], k: int) -> bool:
    """`أحمد ناصر المحمد الصباح،`: after a given name and the father's, a chain of family names that
    closes on a name of pyarabic's lists or a proper noun by qalsadi (not `المكلف المفاوضات`)."""
    e = k
    while e < len(tokens) and e - k < 3 and _family_word(tokens[e]):
        e += 1
    last = tokens[e - 1].text
    return (
        e - k >= 2
        and _name_ends_after(tokens, e)
        and (is_given_name(last) or is_given_name(_strip_article(last)) or "P" in reading(last))
    )


def _family_chain_ends(tokens: Sequence[Token], k: int) -> bool:
    """Two family names or more with the article from `k` to where a name ends: a Gulf-style chain
    after the given names (`عبدالله علي عبدالله السالم الصباح،`)."""
    e = k
    while e < len(tokens) and e - k < 3 and _family_word(tokens[e]):
        e += 1
    return e - k >= 2 and _name_ends_after(tokens, e)


def _chain_end(tokens: Sequence[Token], k: int, room: int) -> int:
    """End of a chain of family names from `k` (at most `room` words): family words, where a common
    word inside the chain (`الحمد` in `جابر المبارك الحمد الصباح`) is taken when a family word
    closes the chain at the name's end."""
    e = k
    while e < len(tokens) and e - k < room and _family_word(tokens[e], inner=True):
        e += 1
    while e > k and not (_family_word(tokens[e - 1]) and _name_ends_after(tokens, e)):
        e -= 1
    strict = k
    while strict < len(tokens) and strict - k < room and _family_word(tokens[strict]):
        strict += 1
    return e if e > k else strict


def _family_word(tok: Token, *, inner: bool = False) -> bool:
    """An article-bearing word that may continue a Gulf-style chain of family names (`inner`: also
    an ordinary word of the language, inside a chain that a family word closes)."""
    n = tok.n
    return (
        tok.kind == "w"
        and tok.article
        and not _known_word(n)
        and n not in lx.NON_NAME_NOUNS
        and n not in lx.TITLE_WORDS
        and n not in lx.INSTITUTION_WORDS
        and _strip_article(n) not in lx.TITLE_WORDS
        and _strip_article(n) not in lx.ORG_HEADS
        and not n.endswith(("ات", "ه", "ون", "ين"))
        and (
            inner or not (name_words.ordinary(tok.text) and not name_words.name_evidence(tok.text))
        )  # `القيام`
    )


# `باجتياح`, `بإرسال`, `لاستئناف`: a preposition and a verbal noun, the verb's complement
_CLITIC_MASDAR_RE = re.compile(r"^[بل](?:ا\wت\wا\w|است\w\wا\w|ا\w\wا\w)ه?$")


_NAME_OR_TITLE = frozenset(normalize(w) for w in "أمير امير ملك".split())  # `حسين أمير عبداللهيان`


# The second word of a compound given name (`نصر الله`, `بدر الدين`, `صلاح الدين`).
_COMPOUND_SECOND = frozenset(normalize(w) for w in "الله الدين".split())


_REGNAL_ORDINALS = frozenset(normalize(w) for w in "الأول الثاني الثالث الرابع الخامس السادس السابع".split())


def _tail_ends(tokens: Sequence[Token], k: int, budget: int) -> bool:
    """The name may close at `k`, or after at most `budget` more bare words and a surname."""
    if _name_ends_after(tokens, k):
        return True
    tok = tokens[k]
    if tok.n in _PATRONYMIC_CONNECTORS and k + 1 < len(tokens) and _valid_name_token(tokens[k + 1]):
        return _name_ends_after(tokens, k + 2)  # `عوض محمد أحمد بن عوف وزير ...`: the father's name closes it
    if tok.kind != "w" or _known_word(tok.n) or tok.n in lx.NON_NAME_NOUNS:
        return False
    if tok.article:
        # a nisba surname (`العباسي`) or an adjective of the phrase around the name (`المرتقبة`);
        # any other definite noun is more likely the object (`دعم الحوار`)
        return (
            tok.n.endswith(("ي", "ه"))
            or _family_chain_ends(tokens, k)
            or family_name(tok)  # `فهد يوسف سعود الصباح،`: a family name by the lexicons closes it
            and _name_ends_after(tokens, k + 1)
        )
    if budget <= 0 or tok.n[:1] == "و" or not _valid_name_token(tok):
        return False
    return _tail_ends(tokens, k + 1, budget - 1)


def _name_ends_after(tokens: Sequence[Token], k: int) -> bool:
    if k >= len(tokens):
        return True
    tok = tokens[k]
    return (
        tok.kind != "w"
        or _is_stop(tok.n)
        or _is_trigger(tok.n)
        or _is_geo(tok.n)
        or (tok.n[:1] == "و" and len(tok.n) > 3)
        or any(f in lx.PERSON_TITLE_HEADS for f in _forms(tok.n))
        or tok.n in lx.NON_NAME_NOUNS
        or name_words.prepositional_phrase(tok.text)  # `أردوغان بأول زيارة`
        or name_words.feminine_participle(tok.text)  # `هادي متعلقة بالعلاقات`
        or _noun_with_pronoun(tok)  # `بارو جولته`
        or particle(tok.text)
        and tok.n not in lx.NAME_CONNECTORS  # `X Y إلا أن`, `X Y حتى`
    )


def _noun_with_pronoun(tok: Token) -> bool:
    return tok.kind == "w" and name_words.noun_and_pronoun(tok.text)


_PATRONYMIC_CONNECTORS = frozenset(normalize(w) for w in "بن ابن بنت ولد".split())
