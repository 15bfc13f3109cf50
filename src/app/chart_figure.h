// Flopscope app — the core's charts (core/charts.h) on screen: the style they are laid out with (the
// theme's colours, ImGui's font), replaying a Figure into ImGui's draw list, hover tooltips' pointer, and
// each chart's "Save…" menu (SVG, and PNG at 2× through the platform).
#pragma once

#include "app/app_internal.h"
#include "core/charts.h"

#include <imgui.h>

#include <functional>
#include <string>

namespace flopscope::app {

Rgba rgba(const ImVec4& c, float alpha = 1.0f);
// The theme's chart style at the current font.
ChartStyle screen_chart_style();
// Draws `f` with its top-left corner at `origin` (screen pixels), clipped to its size. Its text also goes
// to ImGui's log while one is open (copying a frame's text, the UI tests).
void draw_figure(ImDrawList* dl, const Figure& f, ImVec2 origin);

// Builds a chart with the pointer where it is (or none), for `show_chart`.
using ChartBuilder = std::function<Chart(const ChartStyle&, ChartPointer)>;
// A chart at the cursor: built with the pointer, drawn, with a "Save…" menu at its top right (the export is
// the same builder without a pointer) and an item of its size (tracked as "<name>:chart"). An empty chart
// shows why, muted. Returns the chart; its hovered fields are set only while the pointer is over it.
Chart show_chart(AppImpl& app, ChartKind kind, ImVec2 size, const ChartBuilder& build);

} // namespace flopscope::app
