// Flopscope web — render loop and idle policy (design notes §3.1): a paused loop has no animation frame
// pending, so an idle page runs no JavaScript at all.
#include "web/loop.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <emscripten.h>

#include <algorithm>

// Defined in loop.js (a --js-library: its code stays out of the wasm's data).
extern "C" {
void js_install_loop();
void js_request_frame();
}

namespace flopscope::web::loop {
namespace {

constexpr int kFramesAfterEvent = 3;  // Tracy's rule: a few frames after any event settle the UI

FrameFn g_frame = nullptr;
int g_frames_left = kFramesAfterEvent;
double g_awake_until_ms = 0.0;
bool g_paused = true;  // no frame asked for
std::uint64_t g_frames = 0;

} // namespace

// The animation frame loop.js asked for.
extern "C" EMSCRIPTEN_KEEPALIVE void flopscope_frame() { g_frame(); }

void run(FrameFn frame) {
    g_frame = frame;
    js_install_loop();
    wake();
}

void wake() {
    g_frames_left = std::max(g_frames_left, kFramesAfterEvent);
    if (g_paused && g_frame != nullptr) {
        g_paused = false;
        js_request_frame();
    }
}

void keep_awake_for(double seconds) {
    g_awake_until_ms = std::max(g_awake_until_ms, emscripten_get_now() + seconds * 1000.0);
    wake();
}

void end_frame(bool busy) {
    ++g_frames;
    if (g_frames_left > 0) --g_frames_left;
    if (busy || emscripten_get_now() < g_awake_until_ms) g_frames_left = std::max(g_frames_left, 1);
    if (g_frames_left > 0) js_request_frame();
    else g_paused = true;
}

bool imgui_needs_frames() {
    const ImGuiContext& g = *GImGui;
    if (!g.InputEventsQueue.empty()) return true;
    for (bool down : g.IO.MouseDown)
        if (down) return true;
    if (g.DimBgRatio > 0.0f && g.DimBgRatio < 1.0f) return true;
    if (g.NavWindowingTarget != nullptr) return true;
    for (const ImGuiWindow* w : g.Windows)
        if (w->Active && (w->HiddenFramesCanSkipItems > 0 || w->HiddenFramesCannotSkipItems > 0 ||
                          w->HiddenFramesForRenderOnly > 0))
            return true;
    return false;
}

std::uint64_t frame_count() { return g_frames; }
bool is_paused() { return g_paused; }

} // namespace flopscope::web::loop
