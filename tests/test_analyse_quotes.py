"""Quotes and speakers on constructed sentences (the example story is covered by test_analyse_example)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsbrief.analyse import analyse_texts
from newsbrief.analyse.quotes import is_speaker_name, mask_quotes, quote_spans


def quotes_of(*paragraphs: str):
    brief = analyse_texts(["\n\n".join(paragraphs)], ["2014-03-11"])
    return brief.analysis.quotes


def direct(quotes):
    return [q for q in quotes if q.kind == "direct"]


# One direct quotation and what must be read of it: (what the case shows, the paragraphs, the
# quote's fields).
ONE_DIRECT_QUOTE = [
    (
        "a pronoun speaker resolves to the nearest named person",
        (
            "US President Barack Obama spoke to reporters in Washington on Monday.",
            '"We will not accept a change of borders by force," he said.',
        ),
        {"speaker": "Barack Obama", "cue": "he said"},
    ),
    (
        "a split quote is one quote with its speaker",
        (
            'Secretary of State John Kerry arrived in Paris. "It is clear," Mr Kerry said, '
            '"that Russia has been working hard to create a pretext for being able to invade."',
        ),
        {
            "text": "It is clear … that Russia has been working hard to create a pretext for being able to invade.",
            "speaker": "John Kerry",
        },
    ),
    (
        "a nested quote stays inside the outer quote",
        (
            "Foreign Minister Sergei Lavrov spoke in Moscow.",
            "Mr Lavrov said: \"Our partners call it a 'constructive' process and we fully agree with them.\"",
        ),
        {
            "text": "Our partners call it a 'constructive' process and we fully agree with them.",
            "speaker": "Sergei Lavrov",
            "is_fragment": False,
        },
    ),
    (
        "curly single quotes with apostrophes inside",
        (
            "Secretary of State John Kerry spoke in Paris.",
            "Mr Kerry claims ‘Russia’s troops are creating a climate of fear and intimidation’ in the region.",
        ),
        {"text": "Russia’s troops are creating a climate of fear and intimidation", "speaker": "John Kerry"},
    ),
]


@pytest.mark.parametrize(
    ("paragraphs", "expected"), [case[1:] for case in ONE_DIRECT_QUOTE], ids=[case[0] for case in ONE_DIRECT_QUOTE]
)
def test_one_direct_quote(paragraphs, expected):
    (quote,) = direct(quotes_of(*paragraphs))
    assert {field: getattr(quote, field) for field in expected} == expected


# The speakers of every direct quotation in a text, in order: (what the case shows, the paragraphs,
# the speakers; None where a quote must be left unattributed).
SPEAKERS_OF_DIRECT_QUOTES = [
    (
        "a person the text called she is not the next he, and a quote's own tag is not skipped",
        (
            "Governor Jane Roe wrote to the show's host on Friday.",
            '"You forget one thing, my friend," she said, pointing back to an interview in April.',
            '"There\'s a state drink?" he asked, puzzled, before she told him it was milk.',
        ),
        ["Jane Roe", None],
    ),
    (
        "she added follows the previous quote not names inside it",
        (
            '"The United States needs to see concrete evidence of progress," spokeswoman Jen Psaki said.',
            '"Kerry made clear to Lavrov that he would welcome further discussions soon," she added.',
        ),
        ["Jen Psaki", "Jen Psaki"],
    ),
    (
        "a quote two sentences after a speaker is not continued",
        (
            '"We will rebuild the wall," Mayor Jane Roe said. The council met on Tuesday.',
            '"Nobody will be forgotten."',
        ),
        ["Jane Roe", None],
    ),
    (
        "was quoted as telling names its subject and brackets hold no speaker",
        (
            "``It's better to execute him in China than to waste the government's time and money,'' "
            "housewife Chan Lee Kit-ho was quoted as telling the South China Morning Post.",
            "Rep. Marsha Blackburn (R-Tenn.), another critic, said in a statement that "
            "“this is a classic failure in leadership and a waste of taxpayer money.”",
        ),
        ["Chan Lee Kit-ho", "Marsha Blackburn"],
    ),
]


@pytest.mark.parametrize(
    ("paragraphs", "speakers"),
    [case[1:] for case in SPEAKERS_OF_DIRECT_QUOTES],
    ids=[case[0] for case in SPEAKERS_OF_DIRECT_QUOTES],
)
def test_speakers_of_direct_quotes(paragraphs, speakers):
    assert [q.speaker for q in direct(quotes_of(*paragraphs))] == speakers


def test_according_to_and_told_reporters():
    quotes = quotes_of(
        "Secretary of State John Kerry and spokeswoman Jen Psaki travelled to Paris.",
        'According to Ms Psaki, "the talks will continue at a distance for several more weeks."',
        '"The troop buildup is creating a climate of fear and intimidation," Kerry told reporters.',
    )
    assert [(q.speaker, q.cue) for q in direct(quotes)] == [
        ("Jen Psaki", "according to"),
        ("John Kerry", "told"),
    ]


def test_quote_only_sentence_continues_the_previous_speaker():
    quotes = quotes_of(
        'Secretary of State John Kerry met Lavrov. "We met for four hours," Kerry told reporters. '
        '"It was a serious discussion about the way forward."'
    )
    assert [(q.speaker, q.cue) for q in direct(quotes)] == [("John Kerry", "told"), ("John Kerry", "continuation")]


def test_reported_speech_with_that():
    quotes = quotes_of("Foreign Minister Sergei Lavrov said that the proposals were not suitable for Moscow.")
    (quote,) = quotes
    assert quote.kind == "reported"
    assert quote.speaker == "Sergei Lavrov"
    assert quote.text == "the proposals were not suitable for Moscow"


def test_the_addressee_of_a_warning_is_not_part_of_what_was_said():
    quotes = quotes_of("Chancellor Angela Merkel warned Moscow they would impose sanctions if the troops stayed.")
    (quote,) = quotes
    assert (quote.kind, quote.speaker) == ("reported", "Angela Merkel")
    assert quote.text == "they would impose sanctions if the troops stayed"


def test_scare_quotes_are_fragments_not_statements():
    quotes = quotes_of('Moscow called the vote a "triumph" and dismissed the "so-called sanctions" as theatre.')
    fragments = [q for q in direct(quotes) if q.is_fragment]
    assert [q.text for q in fragments] == ["triumph", "so-called sanctions"]


def test_described_speaker_when_the_text_names_nobody():
    quotes = quotes_of('"The building has been without a lift for two weeks now," tenants said on Monday.')
    (quote,) = direct(quotes)
    assert (quote.speaker, quote.speaker_entity, quote.cue) == ("tenants", None, "said")


def test_unattributed_quote_has_no_speaker():
    quotes = quotes_of('Posters across the city read "Together with Russia for ever and ever and ever".')
    (quote,) = direct(quotes)
    assert quote.speaker is None and quote.confidence == 0.0


@given(st.text(alphabet=st.sampled_from(list("ab ,.’‘“”\"'xY\n")), max_size=80))
def test_quote_spans_are_ordered_and_inside_the_text(text):
    spans = quote_spans(text)
    previous_end = -1
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text)
        assert span.start > previous_end
        previous_end = span.end
    assert len(mask_quotes(text, spans)) == len(text)


def _quotes(text: str) -> list:
    return analyse_texts([text]).analysis.quotes


def test_apposition_gives_the_person_never_the_place_or_the_criticised_party():
    (quote,) = _quotes('Saeed, 19, a student from Damascus, called Hungary\'s treatment "old-fashioned racism" today.')
    assert (quote.speaker, quote.speaker_type) == ("Saeed", "person")
    (quote,) = _quotes('Amadou, 35, from Mauritania told AFP: "We walked for three days without food."')
    assert quote.speaker == "Amadou"


def test_a_name_by_the_cue_is_a_speaker_even_when_no_entity_covers_it():
    (quote,) = _quotes('"The allegations were found to be credible," Burns said. The diocese did not respond.')
    assert (quote.speaker, quote.cue) == ("Burns", "said")


def test_newswire_guillemet_and_low_high_quote_marks():
    texts = {
        "``We have more people in need of housing than ever before,'' Cuomo said on Monday.": "We have more",
        "«We will not leave this square,» Ahmed said on Monday.": "We will not",
        "„We will not leave this square“, Ahmed said on Monday.": "We will not",
    }
    for text, start in texts.items():
        quote = _quotes(text)[0]
        assert quote.text.startswith(start) and quote.speaker in ("Cuomo", "Ahmed"), text


def test_a_criticism_of_someone_is_not_their_quote():
    quotes = _quotes('The survivors network criticised Bishop Robert Finn, saying "he protected abusers for years."')
    assert all(q.speaker != "Robert Finn" for q in quotes)


def test_a_description_or_photo_credit_is_no_speaker_name():
    assert is_speaker_name("Richard Burr") and is_speaker_name("Civil Aviation Authority")
    assert not is_speaker_name("Y")
    assert not is_speaker_name("AP Photo Trump")
    assert not is_speaker_name("North Carolina Republican")


# --- issue 11: rules written on the tune half of the trust labels -------------------------------


def test_apposition_with_an_organisation_gives_the_person():
    quotes = quotes_of(
        "However, Malcolm Field, the chairman of the Civil Aviation Authority, an official regulatory body, "
        'said, "It is clear to all of us that a tire burst alone should never cause the loss of an aircraft."'
    )
    (quote,) = direct(quotes)
    assert quote.speaker == "Malcolm Field"


def test_a_party_tag_between_name_and_verb_is_no_obstacle():
    quotes = quotes_of(
        '"No one thinks this bill is perfect, but we worked hard to find common ground," '
        "Senate Majority Leader Mitch McConnell (R-Ky.) said in announcing the agreement.",
        '"It has a great deal of what the American people want," said Senate Minority Leader Chuck Schumer (D-N.Y.).',
    )
    assert [q.speaker.split()[-1] for q in direct(quotes)] == ["McConnell", "Schumer"]


def test_he_chains_through_earlier_pronouns_to_a_bare_name():
    quotes = quotes_of(
        "Ehlis has declined comment on the case but said he returned to normal after he stopped the medication.",
        "He is back home with his wife and three other children.",
        '"I am doing very well, and my family is doing pretty good, too," he said.',
    )
    (quote,) = direct(quotes)
    assert quote.speaker == "Ehlis" and quote.speaker_type == "person"


def test_a_relayed_letter_leaves_the_next_pronoun_unattributed():
    quotes = quotes_of(
        "President Reuven Rivlin presented the previously unreleased letter at a ceremony.",
        '"There is a need to draw a line between the leaders and the people," '
        "Rivlin's office quotes the letter as saying.",
        '"I was not a responsible leader, and as such do not feel myself guilty," he adds.',
    )
    assert all(q.speaker != "Reuven Rivlin" for q in direct(quotes)[1:])


def test_an_unnamed_official_of_a_body_is_not_the_body():
    quotes = quotes_of(
        '"The President has never asked anyone to end any investigation at all," '
        "a White House official said in a statement."
    )
    (quote,) = direct(quotes)
    assert quote.speaker_entity is None


def test_a_described_speaker_where_a_quote_ends_is_no_continuation():
    quotes = quotes_of(
        '"We will publish the full report next week," Rich McHugh said.',
        '"There was not one single witness who was willing to go on the record. Not one," '
        "the spokesperson told reporters.",
    )
    assert direct(quotes)[1].speaker != "Rich McHugh"


def test_saying_takes_the_subject_of_its_clause():
    quotes = quotes_of(
        "On Twitter last fall, Mr. Farrow praised Mr. McHugh, saying he had "
        '"refused to bow to pressure to stop, through numerous shoots."'
    )
    (quote,) = direct(quotes)
    assert quote.speaker.endswith("Farrow")


def test_a_colon_ended_sentence_introduces_the_quote_paragraph_after_it():
    quotes = quotes_of(
        "Lawmakers of both parties were asked about the memo on Tuesday as it was described to reporters.",
        "Senate Intelligence Committee Chairman Richard Burr raised several reasonable objections to the report "
        "when he spoke to the press on Tuesday:",
        "“I actually believe the director might have told us that there had been a request like that,” "
        "the North Carolina Republican told reporters.",
    )
    (quote,) = direct(quotes)
    assert quote.speaker.endswith("Richard Burr") and quote.cue == "colon"


def test_a_name_after_the_is_no_antecedent_for_he():
    quotes = quotes_of(
        "Field rejected the idea that the demand meant the Concorde would never fly again.",
        '"We would wish Concorde to fly again and carry passengers soon," he said.',
    )
    assert all(q.speaker is None or "Concorde" not in q.speaker for q in direct(quotes))


def test_went_on_to_say_keeps_its_subject():
    quotes = quotes_of(
        "“We just don’t want to expose them to too much,” Malu Celli, the zoo’s curator, told reporters on Sunday.",
        "Celli went on to say that “it is not necessarily that it is too cold for them at all.”",
    )
    assert [q.speaker.split()[-1] for q in direct(quotes)] == ["Celli", "Celli"]


def test_a_body_s_unnamed_officials_are_a_described_speaker():
    quotes = quotes_of("US officials say there will be little to discuss if the referendum on the region goes ahead.")
    (quote,) = quotes
    assert (quote.kind, quote.speaker, quote.speaker_entity) == ("reported", "US officials", None)


@pytest.mark.parametrize(
    ("paragraphs", "quote_starts", "speaker"),
    [
        # A role as the subject is the one person the article gave that title.
        (
            (
                "Indian Law Minister Ram Jethamalani opened the meeting in New Delhi.",
                'Without naming any country, the minister said criminals should not be given "shelter" anywhere.',
            ),
            "shelter",
            "Ram Jethamalani",
        ),
        # …and no one when two people hold it.
        (
            (
                "Foreign Minister Sergei Lavrov met Defence Minister Sergei Shoigu in Moscow.",
                'The minister said the talks had been "frank and useful" for both sides.',
            ),
            "frank",
            None,
        ),
        # A name set off by commas after a description is the subject of the cue.
        (
            (
                "Hong Kong residents were divided on the case.",
                '"His family should pay for the bullets," an import and export worker, Li Huamin, '
                "was quoted as telling the Post.",
            ),
            "His family",
            "Li Huamin",
        ),
        # A bare name with an age before its cue speaks, so a later "he" may be that person.
        (
            (
                'Heath Harding, 18, says he is "the slacker" of his nine siblings.',
                'But he did take "a bit of time off" in between, he told reporters Thursday.',
            ),
            "a bit",
            "Heath Harding",
        ),
        # "he" is not the person the article calls "Ms".
        (
            (
                "President Nicolas Sarkozy said Ms Edith Bouvier had reached safety in Lebanon.",
                "He later withdrew the statement.",
                '"It has not been confirmed that she is in safety," he told journalists in Montpellier.',
            ),
            "It has not",
            "Nicolas Sarkozy",
        ),
        # A colon after a sentence that opens with a pronoun: the person the pronoun stands for.
        (
            (
                '"We dismiss it as absolutely cynical," State Department spokeswoman Victoria Nuland said.',
                'She cited the violence in Homs and asked: "How could you have a democratic process now?"',
            ),
            "How could",
            "Victoria Nuland",
        ),
        # With a speaker two sentences back, people named in its own sentence do not compete.
        (
            (
                '"There has been a mythology," said Dr. Joseph Biederman of Boston, who met Dr. Anne Lee.',
                "The study is published in the August issue of Pediatrics.",
                '"We believe that treated children will have fewer problems," he said.',
            ),
            "We believe",
            "Joseph Biederman",
        ),
        # …but one named since its quote does.
        (
            (
                '"There has been a mythology," said Dr. Joseph Biederman of Boston.',
                "Mr. Robert Lee, who wrote the study, disagrees.",
                '"We believe that treated children will have fewer problems," he said.',
            ),
            "We believe",
            None,
        ),
        # A participle before a newswire ``quote'' takes the subject of its clause.
        (
            (
                "Housing Secretary Andrew Cuomo spoke in Washington.",
                "He blamed Congress for the lack of new units, saying, ``We had proposals in the tens of thousands.''",
            ),
            "We had",
            "Andrew Cuomo",
        ),
        # An all-quote sentence continues a quote across one sentence the speaker is the subject of…
        (
            (
                '"It is important to get to the bottom of it," said Rep. Mark Meadows, a caucus chairman.',
                "Meadows was last seen at the White House on Thursday.",
                '"We have one standard, and it applies to everybody."',
            ),
            "We have",
            "Mark Meadows",
        ),
        # …not across one about someone else.
        (
            (
                '"It is important to get to the bottom of it," said Rep. Mark Meadows, a caucus chairman.',
                "Kellyanne Conway met the caucus on Tuesday night.",
                '"We have one standard, and it applies to everybody."',
            ),
            "We have",
            None,
        ),
        # An apposition after a bracketed party tag.
        (
            (
                "Rep. Marsha Blackburn (R-Tenn.), another TSA critic, said in a statement that "
                '"I find it deeply disturbing that the agency would spend $50 million."',
            ),
            "I find",
            "Marsha Blackburn",
        ),
    ],
)
def test_speakers_from_roles_appositions_titles_and_pronoun_colons(paragraphs, quote_starts, speaker):
    (quote,) = [q for q in direct(quotes_of(*paragraphs)) if q.text.startswith(quote_starts)]
    assert quote.speaker == speaker


# Wave 10 (issue 11, fresh labels): speakers introduced a sentence before, or past a description.
# (what the case shows, the paragraphs, the start of the quote, its speaker and cue)
WAVE_10 = [
    (
        "a bare name speaks through a description, so a later he is it",
        (
            "Lt. Gen. Ardo Veskimets, the wing's combined forces commander, explained the drill.",
            '"Our task is first and foremost to deter," he said.',
        ),
        "Our task",
        ("Ardo Veskimets", "he said"),
    ),
    (
        "a tag the segmenter splits off after a question mark is the quote's",
        ('"Is this not a little small for a photographer?" Veskimets asks her. He laughs.',),
        "Is this",
        ("Veskimets", "asks"),
    ),
    (
        "a trailing 'X said.' names the speaker the next all-quote sentence continues",
        ('The lakes lie two to three miles below the crust, Oduwole said. "It is a missing link."',),
        "It is a missing",
        ("Oduwole", "continuation"),
    ),
    (
        "an all-quote sentence continues its paragraph's speaker across a sentence naming no one",
        (
            '"The mechanism suggests it could help," Oduwole said. Alcohol raises estrogen, which '
            'exercise lowers. "But I cannot say that exercise undoes the alcohol."',
        ),
        "But I cannot",
        ("Oduwole", "continuation"),
    ),
    (
        "said X of a place, adding, … is X's, never the place",
        (
            '"I do not know when we last had someone there," said Representative Joseph Crowley of Queens, '
            'adding, "He is going to be at the head of the table."',
        ),
        "He is going",
        ("Representative Joseph Crowley", "adding"),
    ),
    (
        "as X puts it names X, past a description with U.S. in it",
        (
            "That is because, as Adm. Ardo Veskimets, commander of the U.S. Pacific Fleet, put it, "
            '"I have never seen a greater concern from a regional perspective."',
        ),
        "I have never",
        ("Ardo Veskimets", "put it"),
    ),
    (
        "a described speaker goes on in the next all-quote sentence, still no entity",
        ('"The show commands the largest audience," a company spokesperson told reporters. "We are excited."',),
        "We are excited",
        ("a company spokesperson", "continuation"),
    ),
]


@pytest.mark.parametrize(
    ("paragraphs", "quote_starts", "expected"), [c[1:] for c in WAVE_10], ids=[c[0] for c in WAVE_10]
)
def test_wave_10_speakers(paragraphs, quote_starts, expected):
    (quote,) = [q for q in direct(quotes_of(*paragraphs)) if q.text.startswith(quote_starts)]
    assert (quote.speaker, quote.cue) == expected
    if expected[1] == "continuation" and expected[0].islower():
        assert quote.speaker_entity is None


def test_who_acts_on_him_is_not_he():
    quotes = quotes_of(
        'Colterra told the hearing that players mattered more to Brightwater, saying, "You play first."',
        'Asked why Brightwater gave him a scholarship, he responded: "To play football."',
    )
    (quote,) = [q for q in direct(quotes) if q.text.startswith("To play")]
    assert quote.speaker != "Brightwater"


def test_a_name_after_a_preposition_is_not_the_next_pronoun_of_its_sentence():
    quotes = quotes_of(
        "Kim Varga had denied she was slacking off on the job.",
        'In an e-mail to Mayor Tim Flaherty announcing her resignation, she wrote, "This has been an awful job."',
    )
    (quote,) = direct(quotes)
    assert quote.speaker != "Tim Flaherty"
