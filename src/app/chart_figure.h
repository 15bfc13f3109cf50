// Flopscope app — the core's charts (core/charts.h) on screen: the style they are laid out with (the
// theme's colours, ImGui's font), replaying a Figure into ImGui's draw list, the pointer for hovering,
// and each chart's "Save…" menu (SVG, and PNG at 2× through the platform).
#pragma once

#include "app/app_internal.h"
#include "core/charts.h"

#include <imgui.h>

#include <string>

namespace flopscope::app {

Rgba rgba(const ImVec4& c, float alpha = 1.0f);
// The theme's chart style at the current font.
ChartStyle screen_chart_style();
// Draws `f` with its top-left corner at `origin` (screen pixels), clipped to its size. Its text also goes
// to ImGui's log while one is open (copying a frame's text, the UI tests).
void draw_figure(ImDrawList* dl, const Figure& f, ImVec2 origin);

// The pointer over a chart of `size` at the cursor (the layer chart: size.y 0, as tall as its rows), in
// the chart's pixels; none while it is over the chart's "Save…" button or another item is in use.
ChartPointer chart_pointer(ImVec2 size);
// A chart at the cursor: its figure and the pointer's overlay, a "Save…" menu at its top right (the
// figure as SVG, or PNG at 2×), and an item of its size (tracked as "<name>:chart"). An empty chart shows
// why, muted. True while the pointer is over the chart (its tooltips may show).
bool show_chart(AppState& app, ChartKind kind, const Chart& chart);

} // namespace flopscope::app
