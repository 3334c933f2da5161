"""The official layouts of Tabel 3.1 and Tabel 4.1, declared once as data.

The template maker, the writer and the reader all use these declarations:
column order, headings (two levels), widths, number formats, and the words by
which the reader recognises each column in a user's header.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from renja_xl.model import Level, TabelKind

__all__ = [
    "LAYOUTS",
    "Column",
    "ColumnKind",
    "Group",
    "Layout",
    "layout_for",
]


class ColumnKind(StrEnum):
    """How a column's cells are written and read."""

    KODE = "kode"
    TEXT = "text"
    TARGET = "target"
    RUPIAH = "rupiah"


@dataclass(frozen=True)
class Column:
    """One column of an official table."""

    field: str
    heading: str
    kind: ColumnKind
    width: float
    group: int | None = None
    """Index into `Layout.groups` when the heading sits under a merged group heading."""


@dataclass(frozen=True)
class Group:
    """A merged heading over several columns ("Rencana Tahun {tahun}")."""

    heading: str
    maju: bool = False


@dataclass(frozen=True)
class Layout:
    """Everything about one official table that does not depend on the data."""

    kind: TabelKind
    sheet_name: str
    template_name: str
    title: tuple[str, ...]
    groups: tuple[Group, ...]
    columns: tuple[Column, ...]
    header_row: int = 7
    """First of the two header rows in the template; the column numbers follow them."""
    signature_column: int = 0
    """0-based column where the signature block starts."""

    @property
    def subheading_row(self) -> int:
        """The second header row."""
        return self.header_row + 1

    @property
    def number_row(self) -> int:
        """The row of column numbers 1..n."""
        return self.header_row + 2

    @property
    def first_data_row(self) -> int:
        """The first row of data in a written table."""
        return self.header_row + 3

    @property
    def fields(self) -> tuple[str, ...]:
        """Model field of each column, in order."""
        return tuple(c.field for c in self.columns)

    def column_index(self, field: str) -> int:
        """1-based column of a field in the written table."""
        return self.fields.index(field) + 1

    def group_span(self, group: int) -> tuple[int, int]:
        """First and last 1-based column under a group heading."""
        cols = [i + 1 for i, c in enumerate(self.columns) if c.group == group]
        return cols[0], cols[-1]


_KODE = Column("kode", "Kode", ColumnKind.KODE, 16)
_URAIAN = Column(
    "uraian",
    "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan",
    ColumnKind.TEXT,
    48,
)
_INDIKATOR = Column("indikator", "Indikator Kinerja Program/Kegiatan", ColumnKind.TEXT, 36)
_TARGET_HEADING = "Target Capaian Kinerja"
_PAGU_HEADING = "Kebutuhan Dana/Pagu Indikatif"

# Columns 1-7, the same in both tables: the row's name and its plan for year N.
_YEAR_N = (
        _KODE,
        _URAIAN,
        _INDIKATOR,
        Column("lokasi", "Lokasi", ColumnKind.TEXT, 18, group=0),
        Column("target", _TARGET_HEADING, ColumnKind.TARGET, 14, group=0),
        Column("pagu", _PAGU_HEADING, ColumnKind.RUPIAH, 18, group=0),
        Column("sumber_dana", "Sumber Dana", ColumnKind.TEXT, 12, group=0),
)

TABEL_31 = Layout(
    kind=TabelKind.TABEL_31,
    sheet_name="Tabel 3.1",
    template_name="Tabel31.xlsx",
    title=(
        "TABEL 3.1",
        "RUMUSAN RENCANA PROGRAM DAN KEGIATAN SKPD TAHUN {tahun}",
        "DAN PRAKIRAAN MAJU TAHUN {tahun_maju}",
        "{pemda_upper}",
    ),
    groups=(
        Group("Rencana Tahun {tahun}"),
        Group("Prakiraan Maju Rencana Tahun {tahun_maju}", maju=True),
    ),
    columns=(
        *_YEAR_N,
        Column("catatan", "Catatan Penting", ColumnKind.TEXT, 12),
        Column("target_maju", _TARGET_HEADING, ColumnKind.TARGET, 14, group=1),
        Column("pagu_maju", _PAGU_HEADING, ColumnKind.RUPIAH, 18, group=1),
    ),
    signature_column=7,
)

TABEL_41 = Layout(
    kind=TabelKind.TABEL_41,
    sheet_name="Tabel 4.1",
    template_name="Tabel41.xlsx",
    title=(
        "TABEL 4.1",
        "RENCANA KERJA DAN PENDANAAN {opd_singkat_upper}",
        "TAHUN {tahun}",
        "{pemda_upper}",
    ),
    groups=(Group("Rencana Tahun {tahun}"),),
    columns=(
        *_YEAR_N,
        Column("catatan", "Ket", ColumnKind.TEXT, 14),
    ),
    signature_column=5,
)

LAYOUTS: dict[TabelKind, Layout] = {TabelKind.TABEL_31: TABEL_31, TabelKind.TABEL_41: TABEL_41}

STYLE_ROWS: tuple[str, ...] = (*(level.value for level in Level), "ttd", "ttd_nama")
"""Rows of the template's hidden style sheet, in order: one per level, then the
signature lines. The writer copies each data cell's style from these rows."""

STYLE_SHEET = "_gaya"
RUPIAH_FORMAT = '#,##0;-#,##0;"-"'
TEXT_FORMAT = "@"


def layout_for(kind: TabelKind | str) -> Layout:
    """The layout of Tabel 3.1 or 4.1."""
    return LAYOUTS[TabelKind(kind)]
