// Flopscope web — embind exports behind Module.flopscope (see bindings.h).
#include "web/bindings.h"

#include "app/app.h"
#include "web/loop.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <emscripten.h>
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

// Defined in bindings.js (a --js-library: its code stays out of the wasm's data).
extern "C" {
void js_publish_test_hook();
void js_mark_test_hook_ready();
}

namespace flopscope::web::bindings {
namespace {

const app::App* g_app = nullptr;

std::string state_json() { return g_app != nullptr ? g_app->state_json() : std::string("{}"); }
std::string results_json() { return g_app != nullptr ? g_app->results_json() : std::string("{}"); }
double frame_count() { return static_cast<double>(loop::frame_count()); }  // exact below 2^53
bool is_paused() { return loop::is_paused(); }
// "[x, y, width, height]" in device pixels of a named item of the last frame (app::App::item_rect), or
// "null" when it was not drawn. Tests divide by devicePixelRatio to click it.
std::string item_rect(const std::string& name) {
    float r[4];
    if (g_app == nullptr || !g_app->item_rect(name, r)) return "null";
    return "[" + std::to_string(r[0]) + ", " + std::to_string(r[1]) + ", " + std::to_string(r[2]) + ", " +
           std::to_string(r[3]) + "]";
}

// "[x, y, width, height]" in device pixels of ImGui's keyboard-navigation cursor (the item Tab or the
// arrows moved to), or "null" when there is none.
std::string nav_rect() {
    const ImGuiContext& g = *GImGui;
    if (g.NavWindow == nullptr || g.NavId == 0) return "null";
    const ImRect r = ImGui::WindowRectRelToAbs(g.NavWindow, g.NavWindow->NavRectRel[g.NavLayer]);
    return "[" + std::to_string(r.Min.x) + ", " + std::to_string(r.Min.y) + ", " + std::to_string(r.GetWidth()) + ", " +
           std::to_string(r.GetHeight()) + "]";
}

// The selected tab of every tab bar drawn in the last frame, as a JSON array of labels (ImGui's own
// record: a click counts only once the tab bar has selected the tab).
std::string selected_tabs() {
    ImGuiContext& g = *GImGui;
    emscripten::val out = emscripten::val::array();
    for (int n = 0; n < g.TabBars.GetMapSize(); ++n) {
        ImGuiTabBar* bar = g.TabBars.TryGetMapData(n);
        if (bar == nullptr || bar->CurrFrameVisible != g.FrameCount) continue;
        if (ImGuiTabItem* tab = ImGui::TabBarFindTabByID(bar, bar->SelectedTabId))
            out.call<void>("push", std::string(ImGui::TabBarGetTabName(bar, tab)));
    }
    return emscripten::val::global("JSON").call<std::string>("stringify", out);
}

// The messages on screen (app::App::messages) as a JS array of strings; the hook returns its JSON.
emscripten::val messages() {
    emscripten::val out = emscripten::val::array();
    if (g_app != nullptr)
        for (const std::string& m : g_app->messages()) out.call<void>("push", m);
    return out;
}


} // namespace

EMSCRIPTEN_BINDINGS(flopscope_test_hook) {
    emscripten::function("flopscope_stateJson", &state_json);
    emscripten::function("flopscope_resultsJson", &results_json);
    emscripten::function("flopscope_frameCount", &frame_count);
    emscripten::function("flopscope_isPaused", &is_paused);
    emscripten::function("flopscope_itemRect", &item_rect);
    emscripten::function("flopscope_navRect", &nav_rect);
    emscripten::function("flopscope_messages", &messages);
    emscripten::function("flopscope_selectedTabs", &selected_tabs);
}

void publish(const app::App& app) {
    g_app = &app;
    js_publish_test_hook();
}

void mark_ready() { js_mark_test_hook_ready(); }

} // namespace flopscope::web::bindings
