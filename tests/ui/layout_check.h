// Flopscope UI tests — a check that nothing is drawn cut off or on top of other text: every text the
// frame draws (all of ImGui's text goes through ImDrawList::AddText, which the UI test binary wraps at
// link time, see tests/CMakeLists.txt) is recorded with its full rectangle and the clip rectangle it is
// drawn into, so a test can list texts wider than their cell, column or window, and texts that overlap.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace flopscope::ui_test {

struct DrawnText {
    std::string text;
    ImVec2 min, max;   // the whole text, as laid out
    ImVec4 clip;       // the rectangle it may show in (the draw list's clip ∩ the widget's own)
    std::string window;       // the window drawing it
    std::string root;         // its root window (texts in other roots, e.g. popups, may cover it)
    bool may_scroll_x = false;  // its window has a horizontal scrollbar: a cut at that window's edge is reachable
    float wrap_width = 0.0f;    // > 0: drawn wrapped at this width (ImGui breaks a word too long for a line)
    const ImFont* font = nullptr;
    float size = 0.0f;
    ImVec4 window_clip;        // that window's inner clip rectangle
};

// Starts recording (the harness calls it at each frame's start); texts drawn since.
void begin_text_trace();
const std::vector<DrawnText>& drawn_texts();

// Texts cut horizontally by their clip rectangle (not by the edge of a window that can scroll to them),
// wrapped texts that break inside a word ("truncatio" / "n": the word was wider than the line), and pairs
// of visible texts of one window tree that overlap or touch (closer than `min_gap` pixels):
// one human-readable line each, empty when the frame is clean.
std::vector<std::string> layout_problems(float min_gap);

} // namespace flopscope::ui_test
