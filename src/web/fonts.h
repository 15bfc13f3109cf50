// Flopscope web — the UI font: the embedded Inter subset (generated at build time), rasterized at
// floor(base × devicePixelRatio) so text is sharp in the device-pixel model.
#pragma once

namespace flopscope::web::fonts {

inline constexpr float kBaseSizeCssPx = 15.0f;
inline constexpr float kLargeSizeCssPx = 25.0f;  // Fonts[1], for the big result numbers

// (Re)builds the font atlas for `pixel_ratio`. When `upload` is set (the GL backend already made its
// font texture), the texture is re-created too.
void build(float pixel_ratio, bool upload);

} // namespace flopscope::web::fonts
