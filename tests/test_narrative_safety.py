"""What narrative may hold, checked against what pandoc makes of it: a link or image is judged by
the address pandoc reads (entities and backslash escapes decoded), not by how it is written."""

from __future__ import annotations

import re
import subprocess

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from complaints_report import narrative_safety
from complaints_report.rendering.builtin import MARKDOWN
from complaints_report.rendering.pandoc import pandoc_path


@pytest.fixture
def narrative(tmp_path):
    """check(text) -> the problems of a narrative file holding ``text``, in a content folder with a picture."""
    folder = tmp_path / "content" / "2020-21" / "asc"
    folder.mkdir(parents=True)
    (folder / "picture.png").write_bytes(b"\x89PNG")
    path = folder / "volume.md"

    def check(text: str) -> list[str]:
        path.write_text(text, encoding="utf-8")
        problems, _ = narrative_safety.check(text, path, tmp_path / "content", "volume.md")
        return problems

    return check


def html_of(markdown: str) -> BeautifulSoup:
    result = subprocess.run(
        [pandoc_path(), f"--from={MARKDOWN}", "--to=html5"],
        input=markdown,
        capture_output=True,
        text=True,
        check=True,
    )
    return BeautifulSoup(result.stdout, "html.parser")


def runs_script(href: str) -> bool:
    """Whether a browser would run the address: it ignores control characters and spaces in it."""
    return re.sub(r"[\x00-\x20]", "", href).lower().startswith(("javascript:", "vbscript:", "data:"))


@pytest.mark.parametrize(
    "text",
    [
        "[x](jav&#x61;script:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](javascript&colon;alert(1))",
        "[x](javascript\\:alert(1))",
        "[x](<javascript\\:alert(1)>)",
        "[x][r]\n\n[r]: jav&#x61;script:alert(1)",
        "[x][r]\n\n[r]: javascript\\:alert(1)",
    ],
)
def test_a_script_link_written_with_entities_or_escapes_is_refused(narrative, text):
    assert [a["href"] for a in html_of(text).find_all("a")] == ["javascript:alert(1)"], "pandoc makes it live"
    assert any("`javascript:` address" in problem for problem in narrative(text))


@pytest.mark.parametrize(
    ("text", "read_as"),
    [
        ("![A picture](\\/etc/passwd)", "/etc/passwd"),
        ("![A picture](&#47;etc/passwd)", "/etc/passwd"),
        ("![A picture](http&#58;//remote.invalid/x.png)", "http://remote.invalid/x.png"),
    ],
)
def test_an_image_is_judged_by_the_address_pandoc_reads(narrative, text, read_as):
    assert html_of(text).img["src"] == read_as
    assert [problem for problem in narrative(text) if f"`{read_as}`" in problem]


def test_escapes_and_entities_in_ordinary_links_and_images_are_allowed(narrative):
    assert narrative("See [the guidance](https://www.gov.uk/a\\_b?x=1&amp;y=2).") == []
    assert narrative("![A picture of the team](picture&#46;png)") == []
    assert narrative("A \\[not a link\\](javascript:x), as text.") == []


def obfuscated(scheme: str) -> st.SearchStrategy[str]:
    """The scheme written every way pandoc reads as the same characters."""

    def ways(character: str) -> list[str]:
        found = [
            character,
            character.upper(),
            f"&#{ord(character)};",
            f"&#x{ord(character):x};",
            f"&#x00{ord(character):X};",
        ]
        if character == ":":
            found += ["\\:", "&colon;"]
        return found

    return st.tuples(*(st.sampled_from(ways(c)) for c in scheme)).map("".join)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(
    scheme=st.sampled_from(["javascript:", "vbscript:", "data:"]).flatmap(obfuscated),
    before=st.sampled_from(["", " ", "<", "\t"]),
    form=st.sampled_from(["inline", "reference"]),
)
def test_no_narrative_pandoc_turns_into_a_script_link_is_allowed(tmp_path_factory, scheme, before, form):
    folder = tmp_path_factory.mktemp("content") / "2020-21" / "asc"
    folder.mkdir(parents=True)
    address = f"{before}{scheme}alert(1){'>' if before == '<' else ''}"
    text = f"[x]({address})" if form == "inline" else f"[x][r]\n\n[r]: {address}"
    live = [a["href"] for a in html_of(text).find_all("a", href=True) if runs_script(a["href"])]
    problems, _ = narrative_safety.check(text, folder / "volume.md", folder.parent.parent, "volume.md")
    assert not live or problems, f"pandoc writes {live} and the check allows it"
