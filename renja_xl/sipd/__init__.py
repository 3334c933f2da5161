"""SIPD-RI exports to Renja workbooks: read an export by header name, build one Renja per
Perangkat Daerah from the codes, write them all (`renja-xl impor-sipd`)."""

from renja_xl.sipd.export import Export, NotAnExportError, SipdRow, read_export
from renja_xl.sipd.plan import Per, Rencana, group, plan_renja
from renja_xl.sipd.run import ImportedFile, import_sipd, read_exports, safe_file_name

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
