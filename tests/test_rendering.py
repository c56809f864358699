"""Tests of complaints_report.rendering.

The built-in engine renders tests/fixtures/rendering/report.qmd, a small project that uses
every feature the engine supports (docs/quarto-features.md): a parameters cell, an asis cell
printing a figure made with matplotlib, a captioned table, cross-references, the four
callouts, profile- and format-specific content, inline expressions, include/output options
and a module imported from the qmd's folder. The rendered HTML and PDF are checked for what
a reader (and an accessibility audit) needs. Quarto-engine tests run only where Quarto is
installed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from complaints_report import rendering
from complaints_report.paths import REPORT_QMD
from complaints_report.rendering import (
    EngineError,
    RenderWarning,
    active_profiles,
    merge_config,
    quarto_available,
    render_report,
    resolve_engine,
    split_cell_options,
    unsupported_features,
)

FIXTURE = Path(__file__).parent / "fixtures" / "rendering"
FIXTURE_QMD = FIXTURE / "report.qmd"
PARAMS = {"year": "2023-24", "complaints": 42}
EPOCH = "1700000000"  # 14 November 2023
NO_QUARTO = "Quarto is not installed here (`quarto --version` fails), so the Quarto engine cannot run"
NO_POPPLER = "pdfinfo/pdftotext missing: install poppler-utils (apt-get install -y poppler-utils)"


def words(text: str) -> str:
    """Text with every run of whitespace (including no-break spaces) as one space."""
    return " ".join(text.split())


def render_fixture(work_dir: Path, profile: str = "a", formats=("html", "pdf")) -> dict[str, Path]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        return render_report(
            FIXTURE_QMD,
            profile=profile,
            params=PARAMS,
            work_dir=work_dir,
            formats=list(formats),
            engine="builtin",
        )


@pytest.fixture(scope="module")
def renders(tmp_path_factory) -> tuple[dict[str, Path], dict[str, Path]]:
    """Profile a, HTML and PDF, rendered twice from the same inputs."""
    first = render_fixture(tmp_path_factory.mktemp("first"))
    second = render_fixture(tmp_path_factory.mktemp("second"))
    return first, second


@pytest.fixture(scope="module")
def outputs(renders) -> dict[str, Path]:
    return renders[0]


@pytest.fixture(scope="module")
def html(outputs) -> BeautifulSoup:
    return BeautifulSoup(outputs["html"].read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def html_text(html) -> str:
    return words(html.get_text(" "))


@pytest.fixture(scope="module")
def pdf_text(outputs) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip(NO_POPPLER)
    command = ["pdftotext", str(outputs["pdf"]), "-"]
    return words(subprocess.run(command, capture_output=True, text=True, check=True).stdout)


@pytest.fixture(scope="module")
def profile_b_html(tmp_path_factory) -> BeautifulSoup:
    outputs = render_fixture(tmp_path_factory.mktemp("profile-b"), profile="b", formats=("html",))
    return BeautifulSoup(outputs["html"].read_text(encoding="utf-8"), "html.parser")


# --- the built-in engine: files ---------------------------------------------------------


@pytest.mark.slow
def test_outputs_are_written_to_work_dir(outputs):
    work_dir = outputs["html"].parent
    assert outputs == {"html": work_dir / "report.html", "pdf": work_dir / "report.pdf"}
    assert (work_dir / "volume.png").is_file(), "cells run with the working directory set to work_dir"
    assert not (work_dir / rendering.FILES_DIR_NAME).exists(), "intermediate files are cleaned up"


@pytest.mark.slow
def test_same_inputs_give_byte_identical_outputs(renders):
    first, second = renders
    assert first["html"].read_bytes() == second["html"].read_bytes()
    assert first["pdf"].read_bytes() == second["pdf"].read_bytes()


# --- the built-in engine: HTML ----------------------------------------------------------


@pytest.mark.slow
def test_html_is_british_english_with_the_title_as_its_only_h1(html):
    assert html.html["lang"] == "en-GB"
    headings = html.find_all("h1")
    assert [h.get_text(strip=True) for h in headings] == ["Fixture Council complaints report"]
    assert html.title.get_text(strip=True) == "Fixture Council complaints report"
    assert "Annual report on adult social care complaints" in words(html.header.get_text())
    assert "14 November 2023" in words(html.header.get_text()), "date: today honours SOURCE_DATE_EPOCH"


@pytest.mark.slow
def test_html_has_landmarks_a_skip_link_and_a_contents_nav(html):
    first_focusable = html.find(["a", "button", "input", "select", "textarea"])
    assert first_focusable.get_text(strip=True) == "Skip to main content"
    main = html.find("main")
    assert first_focusable["href"] == f"#{main['id']}"
    nav = html.find("nav")
    assert nav["aria-label"] == "Contents of edition A", "toc-title comes from _quarto-a.yml"
    assert [a.get_text() for a in nav.find_all("a")] == ["Summary", "Notes", "Contact"]
    assert html.find("header") and html.find("footer")
    for element in html.body.find_all(recursive=False):
        assert element.name in {"header", "footer"} or element.find(["main", "nav"]), element.name


@pytest.mark.slow
def test_parameters_replace_the_defaults_and_inline_expressions_are_evaluated(html_text):
    assert "In 2023-24 the council received 42 complaints, and 64 cases in all." in html_text
    assert "1999-00" not in html_text


@pytest.mark.slow
def test_figure_is_numbered_with_alt_text_and_embedded(html):
    figure = html.find("figure", id="fig-volume")
    image = figure.find("img")
    assert image["alt"] == "Bar chart: 42 stage 1 complaints in 2023-24"
    assert image["src"].startswith("data:image/png;base64,")
    assert words(figure.figcaption.get_text()) == "Figure 1: Complaints by stage in 2023-24"


@pytest.mark.slow
def test_html_is_self_contained(html):
    for element in html.find_all(src=True):
        assert element["src"].startswith("data:"), element
    for link in html.find_all("link"):
        assert not link.get("href", "").startswith(("http", "file", "//")), link
    assert not html.find("script"), "no scripts, so no MathJax or other network request"
    assert html.find("style"), "the stylesheet is embedded"


@pytest.mark.slow
def test_cross_references_resolve_to_links(html):
    references = {(a["href"], words(a.get_text())) for a in html.select("a.quarto-xref")}
    assert references == {("#fig-volume", "Figure 1"), ("#tbl-stages", "Table 1"), ("#tbl-stages", "1")}
    assert "?@" not in html.get_text()


@pytest.mark.slow
def test_table_has_caption_column_headers_and_a_scrolling_region(html):
    table = html.find("table", id="tbl-stages")
    assert words(table.caption.get_text()) == "Table 1: Complaints by stage"
    headers = table.find_all("th")
    assert [th.get_text() for th in headers] == ["Stage", "Complaints"]
    assert all(th["scope"] == "col" for th in headers)
    wrapper = table.parent
    assert wrapper["role"] == "region" and wrapper["tabindex"] == "0"
    assert words(wrapper["aria-label"]) == "Table 1: Complaints by stage"
    assert [td.get_text() for td in table.find_all("td")][:2] == ["Stage 1", "42"]


@pytest.mark.slow
def test_callouts_name_their_kind_in_words(html):
    callouts = html.select("div.callout")
    assert [c["role"] for c in callouts] == ["note"] * 4
    titles = [words(html.find(id=c["aria-labelledby"]).get_text()) for c in callouts]
    assert titles == ["Note", "Warning: Small numbers", "Important: Statutory deadline", "Tip"]
    assert not any(c.find(re.compile(r"^h\d$")) for c in callouts), "a callout's heading becomes its title"


@pytest.mark.slow
def test_profile_and_format_content_in_html(html_text):
    assert "ALPHA-PROFILE-TEXT" in html_text
    assert "BRAVO-PROFILE-TEXT" not in html_text
    assert "HIDDEN-IN-A-TEXT" not in html_text
    assert "HTML-ONLY-TEXT" in html_text
    assert "PDF-ONLY-TEXT" not in html_text


@pytest.mark.slow
def test_cell_options_hide_code_and_outputs(html, html_text):
    assert "NEVER-SHOWN" not in html_text
    assert not html.find("pre"), "execute: echo: false in _quarto.yml hides the code"


@pytest.mark.slow
def test_other_profile_shows_its_own_content(profile_b_html):
    text = words(profile_b_html.get_text(" "))
    assert "BRAVO-PROFILE-TEXT" in text and "HIDDEN-IN-A-TEXT" in text
    assert "ALPHA-PROFILE-TEXT" not in text
    assert profile_b_html.find("nav")["aria-label"] == "Contents of edition B"


@pytest.mark.slow
def test_html_has_no_axe_violations(outputs):
    """The same audit the project runs: axe-core, WCAG 2.2 AA and best practice, at 1280 and
    375 pixels wide, with the system's Chromium (never a downloaded browser)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")
    browser_path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser_path:
        pytest.skip("no system Chromium (apt-get install -y chromium) to run axe-core in")
    tags = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa", "best-practice"]
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=browser_path, args=["--no-sandbox"])
        try:
            for width in (1280, 375):
                page = browser.new_page(viewport={"width": width, "height": 900})
                requests: list[str] = []
                page.on("request", lambda request, seen=requests: seen.append(request.url))
                page.goto(outputs["html"].as_uri())
                result = axe_module.Axe().run(page, options={"runOnly": {"type": "tag", "values": tags}})
                violations = [
                    (v["id"], [n["target"] for n in v["nodes"]]) for v in result.response["violations"]
                ]
                assert violations == [], f"at {width}px"
                assert [url for url in requests if not url.startswith(("file:", "data:"))] == []
        finally:
            browser.close()


# --- the built-in engine: PDF -----------------------------------------------------------


@pytest.mark.slow
def test_pdf_is_tagged_with_a_title(outputs):
    if not shutil.which("pdfinfo"):
        pytest.skip(NO_POPPLER)
    info = subprocess.run(["pdfinfo", str(outputs["pdf"])], capture_output=True, text=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    assert re.search(r"^Title:\s+Fixture Council complaints report$", info, re.M)
    assert re.search(r"^Page size:.*\(A4\)$", info, re.M)


@pytest.mark.slow
def test_pdf_text_has_parameters_numbers_and_pdf_content(pdf_text):
    assert "In 2023-24 the council received 42 complaints, and 64 cases in all." in pdf_text
    assert "Figure 1: Complaints by stage in 2023-24" in pdf_text
    assert "Table 1: Complaints by stage" in pdf_text
    assert "Figure 1 shows them by stage and Table 1 lists them" in pdf_text
    assert "Warning: Small numbers" in pdf_text
    assert "ALPHA-PROFILE-TEXT" in pdf_text and "PDF-ONLY-TEXT" in pdf_text
    assert "BRAVO-PROFILE-TEXT" not in pdf_text and "HTML-ONLY-TEXT" not in pdf_text
    assert "NEVER-SHOWN" not in pdf_text
    assert "Contents of edition A" in pdf_text and "Page 1 of" in pdf_text


# --- the built-in engine: errors that speak to an analyst -------------------------------


def write_qmd(folder: Path, body: str) -> Path:
    qmd = folder / "broken.qmd"
    qmd.write_text('---\ntitle: "Broken"\n---\n\n' + body, encoding="utf-8")
    return qmd


def render_scratch(qmd: Path, work_dir: Path, output: str) -> dict[str, Path]:
    return render_report(qmd, profile="", params={}, work_dir=work_dir, formats=[output], engine="builtin")


@pytest.mark.slow
def test_a_failing_cell_is_reported_with_its_label_and_error(tmp_path):
    qmd = write_qmd(tmp_path, "```{python}\n#| label: load-data\ntotal = missing_name + 1\n```\n")
    with pytest.raises(EngineError, match=r"cell `load-data`.*\n.*NameError: name 'missing_name'"):
        render_scratch(qmd, tmp_path / "out", "html")


@pytest.mark.slow
def test_a_chart_shown_without_alt_text_is_refused(tmp_path):
    qmd = write_qmd(tmp_path, "```{python}\nimport matplotlib.pyplot as plt\nplt.plot([1, 2])\n```\n")
    with pytest.raises(EngineError, match=r"without alt text.*fig-alt.*plt\.close"):
        render_scratch(qmd, tmp_path / "out", "pdf")


def test_unknown_formats_and_engines_are_refused(tmp_path):
    with pytest.raises(EngineError, match="Unknown output format 'docx'"):
        render_scratch(FIXTURE_QMD, tmp_path, "docx")
    with pytest.raises(EngineError, match="Unknown rendering engine 'pandoc'"):
        resolve_engine("pandoc")


# --- choosing the engine ----------------------------------------------------------------


@pytest.fixture
def no_quarto_on_path(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))


def test_quarto_is_unavailable_without_a_quarto_command(no_quarto_on_path):
    assert quarto_available() is False


def test_asking_for_quarto_without_it_is_an_error_not_a_fallback(no_quarto_on_path):
    with pytest.raises(EngineError) as raised:
        resolve_engine("quarto")
    message = str(raised.value)
    assert "quarto.org" in message and "--engine builtin" in message


def test_auto_and_builtin_choose_the_builtin_engine_without_quarto(no_quarto_on_path):
    assert resolve_engine("auto") == "builtin"
    assert resolve_engine("builtin") == "builtin"


@pytest.mark.slow
@pytest.mark.quarto
@pytest.mark.skipif(not quarto_available(), reason=NO_QUARTO)
def test_quarto_engine_renders_the_fixture(tmp_path):
    assert resolve_engine("auto") == "quarto"
    outputs = render_report(
        FIXTURE_QMD, profile="a", params=PARAMS, work_dir=tmp_path, formats=["html", "pdf"], engine="quarto"
    )
    assert outputs == {"html": tmp_path / "report.html", "pdf": tmp_path / "report.pdf"}
    text = words(BeautifulSoup(outputs["html"].read_text(encoding="utf-8"), "html.parser").get_text(" "))
    assert "In 2023-24 the council received 42 complaints" in text
    assert "ALPHA-PROFILE-TEXT" in text and "BRAVO-PROFILE-TEXT" not in text
    assert not (tmp_path / "report.qmd").exists(), "the staged copy of the qmd is removed"


# --- configuration and cells ------------------------------------------------------------


def test_merge_config_follows_quarto_rules():
    base = {"execute": {"echo": False, "warning": False}, "toc": True, "css": ["a.css"]}
    override = {"execute": {"echo": True}, "toc": False, "css": ["b.css", "a.css"]}
    assert merge_config(base, override) == {
        "execute": {"echo": True, "warning": False},
        "toc": False,
        "css": ["a.css", "b.css"],
    }


def test_active_profiles_use_the_default_and_groups():
    project = {"profile": {"default": "a", "group": [["a", "b"], ["draft", "final"]]}}
    assert active_profiles("", project) == ["a", "draft"]
    assert active_profiles("b, final", project) == ["b", "final"]


def test_profile_config_is_merged_and_the_document_wins():
    config = rendering.load_config(FIXTURE_QMD, ["b"])
    assert config["toc-title"] == "Contents of edition B"
    assert config["execute"] == {"echo": False, "warning": False}
    assert config["title"] == "Fixture Council complaints report"


def test_cell_options_are_lifted_out_of_the_code():
    options, code = split_cell_options('#| tags: [parameters]\n#| fig-alt: "A chart"\nyear = 1\n#| later')
    assert options == {"tags": ["parameters"], "fig-alt": "A chart"}
    assert code == "year = 1\n#| later"


# --- what the built-in engine supports --------------------------------------------------


def test_fixture_uses_only_supported_features():
    assert unsupported_features(FIXTURE_QMD.read_text(encoding="utf-8")) == []


def test_project_report_uses_only_supported_features():
    if not REPORT_QMD.is_file():
        pytest.skip(f"{REPORT_QMD.name} is not written yet")
    assert unsupported_features(REPORT_QMD.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        ("```{python}\n#| fig-width: 8\nx = 1\n```\n", "cell option `fig-width`"),
        ("```{python}\n#| output: hold\nx = 1\n```\n", "cell option `output: hold`"),
        ("::: {.panel-tabset}\n## A\n:::\n", "div class `.panel-tabset`"),
        ('::: {.callout-note collapse="true"}\nx\n:::\n', "attribute `collapse`"),
        ('::: {.content-visible when-format="pdf"}\nx\n:::\n', 'when-format="pdf"'),
        ("See @sec-intro.\n", "cross-reference `@sec-intro`"),
        ("{{< include other.qmd >}}\n", "shortcode `{{< include >}}`"),
        ("```{r}\n1\n```\n", "`{r}` code cells"),
        ("Value `{r} 1 + 1`.\n", "inline `{r}` expressions"),
        ("# Introduction\n", "level-1 heading"),
        ('![x](a.png){fig-align="center"}\n', "attribute `fig-align`"),
    ],
)
def test_unsupported_features_are_named(snippet, expected):
    found = unsupported_features('---\ntitle: "T"\n---\n\n' + snippet)
    assert any(item.startswith(expected) for item in found), found


def test_unsupported_front_matter_is_named():
    front = (
        "---\ntitle: T\nbibliography: refs.bib\nformat:\n  docx: default\n  html:\n    code-fold: true\n---\n"
    )
    assert unsupported_features(front) == [
        "front-matter key `bibliography`",
        "format `docx` (the built-in engine writes html and typst)",
        "format option `html: code-fold`",
    ]


def test_examples_inside_code_blocks_and_emails_are_not_features():
    text = "Mail complaints@example.gov.uk.\n\n````markdown\n::: {.panel-tabset}\n@sec-x\n````\n"
    assert unsupported_features(text) == []


def test_supported_features_lists_what_the_docs_promise():
    features = rendering.SUPPORTED_FEATURES
    assert {"tags", "output", "echo", "include", "warning", "fig-alt", "fig-cap"} <= features["cell_options"]
    assert {"callout-note", "callout-warning", "callout-important", "callout-tip"} <= features["div_classes"]
    assert {"when-format", "when-profile", "title", "fig-alt"} <= features["attributes"]
    assert {"title", "subtitle", "author", "date", "lang", "toc"} <= features["front_matter"]
    docs = Path(__file__).parents[1] / "docs" / "quarto-features.md"
    text = docs.read_text(encoding="utf-8")
    for group in ("cell_options", "div_classes", "attributes", "front_matter"):
        for name in features[group]:
            assert f"`{name}" in text or f"`.{name}" in text, f"{name} ({group}) is not documented"
    for name in features["shortcodes"]:
        assert f"{{{{< {name} >}}}}" in text


@pytest.mark.slow
def test_warnings_name_unresolved_references(tmp_path):
    qmd = write_qmd(tmp_path, "## Part\n\nSee @fig-nowhere.\n")
    with pytest.warns(RenderWarning, match="@fig-nowhere points to no figure"):
        render_scratch(qmd, tmp_path / "out", "html")
    assert "?@fig-nowhere" in (tmp_path / "out" / "report.html").read_text(encoding="utf-8")


def test_kernel_environment_is_set_for_the_run_and_restored(tmp_path):
    before = dict(os.environ)
    with rendering.kernel_environment(tmp_path, ["a", "b"]):
        assert os.environ["QUARTO_PROFILE"] == "a,b"
        assert os.environ["PYTHONPATH"].split(os.pathsep)[0] == str(tmp_path)
        spec = Path(os.environ["JUPYTER_PATH"].split(os.pathsep)[0]) / "kernels" / rendering.KERNEL_NAME
        assert (spec / "kernel.json").is_file()
    assert dict(os.environ) == before


@pytest.mark.slow
def test_metadata_given_for_the_render_wins_over_the_project_title(tmp_path):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        result = render_report(
            FIXTURE_QMD,
            profile="a",
            params=PARAMS,
            work_dir=tmp_path,
            formats=["html"],
            engine="builtin",
            metadata={"title": "Complaints annual report 2031/32"},
        )
    soup = BeautifulSoup(result["html"].read_text(encoding="utf-8"), "html.parser")
    assert [h.get_text(strip=True) for h in soup.find_all("h1")] == ["Complaints annual report 2031/32"]


def test_quarto_gets_the_metadata_as_dash_m_options():
    from complaints_report.rendering import _quarto_command

    command = _quarto_command("report.qmd", "html", "params.yml", ["asc"], {"title": "ASC report 2020/21"})
    assert command[:4] == ["quarto", "render", "report.qmd", "--to"]
    assert ["-M", "title:ASC report 2020/21"] == command[command.index("-M") : command.index("-M") + 2]
    assert ["--profile", "asc"] == command[command.index("--profile") : command.index("--profile") + 2]
