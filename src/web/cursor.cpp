// Flopscope web — ImGuiMouseCursor → CSS cursor on #canvas, written only when it changes.
#include "web/cursor.h"

#include <imgui.h>

#include <emscripten.h>

// Defined in cursor.js (a --js-library: its code stays out of the wasm's data).
extern "C" {
void js_set_cursor(const char* css);
}

namespace flopscope::web::cursor {
namespace {

const char* css_for(ImGuiMouseCursor c) {
    switch (c) {
    case ImGuiMouseCursor_None: return "none";
    case ImGuiMouseCursor_TextInput: return "text";
    case ImGuiMouseCursor_ResizeAll: return "move";
    case ImGuiMouseCursor_ResizeNS: return "ns-resize";
    case ImGuiMouseCursor_ResizeEW: return "ew-resize";
    case ImGuiMouseCursor_ResizeNESW: return "nesw-resize";
    case ImGuiMouseCursor_ResizeNWSE: return "nwse-resize";
    case ImGuiMouseCursor_Hand: return "pointer";
    case ImGuiMouseCursor_NotAllowed: return "not-allowed";
    default: return "default";
    }
}

ImGuiMouseCursor g_current = ImGuiMouseCursor_Arrow;

} // namespace

void update() {
    const ImGuiMouseCursor wanted = ImGui::GetIO().MouseDrawCursor ? ImGuiMouseCursor_None : ImGui::GetMouseCursor();
    if (wanted == g_current) return;
    g_current = wanted;
    js_set_cursor(css_for(wanted));
}

} // namespace flopscope::web::cursor
