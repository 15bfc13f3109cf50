// Flopscope web — touch input. Emscripten 3.1.6's GLFW maps touches to mouse buttons at the *old*
// pointer position and ignores touchmove (emscripten #20804), so we take touches away from it and feed
// ImGui directly with the touch-screen mouse source (position and button in separate frames).
#pragma once

struct GLFWwindow;

namespace flopscope::web::touch {

// Registers the capture-phase touch listeners (the canvas CSS also has touch-action: none).
void install_listeners();

// The window ImGui's GLFW backend drives; needed once ImGui exists, before the first touch.
void set_window(GLFWwindow* window);

} // namespace flopscope::web::touch
