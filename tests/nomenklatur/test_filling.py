"""fill_kode fills empty codes top-down, precisely, on the real Dharmasraya tables."""

import pytest

from renja_xl.example import load_example
from renja_xl.model import Baris, Level, Renja, Tabel, TabelKind
from renja_xl.nomenklatur import DEFAULT_THRESHOLD, Nomenklatur, default, fill_kode, fill_kode_renja
from renja_xl.nomenklatur.entry import Metadata

from .seed_kode import SEEDS


@pytest.fixture(scope="module")
def renja():
    return load_example()


@pytest.fixture(scope="module")
def hasil(renja):
    return {t.kind.value: fill_kode(t) for t in renja.tabel}


def _table(rows: list[tuple[Level, str]], kode: dict[int, str] | None = None) -> Tabel:
    kode = kode or {}
    return Tabel(
        kind=TabelKind.TABEL_31,
        baris=[Baris(level=lv, uraian=u, kode=kode.get(i, "")) for i, (lv, u) in enumerate(rows)],
    )


def test_seed_set_is_large_enough():
    assert len(SEEDS) >= 40


@pytest.mark.parametrize(("tabel", "index", "uraian", "kode"), SEEDS)
def test_no_wrong_code_on_hand_verified_rows(hasil, tabel, index, uraian, kode):
    row = hasil[tabel].tabel.baris[index]
    assert row.uraian.startswith(uraian)
    assert row.kode in ({kode, ""} if kode else {""})


def test_seed_recall_at_default_threshold(hasil):
    coded = [s for s in SEEDS if s[3] and hasil[s[0]].tabel.baris[s[1]].kode == s[3]]
    assert len(coded) >= 45


@pytest.mark.parametrize(("tabel", "diisi", "tersisa"), [("3.1", 120, 11), ("4.1", 117, 10)])
def test_counts_on_the_fixture(hasil, tabel, diisi, tersisa):
    result = hasil[tabel]
    assert (len(result.diisi), len(result.tersisa)) == (diisi, tersisa)
    coded = [b for b in result.tabel.baris if b.kode]
    assert len(coded) == diisi
    assert result.urusan_utama == "1.06"
    assert result.bidang == ("1.06", "2.08", "2.14")


def test_every_exact_name_gets_its_code(hasil):
    for result in hasil.values():
        exact = [d for d in result.diisi if d.confidence == 100]
        assert len(exact) >= 90
        assert all(not t.candidates or t.candidates[0][1] < 100 for t in result.tersisa)


def test_permakanan_is_decided_by_its_kegiatan(hasil):
    rows = hasil["4.1"].tabel.baris
    assert (rows[38].kode, rows[39].kode) == ("1.06.04.2.01", "1.06.04.2.01.0001")
    assert (rows[51].kode, rows[53].kode) == ("1.06.04.2.02", "1.06.04.2.02.0003")


def test_left_rows_carry_reason_and_three_candidates(hasil):
    left = {t.index: t for t in hasil["3.1"].tersisa}
    advokasi = left[103]
    assert advokasi.alasan == "kemiripan di bawah ambang"
    assert len(advokasi.candidates) == 3
    assert advokasi.candidates[0][0].kode == "2.14.03.2.01.0014"
    assert advokasi.candidates[0][1] < DEFAULT_THRESHOLD


def test_the_input_table_is_unchanged(renja, hasil):
    assert all(not b.kode for b in renja.tabel31.baris)
    assert hasil["3.1"].tabel is not renja.tabel31


def test_existing_code_is_never_overwritten_and_gives_context():
    tabel = _table(
        [
            (Level.PROGRAM, "PROGRAM REHABILITASI SOSIAL"),
            (Level.KEGIATAN, "Rehabilitasi Sosial PMKS (kode diketik)"),
            (Level.SUB_KEGIATAN, "Penyediaan Permakanan"),
            (Level.SUB_KEGIATAN, "Penyediaan Sandang"),
        ],
        kode={1: "1.06.04.2.02", 3: "9.99"},
    )
    result = fill_kode(tabel)
    assert [b.kode for b in result.tabel.baris] == [
        "1.06.04",
        "1.06.04.2.02",
        "1.06.04.2.02.0003",
        "9.99",
    ]
    assert result.sudah_ada == [1, 3]


def test_penunjang_goes_under_the_given_urusan():
    tabel = _table(
        [
            (Level.PROGRAM, "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"),
            (Level.KEGIATAN, "Administrasi Keuangan Perangkat Daerah"),
            (Level.SUB_KEGIATAN, "Penyediaan Gaji dan Tunjangan ASN"),
            (Level.PROGRAM, "PROGRAM PEMBERDAYAAN SOSIAL"),
            (Level.PROGRAM, "PROGRAM PENGENDALIAN PENDUDUK"),
        ]
    )
    inferred = fill_kode(tabel)
    given = fill_kode(tabel, urusan="2.14")
    assert inferred.tabel.baris[2].kode == "1.06.01.2.02.0001"
    assert [b.kode for b in given.tabel.baris] == [
        "2.14.01",
        "2.14.01.2.02",
        "2.14.01.2.02.0001",
        "1.06.02",
        "2.14.02",
    ]


def test_penunjang_alone_is_not_guessed():
    tabel = _table([(Level.PROGRAM, "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA")])
    result = fill_kode(tabel)
    assert result.tabel.baris[0].kode == ""
    assert result.tersisa[0].alasan == "nama yang sama ada di beberapa kode"


def test_each_table_of_a_renja_is_filled_with_the_urusan_found_before_it():
    first = _table([(Level.PROGRAM, "PROGRAM REHABILITASI SOSIAL")])
    penunjang = "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"
    second = _table([(Level.PROGRAM, penunjang)])
    filled = fill_kode_renja(Renja(tahun=2024, tabel31=first, tabel41=second))
    assert [h.urusan_utama for h in filled] == ["1.06", "1.06"]
    assert [h.tabel.baris[0].kode for h in filled] == ["1.06.04", "1.06.01"]
    assert fill_kode(second).tabel.baris[0].kode == ""  # alone, the penunjang is not guessed


def test_a_row_under_an_uncoded_parent_is_left():
    tabel = _table(
        [
            (Level.PROGRAM, "PROGRAM REHABILITASI SOSIAL"),
            (Level.KEGIATAN, "Kegiatan yang tidak ada di nomenklatur"),
            (Level.SUB_KEGIATAN, "Penyediaan Permakanan"),
        ]
    )
    result = fill_kode(tabel)
    assert [b.kode for b in result.tabel.baris] == ["1.06.04", "", ""]
    assert result.tersisa[1].alasan == "baris induk belum berkode"


def test_a_code_is_given_once_per_table():
    tabel = _table(
        [
            (Level.PROGRAM, "PROGRAM PENANGANAN BENCANA"),
            (Level.KEGIATAN, "Perlindungan Sosial Korban Bencana Alam dan Sosial Kabupaten/Kota"),
            (Level.SUB_KEGIATAN, "Penyediaan Makanan"),
            (Level.SUB_KEGIATAN, "penyediaan makanan"),
        ]
    )
    result = fill_kode(tabel)
    assert [b.kode for b in result.tabel.baris][2:] == ["1.06.06.2.01.0001", ""]
    assert result.tersisa[0].alasan == "kode 1.06.06.2.01.0001 sudah dipakai baris lain"


def test_perbaiki_nama_rewrites_certain_rows_to_the_official_spelling(renja):
    listed = fill_kode(renja.tabel31)
    rewritten = fill_kode(renja.tabel31, perbaiki_nama=True)
    change = next(p for p in listed.perbaikan_nama if p.index == 39)
    assert (change.kode, change.lama, change.baru) == (
        "1.06.04.2.01.0001",
        "Penyediaan Perumahan",
        "Penyediaan Permakanan",
    )
    assert listed.tabel.baris[39].uraian == "Penyediaan Perumahan"
    assert rewritten.tabel.baris[39].uraian == "Penyediaan Permakanan"
    assert rewritten.tabel.baris[1].uraian.endswith("KABUPATEN/KOTA")
    unchanged = {p.index for p in listed.perbaikan_nama}
    assert 6 not in unchanged  # "Penyediaan Gaji dan Tunjangan ASN" is already official


def test_metadata_is_offered_where_indikator_is_empty():
    tabel = _table(
        [
            (Level.PROGRAM, "PROGRAM REHABILITASI SOSIAL"),
            (
                Level.KEGIATAN,
                "Rehabilitasi Sosial Penyandang Masalah Kesejahteraan Sosial (PMKS)"
                " Lainnya Bukan Korban HIV/AIDS dan NAPZA di Luar Panti Sosial",
            ),
            (Level.SUB_KEGIATAN, "Penyediaan Permakanan"),
        ]
    )
    offered = fill_kode(tabel)
    (saran,) = offered.saran_indikator
    assert saran.kode == "1.06.04.2.02.0003"
    assert saran.metadata.satuan == "Orang"
    assert offered.tabel.baris[2].indikator == ""
    filled = fill_kode(tabel, isi_indikator=True)
    assert filled.tabel.baris[2].indikator == saran.metadata.indikator


def test_without_saran_indikator_the_codes_are_the_same_and_no_metadata_is_read():
    tabel = _table([
        (Level.PROGRAM, "PROGRAM REHABILITASI SOSIAL"),
        (Level.KEGIATAN, "Rehabilitasi Sosial Penyandang Masalah Kesejahteraan Sosial (PMKS)"
                         " Lainnya Bukan Korban HIV/AIDS dan NAPZA di Luar Panti Sosial"),
        (Level.SUB_KEGIATAN, "Penyediaan Permakanan"),
    ])
    official = default()
    chain = [official.get("1.06.04.2.02.0003")]
    while (parent := official.parent(chain[-1].kode)) is not None:
        chain.append(parent)
    read: list[str] = []

    def metadata() -> dict[str, Metadata]:
        read.append("metadata")
        return {"1.06.04.2.02.0003": Metadata("kinerja", "indikator", "Orang")}

    offered = fill_kode(tabel, Nomenklatur("uji", chain, metadata))
    assert read == ["metadata"] and len(offered.saran_indikator) == 1
    quiet = fill_kode(tabel, Nomenklatur("uji", chain, metadata), saran_indikator=False)
    assert read == ["metadata"]
    assert quiet.saran_indikator == []
    assert [b.kode for b in quiet.tabel.baris] == [b.kode for b in offered.tabel.baris]
    assert quiet.tabel.baris[2].kode == "1.06.04.2.02.0003"


def test_fixture_rows_with_indikator_get_no_offer(hasil):
    assert hasil["3.1"].saran_indikator == []
