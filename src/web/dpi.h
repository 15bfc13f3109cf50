// Flopscope web — HiDPI in the device-pixel model (design notes §3.2): the canvas backing store is
// CSS size × devicePixelRatio, ImGui's DisplaySize is in device pixels, fonts and style are scaled by
// the ratio. Emscripten 3.1.6's GLFW has no devicePixelRatio support of its own.
#pragma once

struct GLFWwindow;

namespace flopscope::web::dpi {

struct Size {
    int width = 0, height = 0;
};

// The canvas's size in device pixels, as it should be now.
Size canvas_device_size();

// Watches window resizes and devicePixelRatio changes (browser zoom, moving to another screen); each
// resizes the GLFW window to the canvas's device size and wakes the loop.
void install(GLFWwindow* window);

// The ratio fonts and style were last built for.
float ratio();

// Call at the start of each frame: true once when the ratio changed since the last call (the caller
// then rebuilds fonts and restyles). The first call returns true.
bool take_ratio_change();

} // namespace flopscope::web::dpi
