// Flopscope web — the system clipboard (Emscripten 3.1.6's glfwGet/SetClipboardString are stubs).
// Copy: navigator.clipboard.writeText, falling back to a hidden textarea + execCommand('copy').
// Paste: the browser's `paste` event carries the text; we store it and replay Ctrl+V (Cmd+V on macOS)
// into ImGui, so pasting goes through ImGui's own path (input_filter keeps the real key from GLFW).
#pragma once

#include <string>

namespace flopscope::web::clipboard {

// Registers the window `paste` listener. Call before glfwInit.
void install_listeners();

// Points ImGui's clipboard callbacks here. Call after the GLFW backend's init (which sets GLFW's stubs).
void install_imgui_hooks();

// Puts text on the system clipboard; false if the browser offers no way to.
bool copy(const std::string& text);

} // namespace flopscope::web::clipboard
