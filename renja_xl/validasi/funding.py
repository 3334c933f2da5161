"""Recognising funding sources (sumber dana) in a cell: "APBD", "APBD, DAK", "apbd prov".

The recognised sources live in the data file `data/sumber_dana.toml`, the official
names SIPD-RI uses among them ("DAK Non Fisik-Dana BOK-BOK Puskesmas", with their
codes), each under its broad source. Official names may hold "dan" or "/", which
otherwise separate sources: a part between strong separators (";", a new line)
that is a known name whole is taken whole.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

__all__ = ["FundingSources", "default_sources", "split_sources"]

_SEPARATOR = re.compile(r"\s*(?:[,;+&\n]|/(?!kota)|\bdan\b)\s*", re.IGNORECASE)
_STRONG = re.compile(r"\s*[;\n]\s*")
_NOISE = re.compile(r"[\s.\-]+")


def _key(text: str) -> str:
    return _NOISE.sub("", text.casefold())


def split_sources(text: str) -> list[str]:
    """The sources named in one cell: "APBD, DAK" → ["APBD", "DAK"]."""
    return [part.strip() for part in _SEPARATOR.split(text or "") if part.strip(" .-()")]


@dataclass(frozen=True)
class FundingSources:
    """The recognised sources: spelling key → canonical name, and broader sources."""

    canonical: dict[str, str]
    broader: dict[str, str]
    codes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Official name → the codes SIPD-RI files it under."""

    def with_extra(self, names: Iterable[str]) -> FundingSources:
        """A copy that also recognises `names`."""
        return FundingSources(self.canonical | {_key(n): n for n in names}, self.broader,
                              self.codes)

    def recognise(self, part: str) -> str | None:
        """The canonical name of one source, or None if it is not recognised."""
        return self.canonical.get(_key(part))

    def parse(self, text: str) -> tuple[set[str], list[str]]:
        """Canonical sources named in a cell, and the parts that were not recognised."""
        known: set[str] = set()
        unknown: list[str] = []
        for whole in _STRONG.split(text or ""):
            name = self.recognise(whole) if whole.strip() else None
            if name is not None:
                known.add(name)
                continue
            for part in split_sources(whole):
                name = self.recognise(part)
                if name is None:
                    unknown.append(part)
                else:
                    known.add(name)
        return known, unknown

    def covers(self, named: set[str], used: str) -> bool:
        """Whether a parent naming `named` accounts for a child funded by `used`."""
        source: str | None = used
        while source is not None:
            if source in named:
                return True
            source = self.broader.get(source)
        return False


@cache
def default_sources() -> FundingSources:
    """The packaged list of recognised sumber dana."""
    data = resources.files("renja_xl.validasi").joinpath("data")
    text = data.joinpath("sumber_dana.toml").read_text("utf-8")
    canonical: dict[str, str] = {}
    broader: dict[str, str] = {}
    codes: dict[str, tuple[str, ...]] = {}
    for name, entry in tomllib.loads(text).items():
        for spelling in (name, *entry.get("alias", ())):
            canonical[_key(spelling)] = name
        if "bagian_dari" in entry:
            broader[name] = entry["bagian_dari"]
        if "kode" in entry:
            codes[name] = tuple(entry["kode"])
    return FundingSources(canonical, broader, codes)
