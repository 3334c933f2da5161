"""The validation context computes the same subtotals as `recompute`."""

from renja_xl.example import load_example
from renja_xl.recompute import expected_totals
from renja_xl.validasi.config import Config
from renja_xl.validasi.context import TabelContext


def test_expected_subtotals_equal_recompute() -> None:
    renja = load_example()
    for tabel in renja.tabel:
        assert TabelContext(renja, tabel, Config()).expected == expected_totals(tabel)


def test_expected_subtotals_equal_recompute_with_orphans() -> None:
    renja = load_example()
    for tabel in renja.tabel:
        del tabel.baris[2]  # the first kegiatan: its sub kegiatan become orphans
        assert TabelContext(renja, tabel, Config()).expected == expected_totals(tabel)
