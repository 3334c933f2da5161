Attribute VB_Name = "RenjaXLRemote"
Option Explicit
' Tombol Renja XL yang memanggil server kantor (renja-xl server) lewat xlwings RunRemotePython.
' Impor sekali bersama modul remote xlwings. Alamat dan token server dibaca dari
' xlwings.conf (RENJA_SERVER, RENJA_TOKEN) bila ada, selain itu dari konstanta di bawah.

Private Const RENJA_SERVER As String = "http://127.0.0.1:8000"
Private Const RENJA_TOKEN As String = ""

Private Function RenjaUrl(script As String) As String
    RenjaUrl = GetConfig("RENJA_SERVER", RENJA_SERVER) & "/" & script
End Function

Private Function RenjaToken() As String
    RenjaToken = GetConfig("RENJA_TOKEN", RENJA_TOKEN)
End Function

Public Sub ValidasiServer()
    RunRemotePython RenjaUrl("validasi"), auth:=RenjaToken()
End Sub

Public Sub HitungSubtotalServer()
    RunRemotePython RenjaUrl("hitung_subtotal"), auth:=RenjaToken()
End Sub

Public Sub IsiPrakiraanMajuServer()
    RunRemotePython RenjaUrl("isi_prakiraan_maju"), auth:=RenjaToken()
End Sub

Public Sub IsiKodeServer()
    RunRemotePython RenjaUrl("isi_kode"), auth:=RenjaToken()
End Sub

' Makro pembantu yang dipanggil server (aksi runMacro) bila sel yang diubah tersebar:
' satu aksi untuk berapa pun sel. Alamat dipisah koma, mis. "F12,F40:F41".

Public Sub RenjaXLWarnai(wb As Workbook, sheetName As String, hexColor As String, addresses As String)
    Dim address As Variant
    Dim rgbColor As Long
    rgbColor = RGB(CLng("&H" & Mid(hexColor, 2, 2)), CLng("&H" & Mid(hexColor, 4, 2)), _
                   CLng("&H" & Mid(hexColor, 6, 2)))
    For Each address In Split(addresses, ",")
        wb.Worksheets(sheetName).Range(address).Interior.Color = rgbColor
    Next address
End Sub

Public Sub RenjaXLHapusWarna(wb As Workbook, sheetName As String, addresses As String)
    Dim address As Variant
    For Each address In Split(addresses, ",")
        wb.Worksheets(sheetName).Range(address).Interior.ColorIndex = xlColorIndexNone
    Next address
End Sub

Public Sub RenjaXLIsiSel(wb As Workbook, sheetName As String, addresses As String, values As Variant)
    Dim address As Variant
    Dim i As Long
    i = 1
    For Each address In Split(addresses, ",")
        If IsNull(values(i)) Then
            wb.Worksheets(sheetName).Range(address).ClearContents
        Else
            wb.Worksheets(sheetName).Range(address).Value = values(i)
        End If
        i = i + 1
    Next address
End Sub
