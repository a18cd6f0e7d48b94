"""People, organisations and places, merged across sources into canonical entities.

Rule-based on purpose (see docs/analysis.md for the measurement against spaCy's small English
pipeline): capitalised spans, titles and honorifics ("Mr", "Foreign Minister", "spokeswoman")
that mark the following name as a person, a small gazetteer of countries, capitals and
international organisations with their aliases, locative prepositions ("in Crimea") for places,
and alias merging ("Sergey"/"Sergei Lavrov", "Mr Lavrov", "U.S."/"US"/"United States",
"Nato"/"NATO"). One pass over the sentences, so it stays linear in the size of the story.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from newsbrief.analyse import register
from newsbrief.lexicon import HONORIFICS, MONTH_NAMES, WEEKDAY_NAMES
from newsbrief.lexicon import ROLES as LEXICON_ROLES
from newsbrief.lexicon import TITLES as LEXICON_TITLES
from newsbrief.model import Analysis, Brief, Entity, Sentence
from newsbrief.textsim import Cluster

Label = str  # "PERSON" | "ORG" | "PLACE" | "OTHER"

# Canonical name -> aliases (compared after removing dots; short all-letter names case-insensitively).
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "United States": ("US", "USA", "United States of America", "America", "the United States", "the US"),
    "United Kingdom": ("UK", "Britain", "Great Britain", "the UK"),
    "Russia": ("Russian Federation",),
    "European Union": ("EU",),
    "United Nations": ("UN",),
    "NATO": ("Nato", "North Atlantic Treaty Organization", "North Atlantic Treaty Organisation"),
    "Ukraine": ("the Ukraine",),
    "Kyiv": ("Kiev",),
    "The Hague": ("Hague",),
}
ORGANISATIONS = frozenset(
    """NATO;European Union;United Nations;Kremlin;White House;State Department;Pentagon;Duma;BBC;CBN;RUSI;
    Reuters;Associated Press;CNN;Sky News;Al Jazeera;Downing Street;Congress;Senate;OSCE;IMF;World Bank;
    Red Cross;Security Council;Foreign Office;Black Sea Fleet;G7;G8;G20;WHO;WTO;FBI;CIA;KGB;FSB;Interpol;
    Hamas;Hezbollah;Taliban;Google;Apple;Microsoft;Amazon;Facebook;Twitter;Boeing;Airbus""".replace("\n", "").split(";")
)
COUNTRIES = frozenset(
    """Afghanistan;Albania;Algeria;Angola;Argentina;Armenia;Australia;Austria;Azerbaijan;Bahrain;Bangladesh;Belarus;
    Belgium;Bolivia;Bosnia;Brazil;Bulgaria;Cambodia;Cameroon;Canada;Chad;Chile;China;Colombia;Congo;Croatia;Cuba;
    Cyprus;Czech Republic;Denmark;Ecuador;Egypt;Estonia;Ethiopia;Finland;France;Georgia;Germany;Ghana;Greece;
    Guatemala;Haiti;Honduras;Hungary;Iceland;India;Indonesia;Iran;Iraq;Ireland;Israel;Italy;Japan;Jordan;
    Kazakhstan;Kenya;Kosovo;Kuwait;Kyrgyzstan;Latvia;Lebanon;Libya;Lithuania;Luxembourg;Macedonia;Malaysia;Mali;
    Malta;Mexico;Moldova;Mongolia;Montenegro;Morocco;Mozambique;Myanmar;Nepal;Netherlands;New Zealand;Nigeria;
    North Korea;Norway;Oman;Pakistan;Palestine;Panama;Peru;Philippines;Poland;Portugal;Qatar;Romania;Russia;
    Rwanda;Saudi Arabia;Senegal;Serbia;Singapore;Slovakia;Slovenia;Somalia;South Africa;South Korea;South Sudan;
    Spain;Sri Lanka;Sudan;Sweden;Switzerland;Syria;Taiwan;Tajikistan;Tanzania;Thailand;Tunisia;Turkey;
    Turkmenistan;Uganda;Ukraine;United Kingdom;United States;Uruguay;Uzbekistan;Venezuela;Vietnam;Yemen;Zambia;
    Zimbabwe;Crimea;Europe;Asia;Africa;Middle East;Scotland;Wales;England;Northern Ireland""".replace("\n", "").split(
        ";"
    )
)
CITIES = frozenset(
    """Moscow;Washington;London;Paris;Berlin;Brussels;The Hague;Rome;Madrid;Vienna;Warsaw;Kyiv;Minsk;Beijing;
    Tokyo;Delhi;New Delhi;Tehran;Baghdad;Damascus;Beirut;Jerusalem;Tel Aviv;Cairo;Ankara;Istanbul;Athens;Geneva;
    New York;Los Angeles;Chicago;Sochi;St Petersburg;Sevastopol;Simferopol;Donetsk;Kharkiv;Odessa;Lviv;
    Bucharest;Budapest;Prague;Stockholm;Oslo;Copenhagen;Helsinki;Dublin;Edinburgh;Lisbon;Amsterdam;Ottawa;
    Sydney;Canberra;Seoul;Pyongyang;Kabul;Islamabad;Riyadh;Doha;Dubai;Nairobi;Lagos;Johannesburg""".replace(
        "\n", ""
    ).split(";")
)
# Titles, honorifics and roles that make the person named right after them: the shared lexicon.
TITLES = "|".join(re.escape(t) for t in sorted(LEXICON_TITLES, key=len, reverse=True))
ROLES = "|".join(LEXICON_ROLES)
_HONORIFICS = "|".join(HONORIFICS)
HONORIFIC = re.compile(rf"^(?:{_HONORIFICS})\.?\s+")
_TITLED = re.compile(
    rf"\b(?:(?:{TITLES})\.?|(?:{ROLES}))\s+(?P<name>[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*){{0,3}})"
)
# Capitalised tokens: dotted acronyms (U.S.), words (Rostov-on-Don, O'Brien), single capitals.
_TOKEN = r"(?:[A-Z]\.){2,}|[A-Z][\w'’&-]*[\w]|[A-Z]"
_SPAN = re.compile(rf"(?<![\w'’-])(?:{_TOKEN})(?:[ ](?:{_TOKEN}))*")
_POSSESSIVE = re.compile(r"['’]s?$")
_LOCATIVE = re.compile(
    r"(?:\b(?:in|to|from|near|across|over|into|at|outside|inside|(?:city|town|village|region) of)\s+)$"
)
ORG_WORDS = frozenset(
    """Department Ministry Council Fleet Union Party House Army Navy Bank Agency Institute Committee Commission
    Parliament Assembly Congress Senate Court Organisation Organization Association Corporation Group Fund Office
    Service Alliance University Times News TV Post Journal Guard Forces Airlines Company Foundation""".split()
)
DEMONYMS = frozenset(
    """Russian Ukrainian American British German French Western Eastern Soviet European Crimean Polish Romanian
    Iraqi Lebanese Serb Chinese Syrian Israeli Palestinian Iranian Turkish Italian Spanish English Scottish
    Welsh Irish Japanese Indian Canadian Australian Dutch Belgian Swedish Pro-Russian Pro-Western Anti-Semites
    Muslim Jewish Catholic Orthodox Arab African Asian Kremlin-backed""".split()
)
# Capitalised words that are not names when they stand alone (sentence starts, headings, months, days).
NOT_NAMES = frozenset(
    """A An The This That These Those There Their They Them He She It Its His Her We Our I You Your But And Or
    So Yet For Nor If In On At By Of To From With As Meanwhile However Still Nevertheless Surprisingly Instead
    Despite Although Though While When Where What Which Who Why How Many Most Some Both Each Every All No Not
    President Secretary Minister Chancellor Officials Step-by-step Sitting Speaking After Before Since Until
    During Given Diplomatic Airborne Plane Contains Flight Also Fact
    Earlier Later Last Next Unrest Troops Men Rival Staff Direct Peace Tension Start End Latest Related Share
    Was Is Are Were Did Do Does Has Have Had Will Would Can Could Dozens Hundreds Thousands Millions""".split()
) | frozenset((*WEEKDAY_NAMES, *(names[0] for names in MONTH_NAMES), "Mr", "Mrs", "Ms", "Dr"))


def _key(name: str) -> str:
    """Comparison key: no dots or leading "the", short all-letter names upper-cased (Nato == NATO)."""
    name = name.replace(".", "").strip()
    if name.lower().startswith("the ") and name not in ("The Hague",):
        name = name[4:]
    return name.upper() if len(name) <= 5 and name.isalpha() else name


_ALIAS_TO_CANONICAL = {_key(n): n for n in COUNTRIES | CITIES | ORGANISATIONS} | {
    _key(a): c for c, aliases in COUNTRY_ALIASES.items() for a in (c, *aliases)
}
_GAZETTEER: dict[str, Label] = {_key(n): "PLACE" for n in COUNTRIES | CITIES} | {_key(n): "ORG" for n in ORGANISATIONS}
_HONORIFIC_BEFORE = re.compile(rf"\b(?:{_HONORIFICS})\.?\s+$")


def canonical_gazetteer_name(name: str) -> str | None:
    """The canonical name of a gazetteer place/organisation (``"U.S."`` -> ``"United States"``), else None."""
    return _ALIAS_TO_CANONICAL.get(_key(name))


@dataclass(slots=True)
class Span:
    """A candidate name in one sentence; ``start``/``end`` are offsets into the article text."""

    text: str
    start: int
    end: int
    label: Label | None  # None: undecided yet
    evidence: str
    form: str = ""  # the surface form with its honorific ("Mr Lavrov"), kept as an alias


TITLE_WORDS = frozenset(
    """President Secretary Minister Foreign Prime Chancellor Vice Defence Defense State PM Mr Mrs Ms Dr Senator
    Governor General Ambassador Chief Interior Finance Deputy Sen Rep Gov Gen Lt Col Sgt Capt Adm Rev Sir Lord
    Lady King Queen Pope Prince Princess Judge Prof Professor""".split()
)
_LEADING_TITLES = TITLE_WORDS - {"State"}  # "State Department" is a name, "Secretary of State" a title


def _not_a_name_word(word: str) -> bool:
    """Demonyms and their plurals or compounds ("Russians", "Russian-speaking"), stop words, compass pairs."""
    head = word.split("-")[0]
    return (
        word in NOT_NAMES
        or word in DEMONYMS
        or word.removesuffix("s") in DEMONYMS
        or head in DEMONYMS
        or (head in ("Pro", "Anti", "East", "West", "North", "South") and "-" in word)
    )


def _clean_piece(text: str, start: int) -> tuple[str, int] | None:
    """Drop possessives, leading demonyms and stop words, trailing titles; None when no name is left."""
    words = [_POSSESSIVE.sub("", w) if w.endswith(("'s", "’s")) else w for w in text.split(" ")]
    if words[0] == "The" and len(words) > 1 and words[1] != "Hague":
        start += 4
        words = words[1:]
    if _gazetteer_label(" ".join(words)):
        return " ".join(words), start  # "European Union" keeps its demonym
    while words and (_not_a_name_word(words[0]) or words[0] in _LEADING_TITLES):
        start += len(words[0]) + 1
        words = words[1:]
    while words and (_not_a_name_word(words[-1]) or words[-1] in TITLE_WORDS):
        words = words[:-1]
    if not words or (len(words) == 1 and words[0] in ORG_WORDS):
        return None
    return " ".join(words), start


def _gazetteer_label(name: str) -> Label | None:
    canonical = canonical_gazetteer_name(name)
    return _GAZETTEER.get(_key(canonical)) if canonical else None


def find_spans(sentence: Sentence, text: str, lowercase_vocabulary: frozenset[str]) -> list[Span]:
    """Candidate names in ``sentence`` (``text`` is the sentence text; offsets are article offsets)."""
    offset = sentence.start
    return [
        Span(name, offset + start, offset + start + len(name), label, evidence, form)
        for name, start, label, evidence, form in _local_spans(text, lowercase_vocabulary)
    ]


# The entity finder and the quote finder both read every sentence (the quote finder with quoted
# words blanked, so unquoted sentences are the same text): cached, each is read once.
# 200-document bench story: the quote analyser's own span finding fell from 0.45 s to 0.1 s.
@lru_cache(maxsize=1 << 16)
def _local_spans(
    text: str, lowercase_vocabulary: frozenset[str]
) -> tuple[tuple[str, int, Label | None, str, str], ...]:
    """Candidate names of one sentence text: (name, offset in ``text``, label, evidence, form)."""
    spans: list[tuple[str, int, Label | None, str, str]] = []
    titled = {m.start("name") for m in _TITLED.finditer(text)}
    for match in _SPAN.finditer(text):
        # Split "US President Barack Obama" into "US" and the titled name "Barack Obama".
        possessive_ends = {match.start() + m.end() + 1 for m in re.finditer(r"['’]s\b", match.group(0))}
        inner = titled | possessive_ends  # "the BBC's Christian Fraser" holds two names
        cuts = sorted({match.start()} | {t for t in inner if match.start() < t < match.end()})
        for piece_start, piece_end in zip(cuts, [*cuts[1:], match.end()], strict=True):
            cleaned = _clean_piece(text[piece_start:piece_end].rstrip(), piece_start)
            if cleaned is None:
                continue
            name, local_start = cleaned
            words = name.split(" ")
            gazetteer = _gazetteer_label(name)
            at_start = local_start == 0 or text[:local_start].rstrip().endswith((":", '"', "“", "‘"))
            if at_start and not gazetteer and words[0].lower() in lowercase_vocabulary:
                if len(words) == 1:
                    continue  # a capitalised sentence start such as "Meanwhile"
                local_start += len(words[0]) + 1  # "Was Viktor Yanukovych still alive?"
                words = words[1:]
                name = " ".join(words)
            if piece_start in titled:
                label, evidence = "PERSON", "title"
            elif gazetteer:
                label, evidence = gazetteer, "gazetteer"
            elif words[-1] in ORG_WORDS or (len(words) == 1 and name.isupper() and len(name) >= 2):
                label, evidence = "ORG", "org-word" if words[-1] in ORG_WORDS else "acronym"
            elif _LOCATIVE.search(text[:local_start]):
                label, evidence = "PLACE", "locative"
            else:
                label, evidence = None, "capitalised"
            honorific = _HONORIFIC_BEFORE.search(text[max(0, local_start - 6) : local_start])
            form = honorific.group(0) + name if honorific else name
            spans.append((name, local_start, label, evidence, form))
    return tuple(spans)


def _surname(name: str) -> str:
    return name.split(" ")[-1]


def _first_names_match(a: str, b: str) -> bool:
    """Transliteration variants of one first name: Sergei/Sergey, Yuri/Yury, Aleksei/Alexei."""

    def norm(x: str) -> str:
        x = x.lower().replace("ks", "x").replace("y", "i").replace("ii", "i").replace("ei", "i").replace("j", "i")
        return x

    return norm(a) == norm(b) or (len(a) > 3 and len(b) > 3 and norm(a)[:4] == norm(b)[:4])


class EntityBuilder:
    """Collects spans over all sentences, decides labels, merges aliases into :class:`Entity` objects."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, Span]] = []  # (source id, span)

    def add(self, source: int, spans: list[Span]) -> None:
        self.spans.extend((source, s) for s in spans)

    def build(self) -> list[Entity]:
        # Names seen with a title anywhere are people everywhere (and so are their surnames).
        person_names = {HONORIFIC.sub("", s.text) for _, s in self.spans if s.label == "PERSON"}
        person_surnames = {_surname(n) for n in person_names}
        groups: dict[str, dict] = {}
        for source, span in self.spans:
            name = HONORIFIC.sub("", span.text)
            label = span.label
            canonical = canonical_gazetteer_name(name)
            if canonical and label != "PERSON":
                key, label = "G:" + canonical, _gazetteer_label(name) or "PLACE"
            elif label == "PERSON" or name in person_names or _surname(name) in person_surnames:
                key, label = "P:" + _surname(name), "PERSON"
            else:
                key, label = "N:" + _key(name), label or "OTHER"
            group = groups.setdefault(key, {"forms": Counter(), "labels": Counter(), "sources": Counter(), "ev": set()})
            group["forms"][span.form or span.text] += 1
            group["labels"][label] += 1
            group["sources"][source] += 1
            group["ev"].add(span.evidence)
        entities = []
        for key, group in groups.items():
            entities.extend(self._split_people(key, group) if key.startswith("P:") else [self._entity(key, group)])
        entities.sort(key=lambda e: (-e.mention_count, e.name))
        for number, entity in enumerate(entities, start=1):
            entity.id = f"E{number}"
        return entities

    def _entity(self, key: str, group: dict, name: str | None = None) -> Entity:
        forms: Counter[str] = group["forms"]
        label = group["labels"].most_common(1)[0][0]
        if name is None:  # the canonical spelling when the story uses it, else its most used form ("Kiev")
            most_used = max(forms, key=lambda f: (forms[f], len(f)))
            name = key[2:] if key.startswith("G:") and key[2:] in forms else most_used
        evidence = sorted(group["ev"])
        confidence = 0.95 if {"title", "gazetteer"} & set(evidence) else 0.7 if label != "OTHER" else 0.5
        return Entity(
            id="",
            name=name,
            label=label,
            aliases=sorted(f for f in forms if f != name),
            mentions_per_source=dict(sorted(group["sources"].items())),
            provenance="rules:" + "+".join(evidence),
            confidence=confidence,
        )

    def _split_people(self, key: str, group: dict) -> list[Entity]:
        """One surname may hold several people (Bill and Hillary Clinton): split by first name;
        bare surnames and honorific forms join the most mentioned full name."""
        forms: Counter[str] = group["forms"]
        full: dict[str, Counter[str]] = {}
        for form in forms:
            bare = HONORIFIC.sub("", form)
            if " " in bare:
                first = bare.split(" ")[0]
                home = next((f for f in full if _first_names_match(f, first)), first)
                full.setdefault(home, Counter())[form] += forms[form]
        if len(full) <= 1:
            fulls = [f for f in forms if " " in HONORIFIC.sub("", f)]
            names = Counter({HONORIFIC.sub("", f): forms[f] for f in fulls})
            name = max(names, key=lambda f: (names[f], len(f))) if names else key[2:]
            return [self._entity(key, group, name=name)]
        people = []
        ranked = sorted(full, key=lambda f: -sum(full[f].values()))
        for rank, first in enumerate(ranked):
            sub_forms = Counter(full[first])
            if rank == 0:  # bare surname mentions go to the most mentioned person of that name
                sub_forms.update({f: c for f, c in forms.items() if " " not in HONORIFIC.sub("", f)})
            names = Counter({HONORIFIC.sub("", f): c for f, c in full[first].items()})
            share = sum(sub_forms.values()) / max(1, sum(forms.values()))
            sub = {
                "forms": sub_forms,
                "labels": group["labels"],
                "sources": Counter({s: round(c * share) or 1 for s, c in group["sources"].items()}),
                "ev": group["ev"],
            }
            people.append(self._entity(key, sub, name=max(names, key=lambda f: (names[f], len(f)))))
        return people


_VOCABULARIES: dict[frozenset[str], frozenset[str]] = {}


def lowercase_vocabulary(cluster: Cluster) -> frozenset[str]:
    """Words the story also writes in lower case: a capitalised sentence start among them is no name.

    One object per distinct vocabulary (the last few kept), so the span cache compares the
    vocabulary of the entity and quote analysers by identity instead of word by word."""
    vocabulary = frozenset(w for s in cluster.sentences for w in re.findall(r"\b[a-z][a-z'-]+\b", s.text))
    if len(_VOCABULARIES) > 8:
        _VOCABULARIES.clear()
    return _VOCABULARIES.setdefault(vocabulary, vocabulary)


class AliasIndex:
    """Finds mentions of known entities in text (used by the quote analyser). ``vocabulary`` is
    :func:`lowercase_vocabulary` of the story, as :func:`find_spans` takes it."""

    def __init__(self, entities: list[Entity], vocabulary: frozenset[str] = frozenset()) -> None:
        self.by_alias: dict[str, Entity] = {}
        self.by_surname: dict[str, Entity] = {}
        for entity in sorted(entities, key=lambda e: e.mention_count):  # most mentioned wins ties
            for form in (entity.name, *entity.aliases):
                self.by_alias[_key(HONORIFIC.sub("", form))] = entity
            if entity.label == "PERSON":
                self.by_surname[_surname(entity.name)] = entity
        self.vocabulary = vocabulary

    def lookup(self, name: str) -> Entity | None:
        bare = HONORIFIC.sub("", name)
        return self.by_alias.get(_key(bare)) or self.by_surname.get(_surname(bare))

    def mentions(self, sentence: Sentence, text: str | None = None) -> list[tuple[int, int, Entity]]:
        """``(start, end, entity)`` of entity mentions in a sentence, article offsets, in order."""
        found = []
        for span in find_spans(sentence, sentence.text if text is None else text, self.vocabulary):
            entity = self.lookup(span.text)
            if entity is not None:
                found.append((span.start, span.end, entity))
        return found


@register("entities", assigns=("entities",))
def analyse_entities(brief: Brief, cluster: Cluster, analysis: Analysis) -> None:
    vocabulary = lowercase_vocabulary(cluster)
    builder = EntityBuilder()
    for sentence in cluster.sentences:
        if not sentence.is_heading:  # headings are title-cased: capitals there are no evidence of names
            builder.add(sentence.doc_id, find_spans(sentence, sentence.text, vocabulary))
    analysis.entities = builder.build()
