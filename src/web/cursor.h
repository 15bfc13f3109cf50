// Flopscope web — the mouse cursor shape (3.1.6's glfwSetCursor is a stub): ImGui's wanted cursor is
// mirrored into the canvas's CSS `cursor`. ImGui's backend is told not to touch the cursor at all.
#pragma once

namespace flopscope::web::cursor {

// Call once per frame after ImGui::Render().
void update();

} // namespace flopscope::web::cursor
