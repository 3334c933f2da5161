"""SIPD-RI exports to Renja workbooks: read an export by header name, build one Renja per
Perangkat Daerah from the codes, write them all (`renja-xl impor-sipd`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from renja_xl import _lazy

_EXPORTS: dict[str, str] = {
    "Export": "renja_xl.sipd.export",
    "ImportedFile": "renja_xl.sipd.run",
    "NotAnExportError": "renja_xl.sipd.export",
    "Per": "renja_xl.sipd.per",
    "Rencana": "renja_xl.sipd.plan",
    "SipdRow": "renja_xl.sipd.export",
    "group": "renja_xl.sipd.plan",
    "import_sipd": "renja_xl.sipd.run",
    "plan_renja": "renja_xl.sipd.plan",
    "read_export": "renja_xl.sipd.export",
    "read_exports": "renja_xl.sipd.run",
    "safe_file_name": "renja_xl.sipd.run",
}

__all__ = [
    "Export",
    "ImportedFile",
    "NotAnExportError",
    "Per",
    "Rencana",
    "SipdRow",
    "group",
    "import_sipd",
    "plan_renja",
    "read_export",
    "read_exports",
    "safe_file_name",
]

if TYPE_CHECKING:  # what type checkers and editors see
    from renja_xl.sipd.export import Export, NotAnExportError, SipdRow, read_export
    from renja_xl.sipd.per import Per
    from renja_xl.sipd.plan import Rencana, group, plan_renja
    from renja_xl.sipd.run import ImportedFile, import_sipd, read_exports, safe_file_name

# Names are imported on first use, so the command line's help needs none of them.
__getattr__ = _lazy.lazy_exports(__name__, _EXPORTS, globals(), {})
