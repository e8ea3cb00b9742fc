"""Catalog texts read as each country writes: no "(s)", a form for one and for more, «», lower-case levels."""

import re
from types import SimpleNamespace

import pytest

from actormap.analysis.listing import findings_table
from actormap.analysis.rules import find_all
from actormap.export.drawing import Labelled
from actormap.export.image import caption
from actormap.i18n import catalog, level_name, tn
from actormap.schema import LANGUAGES, LEVELS
from actormap.view.filters import ViewFilters
from actormap.view.selection import filter_parts, select

NORDIC = ("sv", "da", "nb")


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_text_hedges_its_plural_with_s_in_brackets(language):
    assert [key for key, text in catalog(language).items() if "(s)" in text] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_form_for_one_has_its_form_for_more_in_every_language(language):
    """(A key ending in ``.other`` alone may be a code, such as the actor type ``type.other``.)"""
    plural = {key.removesuffix(".one") for lang in LANGUAGES for key in catalog(lang) if key.endswith(".one")}
    keys = catalog(language).keys()
    assert (
        sorted(f"{base}.{form}" for base in plural for form in ("one", "other") if f"{base}.{form}" not in keys) == []
    )


def test_norwegian_quotes_are_guillemets():
    assert [key for key, text in catalog("nb").items() if re.search("[“”„]", text)] == []


@pytest.mark.parametrize("language", NORDIC)
def test_level_names_are_not_capitalised_mid_sentence(language):
    names = [level_name(level, language) for level in LEVELS]
    mid_sentence = re.compile(rf"\b[a-zåäöæø][\w-]* ({'|'.join(map(re.escape, names))})\b")
    capitalised = {
        key: match.group(1)
        for key, text in catalog(language).items()
        if not key.startswith("level.") and (match := mid_sentence.search(text))
    }
    assert capitalised == {}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("count", [0, 1, 2, 5])
def test_tn_takes_the_form_for_one_only_for_one(language, count):
    form = "one" if count == 1 else "other"
    assert tn("count.actors", count, language) == catalog(language)[f"count.actors.{form}"].format(count=count)


@pytest.mark.parametrize(
    ("language", "key", "one", "two"),
    [
        ("en", "count.findings", "1 finding", "2 findings"),
        ("sv", "count.actors", "1 aktör", "2 aktörer"),
        ("sv", "count.efforts", "1 insats", "2 insatser"),
        ("da", "count.efforts", "1 indsats", "2 indsatser"),
        ("da", "count.warnings", "1 advarsel", "2 advarsler"),
        ("nb", "count.actors", "1 aktør", "2 aktører"),
        ("nb", "count.efforts", "1 tiltak", "2 tiltak"),
    ],
)
def test_tn_words(language, key, one, two):
    assert (tn(key, 1, language), tn(key, 2, language)) == (one, two)


@pytest.mark.parametrize(
    ("language", "key", "one", "two"),
    [
        ("en", "ui.whatif_count", "1 new finding if they leave:", "2 new findings if they leave:"),
        (
            "sv",
            "ui.whatif_count",
            "Om de slutar delta uppstår 1 ny iakttagelse:",
            "Om de slutar delta uppstår 2 nya iakttagelser:",
        ),
        ("da", "ui.edit_findings_new", "Dine ændringer fører til 1 nyt fund:", "Dine ændringer fører til 2 nye fund:"),
        ("nb", "ui.edit_errors", "Rett feilen før du kan lagre:", "Rett de 2 feilene før du kan lagre:"),
    ],
)
def test_sentences_agree_with_their_count(language, key, one, two):
    assert (tn(key, 1, language), tn(key, 2, language)) == (one, two)


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        ("en", "1 actor and 1 effort. Every actor and effort is named.", "2 actors and 2 efforts."),
        (
            "sv",
            "Kartan visar 1 aktör och 1 insats. Alla aktörer och insatser visas med namn.",
            "Kartan visar 2 aktörer",
        ),
        (
            "da",
            "Kortet viser 1 aktør og 1 indsats. Alle aktører og indsatser vises med navn.",
            "Kortet viser 2 aktører",
        ),
        ("nb", "Kartet viser 1 aktør og 1 tiltak. Alle aktører og tiltak vises med navn.", "Kartet viser 2 aktører"),
    ],
)
def test_the_image_caption_counts_each_kind_on_its_own(language, one, two):
    selection = SimpleNamespace(language=language)
    assert caption(selection, Labelled(actors=1, efforts=1, named_actors=1, named_efforts=1)) == one
    assert caption(selection, Labelled(actors=2, efforts=2, named_actors=2, named_efforts=2)).startswith(two)


def test_the_image_caption_names_a_share_of_each_kind():
    selection = SimpleNamespace(language="sv")
    assert caption(selection, Labelled(actors=40, efforts=1, named_actors=10, named_efforts=1)) == (
        "Kartan visar 40 aktörer och 1 insats. "
        "Namn visas för de mest sammanlänkade: 10 av 40 aktörer och 1 av 1 insats."
    )


@pytest.mark.parametrize(("depth", "steps"), [(1, "1 step"), (2, "2 steps")])
def test_the_filters_line_counts_the_steps_around_the_focus(kommun, depth, steps):
    selection = select(kommun, ViewFilters(focus="polis", depth=depth), language="en")
    assert filter_parts(selection) == [f"around Polisen, {steps}"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [("sv", "nivåer tidiga insatser, behandling"), ("da", "niveauer tidlig indsats, behandling")],
)
def test_the_filters_line_writes_level_names_in_lower_case(kommun, language, expected):
    selection = select(kommun, ViewFilters(levels=("early_intervention", "treatment")), language=language)
    assert filter_parts(selection) == [expected]


def test_the_findings_listing_ends_with_its_count(kommun):
    findings = find_all(kommun, "en")
    assert findings_table(findings.head(1)).splitlines()[-1] == "1 finding"
    assert findings_table(findings.head(2)).splitlines()[-1] == "2 findings"
