// Flopscope web — on-screen keyboard bridge (soft_keyboard.h).
#include "web/soft_keyboard.h"

#include "web/loop.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <emscripten.h>

#include <string>

// Defined in soft_keyboard.js (a --js-library: its code stays out of the wasm's data).
extern "C" {
void js_install_soft_keyboard();
void js_publish(int want, int numeric, int touch);
}

namespace flopscope::web::soft_keyboard {
namespace {

bool g_published_want = false, g_published_numeric = false, g_published_touch = false;
bool g_end_edit = false;

// Editing keys, as numbered between soft_keyboard.js (KEYS) and flopscope_soft_key().
constexpr ImGuiKey kKeys[] = {ImGuiKey_None,      ImGuiKey_Backspace,  ImGuiKey_Enter,   ImGuiKey_Tab,
                              ImGuiKey_Escape,    ImGuiKey_LeftArrow,  ImGuiKey_RightArrow, ImGuiKey_UpArrow,
                              ImGuiKey_DownArrow, ImGuiKey_Delete,     ImGuiKey_Home,    ImGuiKey_End};

} // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void flopscope_soft_key(int code) {
    if (ImGui::GetCurrentContext() == nullptr || code <= 0 || code >= static_cast<int>(IM_ARRAYSIZE(kKeys))) return;
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(kKeys[code], true);
    io.AddKeyEvent(kKeys[code], false);
    loop::wake();
}

extern "C" EMSCRIPTEN_KEEPALIVE void flopscope_soft_text(const char* text) {
    if (ImGui::GetCurrentContext() == nullptr) return;
    ImGui::GetIO().AddInputCharactersUTF8(text);
    loop::wake();
}

// The user closed the keyboard (iOS "Done", or the field lost the focus some other way): end the edit
// as a click elsewhere would, keeping what was typed.
extern "C" EMSCRIPTEN_KEEPALIVE void flopscope_soft_keyboard_closed() {
    g_end_edit = true;
    loop::wake();
}

void install_listeners() { js_install_soft_keyboard(); }

void publish(bool want_text, bool touch) {
    const ImGuiContext& g = *GImGui;
    const bool numeric = want_text && g.ActiveId == g.InputTextState.ID &&
                         (g.InputTextState.Flags & (ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_CharsScientific |
                                                    ImGuiInputTextFlags_CharsHexadecimal)) != 0;
    if (want_text == g_published_want && numeric == g_published_numeric && touch == g_published_touch) return;
    g_published_want = want_text;
    g_published_numeric = numeric;
    g_published_touch = touch;
    js_publish(want_text, numeric, touch);
}

void apply_pending() {
    if (!g_end_edit) return;
    g_end_edit = false;
    ImGuiContext& g = *GImGui;
    if (g.ActiveId != 0 && g.ActiveId == g.InputTextState.ID) ImGui::ClearActiveID();
}

} // namespace flopscope::web::soft_keyboard
