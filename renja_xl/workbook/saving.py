"""Saving a workbook without ever leaving a half-written file behind.

`save_workbook` writes to a temporary file next to the target, flushes it to
disk, checks that it opens again as a workbook, keeps a dated backup of the
original and only then swaps the new file in with `os.replace`, which is atomic
on one file system. Whatever fails, the original file stays as it was.

Macro workbooks (.xlsm) keep their VBA only if the caller loaded them with
`openpyxl.load_workbook(path, keep_vba=True)`; `save_workbook` refuses to write
an .xlsm without its VBA, or an .xlsx with VBA inside, rather than produce a
file Excel will not open.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from glob import escape as glob_escape
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from renja_xl.errors import SaveError

if TYPE_CHECKING:
    from openpyxl import Workbook

__all__ = ["backup_path", "save_bytes", "save_stream", "save_workbook"]

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


def save_stream(write: Callable[[BinaryIO], object], path: str | Path, *,
                backup: bool = True) -> Path | None:
    """Save what `write` puts into a stream (a whole package) atomically, like `save_bytes`.

    Returns the backup of the old file, if one was made.
    """
    path = Path(path)
    expect_vba = path.suffix.lower() in _MACRO_SUFFIXES
    return _save(write, path, backup=backup, expect_vba=expect_vba)


def _save(
    write: Callable[[BinaryIO], object], path: Path, *, backup: bool, expect_vba: bool
) -> Path | None:
    """Write into a temporary file, verify it, back up the original, swap the new file in.

    A symbolic link is followed: the file it points to is replaced, the link stays.
    """
    if path.is_symlink():
        path = path.resolve()
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


def _temporary_prefix(path: Path, pid: int) -> str:
    return f".{path.stem}.{pid}."


def _remove_leftovers(path: Path) -> None:
    """Delete temporary files of earlier saves of `path` whose process is gone (killed)."""
    for leftover in path.parent.glob(f".{glob_escape(path.stem)}.*.simpan"):
        rest = leftover.name[len(path.stem) + 2:].split(".")
        if len(rest) == 3 and rest[0].isdigit() and not _running(int(rest[0])):
            with contextlib.suppress(OSError):  # Windows: still open in a running save
                leftover.unlink()


def _running(pid: int) -> bool:
    """Whether a process with this id still runs (on Windows: assume it does not)."""
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _write_temporary(write: Callable[[BinaryIO], object], path: Path) -> Path:
    """Write into a new hidden file next to `path`, flushed to disk."""
    try:
        _remove_leftovers(path)
        handle, name = tempfile.mkstemp(prefix=_temporary_prefix(path, os.getpid()),
                                        suffix=".simpan", dir=path.parent)
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
    from openpyxl.writer.excel import ExcelWriter

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
