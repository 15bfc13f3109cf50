// Flopscope app — the embed view (state.view.embed, `&embed=1`): a compact page for an iframe in a docs page.
// The results in a line of big numbers, the main chart, the inputs the author exposed (view.show, by link
// key) and an "Open in Flopscope ↗" link to the full calculator on the same state.
#include "app/platform.h"
#include "app/widgets.h"

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

bool shown(const State& s, const char* key) {
    return std::find(s.view.show.begin(), s.view.show.end(), key) != s.view.show.end();
}

void draw_exposed_inputs(AppImpl& app) {
    const State& s = app.state;
    if (s.view.show.empty()) return;
    if (!begin_params("embed_inputs")) return;
    Scenario sc = s.scenario;
    bool changed = false;
    if (shown(s, "sc")) {
        param_label("Scenario", "The seed notebook's three scenarios, or your own.");
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
    }
    if (shown(s, "f")) {
        param_label("Cached fraction f", "The fraction of output channels served from the cache.");
        changed |= percent_slider("f", &sc.cached_fraction, "f");
    }
    if (shown(s, "h")) {
        param_label("Hit rate h", "How often the cache holds a usable entry.");
        changed |= percent_slider("h", &sc.hit_rate, "h");
    }
    if (shown(s, "rho")) {
        param_label("Truncation ρ", "1: skipped channels cost nothing; 0: everything is still computed.");
        changed |= percent_slider("rho", &sc.truncation_efficiency, "ρ");
    }
    if (shown(s, "p")) {
        param_label("Accept rate p", "Cascade: the fraction of inputs the student answers alone.");
        changed |= percent_slider("p", &sc.accept_rate, "p");
    }
    if (shown(s, "st") && sc.student_kind == StudentKind::Fraction) {
        param_label("Student σ", "The student's cost as a fraction of the network's.");
        changed |= percent_slider("st", &sc.student_fraction, "σ");
    }
    if (shown(s, "in")) {
        param_label("Input", "Input resolution (square).");
        std::int64_t v = s.input_h;
        if (int_input(app, "input.h", "##in", s.input_h, &v, -FLT_MIN)) {
            State next = s;
            next.input_h = next.input_w = v;
            app.edit(std::move(next), "input.h", std::to_string(v));
        }
    }
    end_params();
    if (changed) app.edit_scenario(sc);
}

} // namespace

void draw_embed_view(AppImpl& app) {
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
        const bool hit_chart = s.scenario.mode != ScenarioMode::PartialReuse || (shown(s, "h") && !shown(s, "f"));
        draw_sweep_chart(app, hit_chart ? SweepParameter::HitRate : SweepParameter::CachedFraction, size);
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
