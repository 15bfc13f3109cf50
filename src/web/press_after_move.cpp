// Flopscope web — hold a button press back by one frame after a pointer move (see the header).
#include "web/press_after_move.h"

#include <imgui.h>
#include <imgui_internal.h>

namespace flopscope::web::press_after_move {
namespace {

ImVector<ImGuiInputEvent> g_held;

} // namespace

void hold_back() {
    ImVector<ImGuiInputEvent>& queue = GImGui->InputEventsQueue;
    bool moved = false;
    for (int i = 0; i < queue.Size; ++i) {
        const ImGuiInputEvent& e = queue[i];
        if (e.Type == ImGuiInputEventType_MousePos) {
            moved = true;
        } else if (e.Type == ImGuiInputEventType_MouseButton && e.MouseButton.Down && moved) {
            for (int j = i; j < queue.Size; ++j) g_held.push_back(queue[j]);
            queue.resize(i);
            return;
        }
    }
}

void release() {
    ImVector<ImGuiInputEvent>& queue = GImGui->InputEventsQueue;
    for (const ImGuiInputEvent& e : g_held) queue.push_back(e);
    g_held.clear();
}

} // namespace flopscope::web::press_after_move
