// Flopscope web — clipboard glue (design notes §3.5; the sokol_imgui pattern for paste).
#include "web/clipboard.h"

#include "web/loop.h"

#include <imgui.h>

#include <emscripten.h>

// Defined in clipboard.js (a --js-library: its code stays out of the wasm's data).
extern "C" {
int js_copy(const char* utf8);
void js_install_paste_listener();
}

namespace flopscope::web::clipboard {
namespace {

std::string g_text;  // what ImGui reads on paste: the last text copied or pasted

const char* get_text(void*) { return g_text.c_str(); }

void set_text(void*, const char* text) {
    g_text = text;
    js_copy(text);
}

} // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void flopscope_on_paste(const char* text) {
    g_text = text;
    ImGuiIO& io = ImGui::GetIO();
    const ImGuiKey mod = io.ConfigMacOSXBehaviors ? ImGuiMod_Super : ImGuiMod_Ctrl;
    io.AddKeyEvent(mod, true);
    io.AddKeyEvent(ImGuiKey_V, true);
    io.AddKeyEvent(ImGuiKey_V, false);
    io.AddKeyEvent(mod, false);
    loop::wake();
}

void install() {
    ImGuiIO& io = ImGui::GetIO();
    io.SetClipboardTextFn = set_text;
    io.GetClipboardTextFn = get_text;
    io.ClipboardUserData = nullptr;
    js_install_paste_listener();
}

bool copy(const std::string& text) {
    g_text = text;
    return js_copy(text.c_str()) != 0;
}

} // namespace flopscope::web::clipboard
