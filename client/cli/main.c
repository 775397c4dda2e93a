/*
 * main.c - berkas, the command-line client.
 *
 *   berkas [--server URL] [--json] COMMAND [SUBCOMMAND] [OPTION]...
 *
 * Commands are one table: name, subcommand, handler, summary, usage.  Every
 * command takes --help and --json.  Exit status: 0 done, 1 the server
 * refused (or reports itself unhealthy, or nobody is logged in), 2 bad
 * usage or the server could not be reached.  Errors are one line on stderr.
 */
#include <curl/curl.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmds.h"
#include "config.h"
#include "output.h"

#define COMMON_OPTS                                                                                \
    "  -s, --server URL    berkasd yang dihubungi\n"                                               \
    "      --json          keluaran JSON, bukan teks\n"                                            \
    "      --wide          tanpa batas 100 kolom\n"                                                \
    "      --cacert FILE   CA (PEM) untuk memeriksa server https\n"                                \
    "      --insecure      sertifikat server https tidak diperiksa\n"                              \
    "  -h, --help          tampilkan bantuan ini\n"

#define PARTY_HELP                                                                                 \
    "      --nationality CC       kode negara ISO 3166 (CN, MY, ...)\n"                            \
    "      --passport NO          nomor paspor\n"                                                  \
    "      --nik NIK              NIK (KTP-el, 16 angka) seorang WNI\n"                            \
    "      --birth-date TANGGAL   tanggal lahir (YYYY-MM-DD)\n"                                    \
    "      --birth-place T        tempat lahir\n"                                                  \
    "      --sex L|P              L (laki-laki) atau P (perempuan)\n"                              \
    "      --occupation P         pekerjaan\n"                                                     \
    "      --address-id A         alamat di Indonesia\n"                                           \
    "      --address-abroad A     alamat di luar negeri\n"                                         \
    "      --language B           bahasa yang dipakai dalam pemeriksaan\n"                         \
    "      --interpreter N        nama juru bahasa\n"

/* clang-format off */
const struct command cli_commands[] = {
    {"status", NULL, cmd_status, "versi dan kesehatan server",
     "status [--json]\n"
     "Tampilkan versi berkasd pada --server dan apakah basis datanya menjawab.\n"
     "\n" COMMON_OPTS "\n"
     "Status keluar: 0 sehat, 1 server menjawab tetapi tidak sehat, 2 tidak terjangkau.\n", NULL},
    {"login", NULL, cmd_login, "masuk dan simpan sesi",
     "login [--nip NIP] [--json]\n"
     "Masuk ke server.  Menampilkan banner log-on server, menanyakan NIP bila --nip tidak\n"
     "diberikan, dan mengambil kata sandi dari $BERKAS_PASSWORD atau menanyakannya di\n"
     "terminal tanpa gema.  Token sesi (tidak pernah kata sandi) disimpan di\n"
     "$XDG_CONFIG_HOME/berkas/session.json (bawaan ~/.config/berkas/), mode 0600.\n"
     "\n"
     "      --nip NIP       NIP 18 angka, boleh dengan spasi seperti tercetak\n" COMMON_OPTS "\n"
     "Status keluar: 0 masuk, 1 ditolak (NIP atau kata sandi salah, akun terkunci),\n"
     "2 pemakaian salah, tidak ada kata sandi, atau server tidak terjangkau.\n", NULL},
    {"logout", NULL, cmd_logout, "akhiri sesi di server dan lupakan",
     "logout [--json]\n"
     "Akhiri sesi tersimpan di server dan hapus berkas sesi (juga bila server menyatakan\n"
     "sesi sudah berakhir).  Belum masuk bukan kesalahan.\n"
     "\n" COMMON_OPTS "\n"
     "Status keluar: 0 keluar, 1 ditolak server, 2 server tidak terjangkau (sesi disimpan\n"
     "untuk dicoba lagi).\n", NULL},
    {"whoami", NULL, cmd_whoami, "siapa yang sedang masuk",
     "whoami [--json]\n"
     "Tampilkan pengguna sesi tersimpan menurut server: nama, NIP, pangkat, peran, kantor\n"
     "dan, bagi penyidik, kartu PPNS.\n"
     "\n" COMMON_OPTS "\n"
     "Status keluar: 0 selesai, 1 belum masuk atau sesi berakhir, 2 tidak terjangkau.\n", NULL},
    {"office", "list", cmd_office_list, "daftar kantor kedua pohon",
     "office list [--json]\n"
     "Daftar kantor: Imigrasi (ditjen, kanwil, kanim, ukk) dan Kejaksaan (kejagung, kejati,\n"
     "kejari, cabjari), masing-masing dengan induknya.\n"
     "\n" COMMON_OPTS, NULL},
    {"office", "show", cmd_office_show, "tampilkan satu kantor",
     "office show KANTOR [--json]\n"
     "Tampilkan kantor KANTOR: kodenya (KANIM-PLG, huruf besar atau kecil) atau id-nya.\n"
     "\n" COMMON_OPTS, NULL},
    {"office", "add", cmd_office_add, "tambah kantor (admin)",
     "office add --parent KANTOR --kind JENIS --code KODE --name NAMA --tz TZ\n"
     "                  [--class KELAS]\n"
     "Tambah kantor di bawah KANTOR induk, yang harus berada di wilayah admin.\n"
     "\n"
     "      --parent KANTOR kantor induk (kode atau id)\n"
     "      --kind JENIS    kanwil, kanim, ukk, kejati, kejari atau cabjari\n"
     "      --code KODE     kode unik singkat: huruf besar, angka, '.', '-' (KANIM-PLG)\n"
     "      --name NAMA     nama lengkap\n"
     "      --tz TZ         Asia/Jakarta (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT)\n"
     "      --class KELAS   kelas kanim: \"Kelas I TPI\", \"Kelas II Non TPI\", ...\n"
     COMMON_OPTS, NULL},
    {"office", "import", cmd_office_import, "tambah banyak kantor dari berkas CSV (admin)",
     "office import BERKAS [--dry-run]\n"
     "Tambah kantor dari BERKAS CSV: baris pertama nama kolom code, parent, kind, name, tz,\n"
     "class (urutan bebas; parent kode kantor induk, yang boleh ditambahkan baris sebelumnya).\n"
     "Semua baris diperiksa seperti office add dalam satu transaksi: setiap baris salah\n"
     "disebut (BERKAS:BARIS: kolom: alasan) dan tidak ada yang disimpan bila ada yang salah.\n"
     "\n"
     "      --dry-run       periksa saja; tidak menyimpan apa pun\n"
     COMMON_OPTS "\n"
     "Status keluar: 0 disimpan (atau benar semua, --dry-run), 1 ada baris salah atau\n"
     "ditolak, 2 pemakaian salah, BERKAS tak terbaca atau bukan CSV, tidak terjangkau.\n", NULL},
    {"office", "letterheads", cmd_office_letterheads, "kop surat kantor",
     "office letterheads KANTOR [--json]\n"
     "Tampilkan baris kop surat kantor, menurut tanggal berlakunya tiap susunan.\n"
     "\n" COMMON_OPTS, NULL},
    {"office", "letterhead-add", cmd_office_letterhead_add, "tambah kop surat mulai suatu tanggal (admin)",
     "office letterhead-add KANTOR --from YYYY-MM-DD --line TEKS [--line TEKS]...\n"
     "Tambah kop surat kantor KANTOR untuk dokumen bertanggal sejak --from (1 sampai 8 baris,\n"
     "dari atas ke bawah).\n"
     "\n"
     "      --from TANGGAL  tanggal pertama berlakunya\n"
     "      --line TEKS     satu baris kop; ulangi untuk tiap baris\n"
     COMMON_OPTS, NULL},
    {"official", "list", cmd_official_list, "pejabat penanda tangan kantor",
     "official list KANTOR [--json]\n"
     "Daftar pejabat kantor KANTOR (Kepala Kantor, Kepala Seksi/Bidang Inteldakim,\n"
     "Plh./Plt., Kepala Kejaksaan Negeri, Kasi Pidum) dengan masa jabatannya: dokumen\n"
     "ditandatangani pejabat yang menjabat pada tanggal tindakannya.\n"
     "\n" COMMON_OPTS, NULL},
    {"official", "add", cmd_official_add, "catat pejabat penanda tangan mulai suatu tanggal (admin)",
     "official add KANTOR --role PERAN --title JABATAN --name NAMA --nip NIP\n"
     "                    --from TANGGAL [OPSI]...\n"
     "Catat pejabat kantor KANTOR (di wilayah admin).  Pejabat mana menandatangani formulir\n"
     "mana adalah data aturan (app.signing_rules), ditandai untuk diverifikasi.\n"
     "\n"
     "      --role PERAN      kepala_kantor, kepala_inteldakim, kepala_kejari atau kasi_pidum\n"
     "      --title JABATAN   jabatan seperti tercetak (\"Kepala Kantor Imigrasi ...\")\n"
     "      --acting AWALAN   Plh. atau Plt. bagi pejabat pelaksana (didahulukan selama berlaku)\n"
     "      --name NAMA       nama lengkap\n"
     "      --nip NIP         18 angka, boleh dengan spasi\n"
     "      --pangkat P       pangkat, mis. Pembina\n"
     "      --golongan G      golongan, mis. IV/a\n"
     "      --from TANGGAL    hari pertama menjabat, YYYY-MM-DD\n"
     "      --to TANGGAL      hari terakhir menjabat (bawaan: masih menjabat)\n"
     COMMON_OPTS "\n"
     "Status keluar: 0 dicatat, 1 ditolak (400 menyebut isian yang salah), 2 pemakaian salah\n"
     "atau tidak terjangkau.\n", NULL},
    {"official", "end", cmd_official_end, "akhiri masa jabatan pejabat (admin)",
     "official end KANTOR PEJABAT --to TANGGAL\n"
     "Tetapkan hari terakhir menjabat pejabat PEJABAT (id) kantor KANTOR; dokumen yang telah\n"
     "diterbitkan tetap memuat penanda tangan yang tercetak.\n"
     "\n" COMMON_OPTS, NULL},
    {"user", "list", cmd_user_list, "daftar pengguna di wilayah Anda (admin)",
     "user list [--json]\n"
     "Daftar pengguna kantor-kantor di bawah kantor admin.\n"
     "\n" COMMON_OPTS, NULL},
    {"user", "show", cmd_user_show, "tampilkan satu pengguna (admin)",
     "user show PENGGUNA [--json]\n"
     "Tampilkan pengguna PENGGUNA: NIP-nya (boleh dengan spasi seperti tercetak) atau id-nya.\n"
     "\n" COMMON_OPTS, NULL},
    {"user", "add", cmd_user_add, "tambah pengguna (admin)",
     "user add --nip NIP --name NAMA --office KANTOR --role PERAN [OPSI]...\n"
     "Tambah pengguna.  Kata sandi dari $BERKAS_NEW_PASSWORD atau ditanyakan dua kali di\n"
     "terminal tanpa gema: paling sedikit 12 karakter, bukan kata sandi umum, bukan NIP.\n"
     "\n"
     "      --nip NIP                NIP 18 angka, boleh dengan spasi\n"
     "      --name NAMA              nama lengkap\n"
     "      --office KANTOR          kantor tempat bekerja (kode atau id)\n"
     "      --role PERAN             investigator, supervisor, prosecutor atau admin\n"
     "      --pangkat P              pangkat (Penata Muda Tk. I)\n"
     "      --golongan G             golongan (III/b)\n"
     "      --position J             jabatan (PPNS Keimigrasian)\n"
     "      --ppns-card NO           nomor kartu PPNS penyidik ...\n"
     "      --ppns-valid-until TGL   ... dan hari terakhir berlakunya (YYYY-MM-DD)\n"
     COMMON_OPTS, NULL},
    {"user", "import", cmd_user_import, "tambah banyak pengguna dari berkas CSV (admin)",
     "user import BERKAS [--dry-run]\n"
     "Tambah pengguna dari BERKAS CSV: baris pertama nama kolom nip, name, office, role,\n"
     "pangkat, golongan, position, ppns_card_no, ppns_valid_until, password (urutan bebas;\n"
     "office kode kantor).  Semua baris diperiksa seperti user add (termasuk aturan kata\n"
     "sandi) dalam satu transaksi: setiap baris salah disebut (BERKAS:BARIS: kolom: alasan)\n"
     "dan tidak ada yang disimpan bila ada yang salah.  Tanpa password, server membuat kata\n"
     "sandi acak, dicetak sekali ke keluaran standar (NIP<TAB>kata sandi).\n"
     "\n"
     "      --dry-run       periksa saja; tidak menyimpan apa pun\n"
     COMMON_OPTS "\n"
     "Status keluar: 0 disimpan (atau benar semua, --dry-run), 1 ada baris salah atau\n"
     "ditolak, 2 pemakaian salah, BERKAS tak terbaca atau bukan CSV, tidak terjangkau.\n", NULL},
    {"user", "disable", cmd_user_disable, "nonaktifkan pengguna dan akhiri sesinya (admin)",
     "user disable PENGGUNA [--json]\n"
     "Nonaktifkan pengguna: ia tidak dapat masuk lagi, dan sesinya berakhir sekarang.\n"
     "\n" COMMON_OPTS, NULL},
    {"user", "unlock", cmd_user_unlock, "buka kunci pengguna setelah gagal masuk (admin)",
     "user unlock PENGGUNA [--json]\n"
     "Buka kunci pengguna yang akunnya terkunci setelah terlalu banyak gagal masuk.\n"
     "\n" COMMON_OPTS, NULL},
    {"case", "new", cmd_case_new, "buka perkara dengan Laporannya (penyidik)",
     "case new --source SUMBER --opened-on TANGGAL [OPSI]...\n"
     "Buka perkara di kantor Anda; Laporan Kejadian Keimigrasiannya dicatat sebagai\n"
     "peristiwa pertama.  Menampilkan id, nomor dan tahap perkara baru.\n"
     "\n"
     "      --source SUMBER       jagratara, tim_pora, public_report, apoa, desa_binaan,\n"
     "                            tpi_check, supervision, intelligence, other_agency, other\n"
     "      --opened-on TANGGAL   tanggal Laporan (YYYY-MM-DD), tidak di masa depan\n"
     "      --kejari KANTOR       Kejaksaan Negeri yang akan menerima berkas (KEJARI-PLG)\n"
     "      --summary TEKS        ringkasan kejadian\n"
     "      --source-note TEKS    tentang sumbernya (operasi, instansi pelapor)\n"
     "      --number N            nomor perkara (bawaan: nomor berikut kantor)\n"
     "      --report-number N     nomor Laporan\n"
     COMMON_OPTS, NULL},
    {"case", "list", cmd_case_list, "daftar perkara yang boleh Anda lihat, paling mendesak dulu",
     "case list [OPSI]...\n"
     "Daftar perkara: id, nomor, tahap dan keadaan jam hukum paling mendesak; yang lewat\n"
     "waktu (!! LEWAT WAKTU) dulu, lalu yang dalam peringatan (! peringatan).  Penyidik\n"
     "melihat perkaranya sendiri (--everyone: seluruh kantor).\n"
     "\n"
     "      --stage S        investigation, with_prosecutor, returned, complete, ...\n"
     "      --office KANTOR  perkara kantor ini dan kantor di bawahnya (kode atau id)\n"
     "      --clock KEADAAN  ok, warning atau overdue (jam terburuk)\n"
     "      --article A      dengan sangkaan Pasal ini (122, atau 119(1))\n"
     "      --q TEKS         teks dalam nomor, ringkasan atau nama pihak (paling sedikit\n"
     "                       3 karakter; huruf besar/kecil dan aksen diabaikan)\n"
     "      --everyone       semua perkara kantor, bukan hanya tim Anda (penyidik)\n"
     "      --limit N        perkara per halaman (1-100, bawaan 50)\n"
     "      --cursor ID      mulai setelah id perkara ini (dari halaman sebelumnya)\n"
     "      --all            ambil semua halaman\n"
     COMMON_OPTS, NULL},
    {"case", "correct", cmd_case_correct, "koreksi ringkasan, sumber, Kejari, penyidik perkara",
     "case correct PERKARA [--summary TEKS] [--source SUMBER] [--source-note TEKS]\n"
     "                     [--kejari KANTOR] [--investigator NIP]...\n"
     "Koreksi keterangan perkara (penyidik kantornya).  Versi perkara saat ini dikirim sebagai\n"
     "If-Match: perubahan orang lain di antaranya ditolak (409), tidak pernah hilang.  Kejari\n"
     "tidak diubah lagi setelah SPDP atau berkas dikirim kepadanya.\n"
     "\n"
     "      --summary TEKS        ringkasan kejadian\n"
     "      --source SUMBER       jagratara, tim_pora, public_report, apoa, desa_binaan,\n"
     "                            tpi_check, supervision, intelligence, other_agency, other\n"
     "      --source-note TEKS    tentang sumbernya\n"
     "      --kejari KANTOR       Kejaksaan Negeri tujuan berkas (kode atau id)\n"
     "      --investigator NIP    penyidik yang ditugaskan (seluruh daftar); ulangi untuk tiap\n"
     COMMON_OPTS "\n"
     "Status keluar: 0 dikoreksi, 1 ditolak (400 menyebut isian, 409 usang atau sudah\n"
     "diberitahukan), 2 pemakaian salah atau server tidak terjangkau.\n", NULL},
    {"case", "show", cmd_case_show, "tampilkan perkara: tahap, fakta, jam hukum, P-19, pihak",
     "case show PERKARA [--json]\n"
     "Tampilkan perkara PERKARA (nomor, LK/KANIM-PLG/2026/0001, atau id): nomor, tahap,\n"
     "kantor, Kejari, sumber dan fakta; peristiwa yang boleh berikutnya; jam hukum (paling\n"
     "mendesak dulu); putaran P-19 dengan petunjuknya; tim, jaksa peneliti dan arahan; pihak,\n"
     "sangkaan, barang bukti dan tahap-tahap yang dilalui.\n"
     "\n" COMMON_OPTS, NULL},
    {"record", NULL, cmd_record, "catat tindakan atau P-form yang diterima pada perkara",
     "record PERKARA PERISTIWA [OPSI]...\n"
     "Catat PERISTIWA (sprindik_issued, spdp_sent, bap_recorded, tahap1_sent, p19_received,\n"
     "...; lihat peristiwa yang boleh di berkas case show) pada perkara PERKARA, tanpa\n"
     "membaca perkara dulu: server memeriksa bahwa peristiwa itu masih boleh pada tahap\n"
     "perkara sekarang (409 menyebut yang boleh).  Dengan --if-match versi yang Anda lihat\n"
     "dikirim sebagai If-Match: perubahan orang lain di antaranya ditolak (409).  Tiap\n"
     "permintaan membawa Idempotency-Key, sehingga mengulanginya dengan --idempotency-key\n"
     "yang sama mencatat sekali.\n"
     "\n"
     "      --date TANGGAL         tanggal hukum tindakan (bawaan hari ini), YYYY-MM-DD\n"
     "      --at SAAT              atau saatnya, 2026-03-02T09:30:00+07:00 (penangkapan)\n"
     "      --number N             nomor yang diberikan DI LUAR berkas (lalu unggah suratnya;\n"
     "                             berkas tidak menerbitkan surat tindakan itu dengan nomor lain)\n"
     "      --issue FORM           terbitkan juga FORM untuk tindakan ini dalam transaksi yang\n"
     "                             sama (mis. sp_penangkapan, ba_penangkapan); ulangi tiap form\n"
     "      --note T               catatan\n"
     "      --party ID             tersangka (atau pihak) yang bersangkutan\n"
     "      --bap JENIS            bap_recorded: saksi, tersangka, ahli atau tambahan\n"
     "      --days N               penahanan: jumlah hari yang diperintahkan\n"
     "      --detention-type T     rutan, rumah atau kota\n"
     "      --facility TEMPAT      detained, detention_type_changed: tempat penahanan, mis.\n"
     "                             Rumah Tahanan Negara Kelas IIB Batulicin (KUHAP 21(2))\n"
     "      --conditions SYARAT    detention_suspended: syarat penangguhan (KUHAP 31(1)), mis.\n"
     "                             wajib lapor setiap Senin dan Kamis\n"
     "      --guarantee JAMINAN    detention_suspended: jaminan uang atau orang (tanpa: tidak\n"
     "                             ada jaminan)\n"
     "      --scene TEMPAT         arrested, seizure_done, search_done: tempat dilakukannya\n"
     "      --catatan TEKS         short_procedure_handover (wajib): catatan yang menyertai\n"
     "                             penyerahan (UU 6/2011 Pasal 110(2)): apa yang disangkakan,\n"
     "                             kapan, di mana, pasal berapa (10-4000 huruf)\n"
     "      --recipient R          spdp_sent (wajib): kejari (SPDP kepada Penuntut Umum),\n"
     "                             korwas, reporter, suspect, family, embassy;\n"
     "                             sp3_notified (wajib): kejari, korwas, suspect, family,\n"
     "                             reporter;\n"
     "                             letter_delivered: keluarga_penangkapan, keluarga_penahanan,\n"
     "                             perwakilan_negara, spdp_kejari, spdp_korwas, spdp_pelapor,\n"
     "                             spdp_tersangka, spdp_perwakilan_negara, penetapan_tersangka,\n"
     "                             salinan_bap; ketua_pn_persetujuan (laporan tindakan\n"
     "                             mendesak kepada Ketua PN, dengan --approves);\n"
     "                             berkas_kejari (tanda terima berkas perkara dari Kejaksaan)\n"
     "      --ground G             sp3_issued: alasan penghentian (KUHAP 109(2)):\n"
     "                             tidak_cukup_bukti, bukan_tindak_pidana,\n"
     "                             demi_hukum_nebis_in_idem, demi_hukum_meninggal_dunia,\n"
     "                             demi_hukum_kedaluwarsa, demi_hukum_pengaduan_dicabut; sejak\n"
     "                             2 Januari 2026 juga (UU 20/2025 Pasal 24) keadilan_restoratif,\n"
     "                             denda_kategori_ii, denda_kategori_iv; released: tahanan:\n"
     "                             kepentingan_terpenuhi, masa_penahanan_habis; penangkapan:\n"
     "                             masa_penangkapan_habis, tidak_perlu_ditahan; keduanya:\n"
     "                             penyidikan_dihentikan, putusan_praperadilan\n"
     "      --polri-order NO       surat perintah penyidik Polri (UU 20/2025)\n"
     "      --polri-involved       penyidik Polri terlibat\n"
     "      --severe-illness       sakit fisik atau jiwa yang berat (KUHAP 29(1))\n"
     "      --instruction TEKS     p19_received: satu petunjuk; ulangi untuk tiap petunjuk\n",
     "      --unmet ID             return_letter_received: petunjuk P-19 yang belum dipenuhi\n"
     "                             (pengembalian berikutnya dengan surat biasa); ulangi\n"
     "      --late-reason TEKS     pengembalian setelah 14 hari penuntut umum: alasannya\n"
     "      --instruction-id ID    instruction_answered: petunjuknya ...\n"
     "      --answer TEKS          ... dan cara memenuhinya (--corrects: yang baru)\n"
     "      --answer-act ID        ... dan tindakan yang memenuhinya (berkasnya ada dalam\n"
     "                             berkas perkara, atau unggah dokumennya pada jawaban itu):\n"
     "                             bap_recorded, interpreter_sworn, search_done,\n"
     "                             seizure_done, court_permit_received,\n"
     "                             evidence_deposited atau resume_written\n"
     "                             sejak P-19 itu (atau dokumennya baru dilampirkan)\n"
     "      --unmet-reason TEKS    ... atau mengapa petunjuk itu tidak dapat dipenuhi (tanpa\n"
     "                             --answer-act; tanpa --answer: alasannya jawabannya);\n"
     "                             dengan --corrects: jawaban menjadi tidak dapat dipenuhi\n"
     "                             (--answer-act: menjadi dipenuhi)\n"
     "      --corrects ID          corrected: peristiwa yang dikoreksi ...\n"
     "      --withdraws            ... yang ditarik\n"
     "      --due TANGGAL          direction_given: batas waktunya\n"
     "      --direction ID         direction_done: arahan yang dilaksanakan\n"
     "      --to NIP               direction_given: penyidik yang dituju\n"
     "      --jaksa NIP            p16_received: jaksa peneliti yang ditunjuk\n"
     "      --team NIP             sprindik_issued: penyidik anggota tim; ulangi\n"
     "      --appearance TANGGAL   summons_served: hari hadir, sekurang-kurangnya 3 hari sesudah\n"
     "                             panggilan diterima (KUHAP 227(1)) ...\n"
     "      --urgent-reason TEKS   ... kecuali panggilan mendesak, dengan alasannya;\n"
     "                             search_done, seizure_done tanpa izin Ketua PN: keadaan\n"
     "                             mendesaknya (KUHAP 34, 38(2)), persetujuan lalu terutang\n"
     "      --permit-act ID        search_done, seizure_done: court_permit_received (izin\n"
     "                             Ketua PN untuk tindakan itu, KUHAP 33(1), 38(1))\n"
     "      --permit-kind K        court_permit_received: izin atau persetujuan\n"
     "      --permit-for T         court_permit_received: penggeledahan atau penyitaan\n"
     "      --court PN             court_permit_received, detention_extended_court:\n"
     "                             Pengadilan Negeri yang menetapkan, mis. Palembang\n"
     "                             (dicetak Ketua Pengadilan Negeri Palembang)\n"
     "      --decision D           court_permit_received: ditolak bila Ketua PN menolak izin\n"
     "                             atau persetujuan (bawaan: dikabulkan); penolakan tidak\n"
     "                             dapat menjadi --permit-act\n"
     "      --approves ID          court_permit_received persetujuan: tindakan mendesak yang\n"
     "                             disetujui (nomor Penetapan dengan --number);\n"
     "                             letter_delivered ketua_pn_persetujuan: tindakan mendesak\n"
     "                             yang dilaporkan (KUHAP 34, 38(2))\n"
     "      --unlawful-reason TEKS detained lewat masa penangkapan: alasan tidak sahnya\n"
     "      --received-by NAMA     penerima keluarga_*, perwakilan_negara, spdp_*,\n"
     "                             penetapan_tersangka, salinan_bap, berkas_kejari\n"
     "      --undelivered-reason T notice_undelivered: mengapa tidak dapat disampaikan\n"
     "      --if-match VERSI       versi perkara yang Anda lihat (bawaan: tanpa If-Match)\n"
     "      --idempotency-key KUNCI kunci percobaan sebelumnya, untuk mengulang dengan aman\n"
     COMMON_OPTS "\n"
     "Status keluar: 0 dicatat, 1 ditolak (409 menyebut peristiwa yang boleh, 422 fakta yang\n"
     "kurang), 2 pemakaian salah atau server tidak terjangkau.\n"},
    {"suspect", "add", cmd_suspect_add, "tambah tersangka pada perkara (penyidik)",
     "suspect add PERKARA --name NAMA [OPSI]...\n"
     "Tambah tersangka pada perkara PERKARA, namanya seperti di paspor.\n"
     "\n"
     "      --name NAMA            nama seperti di paspor\n"
     PARTY_HELP COMMON_OPTS, NULL},
    {"party", "add", cmd_party_add, "tambah saksi atau ahli pada perkara (penyidik)",
     "party add PERKARA --kind witness|expert|reporter|victim --name NAMA [OPSI]...\n"
     "Tambah saksi atau ahli (atau, dengan --kind suspect, tersangka) pada perkara PERKARA;\n"
     "reporter (pelapor) dan victim (korban) berhak atas SPDP (Putusan MK 130/PUU-XIII/2015).\n"
     "\n"
     "      --kind JENIS           witness, expert, suspect, reporter atau victim\n"
     "      --name NAMA            nama seperti di paspor atau kartu identitas\n"
     PARTY_HELP COMMON_OPTS, NULL},
    {"party", "correct", cmd_party_correct, "koreksi data pihak (penyidik)",
     "party correct PERKARA PIHAK [OPSI]...\n"
     "Koreksi isian yang diberikan dari pihak PIHAK (id) pada perkara PERKARA.  Versi pihak\n"
     "saat ini dikirim sebagai If-Match kecuali --if-match diberikan.\n"
     "\n"
     "      --kind JENIS           witness, expert, suspect, reporter atau victim\n"
     "      --name NAMA            nama seperti di paspor\n"
     PARTY_HELP
     "      --if-match VERSI       versi pihak yang Anda lihat (bawaan: versi saat ini)\n"
     COMMON_OPTS, NULL},
    {"offence", "charge", cmd_offence_charge, "sangkakan pasal dari katalog",
     "offence charge PERKARA KODE [--party ID] [--json]\n"
     "Sangkakan pasal KODE dari katalog (122, 119(1); lihat berkas offence list) pada perkara\n"
     "PERKARA, kepada seorang tersangka dengan --party atau kepada perkara seluruhnya.\n"
     "\n"
     "      --party ID       tersangka yang disangka\n"
     COMMON_OPTS, NULL},
    {"offence", "list", cmd_offence_list, "katalog tindak pidana, UU 6/2011 Pasal 113-136",
     "offence list [--json]\n"
     "Daftar tindak pidana UU 6/2011 Pasal 113-136: ancaman penjara dan denda maksimum, dapat\n"
     "tidaknya tersangka ditahan, berlaku tidaknya acara pemeriksaan singkat; \"(verifikasi)\"\n"
     "menandai nilai yang belum diperiksa terhadap undang-undang.\n"
     "\n" COMMON_OPTS, NULL},
    {"evidence", "add", cmd_evidence_add, "tambah barang bukti pada perkara",
     "evidence add PERKARA --description D [OPSI]...\n"
     "Tambah barang bukti pada perkara PERKARA.\n"
     "\n"
     "      --description D  uraian barangnya\n"
     "      --quantity J     jumlahnya\n"
     "      --seized-from ID pihak tempat disita\n"
     "      --seized-on TGL  tanggal penyitaan (YYYY-MM-DD)\n"
     "      --seizure ID     tindakan penyitaan (seizure_done) yang mengambilnya;\n"
     "                       Berita Acara Penyitaannya mencantumkannya\n"
     "      --storage T      tempat penyimpanan\n"
     COMMON_OPTS, NULL},
    {"clocks", NULL, cmd_clocks, "jam hukum perkara, paling mendesak dulu",
     "clocks PERKARA [--json]\n"
     "Tampilkan jam hukum perkara PERKARA: keadaan (!! LEWAT WAKTU, ! peringatan), batas\n"
     "waktu menurut zona kantor, sisa hari, siapa yang harus bertindak, tersangkanya dan\n"
     "dasar hukumnya; jam yang berjalan dulu, yang paling mendesak di atas; lalu arahan\n"
     "pengawas yang terbuka.\n"
     "\n" COMMON_OPTS, NULL},
    {"history", NULL, cmd_history, "seluruh riwayat peristiwa perkara",
     "history PERKARA [--json]\n"
     "Tampilkan setiap peristiwa perkara PERKARA berurutan: urutan, id, tanggal hukum,\n"
     "peristiwa, nomor dokumen, perubahan tahap, pencatatan terlambat, siapa yang mencatat\n"
     "dan kapan (menurut zona kantor), dan rezim aturannya.\n"
     "\n" COMMON_OPTS, NULL},
    {"verify-chain", NULL, cmd_verify_chain, "periksa rantai hash setiap perkara (admin)",
     "verify-chain [--json]\n"
     "Hitung ulang rantai SHA-256 log peristiwa setiap perkara di server; tampilkan jumlah\n"
     "perkara dan peristiwa yang diperiksa dan mata rantai pertama yang putus.\n"
     "\n" COMMON_OPTS "\n"
     "Status keluar: 0 semua rantai utuh, 1 ada rantai putus atau ditolak, 2 pemakaian salah\n"
     "atau tidak terjangkau.\n", NULL},
    {"rulesets", NULL, cmd_rulesets, "perangkat aturan hukum dan nilainya",
     "rulesets [--json]\n"
     "Daftar setiap nilai perangkat aturan (KUHAP-1981, KUHAP-2025): tenggat dalam hari dan\n"
     "penanda, masing-masing bertanda terverifikasi atau \"? verifikasi\".\n"
     "\n" COMMON_OPTS, NULL},
    {"ruleset", "set", cmd_ruleset_set, "ubah satu nilai perangkat aturan (admin)",
     "ruleset set NAMA KUNCI NILAI [--from TANGGAL] [--force] [--to-verify | --verified]\n"
     "           [--note T] [--json]\n"
     "Ubah KUNCI perangkat aturan NAMA (lihat berkas rulesets) menjadi bilangan bulat NILAI\n"
     "sejak TANGGAL (bawaan: hari ini).  Tindakan bertanggal sebelumnya tetap memakai nilai\n"
     "yang berlaku pada tanggalnya (penahanan yang sudah diperintahkan tetap selama surat\n"
     "perintahnya).  Tanpa --to-verify atau --verified tandanya tetap seperti sebelumnya.\n"
     "NILAI negatif ditulis setelah \"--\": berkas ruleset set NAMA KUNCI -- -1.\n"
     "\n"
     "      --from TANGGAL   berlaku sejak TANGGAL (YYYY-MM-DD), tidak sebelum hari ini\n"
     "      --force          izinkan yang biasanya ditolak (tanggal sebelum hari ini, nilai\n"
     "                       terverifikasi, perangkat yang sudah dicabut);\n"
     "                       wajib dengan --note, dicatat\n"
     "      --to-verify      tandai nilai masih perlu diverifikasi terhadap undang-undang\n"
     "      --verified       tandai nilai sudah diverifikasi terhadap undang-undang\n"
     "      --note T         alasannya (disimpan bersama perubahan)\n"
     COMMON_OPTS, NULL},
    {"ruleset", "history", cmd_ruleset_history, "riwayat perubahan perangkat aturan (admin, pengawas)",
     "ruleset history [--ruleset NAMA] [--key KUNCI] [--json]\n"
     "Setiap perubahan nilai perangkat aturan: sejak kapan berlaku, nilai lama dan baru, oleh\n"
     "siapa, kapan, dengan override atau tidak, dan alasannya.\n"
     "\n"
     "      --ruleset NAMA   hanya perangkat NAMA (KUHAP-1981, KUHAP-2025)\n"
     "      --key KUNCI      hanya KUNCI itu\n"
     COMMON_OPTS, NULL},
    {"settings", NULL, cmd_settings, "pengaturan server dan nilainya; settings set: ubah (admin)",
     "settings [--json]\n"
     "       berkas settings set KUNCI NILAI [--json]\n"
     "Daftar pengaturan server (app.settings): kunci, nilai, jenis dan batasnya, kapan\n"
     "perubahan berlaku, kapan terakhir diubah, catatannya.  Dengan set: ubah KUNCI menjadi\n"
     "NILAI (admin kantor pusat); server memeriksa jenis dan batasnya (bilangan bulat dalam\n"
     "batasnya, true atau false, teks tidak kosong) dan menolak kunci yang tidak dikenal.\n"
     "Perubahan berlaku tanpa memulai ulang berkasd (batas laju log-on dalam 10 detik).\n"
     "Contoh: berkas settings set dossier.p19_answers_need_paper false\n"
     "\n" COMMON_OPTS, NULL},
    {"forms", NULL, cmd_forms, "formulir yang dibuat berkas, dengan parameternya",
     "forms [--json]\n"
     "Daftar formulir yang dapat dibuat server: nama, kode dokumen, penerbitnya (penyidik\n"
     "atau penuntut umum), ukuran halaman dan judul; lalu parameter tiap formulir\n"
     "(--param NAMA=NILAI pada berkas form dan berkas issue), yang wajib bertanda *.\n"
     "\n" COMMON_OPTS, NULL},
    {"form", NULL, cmd_form, "tulis formulir perkara sebagai PDF konsep",
     "form PERKARA FORM -o BERKAS [--param NAMA=NILAI]... [--force]\n"
     "Buat FORM (lihat berkas forms) dari perkara PERKARA sebagaimana adanya sekarang, sebagai\n"
     "konsep: bertanda air DRAFT, tanpa nomor, tidak dicatat.  PDF ditulis ke BERKAS utuh\n"
     "atau tidak sama sekali (melalui berkas sementara di sebelahnya), mode 0600; BERKAS yang\n"
     "sudah ada dibiarkan kecuali --force.\n"
     "\n"
     "  -o, --output BERKAS    tempat menulis PDF\n"
     "      --param NAMA=NILAI parameter formulir (pihak-N untuk pihak); ulangi untuk tiap\n"
     "      --force            timpa BERKAS bila sudah ada\n"
     COMMON_OPTS "\n"
     "Status keluar: 0 ditulis, 1 ditolak (formulir tak dikenal 404, bukan tahapnya 409, data\n"
     "kurang 422 menyebutnya), 2 pemakaian salah, BERKAS sudah ada, tak dapat menulis, atau\n"
     "server tidak terjangkau.\n", NULL},
    {"issue", NULL, cmd_issue, "terbitkan formulir: nomor, kode verifikasi, SHA-256",
     "issue PERKARA FORM [--event ID] [--param NAMA=NILAI]... [-o BERKAS [--force]]\n"
     "Terbitkan FORM perkara PERKARA untuk tindakan yang dicatat atau diperintahkannya\n"
     "(--event, id tindakan di berkas history; bawaan: tindakan terakhir jenisnya yang belum\n"
     "berdokumen ini), pada tahap apa pun selama perkara terbuka: bertanggal tindakan, dengan\n"
     "kop, hukum dan penanda tangan yang berlaku pada tanggal itu.  Server mengambil nomor\n"
     "berikut dari urutan tanpa celah kantor, membuat dan menyimpan PDF dengan SHA-256 dan\n"
     "kode verifikasi.  Menampilkan id dokumen, nomor, tanggal, kode dan URL verifikasi,\n"
     "SHA-256 dan jumlah halaman.  Dengan -o PDF yang diterbitkan juga diunduh ke BERKAS\n"
     "(utuh atau tidak sama sekali, mode 0600) dan dicocokkan dengan SHA-256; BERKAS\n"
     "diperiksa sebelum formulir diterbitkan, sehingga BERKAS yang sudah ada (tanpa --force)\n"
     "tidak memakan nomor.\n"
     "\n"
     "      --event ID         tindakan pemilik dokumen\n"
     "      --param NAMA=NILAI parameter formulir (pihak-N untuk pihak); ulangi untuk tiap\n"
     "  -o, --output BERKAS    tulis juga PDF yang diterbitkan ke BERKAS\n"
     "      --force            timpa BERKAS bila sudah ada\n"
     COMMON_OPTS "\n"
     "Status keluar: 0 diterbitkan (dan ditulis), 1 ditolak, atau diterbitkan tetapi tidak\n"
     "ditulis (barisnya menyebut cara mengambilnya), 2 pemakaian salah, BERKAS sudah ada,\n"
     "atau server tidak terjangkau.\n", NULL},
    {"bap", NULL, cmd_bap, "tulis tanya-jawab BAP (dari berkas teks atau $EDITOR)",
     "bap PERKARA PERISTIWA [--from FILE | --show]\n"
     "Tulis apa yang dicatat pemeriksa dalam BAP PERISTIWA (tindakan bap_recorded, lihat\n"
     "berkas history) perkara PERKARA: dari FILE, atau di $VISUAL / $EDITOR (vi) atas isi\n"
     "sekarang.  Seluruh isi dikirim dengan versinya (If-Match): perubahan orang lain di\n"
     "antaranya ditolak (409).  Sampai dokumen BAP diterbitkan isinya boleh ditulis lagi;\n"
     "identitas dicetak dari data pihak (berkas party correct).\n"
     "\n"
     "Teksnya: satu isian per baris, 'kunci: nilai'; baris yang bukan kunci melanjutkan\n"
     "isian di atasnya; baris '#' diabaikan; P: pertanyaan, J: jawabannya, berurutan:\n"
     "  diberitahu-hak-penasihat-hukum: ya      (tersangka: KUHAP Pasal 114)\n"
     "  penasihat-hukum: hadir | menolak        (tersangka; 5 tahun atau lebih: nama wajib,\n"
     "  nama-penasihat-hukum: ...                KUHAP Pasal 56 ayat (1))\n"
     "  kantor-penasihat-hukum: ...\n"
     "  penerjemah: ...   bahasa-penerjemah: ...\n"
     "  sumpah: tidak | sumpah | janji           (saksi 116(1), ahli 120(2))\n"
     "  alasan-sumpah: ...\n"
     "  keahlian: ...     (ahli)     saksi-meringankan: ...  (tersangka, 116(3))\n"
     "  P: Apakah Saudara dalam keadaan sehat?\n"
     "  J: Ya, saya sehat.\n"
     "  penutup: ...      selesai-pukul: HH:MM\n"
     "  ditandatangani: ya | tidak   alasan-tidak-menandatangani: ...  (KUHAP 118 ayat (2))\n"
     "\n"
     "      --from FILE   baca isi dari FILE (teks UTF-8)\n"
     "      --show        cetak isi sekarang dalam format ini (atau --json) lalu berhenti\n"
     COMMON_OPTS "\n"
     "Status keluar: 0 disimpan (mencetak apa yang masih kurang sebelum berkas issue),\n"
     "1 ditolak (400 menyebut isian, 409 versi lebih baru atau BAP sudah diterbitkan),\n"
     "2 pemakaian salah, FILE tak terbaca atau salah satu barisnya tak dipahami (disebut),\n"
     "tidak ada terminal untuk editor.\n", NULL},
    {"resume", NULL, cmd_resume, "tulis Resume: fakta, analisis tiap unsur, kesimpulan",
     "resume PERKARA PERISTIWA [--from FILE | --show]\n"
     "Tulis apa yang ditulis penyidik dalam Resume PERISTIWA (tindakan resume_written)\n"
     "perkara PERKARA: dari FILE, atau di $VISUAL / $EDITOR atas isi sekarang, yang\n"
     "mendaftar setiap unsur tiap Pasal yang disangkakan.  Dikirim utuh dengan versinya\n"
     "(If-Match).\n"
     "\n"
     "Teksnya, seperti berkas bap:\n"
     "  dasar: ...            (ulangi: dasar di samping Laporan, Sprindik dan SPDP)\n"
     "  uraian: ...           uraian singkat perkara\n"
     "  fakta: Bahwa ...      (ulangi: satu fakta tiap baris)\n"
     "  unsur 7.1: ...        analisis unsur 1 sangkaan 7 (berkas resume --show\n"
     "                        mendaftar sangkaan dan unsurnya)\n"
     "  kesimpulan: ...\n"
     "\n"
     "      --from FILE   baca isi dari FILE (teks UTF-8)\n"
     "      --show        cetak isi sekarang dalam format ini (atau --json) lalu berhenti\n"
     COMMON_OPTS "\n"
     "Status keluar: 0 disimpan (mencetak apa yang masih kurang sebelum berkas issue),\n"
     "1 ditolak, 2 pemakaian salah, FILE tak terbaca atau salah satu barisnya tak dipahami.\n",
     NULL},
    {"upload", NULL, cmd_upload, "lampirkan PDF dari luar berkas pada tindakan atau dokumen",
     "upload PERKARA FILE --title TEKS (--event ID | --document ID) [--number N]\n"
     "       [--dated TANGGAL]\n"
     "Lampirkan FILE, sebuah PDF (penetapan pengadilan, surat Kejari, tanda terima, pindaian\n"
     "dokumen yang sudah ditandatangani) pada tindakan ID perkara PERKARA, atau pada dokumen\n"
     "terbit ID sebagai pindaiannya.  Server memeriksa bahwa isinya PDF dan ukurannya (setelan\n"
     "upload.max_bytes), menyimpannya dengan SHA-256 dan menjilidnya ke berkas perkara di\n"
     "tempat tindakannya.\n"
     "\n"
     "      --title TEKS       apa itu (\"Penetapan Ketua PN Palembang\")\n"
     "      --event ID         tindakan yang kertasnya ini (berkas history)\n"
     "      --document ID      dokumen terbit yang pindaiannya ini (berkas documents)\n"
     "      --number N         nomornya (bawaan: nomor tindakan)\n"
     "      --dated TANGGAL    tanggalnya (bawaan: tanggal tindakan), YYYY-MM-DD\n"
     COMMON_OPTS "\n"
     "Status keluar: 0 dilampirkan, 1 ditolak (bukan PDF, terlalu besar 413, tindakan peran\n"
     "lain), 2 pemakaian salah, FILE tak terbaca, atau server tidak terjangkau.\n", NULL},
    {"documents", NULL, cmd_documents, "dokumen yang diterbitkan untuk perkara",
     "documents PERKARA [--json]\n"
     "Daftar dokumen yang diterbitkan untuk perkara PERKARA: id, formulir, nomor, tanggal,\n"
     "halaman, kode verifikasi, berlaku atau dicabut, dan SHA-256 PDF saat diterbitkan.\n"
     "\n" COMMON_OPTS, NULL},
    {"revoke", NULL, cmd_revoke, "cabut dokumen terbitan (dan terbitkan ulang)",
     "revoke DOKUMEN --note TEKS [--reissue]\n"
     "Cabut dokumen terbitan DOKUMEN (lihat berkas documents) dengan alasannya: PDF dan\n"
     "nomornya tetap seperti diterbitkan, verifikasi menyebutnya dicabut, berkas perkara tidak\n"
     "lagi menjilidnya, dan formulirnya boleh diterbitkan lagi untuk tindakannya.  Dengan\n"
     "--reissue formulir itu sekaligus diterbitkan ulang untuk tindakannya sebagaimana berdiri\n"
     "sesudah koreksinya, dengan parameter yang dulu diberikan: untuk dokumen yang diterbitkan\n"
     "sebelum koreksi tindakannya (berkas case show: DOKUMEN TIDAK SESUAI KOREKSI).  Hanya\n"
     "peran dan kantor yang menerbitkannya.\n"
     "\n"
     "      --note TEKS        alasan pencabutan (3 sampai 1000 huruf)\n"
     "      --reissue          terbitkan ulang untuk tindakannya dalam satu langkah\n"
     COMMON_OPTS "\n"
     "Status keluar: 0 dicabut (dan diterbitkan ulang), 1 ditolak (403 peran atau kantor\n"
     "lain, 404 tak terlihat, 409 sudah dicabut, 422 tidak dapat diterbitkan ulang: tidak\n"
     "ada yang dicabut), 2 pemakaian salah atau server tidak terjangkau.\n", NULL},
    {"document", NULL, cmd_document, "tulis PDF dokumen terbitan, persis seperti diterbitkan",
     "document ID -o BERKAS [--force]\n"
     "Tulis PDF dokumen terbitan ID (lihat berkas documents) ke BERKAS, byte demi byte seperti\n"
     "diterbitkan, utuh atau tidak sama sekali (mode 0600).\n"
     "\n"
     "  -o, --output BERKAS    tempat menulis PDF\n"
     "      --force            timpa BERKAS bila sudah ada\n"
     COMMON_OPTS, NULL},
    {"dossier", NULL, cmd_dossier, "tulis berkas perkara dalam satu PDF",
     "dossier PERKARA -o BERKAS [--force]\n"
     "Tulis berkas perkara PERKARA ke BERKAS: sampul, daftar isi, daftar-daftar, setiap\n"
     "dokumen terbitan menurut urutan hukum, dan manifes dengan SHA-256 tiap dokumen.  Utuh\n"
     "atau tidak sama sekali (mode 0600).\n"
     "\n"
     "  -o, --output BERKAS    tempat menulis PDF\n"
     "      --force            timpa BERKAS bila sudah ada\n"
     COMMON_OPTS "\n"
     "Status keluar: 0 ditulis, 1 ditolak (422 menyebut formulir yang belum diterbitkan),\n"
     "2 pemakaian salah, BERKAS sudah ada, tak dapat menulis, atau server tidak terjangkau.\n",
     NULL},
    {"verify", NULL, cmd_verify, "periksa kode verifikasi dokumen (tanpa masuk)",
     "verify KODE [--json]\n"
     "Tanyakan ke server apakah dokumen dengan kode verifikasi ini (tercetak di bawah kode\n"
     "QR) asli dan berlaku: jenis, nomor, tanggal dan kantornya.  Tanpa masuk.  Huruf kecil,\n"
     "'-' dan spasi boleh; I dan L dibaca 1, O dibaca 0.\n"
     "\n" COMMON_OPTS "\n"
     "Status keluar: 0 asli dan berlaku, 1 kode tak dikenal atau dokumen dicabut, 2 pemakaian\n"
     "salah atau server tidak terjangkau.\n", NULL},
    {"review", NULL, cmd_review, "berkas lewat waktu atau macet: alasannya, siapa harus bertindak",
     "review [OPSI]...\n"
     "Daftar berkas di wilayah Anda menurut urgensi: yang paling lama lewat waktu di atas,\n"
     "lalu yang paling dekat batasnya.  Tiap baris: keadaan (!! LEWAT, !! MACET, ! awas),\n"
     "nomor perkara, tahap, alasan (jam hukum atau tanpa kegiatan N hari), siapa yang harus\n"
     "bertindak, batas waktu menurut zona kantor, sisa hari (negatif bila terlambat) dan\n"
     "putaran P-19 (\"!\" bila bolak-balik).  Di atasnya jumlah per kantor.\n"
     "Penyidik melihat perkaranya sendiri (--everyone: seluruh kantor); pengawas seluruh\n"
     "kantor di bawahnya.\n"
     "\n"
     "      --office KANTOR  kode atau id kantor di wilayah Anda (KANIM-PLG)\n"
     "      --reason R       spdp, pu_answer, pu_return, resend, tahap2, detention,\n"
     "                       direction, sp3_notify (kepada PU), sp3_notify_korwas,\n"
     "                       sp3_notify_suspect, sp3_notify_reporter, stall (tanpa\n"
     "                       kegiatan), damaged\n"
     "      --actor A        investigator, prosecutor, court, supervisor\n"
     "      --stage S        investigation, with_prosecutor, returned, complete, ...\n"
     "      --state S        overdue, stalled, warning, ok, damaged\n"
     "      --mine           hanya perkara tim Anda\n"
     "      --everyone       semua perkara wilayah Anda\n"
     "      --limit N        baris per halaman (1-100, bawaan 50)\n"
     "      --cursor C       lanjut dari halaman sebelumnya\n"
     "      --all            ambil semua halaman\n"
     "      --no-counts      tanpa jumlah per kantor\n"
     COMMON_OPTS, NULL},
    {"directions", NULL, cmd_directions, "arahan pengawas: yang terbuka, lewat waktu, atau selesai",
     "directions [OPSI]...\n"
     "Daftar arahan pengawas di wilayah Anda, yang paling dekat batasnya di atas: keadaan\n"
     "(terbuka, !! LEWAT, selesai), id arahan, perkara, batas menurut zona kantor, sisa hari,\n"
     "untuk siapa (atau kantor), teks arahan.  Penyidik: arahan untuknya atau kantornya\n"
     "(--everyone: semua arahan kantor); pengawas: semua di bawahnya (--mine: yang ia beri).\n"
     "\n"
     "      --state S        open (bawaan: terbuka dan lewat), overdue, done, all\n"
     "      --office KANTOR  kode atau id kantor\n"
     "      --mine           hanya untuk saya / dari saya\n"
     "      --everyone       semua di wilayah saya\n"
     "      --limit N        baris per halaman (1-100)\n"
     "      --cursor C       lanjut dari halaman sebelumnya\n"
     "      --all            ambil semua halaman\n"
     COMMON_OPTS, NULL},
    {"direction", "give", cmd_direction_give, "beri arahan pada perkara (pengawas)",
     "direction give CASE --due TANGGAL --text TEKS [--to NIP] [--date TANGGAL]\n"
     "Catat arahan pengawas pada perkara CASE (nomor atau id): teksnya, batas waktunya (tidak\n"
     "boleh sebelum hari ini) dan, bila untuk seorang penyidik, NIP-nya (boleh dengan spasi\n"
     "seperti tercetak); tanpa --to arahan untuk kantor.\n"
     "\n"
     "      --due TANGGAL    batas (YYYY-MM-DD)\n"
     "      --text TEKS      isi arahan\n"
     "      --to NIP         penyidik yang dituju\n"
     "      --date TANGGAL   tanggal arahan (bawaan hari ini)\n"
     COMMON_OPTS, NULL},
    {"direction", "done", cmd_direction_done, "laporkan arahan telah dilaksanakan (penyidik)",
     "direction done CASE DIRECTION --note TEKS [--date TANGGAL]\n"
     "Catat bahwa arahan DIRECTION (id dari berkas directions) pada perkara CASE telah\n"
     "dilaksanakan, dengan catatan apa yang dilakukan.\n"
     "\n"
     "      --note TEKS      apa yang telah dilakukan\n"
     "      --date TANGGAL   tanggal pelaksanaan (bawaan hari ini)\n"
     COMMON_OPTS, NULL},
    {"reassign", NULL, cmd_reassign, "alihkan satu atau banyak berkas ke penyidik lain (pengawas)",
     "reassign --case PERKARA [--case PERKARA]... [--add NIP]... [--remove NIP]...\n"
     "                --reason TEKS\n"
     "Tambah atau keluarkan penyidik dari tim satu atau banyak perkara sekaligus: semua\n"
     "berhasil atau tidak satu pun.  Tiap perkara mencatat peristiwa pengalihan dengan\n"
     "alasannya; tim tidak boleh kosong.\n"
     "\n"
     "      --case PERKARA   nomor atau id perkara; ulangi untuk tiap perkara\n"
     "      --add NIP        penyidik yang ditambahkan (dari kantor perkara)\n"
     "      --remove NIP     penyidik yang dikeluarkan\n"
     "      --reason TEKS    alasan pengalihan (wajib)\n"
     COMMON_OPTS, NULL},
    {"inbox", NULL, cmd_inbox, "kotak masuk penuntut umum: SPDP, berkas, Tahap II yang masuk",
     "inbox [show|receive|appoint|return|accept|dossier] ...\n"
     "Kiriman ke Kejaksaan Negeri Anda, satu baris per perkara: tenggat Anda (7 hari menjawab,\n"
     "14 hari mengembalikan, P-17) lebih dulu, lalu yang terakhir masuk.  * = belum dibaca.\n"
     "\n"
     "  berkas inbox [--unread] [--kind spdp|tahap1|resend|tahap2|short|sp3] [--mine] [--wide]\n"
     "  berkas inbox show CASE                 buka perkara; kirimannya ditandai dibaca\n"
     "  berkas inbox receive CASE [--date D]   catat SPDP atau berkas diterima\n"
     "  berkas inbox appoint CASE [--jaksa NIP] P-16: tunjuk jaksa peneliti (bawaan: Anda)\n"
     "  berkas inbox return CASE --instruction TEKS [--instruction TEKS]...\n"
     "                                         P-19: kembalikan dengan petunjuk\n"
     "  berkas inbox accept CASE [--date D]    P-21: berkas lengkap\n"
     "  berkas inbox dossier CASE -o FILE      berkas perkara dalam satu PDF\n"
     "\n"
     "CASE: nomor perkara (LK/KANIM-PLG/2026/0001) atau id.\n"
     "\n"
     "      --unread         hanya yang belum dibaca\n"
     "      --kind K         kiriman terakhir: spdp, tahap1, resend, tahap2, short, sp3\n"
     "      --mine           hanya perkara yang menunjuk Anda sebagai jaksa peneliti\n"
     "      --limit N        baris per halaman (1-100)\n"
     "      --cursor C       lanjut dari halaman sebelumnya\n"
     "      --date D         tanggal tindakan (bawaan hari ini)\n"
     "      --number N       nomor surat (P-16, P-19, P-21)\n"
     COMMON_OPTS, NULL},
    {"report", NULL, cmd_report, "statistik bulanan atau tahunan per kantor; PDF dengan grafik, CSV",
     "report (--month YYYY-MM | --year YYYY) [--office KANTOR] [-o FILE.pdf|.csv|.json]\n"
     "Angka periode untuk wilayah Anda, per kantor dan jumlahnya: berkas per tahap pada akhir\n"
     "periode, tindakan dalam periode (laporan, Sprindik, TAK, Tahap I, P-19, P-21, Tahap II,\n"
     "SP3), berkas per Pasal, pro justitia dan TAK, putaran P-19, hari Sprindik sampai P-21\n"
     "dan P-21 sampai Tahap II, hari penahanan, pencatatan terlambat.  Tanpa -o: tabel di\n"
     "layar; dengan -o: PDF (dengan grafik), CSV atau JSON menurut akhiran FILE, ditulis utuh\n"
     "atau tidak sama sekali.\n"
     "\n"
     "      --month YYYY-MM  bulan laporan\n"
     "      --year YYYY      tahun laporan\n"
     "      --office KANTOR  kode atau id kantor di wilayah Anda\n"
     "  -o, --output FILE    tulis ke FILE (.pdf, .csv, .json)\n"
     "      --force          timpa FILE yang sudah ada\n"
     COMMON_OPTS, NULL},
};
/* clang-format on */
const size_t cli_ncommands = sizeof cli_commands / sizeof cli_commands[0];

static void usage(FILE *out)
{
    fprintf(out,
            "Pemakaian: berkas [--server URL] [--json] [--wide] PERINTAH [OPSI]...\n"
            "Klien berkas: berkas perkara PPNS Keimigrasian, dari terminal.\n"
            "\n"
            "  -s, --server URL  berkasd yang dihubungi (bawaan $BERKAS_SERVER, lalu server\n"
            "                    sesi tersimpan, lalu " DEFAULT_SERVER ")\n"
            "      --json        keluaran untuk mesin\n"
            "      --wide        baris tanpa batas 100 kolom\n"
            "      --cacert FILE sertifikat CA (PEM) untuk memeriksa server https (bawaan\n"
            "                    $BERKAS_CACERT, lalu CA sistem)\n"
            "      --insecure    sertifikat server https TIDAK diperiksa (hanya untuk uji;\n"
            "                    diperingatkan)\n"
            "  -h, --help        tampilkan bantuan ini (berkas PERINTAH --help untuk perintah)\n"
            "  -V, --version     tampilkan versi\n"
            "\n"
            "Perintah:\n");
    char name[64];
    for (size_t i = 0; i < cli_ncommands; i++)
        fprintf(out, "  %-22s %s\n", cli_name(&cli_commands[i], name, sizeof name),
                cli_commands[i].summary);
    fprintf(
        out,
        "\nWarna hanya di terminal, dan tidak bila NO_COLOR diisi.  Nama, bukan id: perkara\n"
        "dengan nomornya, kantor dengan kodenya, pengguna dengan NIP-nya (boleh dengan spasi).\n"
        "Status keluar: 0 selesai, 1 ditolak server, 2 pemakaian salah atau gagal terhubung.\n"
        "Lihat juga man berkas.\n");
}

/* "berkas office --help": the group's subcommands. */
static void group_usage(const char *group)
{
    printf("Pemakaian: berkas %s SUBPERINTAH [OPSI]...\n\nSubperintah:\n", group);
    for (size_t i = 0; i < cli_ncommands; i++)
        if (strcmp(cli_commands[i].name, group) == 0)
            printf("  %-15s %s\n", cli_commands[i].sub, cli_commands[i].summary);
    printf("\nberkas %s SUBPERINTAH --help menampilkan opsi subperintah.\n", group);
}

int cmd_status(struct global *g, const struct command *cmd, int argc, char **argv)
{
    int rc = cli_parse(g, cmd, argc, argv, NULL, NULL);
    if (rc != GO_ON || (rc = cli_connect(g, false)) != GO_ON)
        return rc;
    char err[512];
    struct api_response ver, health;
    if (!api_get(&g->api, "/api/v1/version", &ver, err, sizeof err))
        return cli_fail(EXIT_USAGE, "%s", err);
    if (!api_get(&g->api, "/healthz", &health, err, sizeof err)) {
        api_response_free(&ver);
        return cli_fail(EXIT_USAGE, "%s", err);
    }
    json_t *v = ver.status == 200 ? api_json(&ver) : NULL;
    if (!v) {
        char line[512];
        api_problem_line(&ver, line, sizeof line);
        api_response_free(&ver);
        api_response_free(&health);
        return cli_fail(EXIT_REFUSED, "%s bukan berkasd (GET /api/v1/version: %s)", g->api.base,
                        line);
    }
    bool healthy = health.status == 200;
    const char *version = json_string_value(json_object_get(v, "version"));
    const char *pg = json_string_value(json_object_get(v, "postgresql"));
    json_int_t schema = json_integer_value(json_object_get(v, "schema_version"));
    if (g->json) {
        json_t *out = json_pack("{s:s, s:O, s:s, s:b}", "server", g->api.base, "version", v,
                                "health", healthy ? "ok" : "unavailable", "healthy", healthy);
        out_json(out);
        json_decref(out);
    } else {
        printf("server      %s\n", g->api.base);
        printf("versi       berkasd %s (API v1, skema %lld, PostgreSQL %s)\n",
               version ? version : "?", (long long)schema, pg ? pg : "?");
        if (healthy)
            printf("kesehatan   ok (basis data menjawab)\n");
        else {
            char line[512];
            api_problem_line(&health, line, sizeof line);
            printf("kesehatan   TIDAK TERSEDIA (%s)\n", line);
        }
    }
    json_decref(v);
    api_response_free(&ver);
    api_response_free(&health);
    return healthy ? EXIT_OK : EXIT_REFUSED;
}

/* The table row for argv[0] (and argv[1] for a group); NULL after printing
 * help or a usage error into *rc.  *used is how many words named it. */
static const struct command *find_command(int argc, char **argv, int *used, int *rc)
{
    const char *name = argv[0];
    bool group = false;
    for (size_t i = 0; i < cli_ncommands; i++) {
        const struct command *c = &cli_commands[i];
        if (strcmp(c->name, name) != 0)
            continue;
        if (!c->sub) {
            *used = 1;
            return c;
        }
        group = true;
        if (argc > 1 && strcmp(c->sub, argv[1]) == 0) {
            *used = 2;
            return c;
        }
    }
    if (!group) {
        const char *names[128];
        size_t n = 0;
        for (size_t i = 0; i < cli_ncommands && n < 128; i++)
            if (i == 0 || strcmp(cli_commands[i].name, cli_commands[i - 1].name) != 0)
                names[n++] = cli_commands[i].name;
        const char *near = cli_closest(name, names, n);
        if (near)
            fprintf(stderr,
                    "berkas: perintah tidak dikenal '%s' (maksud Anda '%s'? lihat berkas "
                    "--help)\n",
                    name, near);
        else
            fprintf(stderr, "berkas: perintah tidak dikenal '%s' (lihat berkas --help)\n", name);
        *rc = EXIT_USAGE;
    } else if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        group_usage(name);
        *rc = EXIT_OK;
    } else if (argc > 1) {
        const char *subs[64];
        size_t n = 0;
        for (size_t i = 0; i < cli_ncommands && n < 64; i++)
            if (strcmp(cli_commands[i].name, name) == 0)
                subs[n++] = cli_commands[i].sub;
        const char *near = cli_closest(argv[1], subs, n);
        fprintf(stderr,
                "berkas %s: subperintah tidak dikenal '%s'%s%s%s (lihat berkas %s --help)\n", name,
                argv[1], near ? " (maksud Anda '" : "", near ? near : "", near ? "'?)" : "", name);
        *rc = EXIT_USAGE;
    } else {
        fprintf(stderr, "berkas %s: subperintah tidak diberikan (lihat berkas %s --help)\n", name,
                name);
        *rc = EXIT_USAGE;
    }
    return NULL;
}

/* berkas's own options, before the command's name: into g.  GO_ON, or the
 * exit code when berkas is done (--help, --version, --man, a bad option). */
static int global_options(struct global *g, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"server", required_argument, NULL, 's'},
        {"json", no_argument, NULL, 'j'},
        {"wide", no_argument, NULL, 'w'},
        {"cacert", required_argument, NULL, 'C'},
        {"insecure", no_argument, NULL, 'k'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {"man", no_argument, NULL, 'M'},
        {NULL, 0, NULL, 0},
    };
    opterr = 0;
    int c;
    /* '+': stop at the command name; its options are its own */
    while ((c = getopt_long(argc, argv, "+:s:hV", longopts, NULL)) != -1) {
        switch (c) {
        case 's':
            if (!*optarg) {
                fprintf(stderr, "berkas: --server perlu URL (lihat berkas --help)\n");
                return EXIT_USAGE;
            }
            g->server = optarg;
            break;
        case 'j':
            g->json = true;
            break;
        case 'w':
            g->wide = true;
            break;
        case 'C':
        case 'k':
            if (cli_tls_option(g, c == 'C' ? optarg : NULL) != GO_ON)
                return EXIT_USAGE;
            break;
        case 'h':
            usage(stdout);
            return EXIT_OK;
        case 'M': /* the manual, from this table (the build writes berkas.1 with it) */
            cli_man_page(stdout);
            return EXIT_OK;
        case 'V':
            printf("berkas %s\n", BERKAS_VERSION);
            return EXIT_OK;
        case ':':
            fprintf(stderr, "berkas: opsi %s perlu nilai (lihat berkas --help)\n",
                    argv[optind - 1]);
            return EXIT_USAGE;
        default:
            fprintf(stderr, "berkas: opsi tidak dikenal '%s' (lihat berkas --help)\n",
                    argv[optind - 1]);
            return EXIT_USAGE;
        }
    }
    return GO_ON;
}

int main(int argc, char **argv)
{
    struct global g = {0};
    int rc = global_options(&g, argc, argv);
    if (rc != GO_ON)
        return rc;
    if (optind >= argc) {
        fprintf(stderr, "berkas: perintah tidak diberikan (lihat berkas --help)\n");
        return EXIT_USAGE;
    }
    int used = 0;
    rc = EXIT_USAGE;
    const struct command *cmd = find_command(argc - optind, argv + optind, &used, &rc);
    if (!cmd)
        return rc;
    curl_global_init(CURL_GLOBAL_DEFAULT);
    /* the handler's argv[0] is the last word of its name */
    rc = cmd->run(&g, cmd, argc - optind - used + 1, argv + optind + used - 1);
    cli_end(&g);
    curl_global_cleanup();
    return rc;
}
