"""The document properties of a workbook file (docProps/core.xml), read without opening the book."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree

__all__ = ["full_opd_name"]


def full_opd_name(path: Path) -> str | None:
    """The agency's full name, which the writer keeps in the document's subject."""
    try:
        with zipfile.ZipFile(path) as archive:
            root = ElementTree.fromstring(archive.read("docProps/core.xml"))
    except (KeyError, OSError, zipfile.BadZipFile, ElementTree.ParseError):
        return None
    subject = root.findtext("{http://purl.org/dc/elements/1.1/}subject")
    return subject.strip() if subject and subject.strip() else None
