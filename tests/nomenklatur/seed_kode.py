"""Hand-verified codes for rows of the Dharmasraya 2022 fixture.

Each seed is (table, row index, start of the name as printed, correct code).
The code was established by reading the printed name, its kegiatan and
program, and the official names in Kepmendagri 900.1.15.5-1317/2023.
`None` means that no official entry under the row's printed parent is that
row, so any code filled there would be wrong.
"""

SEEDS: list[tuple[str, int, str, str | None]] = [
    # Program penunjang: printed without "Kabupaten/Kota", belongs under the
    # agency's main urusan (Sosial, 1.06), not 2.08 or 2.14.
    ("3.1", 1, "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH", "1.06.01"),
    ("3.1", 2, "Perencanaan, Penganggaran, dan evaluasi", "1.06.01.2.01"),
    ("3.1", 3, "Koordinasi dan penyusunan dokumen RKA-SKPD", "1.06.01.2.01.0002"),
    # "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD".
    ("3.1", 4, "Penyusunan Laporan Capaian Kinerja", "1.06.01.2.01.0006"),
    ("3.1", 6, "Penyediaan Gaji dan Tunjangan ASN", "1.06.01.2.02.0001"),
    # "... Instalasi Listrik/Penerangan Bangunan Kantor" (Tabel 4.1 prints it whole).
    ("3.1", 8, "Penyediaan Komponen Instalasi", "1.06.01.2.06.0001"),
    ("3.1", 12, "Penyediaan Barang Cetak dan Penggandaan", "1.06.01.2.06.0005"),
    ("3.1", 15, "Pengadaan Mebel", "1.06.01.2.07.0005"),
    ("3.1", 21, "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan dan Pajak", "1.06.01.2.09.0001"),
    ("3.1", 22, "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak,", "1.06.01.2.09.0002"),
    ("3.1", 25, "PROGRAM PEMBERDAYAAN SOSIAL", "1.06.02"),
    ("3.1", 31, "Pengembangan Potensi Sumber Kesejahteraan", "1.06.02.2.03"),
    ("3.1", 37, "PROGRAM REHABILITASI SOSIAL", "1.06.04"),
    ("3.1", 38, "Rehabilitasi Sosial Dasar Penyandang Disabilitas", "1.06.04.2.01"),
    # Printed "Perumahan" in 3.1, "Permakanan" in 4.1 with the same pagu and indikator.
    ("3.1", 39, "Penyediaan Perumahan", "1.06.04.2.01.0001"),
    ("3.1", 40, "penyediaan sandang", "1.06.04.2.01.0002"),
    ("3.1", 41, "Penyediaan Alat Bantu", "1.06.04.2.01.0003"),
    ("3.1", 42, "Pemberian Pelayanan Reunifikasi Keluarga", "1.06.04.2.01.0004"),
    ("3.1", 43, "Pemberian Bimbingan Fisik, Mental, Spiritual,", "1.06.04.2.01.0005"),
    ("3.1", 46, "pemberian akses kelayakan pendidikan", "1.06.04.2.01.0008"),
    ("3.1", 51, "Rehabilitasi Sosial Penyandang Masalah", "1.06.04.2.02"),
    # Same names under the PMKS kegiatan: other codes.
    ("3.1", 52, "Layanan Kedaruratan", "1.06.04.2.02.0002"),
    ("3.1", 53, "Penyediaan Permakanan", "1.06.04.2.02.0003"),
    ("3.1", 54, "Penyediaan Alat Bantu", "1.06.04.2.02.0005"),
    ("3.1", 55, "Layanan Rujukan", "1.06.04.2.02.0013"),
    ("3.1", 56, "Pemberian Pelayanan Reunifikasi Keluarga", "1.06.04.2.02.0012"),
    ("3.1", 57, "Pemberian Bimbingan Fisik, Mental, Spiritual,", "1.06.04.2.02.0007"),
    # Copied from the other kegiatan's name; under PMKS the bimbingan sosial is 0008.
    ("3.1", 58, "Pemberian Bimbingan Sosial kepada Keluarga, P", "1.06.04.2.02.0008"),
    ("3.1", 60, "kerjasama antar lembaga dan kemitraan", "1.06.04.2.02.0014"),
    ("3.1", 62, "Pengelolaan Data Fakir Miskin Cakupan Daerah", "1.06.05.2.02"),
    # The sub kegiatan with the same name as its kegiatan.
    ("3.1", 65, "Pengelolaan Data Fakir Miskin Cakupan Daerah", "1.06.05.2.02.0002"),
    ("3.1", 69, "Penyediaan Sandang", "1.06.06.2.01.0002"),
    ("3.1", 74, "Koordinasi, Sosialisasi dan Pelaksanaan Taruna", "1.06.06.2.02.0002"),
    ("3.1", 77, "Pelebagaan pengarusutamaan gender", "2.08.02.2.01"),
    ("3.1", 90, "PROGRAM PEMENUHAN HAK ANAK", "2.08.06"),
    # "Advokasi dan pendampingan ... pelaksanaan kebijakan /program/ kegiatan pencegahan KTA".
    ("3.1", 95, "advokasi kebijakan dan pendampingan pelaksana", "2.08.07.2.01.0004"),
    # The official KIE for these children is under kegiatan 2.08.07.2.03, not the printed one.
    ("3.1", 98, "Pengembangan Komunikasi, Informasi dan Edukas", None),
    # KKBPK is the pre-2020 name of the Bangga Kencana programme.
    ("3.1", 102, "penyediaan dan distribusi sarana KIE program", "2.14.03.2.01.0009"),
    ("3.1", 103, "Advokasi Program KKBPK kepada Stakeholders", "2.14.03.2.01.0014"),
    ("3.1", 106, "pembinaan IMP dan program KKBPK dilini", "2.14.03.2.02.0005"),
    # Truncated in print: "... serta Pelaksanaan [Pelayanan KB di Daerah Kabupaten/Kota]".
    ("3.1", 109, "Pengendalian dan pendistribusian kebutuhan", "2.14.03.2.03"),
    # "Alokasi" is the print's slip for "Alat dan Obat Kontrasepsi" (Alokon).
    ("3.1", 113, "peningkatan kompetensi pengelola & petugas", "2.14.03.2.03.0015"),
    ("3.1", 114, "Penyediaan Sarana Penunjang Pelayanan KB ster", "2.14.03.2.03.0006"),
    ("3.1", 116, "sarana dan prasarana pelayanan KB", None),
    ("3.1", 117, "pengadaan sarana prasarana pendataan", None),
    ("3.1", 121, "pengadaan sarana kelompok kegiatan ketahanan", "2.14.04.2.01.0018"),
    ("3.1", 122, "Orientasi dan Pelatihan Teknis Pengelola", "2.14.04.2.01.0021"),
    ("3.1", 127, "PROGRAM PENGENDALIAN PENDUDUK", "2.14.02"),
    ("3.1", 129, "Penyerasian Kebijakan Pembangunan Daerah", "2.14.02.2.01.0020"),
    ("3.1", 134, "Pelaksanaan Rapat Pengendalian Program KKBPK", "2.14.02.2.01.0023"),
    ("4.1", 3, "Koordinasi dan penyusunan dokumen RKA-", "1.06.01.2.01.0002"),
    ("4.1", 31, "Pengembangan Potensi Sumber Kesejahteraan", "1.06.02.2.03"),
    ("4.1", 32, "Peningkatan Kemampuan Potensi Pekerja Sosial", "1.06.02.2.03.0001"),
    ("4.1", 39, "Penyediaan Permakanan", "1.06.04.2.01.0001"),
    ("4.1", 53, "Penyediaan Permakanan", "1.06.04.2.02.0003"),
    ("4.1", 109, "pengendalian dan pendistribusian alat dan oba", "2.14.03.2.03.0001"),
]
