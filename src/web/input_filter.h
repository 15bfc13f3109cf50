// Flopscope web — which browser events ImGui gets (design notes §3.7). Emscripten 3.1.6's GLFW listens
// on `window` for keys and calls preventDefault on Tab and Backspace everywhere, and its canvas wheel
// listener always calls preventDefault; ImGui 1.90.1 adds a passive document-level wheel listener.
// Capture-phase listeners registered before glfwInit run first and decide per event:
//   - keys aimed at an HTML form field never reach GLFW (Tab/Backspace work there);
//   - Tab leaves the canvas when ImGui does not want the keyboard; Escape with nothing active
//     releases ImGui's window focus so the next Tab can leave (no keyboard trap in an embed);
//   - the real Ctrl/Cmd+V is kept from GLFW: the paste event replays it (clipboard.cpp);
//   - the wheel reaches ImGui only when it scrolls something there (the window under the pointer can
//     still move that way), otherwise the page scrolls: in an iframe, the host page (scroll chaining);
//   - a mouse button released outside the canvas is released in ImGui too.
#pragma once

namespace flopscope::web::input_filter {

// Registers the capture listeners. Call before glfwInit.
void install_listeners();

// Moves ImGui's wheel input from the document to #canvas. Call after ImGui_ImplGlfw_InitForOpenGL.
void install_canvas_wheel();

// Publishes the last frame's io.WantCaptureMouse / WantCaptureKeyboard, and which ways the window under
// the pointer can scroll, to the listeners.
void publish(bool want_mouse, bool want_keyboard);

// Applies requests gathered from events (Escape → release focus). Call after ImGui::NewFrame().
void apply_pending();

} // namespace flopscope::web::input_filter
