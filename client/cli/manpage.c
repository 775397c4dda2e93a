/*
 * manpage.c - berkas(1), written from the command table itself (berkas
 * --man, run by the build), so that the manual and --help never disagree.
 *
 * The page is roff for man(7): every command's usage and options as the
 * help prints them, in no-fill blocks; every '-' escaped so that options
 * copy from the page as typed; a line that would start with '.' or '\''
 * is guarded so that roff does not read it as a request.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "config.h"

/* text as roff: '\' as \e, '-' as \-, a leading '.' or '\'' guarded by \&. */
static void roff(FILE *out, const char *text)
{
    bool line_start = true;
    for (const char *p = text; *p; p++) {
        if (line_start && (*p == '.' || *p == '\''))
            fputs("\\&", out);
        if (*p == '\\')
            fputs("\\e", out);
        else if (*p == '-')
            fputs("\\-", out);
        else
            fputc(*p, out);
        line_start = *p == '\n';
    }
}

static void command_section(FILE *out, const struct command *c)
{
    char name[64];
    fputs(".SS \"", out);
    roff(out, cli_name(c, name, sizeof name));
    fputs("\"\n", out);
    roff(out, c->summary);
    fputs(".\n.PP\n.nf\nberkas ", out);
    roff(out, c->usage);
    if (c->usage_more)
        roff(out, c->usage_more);
    fputs(".fi\n", out);
}

void cli_man_page(FILE *out)
{
    fputs(".TH BERKAS 1 \"2026\" \"berkas " BERKAS_VERSION "\" \"Perintah Pengguna\"\n.nh\n.ad l\n"
          ".SH NAMA\n"
          "berkas \\- klien berkas perkara pidana keimigrasian (PPNS, pengawas, penuntut umum)\n"
          ".SH RINGKASAN\n"
          ".B berkas\n"
          "[\\-\\-server URL] [\\-\\-json] [\\-\\-wide] PERINTAH [SUBPERINTAH] [OPSI]...\n"
          ".SH URAIAN\n"
          "berkas berbicara dengan berkasd melalui API HTTP-nya: membuka perkara, mencatat\n"
          "setiap tindakan, menerbitkan formulir dan berkas perkara, meninjau berkas yang\n"
          "lewat waktu atau macet, kotak masuk penuntut umum, dan statistik.\n"
          ".PP\n"
          "Nama, bukan id: perkara dengan nomornya (LK/KANIM\\-PLG/2026/0001) atau id, kantor\n"
          "dan Kejari dengan kodenya (KANIM\\-PLG, huruf besar atau kecil) atau id, pengguna\n"
          "dengan NIP\\-nya, boleh dengan spasi seperti tercetak.  Perintah, subperintah,\n"
          "opsi, peristiwa atau kode kantor yang salah ketik dijawab dengan yang terdekat\n"
          "(maksud Anda ...?).  Tabel muat dalam 100 kolom; \\-\\-wide menampilkan semuanya.\n"
          "Waktu ditampilkan menurut zona kantor perkara (WIB, WITA, WIT).\n"
          ".SH OPSI UMUM\n"
          ".TP\n\\fB\\-s\\fR, \\fB\\-\\-server\\fR URL\n"
          "berkasd yang dihubungi (bawaan $BERKAS_SERVER, lalu server sesi tersimpan, "
          "lalu\n" DEFAULT_SERVER ")\n"
          ".TP\n\\fB\\-\\-json\\fR\nkeluaran JSON untuk mesin; kuncinya tidak diterjemahkan\n"
          ".TP\n\\fB\\-\\-wide\\fR\nbaris tanpa batas 100 kolom\n"
          ".TP\n\\fB\\-\\-cacert\\fR FILE\n"
          "sertifikat CA (PEM) untuk memeriksa sertifikat server https (bawaan\n"
          "$BERKAS_CACERT, lalu CA sistem); sertifikat yang tidak terverifikasi atau untuk\n"
          "nama lain ditolak (status 2)\n"
          ".TP\n\\fB\\-\\-insecure\\fR\n"
          "sertifikat server https TIDAK diperiksa (siapa pun di jaringan dapat menyamar\n"
          "sebagai server); hanya untuk uji, selalu diperingatkan\n"
          ".TP\n\\fB\\-h\\fR, \\fB\\-\\-help\\fR\nbantuan; berkas PERINTAH \\-\\-help untuk "
          "perintah\n"
          ".TP\n\\fB\\-V\\fR, \\fB\\-\\-version\\fR\nversi\n"
          ".SH PERINTAH\n",
          out);
    for (size_t i = 0; i < cli_ncommands; i++)
        command_section(out, &cli_commands[i]);
    fputs(".SH LINGKUNGAN\n"
          ".TP\nBERKAS_SERVER\nserver bila \\-\\-server tidak diberikan\n"
          ".TP\nBERKAS_CACERT\nCA untuk server https bila \\-\\-cacert tidak diberikan\n"
          ".TP\nBERKAS_PASSWORD\nkata sandi untuk login (bila kosong: ditanyakan tanpa gema)\n"
          ".TP\nBERKAS_NEW_PASSWORD\nkata sandi pengguna baru untuk user add\n"
          ".TP\nNO_COLOR\nbila diisi, tanpa warna (warna hanya ke terminal; juga tidak bila "
          "TERM=dumb)\n"
          ".TP\nXDG_CONFIG_HOME\ntempat berkas sesi (bawaan ~/.config)\n"
          ".SH BERKAS\n"
          ".TP\n$XDG_CONFIG_HOME/berkas/session.json\n"
          "server, token dan NIP sesi (direktori 0700, berkas 0600); token hanya dikirim ke\n"
          "server yang menerbitkannya, kata sandi tidak pernah disimpan\n"
          ".SH STATUS KELUAR\n"
          ".TP\n0\nselesai\n"
          ".TP\n1\nditolak server (atau server melaporkan dirinya tidak sehat, atau belum masuk)\n"
          ".TP\n2\npemakaian salah, atau server tidak terjangkau\n"
          ".PP\nKesalahan selalu satu baris di stderr.\n",
          out);
}
