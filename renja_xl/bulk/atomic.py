"""Writing a new file so that readers only ever see the old file or the whole new one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from renja_xl.errors import SaveError

__all__ = ["write_atomically"]


def write_atomically(path: Path, write: Callable[[Path], None]) -> Path:
    """Call `write(temporary)` on a file next to `path`, then swap it in with `os.replace`."""
    path = Path(path)
    if not path.parent.is_dir():
        raise SaveError("folder tujuan tidak ada", file=path)
    handle, name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix, dir=path.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise SaveError(f"gagal menyimpan ({exc.strerror or exc})", file=path) from exc
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
