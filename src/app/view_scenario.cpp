// Flopscope app — the scenario panel: presets (optimistic / realistic / full / custom) and every parameter
// of the core's Scenario as a slider with exact typed entry, each with a tooltip giving its meaning and the
// formula it enters.
#include "app/widgets.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace flopscope::app {

namespace {

constexpr const char* kHelpF =
    "f: the fraction of each cache-eligible layer's output channels served from the cache (one global value; "
    "per-layer values are set in the Layers table).";
constexpr const char* kHelpRho =
    "ρ: the fraction of a skipped channel's FLOPs that is really saved. 1 = the convolution computes only the "
    "uncached channels (the seed's optimistic case); 0 = everything is still computed (the seed's realistic "
    "case).";
constexpr const char* kHelpG =
    "g: hardware computes output channels in tiles of g (8, 16, 32). The kept channels round up: "
    "kept = ceil((1 − f)·C_out / g)·g, so the effective skipped fraction is smaller than f. Skipping 20 % of 64 "
    "channels saves 12.5 % at g = 8 and nothing at g = 32.";
constexpr const char* kHelpStudent =
    "S: the student model's cost, paid on every input. As a fraction σ = S / B of the whole network's FLOPs (the "
    "seed uses 50 %), as an absolute FLOP count, or as a built-in model at the same input resolution.";
constexpr const char* kHelpLookup =
    "L: the cost of finding the cache entry per query. An absolute FLOP count, or a nearest-neighbour search "
    "over E keys of dimension d: L = 2·d·E FLOPs (and d·E·b bytes read).";
constexpr const char* kHelpE = "E: the number of entries in the cache. Sets the cache memory (E × the bytes per "
                               "entry) and the nearest-neighbour search cost.";
constexpr const char* kHelpPrecision = "b: bytes per cached element: FP32 = 4, FP16 = 2, INT8 = 1.";
constexpr const char* kHelpEligible =
    "The conv and linear layers in this range are cache-eligible (their f applies); the others always count in "
    "full. T, the touched cost, is the eligible layers' FLOPs.";
// A parameter's meaning followed by the current mode's formula (from the core's mode descriptor).
std::string with_formula(const char* meaning, ScenarioMode m) {
    return std::string(meaning) + "\n" + mode_info(m).formula;
}

std::string mode_help() {
    std::string help;
    for (int m = 0; m < kScenarioModeCount; ++m) {
        const ModeInfo& info = mode_info(static_cast<ScenarioMode>(m));
        help += std::string(m ? "\n" : "") + info.label + ": " + info.description;
    }
    return help;
}

// An integer parameter typed by hand: `field` takes the value, and the edit is keyed for validation
// (a rejected value is marked on this field). Returns true when the user entered a number.
bool int_param(AppState& app, const char* key, const char* id, std::int64_t& field, std::string& edit_key,
               std::string& shown) {
    std::int64_t v = field;
    if (!int_input(app, key, id, field, &v, -FLT_MIN)) return false;
    field = v;
    edit_key = key;
    shown = std::to_string(v);
    return true;
}

void draw_presets(AppState& app) {
    const auto& presets = scenario_presets();
    const int n = static_cast<int>(presets.size());
    std::vector<const char*> labels;
    int current = n;  // "custom"
    const ScenarioPreset* matching = matching_preset(app.state.scenario);
    for (int i = 0; i < n; ++i) {
        labels.push_back(presets[static_cast<std::size_t>(i)].name);
        if (matching == &presets[static_cast<std::size_t>(i)]) current = i;
    }
    labels.push_back("custom");  // lit when the parameters match no preset; edits below make it so
    int chosen = current;
    if (segmented("presets", labels.data(), n + 1, &chosen, ImGui::GetContentRegionAvail().x) && chosen < n) {
        State next = app.state;
        next.scenario = presets[static_cast<std::size_t>(chosen)].scenario;
        app.edit(std::move(next));
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    if (matching) paragraph((std::string(matching->label) + ": " + matching->description + ".").c_str());
    else paragraph("Custom: your own parameters. Pick a preset to start again from the seed's numbers.");
    ImGui::PopStyleColor();
}

// The eligible layer range as two combos of layer names.
void draw_eligible(AppState& app, Scenario& sc, bool& changed) {
    const Network& net = app.derived.results.network;
    const int n = static_cast<int>(net.layers.size());
    if (n == 0) return;
    auto name_of = [&](int i) {
        return std::to_string(i + 1) + " " + net.layers[static_cast<std::size_t>(i)].name;
    };
    const int first = std::clamp(sc.eligible_first, 0, n - 1);
    const int last = sc.eligible_last < 0 ? n - 1 : std::clamp(sc.eligible_last, 0, n - 1);
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemInnerSpacing.x) * 0.5f;
    // Two combos side by side when both names fit; else one above the other.
    const float frame = ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2;
    const bool stack = std::max(ImGui::CalcTextSize(name_of(first).c_str()).x, ImGui::CalcTextSize(name_of(last).c_str()).x) + frame > half;
    ImGui::SetNextItemWidth(stack ? -FLT_MIN : half);
    if (ImGui::BeginCombo("##from", name_of(first).c_str(), ImGuiComboFlags_HeightLarge)) {
        for (int i = 0; i <= last; ++i) {
            if (ImGui::Selectable(name_of(i).c_str(), i == first)) {
                sc.eligible_first = i;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    item_help("First cache-eligible layer");
    if (!stack) ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::BeginCombo("##to", name_of(last).c_str(), ImGuiComboFlags_HeightLarge)) {
        for (int i = first; i < n; ++i) {
            if (ImGui::Selectable(name_of(i).c_str(), i == last)) {
                sc.eligible_last = i == n - 1 ? -1 : i;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    item_help("Last cache-eligible layer");
}

void draw_student(AppState& app, Scenario& sc, bool& changed) {
    param_label("Student", kHelpStudent);
    int kind = static_cast<int>(sc.student_kind);
    if (segmented("student_kind", kStudentKindLabels.data(), static_cast<int>(kStudentKindLabels.size()), &kind, ImGui::GetContentRegionAvail().x)) {
        sc.student_kind = static_cast<StudentKind>(kind);
        if (sc.student_kind == StudentKind::Model && sc.student_model.empty()) sc.student_model = "mobilenet_v3_small";
        if (sc.student_kind == StudentKind::Model && !find_model(sc.student_model)) sc.student_model = model_zoo().front().name;
        // Keep the student the core is using now (σ·B for a fraction, or the model's FLOPs).
        if (sc.student_kind == StudentKind::Flops && sc.student_flops <= 0)
            sc.student_flops = app.derived.results.scenario.student_flops;
        changed = true;
    }
    switch (sc.student_kind) {
    case StudentKind::Fraction: {
        constexpr const char* kHelpSigma =
            "σ = S / B: the student's FLOPs as a fraction of the whole network's FLOPs (the seed: 50 %).";
        param_label("  σ (of the network)", kHelpSigma);
        double v = sc.student_fraction;
        if (percent_slider("sigma", &v, kHelpSigma)) {
            sc.student_fraction = v;
            changed = true;
        }
        break;
    }
    case StudentKind::Flops: {
        param_label("  S (FLOPs)", "The student's FLOPs per inference.");
        double v = sc.student_flops;
        if (amount_input("student_flops", &v, "FLOPs")) {
            sc.student_flops = std::min(v, kMaxAbsoluteFlops);
            changed = true;
        }
        break;
    }
    case StudentKind::Model: {
        param_label("  Model", "A built-in network as the student, at the same input resolution.");
        if (ImGui::BeginCombo("##student_model", sc.student_model.c_str(), ImGuiComboFlags_HeightLarge)) {
            const char* family = nullptr;
            for (const ZooEntry& e : app.zoo_catalogue()) {
                if (!family || std::string(family) != e.info->family) {
                    family = e.info->family;
                    ImGui::SeparatorText(family);
                }
                if (ImGui::Selectable(e.info->name, sc.student_model == e.info->name)) {
                    sc.student_model = e.info->name;
                    changed = true;
                }
                if (e.macs > 0) item_help((format_cost(e.macs, "MACs", false, 3) + " at " +
                                           std::to_string(e.info->default_resolution) + "×" +
                                           std::to_string(e.info->default_resolution)).c_str());
            }
            ImGui::EndCombo();
        }
        break;
    }
    case StudentKind::Count_: break;
    }
}

void draw_lookup(AppState& app, Scenario& sc, bool& changed, std::string& key, std::string& shown) {
    param_label("Lookup", kHelpLookup);
    int kind = static_cast<int>(sc.lookup_kind);
    if (segmented("lookup_kind", kLookupKindLabels.data(), static_cast<int>(kLookupKindLabels.size()), &kind, ImGui::GetContentRegionAvail().x)) {
        sc.lookup_kind = static_cast<LookupKind>(kind);
        changed = true;
    }
    if (sc.lookup_kind == LookupKind::Flops) {
        param_label("  L (FLOPs)", "The lookup's FLOPs per query.");
        double v = sc.lookup_flops;
        if (amount_input("lookup_flops", &v, "FLOPs")) {
            sc.lookup_flops = std::min(v, kMaxAbsoluteFlops);
            changed = true;
        }
    } else {
        param_label("  Key dim d", "d: the dimension of the keys searched; L = 2·d·E FLOPs.");
        changed |= int_param(app, "scenario.key_dim", "##key_dim", sc.key_dim, key, shown);
    }
}

} // namespace

void draw_scenario_panel(AppState& app) {
    section("Caching scenario");
    State& st = app.state;
    bool enabled = st.scenario_enabled;
    if (ImGui::Checkbox("Compare with caching", &enabled)) {
        State next = st;
        next.scenario_enabled = enabled;
        app.edit(std::move(next));
    }
    item_help("Off: only the network's own costs are shown.");
    if (!st.scenario_enabled) return;

    draw_presets(app);
    ImGui::Spacing();

    Scenario sc = st.scenario;
    bool changed = false;
    std::string key, shown;

    if (begin_params("scenario_params")) {
        const std::string help_mode = mode_help();
        param_label("Mode", help_mode.c_str());
        const char* modes[kScenarioModeCount];
        for (int m = 0; m < kScenarioModeCount; ++m) modes[m] = mode_info(static_cast<ScenarioMode>(m)).label;
        int mode = static_cast<int>(sc.mode);
        if (ImGui::Combo("##mode", &mode, modes, kScenarioModeCount)) {
            sc.mode = static_cast<ScenarioMode>(mode);
            changed = true;
        }
        const ModeInfo& info = mode_info(sc.mode);
        const std::string help_rate = with_formula(info.rate_help, sc.mode) + "\n" + info.break_even_formula;
        const std::string rate_label = std::string(1, static_cast<char>(std::toupper(info.rate_name[0]))) +
                                       (info.rate_name + 1) + " " + info.rate_symbol;
        double& rate = sc.mode == ScenarioMode::Cascade ? sc.accept_rate : sc.hit_rate;

        if (info.caches_channels) {
            const std::string help_f = with_formula(kHelpF, sc.mode);
            param_label("Cached fraction f", help_f.c_str());
            changed |= percent_slider("f", &sc.cached_fraction, help_f.c_str());
        }
        param_label(rate_label.c_str(), help_rate.c_str());
        changed |= percent_slider(info.rate_symbol, &rate, help_rate.c_str());
        if (info.caches_channels) {
            const std::string help_rho = with_formula(kHelpRho, sc.mode);
            param_label("Truncation ρ", help_rho.c_str());
            {
                static const char* choices[] = {"truncate", "recompute", "other"};
                int which = sc.truncation_efficiency == 1.0 ? 0 : (sc.truncation_efficiency == 0.0 ? 1 : 2);
                const bool picked = segmented("rho_choice", choices, 3, &which, ImGui::GetContentRegionAvail().x);
                item_help("truncate: ρ = 1, skipped channels cost nothing. recompute: ρ = 0, everything is still "
                          "computed. other: any ρ in between.");
                if (picked) {
                    sc.truncation_efficiency = which == 0 ? 1.0 : (which == 1 ? 0.0 : 0.5);
                    changed = true;
                }
                if (which == 2) {
                    param_label("  ρ", help_rho.c_str());
                    changed |= percent_slider("rho", &sc.truncation_efficiency, help_rho.c_str());
                }
            }
            param_label("Channel tiles g", kHelpG);
            {
                static const std::int64_t tiles[] = {0, 8, 16, 32};
                static const char* labels[] = {"none", "8", "16", "32"};
                int which = -1;
                for (int i = 0; i < 4; ++i)
                    if (sc.channel_granularity == tiles[i]) which = i;
                int chosen = which;
                if (segmented("g", labels, 4, &chosen, ImGui::GetContentRegionAvail().x) && chosen >= 0) {
                    sc.channel_granularity = tiles[chosen];
                    changed = true;
                }
                if (which < 0) {
                    param_label("  g", kHelpG);
                    changed |= int_param(app, "scenario.g", "##g_value", sc.channel_granularity, key, shown);
                }
            }
            param_label("Eligible layers", kHelpEligible);
            draw_eligible(app, sc, changed);
        }

        if (info.has_student) draw_student(app, sc, changed);
        draw_lookup(app, sc, changed, key, shown);

        param_label("Cache entries E", kHelpE);
        changed |= int_param(app, "scenario.E", "##entries", sc.cache_entries, key, shown);
        param_label("Precision b", kHelpPrecision);
        {
            int p = static_cast<int>(sc.precision);
            if (segmented("precision", kPrecisionLabels.data(), static_cast<int>(kPrecisionLabels.size()), &p, ImGui::GetContentRegionAvail().x)) {
                sc.precision = static_cast<Precision>(p);
                changed = true;
            }
        }
        end_params();
    }
    if (changed) {
        app.edit_scenario(sc, key, shown);
    }
    for (const char* k : {"scenario.g", "scenario.E", "scenario.key_dim"}) {
        if (const PendingEdit* p = app.pending_for(k)) text_wrapped_colored(palette().warn, p->message.c_str());
    }
    if (mode_info(sc.mode).caches_channels && !st.scenario.overrides.empty()) {
        const std::string text = std::to_string(st.scenario.overrides.size()) +
                                 " layer(s) have their own cached fraction (Layers table).";
        text_muted(text.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("Clear")) {
            Scenario cleared = st.scenario;
            cleared.overrides.clear();
            app.edit_scenario(cleared);
        }
    }
}

} // namespace flopscope::app
