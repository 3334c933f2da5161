Attribute VB_Name = "RenjaXL"
Option Explicit
' Tombol Renja XL untuk Excel desktop dengan Python terpasang (xlwings RunPython).
' Impor sekali: Editor VBA (Alt+F11) > File > Import File... > RenjaXL.bas
' Python yang dipakai diatur di xlwings.conf atau sheet "xlwings.conf" (lihat README).

Public Sub Validasi()
    RunPython "import renja_xl.excel.desktop as d; d.validasi()"
End Sub

Public Sub HitungSubtotal()
    RunPython "import renja_xl.excel.desktop as d; d.hitung_subtotal()"
End Sub

Public Sub IsiPrakiraanMaju()
    RunPython "import renja_xl.excel.desktop as d; d.isi_prakiraan_maju()"
End Sub

Public Sub IsiKode()
    RunPython "import renja_xl.excel.desktop as d; d.isi_kode()"
End Sub

' Callback tombol pada tab pita "Renja" (customUI14.xml)
Public Sub RenjaXL_Validasi(control As IRibbonControl)
    Validasi
End Sub

Public Sub RenjaXL_HitungSubtotal(control As IRibbonControl)
    HitungSubtotal
End Sub

Public Sub RenjaXL_IsiPrakiraanMaju(control As IRibbonControl)
    IsiPrakiraanMaju
End Sub
