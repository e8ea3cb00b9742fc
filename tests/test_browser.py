"""The Streamlit app in a real browser: every page, the network drawing, languages, an invalid upload, an edit.

A module fixture starts ``streamlit run app.py -- data/herning`` on a free
local port and Debian's Chromium (``/usr/bin/chromium``; Playwright cannot
download its own browser here) drives it. Every test opens a fresh page, so
a fresh Streamlit session that starts in the Herning map's language, Danish.
The editing test serves a copy of the map in a temporary folder and saves to it.

Screenshots go to ``$ACTORMAP_SCREENSHOTS`` or ``<repository>/screenshots``;
the folder is printed (``pytest -s``) and named in assertion messages.

Run: ``python -m pytest -q -s tests/test_browser.py``
"""

from __future__ import annotations

import contextlib
import re
import shutil
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import HERNING, INVALID, ROOT, SCREENSHOTS
from playwright.sync_api import Browser, FrameLocator, Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

import actormap
from actormap.analysis.reading import reading_order
from actormap.analysis.rules import find_all
from actormap.files.history import list_history
from actormap.i18n import LANGUAGE_NAMES, t, tn

MAP = HERNING
MAP_NAME = tomllib.loads((MAP / "map.toml").read_text("utf-8"))["name"]
INVALID_FILES = ["actors.csv", "efforts.csv", "participation.csv", "relations.csv", "map.toml"]
INVALID_LANGUAGE = tomllib.loads((INVALID / "map.toml").read_text("utf-8"))["language"]
"""The app speaks the language of the map it has read, even an invalid one (this one's is Swedish)."""
PROBLEM_COLUMNS = ("severity", "file", "row", "column", "message")
PAGES = ("overview", "network", "responsibilities", "whatif")
TITLE_KEYS = {"network": "ui.page_network", "responsibilities": "ui.page_responsibilities", "whatif": "ui.whatif"}
"""The h1 of each page but Overview, whose title is the map's name."""
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
LOCAL_SCHEMES = {"data", "about", "blob"}
VIEWPORT = {"width": 1400, "height": 900}
STARTUP_SECONDS = 60
TIMEOUT_MS = 20_000
SETTLE_MS = 400
"""How long Streamlit must look idle (no running indicator, no stale element) to count as done."""
BUSY = ", ".join(
    [
        '[data-stale="true"]',
        *(f'[data-testid="stStatusWidget{icon}Icon"]' for icon in ("Running", "RunningMan", "NewYears")),
    ]
)
"""Streamlit's signs of a rerun in progress: the header's running icon (in its variants), greyed stale elements."""


# --- fixtures -----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def app_url():
    """The app, started for real on a free port, serving the Herning map; stopped after the module."""
    with serving(MAP) as url:
        yield url


@pytest.fixture(scope="module")
def editable_map(tmp_path_factory):
    """A copy of the Herning map, and the app serving it (editing is on for this machine)."""
    folder = shutil.copytree(MAP, tmp_path_factory.mktemp("editable") / MAP.name)
    with serving(folder) as url:
        yield url, folder


@contextlib.contextmanager
def serving(folder: Path):
    """``streamlit run app.py -- FOLDER`` on a free port, until the block ends.

    No file watcher: an edit to the sources during the run must not reload
    modules under the test, nor put a "Source file changed" prompt in the header.
    """
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
            "--",
            str(folder),
        ],
        cwd=ROOT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process, STARTUP_SECONDS)
        yield url
    finally:
        stop(process)


@pytest.fixture
def requests() -> list[str]:
    """Every URL the page and its frames ask for during the test."""
    return []


@pytest.fixture
def page(browser: Browser, app_url: str, requests: list[str], screenshots: Path, request) -> Page:
    """A fresh session of the app, on the Overview page, in Danish (the Herning map's language).

    If the test fails, the page as it was is saved as ``failed-<test>.png``.
    """
    failures = request.session.testsfailed
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    tab.on("request", lambda sent: requests.append(sent.url))
    try:
        tab.goto(app_url)
        wait_for_title(tab, MAP_NAME)
        wait_until_idle(tab)
        yield tab
    finally:
        if request.session.testsfailed > failures and not tab.is_closed():
            tab.screenshot(path=screenshots / f"failed-{request.node.name}.png", full_page=True)
        context.close()


# --- helpers ------------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_healthy(url: str, process: subprocess.Popen, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"streamlit exited with code {process.returncode} before it answered {url}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.read().decode().strip() == "ok":
                    return
        except OSError:
            pass
        time.sleep(0.25)
    pytest.fail(f"streamlit did not answer ok on {url}/_stcore/health within {seconds} s")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def sidebar(page: Page) -> Locator:
    return page.get_by_test_id("stSidebar")


def main_area(page: Page) -> Locator:
    return page.get_by_test_id("stMain")


def wait_until_idle(page: Page) -> None:
    """Wait until Streamlit's rerun is over: no running indicator and no stale element for SETTLE_MS."""
    page.evaluate("delete window.__idleSince")
    page.wait_for_function(
        """([busySelector, settle]) => {
            const busy = document.querySelector(busySelector);
            const now = performance.now();
            if (busy || window.__idleSince === undefined) { window.__idleSince = busy ? undefined : now; return false; }
            return now - window.__idleSince >= settle;
        }""",
        arg=[BUSY, SETTLE_MS],
        polling=100,
    )


def check(locator: Locator, what: str):
    """``expect(locator)`` whose failure says what was awaited and where the screenshots are."""
    return expect(locator, message=f"{what} (screenshots in {SCREENSHOTS})")


def wait_for_title(page: Page, title: str) -> None:
    check(
        main_area(page).get_by_role("heading", level=1, name=title, exact=True), f"no page title {title!r}"
    ).to_be_visible()


def title_of(page_key: str, language: str) -> str:
    return MAP_NAME if page_key == "overview" else t(TITLE_KEYS[page_key], language)


def open_page(page: Page, page_key: str, language: str) -> None:
    """Click the page in the sidebar's page picker and wait until it is drawn."""
    picker = sidebar(page).get_by_role("radiogroup", name=t("ui.page", language))
    picker.get_by_text(t(f"ui.page_{page_key}", language), exact=True).click()
    wait_for_title(page, title_of(page_key, language))
    wait_until_idle(page)


def selectbox(page: Page, label: str) -> Locator:
    """The sidebar's selectbox labelled ``label``."""
    return sidebar(page).get_by_test_id("stSelectbox").filter(has=page.get_by_text(label, exact=True))


def open_options(page: Page, label: str) -> Locator:
    """Open the sidebar selectbox labelled ``label`` (a custom widget) and return its dropdown's options."""
    selectbox(page, label).get_by_role("combobox").click()
    options = page.get_by_role("option")
    expect(options.first).to_be_visible()
    return options


def choose(page: Page, label: str, option: str) -> None:
    """Pick ``option`` in the sidebar selectbox labelled ``label`` (the caller waits for what it changes)."""
    open_options(page, label).get_by_text(option, exact=True).click()


def network_frame(page: Page) -> FrameLocator:
    """The network's iframe, once vis-network has drawn it on a canvas of non-zero size."""
    frame = page.frame_locator('[data-testid="stIFrame"]')
    check(
        frame.locator("body"), "vis-network never finished drawing (no data-drawn on the iframe's body)"
    ).to_have_attribute("data-drawn", re.compile(r"^[1-9][0-9]*$"))
    canvas = frame.locator("#network canvas").first
    check(canvas, "no canvas in #network").to_be_visible()
    box = canvas.bounding_box()
    assert box and box["width"] > 0 and box["height"] > 0, (
        f"the network's canvas has no size: {box} (screenshots in {SCREENSHOTS})"
    )
    return frame


def assert_no_errors(page: Page, what: str) -> None:
    exceptions = page.get_by_test_id("stException")
    assert exceptions.count() == 0, (
        f"{what}: the app shows an exception: {exceptions.first.inner_text()[:2000]} (screenshots in {SCREENSHOTS})"
    )
    text = page.locator("body").inner_text()
    assert "Traceback" not in text, f"{what}: the page shows a traceback (screenshots in {SCREENSHOTS})"


def save_screenshot(page: Page, folder: Path, name: str) -> Path:
    """A picture of the whole page: the viewport grows to the height of the scrolled main area for the shot."""
    height = page.evaluate("""() => Math.max(...['stMain', 'stSidebarContent'].map(
        id => document.querySelector(`[data-testid="${id}"]`)?.scrollHeight || 0))""")
    page.set_viewport_size({"width": VIEWPORT["width"], "height": max(VIEWPORT["height"], height)})
    try:
        page.wait_for_timeout(300)  # let the dataframes' canvases repaint at the new size
        path = folder / name
        page.screenshot(path=path, full_page=True, animations="disabled", caret="hide")
        return path
    finally:
        page.set_viewport_size(VIEWPORT)


def is_local(url: str) -> bool:
    parts = urlparse(url)
    return parts.scheme in LOCAL_SCHEMES or parts.hostname in LOCAL_HOSTS


# --- tests --------------------------------------------------------------------------------------------------


def test_every_page_in_danish(page: Page, screenshots: Path):
    """Each page of the sidebar's picker opens under its Danish title, without an exception."""
    for key in PAGES:
        open_page(page, key, "da")
        if key == "network":
            network_frame(page)
        shot = save_screenshot(page, screenshots, f"da-{key}.png")
        assert_no_errors(page, f"{key} in Danish ({shot})")


def test_network_draws_offline(page: Page, requests: list[str]):
    """vis-network draws inside its iframe, and nothing in the session asks for an address off this machine."""
    open_page(page, "network", "da")
    frame = network_frame(page)
    check(frame.locator(".legend"), "the network's legend is not in Danish").to_contain_text(t("ui.actors", "da"))
    assert_no_errors(page, "network")
    outside = sorted({url for url in requests if not is_local(url)})
    assert not outside, f"the app asked for addresses outside this machine: {outside} (screenshots in {SCREENSHOTS})"


def test_language_switch(page: Page, screenshots: Path):
    """The sidebar's language picker turns the Overview (and the Network) into English, Swedish and Norwegian."""
    current = "da"
    for language in ("en", "sv", "nb"):
        choose(page, t("ui.language", current), LANGUAGE_NAMES[language])
        current = language
        check(
            main_area(page).get_by_role("heading", name=t("ui.coverage", language), exact=True),
            f"no coverage heading in {language}",
        ).to_be_visible()
        wait_until_idle(page)
        assert_no_errors(page, f"overview in {language}")
        save_screenshot(page, screenshots, f"{language}-overview.png")
        if language == "en":
            open_page(page, "network", "en")
            network_frame(page)
            assert_no_errors(page, "network in English")
            save_screenshot(page, screenshots, "en-network.png")
            open_page(page, "overview", "en")


def test_a_map_picked_in_the_sidebar_stays_picked(page: Page, screenshots: Path):
    """From Danish Herning pick Göteborg: it shows in Swedish, the picker says Göteborg, and stays on the next click."""
    goteborg = tomllib.loads((ROOT / "data" / "goteborg" / "map.toml").read_text("utf-8"))["name"]
    choose(page, t("ui.map", "da"), f"{t('ui.example', 'da')} · {goteborg}")
    wait_for_title(page, goteborg)
    wait_until_idle(page)
    picker = selectbox(page, t("ui.map", "sv")).get_by_role("combobox")
    shown = f"{t('ui.example', 'sv')} · {goteborg}"
    check(picker, "the picker does not show the map picked").to_have_value(shown)
    open_page(page, "network", "sv")
    check(picker, "the next click went back to another map").to_have_value(shown)
    save_screenshot(page, screenshots, "sv-goteborg-network.png")
    assert_no_errors(page, "Göteborg picked")


def test_every_finding_is_read_whole_with_who_should_act_beside_it(page: Page, screenshots: Path):
    """On the Overview at 1400 px each finding's sentence wraps inside its cell: none is cut off or hidden."""
    table = main_area(page).get_by_test_id("stTable")
    check(table, "no findings table on the Overview").to_be_visible()
    save_screenshot(page, screenshots, "da-findings.png")
    headers = table.locator("thead th").all_inner_texts()
    assert headers[-2:] == [t("ui.col_actors", "da"), t("ui.col_message", "da")]
    cells = table.locator("tbody tr td:last-child")
    findings = reading_order(find_all(actormap.load_map(MAP), "da"))
    assert cells.all_inner_texts() == findings["message"].tolist()
    sizes = cells.evaluate_all(
        """cells => cells.map(cell => ({clipped: cell.scrollWidth > cell.clientWidth,
                                        lines: cell.getBoundingClientRect().height
                                               / parseFloat(getComputedStyle(cell).lineHeight)}))"""
    )
    assert not [size for size in sizes if size["clipped"]], "a finding's sentence runs out of its cell"
    assert max(size["lines"] for size in sizes) >= 2, "no sentence wraps: the long ones must be cut off"


def test_invalid_upload(page: Page, screenshots: Path):
    """Uploading a broken map (the map picker's last option) shows an error box and a table of problems."""
    upload = t("ui.upload_option", "da")
    last = open_options(page, t("ui.map", "da")).last
    check(last, "the map picker's last option is not the upload").to_have_text(upload)
    last.click()
    check(main_area(page).get_by_test_id("stAlert"), "no invitation to upload").to_contain_text(
        t("ui.upload_waiting", "da")
    )
    wait_until_idle(page)
    page.locator('[data-testid="stFileUploader"] input[type=file]').set_input_files(
        [INVALID / name for name in INVALID_FILES]
    )
    error = main_area(page).get_by_test_id("stAlertContentError")
    check(error, "no error box for the invalid map").to_contain_text(
        t("ui.invalid_map.other", INVALID_LANGUAGE).split("{")[0].strip()
    )
    problems = main_area(page).get_by_test_id("stDataFrame")
    check(problems, "no table of problems").to_be_visible()
    check(problems.locator("[role=columnheader]"), "the table's headings are not those of problems").to_have_text(
        [t(f"ui.col_{column}", INVALID_LANGUAGE) for column in PROBLEM_COLUMNS]
    )
    check(
        problems.locator("[role=gridcell]").filter(has_text="actors.csv").first, "no problem in actors.csv listed"
    ).to_be_attached()
    check(
        problems.locator("[role=gridcell]").filter(has_text='okänd aktörstyp "Commitee"'),
        "the problems are not written in the map's language",
    ).to_be_attached()
    wait_until_idle(page)
    shot = save_screenshot(page, screenshots, "invalid-upload.png")
    assert_no_errors(page, f"invalid upload ({shot})")


# --- editing ------------------------------------------------------------------------------------------------

ROW_HEIGHT = 35
"""The height of a header or a row in Streamlit's data grid, in pixels."""
EDIT_ATTEMPTS = 4
"""How often a cell is clicked and Enter pressed before its editor must have opened."""


def edit_cell(page: Page, grid: Locator, row: int, moves_right: int, text: str) -> None:
    """Type ``text`` into a cell of a data editor: ``row`` from 0, ``moves_right`` columns right of the first.

    The grid draws on a canvas: a click selects the row's number (past the
    row markers), arrow keys move to the column, Enter opens the cell's editor.
    """
    check(grid, "no data editor to type into").to_be_visible()
    editor = page.locator("textarea.gdg-input")
    for _ in range(EDIT_ATTEMPTS):  # on a busy machine the grid may not have taken the click yet
        box = grid.bounding_box()
        page.mouse.click(box["x"] + 80, box["y"] + ROW_HEIGHT * (row + 1.5))
        for _ in range(moves_right + 1):  # the row numbers come first
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Enter")
        try:
            editor.wait_for(state="visible", timeout=TIMEOUT_MS // EDIT_ATTEMPTS)
            break
        except PlaywrightTimeoutError:
            page.keyboard.press("Escape")
            wait_until_idle(page)
    editor.fill(text)
    editor.press("Enter")
    wait_until_idle(page)


def test_an_edit_in_the_grid_is_checked_in_the_map_language_then_saved_to_that_one_cell(
    browser, editable_map, screenshots
):
    url, folder = editable_map
    before = {path.name: path.read_bytes() for path in folder.iterdir() if path.is_file()}
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    try:
        page.goto(url)
        wait_for_title(page, MAP_NAME)
        wait_until_idle(page)
        picker = sidebar(page).get_by_role("radiogroup", name=t("ui.page", "da"))
        picker.get_by_text(t("ui.page_edit", "da"), exact=True).click()
        wait_until_idle(page)
        actors = main_area(page).get_by_test_id("stDataFrame").first
        edit_cell(page, actors, 1, 0, "sos")  # the second actor, "bfu", takes the first one's id: errors, no save
        check(main_area(page).get_by_test_id("stAlertContentError"), "no errors for a repeated id").to_contain_text(
            tn("ui.edit_errors", 5, "da")
        )  # the repeated id, and the four rows that name bfu
        check(
            main_area(page)
            .locator("[role=gridcell]")
            .filter(has_text='id\'et "sos" bruges igen (første gang i række 2); et id skal være entydigt'),
            "the problem is not told in Danish",
        ).to_be_attached()
        check(
            main_area(page).get_by_role("button", name=t("ui.save", "da"), exact=True),
            "saving is possible with an error",
        ).to_be_disabled()
        save_screenshot(page, screenshots, "edit-errors.png")
        edit_cell(page, actors, 1, 0, "bfu")  # put back
        edit_cell(page, actors, 0, 1, "Socialudvalget")  # the first actor's name
        check(main_area(page).get_by_text(t("ui.edit_findings_same", "da")), "no review of the change").to_be_visible()
        main_area(page).get_by_role("button", name=t("ui.save", "da"), exact=True).click()
        check(main_area(page).get_by_text(t("ui.saved", "da")), "no word that the map was saved").to_be_visible()
        save_screenshot(page, screenshots, "edit-saved.png")
        assert_no_errors(page, "editing")
    except BaseException:
        page.screenshot(path=screenshots / "failed-edit.png", full_page=True)
        raise
    finally:
        context.close()
    after = {path.name: path.read_bytes() for path in folder.iterdir() if path.is_file() and path.name in before}
    assert [name for name in before if after[name] != before[name]] == ["actors.csv"]
    old, new = (files["actors.csv"].decode("utf-8").splitlines() for files in (before, after))
    assert [(i, line) for i, (line, was) in enumerate(zip(new, old)) if line != was] == [
        (1, old[1].replace("Social- og Sundhedsudvalget", "Socialudvalget"))
    ]
    assert len(new) == len(old) and len(list_history(folder)) == 1
