"""What the built-in engine supports, and everything else a report uses, named with its line.

The built-in engine implements exactly the Quarto features report.qmd uses (listed for
authors in docs/quarto-features.md, with the Quarto documentation and source each follows).
Anything else in a qmd, or in a file it includes, stops the render with the file, the line
and the feature: an executable cell, an inline expression, a cross-reference div
(``::: {#fig-x}``), subfigures, another shortcode, a class or attribute the engine does not
implement. Quarto would render some of these; the built-in engine would silently render them
differently, so it refuses them instead.
"""

from __future__ import annotations

import re
from typing import Any

from complaints_report.code_fences import FenceReader
from complaints_report.rendering.source import Line, lines_of

SUPPORTED_FEATURES: dict[str, frozenset[str]] = {
    # keys of _quarto.yml, _quarto-<profile>.yml, the front matter and the render's metadata file
    "front_matter": frozenset(
        {"title", "subtitle", "lang", "toc", "toc-title", "toc-depth", "format", "project", "profile"}
        | {"quarto-required", "report"}
    ),
    # under `format:`
    "formats": frozenset({"html", "typst"}),
    "format_options": frozenset(
        {"toc", "toc-title", "toc-depth", "embed-resources", "papersize", "pdf-standard"}
    ),
    # classes on ::: divs (and on spans and code blocks for content-visible / content-hidden)
    "div_classes": frozenset(
        {
            "callout-note",
            "callout-tip",
            "callout-warning",
            "callout-important",
            "callout-caution",
            "content-visible",
            "content-hidden",
            # a span in a figure's caption holding what the chart counts (presentation.figure_markdown);
            # pandoc's bracketed span, kept by Quarto as <span class="figure-note">
            "figure-note",
        }
    ),
    # key="value" attributes on divs, spans and images
    "attributes": frozenset(
        {"title", "when-format", "unless-format", "when-profile", "unless-profile", "fig-alt"}
    ),
    # values of when-format / unless-format
    "when_formats": frozenset({"html", "typst"}),
    # @prefix-label cross-references (to ![...](...){#fig-x} images and `: caption {#tbl-x}` tables)
    "crossref_prefixes": frozenset({"fig", "tbl"}),
    # {{< name >}} shortcodes
    "shortcodes": frozenset({"include", "meta"}),
}

# Quarto's own patterns for shortcodes (quarto-cli src/core/lib/parse-shortcode.ts): one space
# inside each brace; an include is a block shortcode, alone on its line.
BLOCK_SHORTCODE = re.compile(r"^\s*\{\{< (?!/\*)(.+?)(?<!\*/) >\}\}\s*$")
INLINE_SHORTCODE = re.compile(r"\{\{< (?!/\*)(.+?)(?<!\*/) >\}\}")
_ANY_SHORTCODE = re.compile(r"\{\{<\s*([^\s>]*)")

_CODE_SPAN = re.compile(r"(`+)(.+?)\1(\{=[\w-]+\})?")
_INLINE_EXPRESSION = re.compile(r"^\{([A-Za-z][\w-]*)\}\s")
# a pandoc fenced div's fence: with what follows the colons (its attributes) when it opens one, with
# nothing when it closes the innermost (https://pandoc.org/MANUAL.html#divs-and-spans)
DIV_FENCE = re.compile(r"^[ \t]*:{3,}[ \t]*(.*?)[ \t]*:*[ \t]*$")
_QUOTED = r'"(?:[^"\\\n]|\\.)*"'
_ATTRIBUTES = rf"\{{(?:[^}}\"\n]|{_QUOTED})*\}}"
_ATTRIBUTE_BLOCK = re.compile(rf"[\])][ \t]*({_ATTRIBUTES})")
_HEADING = re.compile(rf"^(#{{1,6}})[ \t]+.*?({_ATTRIBUTES})?[ \t]*$")
_ATTRIBUTE_TOKEN = re.compile(rf"""([.#]?[\w:-]+)(?:=({_QUOTED}|'[^']*'|[^\s}}]+))?""")
_CROSSREF = re.compile(r"(?<![\w.@\\-])-?@([A-Za-z]+)-[\w:-]*\w")
_IMAGE = re.compile(r"!\[(?:[^\]\\\n]|\\.)*\]\(\s*<?([^)\s>]+)")
_SUBFIGURE = ("layout", "layout-ncol", "layout-nrow", "layout-valign")


def unsupported_config(config: dict, where: str = "the report's configuration") -> list[str]:
    """Keys and options of the merged configuration that the built-in engine does not implement."""
    found = [f"{where}: key `{key}`" for key in config if key not in SUPPORTED_FEATURES["front_matter"]]
    formats = config.get("format")
    if isinstance(formats, str):
        formats = {formats: {}}
    for name, options in (formats or {}).items() if isinstance(formats, dict) else []:
        if name not in SUPPORTED_FEATURES["formats"]:
            found.append(f"{where}: format `{name}` (the built-in engine writes html and typst)")
            continue
        for key, value in (options or {}).items() if isinstance(options, dict) else []:
            if key not in SUPPORTED_FEATURES["format_options"]:
                found.append(f"{where}: format option `{name}: {key}`")
            elif key == "embed-resources" and value is not True:
                found.append(f"{where}: `embed-resources: {value}` (the web page is always self-contained)")
            elif key == "pdf-standard" and _standards(value) != ["ua-1"]:
                found.append(f"{where}: `pdf-standard: {value}` (the PDF is always tagged PDF/UA-1: ua-1)")
    project = config.get("project")
    if project is not None and project != {"type": "default"}:
        found.append(f"{where}: project options other than `type: default`")
    return found


def _standards(value: Any) -> list[str]:
    return [str(v).lower() for v in (value if isinstance(value, list) else [value])]


def unsupported_lines(lines: list[Line]) -> list[str]:
    """Each use of a feature the built-in engine does not implement: 'file, line N: feature'."""
    found: list[str] = []
    fences = FenceReader()
    for line in lines:
        code, info = fences.read(line.text)
        if info is not None:
            found += [f"{line.where()}: {feature}" for feature in _code_block(info)]
        if not code:
            found += [f"{line.where()}: {feature}" for feature in _prose(line.text)]
    return list(dict.fromkeys(found))


def unsupported_features(qmd_text: str, source: str = "report.qmd") -> list[str]:
    """What a qmd (front matter and body, includes not followed) uses beyond the built-in engine."""
    from complaints_report.rendering.config import split_front_matter

    front, body, first = split_front_matter(qmd_text)
    return unsupported_config(front, f"{source} (front matter)") + unsupported_lines(
        lines_of(body, source, first)
    )


def _code_block(info: str) -> list[str]:
    if info.startswith("{="):
        return [f"raw block ```{info}``` (write Markdown; the engines' output differs)"]
    executable = re.match(r"^\{([A-Za-z][\w+-]*)", info)
    if executable:
        return [
            f"executable code cell ```{{{executable.group(1)}}}``` (report.qmd runs no code: compute it in the "
            "notebook and include the fragment it writes)"
        ]
    if info.startswith("{"):
        return _attribute_problems(info)
    return []


def _prose(text: str) -> list[str]:
    found: list[str] = []

    def code_span(match: re.Match) -> str:
        expression = _INLINE_EXPRESSION.match(match.group(2))
        if expression:
            found.append(
                f"inline expression `{{{expression.group(1)}}} ...` (report.qmd runs no code: quote a value with "
                "{{< meta report.<key> >}} or include a fragment)"
            )
        if match.group(3):
            found.append(f"raw inline `...`{match.group(3)} (write Markdown)")
        return " " * len(match.group(0))

    prose = _CODE_SPAN.sub(code_span, text)
    heading = _HEADING.match(prose)
    if heading and len(heading.group(1)) == 1:
        found.append("level-1 heading `# ...` (the title is the only level-1 heading: use `##`)")
    div = DIV_FENCE.match(prose)
    if div and div.group(1):
        spec = div.group(1)
        found += (
            _attribute_problems(spec, div=True) if spec.startswith("{") else _class_problems(spec, div=True)
        )
    for block in _ATTRIBUTE_BLOCK.findall(prose) + (
        [heading.group(2)] if heading and heading.group(2) else []
    ):
        found += _attribute_problems(block)
    found += _shortcode_problems(prose)
    for match in _CROSSREF.finditer(prose):
        if match.group(1).lower() not in SUPPORTED_FEATURES["crossref_prefixes"]:
            found.append(
                f"cross-reference `{match.group(0).lstrip('-')}` (only @fig- and @tbl- are numbered)"
            )
    for match in _IMAGE.finditer(prose):
        src = match.group(1)
        if re.match(r"^(/|[A-Za-z]:[\\/]|[A-Za-z][\w+.-]*:)", src):
            found.append(
                f"image `{src}`: write a path relative to the folder report.qmd is in (an absolute path fails "
                "under Quarto's Typst --root, quarto-cli issue 7354; a remote image is fetched at build time)"
            )
    return found


def _shortcode_problems(text: str) -> list[str]:
    found = []
    block = BLOCK_SHORTCODE.match(text)
    recognised = {match.start() for match in INLINE_SHORTCODE.finditer(text)}
    for match in _ANY_SHORTCODE.finditer(text):
        name = match.group(1)
        if match.start() not in recognised:
            found.append(
                f"`{match.group(0)}...`: write a shortcode as `{{{{< name arguments >}}}}`, one space inside each "
                "brace, as Quarto recognises it"
            )
        elif name not in SUPPORTED_FEATURES["shortcodes"]:
            found.append(f"shortcode `{{{{< {name} >}}}}` (the engines implement include and meta)")
        elif name == "include" and not block:
            found.append(
                "`{{< include >}}` inside a line (Quarto includes a file only from a line of its own)"
            )
    return found


def _attribute_problems(text: str, div: bool = False) -> list[str]:
    found = []
    for token, value in _ATTRIBUTE_TOKEN.findall(text.strip()[1:-1]):
        if token.startswith("."):
            found += _class_problems(token[1:], div)
        elif token.startswith("#"):
            if div and re.match(r"#(fig|tbl)-", token):
                found.append(
                    f"cross-reference div `::: {{{token}}}` (write a figure as ![Caption](file.png){{{token} "
                    'fig-alt="..."} and a table with its caption line `: Caption {#tbl-...}`)'
                )
        elif token in _SUBFIGURE:
            found.append(f"subfigure layout `{token}` (one image per figure)")
        elif not value:
            found.append(f"attribute `{token}`")
        elif token not in SUPPORTED_FEATURES["attributes"]:
            found.append(f"attribute `{token}`")
        elif token in {"when-format", "unless-format"}:
            name = value.strip("\"'")
            if name not in SUPPORTED_FEATURES["when_formats"]:
                found.append(f'{token}="{name}" (Quarto matches "pdf" to LaTeX only; use "typst")')
    return found


def _class_problems(name: str, div: bool = False) -> list[str]:
    if name in SUPPORTED_FEATURES["div_classes"]:
        return []
    return [f"{'div ' if div else ''}class `.{name}`"]
