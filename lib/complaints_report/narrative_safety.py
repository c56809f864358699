"""What analyst narrative may hold: Markdown, and nothing that runs code or loads anything.

Narrative (``content/<year>/<service>/<section>.md``) keeps its Markdown: paragraphs, lists,
emphasis, ``###`` headings, callouts, links to https sites, HTML that only formats text
(``<abbr>``, ``<br>``...). The published page must still be safe to put online and
self-contained, and the PDF tagged, so a narrative file is refused, with its line and what to
write instead, when it holds:

- HTML that runs or loads anything: ``<script>``, ``<style>``, ``<iframe>``, ``<object>``,
  ``<embed>``, forms, media, or any element not on the list below; an ``on...`` attribute; a
  ``style`` attribute; a link to a ``javascript:``, ``data:``, ``file:`` or ``vbscript:`` address;
- an image (Markdown or ``<img>``) from a remote address, from a file outside the content
  folder, or without alt text (pandoc embeds every image it is given, and PDF/UA needs alt
  text);
- code the render would run or pass through raw: an executable cell, an inline expression, a
  raw ``{=html}`` block, a shortcode (``{{< include >}}`` would read any file), a YAML
  metadata block (which could set the report's metadata);
- anything the built-in engine does not implement (``rendering/features.py``).

Figures are quoted as ``{{ metric_name }}``, filled in by ``content.fill``.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

from complaints_report.code_fences import FenceReader

# Elements that only format or structure text.
ALLOWED_ELEMENTS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
        "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h3", "h4", "h5", "h6", "hr", "i",
        "img", "ins", "kbd", "li", "mark", "ol", "p", "q", "s", "samp", "small", "span", "strong", "sub",
        "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
    }
)  # fmt: skip
URL_ATTRIBUTES = frozenset(
    {
        "href", "src", "srcset", "action", "formaction", "background", "poster", "cite", "data", "xlink:href",
        "longdesc", "manifest", "ping", "codebase", "archive", "lowsrc", "dynsrc", "usemap", "icon",
    }
)  # fmt: skip
UNSAFE_SCHEMES = ("javascript", "data", "file", "vbscript")
INSTEAD_HTML = "write it in Markdown: the report cannot run or load anything from the narrative"
INSTEAD_IMAGE = (
    "save the image in the narrative folder and give its file name and alt text, e.g. "
    "![What the picture shows](picture.png)"
)

_CODE_SPAN = re.compile(r"(`+)(.+?)\1(\{=[\w-]+\})?")
_ESCAPED = re.compile(r"\\[!-/:-@\[-`{-~]")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[\w.+'-]+@[\w-]+(?:\.[\w-]+)+)>")
_LINK = re.compile(r"(!?)\[((?:[^\]\\\n]|\\.)*)\]\(\s*(<[^>\n]*>|[^)\s]*)")
_REFERENCE_IMAGE = re.compile(r"!\[(?:[^\]\\\n]|\\.)*\]\[")
_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*<?([^\s>]+)")
_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")
_HIDDEN = "\x00"  # stands for an escaped character in the masked text


def as_pandoc_reads(address: str) -> str:
    """A link's or image's address as pandoc reads it from Markdown: backslash escapes and HTML
    entities decoded (``jav&#x61;script\\:`` is ``javascript:``)."""
    return html.unescape(re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", address))


def _scheme(url: str) -> str | None:
    cleaned = re.sub(r"[\x00-\x20]", "", url)  # browsers ignore control characters and spaces in a scheme
    match = _SCHEME.match(cleaned)
    return match.group(1).lower() if match else None


def link_problem(url: str) -> str | None:
    scheme = _scheme(url)
    if scheme in UNSAFE_SCHEMES:
        return f"a link to a `{scheme}:` address (link to an https:// page instead)"
    return None


def image_problem(src: str, alt: str, folder: Path, content_dir: Path) -> str | None:
    """Why an image may not be used (None when it may): it must be a file in the content folder, with alt text."""
    if not src.strip():
        return f"an image without a file ({INSTEAD_IMAGE})"
    if _scheme(src) or src.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", src):
        return f"the image `{src}` is not a file in the narrative folder ({INSTEAD_IMAGE})"
    path = (folder / src).resolve()
    if not path.is_relative_to(Path(content_dir).resolve()):
        return f"the image `{src}` is outside the content folder ({INSTEAD_IMAGE})"
    if not path.is_file():
        return f"the image `{src}` does not exist in {folder.name}/ ({INSTEAD_IMAGE})"
    if not alt.strip():
        return (
            f"the image `{src}` has no alt text: write what it shows in the brackets, ![What it shows]({src})"
        )
    return None


def _masked(text: str) -> tuple[list[str], list[tuple[int, str]]]:
    """The text with code blocks and code spans blanked and escaped characters hidden (so that examples
    in code are not taken for HTML), each line as long as it was, and the code-related problems found
    on the way: (line, problem). An escaped character is hidden by a character that is not white
    space, so that a link's address holding one (``javascript\\:``) is still read whole."""
    lines = text.splitlines()
    problems: list[tuple[int, str]] = []
    fences = FenceReader()
    masked = []
    for number, line in enumerate(lines, start=1):
        code, info = fences.read(line)
        if info is not None:
            if info.startswith("{="):
                problems.append((number, f"a raw block ```{info}``` ({INSTEAD_HTML})"))
            elif re.match(r"^\{[A-Za-z]", info):
                problems.append(
                    (number, f"a code cell ```{info}``` (the report runs no code; write the text)")
                )
        if code:
            masked.append("")
            continue

        def span(match: re.Match, at: int = number) -> str:
            if re.match(r"^\{[A-Za-z][\w-]*\}\s", match.group(2)):
                problems.append(
                    (at, f"an inline expression `{match.group(2)}` (quote a figure as {{{{ name }}}})")
                )
            if match.group(3):
                problems.append((at, f"raw output `...`{match.group(3)} ({INSTEAD_HTML})"))
            return " " * len(match.group(0))

        masked.append(_ESCAPED.sub(_HIDDEN * 2, _CODE_SPAN.sub(span, line)))
    return masked, problems


class _HtmlCheck(HTMLParser):
    def __init__(self, folder: Path, content_dir: Path):
        super().__init__(convert_charrefs=True)
        self.folder = folder
        self.content_dir = content_dir
        self.problems: list[tuple[int, str]] = []
        self.images: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        if tag not in ALLOWED_ELEMENTS:
            self.problems.append((line, f"the HTML element <{tag}> ({INSTEAD_HTML})"))
            return
        values = {name.lower(): value or "" for name, value in attrs}
        for name, value in values.items():
            if name.startswith("on"):
                self.problems.append(
                    (line, f"the attribute {name} on <{tag}> (remove it: the report runs no script)")
                )
            elif name == "style":
                self.problems.append(
                    (line, f"a style attribute on <{tag}> (remove it: the report's stylesheet sets the look)")
                )
            elif name in URL_ATTRIBUTES and not (
                (tag == "a" and name == "href") or (tag == "img" and name == "src") or name == "cite"
            ):
                self.problems.append((line, f"the attribute {name} on <{tag}> ({INSTEAD_HTML})"))
            elif name in {"href", "cite"} and (problem := link_problem(value)):
                self.problems.append((line, problem))
        if tag == "img":
            src = values.get("src", "")
            problem = image_problem(src, values.get("alt", ""), self.folder, self.content_dir)
            if problem:
                self.problems.append((line, problem))
            else:
                self.images.append(src)

    handle_startendtag = handle_starttag

    def handle_decl(self, decl: str) -> None:
        self.problems.append((self.getpos()[0], f"an HTML declaration <!{decl}> ({INSTEAD_HTML})"))

    def handle_pi(self, data: str) -> None:
        self.problems.append((self.getpos()[0], f"an HTML processing instruction ({INSTEAD_HTML})"))


def check(text: str, path: Path, content_dir: Path, shown: str) -> tuple[list[str], list[str]]:
    """The problems of one narrative file ('<shown>, line N: ...'), and the images it may use."""
    from complaints_report.rendering.features import unsupported_lines
    from complaints_report.rendering.source import lines_of

    folder = Path(path).parent
    masked, found = _masked(text)
    lines = text.splitlines()  # as written: an address is read from here, where the masked text found it
    images: list[str] = []
    previous_blank = True
    for number, line in enumerate(masked, start=1):
        if "{{<" in line:
            found.append((number, "a shortcode {{< ... >}} (narrative quotes a figure as {{ metric_name }})"))
        if line.strip() == "---" and previous_blank and number < len(masked) and masked[number].strip():
            found.append(
                (
                    number,
                    "a YAML metadata block (`---` followed by text): for a horizontal rule, leave a blank line after `---`",
                )
            )
        previous_blank = not line.strip()
        if _REFERENCE_IMAGE.search(line):
            found.append((number, f"a reference-style image ({INSTEAD_IMAGE})"))
        written = lines[number - 1]
        for match in _LINK.finditer(line):
            target = as_pandoc_reads(written[match.start(3) : match.end(3)].strip().strip("<>"))
            if match.group(1):
                problem = image_problem(target, written[match.start(2) : match.end(2)], folder, content_dir)
                if problem:
                    found.append((number, problem))
                else:
                    images.append(target)
            elif problem := link_problem(target):
                found.append((number, problem))
        for match in _DEFINITION.finditer(line):
            if problem := link_problem(as_pandoc_reads(written[match.start(1) : match.end(1)])):
                found.append((number, problem))
        for match in _AUTOLINK.finditer(line):
            if problem := link_problem(match.group(1)):
                found.append((number, problem))
    html = _HtmlCheck(folder, content_dir)
    html.feed("\n".join(_AUTOLINK.sub(lambda m: " " * len(m.group(0)), line) for line in masked))
    html.close()
    found += html.problems
    images += html.images
    problems = [
        f"{shown}, line {number}: {problem}" for number, problem in sorted(found, key=lambda item: item[0])
    ]
    problems += unsupported_lines(lines_of(text, shown))
    return list(dict.fromkeys(problems)), list(dict.fromkeys(images))
