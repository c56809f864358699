"""Which lines of Markdown are code: the narrative check and the built-in engine read them alike."""

from __future__ import annotations

from complaints_report.code_fences import FenceReader


def read(text: str) -> list[tuple[bool, str | None]]:
    fences = FenceReader()
    return [fences.read(line) for line in text.splitlines()]


def test_a_fenced_block_is_code_from_its_opening_to_its_closing_fence_and_gives_its_info_string():
    assert read("Prose.\n```{python}\nx = 1\n```\nMore prose.") == [
        (False, None),
        (True, "{python}"),
        (True, None),
        (True, None),
        (False, None),
    ]


def test_a_block_closes_only_at_a_fence_of_its_own_character_at_least_as_long_with_nothing_after_it():
    text = "````\n~~~~\n```\n```` not a close\n`````\nprose"
    assert [code for code, _ in read(text)] == [True, True, True, True, True, False]


def test_a_fence_indented_four_spaces_is_not_a_fence():
    assert read("    ```\nprose") == [(False, None), (False, None)]
