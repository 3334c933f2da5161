"""save_workbook never leaves a half-written file; check_preservable names what openpyxl drops."""

from __future__ import annotations

import importlib.util
import io
import os
import re
import signal
import sys
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.worksheet.datavalidation import DataValidation

from renja_xl.errors import SaveError, WorkbookError
from renja_xl.example import load_example
from renja_xl.workbook.round_trip import check_preservable
from renja_xl.workbook.saving import backup_path, save_bytes, save_workbook
from renja_xl.workbook.writer import render

BACKUP_NAME = re.compile(r"renja\.cadangan-\d{8}-\d{6}\.xlsx")


def _plan(path: Path, pagu: int = 14_428_928_570) -> bytes:
    wb = Workbook()
    wb.active.title = "Tabel 3.1"
    wb.active.append(["Uraian", "Pagu"])
    wb.active.append(["JUMLAH", pagu])
    wb.save(path)
    return path.read_bytes()


def _edited(path: Path, pagu: int) -> Workbook:
    wb = load_workbook(path)
    wb["Tabel 3.1"]["B2"] = pagu
    return wb


def _zip_of(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _large_workbook(rows: int = 4000) -> Workbook:
    """A workbook whose saved file is several hundred kilobytes (random text barely compresses)."""
    wb = Workbook()
    for row in range(rows):
        wb.active.append([os.urandom(24).hex(), row])
    return wb


def test_writes_a_new_file_without_a_backup(workbook_dir: Path):
    wb = Workbook()
    wb.active["A1"] = "Renja"

    backup = save_workbook(wb, workbook_dir / "baru.xlsx")

    assert backup is None
    assert load_workbook(workbook_dir / "baru.xlsx").active["A1"].value == "Renja"
    assert [p.name for p in workbook_dir.iterdir()] == ["baru.xlsx"]


def test_keeps_the_original_as_a_dated_backup(workbook_dir: Path):
    path = workbook_dir / "renja.xlsx"
    original = _plan(path)

    backup = save_workbook(_edited(path, 13_878_624_857), path)

    assert backup is not None and BACKUP_NAME.fullmatch(backup.name)
    assert backup.parent == workbook_dir
    assert backup.read_bytes() == original
    assert load_workbook(path)["Tabel 3.1"]["B2"].value == 13_878_624_857
    assert sorted(p.name for p in workbook_dir.iterdir()) == sorted([backup.name, path.name])


def test_skips_the_backup_when_asked(workbook_dir: Path):
    path = workbook_dir / "renja.xlsx"
    _plan(path)

    assert save_workbook(_edited(path, 1), path, backup=False) is None
    assert [p.name for p in workbook_dir.iterdir()] == ["renja.xlsx"]


def test_keeps_the_file_permissions(workbook_dir: Path):
    path = workbook_dir / "renja.xlsx"
    _plan(path)
    path.chmod(0o640)

    save_workbook(_edited(path, 1), path)

    assert path.stat().st_mode & 0o777 == 0o640


def test_gives_a_new_file_the_usual_permissions(workbook_dir: Path):
    umask = os.umask(0o022)
    try:
        save_workbook(Workbook(), workbook_dir / "baru.xlsx")
    finally:
        os.umask(umask)

    assert (workbook_dir / "baru.xlsx").stat().st_mode & 0o777 == 0o644


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE ada di POSIX saja")
def test_leaves_the_original_intact_when_the_disk_fills_halfway(workbook_dir: Path):
    import resource

    path = workbook_dir / "renja.xlsx"
    original = _plan(path)
    limit = 64 * 1024  # the original is ~5 kB; the new file would be ~250 kB
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        with pytest.raises(SaveError) as raised:
            save_workbook(_large_workbook(), path)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)

    assert path.read_bytes() == original
    assert [p.name for p in workbook_dir.iterdir()] == ["renja.xlsx"]
    assert "renja.xlsx" in str(raised.value)
    assert "berkas asli tidak diubah" in str(raised.value)
    assert "batas ukuran" in str(raised.value)


def test_leaves_nothing_behind_when_the_final_rename_fails(workbook_dir: Path):
    in_the_way = workbook_dir / "renja.xlsx"
    in_the_way.mkdir()
    (in_the_way / "isi.txt").write_text("jangan dihapus")

    with pytest.raises(SaveError, match="berkas asli tidak diubah"):
        save_workbook(Workbook(), in_the_way, backup=False)

    assert [p.name for p in workbook_dir.iterdir()] == ["renja.xlsx"]
    assert (in_the_way / "isi.txt").read_text() == "jangan dihapus"


def test_refuses_a_workbook_openpyxl_cannot_save(workbook_dir: Path):
    path = workbook_dir / "renja.xlsx"
    original = _plan(path)
    read_only = load_workbook(path, read_only=True)

    with pytest.raises(SaveError, match="read_only=True"):
        save_workbook(read_only, path)
    read_only.close()

    assert path.read_bytes() == original
    assert [p.name for p in workbook_dir.iterdir()] == ["renja.xlsx"]


def test_refuses_a_folder_that_does_not_exist(workbook_dir: Path):
    with pytest.raises(SaveError, match="folder tujuan tidak ada"):
        save_workbook(Workbook(), workbook_dir / "tidak-ada" / "renja.xlsx")


def _macro_workbook(folder: Path) -> Path:
    """A copy of xlwings' quickstart.xlsm, a real workbook with a compiled vbaProject.bin."""
    spec = importlib.util.find_spec("xlwings")
    if spec is None or spec.origin is None:
        pytest.skip("xlwings (renja-xl[excel]) tidak terpasang: tidak ada contoh .xlsm")
    source = Path(spec.origin).parent / "quickstart.xlsm"
    copy = folder / "renja.xlsm"
    copy.write_bytes(source.read_bytes())
    return copy


def _vba(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/vbaProject.bin")


def test_keeps_the_vba_of_a_workbook_loaded_with_keep_vba(workbook_dir: Path):
    path = _macro_workbook(workbook_dir)
    vba = _vba(path)
    wb = load_workbook(path, keep_vba=True)
    wb.active["A1"] = "diubah"

    save_workbook(wb, path)

    assert _vba(path) == vba
    assert load_workbook(path).active["A1"].value == "diubah"
    with zipfile.ZipFile(path) as archive:
        assert b"macroEnabled" in archive.read("[Content_Types].xml")


def test_refuses_to_drop_the_macros(workbook_dir: Path):
    path = _macro_workbook(workbook_dir)
    original = path.read_bytes()

    with pytest.raises(SaveError, match="keep_vba=True"):
        save_workbook(load_workbook(path), path)

    assert path.read_bytes() == original


def test_refuses_macros_in_an_xlsx(workbook_dir: Path):
    path = _macro_workbook(workbook_dir)

    with pytest.raises(SaveError, match=r"\.xlsm"):
        save_workbook(load_workbook(path, keep_vba=True), workbook_dir / "renja.xlsx")

    assert not (workbook_dir / "renja.xlsx").exists()


def _rendered() -> bytes:
    """The real plan as the writer renders it, before anything is saved."""
    return render(load_example())


def test_saves_rendered_bytes_keeping_the_original_as_a_dated_backup(workbook_dir: Path):
    path = workbook_dir / "renja.xlsx"
    original = _plan(path)
    data = _rendered()

    backup = save_bytes(data, path)

    assert backup is not None and BACKUP_NAME.fullmatch(backup.name)
    assert backup.read_bytes() == original
    assert path.read_bytes() == data
    assert load_workbook(path).sheetnames == ["Tabel 3.1", "Tabel 4.1"]
    assert sorted(p.name for p in workbook_dir.iterdir()) == sorted([backup.name, path.name])


def test_saves_rendered_bytes_as_a_new_file_with_the_usual_permissions(workbook_dir: Path):
    umask = os.umask(0o022)
    try:
        backup = save_bytes(_rendered(), workbook_dir / "baru.xlsx", backup=True)
    finally:
        os.umask(umask)

    assert backup is None
    assert (workbook_dir / "baru.xlsx").stat().st_mode & 0o777 == 0o644
    assert [p.name for p in workbook_dir.iterdir()] == ["baru.xlsx"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"bukan zip sama sekali", "bukan berkas .xlsx"),
        (b"", "bukan berkas .xlsx"),
        (_zip_of({"word/document.xml": b"<w/>"}), "bukan workbook Excel"),
    ],
)
def test_refuses_bytes_that_are_not_a_workbook(workbook_dir: Path, data: bytes, reason: str):
    path = workbook_dir / "renja.xlsx"
    original = _plan(path)

    with pytest.raises(SaveError, match=reason):
        save_bytes(data, path)

    assert path.read_bytes() == original
    assert [p.name for p in workbook_dir.iterdir()] == ["renja.xlsx"]


def test_refuses_to_save_rendered_bytes_without_macros_as_xlsm(workbook_dir: Path):
    with pytest.raises(SaveError, match=r"akhiran \.xlsx"):
        save_bytes(_rendered(), workbook_dir / "renja.xlsm")

    assert list(workbook_dir.iterdir()) == []


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE ada di POSIX saja")
def test_leaves_the_original_intact_when_the_disk_fills_while_saving_bytes(workbook_dir: Path):
    import resource

    path = workbook_dir / "renja.xlsx"
    original = _plan(path)
    data = _rendered()
    limit = len(data) // 2
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        with pytest.raises(SaveError) as raised:
            save_bytes(data, path)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)

    assert path.read_bytes() == original
    assert [p.name for p in workbook_dir.iterdir()] == ["renja.xlsx"]
    assert "berkas asli tidak diubah" in str(raised.value)
    assert "batas ukuran" in str(raised.value)


def test_names_the_backup_after_the_file_and_the_time(tmp_path: Path):
    when = datetime(2022, 10, 3, 14, 5, 9)

    assert backup_path(tmp_path / "renja.xlsm", when).name == "renja.cadangan-20221003-140509.xlsm"


def test_never_reuses_a_name_within_the_same_second(tmp_path: Path):
    when = datetime(2022, 10, 3, 14, 5, 9)
    backup_path(tmp_path / "renja.xlsx", when).write_bytes(b"")

    assert backup_path(tmp_path / "renja.xlsx", when).name == (
        "renja.cadangan-20221003-140509-2.xlsx"
    )


# --- check_preservable --------------------------------------------------------------

TEXT_BOX = (
    b'<twoCellAnchor xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    b"<from><col>5</col><colOff>0</colOff><row>1</row><rowOff>0</rowOff></from>"
    b"<to><col>8</col><colOff>0</colOff><row>4</row><rowOff>0</rowOff></to>"
    b'<sp macro="" textlink=""><nvSpPr><cNvPr id="3" name="TextBox 2"/><cNvSpPr txBox="1"/>'
    b'</nvSpPr><spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></spPr><txBody><a:bodyPr/>'
    b"<a:p><a:r><a:t>Catatan</a:t></a:r></a:p></txBody></sp><clientData/></twoCellAnchor>"
)

EXCEL_2010_SHEET_PARTS = (
    b'<ignoredErrors><ignoredError sqref="A1:A9" numberStoredAsText="1"/></ignoredErrors>'
    b"<extLst>"
    b'<ext uri="{CCE6A557-97BC-4B89-ADB6-D9C93CAAB3DF}" '
    b'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
    b'<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
    b'<x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>Daftar!$A$1:$A$3</xm:f>'
    b"</x14:formula1><xm:sqref>C2:C9</xm:sqref></x14:dataValidation></x14:dataValidations></ext>"
    b'<ext uri="{05C60535-1F16-4FD2-B633-F4F36F0B64E0}" '
    b'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
    b'<x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
    b'<x14:sparklineGroup><x14:colorSeries rgb="FF376092"/><x14:sparklines><x14:sparkline>'
    b"<xm:f>'Tabel 3.1'!B1:B4</xm:f><xm:sqref>D1</xm:sqref></x14:sparkline></x14:sparklines>"
    b"</x14:sparklineGroup></x14:sparklineGroups></ext>"
    b"</extLst>"
)

CUSTOM_XML_RELATIONSHIP = (
    b'<Relationship Id="rIdCustom1" '
    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" '
    b'Target="../customXml/item1.xml"/>'
)


def _rich_workbook(path: Path) -> None:
    """What openpyxl keeps: an image, a chart, a comment, validation, a second sheet."""
    from openpyxl.drawing.image import Image
    from PIL import Image as PillowImage

    png = io.BytesIO()
    PillowImage.new("RGB", (8, 8), "navy").save(png, "PNG")
    wb = Workbook()
    ws = wb.active
    ws.title = "Tabel 3.1"
    for pagu in (100, 200, 300, 400):
        ws.append([pagu])
    ws["A1"].comment = Comment("periksa pagu", "Bappeda")
    validation = DataValidation(type="list", formula1='"APBD,DAK,DAU"')
    validation.add("C1:C4")
    ws.add_data_validation(validation)
    ws.add_image(Image(png), "E2")
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=1, min_row=1, max_row=4))
    ws.add_chart(chart, "E10")
    wb.create_sheet("Tabel 4.1")
    wb.save(path)


def _patched(source: Path, target: Path, patches: dict[str, tuple[bytes, bytes]]) -> Path:
    """A copy of `source` with `old` replaced by `new` in the named zip parts (or new parts)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for name in old.namelist():
            data = old.read(name)
            if name in patches:
                before, after = patches.pop(name)
                assert before in data, f"{before!r} not in {name}"
                data = data.replace(before, after, 1)
            new.writestr(name, data)
        for name, (_, data) in patches.items():
            new.writestr(name, data)
    return target


def _round_trip(path: Path, folder: Path) -> Path:
    """`path` loaded and saved by openpyxl."""
    copy = folder / f"rt-{path.name}"
    load_workbook(path).save(copy)
    return copy


def _sheet(path: Path, name: str = "xl/worksheets/sheet1.xml") -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name)


def _names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return archive.namelist()


def test_lists_nothing_for_what_openpyxl_keeps(workbook_dir: Path):
    path = workbook_dir / "lengkap.xlsx"
    _rich_workbook(path)

    assert check_preservable(path) == []
    kept = load_workbook(_round_trip(path, workbook_dir))["Tabel 3.1"]
    assert len(kept._images) == 1 and len(kept._charts) == 1
    assert kept["A1"].comment.text == "periksa pagu"
    assert kept.data_validations.dataValidation[0].formula1 == '"APBD,DAK,DAU"'


def test_lists_a_text_box_which_openpyxl_drops(workbook_dir: Path):
    path = workbook_dir / "lengkap.xlsx"
    _rich_workbook(path)
    shaped = _patched(
        path,
        workbook_dir / "kotak.xlsx",
        {"xl/drawings/drawing1.xml": (b"</wsDr>", TEXT_BOX + b"</wsDr>")},
    )

    assert check_preservable(shaped) == ["bentuk, kotak teks dan tombol bergambar"]
    after = _round_trip(shaped, workbook_dir)
    assert b"TextBox 2" not in b"".join(
        _sheet(after, name) for name in _names(after) if name.startswith("xl/drawings/")
    )
    assert check_preservable(after) == []


def test_lists_excel_2010_sheet_parts_by_sheet(workbook_dir: Path):
    path = workbook_dir / "lengkap.xlsx"
    _rich_workbook(path)
    extended = _patched(
        path,
        workbook_dir / "x14.xlsx",
        {"xl/worksheets/sheet2.xml": (b"</worksheet>", EXCEL_2010_SHEET_PARTS + b"</worksheet>")},
    )

    assert check_preservable(extended) == [
        "sheet 'Tabel 4.1': pengabaian tanda kesalahan (segitiga hijau muncul lagi)",
        "sheet 'Tabel 4.1': validasi data yang merujuk sheet lain",
        "sheet 'Tabel 4.1': grafik mini (sparkline)",
    ]
    with pytest.warns(UserWarning, match="extension is not supported"):
        after = _sheet(_round_trip(extended, workbook_dir), "xl/worksheets/sheet2.xml")
    assert b"sparkline" not in after and b"ignoredError" not in after


def test_lists_custom_xml_parts(workbook_dir: Path):
    path = workbook_dir / "lengkap.xlsx"
    _rich_workbook(path)
    with_xml = _patched(
        path,
        workbook_dir / "xml.xlsx",
        {
            "xl/_rels/workbook.xml.rels": (
                b"</Relationships>",
                CUSTOM_XML_RELATIONSHIP + b"</Relationships>",
            ),
            "customXml/item1.xml": (b"", b"<renja><opd>DINSOSP3APPKB</opd></renja>"),
        },
    )

    assert check_preservable(with_xml) == ["bagian XML kustom (termasuk kueri Power Query)"]
    after = _round_trip(with_xml, workbook_dir)
    assert not [name for name in _names(after) if name.startswith("customXml/")]


def test_lists_macros_unless_they_are_kept(workbook_dir: Path):
    path = _macro_workbook(workbook_dir)

    assert check_preservable(path) == ["makro VBA (buka dengan keep_vba=True agar tetap ada)"]
    assert check_preservable(path, keep_vba=True) == []


def test_refuses_a_file_that_is_not_a_workbook(workbook_dir: Path):
    path = workbook_dir / "renja.xlsx"
    path.write_text("bukan workbook")

    with pytest.raises(WorkbookError, match=r"renja\.xlsx: bukan berkas \.xlsx"):
        check_preservable(path)
