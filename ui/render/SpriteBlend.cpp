#include "ui/render/SpriteBlend.h"

#include <algorithm>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define CHIPTIMELINE_SPRITEBLEND_X86 1
#if !defined(__clang__)
// GCC 12 warns inside its own AVX-512 intrinsics (_mm512_undefined_epi32()'s placeholder).
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#endif

namespace {

// SourceOver of premultiplied pixels, as Qt's raster engine computes it (qdrawhelper's
// BYTE_MUL and its SSE/AVX2 forms, which round alike): dest = src + dest × (255 − αsrc) / 255,
// each channel c × a rounded as (t + (t >> 8) + 0x80) >> 8 with t = c × a. A pixel with
// α = 0 leaves dest as it is (c × 255 rounds back to c), one with α = 255 replaces it.

#ifdef CHIPTIMELINE_SPRITEBLEND_X86

enum class Kernel { None, Avx2, Avx512 };

Kernel detectKernel() {
    __builtin_cpu_init();
    if (qEnvironmentVariable("CHIPTIMELINE_BLEND") == u"qt")
        return Kernel::None;
    if (qEnvironmentVariable("CHIPTIMELINE_BLEND") == u"avx2")
        return Kernel::Avx2;
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw"))
        return Kernel::Avx512;
    if (__builtin_cpu_supports("avx2"))
        return Kernel::Avx2;
    return Kernel::None;
}

Kernel kernel() {
    static const Kernel k = detectKernel();
    return k;
}

__attribute__((target("avx2"))) inline __m256i over8(__m256i s, __m256i d) {
    const __m256i rbMask = _mm256_set1_epi32(0x00ff00ff);
    const __m256i half = _mm256_set1_epi16(0x80);
    const __m256i ff = _mm256_set1_epi16(0xff);
    __m256i a = _mm256_srli_epi32(s, 24);
    a = _mm256_or_si256(a, _mm256_slli_epi32(a, 16)); // α in both 16-bit halves
    const __m256i ia = _mm256_sub_epi16(ff, a);
    __m256i rb = _mm256_mullo_epi16(_mm256_and_si256(d, rbMask), ia);
    __m256i ag = _mm256_mullo_epi16(_mm256_srli_epi16(d, 8), ia);
    rb = _mm256_srli_epi16(_mm256_add_epi16(_mm256_add_epi16(rb, _mm256_srli_epi16(rb, 8)), half),
                           8);
    ag = _mm256_andnot_si256(
        rbMask, _mm256_add_epi16(_mm256_add_epi16(ag, _mm256_srli_epi16(ag, 8)), half));
    return _mm256_add_epi32(_mm256_or_si256(rb, ag), s);
}

__attribute__((target("avx2"))) void rowAvx2(quint32 *dst, const quint32 *src, int n) {
    const __m256i alphaMask = _mm256_set1_epi32(int(0xff000000));
    int x = 0;
    for (; x + 8 <= n; x += 8) {
        const __m256i s = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(src + x));
        if (_mm256_testz_si256(s, alphaMask))
            continue; // all transparent
        const __m256i d = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(dst + x));
        _mm256_storeu_si256(reinterpret_cast<__m256i *>(dst + x), over8(s, d));
    }
    if (x < n) {
        const __m256i lanes = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
        const __m256i mask = _mm256_cmpgt_epi32(_mm256_set1_epi32(n - x), lanes);
        const __m256i s = _mm256_maskload_epi32(reinterpret_cast<const int *>(src + x), mask);
        if (_mm256_testz_si256(s, alphaMask))
            return;
        const __m256i d = _mm256_maskload_epi32(reinterpret_cast<const int *>(dst + x), mask);
        _mm256_maskstore_epi32(reinterpret_cast<int *>(dst + x), mask, over8(s, d));
    }
}

__attribute__((target("avx512f,avx512bw"))) inline __m512i over16(__m512i s, __m512i d) {
    const __m512i rbMask = _mm512_set1_epi32(0x00ff00ff);
    const __m512i half = _mm512_set1_epi16(0x80);
    const __m512i ff = _mm512_set1_epi16(0xff);
    __m512i a = _mm512_srli_epi32(s, 24);
    a = _mm512_or_si512(a, _mm512_slli_epi32(a, 16)); // α in both 16-bit halves
    const __m512i ia = _mm512_sub_epi16(ff, a);
    __m512i rb = _mm512_mullo_epi16(_mm512_and_si512(d, rbMask), ia);
    __m512i ag = _mm512_mullo_epi16(_mm512_srli_epi16(d, 8), ia);
    rb = _mm512_srli_epi16(_mm512_add_epi16(_mm512_add_epi16(rb, _mm512_srli_epi16(rb, 8)), half),
                           8);
    ag = _mm512_andnot_si512(
        rbMask, _mm512_add_epi16(_mm512_add_epi16(ag, _mm512_srli_epi16(ag, 8)), half));
    return _mm512_add_epi32(_mm512_or_si512(rb, ag), s);
}

__attribute__((target("avx512f,avx512bw"))) void rowAvx512(quint32 *dst, const quint32 *src,
                                                           int n) {
    const __m512i alphaMask = _mm512_set1_epi32(int(0xff000000));
    int x = 0;
    for (; x + 16 <= n; x += 16) {
        const __m512i s = _mm512_loadu_si512(src + x);
        if (!_mm512_test_epi32_mask(s, alphaMask))
            continue; // all transparent
        const __m512i d = _mm512_loadu_si512(dst + x);
        _mm512_storeu_si512(dst + x, over16(s, d));
    }
    if (x < n) {
        const __mmask16 lanes = __mmask16((1u << (n - x)) - 1);
        const __m512i s = _mm512_maskz_loadu_epi32(lanes, src + x);
        const __mmask16 inked = _mm512_test_epi32_mask(s, alphaMask);
        if (!inked)
            return;
        const __m512i d = _mm512_maskz_loadu_epi32(inked, dst + x);
        _mm512_mask_storeu_epi32(dst + x, inked, over16(s, d));
    }
}

#endif // CHIPTIMELINE_SPRITEBLEND_X86

} // namespace

bool SpriteBlend::supports(const QImage &target) {
#ifdef CHIPTIMELINE_SPRITEBLEND_X86
    return kernel() != Kernel::None && (target.format() == QImage::Format_ARGB32_Premultiplied ||
                                        target.format() == QImage::Format_RGB32);
#else
    Q_UNUSED(target);
    return false;
#endif
}

void SpriteBlend::blendOnto(const QImage &target, QPoint at, const QImage &sprite) {
#ifdef CHIPTIMELINE_SPRITEBLEND_X86
    const int x0 = std::max(0, at.x());
    const int y0 = std::max(0, at.y());
    const int x1 = std::min(target.width(), at.x() + sprite.width());
    const int y1 = std::min(target.height(), at.y() + sprite.height());
    if (x0 >= x1 || y0 >= y1)
        return;
    // The painter draws into these same bytes (QPainter::begin() detached them).
    auto *to = const_cast<uchar *>(target.constBits()) + qsizetype(y0) * target.bytesPerLine() +
               qsizetype(x0) * 4;
    const uchar *from = sprite.constBits() + qsizetype(y0 - at.y()) * sprite.bytesPerLine() +
                        qsizetype(x0 - at.x()) * 4;
    const int n = x1 - x0;
    // The target's rows are far apart and, after a large copy (the static layer), not in the
    // cache: asking for all of them first lets their reads overlap instead of waiting row by
    // row.
    const qsizetype stride = target.bytesPerLine();
    for (const uchar *line = to, *end = to + qsizetype(y1 - y0) * stride; line < end;
         line += stride)
        __builtin_prefetch(line, 1);
    const auto row = kernel() == Kernel::Avx512 ? rowAvx512 : rowAvx2;
    for (int y = y0; y < y1; ++y) {
        row(reinterpret_cast<quint32 *>(to), reinterpret_cast<const quint32 *>(from), n);
        to += stride;
        from += sprite.bytesPerLine();
    }
#else
    Q_UNUSED(target);
    Q_UNUSED(at);
    Q_UNUSED(sprite);
#endif
}
