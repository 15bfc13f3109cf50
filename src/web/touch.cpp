// Flopscope web — touch listeners feeding ImGui as ImGuiMouseSource_TouchScreen (design notes §3.6).
#include "web/touch.h"

#include "web/loop.h"

#include <imgui.h>

#include <emscripten.h>

// Defined in touch.js (a --js-library: its code stays out of the wasm's data).
extern "C" {
void js_install_touch_listeners();
}

// phase: 0 = down, 1 = move, 2 = up/cancel. x, y in device pixels.
extern "C" EMSCRIPTEN_KEEPALIVE void flopscope_on_touch(int phase, double x, double y) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(static_cast<float>(x), static_cast<float>(y));
    if (phase == 0) io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
    if (phase == 2) io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    flopscope::web::loop::keep_awake_for(0.5);
}

namespace flopscope::web::touch {

void install_listeners() { js_install_touch_listeners(); }

} // namespace flopscope::web::touch
