// Flopscope app — the embed view (state.view.embed, `&embed=1`): a compact page for an iframe in a docs page.
// The results in a line of big numbers, the main chart, the inputs the author exposed (view.show, by link
// key) and an "Open in Flopscope ↗" link to the full calculator on the same state.
#include "app/platform.h"
#include "app/widgets.h"
#include "core/state_fields.h"

#include <algorithm>
#include <cmath>

namespace flopscope::app {

namespace {

// `text`, or as much of it as fits in `width` followed by "…" (cut between UTF-8 characters).
std::string fit_text(std::string text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    while (!text.empty()) {
        while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
        if (!text.empty()) text.pop_back();
        while (!text.empty() && text.back() == ' ') text.pop_back();
        if (ImGui::CalcTextSize((text + "…").c_str()).x <= width) return text + "…";
    }
    return text;
}

bool shown(const State& s, std::string_view key) {
    return std::find(s.view.show.begin(), s.view.show.end(), key) != s.view.show.end();
}

// The scenario value an exposed key edits as a percentage (nullptr for keys with other widgets).
double* exposed_fraction(Scenario& sc, std::string_view key) {
    if (key == "f") return &sc.cached_fraction;
    if (key == "h") return &sc.hit_rate;
    if (key == "rho") return &sc.truncation_efficiency;
    if (key == "p") return &sc.accept_rate;
    if (key == "st" && sc.student_kind == StudentKind::Fraction) return &sc.student_fraction;
    return nullptr;
}

// The exposed inputs: the registry's rows with an embed label that the link's `show` names, in the
// registry's order, each with the registry's label and help.
void draw_exposed_inputs(AppState& app) {
    const State& s = app.state;
    if (s.view.show.empty()) return;
    if (!begin_params("embed_inputs")) return;
    Scenario sc = s.scenario;
    bool changed = false;
    for (const StateField& f : state_fields()) {
        if (!f.label || !shown(s, f.key)) continue;
        const std::string key(f.key);
        if (f.key == "sc") {
            param_label(f.label, f.help);
            const auto& presets = scenario_presets();
            std::vector<const char*> labels;
            int current = -1;
            const ScenarioPreset* matching = matching_preset(s.scenario);
            for (std::size_t i = 0; i < presets.size(); ++i) {
                labels.push_back(presets[i].name);
                if (matching == &presets[i]) current = static_cast<int>(i);
            }
            int chosen = current;
            if (segmented("presets", labels.data(), static_cast<int>(labels.size()), &chosen, ImGui::GetContentRegionAvail().x)) {
                State next = s;
                next.scenario = presets[static_cast<std::size_t>(chosen)].scenario;
                app.edit(std::move(next));
                sc = app.state.scenario;
            }
        } else if (f.key == "in") {
            param_label(f.label, f.help);
            std::int64_t v = s.input_h;
            if (int_input(app, "input.h", "##in", s.input_h, &v, -FLT_MIN)) {
                State next = s;
                next.input_h = next.input_w = v;
                app.edit(std::move(next), "input.h", std::to_string(v));
            }
        } else if (double* value = exposed_fraction(sc, f.key)) {
            param_label(f.label, f.help);
            changed |= percent_slider(key.c_str(), value, f.label);
        }
    }
    end_params();
    if (changed) app.edit_scenario(sc);
}

} // namespace

void draw_embed_view(AppState& app) {
    const State& s = app.state;
    const Derived& d = app.derived;
    const Palette& pal = palette();

    // Title line with the link to the full calculator on the right.
    ImGui::AlignTextToFramePadding();
    text_colored(pal.accent, "Flopscope");
    ImGui::SameLine();
    const ScenarioPreset* preset = matching_preset(s.scenario);
    const std::string what = s.model + (s.scenario_enabled ? " · " + (preset ? std::string(preset->label) : "custom scenario") : "");
    const char* open = "Open in Flopscope ↗";
    const float w = ImGui::CalcTextSize(open).x + ImGui::GetStyle().FramePadding.x * 2;
    // What the embed shows, cut short ("…", all of it in the tooltip) where it would run under the link.
    const std::string what_shown = fit_text(what, ImGui::GetContentRegionMax().x - w - ImGui::GetStyle().ItemSpacing.x - ImGui::GetCursorPosX());
    text_muted(what_shown.c_str());
    if (what_shown != what) item_help(what.c_str());
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetContentRegionMax().x - w));
    if (ImGui::SmallButton(open)) app.platform.open_in_new_tab(app.share_url(full_view_state(s)));
    track_item("Open in Flopscope");
    item_help("Opens the full calculator on this state in a new tab.");

    draw_notices(app);
    draw_results(app, true);

    // The chart takes the height the inputs below it leave, so the view fits its frame exactly: a
    // hidden overflow would scroll the embed by a few pixels instead of the host page. The inputs'
    // height is the one measured in the last frame (an estimate in the first; the loop always draws a
    // few frames after any change, which corrects it).
    ImGuiStorage& storage = *ImGui::GetStateStorage();
    const ImGuiID inputs_key = ImGui::GetID("embed_inputs_height");
    const float estimate = static_cast<float>(s.view.show.size()) * ImGui::GetFrameHeightWithSpacing() + em(0.5f);
    const float inputs_h = storage.GetFloat(inputs_key, estimate);
    const float chart_h = std::max(em(9), std::floor(ImGui::GetContentRegionAvail().y - inputs_h));
    const ImVec2 size(ImGui::GetContentRegionAvail().x, chart_h);
    if (s.scenario_enabled && d.results.scenario.ok() && shown(s, "payoff") && s.scenario.mode != ScenarioMode::ResultCache) {
        draw_payoff_chart(app, size);
    } else if (s.scenario_enabled && d.results.scenario.ok()) {
        const bool rate_chart = !mode_info(s.scenario.mode).caches_channels || (shown(s, "h") && !shown(s, "f"));
        draw_sweep_chart(app, rate_chart ? SweepParameter::Rate : SweepParameter::CachedFraction, size);
    } else {
        draw_layer_chart(app, ImVec2(size.x, 0));
    }
    const float inputs_top = ImGui::GetCursorPosY();
    draw_exposed_inputs(app);
    // From the inputs' top to below their last row, with the item spacing that follows it (the chart's
    // own spacing above them is not followed by one at the bottom of the window).
    storage.SetFloat(inputs_key, s.view.show.empty() ? 0.0f : ImGui::GetCursorPosY() - inputs_top);
}

} // namespace flopscope::app
