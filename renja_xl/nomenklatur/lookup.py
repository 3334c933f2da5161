"""Looking codes up by code, by position in the tree and by name."""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Iterable

from renja_xl.nomenklatur.codes import is_valid_format, kode_level
from renja_xl.nomenklatur.entry import Entry, Metadata
from renja_xl.nomenklatur.names import levels_by_name, normalize_name, program_key

__all__ = ["Nomenklatur"]

_TEMPLATE = "X.XX"


def _key(level: str, name: str) -> str:
    """The fuzzy key: programs are compared without the word "program"."""
    from renja_xl.nomenklatur.similarity import expand_aliases  # fuzzy matching only

    normalized = expand_aliases(normalize_name(name))
    return program_key(normalized) if level == "program" else normalized


def _under(entry: Entry, parent: str | None) -> bool:
    return parent is None or entry.kode.startswith(parent + ".")


class Nomenklatur:
    """One version of the official nomenclature, indexed by code and by name."""

    def __init__(
        self,
        version: str,
        entries: Iterable[Entry],
        metadata: Callable[[], dict[str, Metadata]],
    ) -> None:
        self.version = version
        self._by_kode: dict[str, Entry] = {}
        self._children: dict[str | None, list[Entry]] = defaultdict(list)
        self._by_name: dict[str, list[Entry]] = defaultdict(list)
        entries = list(entries)
        for entry in entries:
            self._add(entry)
        self._levels = levels_by_name((e.level, e.nama) for e in entries)
        self._load_metadata = metadata
        self._metadata: dict[str, Metadata] | None = None
        self._pools: dict[tuple[str, str | None], tuple[list[Entry], list[str]]] = {}

    def _add(self, entry: Entry) -> None:
        self._by_kode[entry.kode] = entry
        self._children[entry.parent_kode].append(entry)
        normalized = normalize_name(entry.nama)
        self._by_name[normalized].append(entry)
        stripped = program_key(normalized)
        if entry.level == "program" and stripped != normalized:
            self._by_name[stripped].append(entry)

    def __len__(self) -> int:
        return len(self._by_kode)

    def __contains__(self, kode: object) -> bool:
        return kode in self._by_kode

    def __repr__(self) -> str:
        return f"Nomenklatur({self.version!r}, {len(self)} kode)"

    def get(self, kode: str) -> Entry | None:
        """The entry of a code, or None if the code does not exist."""
        return self._by_kode.get((kode or "").strip())

    def children(self, kode: str) -> list[Entry]:
        """The entries one level below a code, in code order."""
        return list(self._children.get(kode, ()))

    def parent(self, kode: str) -> Entry | None:
        """The entry one level above a code (None at the top or if unknown)."""
        entry = self.get(kode)
        return None if entry is None or entry.parent_kode is None else self.get(entry.parent_kode)

    def metadata(self, kode: str) -> Metadata | None:
        """Kinerja, indikator and satuan of a sub kegiatan, if the regulation gives them."""
        if self._metadata is None:
            self._metadata = self._load_metadata()
        found = self._metadata.get(kode)
        if found is None and kode_level(kode) == "sub_kegiatan" and kode[4:7] == ".01":
            # A program penunjang copied from the template shares its metadata.
            found = self._metadata.get(_TEMPLATE + kode[4:])
        return found

    def find_by_name(
        self, nama: str, level: str | None = None, parent: str | None = None
    ) -> list[Entry]:
        """Entries whose name equals `nama` after normalisation, in code order.

        `parent` is any ancestor code: only entries below it are returned.
        """
        normalized = normalize_name(nama)
        found = self._by_name.get(normalized, [])
        if level in (None, "program"):
            found = found + self._by_name.get(program_key(normalized), [])
        unique = dict.fromkeys(
            e for e in found if (level is None or e.level == level) and _under(e, parent)
        )
        return sorted(unique, key=lambda e: e.kode)

    def levels_for_name(self, nama: str) -> frozenset[str]:
        """The levels at which a name occurs (empty if it is no official name)."""
        return self._levels.get(normalize_name(nama), frozenset())

    def candidates(
        self, nama: str, level: str, parent: str | None = None, limit: int = 3
    ) -> list[tuple[Entry, float]]:
        """The official entries most like `nama` at one level, best first, score 0..100."""
        from renja_xl.nomenklatur.similarity import scores

        entries, keys = self._pool(level, parent)
        found = scores(_key(level, nama), keys)
        best = heapq.nlargest(limit, range(len(found)), key=found.__getitem__)
        return [(entries[index], round(found[index], 1)) for index in best]

    def _pool(self, level: str, parent: str | None) -> tuple[list[Entry], list[str]]:
        pool = self._pools.get((level, parent))
        if pool is None:
            entries = [e for e in self._below(parent) if e.level == level]
            pool = (entries, [_key(level, e.nama) for e in entries])
            self._pools[(level, parent)] = pool
        return pool

    def _below(self, parent: str | None) -> list[Entry]:
        """Every entry under `parent` (all entries for None), in tree order."""
        if parent is None:
            return list(self._by_kode.values())
        found: list[Entry] = []
        for child in self._children.get(parent, ()):
            found.append(child)
            found.extend(self._below(child.kode))
        return found

    @staticmethod
    def kode_level(kode: str) -> str | None:
        """The level a code's shape implies, or None if it has no valid shape."""
        return kode_level(kode)

    @staticmethod
    def is_valid_format(kode: str) -> bool:
        """Whether the code has the shape `U.BB.PP.K.KK.SSSS` (or a prefix level)."""
        return is_valid_format(kode)
