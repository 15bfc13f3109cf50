// Flopscope web — the render loop: one requestAnimationFrame after another while something changes, none
// when idle (0 frames, 0 CPU), the next one asked for on any input. Every event source calls wake().
#pragma once

#include <cstdint>

namespace flopscope::web::loop {

using FrameFn = void (*)();

// Asks for the first frame; returns at once, the loop runs from the browser. Also publishes
// Module.pauseMainLoop for shell.html (an embed leaving the view stops drawing for good).
void run(FrameFn frame);

// Something happened: render the next few frames (asks for a frame if the loop is paused).
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
