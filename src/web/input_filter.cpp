// Flopscope web — capture-phase event filter in front of Emscripten's GLFW.
#include "web/input_filter.h"

#include "web/loop.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <emscripten.h>
#include <emscripten/html5.h>

// Defined in input_filter.js (a --js-library: its code stays out of the wasm's data).
extern "C" {
void js_install_input_filter();
void js_publish_wants(int mouse, int keyboard, int wheel, int mac);
}

namespace flopscope::web::input_filter {
namespace {

bool g_release_focus = false;
bool g_published_mouse = true, g_published_keyboard = false;
int g_published_wheel = 0;

// Bits of Module.flopscopeWants.wheel: the directions ImGui can scroll under the pointer.
enum WheelRoom : int { kUp = 1, kDown = 2, kLeft = 4, kRight = 8 };

// Where ImGui 1.90.1 would send a wheel turn now (UpdateMouseWheel / FindBestWheelingWindow): the
// window locked by a recent wheel turn, else the hovered window or the first parent that can scroll
// on that axis. Returns the WheelRoom bits of the directions that window can still scroll.
int wheel_room() {
    const ImGuiContext& g = *GImGui;
    int room = 0;
    for (int axis = 0; axis < 2; ++axis) {
        ImGuiWindow* w = g.WheelingWindow != nullptr ? g.WheelingWindow : g.HoveredWindow;
        while (w != nullptr && (w->Flags & ImGuiWindowFlags_ChildWindow) != 0) {
            const bool inputs_disabled = (w->Flags & ImGuiWindowFlags_NoScrollWithMouse) != 0 &&
                                         (w->Flags & ImGuiWindowFlags_NoMouseInputs) == 0;
            if (w->ScrollMax[axis] != 0.0f && !inputs_disabled) break;
            w = w->ParentWindow;
        }
        if (w == nullptr || w->Collapsed || (w->Flags & (ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoMouseInputs)) != 0 ||
            w->ScrollMax[axis] <= 0.0f)
            continue;
        if (w->Scroll[axis] > 0.0f) room |= axis == 0 ? kLeft : kUp;
        if (w->Scroll[axis] < w->ScrollMax[axis]) room |= axis == 0 ? kRight : kDown;
    }
    return room;
}

// ImGui 1.90.1's scaling of DOM wheel deltas (imgui_impl_glfw.cpp ImGui_ImplEmscripten_WheelCallback).
EM_BOOL on_canvas_wheel(int, const EmscriptenWheelEvent* ev, void*) {
    float multiplier = 0.0f;
    if (ev->deltaMode == DOM_DELTA_PIXEL) multiplier = 1.0f / 100.0f;
    else if (ev->deltaMode == DOM_DELTA_LINE) multiplier = 1.0f / 3.0f;
    else if (ev->deltaMode == DOM_DELTA_PAGE) multiplier = 80.0f;
    ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(ev->deltaX) * -multiplier,
                                      static_cast<float>(ev->deltaY) * -multiplier);
    loop::wake();
    return EM_TRUE;  // ImGui scrolls: the page must not
}

} // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void flopscope_on_escape() {
    g_release_focus = true;
    loop::wake();
}

// DOM button numbers (0 left, 1 middle, 2 right) → ImGui's (0 left, 1 right, 2 middle); -1 = all.
extern "C" EMSCRIPTEN_KEEPALIVE void flopscope_on_mouse_up_outside(int dom_button) {
    if (ImGui::GetCurrentContext() == nullptr) return;
    ImGuiIO& io = ImGui::GetIO();
    static constexpr int kFromDom[3] = {ImGuiMouseButton_Left, ImGuiMouseButton_Middle, ImGuiMouseButton_Right};
    for (int dom = 0; dom < 3; ++dom)
        if ((dom_button < 0 || dom_button == dom) && io.MouseDown[kFromDom[dom]])
            io.AddMouseButtonEvent(kFromDom[dom], false);
    loop::wake();
}

void install_listeners() { js_install_input_filter(); }

void install_canvas_wheel() {
    emscripten_set_wheel_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, false, nullptr);
    emscripten_set_wheel_callback("#canvas", nullptr, false, on_canvas_wheel);
}

void publish(bool want_mouse, bool want_keyboard) {
    const int wheel = wheel_room();
    if (want_mouse == g_published_mouse && want_keyboard == g_published_keyboard && wheel == g_published_wheel) return;
    g_published_mouse = want_mouse;
    g_published_keyboard = want_keyboard;
    g_published_wheel = wheel;
    js_publish_wants(want_mouse, want_keyboard, wheel, ImGui::GetIO().ConfigMacOSXBehaviors);
}

void apply_pending() {
    if (!g_release_focus) return;
    g_release_focus = false;
    const ImGuiContext& g = *GImGui;
    if (g.ActiveId == 0 && g.OpenPopupStack.empty()) ImGui::FocusWindow(nullptr);
}

} // namespace flopscope::web::input_filter
