"""Shared fixtures: small maps written as real files and loaded through the library."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import actormap

if TYPE_CHECKING:
    from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
CORPUS = ROOT / "tests" / "corpus"
HERNING = DATA / "herning"
INVALID = CORPUS / "invalid"
EXAMPLES = sorted(path for path in DATA.glob("*") if path.is_dir() and not path.name.startswith((".", "_")))


def write_map(folder: Path, **files: str) -> Path:
    """Write a map's files (``actors="id,name,type\\n..."``, ``meta='name = "x"'``) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        filename = "map.toml" if name == "meta" else f"{name}.csv"
        (folder / filename).write_text(text, encoding="utf-8")
    return folder


KOMMUN = dict(
    meta='name = "Testkommun"\nlanguage = "en"\ntarget_groups = ["youth", "adults"]\n',
    actors="""id,name,type,parent
sn,Socialnämnden,committee,
ifo,IFO,social_services,sn
skola,Skolan,school,
polis,Polisen,police,
vc,Vårdcentralen,health_care,
ngo,Föreningen,ngo,
fn,Fritidsnämnden,committee,
fritid,Fritidsgården,administration,fn
orphan,Gamla projektgruppen,other,
""",
    efforts="""id,name,level,target_groups,status
prom1,Föräldrakurs,promotion,"youth,adults",
prev1,Drogfri skola,prevention,youth,
prev2,Fritidskvällar,prevention,youth,
early1,Mottagningsgrupp,early_intervention,"youth,adults",
early2,Skolsköterskans samtal,early_intervention,youth,
treat1,Beroendemottagning,treatment,adults,
treat2,Mini-Maria,treatment,youth,
old,Avslutat projekt,treatment,adults,ended
""",
    participation="""actor,effort,role,basis
ngo,prom1,lead,informal
skola,prev1,lead,agreement
polis,prev1,partner,agreement
sn,prev1,follow_up,mandate
fritid,prev2,lead,informal
ngo,prev2,performer,informal
ifo,early1,lead,mandate
ifo,early1,follow_up,mandate
polis,early1,partner,agreement
polis,early2,performer,agreement
skola,early2,follow_up,agreement
vc,treat1,lead,agreement
vc,treat1,follow_up,agreement
vc,treat2,lead,agreement
ifo,treat2,lead,agreement
vc,treat2,follow_up,agreement
orphan,old,lead,mandate
""",
)
"""A hand-built map in which the rules of 0.1.0 fire once or more, at known places (see test_findings); the rules
about plans, dates, pathways, agreements and funding have maps of their own in test_findings and test_handovers."""


TWO_MUNICIPALITIES = dict(
    meta='name = "Två kommuner"\nlanguage = "sv"\n',
    actors="""id,name,type,parent,municipality
mks,Kommunstyrelsen Mora,committee,,Mora
mifo,IFO Mora,social_services,mks,Mora
mskola,Skolan Mora,school,, Mora
aifo,IFO Ale,social_services,,Ale
askola,Skolan Ale,school,,Ale
region,Region Dalarna,health_care,,
polis,Polisen,police,,
""",
    efforts="""id,name,level,target_groups
m1,Tobaksfri skola Mora,prevention,youth
m2,Beroendemottagning Mora,treatment,adults
a1,Tobaksfri skola Ale,prevention,youth
a2,Beroendemottagning Ale,treatment,adults
r1,Regional samverkan,prevention,adults
""",
    participation="""actor,effort,role,basis
mskola,m1,lead,mandate
polis,m1,partner,agreement
region,m2,lead,agreement
mifo,m2,performer,agreement
askola,a1,lead,mandate
polis,a1,partner,agreement
aifo,a2,lead,mandate
region,r1,lead,mandate
polis,r1,partner,informal
""",
    relations="""from,to,kind
mifo,region,referral
aifo,region,referral
mskola,askola,collaboration
""",
)
"""Two municipalities and two regional actors: Mora's part keeps the region and the police in its efforts."""


@pytest.fixture
def kommun(tmp_path) -> actormap.ActorMap:
    return actormap.load_map(write_map(tmp_path / "kommun", **KOMMUN))


# --- the app under AppTest (Streamlit is imported only by the tests that start the app) ---------------------


@pytest.fixture(autouse=True)
def app_command_line(monkeypatch):
    """The app reads its options from its command line; under pytest that would be pytest's own arguments."""
    monkeypatch.setattr(sys, "argv", ["app.py"])


def start_app(picked: Path | None = None, secrets: dict[str, str] | None = None) -> AppTest:
    """The app after its first run, with the map ``picked`` chosen in the sidebar and these Streamlit secrets.

    Its command line is ``sys.argv``: set it with ``monkeypatch`` to name maps or ``--read-only``.
    """
    from streamlit.testing.v1 import AppTest

    from actormap.ui.widgets import MEMORY

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if picked is not None:
        at.session_state[MEMORY] = {"map": str(picked.resolve())}
    for key, value in (secrets or {}).items():
        at.secrets[key] = value
    return at.run()


def english(at: AppTest) -> AppTest:
    """The app switched to English."""
    return at.sidebar.selectbox(key="language").set_value("en").run()


def go(at: AppTest, page: str, language: str = "en") -> AppTest:
    """The app on ``page``, picked in the sidebar as it reads in ``language``."""
    from actormap.ui.widgets import key_for

    return at.sidebar.radio(key=key_for("page", language)).set_value(page).run()


def edited(actor_map: actormap.ActorMap, table: str, row: int, column: str, value: str) -> actormap.ActorMap:
    """The map with one cell of a raw table changed, as an edit in the app changes it."""
    frame = actor_map.tables[table].copy()
    frame.loc[row, column] = value
    return replace(actor_map, tables={**actor_map.tables, table: frame})


# --- the real browser -----------------------------------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(os.environ.get("ACTORMAP_SCREENSHOTS") or ROOT / "screenshots")


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """The screenshot folder, cleared of the failure pictures of an earlier run."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob("failed-*.png"):
        old.unlink()
    print(f"\nscreenshots: {SCREENSHOTS}")
    return SCREENSHOTS


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright (``playwright install`` cannot download a browser here)."""
    from playwright.sync_api import sync_playwright  # only the browser tests need Playwright

    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's Chromium with `apt-get install chromium` "
            "(Playwright cannot download its own browser here)"
        )
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
