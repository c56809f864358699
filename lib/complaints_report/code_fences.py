"""Fenced code blocks in Markdown, read line by line as pandoc and CommonMark read them (CommonMark
spec 0.31, "Fenced code blocks"): a fence of three or more backticks or tildes, indented at most
three spaces, opens a block; the block closes at a fence of the same character, at least as long,
with nothing after it. Shared by the narrative safety check and the built-in engine's feature check,
so both agree on what is code and what is prose."""

from __future__ import annotations

import re

FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[ \t]*(.*?)[ \t]*$")


class FenceReader:
    """Reads a document a line at a time and says, for each line, whether it is code."""

    def __init__(self) -> None:
        self._open: tuple[str, int] | None = None  # the open fence's character and length

    def read(self, line: str) -> tuple[bool, str | None]:
        """(the line is part of a code block, fences included; the info string after the fence when
        the line opens a block, e.g. '{python}' or '' — else None)."""
        if self._open is not None:
            closing = FENCE.match(line)
            if (
                closing
                and closing.group(1)[0] == self._open[0]
                and len(closing.group(1)) >= self._open[1]
                and not closing.group(2)
            ):
                self._open = None
            return True, None
        opening = FENCE.match(line)
        if opening:
            self._open = (opening.group(1)[0], len(opening.group(1)))
            return True, opening.group(2)
        return False, None
