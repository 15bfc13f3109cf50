// Flopscope web — clipboard glue (design notes §3.5; the sokol_imgui pattern for paste).
#include "web/clipboard.h"

#include "web/loop.h"

#include <imgui.h>

#include <emscripten.h>
#include <emscripten/val.h>

namespace flopscope::web::clipboard {
namespace {

std::string g_text;  // what ImGui reads on paste: the last text copied or pasted

EM_JS(int, js_copy, (const char* utf8), {
    var text = UTF8ToString(utf8);
    function viaTextarea() {
        var active = document.activeElement;
        var ta = document.createElement("textarea");
        ta.value = text;
        ta.setAttribute("readonly", "");
        ta.style.position = "fixed";
        ta.style.left = "-10000px";
        document.body.appendChild(ta);
        ta.select();
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
        document.body.removeChild(ta);
        if (active && active.focus) active.focus({ preventScroll: true });
        return ok;
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).catch(viaTextarea);
        return 1;
    }
    return viaTextarea() ? 1 : 0;
});

EM_JS(void, js_install_paste_listener, (), {
    var canvas = Module["canvas"];
    window.addEventListener("paste", function (e) {
        var t = e.target;
        if (t !== canvas && t !== document.body && t !== document.documentElement) return;
        var text = e.clipboardData ? e.clipboardData.getData("text/plain") : "";
        e.preventDefault();
        Module["flopscopePastedText"] = text;
        _flopscope_on_paste();
    }, true);
});

const char* get_text(void*) { return g_text.c_str(); }

void set_text(void*, const char* text) {
    g_text = text;
    js_copy(text);
}

} // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void flopscope_on_paste() {
    g_text = emscripten::val::module_property("flopscopePastedText").as<std::string>();
    ImGuiIO& io = ImGui::GetIO();
    const ImGuiKey mod = io.ConfigMacOSXBehaviors ? ImGuiMod_Super : ImGuiMod_Ctrl;
    io.AddKeyEvent(mod, true);
    io.AddKeyEvent(ImGuiKey_V, true);
    io.AddKeyEvent(ImGuiKey_V, false);
    io.AddKeyEvent(mod, false);
    loop::wake();
}

void install_listeners() { js_install_paste_listener(); }

void install_imgui_hooks() {
    ImGuiIO& io = ImGui::GetIO();
    io.SetClipboardTextFn = set_text;
    io.GetClipboardTextFn = get_text;
    io.ClipboardUserData = nullptr;
}

bool copy(const std::string& text) {
    g_text = text;
    return js_copy(text.c_str()) != 0;
}

} // namespace flopscope::web::clipboard
