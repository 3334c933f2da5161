"""renja_xl: Tabel 3.1 dan 4.1 Renja Perangkat Daerah — baca, tulis, hitung, validasi."""
