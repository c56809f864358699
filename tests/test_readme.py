"""The README tells the truth: its commands run, its make targets exist, its paths are real."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from complaints_report import paths
from complaints_report.cli import app

README = (paths.PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
CODE = "\n".join(re.findall(r"```(?:bash)?\n(.*?)```", README, re.S))
COMMANDS = [line.split("#")[0].strip() for line in CODE.splitlines() if "complaints-report " in line]
runner = CliRunner()


def arguments(command: str) -> list[str]:
    return shlex.split(command.split("complaints-report", 1)[1])


def test_the_readme_shows_every_command_of_the_contract():
    shown = {arguments(c)[0] for c in COMMANDS}
    assert shown == {"build", "validate", "new-year"}


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_in_the_readme_parses(command):
    group = typer.main.get_command(app)
    args = arguments(command)
    sub = group.get_command(None, args[0])
    sub.make_context(args[0], args[1:])  # raises on an unknown option or a bad value


def test_validate_as_the_readme_shows_it_passes_on_the_example_data(monkeypatch):
    monkeypatch.chdir(paths.PROJECT_ROOT)
    command = next(c for c in COMMANDS if " validate " in f" {c} ")
    result = runner.invoke(app, arguments(command))
    assert result.exit_code == 0, result.output


def test_new_year_as_the_readme_shows_it_writes_templates(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(paths.CONTENT_DIR, content)
    command = next(c for c in COMMANDS if "new-year" in c)
    result = runner.invoke(app, [*arguments(command), "--content", str(content)])
    assert result.exit_code == 0, result.output
    year = arguments(command)[1]
    assert (content / year / "asc" / "process.md").is_file()


def test_every_make_target_in_the_readme_exists():
    makefile = (paths.PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z-]+):", makefile, re.M))
    mentioned = set(re.findall(r"`make ([a-z-]+)`", README)) | set(re.findall(r"^make ([a-z-]+)", CODE, re.M))
    assert mentioned and mentioned <= targets, mentioned - targets


def test_every_project_path_the_readme_names_exists():
    named = set(re.findall(r"\]\(((?:docs|content|data)/[\w./-]+)\)", README))
    named |= {
        "requirements.lock",
        "report.qmd",
        "_quarto.yml",
        "notebooks/asc.ipynb",
        "notebooks/childrens.ipynb",
        "data/generate_example.py",
    }
    missing = [name for name in named if not (paths.PROJECT_ROOT / name).exists()]
    assert missing == []
    for module in re.findall(r"^  (\w+)\.py", README, re.M):
        assert (paths.PACKAGE_DIR / f"{module}.py").is_file(), module
    for package in re.findall(r"^  (\w+)/", README, re.M):
        assert (paths.PACKAGE_DIR / package / "__init__.py").is_file(), package
        for module in re.findall(r"^    (\w+)\.py", README, re.M):
            assert (paths.PACKAGE_DIR / package / f"{module}.py").is_file(), module
    assert Path(paths.PACKAGE_DIR / "resources").is_dir()
