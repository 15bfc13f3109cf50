// Flopscope app — scenarios side by side: the three presets (the seed notebook's three sections) and the
// current custom scenario, on the current network, with a button to switch to any of them.
#include "app/widgets.h"

#include <cstdio>

namespace flopscope::app {

namespace {

struct Column {
    const char* title;
    const char* label;
    const Scenario* scenario;
    const ScenarioResult* result;
    bool current;
};

void text_right(const std::string& text, const ImVec4* color = nullptr) {
    const float w = ImGui::CalcTextSize(text.c_str()).x;
    const float avail = ImGui::GetContentRegionAvail().x;
    if (avail > w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - w);
    if (color) text_colored(*color, text.c_str());
    else ImGui::TextUnformatted(text.c_str());
}

std::string optional_fraction(const std::optional<double>& v) {
    return v ? format_fraction_percent(*v, 1) : std::string("never");
}

} // namespace

void draw_compare(AppImpl& app) {
    const Derived& d = app.derived;
    const State& s = app.state;
    if (d.presets.empty() || !d.results.evaluation.ok()) {
        text_muted("The comparison needs a valid network.");
        return;
    }
    const Palette& pal = palette();
    const auto& presets = scenario_presets();
    std::vector<Column> cols;
    const bool scenario_on = s.scenario_enabled && d.results.scenario.ok();
    const ScenarioPreset* current_preset = matching_preset(s.scenario);
    bool current_is_preset = false;
    for (std::size_t i = 0; i < presets.size() && i < d.presets.size(); ++i) {
        const bool current = scenario_on && current_preset == &presets[i];
        current_is_preset |= current;
        cols.push_back({presets[i].name, presets[i].label, &presets[i].scenario, &d.presets[i], current});
    }
    if (scenario_on && !current_is_preset)
        cols.push_back({"custom", "your scenario", &s.scenario, &d.results.scenario, true});

    const int ncols = static_cast<int>(cols.size()) + 1;
    const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuterH |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_NoSavedSettings |
                                  ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("compare", ncols, flags)) return;
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 1.5f);
    for (const Column& c : cols) ImGui::TableSetupColumn(c.title, ImGuiTableColumnFlags_WidthStretch, 1.0f);

    // Header: the scenario names, what each really is, and a button to use it.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    ImGui::TableNextColumn();
    text_muted("per inference");
    for (const Column& c : cols) {
        ImGui::TableNextColumn();
        if (c.current) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(pal.accent_soft));
        text_colored(c.current ? pal.accent : ImGui::GetStyleColorVec4(ImGuiCol_Text), c.title);
        track_item(std::string("compare:") + c.title);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(c.label);
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }

    const double baseline = d.presets.front().baseline_flops;
    auto row = [&](const char* name, const char* tooltip, auto&& cell) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(name);
        item_help(tooltip);
        for (const Column& c : cols) {
            ImGui::TableNextColumn();
            if (c.current) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(pal.accent_soft));
            cell(c);
        }
    };
    const bool exact = s.view.exact;
    auto flops = [&](double v) { return format_cost(v, "FLOPs", exact); };

    row("Cached fraction f · hit rate h", "f: share of each eligible layer's output channels served from the cache; "
        "h: how often the cache has a usable entry.", [&](const Column& c) {
        text_right(format_fraction_percent(c.scenario->cached_fraction, 1) + " · " +
                   format_fraction_percent(c.scenario->hit_rate, 1));
    });
    row("Truncation ρ", "ρ = 1: skipped channels cost nothing (ideal truncation); ρ = 0: everything is still "
        "computed.", [&](const Column& c) { text_right(format_double(c.scenario->truncation_efficiency)); });
    row("FLOPs before caching", "The baseline: the network without caching.",
        [&](const Column&) { text_right(flops(baseline)); });
    row("FLOPs still computed", "The network's FLOPs that still run with caching: Σ (1 − ρ·h·f_l)·C_l (the seed "
        "notebook printed this as \"FLOPs of cached layers\").", [&](const Column& c) {
        text_right(flops(c.result->computed_flops));
    });
    row("Student model", "S: the student's FLOPs, run on every input.",
        [&](const Column& c) { text_right(flops(c.result->student_flops)); });
    row("Lookup", "L: key computation and search per query.",
        [&](const Column& c) { text_right(flops(c.result->lookup_flops)); });
    row("FLOPs after caching", "S + L + the FLOPs still computed.", [&](const Column& c) {
        text_right(flops(c.result->total_flops));
    });
    row("% of the baseline", "FLOPs after caching ÷ FLOPs before caching.", [&](const Column& c) {
        const ImVec4 color = c.result->saved_flops < 0 ? pal.warn : pal.good;
        text_right(format_percent(c.result->percent_of_baseline), &color);
    });
    row("FLOPs saved", "Before − after; negative when caching costs more than not caching.", [&](const Column& c) {
        const ImVec4 color = c.result->saved_flops < 0 ? pal.warn : pal.good;
        text_right(format_cost_as(c.result->saved_flops, baseline, "FLOPs", exact), &color);
    });
    const std::string rate_tip = [] {
        std::string t = "The minimum rate for caching to pay off (a cascade's accept rate p, else the hit rate h); "
                        "\"never\" when no rate below 100 % is enough.";
        for (int m = 0; m < kScenarioModeCount; ++m) {
            const ModeInfo& info = mode_info(static_cast<ScenarioMode>(m));
            t += std::string("\n") + info.label + ": " + info.break_even_formula;
        }
        return t;
    }();
    row("Break-even rate h* / p*", rate_tip.c_str(), [&](const Column& c) {
        text_right(optional_fraction(c.result->break_even_rate));
    });
    row("Break-even fraction f*", "The minimum global cached fraction f for caching to pay off, on the "
        "tile-rounded cost (partial reuse).", [&](const Column& c) {
        text_right(optional_fraction(c.result->break_even_cached_fraction));
    });
    row("Cache memory / entry", "Per-layer partial cache at the scenario's precision.", [&](const Column& c) {
        text_right(format_bytes(c.result->partial_cache_bytes_per_entry));
    });
    if (!d.presets.front().full_network.empty()) {
        const std::string name = "% of full " + d.presets.front().full_network;
        row(name.c_str(), "With the rest of the full network still running: (cost with caching + the untouched "
            "layers) ÷ the full network's FLOPs.", [&](const Column& c) {
            text_right(format_percent(c.result->percent_of_full_network, 1));
        });
    }

    // Buttons to switch scenarios.
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    for (std::size_t i = 0; i < cols.size(); ++i) {
        const Column& c = cols[i];
        ImGui::TableNextColumn();
        ImGui::PushID(static_cast<int>(i));
        if (c.current) {
            ImGui::AlignTextToFramePadding();
            text_muted("in use");
        } else {
            const bool use = ImGui::Button("Use", ImVec2(-FLT_MIN, 0));
            track_item(std::string("use:") + c.title);
            if (use) {
                State next = s;
                next.scenario = *c.scenario;
                next.scenario_enabled = true;
                app.edit(std::move(next));
            }
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

} // namespace flopscope::app
