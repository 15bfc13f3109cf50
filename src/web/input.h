// Flopscope web — the platform backend for input: browser events straight into ImGui's io.Add*Event
// (the Tracy web pattern; no GLFW, no imgui_impl_glfw), and which events ImGui gets (design notes §3.7).
// Window capture listeners (input.js) decide per event:
//   - keys aimed at an HTML form field stay with the page (Tab/Backspace work there);
//   - Tab leaves the canvas when ImGui does not want the keyboard; Escape with nothing active releases
//     ImGui's window focus so the next Tab can leave (no keyboard trap in an embed);
//   - the real Ctrl/Cmd+V is not given to ImGui: the paste event replays it (clipboard.cpp);
//   - only Backspace and Tab have their default prevented (browsers type and scroll with the rest);
//   - the wheel reaches ImGui only when it scrolls something there (the window under the pointer can
//     still move that way), otherwise the page scrolls: in an iframe, the host page (scroll chaining);
//   - a button pressed on the canvas is followed (position, release) outside it until released.
// Keys are DOM keyCodes (layout-translated letters, as ImGui wants for shortcuts); modifiers come from
// each event's ctrlKey/shiftKey/altKey/metaKey.
#pragma once

namespace flopscope::web::input {

// Registers the listeners and tells ImGui what this backend does. Call once ImGui's context exists.
void install();

// Before ImGui::NewFrame(): display size (device pixels, dpi.h) and time step.
void new_frame();

// Publishes the last frame's io.WantCaptureMouse / WantCaptureKeyboard, and which ways the window under
// the pointer can scroll, to the listeners.
void publish(bool want_mouse, bool want_keyboard);

// Applies requests gathered from events (Escape → release focus). Call after ImGui::NewFrame().
void apply_pending();

} // namespace flopscope::web::input
