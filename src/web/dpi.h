// Flopscope web — HiDPI in the device-pixel model (design notes §3.2): the canvas backing store is
// CSS size × devicePixelRatio, ImGui's DisplaySize is in device pixels, fonts and style are scaled by
// the ratio.
#pragma once

namespace flopscope::web::dpi {

struct Size {
    int width = 0, height = 0;
};

// Sizes the canvas's backing store to its CSS size × devicePixelRatio now, and again after every window
// resize and devicePixelRatio change (browser zoom, moving to another screen), waking the loop.
void install();

// The canvas's backing-store size in device pixels (ImGui's display size and the GL viewport).
Size canvas_size();

// The ratio fonts and style were last built for.
float ratio();

// Call at the start of each frame: true once when the ratio changed since the last call (the caller
// then rebuilds fonts and restyles). The first call returns true.
bool take_ratio_change();

} // namespace flopscope::web::dpi
