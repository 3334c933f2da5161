"""Workbooks as they live in real offices, to edit in tests.

`libreoffice_package` starts from the real example (Dharmasraya 2022), adds
with openpyxl what users add (a comment, a Sumber Dana dropdown, conditional
formats with a data bar, hidden and grouped rows and columns, frozen panes,
print titles, header and footer, a logo, a chart, a protected "Rekap" sheet
reading Tabel 3.1), then lets LibreOffice save it, so the package is written
by LibreOffice with every formula's result saved. `excel_package` then edits
that package's XML the way Excel writes it: a text box, a data bar with its
x14 extension, a dynamic-array formula (cm + xl/metadata.xml), calcChain,
printer settings, a rich-text note (bold run in the shared strings), and for
.xlsm a real vbaProject.bin.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import xlwings
from openpyxl import load_workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule, DataBarRule
from openpyxl.worksheet.datavalidation import DataValidation

from renja_xl.example import load_example
from renja_xl.workbook.writer import write
from tests.support.libreoffice import recalculate

__all__ = ["JUMLAH_ROW", "excel_package", "libreoffice_package", "parts", "replace_parts"]

JUMLAH_ROW = 145
SHEET = "Tabel 3.1"

TEXT_BOX = (
    b'<xdr:twoCellAnchor><xdr:from><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff>'
    b"<xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>15</xdr:col>"
    b"<xdr:colOff>0</xdr:colOff><xdr:row>4</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>"
    b'<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="99" name="TextBox 98"/>'
    b'<xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:prstGeom prst="rect"><a:avLst/>'
    b"</a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr/><a:p><a:r><a:t>Catatan Bappeda</a:t>"
    b"</a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor>"
)
DATA_BAR_EXT = (
    b'<extLst><ext uri="{78C0D931-6437-407D-A8EE-F0AAD7539E65}" '
    b'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
    b'<x14:conditionalFormattings><x14:conditionalFormatting '
    b'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
    b'<x14:cfRule type="dataBar" id="{00000000-000E-0000-0000-000001000000}"><x14:dataBar '
    b'minLength="0" maxLength="100" gradient="0"><x14:cfvo type="autoMin"/><x14:cfvo '
    b'type="autoMax"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/>'
    b"</x14:dataBar></x14:cfRule><xm:sqref>J12:J40</xm:sqref></x14:conditionalFormatting>"
    b"</x14:conditionalFormattings></ext></extLst>"
)
METADATA = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<metadata '
    b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    b'xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">'
    b'<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" '
    b'copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" '
    b'clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>'
    b'<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext '
    b'uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties '
    b'fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>'
    b'<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>'
)
PRINTER_SETTINGS = bytes(range(256)) * 4
RICH_TEXT = (b'<si><r><rPr><b/><sz val="11"/><color rgb="FFC00000"/><rFont val="Calibri"/></rPr>'
             b'<t>Catatan</t></r><r><rPr><sz val="11"/><rFont val="Calibri"/></rPr>'
             b'<t xml:space="preserve"> Bappeda: cek pagu</t></r></si>')
"""A shared string of two runs, the first bold and red, as Excel writes rich text."""
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def libreoffice_package(folder: Path) -> Path:
    """The example plan with what users add, saved by LibreOffice (results of formulas kept)."""
    folder.mkdir(parents=True, exist_ok=True)
    built = write(load_example(), folder / "dibuat.xlsx")
    wb = load_workbook(built)
    ws = wb[SHEET]
    ws["B12"].comment = Comment("Periksa lagi pagu kegiatan ini", "Bappeda")
    sumber = DataValidation(type="list", formula1='"APBD,DAK,DAU,APBN"', allow_blank=True)
    sumber.add("G12:G104")
    ws.add_data_validation(sumber)
    ws.conditional_formatting.add("F12:F104", CellIsRule(operator="lessThan", formula=["0"],
                                                          font=None, fill=None))
    ws.conditional_formatting.add("J12:J40", DataBarRule(start_type="min", end_type="max",
                                                         color="638EC6"))
    ws.row_dimensions[20].hidden = True
    for row in (13, 14):
        ws.row_dimensions[row].outline_level = 1
    ws.column_dimensions["H"].outline_level = 1
    ws.column_dimensions["H"].hidden = True
    ws.freeze_panes = "C10"
    ws.print_title_rows = "7:9"
    ws.oddHeader.center.text = "Renja &[Tab]"
    ws.oddFooter.right.text = "Halaman &[Page]"
    _logo(ws)
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=6, min_row=11, max_row=40))
    ws.add_chart(chart, "L20")
    rekap = wb.create_sheet("Rekap")
    rekap["A1"], rekap["B1"] = "Jumlah pagu", f"='{SHEET}'!F{JUMLAH_ROW}"
    rekap["A2"], rekap["B2"] = "Program pertama", f"='{SHEET}'!F11"
    rekap["A3"], rekap["B3"] = "Selisih", "=B1-B2"
    rekap.protection.sheet = True
    wb.save(built)
    saved = recalculate(built, folder / "lo")
    return saved.rename(folder / "libreoffice.xlsx")


def _logo(ws) -> None:
    from openpyxl.drawing.image import Image
    from PIL import Image as PillowImage

    png = io.BytesIO()
    PillowImage.new("RGB", (24, 24), "darkgreen").save(png, "PNG")
    ws.add_image(Image(png), "L1")


def parts(path: Path) -> dict[str, bytes]:
    """Every part of a package, by name, in zip order."""
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def replace_parts(source: Path, target: Path, changes: dict[str, bytes | None]) -> Path:
    """A copy of `source` with parts replaced, added (at the end) or removed (None)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for name in old.namelist():
            data = changes.pop(name, old.read(name))
            if data is not None:
                new.writestr(name, data)
        for name, data in changes.items():
            if data is not None:
                new.writestr(name, data)
    return target


def _sheet_parts(package: dict[str, bytes]) -> dict[str, str]:
    rels = package["xl/_rels/workbook.xml.rels"].decode()
    targets = dict(re.findall(r'Id="([^"]+)"[^>]*?Target="([^"]+)"', rels))
    targets.update({i: t for t, i in re.findall(r'Target="([^"]+)"[^>]*?Id="([^"]+)"', rels)})
    found = {}
    for name, rid in re.findall(r'<sheet name="([^"]+)"[^>]*?r:id="([^"]+)"',
                                package["xl/workbook.xml"].decode()):
        found[name] = "xl/" + targets[rid].lstrip("/").removeprefix("xl/")
    return found


def excel_package(source: Path, target: Path) -> Path:
    """`source` with what Excel adds by hand-edited XML; .xlsm targets also get real VBA."""
    package = parts(source)
    sheets = _sheet_parts(package)
    table, rekap = sheets[SHEET], sheets["Rekap"]
    changes: dict[str, bytes | None] = {}
    drawing = next(n for n in package if re.fullmatch(r"xl/drawings/drawing\d+\.xml", n))
    changes[drawing] = re.sub(rb"(</(?:xdr:)?wsDr>)", lambda m: TEXT_BOX + m[1],
                              package[drawing], count=1)
    sheet = package[table]
    if b"78C0D931" not in sheet:
        sheet = sheet.replace(b"</worksheet>", DATA_BAR_EXT + b"</worksheet>")
    changes[table] = sheet
    changes["xl/sharedStrings.xml"], index = _with_rich_text(package["xl/sharedStrings.xml"])
    changes[rekap] = _rich_note(_dynamic_array(package[rekap]), index)
    changes["xl/metadata.xml"] = METADATA
    changes["xl/calcChain.xml"] = _calc_chain(package, sheets)
    rels = package["xl/_rels/workbook.xml.rels"]
    rels = rels.replace(b"</Relationships>",
                        f'<Relationship Id="rIdMeta" Type="{REL}sheetMetadata" '
                        f'Target="metadata.xml"/><Relationship Id="rIdChain" '
                        f'Type="{REL}calcChain" Target="calcChain.xml"/>'.encode()
                        + b"</Relationships>")
    types = package["[Content_Types].xml"]
    types = types.replace(b"</Types>", (
        b'<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.spreadsheetml.sheetMetadata+xml"/><Override PartName="/xl/calcChain.xml" '
        b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>'
        b'<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.'
        b'spreadsheetml.printerSettings"/></Types>'))
    changes["xl/printerSettings/printerSettings1.bin"] = PRINTER_SETTINGS
    table_rels = table.replace("worksheets/", "worksheets/_rels/") + ".rels"
    changes[table_rels] = package[table_rels].replace(
        b"</Relationships>", f'<Relationship Id="rIdPrinter" Type="{REL}printerSettings" '
        f'Target="../printerSettings/printerSettings1.bin"/></Relationships>'.encode())
    if target.suffix == ".xlsm":
        rels, types = _with_vba(rels, types, changes)
    changes["xl/_rels/workbook.xml.rels"] = rels
    changes["[Content_Types].xml"] = types
    return replace_parts(source, target, changes)


def _dynamic_array(sheet: bytes) -> bytes:
    """Rekap!D1:D3 spilled by =SORT(B1:B3), as Excel 365 saves it."""
    cells = [b'<c r="D1" cm="1"><f t="array" ref="D1:D3">_xlfn._xlws.SORT(B1:B3)</f><v>0</v></c>',
             b'<c r="D2"><v>0</v></c>', b'<c r="D3"><v>0</v></c>']
    for row, cell in zip((1, 2, 3), cells, strict=True):
        sheet = re.sub(rb'(<row r="%d"[^>]*>.*?)(</row>)' % row, lambda m, c=cell: m[1] + c + m[2],
                       sheet, count=1, flags=re.DOTALL)
    return sheet


def _with_rich_text(shared: bytes) -> tuple[bytes, int]:
    """The shared strings with `RICH_TEXT` appended, and its index."""
    count = len(re.findall(rb"<si\b", shared))
    shared = re.sub(rb'uniqueCount="\d+"', b'uniqueCount="%d"' % (count + 1), shared, count=1)
    shared = re.sub(rb'(<sst\b[^>]*?)\bcount="(\d+)"',
                    lambda m: m[1] + b'count="%d"' % (int(m[2]) + 1), shared, count=1)
    return shared.replace(b"</sst>", RICH_TEXT + b"</sst>"), count


def _rich_note(sheet: bytes, index: int) -> bytes:
    """Rekap!A5 showing the rich-text shared string."""
    row = b'<row r="5"><c r="A5" t="s"><v>%d</v></c></row>' % index
    return re.sub(rb"(</(?:\w+:)?sheetData>)", lambda m: row + m[1], sheet, count=1)


def _calc_chain(package: dict[str, bytes], sheets: dict[str, str]) -> bytes:
    ids = dict(re.findall(r'<sheet name="([^"]+)" sheetId="(\d+)"',
                          package["xl/workbook.xml"].decode()))
    entries = []
    for name in (SHEET, "Rekap"):
        refs = re.findall(rb'<c r="([A-Z]+\d+)"[^>]*><f>', package[sheets[name]])
        for number, ref in enumerate(refs):
            entry = b'<c r="%s"' % ref + (b' i="%s"' % ids[name].encode() if number == 0 else b"")
            entries.append(entry + b"/>")
    return (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain '
            b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            + b"".join(entries) + b"</calcChain>")


def _with_vba(rels: bytes, types: bytes, changes: dict[str, bytes | None]) -> tuple[bytes, bytes]:
    source = Path(xlwings.__file__).with_name("quickstart_standalone.xlsm")
    with zipfile.ZipFile(source) as archive:
        changes["xl/vbaProject.bin"] = archive.read("xl/vbaProject.bin")
    rels = rels.replace(b"</Relationships>", b'<Relationship Id="rIdVba" '
                        b'Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" '
                        b'Target="vbaProject.bin"/></Relationships>')
    types = re.sub(rb"application/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet\.main"
                   rb"\+xml", b"application/vnd.ms-excel.sheet.macroEnabled.main+xml", types)
    types = types.replace(b"</Types>", b'<Override PartName="/xl/vbaProject.bin" ContentType='
                          b'"application/vnd.ms-office.vbaProject"/></Types>')
    return rels, types
