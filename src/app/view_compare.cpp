// Flopscope app — scenarios side by side: the three presets (the seed notebook's three sections) and the
// current custom scenario, on the current network, with a button to switch to any of them.
#include "app/widgets.h"

#include <algorithm>
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

enum class Value {
    CachedFraction, HitRate, Truncation, Before, Computed, Student, Lookup, After, PercentOfBaseline, Saved,
    BreakEvenRate, BreakEvenFraction, Memory, PercentOfFull
};

struct Row {
    std::string name;
    const char* tooltip;
    Value value;
};

// A row's value in a column, at a number width (percentages: 2, 1 or 0 decimals).
std::string cell(Value v, const Column& c, NumberWidth w, double baseline, bool exact) {
    const int percent_decimals = w == NumberWidth::Full ? 2 : w == NumberWidth::Short ? 1 : 0;
    const ScenarioResult& r = *c.result;
    switch (v) {
    case Value::CachedFraction: return format_fraction_percent(c.scenario->cached_fraction, 1);
    case Value::HitRate: return format_fraction_percent(c.scenario->hit_rate, 1);
    case Value::Truncation: return format_double(c.scenario->truncation_efficiency);
    case Value::Before: return format_cost(baseline, "FLOPs", exact, w);
    case Value::Computed: return format_cost(r.computed_flops, "FLOPs", exact, w);
    case Value::Student: return format_cost(r.student_flops, "FLOPs", exact, w);
    case Value::Lookup: return format_cost(r.lookup_flops, "FLOPs", exact, w);
    case Value::After: return format_cost(r.total_flops, "FLOPs", exact, w);
    case Value::PercentOfBaseline: return format_percent(r.percent_of_baseline, percent_decimals);
    case Value::Saved: return format_cost_as(r.saved_flops, baseline, "FLOPs", exact, w);
    case Value::BreakEvenRate: return optional_fraction(r.break_even_rate);
    case Value::BreakEvenFraction: return optional_fraction(r.break_even_cached_fraction);
    case Value::Memory: return format_bytes(r.partial_cache_bytes_per_entry);
    case Value::PercentOfFull: return format_percent(r.percent_of_full_network, std::min(1, percent_decimals));
    }
    return {};
}

} // namespace

void draw_compare(AppImpl& app) {
    const Derived& d = app.derived;
    const State& s = app.state;
    if (d.curves.presets.empty() || !d.results.evaluation.ok()) {
        text_muted("The comparison needs a valid network.");
        return;
    }
    const Palette& pal = palette();
    const auto& presets = scenario_presets();
    std::vector<Column> cols;
    const bool scenario_on = s.scenario_enabled && d.results.scenario.ok();
    const ScenarioPreset* current_preset = matching_preset(s.scenario);
    bool current_is_preset = false;
    for (std::size_t i = 0; i < presets.size() && i < d.curves.presets.size(); ++i) {
        const bool current = scenario_on && current_preset == &presets[i];
        current_is_preset |= current;
        cols.push_back({presets[i].name, presets[i].label, &presets[i].scenario, &d.curves.presets[i], current});
    }
    if (scenario_on && !current_is_preset)
        cols.push_back({"custom", "your scenario", &s.scenario, &d.results.scenario, true});

    // Rows: a name (with its explanation) and each column's value at a number width. The whole table uses
    // one width: the widest whose values fit the columns the room allows (see fit below).
    const double baseline = d.curves.presets.front().baseline_flops;
    const bool exact = s.view.exact;
    const std::string rate_tip = [] {
        std::string t = "The minimum rate for caching to pay off (a cascade's accept rate p, else the hit rate h); "
                        "\"never\" when no rate below 100 % is enough.";
        for (int m = 0; m < kScenarioModeCount; ++m) {
            const ModeInfo& info = mode_info(static_cast<ScenarioMode>(m));
            t += std::string("\n") + info.label + ": " + info.break_even_formula;
        }
        return t;
    }();
    std::vector<Row> rows = {
        {"Cached fraction f", "f: share of each eligible layer's output channels served from the cache.", Value::CachedFraction},
        {"Hit rate h", "h: how often the cache has a usable entry.", Value::HitRate},
        {"Truncation ρ", "ρ = 1: skipped channels cost nothing (ideal truncation); ρ = 0: everything is still computed.",
         Value::Truncation},
        {"FLOPs before caching", "The baseline: the network without caching.", Value::Before},
        {"FLOPs still computed", "The network's FLOPs that still run with caching: Σ (1 − ρ·h·f_l)·C_l (the seed "
         "notebook printed this as \"FLOPs of cached layers\").", Value::Computed},
        {"Student model", "S: the student's FLOPs, run on every input.", Value::Student},
        {"Lookup", "L: key computation and search per query.", Value::Lookup},
        {"FLOPs after caching", "S + L + the FLOPs still computed.", Value::After},
        {"% of the baseline", "FLOPs after caching ÷ FLOPs before caching.", Value::PercentOfBaseline},
        {"FLOPs saved", "Before − after; negative when caching costs more than not caching.", Value::Saved},
        {"Break-even rate h* / p*", rate_tip.c_str(), Value::BreakEvenRate},
        {"Break-even fraction f*", "The minimum global cached fraction f for caching to pay off, on the tile-rounded "
         "cost (partial reuse).", Value::BreakEvenFraction},
        {"Cache memory / entry", "Per-layer partial cache at the scenario's precision.", Value::Memory},
    };
    if (!d.curves.presets.front().full_network.empty())
        rows.push_back({"% of full " + d.curves.presets.front().full_network,
                        "With the rest of the full network still running: (cost with caching + the untouched layers) ÷ "
                        "the full network's FLOPs.",
                        Value::PercentOfFull});
    auto value = [&](const Row& r, const Column& c, NumberWidth w) { return cell(r.value, c, w, baseline, exact); };

    // Fit: row names take the room they need up to ~40 % (longer ones wrap); the value columns share the
    // rest. Numbers get shorter until they fit; when even the shortest don't, the table keeps its natural
    // width and scrolls sideways (by touch too, see touch_scroll.cpp).
    const float avail = ImGui::GetContentRegionAvail().x;
    const float pad = ImGui::GetStyle().CellPadding.x * 2.0f;
    float name_w = text_width("per inference");
    for (const Row& r : rows) name_w = std::max(name_w, text_width(r.name));
    name_w = std::min(name_w, std::max(em(6.5f), avail * 0.4f));
    const float value_room = (avail - name_w - pad * static_cast<float>(cols.size() + 1)) / static_cast<float>(cols.size());
    auto needed = [&](NumberWidth w) {
        float most = em(3.5f);  // room for the "Use" button
        for (const Column& c : cols) {
            most = std::max(most, text_width(c.title));
            for (const Row& r : rows) most = std::max(most, text_width(value(r, c, w)));
        }
        return most;
    };
    NumberWidth width = NumberWidth::Tiny;
    float value_w = 0;
    for (NumberWidth w : kNumberWidths) {
        width = w;
        value_w = needed(w);
        if (value_w <= value_room) break;
    }
    const bool scroll = value_w > value_room;
    if (scroll) ImGui::BeginChild("compare_scroll", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY, ImGuiWindowFlags_HorizontalScrollbar);

    const int ncols = static_cast<int>(cols.size()) + 1;
    ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuterH | ImGuiTableFlags_NoSavedSettings |
                            ImGuiTableFlags_PadOuterX;
    flags |= scroll ? ImGuiTableFlags_SizingFixedFit : ImGuiTableFlags_SizingStretchProp;
    const float natural_w = name_w + value_w * static_cast<float>(cols.size()) + pad * static_cast<float>(ncols);
    if (!ImGui::BeginTable("compare", ncols, flags, ImVec2(scroll ? natural_w : 0.0f, 0.0f))) {
        if (scroll) ImGui::EndChild();
        return;
    }
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, name_w);
    for (const Column& c : cols)
        ImGui::TableSetupColumn(c.title, scroll ? ImGuiTableColumnFlags_WidthFixed : ImGuiTableColumnFlags_WidthStretch,
                                scroll ? value_w : 1.0f);

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

    for (const Row& r : rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(r.name.c_str());
        ImGui::PopTextWrapPos();
        item_help(r.tooltip);
        for (const Column& c : cols) {
            ImGui::TableNextColumn();
            if (c.current) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(pal.accent_soft));
            const bool saving = r.value == Value::PercentOfBaseline || r.value == Value::Saved;
            text_right(value(r, c, width), saving ? (c.result->saved_flops < 0 ? &pal.warn : &pal.good) : nullptr);
        }
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
    if (scroll) ImGui::EndChild();
}

} // namespace flopscope::app
