"""The Renja domain model: a snapshot of the plan, independent of any workbook.

A `Renja` holds its metadata and up to two tables (Tabel 3.1 and Tabel 4.1).
Each `Tabel` keeps its rows flat, in sheet order, exactly as the official layout
prints them; the hierarchy program → kegiatan → sub kegiatan is derived from the
rows' levels (see `renja_xl.hierarchy`). Keeping the rows flat makes a faithful
round trip possible even for a workbook whose hierarchy is broken (an orphan sub
kegiatan stays where the user put it, and Validasi can point at it).

Money is exact (`renja_xl.money.Rupiah`): an `int` when the amount is a whole
number of rupiah, a `decimal.Decimal` only when it carries sen (Rp 11.847.012,01,
as real SIPD exports do), and None where the cell is empty. Nothing is rounded:
sums of int|Decimal add up to the sen.

The models build their validators on first validation (`defer_build`): the
reader makes them with `model_construct` from values it has already checked
(amounts already exact), so reading a workbook never pays for building them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from renja_xl.money import Rupiah, rupiah_or_none
from renja_xl.numbers import parse_target

__all__ = [
    "SUB_UNIT_NOTE",
    "Asal",
    "Baris",
    "Level",
    "Penandatangan",
    "RawCell",
    "Renja",
    "Tabel",
    "TabelKind",
    "Target",
]


SUB_UNIT_NOTE = "Sub unit: "
"""How a sub kegiatan row names its sub unit in Catatan (Ket in Tabel 4.1), as
`renja-xl impor-sipd` writes it: SIPD-RI budgets per sub unit, so one sub kegiatan
may have one row per sub unit of the Perangkat Daerah, each "Sub unit: <name>"."""

Amount = Annotated[Rupiah | None, BeforeValidator(rupiah_or_none)]
"""A pagu field: exact rupiah or None; a whole Decimal becomes int, a float its shortest
repr, Indonesian text is parsed. In the model's own JSON (`model_dump_json`) pydantic
writes an amount with sen as a string ("11847012.01"), which reads back exactly."""


class Level(StrEnum):
    """The level of one row of a Renja table."""

    BIDANG = "bidang"
    PROGRAM = "program"
    KEGIATAN = "kegiatan"
    SUB_KEGIATAN = "sub_kegiatan"
    JUMLAH = "jumlah"

    @property
    def label(self) -> str:
        """Name of the level as users read it."""
        return _LEVEL_LABELS[self]

    @property
    def depth(self) -> int:
        """0 for bidang and JUMLAH, 1 program, 2 kegiatan, 3 sub kegiatan."""
        return _LEVEL_DEPTH[self]


_LEVEL_LABELS = {
    Level.BIDANG: "Bidang",
    Level.PROGRAM: "Program",
    Level.KEGIATAN: "Kegiatan",
    Level.SUB_KEGIATAN: "Sub Kegiatan",
    Level.JUMLAH: "Jumlah",
}
_LEVEL_DEPTH = {
    Level.BIDANG: 0,
    Level.JUMLAH: 0,
    Level.PROGRAM: 1,
    Level.KEGIATAN: 2,
    Level.SUB_KEGIATAN: 3,
}


class TabelKind(StrEnum):
    """Which official layout a table follows."""

    TABEL_31 = "3.1"
    TABEL_41 = "4.1"


class Target(BaseModel):
    """A performance target as typed ("52 Orang") with its number and unit."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    teks: str = ""
    angka: Decimal | None = None
    satuan: str | None = None

    @classmethod
    def from_text(cls, teks: str | None) -> Target:
        """Parse a typed target: "52 Orang" → 52, "Orang"; "85%" → 85, "%"."""
        teks = (teks or "").strip()
        if not teks:
            return _EMPTY_TARGET
        angka, satuan = parse_target(teks)
        return cls.model_construct(teks=teks, angka=angka, satuan=satuan)

    def __str__(self) -> str:
        return self.teks


_EMPTY_TARGET = Target.model_construct(teks="", angka=None, satuan=None)


@dataclass(frozen=True, slots=True)
class Asal:
    """Where a row came from: the sheet and its 1-based row number.

    A plain frozen dataclass rather than a model: the reader makes one per row, and
    a model's extra objects would double what the garbage collector must walk over.
    Pydantic still validates it inside `Baris` and writes it as {"sheet", "row"}.
    """

    sheet: str
    row: int


@dataclass(frozen=True, slots=True)
class RawCell:
    """A cell as found in the workbook, kept where its value needed interpreting.

    `value` is what the cell held (text, number or an error such as "#REF!"),
    `formula` the formula text without "=" where the cell is a formula. A plain
    frozen dataclass, like `Asal`.
    """

    ref: str
    value: str | int | float | None = None
    formula: str | None = None


class Baris(BaseModel):
    """One row of Tabel 3.1 or Tabel 4.1.

    `pagu` is year N, `pagu_maju` year N+1 (Tabel 3.1 only), each an exact
    `Rupiah` (int, or Decimal when it has sen) or None. `raw` keeps, by
    field name, cells whose content was not a plain number (formulas, text,
    errors) so that Validasi can explain them. `ambiguity` says, in Bahasa
    Indonesia, why the reader was not sure of the row's level.
    """

    model_config = ConfigDict(defer_build=True)

    level: Level
    kode: str = ""
    uraian: str = ""
    indikator: str = ""
    lokasi: str = ""
    target: Target = Field(default_factory=Target)
    pagu: Amount = None
    sumber_dana: str = ""
    catatan: str = ""
    target_maju: Target = Field(default_factory=Target)
    pagu_maju: Amount = None
    bold: bool | None = None
    asal: Asal | None = None
    raw: dict[str, RawCell] = Field(default_factory=dict)
    ambiguity: str | None = None

    @property
    def is_parent(self) -> bool:
        """Program, kegiatan and JUMLAH rows carry sums of other rows."""
        return self.level in (Level.PROGRAM, Level.KEGIATAN, Level.JUMLAH)

    @property
    def sub_unit(self) -> str:
        """The sub unit named in Catatan ("Sub unit: Puskesmas Namlea"), or ""."""
        note = self.catatan
        return note[len(SUB_UNIT_NOTE):].strip() if note.startswith(SUB_UNIT_NOTE) else ""

    def pagu_for(self, maju: bool) -> Rupiah | None:
        """The pagu of year N (maju=False) or N+1 (maju=True)."""
        return self.pagu_maju if maju else self.pagu

    @classmethod
    def from_checked(cls, fields: dict[str, Any]) -> Baris:
        """A row from values already checked, with every field given (the reader's rows;
        a test holds them equal to validated rows).

        What `model_construct` ends with, without its walk over each field's aliases
        and defaults, which is most of its cost: a 10,000-row table makes 10,000
        rows. The instance attributes set are those pydantic documents for
        `BaseModel` (`__pydantic_fields_set__`, `__pydantic_extra__`,
        `__pydantic_private__`).
        """
        row = cls.__new__(cls)
        _set(row, "__dict__", fields)
        _set(row, "__pydantic_fields_set__", set(_BARIS_FIELDS))
        _set(row, "__pydantic_extra__", None)
        _set(row, "__pydantic_private__", None)
        return row


_BARIS_FIELDS = frozenset(Baris.model_fields)
_set = object.__setattr__


class Tabel(BaseModel):
    """One table (Tabel 3.1 or 4.1) with its rows in sheet order."""

    model_config = ConfigDict(defer_build=True)

    kind: TabelKind
    sheet: str = ""
    baris: list[Baris] = Field(default_factory=list)
    judul: list[str] = Field(default_factory=list)
    columns: dict[str, int] = Field(default_factory=dict)
    """Field name → 1-based column index in the sheet, as the reader found it."""

    @property
    def has_maju(self) -> bool:
        """Whether this table carries the N+1 columns (Tabel 3.1)."""
        return self.kind is TabelKind.TABEL_31

    def rows(self, level: Level) -> list[Baris]:
        """All rows of one level, in sheet order."""
        return [b for b in self.baris if b.level is level]

    @property
    def jumlah(self) -> Baris | None:
        """The closing JUMLAH row, if the table has one."""
        found = self.rows(Level.JUMLAH)
        return found[-1] if found else None

    def __iter__(self) -> Iterator[Baris]:  # type: ignore[override]
        return iter(self.baris)

    def __len__(self) -> int:
        return len(self.baris)


class Penandatangan(BaseModel):
    """Who signs the Renja: the head of the agency."""

    model_config = ConfigDict(defer_build=True)

    jabatan: str = ""
    nama: str = ""
    pangkat: str = ""
    nip: str = ""


class Renja(BaseModel):
    """A Renja: metadata plus Tabel 3.1 and/or Tabel 4.1."""

    model_config = ConfigDict(defer_build=True)

    pemda: str = ""
    opd: str = ""
    opd_singkat: str = ""
    tahun: int
    tempat: str = ""
    tanggal: str = ""
    penandatangan: Penandatangan = Field(default_factory=Penandatangan)
    tabel31: Tabel | None = None
    tabel41: Tabel | None = None

    @property
    def tahun_maju(self) -> int:
        """The year of the prakiraan maju (N+1)."""
        return self.tahun + 1

    @property
    def tabel(self) -> list[Tabel]:
        """The tables present, Tabel 3.1 first."""
        return [t for t in (self.tabel31, self.tabel41) if t is not None]
