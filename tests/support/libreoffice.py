"""Recalculating a workbook in LibreOffice headless, to read its formulas' values.

openpyxl writes formulas without cached values, and a stale cached value is
what a wrong subtotal looks like; so each run gets a private LibreOffice
profile that forces "recalculate on load: always" for .xlsx and .ods, and
concurrent runs (pytest-xdist, two terminals) never share a profile.
The returned copy's values are read with `openpyxl.load_workbook(copy, data_only=True)`.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

__all__ = ["LibreOfficeError", "recalculate", "soffice_path"]

# /org.openoffice.Office.Calc/Formula/Load: 0 = always recalculate, 1 = never, 2 = ask.
_RECALC_ALWAYS = """\
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
           xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
  <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop>
</item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
  <prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop>
</item>
</oor:items>
"""


class LibreOfficeError(RuntimeError):
    """LibreOffice did not produce the recalculated copy."""


def soffice_path() -> str | None:
    """The LibreOffice executable on PATH, if there is one."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def recalculate(
    path: str | Path, outdir: str | Path | None = None, *, timeout: float = 180
) -> Path:
    """A copy of the workbook at `path`, every formula recalculated by LibreOffice."""
    source = Path(path).resolve()
    soffice = soffice_path()
    if soffice is None:
        raise LibreOfficeError("LibreOffice (soffice) tidak ditemukan di PATH")
    target_dir = Path(outdir) if outdir is not None else Path(tempfile.mkdtemp(prefix="renja-lo-"))
    target_dir.mkdir(parents=True, exist_ok=True)
    if target_dir.resolve() == source.parent:
        raise LibreOfficeError("outdir harus berbeda dari folder berkas asli")
    with tempfile.TemporaryDirectory(prefix="renja-lo-profil-") as profile:
        _write_profile(Path(profile))
        command = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--calc",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(target_dir),
            str(source),
        ]
        output = _run(command, timeout)
    result = target_dir / f"{source.stem}.xlsx"
    if not result.is_file():
        raise LibreOfficeError(f"LibreOffice tidak menghasilkan {result.name}: {output}")
    return result


def _write_profile(profile: Path) -> None:
    user = profile / "user"
    user.mkdir(parents=True)
    (user / "registrymodifications.xcu").write_text(_RECALC_ALWAYS, encoding="utf-8")


def _run(command: list[str], timeout: float) -> str:
    """Run soffice in its own process group, killing the whole group on timeout."""
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise LibreOfficeError(f"LibreOffice tidak selesai dalam {timeout:.0f} detik") from None
    if process.returncode != 0:
        raise LibreOfficeError(f"LibreOffice gagal (kode {process.returncode}): {output}")
    return output.strip()
