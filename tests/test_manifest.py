"""manifest.json: what a build was made from."""

from __future__ import annotations

import hashlib

from complaints_report.manifest import manifest


def test_manifest_records_inputs_by_hash_and_the_versions_and_commit(tmp_path):
    export = tmp_path / "complaints.csv"
    export.write_bytes(b"reference,service\n")
    narrative = tmp_path / "about.md"
    narrative.write_text("About.", encoding="utf-8")
    result = manifest(
        year="2020-21",
        service="asc",
        engine="builtin",
        formats=["html"],
        input_files=[export],
        content_files=[narrative],
    )
    assert result["inputs"] == [
        {"file": "complaints.csv", "sha256": hashlib.sha256(b"reference,service\n").hexdigest()}
    ]
    assert result["narrative"][0]["file"] == "about.md"
    assert result["year"] == "2020-21" and result["service"] == "asc" and result["engine"] == "builtin"
    assert result["versions"]["pandas"] != "not installed"
    assert result["git_commit"]


def test_manifest_holds_no_clock_time_so_it_is_reproducible(tmp_path):
    export = tmp_path / "complaints.csv"
    export.write_bytes(b"x")
    args = dict(
        year="2020-21",
        service="asc",
        engine="builtin",
        formats=["pdf"],
        input_files=[export],
        content_files=[],
    )
    assert manifest(**args) == manifest(**args)
