"""normalize_name folds the form of a name, never its words."""

from renja_xl.nomenklatur import normalize_name


def test_case_and_punctuation_are_folded():
    typed = "Perencanaan, Penganggaran, dan evaluasi kinerja perangkat Daerah"
    official = "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"
    assert normalize_name(typed) == normalize_name(official)


def test_spacing_hyphens_and_slashes_are_folded():
    assert normalize_name("  Dokumen RKA-SKPD\n") == normalize_name("dokumen  RKA - SKPD")
    assert normalize_name("Kabupaten/ Kota") == "kabupaten kota"


def test_ampersand_reads_as_dan():
    assert normalize_name("promosi & KIE") == normalize_name("Promosi dan KIE")


def test_program_prefix_is_kept():
    assert normalize_name("PROGRAM REHABILITASI SOSIAL") == "program rehabilitasi sosial"


def test_different_words_stay_different():
    assert normalize_name("Penyediaan Perumahan") != normalize_name("Penyediaan Permakanan")


def test_empty_name():
    assert normalize_name("") == ""
    assert normalize_name(" , ") == ""
