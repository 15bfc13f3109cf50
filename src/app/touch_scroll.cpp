// Flopscope app — drag to scroll on a touch screen. Dear ImGui scrolls only with a wheel or a scrollbar;
// on a touch screen a drag that starts on a window's empty space or on plain text (nothing grabbed)
// scrolls the window under it, or the nearest enclosing one that can scroll (imgui #3379's idea).
// Drags on widgets (sliders, fields, buttons) keep their meaning.
#include "app/app_internal.h"

#include <imgui_internal.h>

namespace flopscope::app {

void scroll_by_touch_drag() {
    ImGuiContext& g = *GImGui;
    const ImGuiIO& io = g.IO;
    if (io.MouseSource != ImGuiMouseSource_TouchScreen || !io.MouseDown[0]) return;
    if (io.MouseDelta.x == 0.0f && io.MouseDelta.y == 0.0f) return;
    // Nothing grabbed: pressing empty space makes the window's move handle active (even with NoMove).
    const bool on_void = g.ActiveId == 0 || (g.ActiveIdWindow != nullptr && g.ActiveId == g.ActiveIdWindow->MoveId);
    if (!on_void) return;
    ImGuiWindow* w = g.ActiveId != 0 ? g.ActiveIdWindow : g.HoveredWindow;
    while (w != nullptr && w->ScrollMax.x <= 0.0f && w->ScrollMax.y <= 0.0f) w = w->ParentWindow;
    if (w == nullptr) return;
    if (w->ScrollMax.y > 0.0f) ImGui::SetScrollY(w, w->Scroll.y - io.MouseDelta.y);
    if (w->ScrollMax.x > 0.0f) ImGui::SetScrollX(w, w->Scroll.x - io.MouseDelta.x);
}

} // namespace flopscope::app
