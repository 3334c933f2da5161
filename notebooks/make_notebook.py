"""Build notebooks/analisis_renja.ipynb from the cells below (run after editing them).

The notebook is generated so that it can be reviewed as code and always starts
clean (no outputs). `python notebooks/make_notebook.py` rewrites it;
`--check` exits non-zero when the committed notebook differs from these cells.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

NOTEBOOK = Path(__file__).with_name("analisis_renja.ipynb")

CELLS: list[tuple[str, str, list[str]]] = [
    ("md", """\
# Analisis Renja

Buku catatan ini menjawab pertanyaan yang tidak langsung terlihat dari Tabel 3.1:
total per bidang, program dan sumber dana; perubahan pagu dari tahun N ke N+1;
porsi anggaran untuk layanan SPM; sub kegiatan yang hilang atau muncul; dan mutu data
menurut Validasi. Grafik disimpan sebagai berkas PNG.

**Cara memakai:** ubah satu baris di sel berikut. `"contoh"` memakai Renja
DINSOSP3APPKB Kabupaten Dharmasraya 2022 yang dibawa renja_xl; isi dengan path
sebuah folder (semua berkas `.xlsx` di dalamnya dibaca) atau sebuah berkas `.xlsx`.""", []),
    ("code", """\
import os

SUMBER = os.environ.get("RENJA_SUMBER", "contoh")""", ["parameters"]),
    ("code", """\
import json
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # tanpa jendela: gambar disimpan sebagai PNG lalu ditampilkan
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import Image, display
from matplotlib.ticker import MaxNLocator

from renja_xl.analisis import format_rupiah_compact, load_frames, rupiah_formatter, unit_for
from renja_xl.example import load_example
from renja_xl.numbers import format_rupiah
from renja_xl.workbook.writer import write

FOLDER_GAMBAR = Path(os.environ.get("RENJA_GAMBAR", "gambar"))
FOLDER_GAMBAR.mkdir(parents=True, exist_ok=True)
pd.set_option("display.max_colwidth", 60)
pd.set_option("display.width", 160)""", []),
    ("md", """\
## 1. Data

Satu baris per sub kegiatan (`sub`), per kegiatan (`kegiatan`) dan per program
(`program`). Pagu program dan kegiatan adalah jumlah sub kegiatannya, jadi tidak
perlu dijumlah ulang. Pagu berupa bilangan bulat rupiah; `<NA>` berarti kosong.""", []),
    ("code", """\
if SUMBER == "contoh":  # Renja bawaan ditulis sebagai buku kerja, agar setiap baris menunjuk selnya
    SUMBER = write(load_example(), Path(tempfile.mkdtemp()) / "renja_dharmasraya_2022.xlsx")
data = load_frames(SUMBER)
sub, kegiatan, program = data.sub_kegiatan, data.kegiatan, data.program

TAHUN_N = sorted(sub["tahun"].dropna().unique())
TAHUN_MAJU = sorted(sub["tahun_maju"].dropna().unique())
LABEL_N = str(TAHUN_N[0]) if len(TAHUN_N) == 1 else "Tahun N"
LABEL_MAJU = str(TAHUN_MAJU[0]) if len(TAHUN_MAJU) == 1 else "Tahun N+1"

# Bila membaca beberapa Renja, setiap baris diberi label "instansi": singkatan perangkat
# daerah, ditambah pemda, tahun atau nama berkas bila singkatan saja belum membedakannya.
IDENTITAS = ["opd_singkat", "pemda", "tahun", "file"]
identitas = sub[IDENTITAS].drop_duplicates()
BANYAK_INSTANSI = len(identitas) > 1
kolom_label = next(
    IDENTITAS[:n] for n in range(1, len(IDENTITAS) + 1)
    if len(identitas[IDENTITAS[:n]].drop_duplicates()) == len(identitas)
)


def beri_instansi(tabel: pd.DataFrame) -> pd.DataFrame:
    \"\"\"Tabel dengan kolom "instansi" (label pembeda setiap Renja).\"\"\"
    bagian = tabel[kolom_label].astype("string").fillna("")
    if "file" in bagian:
        bagian["file"] = bagian["file"].map(lambda path: Path(path).name)
    return tabel.assign(instansi=bagian.agg(" · ".join, axis=1).astype("string"))


sub, kegiatan, program = beri_instansi(sub), beri_instansi(kegiatan), beri_instansi(program)
print(f"{len(data.loaded)} Renja dari {sub['opd_singkat'].nunique()} perangkat daerah")
print(f"{len(program)} program, {len(kegiatan)} kegiatan, {len(sub)} sub kegiatan")
sub.head()""", []),
    ("code", """\
UANG = ["pagu", "pagu_maju", "selisih"]


def rupiah(nilai) -> str:
    \"\"\"Rupiah lengkap: 14428928570 → "14.428.928.570"; kosong → "-".\"\"\"
    return format_rupiah(None if pd.isna(nilai) else int(nilai))


def tampil(tabel: pd.DataFrame) -> pd.DataFrame:
    \"\"\"Salinan tabel dengan kolom uang ditulis cara Indonesia, untuk dibaca.\"\"\"
    keluar = tabel.copy()
    for kolom in UANG:
        if kolom in keluar:
            keluar[kolom] = keluar[kolom].map(rupiah)
    return keluar


def rekap(tabel: pd.DataFrame, kunci: list[str]) -> pd.DataFrame:
    \"\"\"Jumlah pagu N dan N+1 per kunci, dengan selisih dan porsi dari total.\"\"\"
    hasil = tabel.groupby(kunci, sort=False)[["pagu", "pagu_maju"]].sum()
    hasil["selisih"] = hasil["pagu_maju"] - hasil["pagu"]
    hasil["porsi_persen"] = (hasil["pagu"].astype("Float64") * 100 / hasil["pagu"].sum()).round(2)
    return hasil.sort_values("pagu", ascending=False)


def per_instansi(kunci: list[str]) -> list[str]:
    \"\"\"Kunci pengelompokan, didahului instansi bila Renja yang dibaca lebih dari satu.\"\"\"
    return ["instansi", *kunci] if BANYAK_INSTANSI else kunci""", []),
    ("md", "## 2. Total pagu", []),
    ("code", """\
TOTAL_PAGU = int(sub["pagu"].sum())
TOTAL_PAGU_MAJU = int(sub["pagu_maju"].sum())
print(f"Total pagu {LABEL_N}: Rp {rupiah(TOTAL_PAGU)} ({format_rupiah_compact(TOTAL_PAGU)})")
print(f"Total prakiraan maju {LABEL_MAJU}: Rp {rupiah(TOTAL_PAGU_MAJU)} "
      f"({format_rupiah_compact(TOTAL_PAGU_MAJU)})")
print(f"Selisih: Rp {rupiah(TOTAL_PAGU_MAJU - TOTAL_PAGU)}")""", []),
    ("md", "### Per bidang", []),
    ("code", """\
sub_bidang = sub.assign(bidang=sub["bidang"].replace("", "(tanpa bidang)"))
per_bidang = rekap(sub_bidang, per_instansi(["bidang"]))
tampil(per_bidang)""", []),
    ("md", "### Per program", []),
    ("code", """\
kolom_program = [
    *per_instansi(["bidang", "program"]), "jumlah_kegiatan", "jumlah_sub_kegiatan", *UANG,
]
tampil(program[kolom_program].sort_values("pagu", ascending=False))""", []),
    ("md", """\
### Per sumber dana

Sub kegiatan yang kolom sumber dananya kosong mengikuti sumber dana kegiatan atau
programnya; yang tetap kosong ditulis "(tidak diisi)".""", []),
    ("code", """\
sub_dana = sub.assign(sumber_dana=sub["sumber_dana"].replace("", "(tidak diisi)"))
per_sumber_dana = rekap(sub_dana, ["sumber_dana"])
tampil(per_sumber_dana)""", []),
    ("md", """\
## 3. Perubahan pagu dari tahun N ke N+1 per program

`selisih` = prakiraan maju N+1 dikurangi pagu N; `persen_selisih` terhadap pagu N.""", []),
    ("code", """\
kolom_ubah = [*per_instansi(["program"]), "pagu", "pagu_maju", "selisih", "persen_selisih"]
kenaikan = program[program["selisih"] > 0].sort_values("selisih", ascending=False)[kolom_ubah]
pemotongan = program[program["selisih"] < 0].sort_values("selisih")[kolom_ubah]
print("Kenaikan terbesar:")
display(tampil(kenaikan.head(5)))
print("Pemotongan terbesar:")
display(tampil(pemotongan.head(5)))""", []),
    ("md", """\
## 4. Porsi anggaran untuk layanan SPM

Sub kegiatan bertanda "SPM" (Standar Pelayanan Minimal) di kolom Catatan Penting,
pada barisnya sendiri atau pada kegiatan/programnya.""", []),
    ("code", """\
spm = sub[sub["spm"].fillna(False)]
PAGU_SPM = int(spm["pagu"].sum())
PAGU_MAJU_SPM = int(spm["pagu_maju"].sum())
PERSEN_SPM = round(PAGU_SPM * 100 / TOTAL_PAGU, 2) if TOTAL_PAGU else 0.0
PERSEN_MAJU_SPM = round(PAGU_MAJU_SPM * 100 / TOTAL_PAGU_MAJU, 2) if TOTAL_PAGU_MAJU else 0.0

def persen(nilai: float) -> str:
    \"\"\"Persen dengan koma desimal: 12.5 → "12,5%".\"\"\"
    return f"{nilai:g}".replace(".", ",") + "%"


print(f"{len(spm)} sub kegiatan SPM")
print(f"{LABEL_N}: Rp {rupiah(PAGU_SPM)} = {persen(PERSEN_SPM)} dari total")
print(f"{LABEL_MAJU}: Rp {rupiah(PAGU_MAJU_SPM)} = {persen(PERSEN_MAJU_SPM)} dari total")
tampil(spm[[*per_instansi(["program"]), "sub_kegiatan", "pagu", "pagu_maju"]])""", []),
    ("md", """\
## 5. Sub kegiatan yang hilang atau muncul

*Hilang*: berpagu di tahun N tetapi tanpa prakiraan maju N+1.
*Muncul*: tanpa pagu di tahun N tetapi berpagu di N+1.""", []),
    ("code", """\
ada_n = sub["pagu"].fillna(0) > 0
ada_maju = sub["pagu_maju"].fillna(0) > 0
kolom_baris = [*per_instansi(["program", "kegiatan"]), "sub_kegiatan", "pagu", "pagu_maju"]
hilang = sub[ada_n & ~ada_maju]
muncul = sub[~ada_n & ada_maju]
print(f"Hilang di {LABEL_MAJU}: {len(hilang)} sub kegiatan, Rp {rupiah(hilang['pagu'].sum())}")
display(tampil(hilang[kolom_baris]))
print(f"Muncul di {LABEL_MAJU}: {len(muncul)} sub kegiatan, Rp {rupiah(muncul['pagu_maju'].sum())}")
display(tampil(muncul[kolom_baris]))""", []),
    ("md", """\
## 6. Mutu data

Temuan Validasi (setiap masalah dengan sel yang ditunjuknya), bila modul Validasi
terpasang, ditambah pemeriksaan ringan atas baris sub kegiatan.""", []),
    ("code", """\
try:
    from renja_xl.validasi import validate
except ImportError:  # Validasi belum terpasang di versi renja_xl ini
    validate = None

if validate is None:
    print("Modul Validasi belum tersedia; bagian ini hanya memuat pemeriksaan ringan.")
    temuan = pd.DataFrame(columns=["file", "code", "severity", "sheet", "cell", "message"])
else:
    laporan = [
        validate(item.file if item.file is not None else item.renja).to_dataframe()
        .assign(file=Path(item.file).name if item.file is not None else "(dalam memori)")
        for item in data.loaded
    ]
    temuan = pd.concat(laporan, ignore_index=True)
    print(f"{len(temuan)} temuan Validasi")
    display(temuan.groupby(["severity", "code"]).size().rename("jumlah").to_frame())
    display(temuan[["file", "severity", "code", "sheet", "cell", "message"]].head(30))""", []),
    ("code", """\
ringan = pd.Series({
    "tanpa pagu di kedua tahun": int((~ada_n & ~ada_maju).sum()),
    "tanpa sumber dana (juga di induknya)": int((sub["sumber_dana"] == "").sum()),
    "tanpa target tahun N (berpagu)": int((ada_n & (sub["target"] == "")).sum()),
    "tanpa kode": int((sub["kode_sub_kegiatan"] == "").sum()),
    "tanpa kegiatan di atasnya": int((sub["kegiatan"] == "").sum()),
}, name="jumlah sub kegiatan")
ringan.to_frame()""", []),
    ("md", """\
## 7. Grafik

Setiap grafik disimpan sebagai PNG di folder `FOLDER_GAMBAR` (bawaan `gambar/`,
atau variabel lingkungan `RENJA_GAMBAR`). Sumbu rupiah ditulis dalam juta/miliar.""", []),
    ("code", """\
GAMBAR: list[dict] = []


def pendek(teks: str, panjang: int = 45) -> str:
    \"\"\"Nama yang terlalu panjang untuk label grafik dipotong dengan "…".\"\"\"
    teks = str(teks)
    return teks if len(teks) <= panjang else teks[: panjang - 1] + "…"


def label_program(tabel: pd.DataFrame) -> list[str]:
    \"\"\"Nama program untuk sumbu grafik (diawali perangkat daerah bila lebih dari satu).\"\"\"
    nama = tabel["program"].map(pendek)
    return list(tabel["instansi"] + " · " + nama) if BANYAK_INSTANSI else list(nama)


def sumbu_rupiah(sumbu, nilai_terbesar) -> None:
    \"\"\"Sumbu nilai dalam satu satuan (juta/miliar) yang cocok dengan nilai terbesar.\"\"\"
    satuan = unit_for(nilai_terbesar) if nilai_terbesar else None
    sumbu.set_major_locator(MaxNLocator(nbins=5))  # sedikit label agar tidak bertumpuk
    sumbu.set_major_formatter(rupiah_formatter(satuan))


def simpan(gambar, nama: str) -> None:
    \"\"\"Simpan grafik sebagai PNG, catat judul dan label sumbunya, lalu tampilkan.\"\"\"
    path = FOLDER_GAMBAR / nama
    gambar.tight_layout()
    gambar.savefig(path, dpi=120)
    ax = gambar.axes[0]
    GAMBAR.append({
        "file": str(path),
        "judul": ax.get_title(),
        "sumbu_x": ax.get_xlabel(),
        "sumbu_y": ax.get_ylabel(),
        "label_x": [t.get_text() for t in ax.get_xticklabels() if t.get_text()],
    })
    plt.close(gambar)
    display(Image(filename=str(path)))""", []),
    ("code", """\
teratas = program.sort_values("pagu", ascending=False).head(15).iloc[::-1]
gambar, ax = plt.subplots(figsize=(10, 0.45 * len(teratas) + 1.5))
ax.barh(label_program(teratas), teratas["pagu"].fillna(0).astype("int64"), color="#2f6f9f")
ax.set_title(f"Pagu indikatif per program, {LABEL_N}")
ax.set_xlabel("Pagu indikatif (rupiah)")
ax.set_ylabel("Program")
sumbu_rupiah(ax.xaxis, teratas["pagu"].max())
simpan(gambar, "pagu_per_program.png")""", []),
    ("code", """\
teratas = program.assign(terbesar=program[["pagu", "pagu_maju"]].max(axis=1))
teratas = teratas.sort_values("terbesar", ascending=False).head(15).iloc[::-1]
posisi = np.arange(len(teratas))
gambar, ax = plt.subplots(figsize=(10, 0.6 * len(teratas) + 1.5))
ax.barh(posisi + 0.2, teratas["pagu"].fillna(0).astype("int64"), 0.4,
        label=LABEL_N, color="#2f6f9f")
ax.barh(posisi - 0.2, teratas["pagu_maju"].fillna(0).astype("int64"), 0.4,
        label=f"{LABEL_MAJU} (prakiraan maju)", color="#e08a2c")
ax.set_yticks(posisi, label_program(teratas))
ax.set_title(f"Pagu per program: {LABEL_N} dibanding {LABEL_MAJU}")
ax.set_xlabel("Pagu indikatif (rupiah)")
ax.set_ylabel("Program")
ax.legend()
sumbu_rupiah(ax.xaxis, teratas["terbesar"].max())
simpan(gambar, "pagu_n_dan_n1_per_program.png")""", []),
    ("code", """\
komposisi = per_sumber_dana[["pagu", "pagu_maju"]].fillna(0).astype("int64")
tahun = [LABEL_N, f"{LABEL_MAJU} (prakiraan maju)"]
gambar, ax = plt.subplots(figsize=(10, 3.5))
kiri = np.zeros(2, dtype="int64")
for sumber_dana, baris in komposisi.iterrows():
    nilai = baris[["pagu", "pagu_maju"]].to_numpy(dtype="int64")
    ax.barh(tahun, nilai, left=kiri, label=sumber_dana)
    kiri += nilai
ax.set_title("Komposisi pagu menurut sumber dana")
ax.set_xlabel("Pagu indikatif (rupiah)")
ax.set_ylabel("Tahun")
ax.legend(title="Sumber dana", loc="upper left", bbox_to_anchor=(1.01, 1))
sumbu_rupiah(ax.xaxis, kiri.max())
simpan(gambar, "komposisi_sumber_dana.png")""", []),
    ("md", """\
## 8. Angka kunci

Ringkasan dalam JSON; uji otomatis membacanya untuk memastikan buku catatan ini
tetap menghitung dengan benar.""", []),
    ("code", """\
def daftar(tabel: pd.DataFrame, kolom: list[str]) -> list[dict]:
    \"\"\"Baris tabel sebagai dict JSON: uang sebagai int, kosong sebagai None.\"\"\"
    return [
        {k: (None if pd.isna(v) else int(v) if k in UANG else v) for k, v in baris.items()}
        for baris in tabel.reset_index()[kolom].to_dict("records")
    ]


kunci_program = per_instansi(["program"])
hasil = {
    "jumlah_renja": len(data.loaded),
    "jumlah_program": len(program),
    "jumlah_kegiatan": len(kegiatan),
    "jumlah_sub_kegiatan": len(sub),
    "total_pagu": TOTAL_PAGU,
    "total_pagu_maju": TOTAL_PAGU_MAJU,
    "per_bidang": daftar(per_bidang, [*per_instansi(["bidang"]), "pagu", "pagu_maju"]),
    "per_program": daftar(program, [*kunci_program, "pagu", "pagu_maju", "selisih"]),
    "per_sumber_dana": daftar(per_sumber_dana, ["sumber_dana", "pagu", "pagu_maju"]),
    "kenaikan_terbesar": daftar(kenaikan.head(5), [*kunci_program, "selisih"]),
    "pemotongan_terbesar": daftar(pemotongan.head(5), [*kunci_program, "selisih"]),
    "spm": {"pagu": PAGU_SPM, "pagu_maju": PAGU_MAJU_SPM, "persen": PERSEN_SPM,
            "persen_maju": PERSEN_MAJU_SPM, "jumlah": len(spm)},
    "hilang": list(hilang["sub_kegiatan"]),
    "muncul": list(muncul["sub_kegiatan"]),
    "validasi": {
        "tersedia": validate is not None,
        "galat": int((temuan["severity"] == "error").sum()),
        "peringatan": int((temuan["severity"] == "warning").sum()),
    },
    "gambar": GAMBAR,
}
print(json.dumps(hasil, ensure_ascii=False, indent=1))""", ["hasil"]),
]


def build() -> nbformat.NotebookNode:
    """The notebook, without outputs, from CELLS."""
    cells = []
    for number, (kind, source, tags) in enumerate(CELLS, start=1):
        cell = new_markdown_cell(source) if kind == "md" else new_code_cell(source)
        cell.id = f"sel-{number:02d}"  # stable ids keep regenerated notebooks diff-free
        if tags:
            cell.metadata["tags"] = tags
        cells.append(cell)
    notebook = new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {
        "name": "python3", "display_name": "Python 3", "language": "python",
    }
    notebook.metadata["language_info"] = {"name": "python"}
    return notebook


def _text(notebook: nbformat.NotebookNode) -> str:
    return nbformat.writes(notebook) + "\n"


def main(argv: list[str]) -> int:
    """Write the notebook, or with --check say whether the committed one is current."""
    text = _text(build())
    if "--check" in argv:
        current = NOTEBOOK.read_text("utf-8") if NOTEBOOK.exists() else ""
        if current != text:
            print(f"{NOTEBOOK.name} tidak sesuai dengan make_notebook.py; jalankan ulang skrip ini")
            return 1
        return 0
    NOTEBOOK.write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
