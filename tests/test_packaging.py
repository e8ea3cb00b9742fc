"""The package as pip installs it: every subpackage listed, the examples shipped inside it."""

import tomllib
from importlib.resources import files
from pathlib import Path

from conftest import ROOT, start_app

from actormap.i18n import t
from actormap.ui import data
from actormap.ui.data import EXAMPLES_PACKAGE, example_folders
from actormap.ui.widgets import key_for

EXAMPLE_NAMES = ["ale", "goteborg", "herning", "nacka", "norway-plan"]


def test_every_subpackage_is_listed_in_pyproject():
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    found = {".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "actormap").rglob("__init__.py")}
    assert set(setuptools["packages"]) == found | {EXAMPLES_PACKAGE}
    assert setuptools["package-dir"] == {EXAMPLES_PACKAGE: "data"}


def test_the_examples_are_found_through_the_package():
    package = Path(str(files(EXAMPLES_PACKAGE)))
    assert example_folders() == [package / name for name in EXAMPLE_NAMES]
    assert all((folder / "map.toml").is_file() for folder in example_folders())


def test_without_the_examples_package_the_app_offers_only_an_upload(monkeypatch):
    monkeypatch.setattr(data, "EXAMPLES_PACKAGE", "actormap.no_examples")
    assert example_folders() == []
    at = start_app()
    assert not at.exception
    assert at.sidebar.selectbox(key=key_for("map", "en")).options == [t("ui.upload_option", "en")]
