#pragma once

// SpriteBlend: blends a small premultiplied image (a cached label, point or "+N" pill) onto
// the QImage a frame is painted into, at whole device pixels, with the arithmetic of
// QPainter's SourceOver at opacity 1: the same pixels as QPainter::drawImage, without its
// cost per call, per row and per unaligned pixel at each row's ends, which for a label a few
// hundred pixels wide and a dozen rows high is a large share of the blit. Fully transparent
// blocks of pixels are passed over. It needs AVX2 (AVX-512 when the CPU has it); where
// supported() is false, callers draw with QPainter as before. For comparisons, the
// environment variable CHIPTIMELINE_BLEND=avx2 keeps it to AVX2, =qt turns it off.

#include <QImage>
#include <QPoint>

namespace SpriteBlend {

// Whether blendOnto() can draw onto `target`: a Format_ARGB32_Premultiplied or Format_RGB32
// image, on a CPU with AVX2.
[[nodiscard]] bool supports(const QImage &target);

// Blends `sprite` (Format_ARGB32_Premultiplied, valid premultiplied pixels) onto `target`
// with its top-left corner at device pixel `at`, clipped to the target, which must be one
// supports() accepts. It writes into the pixels `target` shares (those a QPainter that is
// active on it draws into) without detaching them.
void blendOnto(const QImage &target, QPoint at, const QImage &sprite);

} // namespace SpriteBlend
