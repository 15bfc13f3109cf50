// Flopscope web — the exports behind Module.flopscope (see bindings.h); bindings.js wraps them.
#include "web/bindings.h"

#include "app/app.h"
#include "core/report.h"
#include "web/js_string.h"
#include "web/loop.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <emscripten.h>

#include <string>

// Defined in bindings.js (a --js-library: its code stays out of the wasm's data).
extern "C" {
void js_publish_test_hook();
void js_mark_test_hook_ready();
}

namespace flopscope::web::bindings {
namespace {

const app::App* g_app = nullptr;

std::string rect_json(float x, float y, float w, float h) {
    return "[" + std::to_string(x) + ", " + std::to_string(y) + ", " + std::to_string(w) + ", " + std::to_string(h) + "]";
}

std::string json_array(const std::vector<std::string>& items) {
    std::string out = "[";
    for (const std::string& item : items) out += (out.size() > 1 ? "," : "") + json_string(item);
    return out + "]";
}

} // namespace
} // namespace flopscope::web::bindings

using flopscope::web::hand_to_js;
using flopscope::web::bindings::g_app;

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* flopscope_state_json() { return hand_to_js(g_app != nullptr ? g_app->state_json() : "{}"); }
EMSCRIPTEN_KEEPALIVE const char* flopscope_results_json() {
    return hand_to_js(g_app != nullptr ? g_app->results_json() : "{}");
}
EMSCRIPTEN_KEEPALIVE double flopscope_frame_count() {
    return static_cast<double>(flopscope::web::loop::frame_count());  // exact below 2^53
}
EMSCRIPTEN_KEEPALIVE int flopscope_is_paused() { return flopscope::web::loop::is_paused() ? 1 : 0; }

// "[x, y, width, height]" in device pixels of a named item of the last frame (app::App::item_rect), or
// "null" when it was not drawn. Tests divide by devicePixelRatio to click it.
EMSCRIPTEN_KEEPALIVE const char* flopscope_item_rect(const char* name) {
    float r[4];
    if (g_app == nullptr || !g_app->item_rect(name, r)) return "null";
    return hand_to_js(flopscope::web::bindings::rect_json(r[0], r[1], r[2], r[3]));
}

// "[x, y, width, height]" in device pixels of ImGui's keyboard-navigation cursor (the item Tab or the
// arrows moved to), or "null" when there is none.
EMSCRIPTEN_KEEPALIVE const char* flopscope_nav_rect() {
    const ImGuiContext& g = *GImGui;
    if (g.NavWindow == nullptr || g.NavId == 0) return "null";
    const ImRect r = ImGui::WindowRectRelToAbs(g.NavWindow, g.NavWindow->NavRectRel[g.NavLayer]);
    return hand_to_js(flopscope::web::bindings::rect_json(r.Min.x, r.Min.y, r.GetWidth(), r.GetHeight()));
}

// The selected tab of every tab bar drawn in the last frame, as a JSON array of labels (ImGui's own
// record: a click counts only once the tab bar has selected the tab).
EMSCRIPTEN_KEEPALIVE const char* flopscope_selected_tabs() {
    ImGuiContext& g = *GImGui;
    std::vector<std::string> labels;
    for (int n = 0; n < g.TabBars.GetMapSize(); ++n) {
        ImGuiTabBar* bar = g.TabBars.TryGetMapData(n);
        if (bar == nullptr || bar->CurrFrameVisible != g.FrameCount) continue;
        if (ImGuiTabItem* tab = ImGui::TabBarFindTabByID(bar, bar->SelectedTabId))
            labels.emplace_back(ImGui::TabBarGetTabName(bar, tab));
    }
    return hand_to_js(flopscope::web::bindings::json_array(labels));
}

// The messages on screen (app::App::messages) as a JSON array of strings.
EMSCRIPTEN_KEEPALIVE const char* flopscope_messages() {
    return hand_to_js(flopscope::web::bindings::json_array(g_app != nullptr ? g_app->messages() : std::vector<std::string>()));
}

} // extern "C"

namespace flopscope::web::bindings {

void publish(const app::App& app) {
    g_app = &app;
    js_publish_test_hook();
}

void mark_ready() { js_mark_test_hook_ready(); }

} // namespace flopscope::web::bindings
