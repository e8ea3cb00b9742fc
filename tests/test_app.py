"""The Streamlit app, page by page, driven through AppTest on the example maps."""

import html
import sys

import pytest
from conftest import CORPUS, DATA, EXAMPLES, HERNING, english, go, start_app

import actormap
from actormap.analysis.coverage import coverage
from actormap.analysis.reading import cell_lines, split_findings
from actormap.analysis.rules import find_all
from actormap.analysis.slices import for_municipality, municipalities
from actormap.export.text import markdown_text
from actormap.i18n import catalog, t, tn
from actormap.synthetic import generate_map, write_files
from actormap.ui.tables import MAX_ROWS
from actormap.ui.widgets import key_for
from actormap.view.labels import CELL_STATES_SHOWN, cell_text, first_names, level_labels, rule_title

PAGES = ("overview", "network", "responsibilities", "whatif")
LANGUAGES = ("en", "sv", "da", "nb")


# Streamlit's AppTest finds dataframes by position, not key: each page's order is fixed.


def texts(elements) -> list[str]:
    return [element.value for element in elements]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("folder", EXAMPLES, ids=lambda path: path.name)
def test_every_page_of_every_example_runs_without_exception(folder, page):
    at = start_app(folder)
    go(at, page, at.session_state["language"])
    assert not at.exception
    assert not at.error


def test_the_map_language_is_the_default_and_switching_changes_the_headings():
    at = start_app(HERNING)
    assert at.sidebar.selectbox(key="language").value == "da"
    assert t("ui.coverage", "da") in texts(at.subheader)
    for language in ("en", "sv", "nb"):
        at.sidebar.selectbox(key="language").set_value(language).run()
        assert t("ui.coverage", language) in texts(at.subheader)
        assert t("ui.findings_title", language) in texts(at.subheader)


def test_overview_shows_figures_and_the_findings_filter_narrows_the_list():
    at = start_app(HERNING)
    english(at)
    metrics = {metric.label: metric.value for metric in at.metric}
    assert metrics["Actors"] == "15"
    assert metrics["High-severity findings"] == "3"
    assert at.table[0].value.shape[0] == 14
    at.multiselect(key=key_for("filter_rule", "en")).set_value(["broken_handover"]).run()
    shown = at.table[0].value
    assert shown["Finding"].tolist() == ["Broken handover"]
    assert at.caption[-1].value.startswith("1 of 14 findings")


def test_coverage_marks_the_empty_cells():
    at = start_app(HERNING)
    english(at)
    grid = at.dataframe[0].value
    assert grid.loc["Treatment", "youth"] == "1"  # one running; the new strategy is only planned
    assert grid.loc["Early intervention", "children"] == "0"


@pytest.mark.parametrize("language", LANGUAGES)
def test_overview_lists_who_should_act_first_and_sums_up_the_empty_cells_level_by_level(language):
    at = start_app(HERNING)
    at.sidebar.selectbox(key="language").set_value(language).run()
    findings = find_all(actormap.load_map(HERNING), language)
    actionable, cells = split_findings(findings)
    assert len(actionable) and len(cells)  # both kinds, so the order shows
    listed = at.table[0].value
    assert listed[t("ui.col_message", language)].tolist() == [
        markdown_text(m) for m in [*actionable["message"], *cells["message"]]
    ]
    assert at.caption[-1].value == tn("ui.findings_count_reading", len(findings), language, shown=len(findings))
    lines = cell_lines(findings, language)
    markdown = texts(at.markdown)
    assert f"**{t('reading.cells_heading', language)}**" in markdown
    assert "\n".join(f"- {line}" for line in lines) in markdown
    expected = {
        "en": "Early intervention: no effort for children and adults — see the coverage table.",
        "sv": "Tidiga insatser: ingen insats för barn och vuxna – se täckningstabellen.",
        "da": "Tidlig indsats: ingen indsats for børn og voksne – se dækningstabellen.",
        "nb": "Tidlig innsats: ingen tiltak for barn og voksne – se dekningstabellen.",
    }
    assert lines == [expected[language]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_heatmap_has_a_key_for_every_state_of_a_cell(language):
    at = start_app(HERNING)
    at.sidebar.selectbox(key="language").set_value(language).run()
    keys = [
        text
        for text in texts(at.markdown)
        if text.startswith(f'<p style="font-size: 0.85em">{t("ui.cell_key", language)}:')
    ]
    assert len(keys) == 1
    for state in CELL_STATES_SHOWN:
        assert html.escape(t(f"ui.cell_{state}", language)) in keys[0], state
    assert (
        t("ui.cell_population", language)
        in {
            "en": "covered by a population-wide effort",
            "sv": "täckt av en insats för hela befolkningen",
            "da": "dækket af en indsats for hele befolkningen",
            "nb": "dekket av et tiltak for hele befolkningen",
        }.values()
    )


def test_the_heatmap_says_each_cells_state_in_text_as_well_as_in_colour():
    folder = DATA / "norway-plan"  # every state: covered, population-wide, only planned, empty, not expected
    at = english(start_app(folder))
    actor_map = actormap.load_map(folder)
    counts = coverage(actor_map)
    assert set(counts["state"]) == set(CELL_STATES_SHOWN)
    for measure in ("lead_actors", "actors", "efforts"):
        at.radio(key=key_for("coverage_measure", "en")).set_value(measure).run()
        grid = at.dataframe[0].value
        assert list(grid.index) == level_labels(counts["level"].unique(), "en")
        said = [cell_text(state, count) for state, count in zip(counts["state"], counts[measure])]
        assert grid.values.ravel().tolist() == said, measure
    assert grid.loc["Health promotion"].tolist() == ["(plan)", "(plan)", "(plan)", "(plan)", "–", "–"]  # efforts
    assert grid.loc["Prevention"].tolist() == ["1", "1", "1", "≈", "–", "–"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_key_and_the_cell_lines_are_written_in_every_language(language):
    keys = [key for key in catalog("en") if key.startswith(("ui.cell_", "reading.", "ui.findings_count_reading"))]
    assert len(keys) >= 11
    assert sorted(set(keys) - set(catalog(language))) == []


def test_network_filters_and_focus_change_what_is_drawn():
    at = start_app(HERNING)
    go(english(at), "network")
    assert at.caption[0].value.startswith("15 actors and 8 efforts shown")
    at.multiselect(key=key_for("net_levels", "en")).set_value(["treatment"]).run()
    assert at.caption[0].value.startswith("12 actors and 4 efforts shown")
    at.multiselect(key=key_for("net_levels", "en")).set_value([]).run()
    at.selectbox(key=key_for("net_focus", "en")).set_value("politiet").run()
    at.slider(key="net_depth").set_value(1).run()
    assert at.caption[0].value.startswith("2 actors and 0 efforts shown")


def test_what_if_lists_the_findings_an_actor_leaving_creates():
    at = start_app(HERNING)
    go(english(at), "whatif")
    assert texts(at.info) == [t("ui.whatif_pick", "en")]
    at.multiselect(key=key_for("whatif_remove", "en")).set_value(["misbrugscenteret"]).run()
    created = at.table[0].value
    assert created["Finding"].tolist() == ["Uncoordinated overlap"]  # the project and the treatment lose their link
    assert texts(at.warning) == [tn("ui.whatif_count", len(created), "en")]


def test_who_does_what_reads_effort_by_effort_with_a_column_per_role():
    at = start_app(HERNING)
    go(english(at), "responsibilities")
    table = at.table[0].value.set_index("Effort")
    assert list(table.columns) == ["Lead", "Funder", "Provider", "Partner", "Follow-up", "Advisory"]
    project = table.loc["Treatment · Satspuljeprojektet 'Kvalitet i alkoholbehandlingen'"]
    assert project.tolist() == [
        "Misbrugscenteret and Familiecenteret",
        "Staten (satspuljen)",
        "",
        "",
        "Social- og Sundhedsudvalget and Børne- og Familieudvalget",
        "",
    ]
    assert table.index[0] == "Health promotion · Sundhedsfremme" and len(table) == 8  # by level, all with an actor


def test_responsibility_matrix_reads_row_by_row():
    at = start_app(HERNING)
    go(english(at), "responsibilities")
    at.radio(key=key_for("matrix_view", "en")).set_value("grid").run()
    matrix = at.dataframe[0].value
    column = "4 · Satspuljeprojektet 'Kvalite…"
    assert matrix.loc["Familiecenteret", column] == "Lead"
    assert matrix.loc["Social- og Sundhedsudvalget", column] == "Follow-up"


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_actor_without_findings_is_told_so_while_the_map_has_findings_elsewhere(language):
    at = start_app(HERNING)
    at.sidebar.selectbox(key="language").set_value(language).run()
    go(at, "responsibilities", language)
    at.selectbox(key=key_for("profile_actor", language)).set_value("udsatteraadet").run()
    said = {
        "en": "No finding names Udsatterådet.",
        "sv": "Ingen iakttagelse nämner Udsatterådet.",
        "da": "Intet fund nævner Udsatterådet.",
        "nb": "Ingen funn nevner Udsatterådet.",
    }
    assert said[language] in texts(at.caption)
    assert t("ui.no_findings", language) not in texts(at.caption) + texts(at.success)
    at.selectbox(key=key_for("profile_actor", language)).set_value("familiecenteret").run()
    assert at.table[-1].value.shape[0] == 4  # handover, two leads, no follow-up, project money


def test_an_invalid_upload_shows_its_problems_and_the_app_stays_usable():
    at = start_app()
    at.sidebar.selectbox(key=key_for("map", "sv")).set_value("upload").run()
    files = [(path.name, path.read_bytes(), "text/csv") for path in sorted((CORPUS / "invalid").iterdir())]
    at.sidebar.file_uploader(key="upload").set_value(files).run()
    assert not at.exception
    assert texts(at.error) == [tn("ui.invalid_map", 18, "sv")]
    problems = at.dataframe[0].value
    assert problems.iloc[0].tolist()[1:] == [
        "actors.csv",
        3,
        "type",
        'okänd aktörstyp "Commitee" (tillåtna: committee, administration, school, '
        'social_services, health_care, police, ngo, user_organisation, state_agency, other); menade du "committee"?',
    ]
    at.sidebar.selectbox(key=key_for("map", "sv")).set_value(str((DATA / "nacka").resolve())).run()
    assert not at.error and not at.exception


def test_switching_language_keeps_the_page_and_the_choices():
    at = start_app(HERNING)
    go(at, "network", "da")
    at.radio(key=key_for("net_layout", "da")).set_value("force").run()
    english(at)
    assert texts(at.title) == ["Network", "actormap"]
    assert at.radio(key=key_for("net_layout", "en")).value == "force"
    assert at.sidebar.radio(key=key_for("page", "en")).value == "network"


@pytest.mark.parametrize("language", ["en", "sv", "da", "nb"])
def test_every_page_works_in_every_language(language):
    at = start_app(HERNING)
    at.sidebar.selectbox(key="language").set_value(language).run()
    for page in ("overview", "network", "responsibilities", "whatif", "edit", "export"):
        go(at, page, language)
        assert not at.exception, page
        heading = texts(at.title)[0]
        expected = {
            "overview": "Herning Kommune: høring om strategi på misbrugsbehandlingsområdet",
            "whatif": t("ui.whatif", language),
            "export": t("ui.export_title", language),
        }
        assert heading == expected.get(page, t(f"ui.page_{page}", language)), page


def test_a_map_of_several_municipalities_shows_one_at_a_time_and_edits_them_all(tmp_path, monkeypatch):
    folder = write_files(generate_map(300, seed=2, municipalities=3), tmp_path / "land")
    monkeypatch.setattr(sys, "argv", ["app.py", str(folder)])
    whole = actormap.load_map(folder)
    names = municipalities(whole)
    at = english(start_app(folder))
    picker = at.sidebar.selectbox(key=key_for("municipality", "en"))
    assert picker.options == ["All municipalities", *names] and len(names) == 3
    sidebar = [box.key for box in at.sidebar.selectbox]  # the municipality picker right under the map picker
    assert sidebar == [key_for("map", "en"), key_for("municipality", "en"), "language"]
    assert {metric.label: metric.value for metric in at.metric}["Actors"] == "300"
    picker.set_value(names[1]).run()
    part = for_municipality(whole, names[1])
    assert {metric.label: metric.value for metric in at.metric}["Actors"] == str(len(part.actors)) == "100"
    assert part.name in texts(at.title)
    for page in PAGES:
        assert not go(at, page).exception
    go(at, "edit")
    assert at.sidebar.selectbox(key=key_for("municipality", "en")).disabled and not at.exception


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_handovers_and_agreements_show_on_overview_network_and_what_if_in_every_language(language):
    norway = actormap.load_map(DATA / "norway-plan")
    findings = find_all(norway, language)
    at = start_app(DATA / "norway-plan")
    at.sidebar.selectbox(key="language").set_value(language).run()
    shown = {cell for frame in at.table for cell in frame.value.to_numpy().ravel()}
    titles = {rule_title(rule, language) for rule in ("broken_handover", "missing_agreement", "fragmented")}
    assert titles <= shown
    listed = at.table[0].value.set_index(t("ui.col_message", language))
    who = listed.loc[markdown_text(findings.loc[findings["actors"] == ("barnevern", "nav"), "message"].iloc[0])]
    assert who[t("ui.col_actors", language)] == first_names(("barnevern", "nav"), norway.actor_names, language)
    go(at, "network", language)
    agreement = findings.index[findings["rule"] == "missing_agreement"][0]
    at.selectbox(key=key_for("net_highlight", language)).set_value(int(agreement)).run()
    assert not at.exception
    go(at, "whatif", language)
    at.multiselect(key=key_for("whatif_remove", language)).set_value(["kommunestyret"]).run()
    created = at.table[0].value.iloc[:, 1].tolist()  # severity, then the finding
    assert rule_title("fragmented", language) in created and rule_title("missing_agreement", language) not in created


def test_a_long_list_of_findings_shows_the_first_ones_and_says_where_the_rest_are(tmp_path, monkeypatch):
    folder = write_files(generate_map(1000, seed=0), tmp_path / "stor")
    monkeypatch.setattr(sys, "argv", ["app.py", str(folder)])
    count = len(find_all(actormap.load_map(folder)))
    assert count > MAX_ROWS
    at = english(start_app(folder))
    assert at.table[0].value.shape[0] == MAX_ROWS
    assert at.caption[-1].value == tn("ui.findings_first", count, "en", shown=MAX_ROWS)
    assert at.caption[-1].value.startswith(f"The list shows the first 300 of {count} findings")


def test_who_should_act_names_three_actors_and_counts_the_rest():
    names = {"a": "IFO", "b": "Polisen", "c": "Skolan", "d": "Fältgruppen"}
    assert first_names(("a", "b", "c", "d"), names, "en") == "IFO, Polisen, Skolan and one more"
    assert first_names(("a", "b", "c", "d"), names, "nb") == "IFO, Polisen, Skolan og én til"
    assert first_names(("a", "b"), names, "da") == "IFO og Polisen"
    assert first_names((), names, "sv") == ""


def test_a_map_picked_stays_picked_and_speaks_its_language_unless_one_was_picked():
    goteborg = str((DATA / "goteborg").resolve())
    at = start_app(HERNING)
    at.sidebar.selectbox(key=key_for("map", "da")).set_value(goteborg).run()
    assert at.sidebar.selectbox(key="language").value == "sv"
    assert at.sidebar.selectbox(key=key_for("map", "sv")).value == goteborg
    go(at, "network", "sv")  # the next click anywhere in the sidebar keeps the map
    assert at.sidebar.selectbox(key=key_for("map", "sv")).value == goteborg
    assert at.sidebar.selectbox(key="language").value == "sv"
    assert texts(go(at, "overview", "sv").title)[0].startswith("Göteborgs Stad")
    english(at)  # a language the user picks stays when another map is picked
    at.sidebar.selectbox(key=key_for("map", "en")).set_value(str(HERNING.resolve())).run()
    assert at.sidebar.selectbox(key="language").value == "en"
    assert at.sidebar.selectbox(key=key_for("map", "en")).value == str(HERNING.resolve())


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_search_that_matches_nothing_drawn_says_so(language):
    at = start_app(HERNING)
    at.sidebar.selectbox(key="language").set_value(language).run()
    go(at, "network", language)
    at.text_input(key="net_search").set_value("politi").run()
    assert texts(at.info) == []
    at.text_input(key="net_search").set_value("Kriminalforsorgen").run()
    assert texts(at.info) == [t("ui.search_none", language, text="Kriminalforsorgen")]
    if language == "en":
        assert texts(at.info) == ["No actor or effort shown has “Kriminalforsorgen” in its name."]
