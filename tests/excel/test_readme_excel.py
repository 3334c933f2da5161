"""The README's three Excel routes name only what exists: scripts, addresses, macros, files."""

from __future__ import annotations

import re
from pathlib import Path

import xlwings as xw

from renja_xl.excel import scripts
from renja_xl.excel.server import create_app

ROOT = Path(__file__).parents[2]
MACROS = ROOT / "renja_xl" / "excel" / "macros"


def _section() -> str:
    text = (ROOT / "README.md").read_text()
    start = text.index("## Tombol di Excel")
    return text[start:text.index("\n## ", start + 1)]


def test_every_script_is_named_with_its_server_address_and_four_buttons_in_app_mode():
    section = _section()
    for name in scripts.SCRIPTS:
        assert f"/{name}`" in section
    assert "empat tombol" in section and "App Mode" in section
    assert "tiga skrip" not in section.lower() and "tiga tombol" not in section.lower()


def test_the_lite_address_and_the_xlwings_pin_are_the_servers():
    section = _section()
    routes = {route.path for route in create_app().routes}
    assert "/lite/requirements.txt" in routes and "/lite/requirements.txt" in section
    assert f"xlwings=={xw.__version__}" in section
    main_py = (MACROS / "xlwings_lite" / "main.py").read_text()
    assert "`macros/xlwings_lite/main.py`" in section and "import" in main_py


def test_the_remote_modules_to_import_are_xlwings_own_files_and_no_quickstart_remote():
    section = _section()
    addin = Path(xw.__file__).parent / "addin"
    listed = re.findall(r"`(\w+\.(?:bas|cls))`", section)
    remote = [name for name in listed if name not in {"RenjaXL.bas", "RenjaXLRemote.bas"}]
    assert len(remote) == 6
    assert all((addin / name).is_file() for name in remote)
    assert "quickstart --remote" not in section and "--remote`" in section  # said not to exist


def test_the_macros_named_exist_in_the_shipped_modules():
    section = _section()
    desktop = (MACROS / "RenjaXL.bas").read_text()
    remote = (MACROS / "RenjaXLRemote.bas").read_text()
    for macro in ("Validasi", "HitungSubtotal", "IsiPrakiraanMaju", "IsiKode"):
        assert f"`{macro}`" in section and f"Public Sub {macro}()" in desktop
        assert f"`{macro}Server`" in section and f"Public Sub {macro}Server()" in remote


def test_the_licence_key_is_a_step_of_the_server_set_up():
    section = _section()
    server = section[section.index("### 3. Server kantor"):]
    assert "XLWINGS_LICENSE_KEY=noncommercial" in server and "503" in server
