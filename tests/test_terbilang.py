"""Amounts in Indonesian words, as official documents write them."""

import pytest

from renja_xl.terbilang import terbilang, terbilang_rupiah


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "nol"),
        (1, "satu"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (20, "dua puluh"),
        (100, "seratus"),
        (111, "seratus sebelas"),
        (1000, "seribu"),
        (1100, "seribu seratus"),
        (2000, "dua ribu"),
        (1_000_000, "satu juta"),
        (28_600_000, "dua puluh delapan juta enam ratus ribu"),
        (60_168_400, "enam puluh juta seratus enam puluh delapan ribu empat ratus"),
        (2_000_000_000_000, "dua triliun"),
    ],
)
def it_spells_numbers(n: int, words: str) -> None:
    assert terbilang(n) == words


def it_spells_the_dharmasraya_total_right_unlike_the_seed() -> None:
    # The seed's own sentence says "Sembilan Ratus Empat Dua Puluh Delapan Ribu".
    assert terbilang_rupiah(14_428_928_570) == (
        "empat belas miliar empat ratus dua puluh delapan juta sembilan ratus dua puluh "
        "delapan ribu lima ratus tujuh puluh rupiah"
    )


def it_reads_sen_after_the_rupiah() -> None:
    from decimal import Decimal

    assert terbilang_rupiah(Decimal("11847012.01")) == (
        "sebelas juta delapan ratus empat puluh tujuh ribu dua belas rupiah satu sen"
    )
    assert terbilang_rupiah(Decimal("0.50")) == "nol rupiah lima puluh sen"
    assert terbilang_rupiah(Decimal("1500.00")) == "seribu lima ratus rupiah"
