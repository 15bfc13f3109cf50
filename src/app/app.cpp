// Flopscope app — the App: its state, the results derived from it, edits that keep the last good state,
// the URL fragment kept in step, and the page layout (inputs beside results when wide, tabs when narrow).
//
// [SECTION] Derived results
// [SECTION] AppState: edits, notices, clipboard
// [SECTION] Layout
// [SECTION] App (the contract in app.h)
#include "app/app.h"

#include "app/app_internal.h"
#include "app/platform.h"
#include "app/widgets.h"
#include "core/link.h"

#include <algorithm>
#include <cmath>

namespace flopscope::app {

//-----------------------------------------------------------------------------
// [SECTION] Derived results
//-----------------------------------------------------------------------------

Derived derive(const State& state, Results results) {
    static unsigned generation = 0;
    Derived d;
    d.generation = ++generation;
    d.state = state;
    d.results = std::move(results);
    const Results& r = d.results;
    d.curves = scenario_curves(state, r);
    d.rows = layer_rows(r, state);
    const Count total = state.view.unit == Unit::MACs ? r.evaluation.totals.macs : r.evaluation.totals.flops;
    d.total_cost = static_cast<double>(total.value);
    return d;
}

//-----------------------------------------------------------------------------
// [SECTION] AppState: edits, notices, clipboard
//-----------------------------------------------------------------------------

AppState::AppState(Platform& p) : platform(p), state(default_state()), url_state(state) {
    derived = derive(state, compute(state));
}

void AppState::ensure_derived() {
    if (!(derived.state == state)) derived = derive(state, compute(state));
}

bool AppState::try_apply(State candidate, std::string& error) {
    if (candidate == state) return true;
    ensure_derived();
    Results r = compute(candidate);
    if (!r.ok() && derived.results.ok()) {
        error = r.error;
        return false;
    }
    // Views hold references into `state` and `derived` while they draw: the change lands after the frame.
    queued = Queued{std::move(candidate), std::move(r)};
    if (!in_frame) apply_queued();
    return true;
}

void AppState::apply_queued() {
    if (!queued) return;
    state = std::move(queued->state);
    derived = derive(state, std::move(queued->results));
    queued.reset();
}

bool AppState::edit(State candidate, const std::string& key, const std::string& shown) {
    std::string error;
    if (try_apply(std::move(candidate), error)) {
        if (!key.empty()) pending.erase(key);
        return true;
    }
    if (key.empty()) notice("Not applied: " + error);
    else pending[key] = PendingEdit{shown, error};
    return false;
}

bool AppState::edit_or_explain(State candidate, const std::string& what) {
    std::string error;
    if (try_apply(std::move(candidate), error)) return true;
    notice("Can't " + what + ": " + error);
    return false;
}

bool AppState::edit_scenario(const Scenario& s, const std::string& key, const std::string& shown) {
    State c = state;
    c.scenario = s;
    // Back on a preset's exact values: call it by the preset's name again.
    const ScenarioPreset* p = matching_preset(s);
    c.scenario.name = p ? p->name : "custom";
    return edit(std::move(c), key, shown);
}

void AppState::replace_state(State s) {
    state = std::move(s);
    pending.clear();
    selected_layer = -1;
    style_dirty = true;
    ensure_derived();
}

const PendingEdit* AppState::pending_for(const std::string& key) const {
    auto it = pending.find(key);
    return it == pending.end() ? nullptr : &it->second;
}

void AppState::notice(std::string text, bool warning) {
    for (const Notice& n : notices)
        if (n.text == text) return;
    notices.push_back(Notice{std::move(text), warning});
}

bool AppState::dark() const {
    switch (state.view.theme) {
    case Theme::Light: return false;
    case Theme::Dark: return true;
    case Theme::System: break;
    case Theme::Count_: break;
    }
    return platform.prefers_dark();
}

void AppState::confirm(std::string text) {
    confirm_text = std::move(text);
    confirm_until = ImGui::GetTime() + 2.0;
}

void AppState::copy_text(const std::string& what, const std::string& text) {
    if (platform.copy_to_clipboard(text)) {
        confirm(what + " copied");
        return;
    }
    fallback_title = what;
    fallback_text = text;
    open_fallback = true;
}

void AppState::export_document(const DocumentRequest& request, Deliver how, std::string what, std::string file,
                               std::string mime) {
    platform.write_document(request, [this, how, what = std::move(what), file = std::move(file),
                                      mime = std::move(mime)](const Document& doc) {
        if (!doc.ok()) {
            notice("Could not export the " + what + ": " + doc.error);
            return;
        }
        switch (how) {
        case Deliver::Download:
            platform.download_file(file, mime, doc.text);
            confirm(what + " downloaded");
            break;
        case Deliver::Save: platform.download_file(file, mime, doc.text); break;
        case Deliver::Png: platform.download_svg_as_png(file, doc.text, 2.0f); break;
        case Deliver::Copy: copy_text(what, doc.text); break;
        }
    });
}

std::string AppState::share_url(const State& s) const { return platform.page_url_without_fragment() + encode_link(s); }

const std::vector<ZooEntry>& AppState::zoo_catalogue() {
    if (!zoo.empty()) return zoo;
    for (const ModelInfo& m : model_zoo()) {
        ZooEntry e;
        e.info = &m;
        Network net;
        std::string error;
        if (build_model(m.name, m.default_resolution, m.default_resolution, net, error)) {
            const Evaluation ev = evaluate(net, Counting{});
            if (ev.ok()) {
                e.macs = static_cast<double>(ev.totals.macs.value);
                e.params = static_cast<double>(ev.totals.params.value);
            }
        }
        zoo.push_back(e);
    }
    return zoo;
}

//-----------------------------------------------------------------------------
// [SECTION] Layout
//-----------------------------------------------------------------------------

namespace {

ImGuiTabItemFlags tab_flags(AppState& app, Tab tab) {
    if (app.request_tab != tab) return 0;
    app.request_tab = Tab::None;
    return ImGuiTabItemFlags_SetSelected;
}

// Horizontal padding of the tabs being drawn (< 0: the style's), narrowed on a phone so all tabs show.
float g_tab_padding = -1.0f;

// A tab, registered as "tab:<label>" for tests.
bool tab(const char* label, ImGuiTabItemFlags flags) {
    if (g_tab_padding >= 0) ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(g_tab_padding, ImGui::GetStyle().FramePadding.y));
    const bool open = ImGui::BeginTabItem(label, nullptr, flags);
    if (g_tab_padding >= 0) ImGui::PopStyleVar();
    track_item(std::string("tab:") + label);
    return open;
}

// The panels' child windows take part in the parent's keyboard navigation: Tab and the arrows walk from
// the header through the inputs into the tabs and their contents (ImGui otherwise tabs within one window).
constexpr ImGuiWindowFlags kTabThrough = ImGuiWindowFlags_NavFlattened;

// The comparison of the three presets with the current scenario, and the stacked bars beside it.
void draw_overview(AppState& app) {
    const float avail = ImGui::GetContentRegionAvail().x;
    if (avail > em(50)) {
        const float table_w = std::max(em(32), avail * 0.62f);
        ImGui::BeginChild("compare", ImVec2(table_w, 0), ImGuiChildFlags_None, kTabThrough);
        draw_compare(app);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("overview_chart", ImVec2(0, 0), ImGuiChildFlags_None, kTabThrough);
        draw_overview_chart(app, ImVec2(ImGui::GetContentRegionAvail().x, std::min(ImGui::GetContentRegionAvail().y, em(24))));
        ImGui::EndChild();
    } else {
        ImGui::BeginChild("overview", ImVec2(0, 0), ImGuiChildFlags_None, kTabThrough);
        draw_compare(app);
        ImGui::Spacing();
        draw_overview_chart(app, ImVec2(ImGui::GetContentRegionAvail().x, em(18)));
        ImGui::EndChild();
    }
}

void draw_scrolling(const char* id, void (*fn)(AppState&), AppState& app) {
    ImGui::BeginChild(id, ImVec2(0, 0), ImGuiChildFlags_None, kTabThrough);
    fn(app);
    ImGui::EndChild();
}

void draw_inputs(AppState& app) {
    draw_model_panel(app);
    ImGui::Spacing();
    draw_scenario_panel(app);
    ImGui::Spacing();
    draw_device_panel(app);
}

void draw_scenario_and_device(AppState& app) {
    draw_scenario_panel(app);
    ImGui::Spacing();
    draw_device_panel(app);
}

void draw_wide(AppState& app) {
    const float avail = ImGui::GetContentRegionAvail().x;
    const float left = std::clamp(em(25), em(20), avail * 0.38f);
    ImGui::BeginChild("inputs", ImVec2(left, 0), ImGuiChildFlags_None, kTabThrough);
    draw_inputs(app);
    ImGui::EndChild();
    ImGui::SameLine(0, em(1));
    ImGui::BeginChild("main", ImVec2(0, 0), ImGuiChildFlags_None, kTabThrough);
    draw_results(app, false);
    ImGui::Spacing();
    if (ImGui::BeginTabBar("views")) {
        if (tab("Comparison", tab_flags(app, Tab::Overview))) {
            draw_overview(app);
            ImGui::EndTabItem();
        }
        if (tab("Layers", tab_flags(app, Tab::Layers))) {
            draw_layers(app);
            ImGui::EndTabItem();
        }
        if (tab("Charts", tab_flags(app, Tab::Charts))) {
            draw_scrolling("charts", draw_charts, app);
            ImGui::EndTabItem();
        }
        if (tab("Zoo", tab_flags(app, Tab::Zoo))) {
            draw_zoo(app);  // computes the zoo table only while the tab is open
            ImGui::EndTabItem();
        }
        if (tab("About the counting", tab_flags(app, Tab::Help))) {
            draw_scrolling("help", draw_help, app);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::EndChild();
}

// The tab padding that lets all `labels` show in the width available (the style's when they fit).
float fitting_tab_padding(std::initializer_list<const char*> labels) {
    const ImGuiStyle& st = ImGui::GetStyle();
    float text = 0;
    for (const char* l : labels) text += ImGui::CalcTextSize(l).x;
    const float n = static_cast<float>(labels.size());
    // A font size of slack: ImGui shrinks (and cuts) the tabs when they overflow by a pixel.
    const float room = ImGui::GetContentRegionAvail().x - st.ItemInnerSpacing.x * (n - 1) - ImGui::GetFontSize();
    return std::clamp(std::floor((room - text) / (2 * n)), 1.0f, st.FramePadding.x);
}

void draw_narrow(AppState& app) {
    g_tab_padding = fitting_tab_padding({"Results", "Scenario", "Model", "Layers", "Charts", "Zoo", "About"});
    // The tab bar keeps the padding it began with for its labels: the same as its tabs' widths.
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(g_tab_padding, ImGui::GetStyle().FramePadding.y));
    const bool tabs = ImGui::BeginTabBar("views", ImGuiTabBarFlags_FittingPolicyScroll);
    ImGui::PopStyleVar();
    if (tabs) {
        if (tab("Results", tab_flags(app, Tab::Overview))) {
            ImGui::BeginChild("results_tab", ImVec2(0, 0), ImGuiChildFlags_None, kTabThrough);
            draw_results(app, false);
            ImGui::Spacing();
            draw_compare(app);
            ImGui::Spacing();
            draw_overview_chart(app, ImVec2(ImGui::GetContentRegionAvail().x, em(18)));
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        if (tab("Scenario", tab_flags(app, Tab::Scenario))) {
            draw_results(app, true);
            draw_scrolling("scenario_tab", draw_scenario_and_device, app);
            ImGui::EndTabItem();
        }
        if (tab("Model", tab_flags(app, Tab::Model))) {
            draw_results(app, true);
            draw_scrolling("model_tab", draw_model_panel, app);
            ImGui::EndTabItem();
        }
        if (tab("Layers", tab_flags(app, Tab::Layers))) {
            draw_results(app, true);
            draw_layers(app);
            ImGui::EndTabItem();
        }
        if (tab("Charts", tab_flags(app, Tab::Charts))) {
            draw_results(app, true);
            draw_scrolling("charts", draw_charts, app);
            ImGui::EndTabItem();
        }
        if (tab("Zoo", tab_flags(app, Tab::Zoo))) {
            draw_zoo(app);
            ImGui::EndTabItem();
        }
        if (tab("About", tab_flags(app, Tab::Help))) {
            draw_scrolling("help", draw_help, app);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    g_tab_padding = -1.0f;
}

void update_style(AppState& app) {
    if (!app.style_dirty && app.style_theme == app.state.view.theme) return;
    app.style_dark = app.dark();
    app.style_scale = std::max(0.5f, app.platform.pixel_ratio());
    apply_style(app.style_dark, app.style_scale);
    app.style_theme = app.state.view.theme;
    app.style_dirty = false;
}

// Writes the fragment once an edit is finished (no item active), never while dragging or typing.
void sync_url(AppState& app) {
    if (ImGui::IsAnyItemActive() || app.url_state == app.state) return;
    const std::string link = encode_link(app.state);
    app.platform.replace_url_fragment(link.size() > 1 && link[0] == '#' ? link.substr(1) : link);
    app.url_state = app.state;
}

} // namespace

void draw_app(AppState& app) {
    app.in_frame = true;
    begin_item_registry();
    update_style(app);
    app.ensure_derived();

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("Flopscope", nullptr, flags);
    if (app.state.view.embed) {
        draw_embed_view(app);
    } else {
        draw_header(app);
        draw_notices(app);
        if (choose_layout(vp->WorkSize.x, ImGui::GetFontSize()) == Layout::Wide) draw_wide(app);
        else draw_narrow(app);
        draw_header_popups(app);
        draw_export_popup(app);
    }
    ImGui::End();
    scroll_by_touch_drag();
    app.request_tab = app.request_tab_next;  // a tab this layout does not have (e.g. "Model" when wide) is not kept
    app.request_tab_next = Tab::None;
    app.in_frame = false;
    app.apply_queued();
    sync_url(app);
}

//-----------------------------------------------------------------------------
// [SECTION] App (the contract in app.h)
//-----------------------------------------------------------------------------

App::App(Platform& platform) : impl_(std::make_unique<AppState>(platform)) {}
App::~App() = default;

void App::load_fragment(const std::string& fragment) {
    AppState& app = *impl_;
    app.notices.clear();  // they were about the state this link replaces (e.g. the previous link's problems)
    State s = default_state();
    std::string_view f = fragment;
    while (!f.empty() && (f.front() == '#' || f.front() == ' ')) f.remove_prefix(1);
    if (!f.empty()) {
        const LinkDecode decoded = decode_link(fragment, s);
        for (const std::string& problem : decoded.problems) app.notice("This link had a problem: " + problem);
    }
    app.replace_state(std::move(s));
    app.url_state = app.state;
    const Results& r = app.derived.results;
    if (!r.ok()) app.notice("The linked state can't be computed: " + r.error);
}

void App::frame() { draw_app(*impl_); }

bool App::item_rect(const std::string& name, float rect[4]) const {
    ImVec2 min, max;
    if (!find_item(name, min, max)) return false;
    rect[0] = min.x;
    rect[1] = min.y;
    rect[2] = max.x - min.x;
    rect[3] = max.y - min.y;
    return true;
}

bool App::wants_continuous_frames() const { return ImGui::GetTime() < impl_->confirm_until; }

void App::on_style_inputs_changed() { impl_->style_dirty = true; }

std::string App::state_json() const { return flopscope::state_json(impl_->state); }

std::string App::results_json() const {
    const AppState& app = *impl_;
    if (app.derived.state == app.state) return flopscope::results_json(app.state, app.derived.results);
    return flopscope::results_json(app.state);
}

} // namespace flopscope::app
