"""Entity recognition and alias merging on constructed sentences."""

from __future__ import annotations

from newsbrief.analyse import analyse_texts


def entities_of(*texts: str):
    return {e.name: e for e in analyse_texts(list(texts)).analysis.entities}


def test_transliterations_honorifics_and_surnames_merge():
    entities = entities_of(
        "Russian Foreign Minister Sergei Lavrov met his US counterpart in Paris.\n\nMr Lavrov said little.",
        "Russian Foreign Minister Sergey Lavrov flew home.\n\nLavrov later spoke to reporters.",
    )
    lavrov = entities["Sergei Lavrov"]
    assert lavrov.label == "PERSON"
    assert {"Sergey Lavrov", "Mr Lavrov", "Lavrov"} <= set(lavrov.aliases)
    assert lavrov.mentions_per_source == {1: 2, 2: 2}
    assert not any(name.endswith("Lavrov") for name in entities if name != "Sergei Lavrov")


def test_country_and_organisation_aliases_merge():
    entities = entities_of(
        "The US and Nato warned Moscow.\n\nThe U.S. ambassador spoke.",
        "The United States and NATO said the EU agreed.\n\nThe European Union will meet.",
    )
    assert {"United States", "NATO", "European Union", "Moscow"} <= set(entities)
    assert {"US", "U.S."} <= set(entities["United States"].aliases)
    assert entities["NATO"].label == "ORG" and entities["United States"].label == "PLACE"
    assert "US" not in entities and "Nato" not in entities and "EU" not in entities


def test_different_people_sharing_a_surname_stay_apart():
    entities = entities_of("Former President Bill Clinton and Secretary of State Hillary Clinton spoke in New York.")
    assert {"Bill Clinton", "Hillary Clinton"} <= set(entities)


def test_sentence_starts_demonyms_and_titles_are_not_entities():
    entities = entities_of(
        "Meanwhile the talks went on.\n\nRussian troops massed near the border.\n\n"
        "However, President Vladimir Putin denied it."
    )
    assert set(entities) == {"Vladimir Putin"}


def test_locative_preposition_marks_an_unknown_place():
    entities = entities_of("Armed men tried to take over a missile base in Yevpatoria on the coast.")
    assert entities["Yevpatoria"].label == "PLACE"
