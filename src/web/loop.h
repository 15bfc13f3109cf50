// Flopscope web — the render loop: render while something changes, pause the browser's main loop when
// idle (0 frames, 0 CPU), resume on any input. Every event source calls wake().
#pragma once

#include <cstdint>

namespace flopscope::web::loop {

using FrameFn = void (*)();

// Starts the main loop (requestAnimationFrame timing); returns at once, the loop runs from the browser.
void run(FrameFn frame);

// Something happened: render the next few frames (resumes a paused loop).
void wake();

// Keep rendering for at least `seconds` from now (e.g. tooltip delays after the pointer stops).
void keep_awake_for(double seconds);

// The frame's last call. `busy`: ImGui or the app needs another frame regardless of input.
void end_frame(bool busy);

// True while ImGui itself needs more frames: queued input (trickled over frames), a mouse button held,
// a window appearing (auto-fit takes hidden frames), a modal dim fading, the Ctrl+Tab overlay.
bool imgui_needs_frames();

std::uint64_t frame_count();  // frames rendered since start
bool is_paused();

} // namespace flopscope::web::loop
