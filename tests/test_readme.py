"""The README tells the truth: its commands run, its make targets exist, its paths are real."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
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
    assert shown >= {"build", "validate", "new-year"}
    assert "init" in shown  # how a council starts its own narrative


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_in_the_readme_parses(command):
    group = typer.main.get_command(app)
    args = arguments(command)
    sub = group.get_command(None, args[0])
    sub.make_context(args[0], args[1:])  # raises on an unknown option or a bad value


ANALYSTS = README.split("## For analysts", 1)[1].split("\n## ", 1)[0]
WALKTHROUGH = [
    line.strip()
    for block in re.findall(r"```bash\n(.*?)```", ANALYSTS, re.S)
    for line in block.splitlines()
    if line.strip() and not line.strip().startswith("#")
]


def test_the_analyst_walkthrough_is_for_a_council_that_is_not_westminster():
    assert "Northfield Borough Council" in ANALYSTS
    assert [c for c in WALKTHROUGH if "init --council" in c]
    assert all("~/northfield" in c for c in WALKTHROUGH if " build " in c and "--data" in c)


def run_walkthrough(lines: list[str], home) -> list[subprocess.CompletedProcess]:
    """The README's commands as an analyst types them in a shell, from a checkout, with ~ as ``home``."""
    done = []
    for line in lines:
        result = subprocess.run(
            ["bash", "-c", line],
            cwd=paths.PROJECT_ROOT,
            env={**os.environ, "HOME": str(home)},
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, f"{line}\n{result.stdout}\n{result.stderr}"
        done.append(result)
    return done


def test_the_walkthrough_checks_and_starts_a_council_as_written(tmp_path):
    quick = [c for c in WALKTHROUGH if " build " not in c]
    results = run_walkthrough(quick, tmp_path)

    assert any("No problems found in 8 file(s)" in r.stdout for r in results)
    meta = (tmp_path / "northfield" / "content" / "2022-23" / "asc" / "meta.yml").read_text(encoding="utf-8")
    assert "council: Northfield Borough Council" in meta
    assert (tmp_path / "northfield" / "content" / "2023-24" / "childrens" / "meta.yml").is_file()


@pytest.mark.slow
def test_the_whole_walkthrough_builds_a_report_as_written(tmp_path):
    build = [c for c in WALKTHROUGH if " build " in c and "~/northfield" in c]
    run_walkthrough([c for c in WALKTHROUGH if " build " not in c] + build, tmp_path)

    for service in ("asc", "childrens"):
        html = (tmp_path / "northfield" / "reports" / "2022-23" / service / "report.html").read_text(
            encoding="utf-8"
        )
        assert "Northfield Borough Council" in html and "Narrative needed" in html


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
    package = None
    for line in README.splitlines():
        if found := re.match(r"^  (\w+)/", line):
            package = found.group(1)
            assert (paths.PACKAGE_DIR / package / "__init__.py").is_file(), package
        elif found := re.match(r"^    (\w+)\.py", line):
            assert package and (paths.PACKAGE_DIR / package / f"{found.group(1)}.py").is_file(), found.group(
                1
            )
    assert Path(paths.PACKAGE_DIR / "resources").is_dir()
