"""Citations: `tr.cite` in each format, and ``CITATION.cff`` kept in step with it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from bibtexparser.entrypoint import parse_string

import taliban_recognition as tr
from taliban_recognition._cite import FORMATS, Format
from taliban_recognition._load import SHIPPED

ROOT = Path(__file__).resolve().parent.parent
DIGESTS = SHIPPED.manifest()
RELEASES = {version: SHIPPED.released(version) for version in tr.versions()}


def test_citation_cff_is_current() -> None:
    # Stale after a new dataset version: `python scripts/build_dataset.py --write` writes it.
    assert (ROOT / "CITATION.cff").read_text(encoding="utf-8") == tr.cite(format="cff")


def test_citation_cff_reads_as_yaml_with_the_cff_1_2_0_keys_and_our_metadata() -> None:
    # The required keys of https://github.com/citation-file-format/citation-file-format/blob/
    # 1.2.0/schema-guide.md, and our values, as a YAML parser reads them. This is not a full
    # validation against the CFF JSON schema, which the project does not vendor.
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    newest = tr.versions()[-1]
    assert cff["cff-version"] == "1.2.0"
    assert isinstance(cff["message"], str)
    assert cff["message"]
    assert isinstance(cff["title"], str)
    assert cff["title"]
    assert cff["authors"] == [{"name": "taliban_recognition developers"}]
    assert cff["type"] == "dataset"
    assert cff["version"] == newest
    assert cff["date-released"] == RELEASES[newest].isoformat()
    assert cff["license"] == "MIT"
    assert cff["identifiers"] == [
        {
            "type": "other",
            "value": f"sha256:{DIGESTS[newest]}",
            "description": f"SHA-256 of the data file of dataset version {newest}",
        }
    ]
    assert set(cff) <= {
        "cff-version",
        "message",
        "type",
        "title",
        "version",
        "date-released",
        "abstract",
        "authors",
        "license",
        "keywords",
        "identifiers",
    }


@pytest.mark.parametrize("version", tr.versions())
def test_bibtex_parses_and_names_version_and_digest(version: str) -> None:
    library = parse_string(tr.cite(version))
    assert library.failed_blocks == []
    (entry,) = library.entries
    assert entry.entry_type == "misc"
    assert entry.key == "taliban_recognition_" + version.replace(".", "_")
    fields = {field.key: field.value for field in entry.fields}
    assert fields["version"] == version
    assert fields["year"] == str(RELEASES[version].year)
    assert DIGESTS[version] in fields["note"]
    assert fields["author"] == r"{taliban\_recognition developers}"  # one corporate author


@pytest.mark.parametrize("version", tr.versions())
@pytest.mark.parametrize("format", FORMATS)
def test_every_format_names_the_version_and_its_digest(version: str, format: Format) -> None:  # noqa: A002
    text = tr.cite(version, format=format)
    assert version in text
    assert DIGESTS[version] in text
    assert text.endswith("\n")
    assert not text.endswith("\n\n")


def test_the_default_is_the_newest_version_in_bibtex() -> None:
    assert tr.cite() == tr.cite(tr.versions()[-1], format="bibtex")


def test_every_shipped_version_has_a_release_date_in_order() -> None:
    listed = (ROOT / "src" / "taliban_recognition" / "data" / "RELEASES").read_text("utf-8")
    assert [line.split("  ")[0] for line in listed.splitlines()] == list(tr.versions())
    days = list(RELEASES.values())
    assert days == sorted(days)
    assert days[0] == dt.date(2026, 11, 28)  # the day 1.0.0 landed on main


@pytest.mark.parametrize("version", ["9.9.9", "1.0", "", 1, ["1.0.0"]])
def test_unknown_versions_are_refused(version: Any) -> None:
    with pytest.raises(tr.UnknownVersionError, match=r"versions this package ships are: 1\.0\.0"):
        tr.cite(version)


@pytest.mark.parametrize("format", ["ris", "BibTeX", "", None, ["bibtex"]])
def test_unknown_formats_are_refused(format: Any) -> None:  # noqa: A002
    with pytest.raises(tr.UnknownFormatError, match="valid formats are: bibtex, cff, text"):
        tr.cite(format=format)
