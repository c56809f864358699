"""The mechanical rules of the report's written style (docs/style.md), checked on its text.

A person edits the sentences; this module finds what a machine can find for sure, so a report
never ships with the slips issue 11 lists:

- ``numeral-start``: a sentence that opens with a numeral ("22 compliments were recorded.").
  GOV.UK: "If a number starts a sentence, write it out in full ... except where it starts a
  title or subheading" - so headings and captions are exempt.
- ``repeated-sentence``: the same sentence twice anywhere in the report.
- ``near-duplicate``: two sentences that say nearly the same thing in different words
  (a definition given twice, an introduction that repeats the opening sentence).
- ``caption-repeats-text``: a figure or table caption that repeats a sentence of its section.
- ``double-statement``: the same fact twice in a row - adjacent sentences built on the same
  phrase ("... will be reported in the 2022/23 report. ... will be reported in next year's
  report."), or a template stutter ("Of the 85 complaints answered, 65% were answered ...").
- ``bare-zero``: a bare "0", "£0" or "0%" in prose or a caption where "no" or "none" belongs
  ("1 statutory and 0 non-statutory", "A further 0% took 11 to 20 working days").
- ``percent-change``: a change between two percentages given as a per cent ("81%, compared with
  74% ... a 7% increase") instead of percentage points (ONS: "A percentage point is the
  difference between percentages").
- ``raw-label``: a data label as the computer holds it (``fault_found``).
- ``bracketed-labels``: a list of labels dropped into brackets ("(Not about Children's Services,
  duplicate complaint)") instead of a sentence or a bulleted list.

Use :func:`check_html` on a built ``report.html``, or build :class:`Block` lists yourself and call
:func:`check`. Quotes (``<blockquote>``) are people's words, printed as written: never checked.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from complaints_report.content import PLACEHOLDER_MARK

PROSE = "prose"  # paragraphs and list items: the report's sentences
HEADING = "heading"
CAPTION = "caption"  # figure and table captions (titles)
TABLE = "table"  # table cells
QUOTE = "quote"  # quoted compliments: data, printed as written

RULES = {
    "numeral-start": "a sentence opens with a numeral: spell the number out, or reword so it comes later",
    "repeated-sentence": "the same sentence appears more than once in the report: say it once",
    "near-duplicate": "two sentences say nearly the same thing: keep one",
    "caption-repeats-text": "the caption repeats a sentence of its section: let the caption add the "
    "source or the detail instead",
    "double-statement": "the same fact twice in a row: merge the sentences or drop one",
    "bare-zero": "a bare 0 in a sentence: write 'no' or 'none'",
    "percent-change": "a change between two percentages in %: give it in percentage points",
    "raw-label": "a raw data label in the text: write it in words",
    "bracketed-labels": "a list of labels in brackets: write them into the sentence or as a bulleted list",
}


@dataclass(frozen=True)
class Block:
    """A piece of the report's text as a reader meets it: its kind and the section it sits in.

    ``group`` ties the items of one list together: a list's items are parallel by design, so
    they are not read as a double statement.
    """

    kind: str
    text: str
    section: str = ""
    group: int | None = None


@dataclass(frozen=True)
class Finding:
    rule: str
    text: str
    section: str
    detail: str

    def __str__(self) -> str:
        where = f" ({self.section})" if self.section else ""
        return f"{self.rule}{where}: {self.text!r} - {self.detail}"


# ----------------------------------------------------------------------------- reading HTML

_BLOCK_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "figcaption", "caption", "th", "td"}
_STOP_TAGS = _BLOCK_TAGS | {"ul", "ol", "dl", "table", "figure", "details", "blockquote", "div", "summary"}
_SKIP_TAGS = ("script", "style", "svg", "nav", "noscript", "template", "summary", "button")


def blocks_from_html(html: str) -> list[Block]:
    """The report's text in reading order, as blocks: headings, prose (paragraphs and list items),
    captions, table cells and quotes, each with the title of the section (``h2``) it sits in.
    Navigation (the table of contents), scripts, the "Data for this chart" toggles and the
    "Narrative needed" placeholders (a notice to the analyst, refused by ``--strict``) are left out.
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(list(_SKIP_TAGS)):
        tag.decompose()
    for callout in soup.select(".callout"):
        if PLACEHOLDER_MARK in callout.get_text():
            callout.decompose()  # the tool's notice to the analyst, not one of the report's sentences
    root = soup.body or soup
    blocks: list[Block] = []
    section = ""
    lists: dict[int, int] = {}
    for element in root.find_all(_BLOCK_TAGS):
        text = _normalise(_own_text(element))
        if element.name in {"h1", "h2"} and text:
            section = text
        if not text:
            continue
        if element.find_parent("blockquote") is not None:
            kind = QUOTE
        elif element.name.startswith("h"):
            kind = HEADING
        elif element.name in {"figcaption", "caption"}:
            kind = CAPTION
        elif element.name in {"th", "td"}:
            kind = TABLE
        else:
            kind = PROSE
        group = None
        if element.name == "li" and element.parent is not None:
            group = lists.setdefault(id(element.parent), len(lists) + 1)
        blocks.append(Block(kind, text, section, group))
    return blocks


def _own_text(element) -> str:
    """The element's text without the text of the blocks nested inside it (a list item's
    sub-list, a list item's paragraphs): each of those is a block of its own."""
    parts = []
    for piece in element.find_all(string=True):
        parent = piece.parent
        while parent is not element and parent.name not in _STOP_TAGS:
            parent = parent.parent
        if parent is element:
            parts.append(str(piece))
    return "".join(parts)


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# ----------------------------------------------------------------------------- sentences

_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "No.", "no.", "Dr.", "Mr.", "Mrs.", "Ms.", "St.", "vs.", "approx.")
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z0-9£])")


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences ('e.g.' and the like do not end one)."""
    pieces = [piece for piece in _SENTENCE_END.split(_normalise(text)) if piece]
    merged: list[str] = []
    for piece in pieces:
        if merged and merged[-1].endswith(_ABBREVIATIONS):
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece)
    return merged


_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def _key(sentence: str) -> str:
    """A sentence as compared for repeats: case, curly quotes, spacing and the final stop ignored."""
    return _normalise(sentence.translate(_QUOTES).lower()).rstrip(" .;:!?")


_STOPWORDS = frozenset(
    """a about above after again all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have
    having he her here hers him his how i if in into is it its itself just me more most my no nor not
    now of off on once only or other our ours out over own same she should so some such than that the
    their theirs them then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours""".split()
)
_WORD = re.compile(r"[a-z0-9£%]+(?:['/.,-][a-z0-9%]+)*")


def _tokens(sentence: str) -> list[str]:
    return _WORD.findall(sentence.translate(_QUOTES).lower())


def _content(sentence: str) -> set[str]:
    """The words that carry a sentence's meaning, singular: 'complaints' and 'complaint' match."""
    words = set()
    for token in _tokens(sentence):
        if token in _STOPWORDS or (len(token) < 3 and not token[0].isdigit()):
            continue
        token = token.removesuffix("'s")
        words.add(
            token[:-1] if len(token) > 3 and token.endswith("s") and not token.endswith("ss") else token
        )
    return words


# ----------------------------------------------------------------------------- the rules


@dataclass(frozen=True)
class _Sentence:
    text: str
    block: Block
    index: int  # position in the reading order of prose sentences


def check_html(html: str) -> list[Finding]:
    """Every finding in a built report page (``report.html``)."""
    return check(blocks_from_html(html))


def check(blocks: Iterable[Block]) -> list[Finding]:
    """Every finding in the report's text, in the order of :data:`RULES`, then of the text."""
    blocks = list(blocks)
    prose = [
        _Sentence(text, block, 0) for block in blocks if block.kind == PROSE for text in sentences(block.text)
    ]
    prose = [_Sentence(s.text, s.block, number) for number, s in enumerate(prose)]
    findings = (
        _numeral_start(prose)
        + _repeated(prose)
        + _near_duplicates(prose)
        + _caption_repeats_text(blocks, prose)
        + _double_statements(prose)
        + _bare_zeros(prose, blocks)
        + _percent_changes(prose)
        + _raw_labels(blocks)
        + _bracketed_labels(prose, blocks)
    )
    return findings


def _finding(rule: str, text: str, section: str, detail: str = "") -> Finding:
    return Finding(rule, text, section, detail or RULES[rule])


_LEADING_NUMERAL = re.compile(r"^[\"“‘(\[]*(?:£\s?)?\d")


def _numeral_start(prose: list[_Sentence]) -> list[Finding]:
    return [
        _finding("numeral-start", s.text, s.block.section) for s in prose if _LEADING_NUMERAL.match(s.text)
    ]


def _repeated(prose: list[_Sentence]) -> list[Finding]:
    counts = Counter(_key(s.text) for s in prose if len(_tokens(s.text)) >= 4)
    seen, findings = set(), []
    for s in prose:
        key = _key(s.text)
        if counts.get(key, 0) > 1 and key not in seen:
            seen.add(key)
            findings.append(
                _finding(
                    "repeated-sentence", s.text, s.block.section, f"appears {counts[key]} times: say it once"
                )
            )
    return findings


NEAR_DUPLICATE_SHARE = 0.6  # of the two sentences' meaning words, shared (Jaccard)
NEAR_DUPLICATE_MIN_WORDS = 6


def _near_duplicates(prose: list[_Sentence]) -> list[Finding]:
    words = [_content(s.text) for s in prose]
    findings = []
    for (i, first), (j, second) in itertools.combinations(enumerate(prose), 2):
        a, b = words[i], words[j]
        if min(len(a), len(b)) < NEAR_DUPLICATE_MIN_WORDS or _key(first.text) == _key(second.text):
            continue
        if len(a & b) / len(a | b) >= NEAR_DUPLICATE_SHARE:
            findings.append(
                _finding(
                    "near-duplicate",
                    second.text,
                    second.block.section,
                    f"says nearly what {first.text!r} ({first.block.section}) says: keep one",
                )
            )
    return findings


CAPTION_REPEAT_SHARE = 0.8  # of the caption's meaning words, found in one sentence of its section
_CAPTION_LABEL = re.compile(r"^(?:Figure|Table|Chart|Graph)\s+\d+[.:]\s*")


def _caption_repeats_text(blocks: list[Block], prose: list[_Sentence]) -> list[Finding]:
    findings, seen = [], set()
    for block in blocks:
        if block.kind != CAPTION:
            continue
        caption = _CAPTION_LABEL.sub("", block.text).removesuffix("(data)").strip()
        words = _content(caption)
        if len(words) < 4 or _key(caption) in seen:
            continue
        for s in prose:
            if s.block.section == block.section and len(words & _content(s.text)) / len(words) >= (
                CAPTION_REPEAT_SHARE
            ):
                seen.add(_key(caption))
                findings.append(
                    _finding(
                        "caption-repeats-text",
                        caption,
                        block.section,
                        f"repeats {s.text!r}: let the caption add the source or the detail instead",
                    )
                )
                break
    return findings


ECHO_WINDOW = 12  # words
_ECHO_WORD = re.compile(r"^[a-z]{3,}ed$")  # participles and past verbs: 'answered', 'investigated'


def _double_statements(prose: list[_Sentence]) -> list[Finding]:
    findings = []
    # A predicate two sentences of one section both build on: the second restates the first.
    for first, second in itertools.combinations(prose, 2):
        if first.block.section != second.block.section:
            continue
        if first.block.group is not None and first.block.group == second.block.group:
            continue  # the items of one list are parallel by design
        if _key(first.text) == _key(second.text):
            continue  # a repeated sentence, found as such
        shared = _shared_phrase(first.text, second.text)
        a, b = _content(first.text), _content(second.text)
        if shared and a and b and len(a & b) / len(a | b) >= RESTATEMENT_SHARE:
            findings.append(
                _finding(
                    "double-statement",
                    second.text,
                    second.block.section,
                    f"restates {first.text!r} (both say '{shared}'): say it once",
                )
            )
    # A stutter inside one paragraph: the same verb twice within a few words.
    for block_sentences in _by_block(prose):
        text = " ".join(s.text for s in block_sentences)
        echo = _echo(text)
        if echo:
            findings.append(
                _finding(
                    "double-statement",
                    text,
                    block_sentences[0].block.section,
                    f"says '{echo}' twice within a few words: say it once",
                )
            )
    return findings


def _echo(text: str) -> str:
    """A verb said twice within ECHO_WINDOW words ('Of the 85 complaints answered, 65% were
    answered'); '' when none. A contrast ('accepted ... not accepted'), a definition ('received
    ... counts as received') and an aside in brackets are not echoes."""
    tokens = _tokens(re.sub(r"\([^()]*\)", " ", text))
    for position, token in enumerate(tokens):
        if len(token) < 6 or not _ECHO_WORD.match(token):
            continue
        window = tokens[position + 1 : position + 1 + ECHO_WINDOW]
        for offset, other in enumerate(window, start=position + 1):
            if other == token and tokens[offset - 1] not in {"not", "as"}:
                return token
    return ""


def _by_block(prose: list[_Sentence]) -> list[list[_Sentence]]:
    groups: list[list[_Sentence]] = []
    for s in prose:
        if groups and groups[-1][0].block is s.block:
            groups[-1].append(s)
        else:
            groups.append([s])
    return groups


SHARED_PHRASE_WORDS = 4
RESTATEMENT_SHARE = 0.2  # of the two sentences' meaning words, shared, beside the shared phrase


def _shared_phrase(first: str, second: str) -> str:
    """A run of SHARED_PHRASE_WORDS words both sentences hold around the same verb ('will be
    reported in'); '' when there is none. A shared topic ('about the quality of service') is not
    a restatement: the run must hold a past participle such as 'reported' or 'investigated'."""
    a, b = _tokens(first), _tokens(second)
    n = SHARED_PHRASE_WORDS
    grams = {tuple(a[i : i + n]) for i in range(len(a) - n + 1)}
    for i in range(len(b) - n + 1):
        gram = tuple(b[i : i + n])
        if gram in grams and any(len(w) >= 6 and _ECHO_WORD.match(w) for w in gram):
            return " ".join(gram)
    return ""


_BARE_ZERO = re.compile(r"(?<![\w.,/:£-])(?P<money>£)?0(?P<pct>%)?(?![\w%/:]|[.,]\d)")


def _has_bare_zero(text: str) -> bool:
    """A '0', '£0' or '0%' standing for 'none'. A percentage that a change moves to or from
    ('fell by 5 percentage points to 0%') is a point on a scale, not a count: allowed."""
    for match in _BARE_ZERO.finditer(text):
        if match.group("pct") and re.search(r"\b(?:to|from)\s*$", text[: match.start()]):
            continue
        return True
    return False


def _bare_zeros(prose: list[_Sentence], blocks: list[Block]) -> list[Finding]:
    findings = [_finding("bare-zero", s.text, s.block.section) for s in prose if _has_bare_zero(s.text)]
    findings += [
        _finding("bare-zero", block.text, block.section)
        for block in blocks
        if block.kind == CAPTION and _has_bare_zero(block.text)
    ]
    return findings


_PERCENT = re.compile(r"\d+(?:\.\d+)?%")
_PERCENT_CHANGE = re.compile(
    r"\d+(?:\.\d+)?%\s+(?:increase|decrease|rise|fall|drop|reduction|improvement|deterioration|"
    r"higher|lower|better|worse)\b"
    r"|\b(?:rose|fell|increased|decreased|improved|dropped|grew|declined|went up|went down|up|down)"
    r"\s+(?:by\s+)?\d+(?:\.\d+)?%",
    re.I,
)


def _percent_changes(prose: list[_Sentence]) -> list[Finding]:
    findings = []
    for previous, s in zip([None, *prose], prose, strict=False):
        change = _PERCENT_CHANGE.search(s.text)
        if not change:
            continue
        others = len(_PERCENT.findall(s.text)) - 1
        if previous is not None and previous.block is s.block:
            others += len(_PERCENT.findall(previous.text))
        if others:
            findings.append(
                _finding(
                    "percent-change",
                    s.text,
                    s.block.section,
                    f"'{change.group(0)}' compares two percentages: give the change in percentage points",
                )
            )
    return findings


_RAW_LABEL = re.compile(r"(?<![\w@/.-])[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+(?![\w@/-]|\.\w)")


def _raw_labels(blocks: list[Block]) -> list[Finding]:
    findings = []
    for block in blocks:
        if block.kind == QUOTE:
            continue
        for label in _RAW_LABEL.findall(block.text):
            findings.append(
                _finding("raw-label", label, block.section, f"{label!r} in {block.text!r}: write it in words")
            )
    return findings


_LIST_OPENERS = ("for example", "e.g.", "such as", "including", "or ", "and ", "see ")
LABEL_WORDS = 4  # a bracketed item this short, with no number, is a label


def _brackets(text: str) -> list[str]:
    """The contents of each top-level pair of round brackets."""
    found, depth, start = [], 0, 0
    for position, char in enumerate(text):
        if char == "(":
            if depth == 0:
                start = position + 1
            depth += 1
        elif char == ")" and depth:
            depth -= 1
            if depth == 0:
                found.append(text[start:position])
    return found


def _is_label_list(content: str) -> bool:
    content = content.strip()
    if content.lower().startswith(_LIST_OPENERS):
        return False
    if ";" in content:
        return len([item for item in content.split(";") if item.strip()]) >= 2
    items = [item.strip() for item in content.split(",")]
    if len(items) < 2 or re.search(r"\d", content):
        return False
    return all(item and len(item.split()) <= LABEL_WORDS for item in items)


def _bracketed_labels(prose: list[_Sentence], blocks: list[Block]) -> list[Finding]:
    texts = [(s.text, s.block.section) for s in prose]
    texts += [(block.text, block.section) for block in blocks if block.kind == CAPTION]
    return [
        _finding("bracketed-labels", f"({content})", section, f"in {text!r}: {RULES['bracketed-labels']}")
        for text, section in texts
        for content in _brackets(text)
        if _is_label_list(content)
    ]
