"""styles.xml, workbook.xml, calcChain.xml and relationships: appended to, never renumbered."""

from __future__ import annotations

from renja_xl.xlsx.calc_chain import drop_cells
from renja_xl.xlsx.relations import add_override, add_relationship, remove_relationship
from renja_xl.xlsx.styles import StyleSheet, solid_fill
from renja_xl.xlsx.workbook_part import full_calculation, remove_sheet, sheet_entries

STYLES = (b'<styleSheet xmlns="m"><fonts count="1"><font><sz val="11"/></font></fonts>'
          b'<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill '
          b'patternType="gray125"/></fill></fills><cellXfs count="2"><xf numFmtId="0" fontId="0" '
          b'fillId="0" borderId="0" xfId="0"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" '
          b'xfId="0" applyNumberFormat="1"><alignment wrapText="1"/></xf></cellXfs></styleSheet>')


def test_a_derived_format_is_appended_and_reused():
    styles = StyleSheet(STYLES)
    red = styles.derive(1, fill=solid_fill("FFC7CE"))

    assert red == 2 and styles.derive(1, fill=solid_fill("FFC7CE")) == 2
    rendered = styles.render()
    assert rendered.startswith(STYLES[: STYLES.index(b"<fills")])
    assert b'<fills count="3">' in rendered and b'<cellXfs count="3">' in rendered
    assert b'<xf fillId="2" applyFill="1" numFmtId="3" fontId="0" borderId="0" xfId="0" ' \
           b'applyNumberFormat="1"><alignment wrapText="1"/></xf></cellXfs>' in rendered
    again = StyleSheet(rendered)
    assert again.derive(1, fill=solid_fill("FFC7CE")) == 2 and not again.changed


def test_number_formats_are_read_from_the_format():
    styles = StyleSheet(STYLES)

    assert styles.number_format(1) == 3 and styles.number_format(0) == 0
    assert styles.number_format(styles.derive(0, number_format=49)) == 49


WORKBOOK = (b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            b'<bookViews><workbookView activeTab="2"/></bookViews>'
            b'<sheets><sheet name="A" sheetId="1" r:id="rId1"/><sheet name="B" sheetId="4" '
            b'r:id="rId2"/><sheet name="C" sheetId="3" r:id="rId3"/></sheets><definedNames>'
            b'<definedName name="_xlnm.Print_Titles" localSheetId="1">B!$1:$2</definedName>'
            b'<definedName name="x" localSheetId="2">C!$A$1</definedName></definedNames>'
            b'<calcPr calcId="191029"/></workbook>')


def test_removing_a_sheet_renumbers_the_names_of_the_sheets_after_it():
    removed = remove_sheet(WORKBOOK, "rId2")

    assert [e.name for e in sheet_entries(removed)] == ["A", "C"]
    assert b"B!$1:$2" not in removed
    assert b'<definedName name="x" localSheetId="1">C!$A$1</definedName>' in removed
    assert b'activeTab="0"' in removed


def test_full_calculation_on_load_is_added_once():
    once = full_calculation(WORKBOOK)

    assert b'<calcPr calcId="191029" fullCalcOnLoad="1"/>' in once
    assert full_calculation(once) == once
    bare = WORKBOOK.replace(b'<calcPr calcId="191029"/>', b"")
    assert b'</definedNames><calcPr fullCalcOnLoad="1"/></workbook>' in full_calculation(bare)


def test_the_calc_chain_keeps_each_entry_on_its_sheet_after_a_removal():
    chain = (b'<calcChain xmlns="m"><c r="F11" i="1"/><c r="F12"/><c r="F13"/><c r="B1" i="3"/>'
             b"</calcChain>")

    dropped = drop_cells(chain, {(1, "F11")})
    assert dropped == (b'<calcChain xmlns="m"><c i="1" r="F12"/><c r="F13"/><c r="B1" i="3"/>'
                       b"</calcChain>")
    assert drop_cells(chain, {(1, "F99")}) == chain
    assert drop_cells(chain, {(1, "F11"), (1, "F12"), (1, "F13"), (3, "B1")}) is None


def test_relationships_get_a_free_id_and_content_types_an_override():
    rels = (b'<Relationships xmlns="p"><Relationship Id="rId1" Type="t" Target="a.xml"/>'
            b"</Relationships>")

    added, rid = add_relationship(rels, "t", "worksheets/sheet9.xml")
    assert rid == "rId2" and remove_relationship(added, rid) == rels
    types = add_override(b'<Types xmlns="c"/>', "xl/worksheets/sheet9.xml", "w")
    assert types == (b'<Types xmlns="c"><Override PartName="/xl/worksheets/sheet9.xml" '
                     b'ContentType="w"/></Types>')
