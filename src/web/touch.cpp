// Flopscope web — touch listeners feeding ImGui as ImGuiMouseSource_TouchScreen (design notes §3.6).
#include "web/touch.h"

#include "web/loop.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <emscripten.h>

namespace flopscope::web::touch {
namespace {

GLFWwindow* g_window = nullptr;

// Only the first finger drives the pointer. Coordinates are converted to device pixels the same way
// Emscripten converts mouse coordinates (canvas backing size / CSS size).
EM_JS(void, js_install_touch_listeners, (), {
    var canvas = Module["canvas"];
    var primary = null;
    function handle(e) {
        if (e.target !== canvas) return;
        e.stopImmediatePropagation();
        if (e.cancelable) e.preventDefault();
        var phase = e.type === "touchstart" ? 0 : (e.type === "touchmove" ? 1 : 2);
        for (var i = 0; i < e.changedTouches.length; ++i) {
            var t = e.changedTouches[i];
            if (phase === 0 && primary === null) primary = t.identifier;
            if (t.identifier !== primary) continue;
            // While the on-screen keyboard's field has the focus, a tap (say, to move the caret) keeps it;
            // soft_keyboard.cpp releases it when ImGui stops wanting text.
            var soft = Module["flopscopeSoftKeyboard"];
            var typing = soft && document.activeElement === soft.element;
            if (phase === 0 && !typing) canvas.focus({ preventScroll: true });
            var r = canvas.getBoundingClientRect();
            var x = (t.clientX - r.left) * (canvas.width / r.width);
            var y = (t.clientY - r.top) * (canvas.height / r.height);
            if (phase === 2) primary = null;
            _flopscope_on_touch(phase, x, y);
            if (phase === 2 && soft) soft.onTouchEnd();  // inside the gesture: iOS shows the keyboard
        }
    }
    ["touchstart", "touchmove", "touchend", "touchcancel"].forEach(function (type) {
        window.addEventListener(type, handle, { capture: true, passive: false });
    });
});

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
