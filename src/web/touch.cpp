// Flopscope web — touch listeners feeding ImGui as ImGuiMouseSource_TouchScreen (design notes §3.6).
#include "web/touch.h"

#include "web/loop.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <emscripten.h>

// Defined in touch.js (a --js-library: its code stays out of the wasm's data).
extern "C" {
void js_install_touch_listeners();
}

namespace flopscope::web::touch {
namespace {

GLFWwindow* g_window = nullptr;

} // namespace

// phase: 0 = down, 1 = move, 2 = up/cancel. x, y in device pixels.
extern "C" EMSCRIPTEN_KEEPALIVE void flopscope_on_touch(int phase, double x, double y) {
    if (ImGui::GetCurrentContext() == nullptr) return;
    // The GLFW backend feeds GLFW's (stale) cursor position every frame while it thinks the pointer is
    // outside the window; a touch means it is inside.
    if (phase == 0 && g_window != nullptr) ImGui_ImplGlfw_CursorEnterCallback(g_window, GLFW_TRUE);
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(static_cast<float>(x), static_cast<float>(y));
    if (phase == 0) io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
    if (phase == 2) io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    loop::keep_awake_for(0.5);
}

void install_listeners() { js_install_touch_listeners(); }

void set_window(GLFWwindow* window) { g_window = window; }

} // namespace flopscope::web::touch
