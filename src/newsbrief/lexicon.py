"""The word lists the analysers and corroboration share, defined once, as data.

Every list is a hypothesis about English news prose, not about one story: each was first written
while reading the example story and then checked against the labelled development set drawn from
other material (``tests/fixtures/trust_labels``; docs/analysis.md gives the measured effect). A
list lives here when two modules need it; a list one module alone reads stays with that module.

Kept in a module of its own at the top of the package (not in ``analyse/``) because
corroboration, a stage before analysis, reads the negation and number words too.
"""

from __future__ import annotations

import re

# Scripts written without spaces between words (Han, kana, Thai, Lao, Khmer, Myanmar): the word
# counter (textsim.word_count) counts them by characters and the cleaner's word-count rules skip them.
SPACELESS_SCRIPT_CHARS = (
    "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
    "\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff]"
)


# Month names and the abbreviations newswire and page metadata write ("Sept.", "Sep"), in calendar
# order; the date analyser matches them as written, the metadata parser case-insensitively.
MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    ("January", "Jan"),
    ("February", "Feb"),
    ("March", "Mar"),
    ("April", "Apr"),
    ("May",),
    ("June", "Jun"),
    ("July", "Jul"),
    ("August", "Aug"),
    ("September", "Sept", "Sep"),
    ("October", "Oct"),
    ("November", "Nov"),
    ("December", "Dec"),
)
MONTHS: dict[str, int] = {name: number for number, names in enumerate(MONTH_NAMES, start=1) for name in names}
WEEKDAY_NAMES: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def alternation(words: tuple[str, ...]) -> str:
    """A regex group matching any of ``words``, longest first (so "says" is not read as "say");
    refuses an empty list, which would match everywhere."""
    if not words:
        raise ValueError("an empty word list makes a pattern that matches everything")
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


# Verbs that attribute a quotation to its speaker, in the forms news prose uses them
# ("…,” he said" / "Mr Kerry claims ‘…’"). "called" / "wants" attribute a scare quote, not speech.
SPEECH_VERBS: tuple[str, ...] = (
    *"""said says say added adds told tells noted notes claimed claims stated states asked asks warned warns
    insisted insists argued argues explained explains described describes accused accuses termed called calls
    denied denies announced announces wrote writes tweeted declared declares urged urges acknowledged admitted
    replied responded asserted asserts wants demanded demands stressed conceded suggested reported recalled
    recalls continued continues testified posted vowed pledged promised joked jokes quipped""".split(),
    "put it",
    "puts it",
)

# The subset that introduces reported speech ("Lavrov said (that) …"): what someone said, as
# opposed to a scare-quote frame ("called it …").
REPORTING_VERBS: tuple[str, ...] = tuple(
    """said says say told tells noted claimed claims insisted insists warned warns argued argues asserted
    asserts announced stated denied denies added believes acknowledged admitted vowed pledged promised""".split()
)

# Verbs after which a described, unnamed speaker follows a quotation ("…,” police said).
DESCRIBED_SPEAKER_VERBS: tuple[str, ...] = tuple("said says added told wrote explained noted stated claimed".split())

# Words that say a sentence attributes what it states (a checkable claim, reported speech).
ATTRIBUTION_WORDS: tuple[str, ...] = ("said", "says", "told", "according to", "claimed", "announced", "denied")

# Words that mark a sentence as reporting someone else's words when typing a source as reporting or
# opinion (analyse.source_types): the press's own verbs ("reported", "quoted") count, a denial does not.
REPORTING_ATTRIBUTION_WORDS: tuple[str, ...] = (
    "said",
    "says",
    "told",
    "according to",
    "According to",
    "announced",
    "added",
    "reported",
    "quoted",
)

# Verbs that come before the speaker in an inverted tag ("…,” said Burns.", analyse.quotes); the
# shorter list marks a bare name as a speaker ("…, said Antonsson") without other evidence.
INVERTED_SPEECH_VERBS: tuple[str, ...] = tuple(
    "said says added adds asked wrote writes continued explained noted told tells".split()
)
NAME_MARKING_SPEECH_VERBS: tuple[str, ...] = tuple("said says added adds wrote writes".split())

# Verbs that make a sentence a report of something said, which a date in it may belong to rather
# than the event (analyse.dates: a past-tense context).
REPORTED_SPEECH_VERBS: tuple[str, ...] = tuple(
    "said told added reported announced stated noted claimed explained warned".split()
)

# Common irregular past-tense verbs: a past-tense context for a yearless date, like "-ed" forms
# ("the fight in May began", "two students ... shot 12", analyse.dates). Past participles that are
# also present forms ("put", "hit", "set") are left out: they say nothing about tense; so are
# "told" and "wrote", which like "said" tell when something was said, not when it happened.
IRREGULAR_PAST_VERBS: tuple[str, ...] = tuple(
    """began became broke brought bought built caught chose came drove fell felt fled flew fought found
    gave got grew held kept knew led left lost made meant met paid ran rose sank saw sent shot sold spent
    spoke stood stole struck swore took taught thought threw tore went won wore""".split()
)

# Present-tense and "-ing" forms that announce a scheduled event, read as future right before a
# weekday ("the recess, which begins Friday", "a study appearing Friday", "talks resume Tuesday";
# not "open", "close", "start", which are also adjectives and nouns: "stores were open Monday",
# analyse.dates). DUC 2006 clusters outside the trust labels (wave 7): 5 weekdays a week early;
# wave 8 ("the panel meets Thursday", "the fair continues through Sunday"): 3 more.
SCHEDULE_VERBS: tuple[str, ...] = tuple(
    """begins starts ends opens closes resumes expires begin resume beginning starting appearing meets
    convenes reconvenes continues enters""".split()
)

# Ordinal day numbers in words that are not "-teenth" or "twenty-", "thirty-" forms ("the fourth of
# February"; analyse.dates).
ORDINAL_WORDS: tuple[str, ...] = tuple(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth twentieth thirtieth".split()
)

# Nouns a weekday names a kind of, not a day ("Sunday school"; analyse.dates). DUC 2006 clusters
# outside the trust labels (wave 8): 3 "Sunday school"s dated to the Sunday before.
WEEKDAY_COMPOUND_NOUNS: tuple[str, ...] = ("school", "schools", "best")

# What a weekday's possessive names when it is the day of an issue or a broadcast ("in Wednesday's
# Journal of the Heart Society", "told the Gazette for Tuesday's editions", "the subject of
# Sunday's episode"; constructed): a day of publication, the writing's own or the next (dates, wave 9).
PUBLICATION_DAY_NOUNS: tuple[str, ...] = tuple(
    """issue issues edition editions paper papers newspaper journal program programme broadcast episode
    column magazine""".split()
)

# Verbs of a speech tag that may follow a quoted question or exclamation in the same sentence
# ('"Oh really?" Ida asks.', segment): saying and manner-of-speaking verbs, both tenses.
SPEECH_TAG_VERBS: tuple[str, ...] = tuple(
    """said says asked asks added adds told tells replied replies wrote writes recalled recalls explained
    explains shouted shouts yelled yells wondered wonders""".split()
)

# Opening words that point back at an earlier sentence ("But it is not looking too hopeful.", "He
# left at noon."): shown without the sentence before, the reader does not know who or what. English
# connectives and pronouns, not any story's words (summarizers.units, summarizers.order).
DANGLING_OPENERS: frozenset[str] = frozenset(
    """
    but and so yet still also however nevertheless nonetheless moreover furthermore besides instead
    then thus therefore meanwhile indeed otherwise likewise similarly or nor
    he she it they his her its their him them this that these those such
    """.split()
)

# First-person words: a sentence using them outside any quotation is someone speaking unnamed (an
# interview transcript, a columnist's aside) and reads as no one's without the sentence before.
FIRST_PERSON: tuple[str, ...] = tuple(
    """I I'm I’m I've I’ve I'd I’d I'll I’ll me my mine myself
    we we're we’re we've we’ve us our ours ourselves""".split()
)

# Number words as counts ("two ships", "three days ago"); "a"/"an" count one only in date offsets.
NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip

# Honorifics: the name after one is a person ("Mr Lavrov"); also how an alias drops its title.
HONORIFICS: tuple[str, ...] = ("Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Sir")

# Capitalised titles that make the name after them a person ("Foreign Minister Sergei Lavrov").
TITLES: tuple[str, ...] = (
    "Secretary of State", "Foreign Minister", "Prime Minister", "Defence Minister", "Defense Minister",
    "Vice President", "President", "Chancellor", "Minister", "Secretary", "Senator", "Sen", "Rep",
    "Governor", "Gov", "General", "Gen", "Ambassador", "Judge", "King", "Queen", "Pope", "Prince", "Princess",
    "Professor", "PM", "Lord", "Lady", "Bishop", "Cardinal", "Rev", "Sheriff", "Mayor", "Chief", "Officer",
    "Detective", "Sgt", "Lt", "Col", "Capt", *HONORIFICS,
)  # fmt: skip

# Words that make a recognised "name" no speaker: a photo credit run into a name ("AP Photo
# Trump") or a description ending in a party ("North Carolina Republican", whose name follows).
# A quote given to such a name abstains. Tune half of the trust labels: 4 wrong speakers, no
# right one, carried these words.
NOT_SPEAKER_NAME_WORDS: tuple[str, ...] = ("Photo", "Photos", "Getty", "Images")
DESCRIPTION_HEADS: tuple[str, ...] = ("Republican", "Republicans", "Democrat", "Democrats", "Democratic")

# Lower-case roles that do the same ("spokeswoman Jen Psaki").
ROLES: tuple[str, ...] = tuple(
    """spokeswoman spokesman spokesperson correspondent editor reporter chief counterpart leader minister
    president analyst director envoy ambassador commander""".split()
)

# Words that negate the claim of the clause they stand in: two sentences that differ in these
# state opposite facts ("was not injured" / "was injured"; "denied meeting" / "met").
NEGATIONS: tuple[str, ...] = tuple(
    """not no never nobody none nothing neither nor without cannot can't won't don't doesn't didn't isn't
    aren't wasn't weren't hasn't haven't hadn't wouldn't couldn't shouldn't denied denies deny refused refuses
    rejected rejects""".split()
)
