"""The zip package of an existing workbook: parts read on demand, changed parts replaced.

Every part that is not replaced is copied with its compressed bytes as they are
(same entry order, same compression, same timestamps), so a part the caller
never touched comes out byte for byte as it went in.
"""

from __future__ import annotations

import copy
import struct
import zipfile
from pathlib import Path
from typing import BinaryIO

__all__ = ["Package"]

_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
_DATA_DESCRIPTOR_FLAG = 0x08
_LARGE = 1 << 20
"""Parts bigger than this are deflated at level 1: a 10,000-row sheet in a tenth of a second."""


def _level(data: bytes) -> int | None:
    return 1 if len(data) > _LARGE else None


class Package:
    """An .xlsx/.xlsm file opened for a few changes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file = path.open("rb")
        self._zip = zipfile.ZipFile(self._file)
        self._infos = self._zip.infolist()
        self._names = {info.filename for info in self._infos}
        self._changed: dict[str, bytes] = {}
        self._added: list[str] = []
        self._removed: set[str] = set()

    def close(self) -> None:
        """Let go of the original file."""
        self._zip.close()
        self._file.close()

    def has(self, name: str) -> bool:
        """Whether the package holds this part now."""
        return (name in self._names or name in self._changed) and name not in self._removed

    def read(self, name: str) -> bytes:
        """The part's current bytes (the changed ones when it was replaced)."""
        if name in self._changed:
            return self._changed[name]
        return self._zip.read(name)

    def write(self, name: str, data: bytes) -> None:
        """Replace a part, or add it at the end of the package."""
        self._removed.discard(name)
        if name not in self._names and name not in self._changed:
            self._added.append(name)
        self._changed[name] = data

    def remove(self, name: str) -> None:
        """Drop a part from the package."""
        self._removed.add(name)

    def changed(self) -> set[str]:
        """Names of the parts replaced, added or removed."""
        return set(self._changed) | self._removed

    def save(self, stream: BinaryIO) -> None:
        """Write the package: untouched parts copied raw, the others compressed anew."""
        with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as out:
            for info in self._infos:
                if info.filename in self._removed:
                    continue
                if info.filename in self._changed:
                    data = self._changed[info.filename]
                    out.writestr(_fresh_info(info), data, compresslevel=_level(data))
                else:
                    self._copy_raw(info, out)
            for name in self._added:
                if name not in self._removed:
                    data = self._changed[name]
                    out.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data,
                                 zipfile.ZIP_DEFLATED, _level(data))

    def _copy_raw(self, info: zipfile.ZipInfo, out: zipfile.ZipFile) -> None:
        """Copy one entry's compressed bytes without inflating them."""
        if info.flag_bits & 0x01 or out.fp is None:  # encrypted: let zipfile deal with it
            out.writestr(_fresh_info(info), self._zip.read(info))
            return
        self._file.seek(info.header_offset)
        header = _LOCAL_HEADER.unpack(self._file.read(_LOCAL_HEADER.size))
        self._file.seek(header[-2] + header[-1], 1)
        raw = self._file.read(info.compress_size)
        entry = copy.copy(info)
        entry.flag_bits &= ~_DATA_DESCRIPTOR_FLAG
        entry.extra = b""  # a zip64 field is written again by FileHeader when needed
        entry.header_offset = out.fp.tell()
        out.fp.write(entry.FileHeader())
        out.fp.write(raw)
        out.filelist.append(entry)
        out.NameToInfo[entry.filename] = entry
        out.start_dir = out.fp.tell()
        out._didModify = True


def _fresh_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    """A new entry with the original's name, time and compression."""
    entry = zipfile.ZipInfo(info.filename, info.date_time)
    entry.compress_type = info.compress_type
    entry.external_attr = info.external_attr
    return entry
