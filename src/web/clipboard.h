// Flopscope web — the system clipboard.
// Copy: navigator.clipboard.writeText, falling back to a hidden textarea + execCommand('copy').
// Paste: the browser's `paste` event carries the text; we store it and replay Ctrl+V (Cmd+V on macOS)
// into ImGui, so pasting goes through ImGui's own path (input.js keeps the real key from ImGui).
#pragma once

#include <string>

namespace flopscope::web::clipboard {

// Points ImGui's clipboard callbacks here and registers the window `paste` listener. Call once ImGui's
// context exists.
void install();

// Puts text on the system clipboard; false if the browser offers no way to.
bool copy(const std::string& text);

} // namespace flopscope::web::clipboard
