// Flopscope web — the phone/tablet on-screen keyboard for ImGui's text fields. A canvas cannot raise a
// virtual keyboard; only a focused DOM text field can. So when ImGui wants text input after a touch, a
// hidden <textarea> takes the focus (synchronously in touchend where possible: iOS only shows the
// keyboard from inside the user's gesture) and what is typed into it is fed to ImGui: characters from
// `input` events, editing keys (Backspace, Enter, arrows, …) from keydown or from the input's type.
// Mouse and physical-keyboard use never touches it. The key listener (input.js) hands it the
// textarea's key events, so ImGui does not see them twice.
#pragma once

namespace flopscope::web::soft_keyboard {

// Creates the hidden textarea and its listeners. Call with the other listeners.
void install_listeners();

// After each frame: whether ImGui wants text (io.WantTextInput) and whether the last pointer was a
// touch. Focuses the textarea (with a decimal keyboard for a numeric field) or releases it on a change.
void publish(bool want_text, bool touch);

// Applies what the textarea reported (the keyboard was closed: end the edit). Call after ImGui::NewFrame().
void apply_pending();

} // namespace flopscope::web::soft_keyboard
