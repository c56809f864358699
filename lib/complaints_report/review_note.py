"""The reviewer's note: how a report was built, for the person who checks it before it is published.

The public report says, in public language, how the figures are counted ("How we count"). What a
reviewer needs besides (every input row accounted for, what each reason for leaving a row out
means, the checks that the figures add up, the build's warnings and what the manifest records)
is here, in one HTML page written beside the report's results:
``--out/<year>/<service>-internal/review.html``. That folder is never published: the page links
to ``rows.csv``, which names every case reference.

The page is self-contained (its style inline, nothing loaded) and plain: headings, tables with
captions and header cells, lists. Every value passes through ``markup.html_text``. It imports
nothing heavy, so writing it adds nothing to a build's time.
"""

from __future__ import annotations

from pathlib import Path

from complaints_report import optional_inputs
from complaints_report.markup import html_text
from complaints_report.vocabulary import SERVICE_NAMES

REVIEW_FILE = "review.html"
ROWS_FILE = "rows.csv"  # artefacts.ROWS_FILE (not imported: artefacts is written with pandas at hand)
WARNINGS_FILE = "warnings.json"
METRICS_FILE = "metrics.json"

# What each reason in the row accounting means (row_accounting.py gives every row one of them;
# tests/test_review_note.py checks that every reason has its meaning here).
REASONS = {
    # counted: the row is used by some figure of the report
    "stage 1": "A stage 1 complaint received this year and accepted: it counts in this year's figures.",
    "in year": "Received this year: it counts in this year's figures.",
    "still open (counted as open)": "A complaint received this year with neither a response nor an outcome: "
    "it counts in the complaints received and as open, not in the outcomes or response times.",
    "rejected (counted in complaints received and rejected only)": "A complaint received this year that the "
    "council did not accept: it counts in the complaints received and those rejected, nowhere else.",
    "stage 2 (counted in stage 2 figures)": "A complaint that went on to stage 2 this year: it counts in the "
    "stage 2 figures only.",
    "stage 3 (counted in stage 3 figures)": "A complaint that went on to stage 3 this year: it counts in the "
    "stage 3 figures only.",
    "last year (used only for comparisons with last year)": "Received last year: it is used only for the "
    "comparisons with last year.",
    "earlier year (used only in the charts of recent years)": "Received two years ago: it is used only in the "
    "charts that show recent years.",
    "earlier year (used only in the five-year complaints trend)": "Received three or four years ago: it is "
    "used only in the five-year trend of complaints received.",
    "published figure (used only where case data does not give it)": "A figure the council published for an "
    "earlier year: used only where the case records do not give that figure.",
    "published figure (used only in the five-year complaints trend, where case data does not give it)": "A "
    "published count of complaints for an earlier year: used only in the five-year trend, where the case "
    "records do not give it.",
    "figure for this year": "A context or comparator figure for this year: it is used in this year's figures.",
    "figure for last year (used only for comparisons with last year)": "A context or comparator figure for "
    "last year: used only for the comparisons with last year.",
    # excluded: no figure of the report uses the row
    "other service": "About the other service (Adult Social Care or Children's Services): it counts in that "
    "service's report instead.",
    "other year": "Received in a year this report does not look at (neither this year, nor the years it "
    "compares with or charts).",
    "later year": "A published figure for a year after this report's year.",
    "too early for this report": "A published figure for a year before the earliest year the report shows.",
    "rejected at stage 2": "A request to take a complaint to stage 2 that was not accepted: it counts in no "
    "figure.",
    "rejected at stage 3": "A request for a stage 3 review that was not accepted: it counts in no figure.",
}
KIND_NAMES = {
    "complaints": "Complaints",
    "enquiries": "Member enquiries",
    "compliments": "Compliments",
    "ombudsman": "Ombudsman cases",
    "history": "Published figures (history)",
    "context": "Context figures",
    "comparators": "Other councils' figures",
}


# ----------------------------------------------------------------------------- checks on the figures


def checks(figures: dict) -> list[tuple[str, bool]]:
    """Sums a reviewer would do by hand, each with whether it adds up."""
    found = []
    received, accepted, rejected = (
        figures.get(k) for k in ("complaints_received", "complaints_accepted", "complaints_rejected")
    )
    if all(isinstance(v, int) for v in (received, accepted, rejected)):
        found.append(
            (
                f"Complaints received ({received:,}) = accepted ({accepted:,}) + not accepted ({rejected:,})",
                received == accepted + rejected,
            )
        )
    outcome_keys = ("upheld", "partly_upheld", "not_upheld", "withdrawn", "open", "outcome_not_recorded")
    outcomes = [figures.get(k) for k in outcome_keys]
    if isinstance(accepted, int) and all(isinstance(v, int) for v in outcomes):
        parts = " + ".join(
            f"{k.replace('_', ' ')} ({v:,})" for k, v in zip(outcome_keys, outcomes, strict=True)
        )
        found.append((f"Complaints accepted ({accepted:,}) = {parts}", accepted == sum(outcomes)))
    bands = [figures.get(k) for k in ("within_10", "within_20", "over_20")]
    answered = figures.get("stage1_responded")
    if isinstance(answered, int) and all(isinstance(v, int) for v in bands):
        found.append(
            (
                f"Complaints with a response ({answered:,}) = within 10 working days ({bands[0]:,}) + 11 to 20 "
                f"({bands[1]:,}) + over 20 ({bands[2]:,})",
                answered == sum(bands),
            )
        )
    totals = figures.get("input_rows")
    if totals:
        found.append(
            (
                f"Rows read ({totals['rows_read']:,}) = counted ({totals['rows_counted']:,}) + excluded "
                f"({totals['rows_excluded']:,})",
                totals["rows_read"] == totals["rows_counted"] + totals["rows_excluded"],
            )
        )
    return found


# ----------------------------------------------------------------------------- HTML


STYLE = """
body { font-family: system-ui, sans-serif; color: #0b0c0c; max-width: 60rem; margin: 0 auto;
  padding: 1rem 1.25rem 3rem; line-height: 1.5; font-size: 1rem; }
h1 { font-size: 1.75rem; } h2 { font-size: 1.35rem; margin-top: 2rem; border-top: 3px solid #12436d;
  padding-top: 0.5rem; }
table { border-collapse: collapse; margin: 1rem 0 1.5rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 700; padding-bottom: 0.5rem; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 1rem 0.35rem 0;
  border-bottom: 1px solid #b1b4b6; }
th { border-bottom: 2px solid #0b0c0c; } td.number { text-align: right; }
code { font-size: 0.9em; overflow-wrap: anywhere; }
.notice { border-left: 0.4rem solid #a34400; background: #fdf1e7; padding: 0.75rem 1rem; }
.ok { color: #00703c; font-weight: 700; } .not-ok { color: #b3261e; font-weight: 700; }
a { color: #1d5a96; } a:focus { outline: 3px solid #0b0c0c; background: #ffdd00; }
""".strip()


def _table(
    caption: str, headers: list[str], rows: list[list[object]], numeric: set[int] = frozenset()
) -> str:
    head = "".join(f'<th scope="col">{html_text(h)}</th>' for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="number">{html_text(_shown(cell))}</td>'
            if i in numeric
            else f"<td>{html_text(_shown(cell))}</td>"
            for i, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><caption>{html_text(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    return "–" if value is None or value == "" else str(value)


def _rows_section(figures: dict) -> str:
    totals = figures.get("input_rows")
    if not totals:
        return "<p>The analysis recorded no row accounting for this build.</p>"
    parts = [
        f"<p>The input files held {totals['rows_read']:,} rows: {totals['rows_counted']:,} are used by some figure "
        f"of the report and {totals['rows_excluded']:,} are not. Every row is listed in "
        f'<a href="{ROWS_FILE}"><code>{ROWS_FILE}</code></a> with its file, its row number as a spreadsheet shows '
        "it, its case reference, whether it was counted and why. That file names case references: it must not be "
        "published.</p>"
    ]
    rows = [
        [KIND_NAMES.get(kind, kind), part["read"], part["counted"], sum(part["excluded"].values())]
        for kind, part in totals["by_kind"].items()
    ]
    rows.append(["All inputs", totals["rows_read"], totals["rows_counted"], totals["rows_excluded"]])
    parts.append(
        _table(
            "Rows read, counted and excluded, by input",
            ["Input", "Read", "Counted", "Excluded"],
            rows,
            {1, 2, 3},
        )
    )
    reasons: dict[tuple[str, str, str], int] = {}
    for kind, part in totals["by_kind"].items():
        for result, key in (("counted", "counted_as"), ("excluded", "excluded")):
            for reason, n in (part.get(key) or {}).items():
                reasons[(kind, result, reason)] = reasons.get((kind, result, reason), 0) + n
    kinds = list(totals["by_kind"])
    ordered = sorted(reasons.items(), key=lambda item: (kinds.index(item[0][0]), item[0][1] != "counted"))
    listed = [
        [KIND_NAMES.get(kind, kind), result, reason, n, REASONS.get(reason, "")]
        for (kind, result, reason), n in ordered
    ]
    parts.append(
        _table(
            "Why each row was counted or excluded",
            ["Input", "Result", "Reason", "Rows", "What it means"],
            listed,
            {3},
        )
    )
    return "".join(parts)


def _checks_section(figures: dict) -> str:
    items = []
    for text, holds in checks(figures):
        mark = '<span class="ok">adds up</span>' if holds else '<span class="not-ok">does not add up</span>'
        items.append(f"<li>{html_text(text)}: {mark}</li>")
    return f"<ul>{''.join(items)}</ul>" if items else "<p>No checks apply to these figures.</p>"


def _warnings_section(warnings: list[str]) -> str:
    if not warnings:
        return "<p>The build gave no warnings.</p>"
    items = "".join(f"<li>{html_text(w)}</li>" for w in warnings)
    return (
        '<p class="notice">Deal with each warning before the report is published; <code>--strict</code> turns '
        f"them into errors.</p><ul>{items}</ul>"
    )


def _code_marked(text: str) -> str:
    """Text with the contract's names in backticks ('a `complainant` column') set as code, all of it escaped."""
    parts = text.split("`")
    return "".join(
        f"<code>{html_text(part)}</code>" if i % 2 else html_text(part) for i, part in enumerate(parts)
    )


def _optional_inputs_section(figures: dict) -> str:
    """What adding each missing optional input would show: the public report says only "This report cannot
    yet show ..."; the analyst reads here what to add to the exports (the contract's names) to show it."""
    missing = optional_inputs.missing(figures)
    if not missing:
        return '<p>Every optional input was given: the report shows all of "Who complained".</p>'
    items = "".join(
        f"<li>To show {html_text(shows)}, add {_code_marked(what)}.</li>" for what, shows in missing
    )
    return (
        '<p>The public report says only that it "cannot yet show" these. Each needs an optional input '
        "(docs/data-contract.md, under Files and Columns), mapped through <code>mapping.yaml</code> like every "
        "column:</p>"
        f"<ul>{items}</ul>"
    )


def _manifest_section(manifest: dict, service: str) -> str:
    build = manifest.get("build", {})
    options = manifest.get("options", {})
    analysis = build.get("analysis", {})
    facts = [
        ["Reporting year", manifest.get("year")],
        ["Service", SERVICE_NAMES.get(service, service)],
        ["Rendering engine", manifest.get("engine")],
        ["Formats", ", ".join(manifest.get("formats", []))],
        ["Small-number suppression (--suppress-below)", options.get("suppress_below") or "off"],
        ["Strict (--strict)", bool(options.get("strict"))],
        [
            "Analysis notebook",
            "run by this build" if analysis.get("ran") else "reused from the previous build",
        ],
        ["Code version (git commit)", manifest.get("git_commit")],
        ["Published files", len(manifest.get("files", {}))],
    ]
    parts = [
        _table("The build", ["", ""], facts),
        _table(
            "Input files, with their SHA-256 hashes",
            ["File", "SHA-256"],
            [[item["file"], item["sha256"]] for item in manifest.get("inputs", [])],
        ),
        _table(
            "Narrative files, with their SHA-256 hashes",
            ["File", "SHA-256"],
            [[item["file"], item["sha256"]] for item in manifest.get("narrative", [])],
        ),
        _table(
            "Software versions",
            ["Package", "Version"],
            [[k, v] for k, v in manifest.get("versions", {}).items()],
        ),
    ]
    return "".join(parts)


def html(*, service: str, year_display: str, figures: dict, manifest: dict, warnings: list[str]) -> str:
    """The reviewer's note as a standalone HTML page."""
    name = SERVICE_NAMES.get(service, service)
    title = f"Reviewer's note: {name} complaints report {year_display}"
    published = f"../{service}"
    links = [
        (f"{published}/report.html", "the report (web page)"),
        (f"{published}/report.pdf", "the report (PDF)"),
        (f"{published}/manifest.json", "manifest.json: what the report was made from"),
        (ROWS_FILE, f"{ROWS_FILE}: every input row, counted or excluded (names case references)"),
        (METRICS_FILE, f"{METRICS_FILE}: every figure, as computed"),
        (WARNINGS_FILE, f"{WARNINGS_FILE}: the warnings below, as data"),
    ]
    link_items = "".join(
        f'<li><a href="{html_text(href)}">{html_text(text)}</a></li>' for href, text in links
    )
    sections = [
        ("Before you publish", _warnings_section(warnings)),
        ("Do the figures add up?", _checks_section(figures)),
        ("Every input row accounted for", _rows_section(figures)),
        ("What adding optional inputs would show", _optional_inputs_section(figures)),
        ("What the report was made from", _manifest_section(manifest, service)),
    ]
    body = "".join(f"<h2>{html_text(heading)}</h2>{content}" for heading, content in sections)
    return (
        '<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html_text(title)}</title>\n<style>\n{STYLE}\n</style>\n</head>\n<body>\n<main>\n"
        f"<h1>{html_text(title)}</h1>\n"
        '<p class="notice">For the council, not for publication. This page is kept beside the report\'s '
        "published folder, never in it: it links to the list of every input row, which names case references."
        "</p>\n"
        f"<ul>{link_items}</ul>\n{body}\n</main>\n</body>\n</html>\n"
    )


def write(
    folder: Path, *, service: str, year_display: str, figures: dict, manifest: dict, warnings: list[str]
) -> Path:
    """Write ``review.html`` into the service's internal folder (a new file: a file there may be a hard link
    shared with a previous build's output, so it is replaced, never rewritten in place)."""
    path = Path(folder) / REVIEW_FILE
    path.unlink(missing_ok=True)
    path.write_text(
        html(
            service=service, year_display=year_display, figures=figures, manifest=manifest, warnings=warnings
        ),
        encoding="utf-8",
    )
    return path
