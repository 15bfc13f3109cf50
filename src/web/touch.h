// Flopscope web — touch input: the first finger drives ImGui's pointer with the touch-screen mouse source
// (ImGui then applies position and button in separate frames). The browser's emulated mouse events are
// cancelled (preventDefault on the touch events), so a tap is not seen twice.
#pragma once

namespace flopscope::web::touch {

// Registers the capture-phase touch listeners (the canvas CSS also has touch-action: none).
void install_listeners();

} // namespace flopscope::web::touch
