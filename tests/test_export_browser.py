"""The exported network page in a real browser with no network: it draws, asks nothing of the web, runs no name.

Debian's Chromium (``/usr/bin/chromium``) opens the page written by
``actormap export data/herning --format html`` from a ``file://`` address,
offline, with every request recorded. Screenshots go to
``$ACTORMAP_SCREENSHOTS`` or ``<repository>/screenshots``.

Run: ``python -m pytest -q -s tests/test_export_browser.py``
"""

from __future__ import annotations

from pathlib import Path

from conftest import HERNING, KOMMUN, write_map
from playwright.sync_api import expect

from actormap.cli import main

HOSTILE = "<img src=x onerror=alert(1)>"


def open_offline(browser, page_file: Path):
    """The page opened from disk with the network cut; returns it, the addresses it asked for and its dialogs."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, offline=True)
    requests, dialogs = [], []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(page_file.as_uri())
    return page, requests, dialogs


def assert_drawn(page, nodes: int) -> None:
    expect(page.locator("body")).to_have_attribute("data-drawn", str(nodes))
    canvas = page.locator("#network canvas").first
    expect(canvas).to_be_visible()
    box = canvas.bounding_box()
    assert box and box["width"] > 1000 and box["height"] > 700, f"the network's canvas is too small: {box}"


def test_exported_herning_page_draws_offline_and_loads_nothing(browser, tmp_path, screenshots, capsys):
    target = tmp_path / "herning-network.html"
    assert main(["export", str(HERNING), "--format", "html", "-o", str(target)]) == 0
    page, requests, dialogs = open_offline(browser, target)
    assert_drawn(page, 23 + 4)  # 15 actors, 8 efforts and the 4 level headings
    expect(page.locator("h1")).to_have_text("Herning Kommune: høring om strategi på misbrugsbehandlingsområdet")
    expect(page.locator(".legend")).to_contain_text("Aktører")
    expect(page.locator(".note").last).to_have_text("Filtre: ingen (hele kortet)")
    page.screenshot(path=screenshots / "export-herning-network.png", animations="disabled", caret="hide")
    assert [url for url in requests if not url.startswith(("file:", "data:"))] == []
    assert dialogs == []
    page.context.close()


def test_a_hostile_name_is_drawn_as_text_and_never_run(browser, tmp_path, screenshots):
    files = dict(KOMMUN, actors=KOMMUN["actors"].replace("Polisen", HOSTILE))
    folder = write_map(tmp_path / "kommun", **files)
    target = tmp_path / "kommun.html"
    assert main(["export", str(folder), "--format", "html", "-o", str(target), "--focus", "polis", "--depth", "1"]) == 0
    page, requests, dialogs = open_offline(browser, target)
    assert_drawn(page, 4 + 4)  # the police and its three efforts, as the focus keeps them, and the level headings
    assert page.locator("img").count() == 0 and dialogs == []
    labels = page.evaluate("() => network.body.data.nodes.get().map(node => node.label.split(/\\s+/).join(' '))")
    assert HOSTILE in labels  # drawn on the canvas as the text it is (wrapped at a space)
    expect(page.locator(".note").last).to_have_text(f"Filters: around {HOSTILE}, 1 step")
    page.screenshot(path=screenshots / "export-hostile-network.png", animations="disabled", caret="hide")
    assert [url for url in requests if not url.startswith(("file:", "data:"))] == []
    page.context.close()
