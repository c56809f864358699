"""The one boundary where values become markup: text from an export prints literally, always.

Everything the report shows that came from an export (a team, a category, a quote, an
Ombudsman summary), and every label, phrase or sentence computed from one, passes through
this module on its way into a Markdown fragment, a metadata value or raw Typst. Nothing else
in the code writes such a value into markup.

- :func:`text` (Markdown and pandoc metadata strings, which pandoc also reads as Markdown):
  every ASCII punctuation character is backslash-escaped. Pandoc's Markdown lets any
  punctuation be escaped this way (the ``all_symbols_escapable`` extension,
  https://pandoc.org/MANUAL.html#backslash-escapes), so ``<img onerror=...>``,
  ``[x](javascript:...)``, ``@cite``, ``$math$``, ``{{< include >}}``, `` `{python}` ``,
  ``#read()``, a ``|`` inside a pipe table and a leading ``#``, ``1.`` or ``-`` all print as
  the characters they are. Quarto finds shortcodes in the raw text by the pattern
  ``{{< name >}}`` (quarto-cli ``src/core/lib/parse-shortcode.ts``), which an escaped
  ``\\{\\{\\<`` never matches. Line breaks and runs of spaces become one space, so a value
  can never start a block of its own (a heading, a list, an indented code block).
- :func:`attribute`: a value inside a double-quoted attribute (``fig-alt="..."``), escaped the
  same way (pandoc removes the backslashes there too).
- :func:`chart_text`: a label or title drawn on a chart image, on one line and shortened with an
  ellipsis when it is longer than a chart can show (the figure's caption, alt text and data table
  keep it whole). Matplotlib never reads it as mathtext: ``charts.apply_style`` turns mathtext off,
  so ``$`` prints as written.
- :func:`typst_string`: a Typst string literal, for the raw Typst the project writes itself
  (Typst made by pandoc from the Markdown is escaped by pandoc's Typst writer).
- :func:`html_text`: text (or a double-quoted attribute value) in HTML the project writes itself,
  without pandoc: the reviewer's note (``review_note.py``).
- :class:`Ref`: a cross-reference (``@fig-volume``) that computed sentences may hold. It is
  markup the code writes, never text from data, and only ever reaches a Markdown fragment
  (``{{< include >}}``), never a metadata value: Quarto escapes computed inline values, so a
  reference inside one would lose its link (quarto-cli ``src/core/jupyter/jupyter-inline.ts``).

Control characters other than white space print as nothing and are left out of every target
(Typst's PDF/UA check refuses a character no font can show). CSV cells are made safe where CSVs
are written (``spreadsheet.write_csv``).
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_PUNCTUATION = re.compile("([" + re.escape(string.punctuation) + "])")
_WHITESPACE = re.compile(r"\s+")
# Control characters that are not white space (C0, DEL, C1): nothing a reader can see, and fonts have no
# glyph for them, which Typst's PDF/UA check refuses. White space ones become a space (``_WHITESPACE``).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
_LABEL = re.compile(r"^(fig|tbl)-[a-z0-9][a-z0-9-]*$")
_IDENTIFIER = re.compile(r"^[a-z][a-z0-9-]*$")


@dataclass(frozen=True)
class Ref:
    """A cross-reference to a numbered figure or table: ``Ref("fig-volume")`` -> ``@fig-volume``."""

    label: str

    def __post_init__(self) -> None:
        if not _LABEL.match(self.label):
            raise ValueError(f"{self.label!r} is not a figure or table label (fig-... or tbl-...)")


# A sentence is plain text, or a sequence of plain text and cross-references.
Sentence = str | Sequence[str | Ref]


@dataclass(frozen=True)
class Bullets:
    """A bulleted list among a section's sentences: each item is plain text (a label from an export, a
    count), escaped like any other text. The list ends the paragraph before it."""

    items: tuple[str, ...]


class _NewParagraph:
    """Where a section's sentences start a new paragraph."""

    def __repr__(self) -> str:
        return "NEW_PARAGRAPH"


NEW_PARAGRAPH = _NewParagraph()


def one_line(value: object) -> str:
    """The value as text on one line: line breaks and runs of white space become one space, and
    control characters (which print as nothing) are left out."""
    return _CONTROL.sub("", _WHITESPACE.sub(" ", str(value)))


def text(value: object) -> str:
    """Plain text (from data, or computed from it) as Markdown that shows exactly that text."""
    return _PUNCTUATION.sub(r"\\\1", one_line(value))


def sentence(value: Sentence) -> str:
    """A sentence as Markdown: its text escaped, its cross-references as ``@label``."""
    if isinstance(value, str):
        return text(value)
    return "".join(f"@{part.label}" if isinstance(part, Ref) else text(part) for part in value)


def paragraph(sentences: Iterable[Sentence]) -> str:
    """Sentences as one Markdown paragraph; empty ones are left out. Empty when all are."""
    return " ".join(sentence(s).strip() for s in sentences if s and sentence(s).strip())


def blocks(parts: Iterable[Sentence | Bullets | _NewParagraph]) -> str:
    """A section's sentences as Markdown blocks: consecutive sentences make one paragraph; a
    :class:`Bullets` is a list of its own, and :data:`NEW_PARAGRAPH` ends a paragraph. Empty sentences,
    empty lists and empty paragraphs are left out."""
    out: list[str] = []
    current: list[Sentence] = []

    def close() -> None:
        text = paragraph(current)
        if text:
            out.append(text)
        current.clear()

    for part in parts:
        if isinstance(part, _NewParagraph):
            close()
        elif isinstance(part, Bullets):
            close()
            items = [text(item).strip() for item in part.items if str(item).strip()]
            if items:
                out.append("\n".join(f"- {item}" for item in items))
        else:
            current.append(part)
    close()
    return "\n\n".join(out)


def attribute(value: object) -> str:
    """A value for a double-quoted Markdown attribute, e.g. ``fig-alt="..."``.

    Pandoc reads a quoted attribute value as text, not Markdown, and removes the backslash of
    any escaped punctuation in it; the HTML and Typst writers then escape the value for their own
    syntax. Every punctuation character is escaped, as in :func:`text`, so that no shortcode
    (``{{< include >}}``) or inline expression that Quarto would look for in the raw text appears
    inside an attribute either.
    """
    return text(value).strip()


def heading(level: int, value: object, identifier: str | None = None) -> str:
    """A Markdown heading whose text is a value (e.g. a team's name), with an id the code chose.

    Every heading pandoc or Quarto reads needs ``identifier``: without one they make the heading's
    id from its text, so the page would hold an attribute made from the data (and a team named
    like another heading would take its id). Only Markdown shown in a notebook goes without.
    """
    if identifier is None:
        return f"{'#' * level} {text(value).strip()}"
    if not _IDENTIFIER.match(identifier):
        raise ValueError(f"{identifier!r} is not an identifier (lower-case letters, digits and hyphens)")
    return f"{'#' * level} {text(value).strip()} {{#{identifier}}}"


def blockquote(value: object) -> str:
    """A quotation (e.g. a compliment) as a Markdown block quote of one paragraph."""
    return f"> {text(value).strip()}"


def pipe_table(columns: Sequence[object], rows: Iterable[Sequence[object]]) -> str:
    """A pipe table of text cells, left-aligned, every heading and cell escaped.

    Each column's separator has as many dashes as its widest cell: when a row is wider
    than the page, pandoc sizes the columns in proportion to them
    (https://pandoc.org/MANUAL.html#extension-pipe_tables).
    """
    header = [text(c).strip() for c in columns]
    body = [[text(c).strip() for c in row] for row in rows]
    widths = [max([len(header[i]), 3] + [len(row[i]) for row in body]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)) + " |"

    separator = "|" + "|".join(":" + "-" * (width + 1) for width in widths) + "|"
    return "\n".join([line(header), separator, *(line(row) for row in body)])


def caption_line(caption: object, label: str) -> str:
    """A table's caption paragraph, as pandoc and Quarto read it after a table: ``: text {#tbl-x}``."""
    if not _LABEL.match(label):
        raise ValueError(f"{label!r} is not a table label (tbl-...)")
    return f": {text(caption).strip()} {{#{label}}}"


def html_text(value: object) -> str:
    """Text for HTML the project writes itself: ``&``, ``<``, ``>`` and both quotes as character
    references (https://html.spec.whatwg.org/#escapingString), so it is text in an element and in a
    double-quoted attribute alike."""
    import html

    return html.escape(str(value), quote=True)


def chart_text(value: object, limit: int = 60) -> str:
    """Text drawn on a chart (an axis label, a title): one line, at most ``limit`` characters.

    A longer value ends with an ellipsis: a 5,000-character team name would otherwise cover the
    chart. The value is shown whole in the figure's caption, its alt text and its data table.
    """
    shown = one_line(value).strip()
    return shown if len(shown) <= limit else shown[: limit - 1].rstrip() + "…"


def typst_string(value: object) -> str:
    """A Typst string literal holding the value as text (https://typst.app/docs/reference/foundations/str/)."""
    escaped = one_line(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
