"""Tests of complaints_report.rendering.

The built-in engine renders tests/fixtures/rendering/report.qmd, a small project that uses
every feature the engine implements (docs/quarto-features.md) and runs no code: includes of
fragments and narrative, metadata values, a numbered figure and table with cross-references,
the five callouts, profile- and format-specific content, and a fragment of hostile text
escaped at the boundary (markup.py). The rendered HTML and PDF are checked for what a reader
(and an accessibility audit) needs. The Quarto engine is checked with a stub ``quarto``
(tests/test_build.py renders report.qmd through it).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from complaints_report.paths import REPORT_QMD
from complaints_report.rendering import (
    SUPPORTED_FEATURES,
    EngineError,
    RenderWarning,
    quarto,
    quarto_available,
    render_report,
    resolve_engine,
    unsupported_features,
)
from complaints_report.rendering.config import active_profiles, load_config, merge_config
from complaints_report.rendering.typst import PDF_STANDARD, compile_options

FIXTURE = Path(__file__).parent / "fixtures" / "rendering"
EPOCH = "1700000000"  # 14 November 2023
NO_POPPLER = "pdfinfo/pdftotext missing: install poppler-utils (apt-get install -y poppler-utils)"


def words(text: str) -> str:
    """Text with every run of whitespace (including no-break spaces) as one space."""
    return " ".join(text.split())


def fixture_project(folder: Path) -> Path:
    """A copy of the fixture project with its chart drawn: the engines write beside report.qmd."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    shutil.copytree(FIXTURE, folder)
    (folder / "charts").mkdir()
    figure, axes = plt.subplots(figsize=(6, 3), dpi=100)
    axes.bar(["Stage 1", "Stage 2", "Ombudsman"], [42, 21, 1], color="#12436D")
    figure.savefig(folder / "charts" / "volume.png", metadata={"Software": None})
    plt.close(figure)
    return folder / "report.qmd"


def render_fixture(folder: Path, profile: str = "a", formats=("html", "pdf")) -> dict[str, Path]:
    qmd = fixture_project(folder)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        return render_report(
            qmd,
            profile=profile,
            formats=list(formats),
            engine="builtin",
            metadata_file=qmd.parent / "metadata.yml",
        )


@pytest.fixture(scope="module")
def renders(tmp_path_factory) -> tuple[dict[str, Path], dict[str, Path]]:
    """Profile a, HTML and PDF, rendered twice from the same inputs in two folders."""
    first = render_fixture(tmp_path_factory.mktemp("first") / "project")
    second = render_fixture(tmp_path_factory.mktemp("second") / "elsewhere" / "project")
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
    outputs = render_fixture(tmp_path_factory.mktemp("profile-b") / "project", profile="b", formats=("html",))
    return BeautifulSoup(outputs["html"].read_text(encoding="utf-8"), "html.parser")


# --- the built-in engine: files ---------------------------------------------------------


@pytest.mark.slow
def test_outputs_are_written_beside_report_qmd_and_nothing_else_is_left(outputs):
    project = outputs["html"].parent
    assert outputs == {"html": project / "report.html", "pdf": project / "report.pdf"}
    left = sorted(path.name for path in project.iterdir() if path.name.startswith("."))
    assert left == [], "intermediate files are cleaned up"


@pytest.mark.slow
def test_same_inputs_in_other_folders_give_byte_identical_outputs(renders):
    first, second = renders
    assert first["html"].read_bytes() == second["html"].read_bytes()
    assert first["pdf"].read_bytes() == second["pdf"].read_bytes()
    assert b"/tmp" not in first["pdf"].read_bytes() and b"/tmp" not in first["html"].read_bytes()


# --- the built-in engine: HTML ----------------------------------------------------------


@pytest.mark.slow
def test_html_is_british_english_with_the_title_as_its_only_h1(html):
    assert html.html["lang"] == "en-GB"
    assert [h.get_text(strip=True) for h in html.find_all("h1")] == ["Fixture Council complaints report"]
    assert html.title.get_text(strip=True) == "Fixture Council complaints report"
    assert "Annual report on adult social care complaints" in words(html.header.get_text())


@pytest.mark.slow
def test_html_has_landmarks_a_skip_link_and_a_contents_nav(html):
    first_focusable = html.find(["a", "button", "input", "select", "textarea"])
    assert first_focusable.get_text(strip=True) == "Skip to main content"
    main = html.find("main")
    assert first_focusable["href"] == f"#{main['id']}"
    nav = html.find("nav")
    assert nav["aria-label"] == "Contents of edition A", "toc-title comes from _quarto-a.yml"
    assert [a.get_text() for a in nav.find_all("a")] == ["Summary", "Notes", "Contact"]
    assert html.find("header")


@pytest.mark.slow
def test_meta_values_and_included_fragments_are_in_place(html_text):
    assert "In 2023-24 the council received 42 complaints." in html_text
    assert "In 2023-24 the council received 42 complaints, and 64 cases in all." in html_text
    assert "{{<" not in html_text.replace("{{< include _quarto.yml >}}", "")


@pytest.mark.slow
def test_hostile_text_prints_literally_and_adds_no_element(html, html_text):
    assert (
        "<img src=x onerror=\"document.title='PWNED'\"> [x](javascript:alert(1)) {{< include _quarto.yml >}} "
        "@home $5 #read() HOSTILE-TEXT"
    ) in html_text
    paragraph = next(p for p in html.find_all("p") if "HOSTILE-TEXT" in p.get_text())
    assert paragraph.find_all(True) == []
    assert not html.find(attrs={"onerror": True})


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


@pytest.mark.slow
def test_callouts_name_their_kind_in_words(html):
    callouts = html.select("div.callout")
    assert [c["role"] for c in callouts] == ["note"] * 5
    titles = [words(html.find(id=c["aria-labelledby"]).get_text()) for c in callouts]
    assert titles == ["Note", "Warning: Small numbers", "Important: Statutory deadline", "Tip", "Caution"]
    assert not any(c.find(re.compile(r"^h\d$")) for c in callouts), "a callout's heading becomes its title"


@pytest.mark.slow
def test_profile_and_format_content_in_html(html_text):
    assert "ALPHA-PROFILE-TEXT" in html_text
    assert "BRAVO-PROFILE-TEXT" not in html_text
    assert "HIDDEN-IN-A-TEXT" not in html_text
    assert "Inline text for edition B" not in html_text
    assert "HTML-ONLY-TEXT" in html_text
    assert "PDF-ONLY-TEXT" not in html_text


@pytest.mark.slow
def test_other_profile_shows_its_own_content(profile_b_html):
    text = words(profile_b_html.get_text(" "))
    assert "BRAVO-PROFILE-TEXT" in text and "HIDDEN-IN-A-TEXT" in text and "Inline text for edition B" in text
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
        browser = playwright.chromium.launch(
            executable_path=browser_path, args=["--no-sandbox", "--headless"]
        )
        try:
            for width in (1280, 375):
                page = browser.new_page(viewport={"width": width, "height": 900})
                requests: list[str] = []
                page.on("request", lambda request, seen=requests: seen.append(request.url))
                page.goto(outputs["html"].as_uri())
                assert page.title() == "Fixture Council complaints report", "no script from the data ran"
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
def test_pdf_text_has_values_numbers_and_pdf_content(pdf_text):
    assert "In 2023-24 the council received 42 complaints, and 64 cases in all." in pdf_text
    assert "Figure 1: Complaints by stage in 2023-24" in pdf_text
    assert "Table 1: Complaints by stage" in pdf_text
    assert "Figure 1 shows them by stage and Table 1 lists them" in pdf_text
    assert "Warning: Small numbers" in pdf_text
    assert "ALPHA-PROFILE-TEXT" in pdf_text and "PDF-ONLY-TEXT" in pdf_text
    assert "BRAVO-PROFILE-TEXT" not in pdf_text and "HTML-ONLY-TEXT" not in pdf_text
    assert "Contents of edition A" in pdf_text and "Page 1 of" in pdf_text
    assert "[x](javascript:alert(1)) {{< include _quarto.yml >}} @home $5 #read() HOSTILE-TEXT" in pdf_text


def test_the_engine_always_compiles_to_pdf_ua_1(tmp_path, monkeypatch):
    """Not left to the report's settings: every PDF the built-in engine makes is PDF/UA-1, with
    the project's folder as Typst's root and DejaVu Sans from matplotlib."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    options = compile_options(tmp_path)
    assert PDF_STANDARD == "ua-1" and options["pdf_standards"] == "ua-1"
    assert options["root"] == str(tmp_path) and options["ignore_system_fonts"] is True
    assert any((Path(folder) / "DejaVuSans.ttf").is_file() for folder in options["font_paths"])
    assert options["timestamp"] is None
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    assert compile_options(tmp_path)["timestamp"] == int(EPOCH)


# --- refusing what the engine does not implement, with the file and line ------------------


def write_project(folder: Path, body: str, files: dict[str, str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    qmd = folder / "broken.qmd"
    qmd.write_text('---\ntitle: "Broken"\n---\n\n' + body, encoding="utf-8")
    for name, text in (files or {}).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return qmd


def render_scratch(qmd: Path, output: str = "html") -> dict[str, Path]:
    return render_report(qmd, profile="", formats=[output], engine="builtin")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("```{python}\nx = 1\n```\n", "broken.qmd, line 5: executable code cell ```{python}```"),
        ("Value `{python} 1 + 1`.\n", "broken.qmd, line 5: inline expression `{python} ...`"),
        (
            "::: {#fig-chart}\n![A](a.png)\n:::\n",
            "broken.qmd, line 5: cross-reference div `::: {#fig-chart}`",
        ),
        ('![A](a.png){#fig-x layout-ncol="2"}\n', "broken.qmd, line 5: subfigure layout `layout-ncol`"),
        ("{{< env HOME >}}\n", "broken.qmd, line 5: shortcode `{{< env >}}`"),
        ("Text {{< include other.md >}} here.\n", "broken.qmd, line 5: `{{< include >}}` inside a line"),
        ("{{<include other.md>}}\n", "broken.qmd, line 5: `{{<include...`"),
        ("## A\n\nSee @sec-intro.\n", "broken.qmd, line 7: cross-reference `@sec-intro`"),
        ("# Introduction\n", "broken.qmd, line 5: level-1 heading"),
        ("::: {.panel-tabset}\n## A\n:::\n", "broken.qmd, line 5: div class `.panel-tabset`"),
        ('::: {.callout-note collapse="true"}\nx\n:::\n', "broken.qmd, line 5: attribute `collapse`"),
        ('::: {.content-visible when-format="pdf"}\nx\n:::\n', 'broken.qmd, line 5: when-format="pdf"'),
        ("![A chart](/home/me/chart.png)\n", "broken.qmd, line 5: image `/home/me/chart.png`"),
        ("```{=html}\n<b>x</b>\n```\n", "broken.qmd, line 5: raw block"),
    ],
)
def test_unsupported_features_stop_the_render_with_file_and_line(tmp_path, body, expected):
    qmd = write_project(tmp_path / "p", body)
    with pytest.raises(EngineError) as raised:
        render_scratch(qmd)
    assert expected in str(raised.value)
    assert not (qmd.parent / "broken.html").exists()


def test_a_feature_in_an_included_file_is_named_in_that_file(tmp_path):
    qmd = write_project(
        tmp_path / "p",
        "Intro.\n\n{{< include _narrative/x.md >}}\n",
        {"_narrative/x.md": "A\n\n::: {#tbl-x}\n:::\n"},
    )
    with pytest.raises(EngineError, match=r"_narrative/x\.md, line 3: cross-reference div"):
        render_scratch(qmd)


def test_a_misspelt_fragment_name_stops_the_render_with_its_line(tmp_path):
    qmd = write_project(
        tmp_path / "p", "Intro.\n\n{{< include _fragments/volum.md >}}\n", {"_fragments/volume.md": "x"}
    )
    with pytest.raises(EngineError) as raised:
        render_scratch(qmd)
    message = str(raised.value)
    assert "broken.qmd, line 7: `{{< include _fragments/volum.md >}}` names no file" in message
    assert "volume.md" in message, "the files that are there are listed"


def test_a_misspelt_meta_key_stops_the_render_with_its_line(tmp_path):
    qmd = write_project(tmp_path / "p", "## For {{< meta report.yeer >}}\n")
    with pytest.raises(
        EngineError, match=r"broken\.qmd, line 5: `\{\{< meta report\.yeer >\}\}` names no metadata value"
    ):
        render_scratch(qmd)


def test_includes_outside_the_project_and_circular_includes_are_refused(tmp_path):
    (tmp_path / "secret.md").write_text("secret", encoding="utf-8")
    qmd = write_project(tmp_path / "p", "{{< include ../secret.md >}}\n")
    with pytest.raises(EngineError, match="outside the report's folder"):
        render_scratch(qmd)
    qmd = write_project(tmp_path / "q", "{{< include a.md >}}\n", {"a.md": "{{< include a.md >}}\n"})
    with pytest.raises(EngineError, match="includes a file that includes it"):
        render_scratch(qmd)


OTHER_PROFILE_BODY = """\
::: {.content-visible when-profile="b"}
{{< include _fragments/long-table.md >}}

```text
:::
```

::: {.callout-note}
B-ONLY-NOTE
:::

B-ONLY
:::

::: {.content-hidden when-profile="a"}
HIDDEN-FROM-A
:::

::: {.content-visible unless-profile="b"}
NOT-FOR-B
:::

::: {.content-visible when-profile="a" when-format="html"}
A-IN-HTML
:::

AFTER
"""


def test_a_div_for_another_profile_is_left_out_before_pandoc_reads_it(tmp_path):
    """The Lua filter would drop it after pandoc had read all of it; its include is not even read
    (here it would include itself, an error if it were)."""
    from complaints_report.rendering import shortcodes

    qmd = write_project(
        tmp_path / "p",
        OTHER_PROFILE_BODY,
        {"_fragments/long-table.md": "{{< include _fragments/long-table.md >}}\n"},
    )
    text = "\n".join(line.text for line in shortcodes.expand(qmd, {}, ["a"]))
    for left_out in ("B-ONLY", "B-ONLY-NOTE", "HIDDEN-FROM-A", "content-hidden", 'when-profile="b"'):
        assert left_out not in text
    assert "NOT-FOR-B" in text and "AFTER" in text
    assert '::: {.content-visible when-profile="a" when-format="html"}' in text, (
        "two conditions: the filter's"
    )
    with pytest.raises(EngineError, match="includes a file that includes it"):
        shortcodes.expand(qmd, {}, ["b"])


def test_an_include_in_a_div_for_another_profile_must_still_name_a_file(tmp_path):
    """As in Quarto, which expands includes before it drops conditional content."""
    from complaints_report.rendering import shortcodes

    qmd = write_project(
        tmp_path / "p", '::: {.content-visible when-profile="b"}\n{{< include _fragments/gone.md >}}\n:::\n'
    )
    with pytest.raises(EngineError, match=r"broken\.qmd, line 6: .* names no file"):
        shortcodes.expand(qmd, {}, ["a"])


def test_unsupported_configuration_is_named(tmp_path):
    folder = tmp_path / "p"
    qmd = write_project(folder, "Text.\n")
    (folder / "_quarto.yml").write_text(
        "bibliography: refs.bib\nformat:\n  docx: default\n  html:\n    code-fold: true\n    embed-resources: false\n"
        "  typst:\n    pdf-standard: a-2b\n",
        encoding="utf-8",
    )
    with pytest.raises(EngineError) as raised:
        render_scratch(qmd)
    message = str(raised.value)
    for expected in (
        "key `bibliography`",
        "format `docx`",
        "format option `html: code-fold`",
        "`embed-resources: False`",
        "`pdf-standard: a-2b`",
    ):
        assert expected in message


def test_unknown_formats_and_engines_are_refused(tmp_path):
    qmd = write_project(tmp_path / "p", "Text.\n")
    with pytest.raises(EngineError, match="Unknown output format 'docx'"):
        render_scratch(qmd, "docx")
    with pytest.raises(EngineError, match="Unknown rendering engine 'pandoc'"):
        resolve_engine("pandoc")


@pytest.mark.slow
def test_warnings_name_unresolved_references(tmp_path):
    qmd = write_project(tmp_path / "p", "## Part\n\nSee @fig-nowhere.\n")
    with pytest.warns(RenderWarning, match="@fig-nowhere points to no figure"):
        render_scratch(qmd)
    assert "?@fig-nowhere" in (qmd.parent / "broken.html").read_text(encoding="utf-8")


# --- what the engines support -------------------------------------------------------------


def test_fixture_uses_only_supported_features():
    assert unsupported_features((FIXTURE / "report.qmd").read_text(encoding="utf-8")) == []


def test_project_report_uses_only_supported_features_and_runs_no_code():
    text = REPORT_QMD.read_text(encoding="utf-8")
    assert unsupported_features(text) == []
    assert not re.search(r"^\s*```+\s*\{[A-Za-z]", text, re.M), "report.qmd has no executable cell"
    assert "`{python}" not in text


def test_project_configuration_is_supported_and_requires_quarto_1_9():
    for profile in ("asc", "childrens"):
        config = load_config(REPORT_QMD, [profile])
        from complaints_report.rendering.features import unsupported_config

        assert unsupported_config(config) == []
        assert config["quarto-required"] == ">=1.9.0"
        assert config["toc-title"] == "Contents", "one toc-title for both formats"


def test_supported_features_are_documented_with_their_sources():
    docs = (Path(__file__).parents[1] / "docs" / "quarto-features.md").read_text(encoding="utf-8")
    for group in ("div_classes", "attributes", "front_matter", "format_options"):
        for name in SUPPORTED_FEATURES[group]:
            assert f"`{name}" in docs or f"`.{name}" in docs, f"{name} ({group}) is not documented"
    for name in SUPPORTED_FEATURES["shortcodes"]:
        assert f"{{{{< {name}" in docs
    for source in (
        "jupyter-inline.ts",
        "7354",
        "flags.ts",
        "parse-shortcode.ts",
        "changelog-1.9.md",
        "kernels.ts",
    ):
        assert source in docs, f"docs/quarto-features.md does not cite {source}"


# --- configuration ------------------------------------------------------------------------


def test_merge_config_follows_quarto_rules():
    base = {"format": {"html": {"toc": True}}, "toc": True, "css": ["a.css"]}
    override = {"format": {"html": {"toc-depth": 2}}, "toc": False, "css": ["b.css", "a.css"]}
    assert merge_config(base, override) == {
        "format": {"html": {"toc": True, "toc-depth": 2}},
        "toc": False,
        "css": ["a.css", "b.css"],
    }


def test_active_profiles_use_the_default_and_groups():
    project = {"profile": {"default": "a", "group": [["a", "b"], ["draft", "final"]]}}
    assert active_profiles("", project) == ["a", "draft"]
    assert active_profiles("b, final", project) == ["b", "final"]


def test_profile_config_is_merged_and_the_metadata_file_wins():
    config = load_config(FIXTURE / "report.qmd", ["b"], FIXTURE / "metadata.yml")
    assert config["toc-title"] == "Contents of edition B"
    assert config["title"] == "Fixture Council complaints report"
    assert config["report"]["year"] == "2023\\-24"


# --- choosing the engine, and the Quarto engine ----------------------------------------------


def stub_quarto(folder: Path, version: str) -> Path:
    """A ``quarto`` that prints a version (and renders nothing)."""
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "quarto"
    script.write_text(
        f"#!{sys.executable}\nimport sys\n"
        f"if sys.argv[1:] == ['--version']:\n    print({version!r})\nelse:\n    sys.exit(3)\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return folder


@pytest.fixture
def no_quarto_on_path(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))


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


def test_a_quarto_older_than_1_9_is_refused_with_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(stub_quarto(tmp_path / "old", "1.8.26")) + os.pathsep + os.environ["PATH"])
    with pytest.raises(EngineError) as raised:
        resolve_engine("quarto")
    message = str(raised.value)
    assert "Quarto 1.8.26 is installed, but this report needs Quarto 1.9 or later" in message
    assert "--engine builtin" in message
    assert resolve_engine("auto") == "builtin", "auto does not use a Quarto too old for the report"


def test_a_recent_quarto_is_chosen_by_auto(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(stub_quarto(tmp_path / "new", "1.9.12")) + os.pathsep + os.environ["PATH"])
    assert quarto.installed_version() == (1, 9, 12)
    assert resolve_engine("auto") == "quarto"


def test_quarto_gets_metadata_as_a_file_and_a_profile():
    command = quarto.command("report.qmd", "pdf", ["asc"], "metadata.yml")
    assert command == [
        "quarto", "render", "report.qmd", "--to", "typst", "--profile", "asc", "--metadata-file", "metadata.yml"
    ]  # fmt: skip
    assert "-M" not in command


def test_quarto_runs_with_this_python_and_its_environment():
    environment = quarto.environment()
    assert environment["QUARTO_PYTHON"] == sys.executable
    assert environment["VIRTUAL_ENV"] == sys.prefix


def test_a_column_of_a_few_words_beside_long_sentences_keeps_room_for_its_words_in_the_pdf(tmp_path):
    """The actions tables: long 'What we learned' and 'What we are doing' cells beside a 'Who' of a
    few words. Every column gets at least its longest word (quarto_compat.lua sizes columns from their
    content), so 'Relationship' never runs into the next column, and the running text shares the rest."""
    from complaints_report import markup
    from complaints_report.rendering.builtin import LUA_FILTER
    from complaints_report.rendering.pandoc import run_pandoc

    long_text = "A sentence of running text that goes on for well over sixty characters in all. " * 3
    table = markup.pipe_table(
        ["What we learned", "What we are doing", "Who", "Status"],
        [[long_text, long_text, "Customer Relationship Team", "Done"]],
    )
    typst = run_pandoc([f"--lua-filter={LUA_FILTER}", "--to=typst"], cwd=tmp_path, stdin=table + "\n")
    widths = [
        float(w) for w in re.search(r"columns: \(([^)]*)\),", typst).group(1).replace("pt", "").split(",")
    ]
    assert len(widths) == 4 and sum(widths) <= 453.5  # the text width of template.typ
    # at table size (9.5 pt DejaVu Sans, about 5.6 pt a character, 12 pt of padding) each column holds its
    # longest word: "Relationship" (12), "Status" (6, a bold header), and the sentences' "characters" (10)
    assert widths[2] >= 12 * 5.6 + 12 and widths[3] >= 6 * 5.6 * 1.1 + 12
    assert widths[0] > widths[2] and widths[1] > widths[2]  # the running text has the rest


def _typst_table(tmp_path: Path, headers: list[str], rows: list[list[str]]) -> str:
    from complaints_report import markup
    from complaints_report.rendering.builtin import LUA_FILTER
    from complaints_report.rendering.pandoc import run_pandoc

    table = markup.pipe_table(headers, rows) + "\n\n: A table {#tbl-a}\n"
    return run_pandoc([f"--lua-filter={LUA_FILTER}", "--to=typst"], cwd=tmp_path, stdin=table)


def test_a_tall_table_of_a_few_long_rows_may_break_across_pages_with_its_header_repeated(tmp_path):
    """ASC's priorities: four actions of several lines each, about half a page. Kept whole, the table moved
    to the next page and left much of a page blank; taller than a third of a page, it may break between
    rows (quarto_compat.lua), its header row repeated on the next page (Typst repeats a table.header)."""
    action = (
        "Work with all our partner providers so that they handle complaints well, including training. " * 2
    )
    typst = _typst_table(
        tmp_path,
        ["Priority", "Who", "By when", "Status"],
        [[action, "Customer Engagement Team", "31 March 2022", "Planned"]] * 4,
    )
    assert "#unbroken[" not in typst
    assert "table.header(" in typst


def test_a_short_table_is_kept_whole_with_its_caption(tmp_path):
    typst = _typst_table(
        tmp_path, ["Sex", "Complaints", "Per cent"], [["Female", "44", "52%"], ["Male", "35", "41%"]]
    )
    assert "#unbroken[" in typst


def test_a_table_of_many_one_line_rows_may_break(tmp_path):
    rows = [[f"Team {n}", str(n), f"{n}%"] for n in range(20)]
    assert "#unbroken[" not in _typst_table(tmp_path, ["Team", "Complaints", "Per cent"], rows)
