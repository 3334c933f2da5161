"""What an openpyxl round trip of an existing workbook would drop.

`check_preservable` lists, before anything is overwritten, the parts that
loading and saving a file with openpyxl loses (shapes, slicers, form
controls...), so a command that still rebuilds a whole file (`pasang-makro`)
can refuse. The editing commands do not need it: they go through the surgical
writer (`renja_xl.xlsx`), which keeps every part.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

from renja_xl.errors import WorkbookError

__all__ = ["check_preservable"]

_LOST_PARTS: tuple[tuple[str, str], ...] = (
    (r"xl/slicers/|xl/slicerCaches/", "slicer (penyaring tombol)"),
    (r"xl/timelines/|xl/timelineCaches/", "timeline (penyaring tanggal)"),
    (r"xl/ctrlProps/", "kontrol formulir (tombol, kotak centang, daftar pilihan)"),
    (r"xl/activeX/", "kontrol ActiveX"),
    (r"xl/embeddings/", "objek tersemat (OLE)"),
    (r"customXml/", "bagian XML kustom (termasuk kueri Power Query)"),
    (r"xl/threadedComments/", "komentar berutas (hanya catatan biasa yang tersisa)"),
    (r"xl/connections\.xml|xl/queryTables/", "koneksi data dan tabel kueri"),
    (r"xl/model/", "model data (Power Pivot)"),
    (r"xl/macrosheets/|xl/dialogsheets/", "lembar makro Excel 4.0 atau dialog"),
    (r"xl/richData/", "gambar di dalam sel"),
    (r"xl/webextensions/", "add-in web (Office)"),
    (r"xl/charts/chartEx", "grafik jenis baru (air terjun, histogram, peta, ...)"),
    (r"xl/charts/(style|colors)\d+\.xml", "gaya dan warna grafik"),
)

_IGNORED_ERRORS = "pengabaian tanda kesalahan (segitiga hijau muncul lagi)"
_SHEET_ELEMENTS: tuple[tuple[str, str], ...] = (
    ("controls", "kontrol formulir atau ActiveX"),
    ("oleObjects", "objek tersemat (OLE)"),
    ("legacyDrawingHF", "gambar di header/footer"),
    ("picture", "gambar latar sheet"),
    ("ignoredErrors", _IGNORED_ERRORS),
)

# Worksheet extensions that openpyxl drops on load (openpyxl.xml.constants.EXT_TYPES).
_SHEET_EXTENSIONS = {
    "78C0D931-6437-407D-A8EE-F0AAD7539E65": "format bersyarat versi Excel 2010 ke atas",
    "CCE6A557-97BC-4B89-ADB6-D9C93CAAB3DF": "validasi data yang merujuk sheet lain",
    "05C60535-1F16-4FD2-B633-F4F36F0B64E0": "grafik mini (sparkline)",
    "A8765BA9-456A-4DAB-B4F3-ACF838C121DE": "slicer (penyaring tombol)",
    "3A4CF648-6AED-40F4-86FF-DC5316D8AED3": "slicer tabel",
    "FC87AEE6-9EDD-4A0A-B7FB-166176984837": "rentang yang dilindungi",
    "01252117-D84E-4E92-8308-4BE1C098FCBB": _IGNORED_ERRORS,
    "B025F937-C7B1-47D3-B67F-A62EFF666E3E": "format bersyarat versi Excel 2010 ke atas",
    "F7C9EE02-42E1-4005-9D12-6889AFFD525C": "add-in web (Office)",
    "7E03D99C-DC04-49D9-9315-930204A7B6E9": "timeline (penyaring tanggal)",
}

_SHAPE = re.compile(rb"<(?:\w+:)?(?:sp|grpSp|cxnSp)\b")
_PICTURE = re.compile(rb"<(?:\w+:)?pic\b")
_EXTENSION = re.compile(rb"<(?:\w+:)?ext\b[^>]*?\buri=\"\{([0-9A-Fa-f-]+)\}\"")
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_OFFICE_RELATIONSHIP_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def check_preservable(path: str | Path, *, keep_vba: bool = False) -> list[str]:
    """What openpyxl would drop from the workbook at `path`, one Indonesian line each.

    Assumes the file is loaded with openpyxl's defaults (external links kept)
    and with `keep_vba` as given. Pivot tables, charts, images (with Pillow),
    tables, comments, data validation and conditional formatting survive and
    are not listed.
    """
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            return _losses(archive, keep_vba=keep_vba)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError) as exc:
        raise WorkbookError("bukan berkas .xlsx yang dapat dibaca", file=path) from exc
    except OSError as exc:
        raise WorkbookError(f"berkas tidak dapat dibuka ({exc.strerror})", file=path) from exc


def _losses(archive: zipfile.ZipFile, *, keep_vba: bool) -> list[str]:
    names = archive.namelist()
    found: list[str] = []
    if not keep_vba and "xl/vbaProject.bin" in names:
        found.append("makro VBA (buka dengan keep_vba=True agar tetap ada)")
    for pattern, label in _LOST_PARTS:
        if any(re.match(pattern, name) for name in names):
            found.append(label)
    for name in names:
        if re.fullmatch(r"xl/drawings/drawing\d+\.xml", name):
            found.extend(_drawing_losses(archive.read(name)))
    for sheet, part in _sheet_parts(archive):
        found.extend(f"sheet '{sheet}': {label}" for label in _sheet_losses(archive.read(part)))
    return list(dict.fromkeys(found))


def _drawing_losses(xml: bytes) -> Iterator[str]:
    if _SHAPE.search(xml):
        yield "bentuk, kotak teks dan tombol bergambar"
    if _PICTURE.search(xml) and not _pillow_installed():
        yield "gambar (paket Pillow tidak terpasang)"


def _sheet_losses(xml: bytes) -> Iterator[str]:
    for element, label in _SHEET_ELEMENTS:
        if re.search(rb"<(?:\w+:)?%s\b" % element.encode(), xml):
            yield label
    for uri in _EXTENSION.findall(xml):
        label = _SHEET_EXTENSIONS.get(uri.decode().upper())
        yield label or f"bagian tambahan Excel {{{uri.decode()}}}"


def _sheet_parts(archive: zipfile.ZipFile) -> Iterator[tuple[str, str]]:
    """(sheet name, zip part) of every worksheet, in workbook order."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    targets = _relationship_targets(archive, "xl/_rels/workbook.xml.rels", base="xl")
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        part = targets.get(sheet.get(_OFFICE_RELATIONSHIP_ID, ""))
        if part and part in archive.namelist():
            yield sheet.get("name", ""), part


def _relationship_targets(archive: zipfile.ZipFile, rels: str, *, base: str) -> dict[str, str]:
    """Relationship id -> zip part name, relative targets resolved against `base`."""
    if rels not in archive.namelist():
        return {}
    tree = ElementTree.fromstring(archive.read(rels))
    targets = {}
    for rel in tree.iter(f"{_RELATIONSHIPS}Relationship"):
        target = rel.get("Target", "")
        absolute = target.startswith("/")
        targets[rel.get("Id", "")] = (
            target[1:] if absolute else posixpath.normpath(f"{base}/{target}")
        )
    return targets


def _pillow_installed() -> bool:
    try:
        import PIL  # noqa: F401
    except ImportError:
        return False
    return True
