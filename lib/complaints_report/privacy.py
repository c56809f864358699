"""No personal data in a published report: a scan of the narrative and the quotes.

Looks for email addresses, UK telephone numbers, NHS numbers, postcodes and the case
references of the input files. The team's own published contact details are allowed
through ``allowed_identifiers`` in the year's ``meta.yml``. Findings are warnings; with
``--strict`` the build refuses to publish.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PATTERNS = {
    "email address": re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+"),
    "telephone number": re.compile(r"(?<!\d)(?:\+44\s?\(?0?\)?\s?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)"),
    "NHS number": re.compile(r"(?<!\d)\d{3}[\s-]?\d{3}[\s-]?\d{4}(?!\d)"),
    "postcode": re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[ABD-HJLNP-UW-Z]{2}\b"),
}


@dataclass(frozen=True)
class Finding:
    source: str
    kind: str
    value: str

    def __str__(self) -> str:
        return (
            f"{self.source}: looks like a {self.kind} ('{self.value}'). Remove it, or if it is the team's "
            "own published contact, add it to allowed_identifiers in meta.yml"
        )


def _normal(text: str) -> str:
    return re.sub(r"[\s()+-]", "", text.lower())


def scan(texts: dict[str, str], references: set[str], allowed: list[str] | None = None) -> list[Finding]:
    """Identifiers found in each named text, except those allowed."""
    permitted = {_normal(a) for a in (allowed or [])}
    findings = []
    for source, text in texts.items():
        for kind, pattern in PATTERNS.items():
            for match in pattern.finditer(text or ""):
                value = match.group(0)
                if _normal(value) not in permitted and not any(_normal(value) in p for p in permitted):
                    findings.append(Finding(source, kind, value))
        for reference in references:
            if (
                reference
                and len(reference) >= 4
                and re.search(rf"(?<!\w){re.escape(reference)}(?!\w)", text or "")
            ):
                findings.append(Finding(source, "case reference", reference))
    return list(dict.fromkeys(findings))
