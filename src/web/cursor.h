// Flopscope web — the mouse cursor shape: ImGui's wanted cursor is mirrored into the canvas's CSS
// `cursor`.
#pragma once

namespace flopscope::web::cursor {

// Call once per frame after ImGui::Render().
void update();

} // namespace flopscope::web::cursor
