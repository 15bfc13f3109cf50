// Flopscope web — browser events → ImGui's input queue (see the header; the listeners are in input.js).
#include "web/input.h"

#include "web/dpi.h"
#include "web/loop.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <emscripten.h>

#include <cfloat>

// Defined in input.js (a --js-library: its code stays out of the wasm's data).
extern "C" {
void js_install_input();
void js_publish_wants(int mouse, int keyboard, int wheel, int mac);
}

namespace flopscope::web::input {
namespace {

bool g_release_focus = false;
bool g_published_mouse = true, g_published_keyboard = false;
int g_published_wheel = 0;
double g_last_frame_ms = 0.0;

//-------------------------------------------------------------------------------------------------------
// [SECTION] DOM keyCode → ImGuiKey
//-------------------------------------------------------------------------------------------------------
// keyCode (not `code`): letters follow the keyboard layout, so Ctrl+Z is Ctrl+Z on an AZERTY keyboard
// too. Modifier keys have one keyCode for both sides: the left one is reported. Stored as an offset
// from ImGuiKey_NamedKey_BEGIN - 1 so the table is one byte a key (0 = not a key ImGui knows).
struct DomKeys {
    unsigned char offset[256] = {};
    constexpr void set(int code, ImGuiKey key) { offset[code] = static_cast<unsigned char>(key - ImGuiKey_NamedKey_BEGIN + 1); }
    constexpr void run(int code, ImGuiKey first, int count) {
        for (int i = 0; i < count; ++i) set(code + i, static_cast<ImGuiKey>(first + i));
    }
    constexpr DomKeys() {
        set(8, ImGuiKey_Backspace);
        set(9, ImGuiKey_Tab);
        set(13, ImGuiKey_Enter);
        set(16, ImGuiKey_LeftShift);
        set(17, ImGuiKey_LeftCtrl);
        set(18, ImGuiKey_LeftAlt);
        set(19, ImGuiKey_Pause);
        set(20, ImGuiKey_CapsLock);
        set(27, ImGuiKey_Escape);
        set(32, ImGuiKey_Space);
        set(33, ImGuiKey_PageUp);
        set(34, ImGuiKey_PageDown);
        set(35, ImGuiKey_End);
        set(36, ImGuiKey_Home);
        set(37, ImGuiKey_LeftArrow);
        set(38, ImGuiKey_UpArrow);
        set(39, ImGuiKey_RightArrow);
        set(40, ImGuiKey_DownArrow);
        set(44, ImGuiKey_PrintScreen);
        set(45, ImGuiKey_Insert);
        set(46, ImGuiKey_Delete);
        run(48, ImGuiKey_0, 10);
        run(65, ImGuiKey_A, 26);
        set(91, ImGuiKey_LeftSuper);  // Windows key / left Cmd
        set(92, ImGuiKey_RightSuper);
        set(93, ImGuiKey_Menu);        // context-menu key (right Cmd in Chrome on a Mac)
        set(224, ImGuiKey_LeftSuper);  // Cmd in Firefox
        run(96, ImGuiKey_Keypad0, 10);
        set(106, ImGuiKey_KeypadMultiply);
        set(107, ImGuiKey_KeypadAdd);
        set(109, ImGuiKey_KeypadSubtract);
        set(110, ImGuiKey_KeypadDecimal);
        set(111, ImGuiKey_KeypadDivide);
        run(112, ImGuiKey_F1, 24);
        set(144, ImGuiKey_NumLock);
        set(145, ImGuiKey_ScrollLock);
        set(59, ImGuiKey_Semicolon);  // Firefox
        set(186, ImGuiKey_Semicolon);
        set(61, ImGuiKey_Equal);      // Firefox
        set(187, ImGuiKey_Equal);
        set(188, ImGuiKey_Comma);
        set(173, ImGuiKey_Minus);     // Firefox
        set(189, ImGuiKey_Minus);
        set(190, ImGuiKey_Period);
        set(191, ImGuiKey_Slash);
        set(192, ImGuiKey_GraveAccent);
        set(219, ImGuiKey_LeftBracket);
        set(220, ImGuiKey_Backslash);
        set(221, ImGuiKey_RightBracket);
        set(222, ImGuiKey_Apostrophe);
    }
};
constexpr DomKeys kDomKeys;

// Bits of `mods` as input.js packs them from the event.
void update_modifiers(int mods) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, (mods & 1) != 0);
    io.AddKeyEvent(ImGuiMod_Shift, (mods & 2) != 0);
    io.AddKeyEvent(ImGuiMod_Alt, (mods & 4) != 0);
    io.AddKeyEvent(ImGuiMod_Super, (mods & 8) != 0);
}

//-------------------------------------------------------------------------------------------------------
// [SECTION] Wheel policy
//-------------------------------------------------------------------------------------------------------
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

} // namespace

//-------------------------------------------------------------------------------------------------------
// [SECTION] Entry points for input.js
//-------------------------------------------------------------------------------------------------------
// event: 0 = move, 1 = button down, 2 = button up, 3 = the pointer left the canvas (no button held).
// button: DOM numbering (0 left, 1 middle, 2 right). x, y: device pixels from the canvas's top left.
extern "C" EMSCRIPTEN_KEEPALIVE void flopscope_on_mouse(int event, int button, double x, double y, int mods) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);  // back from touch, if it was
    if (event == 3) {
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    } else {
        io.AddMousePosEvent(static_cast<float>(x), static_cast<float>(y));
    }
    if (event == 1 || event == 2) {
        update_modifiers(mods);  // Ctrl+click on a slider types a value
        static constexpr int kFromDom[3] = {ImGuiMouseButton_Left, ImGuiMouseButton_Middle, ImGuiMouseButton_Right};
        if (button >= 0 && button < 3) io.AddMouseButtonEvent(kFromDom[button], event == 1);
    }
    loop::keep_awake_for(0.5);  // tooltips: the pointer must rest, then a delay (≤ 0.40 s) runs
}

extern "C" EMSCRIPTEN_KEEPALIVE void flopscope_on_key(int key_code, int down, int mods) {
    update_modifiers(mods);
    const int offset = key_code >= 0 && key_code < 256 ? kDomKeys.offset[key_code] : 0;
    if (offset != 0) {
        const ImGuiKey key = static_cast<ImGuiKey>(ImGuiKey_NamedKey_BEGIN - 1 + offset);
        ImGui::GetIO().AddKeyEvent(key, down != 0);
        if (key == ImGuiKey_Escape && down != 0) g_release_focus = true;
    }
    loop::wake();
}

extern "C" EMSCRIPTEN_KEEPALIVE void flopscope_on_char(int code_point) {
    ImGui::GetIO().AddInputCharacter(static_cast<unsigned int>(code_point));
    loop::wake();
}

// DOM wheel deltas scaled as ImGui 1.90.1's Emscripten backend does (see input.js); positive = up/left.
extern "C" EMSCRIPTEN_KEEPALIVE void flopscope_on_wheel(double dx, double dy) {
    ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(dx), static_cast<float>(dy));
    loop::wake();
}

// The page (or the embed's frame) gained or lost the focus: ImGui releases its keys on a loss, so a
// modifier held across Alt+Tab does not stay down.
extern "C" EMSCRIPTEN_KEEPALIVE void flopscope_on_focus(int focused) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddFocusEvent(focused != 0);
    if (focused == 0)  // a button held as the page lost the focus is never released there
        for (int b = 0; b < 3; ++b)
            if (io.MouseDown[b]) io.AddMouseButtonEvent(b, false);
    loop::wake();
}

//-------------------------------------------------------------------------------------------------------
// [SECTION] Frame hooks
//-------------------------------------------------------------------------------------------------------
void install() {
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "flopscope_web";
    // cursor.cpp mirrors ImGui's cursor into CSS (this also keeps resizing windows from their edges on).
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    js_install_input();
}

void new_frame() {
    ImGuiIO& io = ImGui::GetIO();
    const dpi::Size size = dpi::canvas_size();
    io.DisplaySize = ImVec2(static_cast<float>(size.width), static_cast<float>(size.height));
    const double now = emscripten_get_now();
    io.DeltaTime = g_last_frame_ms > 0.0 && now > g_last_frame_ms ? static_cast<float>((now - g_last_frame_ms) / 1000.0)
                                                                   : 1.0f / 60.0f;
    g_last_frame_ms = now;
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

} // namespace flopscope::web::input
