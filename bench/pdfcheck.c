/*
 * pdfcheck.c - the active-content check of an uploaded PDF (render_pdf_check, bind.c): its time
 * and peak memory on PDFs made here with libharu, never fetched.
 *
 *   bench_pdfcheck make DIR     writes DIR/scan.pdf and DIR/busy.pdf
 *   bench_pdfcheck check FILE   checks FILE RUNS (5) times: the median time, the pages, the
 *                               verdict, and how far the process's peak RSS rose during the
 *                               checks (the file already read)
 *
 * scan.pdf: 100 A4 pages each holding one 8-bit grey image of 320x320 noise (a scan does not
 * compress much either), about 10 MB - what an investigator uploads.  busy.pdf: 1,000 pages
 * each with 40 web links (an annotation, its rectangle, its border, its /URI action): many small
 * objects and many numbers, the walk's own cost.  Run through bench/pdfcheck, which makes the
 * PDFs once and runs each check in a process of its own.  Figures only, nothing asserted.
 */
#include <hpdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "render/render.h"

#define RUNS 5

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* this process's CPU time: the machine is shared, wall time is not the check's alone */
static double cpu_ms(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
           (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

static long peak_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void hpdf_fail(HPDF_STATUS no, HPDF_STATUS detail, void *data)
{
    (void)data;
    fprintf(stderr, "bench_pdfcheck: libharu error 0x%04X (%u)\n", (unsigned)no, (unsigned)detail);
    exit(1);
}

/* xorshift noise: a scan's grain, not compressible */
static unsigned long long rnd = 0x9E3779B97F4A7C15ULL;
static unsigned char noise(void)
{
    rnd ^= rnd << 13;
    rnd ^= rnd >> 7;
    rnd ^= rnd << 17;
    return (unsigned char)rnd;
}

static void scan_pages(HPDF_Doc pdf)
{
    enum { W = 320, H = 320, PAGES = 100 };
    unsigned char *px = malloc(W * H);
    for (int p = 0; px && p < PAGES; p++) {
        for (int i = 0; i < W * H; i++)
            px[i] = noise();
        HPDF_Image img = HPDF_LoadRawImageFromMem(pdf, px, W, H, HPDF_CS_DEVICE_GRAY, 8);
        HPDF_Page page = HPDF_AddPage(pdf);
        HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
        HPDF_Page_DrawImage(page, img, 0, 0, HPDF_Page_GetWidth(page), HPDF_Page_GetHeight(page));
    }
    free(px);
}

static void busy_pages(HPDF_Doc pdf)
{
    HPDF_Font font = HPDF_GetFont(pdf, "Helvetica", NULL);
    for (int p = 0; p < 1000; p++) {
        HPDF_Page page = HPDF_AddPage(pdf);
        HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
        HPDF_Page_BeginText(page);
        HPDF_Page_SetFontAndSize(page, font, 10);
        for (int l = 0; l < 40; l++) {
            char url[96];
            snprintf(url, sizeof url, "https://contoh.invalid/putusan/%d/%d", p, l);
            HPDF_Page_TextOut(page, 50, 800 - 19.0f * (float)l, url);
            HPDF_Rect r = {50, 800 - 19.0f * (float)l - 2, 400, 812 - 19.0f * (float)l};
            HPDF_Page_CreateURILinkAnnot(page, r, url);
        }
        HPDF_Page_EndText(page);
    }
}

static int make(const char *dir)
{
    const char *names[2] = {"scan.pdf", "busy.pdf"};
    for (int k = 0; k < 2; k++) {
        HPDF_Doc pdf = HPDF_New(hpdf_fail, NULL);
        HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
        if (k == 0)
            scan_pages(pdf);
        else
            busy_pages(pdf);
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, names[k]);
        HPDF_SaveToFile(pdf, path);
        HPDF_Free(pdf);
    }
    return 0;
}

static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *p = n > 0 ? malloc((size_t)n) : NULL;
    *len = p ? fread(p, 1, (size_t)n, f) : 0;
    fclose(f);
    return p;
}

static int check(const char *path)
{
    size_t len = 0;
    unsigned char *pdf = slurp(path, &len);
    if (!pdf) {
        fprintf(stderr, "bench_pdfcheck: cannot read %s\n", path);
        return 1;
    }
    long before = peak_kb();
    double ms[RUNS], cpu[RUNS];
    int pages = 0;
    struct berr err = {0};
    bool ok = true;
    for (int i = 0; i < RUNS; i++) {
        berr_clear(&err);
        double t0 = now_ms(), c0 = cpu_ms();
        ok = render_pdf_check(pdf, len, &pages, &err);
        ms[i] = now_ms() - t0;
        cpu[i] = cpu_ms() - c0;
    }
    qsort(ms, RUNS, sizeof ms[0], cmp_double);
    qsort(cpu, RUNS, sizeof cpu[0], cmp_double);
    printf("%-10s %6.1f MB  %4d pages  check %8.1f ms, CPU %8.1f ms (medians of %d)  peak RSS "
           "+%.1f MB  %s%s\n",
           strrchr(path, '/') ? strrchr(path, '/') + 1 : path, (double)len / 1e6, pages,
           ms[RUNS / 2], cpu[RUNS / 2], RUNS, (double)(peak_kb() - before) / 1024.0,
           ok ? "clean" : "refused: ", ok ? "" : err.message);
    free(pdf);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "make") == 0)
        return make(argv[2]);
    if (argc == 3 && strcmp(argv[1], "check") == 0)
        return check(argv[2]);
    fprintf(stderr, "usage: bench_pdfcheck make DIR | check FILE\n");
    return 2;
}
