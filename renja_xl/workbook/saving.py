"""Saving a workbook without ever leaving a half-written file behind.

`save_workbook` writes to a temporary file next to the target, flushes it to
disk, checks that it opens again as a workbook, keeps a dated backup of the
original and only then swaps the new file in with `os.replace`, which is atomic
on one file system. Whatever fails, the original file stays as it was.

`check_preservable` lists, before anything is overwritten, what an openpyxl
round trip of an existing file would drop (shapes, slicers, form controls...),
so a command can warn the user or refuse.

Macro workbooks (.xlsm) keep their VBA only if the caller loaded them with
`openpyxl.load_workbook(path, keep_vba=True)`; `save_workbook` refuses to write
an .xlsm without its VBA, or an .xlsx with VBA inside, rather than produce a
file Excel will not open.
"""

from __future__ import annotations

import errno
import io
import os
import posixpath
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO
from xml.etree import ElementTree

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from renja_xl.errors import SaveError, WorkbookError

__all__ = ["backup_path", "check_preservable", "save_bytes", "save_workbook"]

_MACRO_SUFFIXES = {".xlsm", ".xltm"}
_REQUIRED_PARTS = ("[Content_Types].xml", "xl/workbook.xml")


def save_workbook(wb: Workbook, path: str | Path, *, backup: bool = True) -> Path | None:
    """Save `wb` to `path` atomically; return the backup of the old file, if one was made."""
    path = Path(path)
    _check_savable(wb, path)
    has_vba = wb.vba_archive is not None
    return _save(lambda stream: _write_archive(wb, stream), path, backup=backup, expect_vba=has_vba)


def save_bytes(data: bytes, path: str | Path, *, backup: bool = True) -> Path | None:
    """Save an already rendered .xlsx/.xlsm file atomically, like `save_workbook`.

    Returns the backup of the old file, if one was made.
    """
    path = Path(path)
    has_vba = _check_bytes(data, path)
    if path.suffix.lower() in _MACRO_SUFFIXES and not has_vba:
        raise SaveError("isi ini tidak berisi makro; simpan dengan akhiran .xlsx", file=path)
    _check_suffix(has_vba, path)
    return _save(lambda stream: stream.write(data), path, backup=backup, expect_vba=has_vba)


def _save(
    write: Callable[[BinaryIO], object], path: Path, *, backup: bool, expect_vba: bool
) -> Path | None:
    """Write into a temporary file, verify it, back up the original, swap the new file in."""
    if not path.parent.is_dir():
        raise SaveError("folder tujuan tidak ada", file=path)
    temporary = _write_temporary(write, path)
    backup_copy = None
    try:
        _verify(temporary, expect_vba=expect_vba)
        _copy_mode(path, temporary)
        if backup and path.exists():
            backup_copy = _make_backup(path)
        os.replace(temporary, path)
    except SaveError as exc:
        _discard(temporary, backup_copy)
        exc.located(path)
        raise
    except Exception as exc:
        _discard(temporary, backup_copy)
        raise _save_error(exc, path) from exc
    except BaseException:
        _discard(temporary, backup_copy)
        raise
    _sync_folder(path.parent)
    return backup_copy


def backup_path(path: str | Path, when: datetime | None = None) -> Path:
    """The name of a backup of `path`: `<stem>.cadangan-YYYYmmdd-HHMMSS<suffix>`, unused."""
    path = Path(path)
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}.cadangan-{stamp}{path.suffix}")
    number = 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.stem}.cadangan-{stamp}-{number}{path.suffix}")
    return candidate


def _check_savable(wb: Workbook, path: Path) -> None:
    """Refuse up front what openpyxl cannot save or would save broken."""
    if wb.read_only:
        raise SaveError(
            "workbook yang dibuka dengan read_only=True tidak dapat disimpan", file=path
        )
    _check_suffix(wb.vba_archive is not None, path)


def _check_bytes(data: bytes, path: Path) -> bool:
    """Refuse bytes that are not a workbook package; return whether they hold VBA."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile as exc:
        raise SaveError("isi yang akan disimpan bukan berkas .xlsx", file=path) from exc
    if "xl/workbook.xml" not in names:
        raise SaveError("isi yang akan disimpan bukan workbook Excel", file=path)
    return "xl/vbaProject.bin" in names


def _check_suffix(has_vba: bool, path: Path) -> None:
    """A macro workbook needs .xlsm and its VBA; an .xlsx must hold none."""
    if path.suffix.lower() in _MACRO_SUFFIXES and not has_vba:
        raise SaveError(
            "workbook makro harus dibuka dengan keep_vba=True agar makronya tidak hilang",
            file=path,
        )
    if path.suffix.lower() not in _MACRO_SUFFIXES and has_vba:
        raise SaveError("workbook ini berisi makro; simpan dengan akhiran .xlsm", file=path)


def _write_temporary(write: Callable[[BinaryIO], object], path: Path) -> Path:
    """Write into a new hidden file next to `path`, flushed to disk."""
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".simpan", dir=path.parent)
    except OSError as exc:
        raise _save_error(exc, path) from exc
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
    except Exception as exc:
        _discard(temporary)
        raise _save_error(exc, path) from exc
    except BaseException:
        _discard(temporary)
        raise
    return temporary


def _write_archive(wb: Workbook, stream: BinaryIO) -> None:
    """What `Workbook.save` does, but the zip is closed even when writing fails.

    Left to the garbage collector, a half-written zip raises again at some
    random later moment (and has crashed CPython 3.11's ast module doing so).
    """
    if wb.write_only and not wb.worksheets:
        wb.create_sheet()
    wb.properties.modified = datetime.now(UTC).replace(tzinfo=None)
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(wb, archive).write_data()


def _verify(temporary: Path, *, expect_vba: bool) -> None:
    """Raise unless `temporary` is a sound zip holding a workbook (and its VBA, if any)."""
    try:
        with zipfile.ZipFile(temporary) as archive:
            broken = archive.testzip()
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise SaveError(f"hasil simpan tidak dapat dibuka kembali ({exc})") from exc
    if broken is not None:
        raise SaveError(f"hasil simpan rusak pada bagian {broken}")
    missing = [part for part in _REQUIRED_PARTS if part not in names]
    if expect_vba and "xl/vbaProject.bin" not in names:
        missing.append("xl/vbaProject.bin")
    if missing:
        raise SaveError(f"hasil simpan tidak lengkap, tidak ada {', '.join(missing)}")


def _copy_mode(original: Path, temporary: Path) -> None:
    """Give the new file the original's permissions (mkstemp makes it private)."""
    if original.exists():
        shutil.copymode(original, temporary)
    else:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)


def _discard(*paths: Path | None) -> None:
    """Remove what a failed save made (the temporary file, the new backup)."""
    for path in paths:
        if path is not None:
            path.unlink(missing_ok=True)


def _make_backup(path: Path) -> Path:
    target = backup_path(path)
    shutil.copy2(path, target)
    return target


def _sync_folder(folder: Path) -> None:
    """Flush the folder entry of the renamed file, where the platform allows it."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


_REASONS = {
    errno.ENOSPC: "ruang disk penuh",
    errno.EDQUOT: "kuota disk habis",
    errno.EFBIG: "berkas melebihi batas ukuran",
    errno.EROFS: "folder hanya dapat dibaca",
    errno.EACCES: "tidak ada izin menulis (berkas mungkin sedang dibuka di Excel)",
    errno.EPERM: "tidak ada izin menulis (berkas mungkin sedang dibuka di Excel)",
    errno.EISDIR: "tujuan adalah sebuah folder",
}


def _errno_of(exc: BaseException) -> int | None:
    """The errno behind a failed write, also when lxml reports it as "IO_EFBIG" and the like."""
    if isinstance(exc, OSError):
        return exc.errno
    name = str(exc).strip()
    if type(exc).__name__ == "SerialisationError" and name.startswith("IO_"):
        return getattr(errno, name[3:], None)
    return None


def _save_error(exc: BaseException, path: Path) -> SaveError:
    """One Indonesian line saying why the save failed and that the original is intact."""
    if _errno_of(exc) in _REASONS:
        reason = _REASONS[_errno_of(exc)]  # type: ignore[index]
    else:
        reason = f"{type(exc).__name__}: {exc}"
    return SaveError(f"gagal menyimpan, berkas asli tidak diubah ({reason})", file=path)


# --- what an openpyxl round trip loses -----------------------------------------------

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
