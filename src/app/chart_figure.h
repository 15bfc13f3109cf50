// Flopscope app — charts recorded as a core Figure (src/core/figure.h) and replayed into ImGui's draw list,
// so the screen and the SVG export draw the same geometry; and the chart's "Save…" menu.
#pragma once

#include "app/app_internal.h"
#include "core/figure.h"

#include <imgui.h>

#include <string>

namespace flopscope::app {

Rgba rgba(const ImVec4& c, float alpha = 1.0f);
// Draws `f` with its top-left corner at `origin` (screen pixels).
void draw_figure(ImDrawList* dl, const Figure& f, ImVec2 origin);
// Text measured with the current font, for a Figure being laid out.
void figure_text(Figure& f, float x, float y, const std::string& s, const ImVec4& c, Figure::Anchor anchor = Figure::Anchor::Start);
// A small "Save…" button at the current cursor with a menu: the figure as SVG (download). `name` makes
// the file name (flopscope-<name>.svg) and the items' names for tests ("<name>:save", "<name>:svg").
void figure_save_menu(AppImpl& app, const Figure& f, const char* name, const std::string& title);

} // namespace flopscope::app
