"""renja_xl.analisis exposes one sorted list of public names, each of them real."""

import renja_xl.analisis as analisis


def test_public_names_are_sorted_constants_first_and_importable() -> None:
    constants = [name for name in analisis.__all__ if name.isupper()]
    others = [name for name in analisis.__all__ if not name.isupper()]
    assert analisis.__all__ == sorted(constants) + sorted(others)
    for name in analisis.__all__:
        assert getattr(analisis, name) is not None, name


def test_the_dataframe_api_is_public() -> None:
    expected = {"to_frame", "program_frame", "kegiatan_frame", "load_frames", "rupiah_formatter"}
    assert expected <= set(analisis.__all__)
