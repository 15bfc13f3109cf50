// Flopscope app — the results: baseline vs with caching as big plain numbers, the saving (a warning
// colour when caching costs more), the break-even sentence, cache memory per entry, and the context when
// the network is a part of a larger one. `compact` is the one-line strip shown above the narrow tabs.
#include "app/widgets.h"

#include <array>

namespace flopscope::app {

namespace {

// A number at each NumberWidth (kNumberWidths' order), for a card to pick the widest that fits.
using Widths = std::array<std::string, 3>;
Widths cost_widths(double v, double reference, const char* unit, bool exact) {
    Widths out;
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = format_cost_as(v, reference, unit, exact, kNumberWidths[i]);
    return out;
}

// A stat card: a muted caption, a big number (the widest form that fits its column), a muted line under
// it (both lines wrap).
void card(const char* caption, const Widths& value, const std::string& sub, const ImVec4* color, const char* tooltip) {
    ImGui::PushTextWrapPos(0.0f);
    text_muted(caption);
    item_help(tooltip);
    const float room = ImGui::GetContentRegionAvail().x;
    std::size_t i = 0;
    while (i + 1 < value.size() && big_text_width(value[i].c_str()) > room) ++i;
    text_big(value[i].c_str(), color);
    item_help(tooltip);
    ImGui::PushStyleColor(ImGuiCol_Text, color ? *color : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextUnformatted(sub.c_str());
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
}
void card(const char* caption, const std::string& value, const std::string& sub, const ImVec4* color, const char* tooltip) {
    card(caption, Widths{value, value, value}, sub, color, tooltip);
}

// "This network is 76.6 % of resnet18 (3.6281 GFLOPs); with the rest of resnet18 still running, caching
// costs 123.0 % of it."
std::string part_of_sentence(const ScenarioResult& r) {
    if (r.full_network.empty() || r.full_network_flops <= 0) return {};
    return "These layers are " + format_percent(r.baseline_flops / r.full_network_flops * 100.0, 1) + " of " +
           r.full_network + " (" + format_cost(r.full_network_flops, "FLOPs", false) + "). With the rest of " +
           r.full_network + " still running, caching costs " + format_percent(r.percent_of_full_network, 1) +
           " of the full network.";
}

void draw_network_only(AppState& app) {
    const Derived& d = app.derived;
    const Totals& t = d.results.evaluation.totals;
    const State& s = app.state;
    const bool exact = s.view.exact;
    if (ImGui::BeginTable("totals_cards", 3, ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_NoSavedSettings)) {
        ImGui::TableNextColumn();
        card((std::string(unit_label(s.view.unit)) + " per inference").c_str(),
             cost_widths(d.total_cost, d.total_cost, unit_label(s.view.unit), exact), std::to_string(d.results.network.layers.size()) + " layers",
             nullptr, describe(s.counting).c_str());
        ImGui::TableNextColumn();
        card("Parameters", format_amount(static_cast<double>(t.params.value), exact), "learnable weights", nullptr,
             "Weights, biases and batch-norm scale/shift of every layer.");
        ImGui::TableNextColumn();
        card("Activations", format_bytes(activation_bytes(t.activation_elements.value)),
             "all layer outputs at FP32", nullptr, "The sum of every layer's output tensor, at 4 bytes per element.");
        ImGui::EndTable();
    }
    text_muted("Caching scenario off: turn it on in the scenario panel to compare costs.");
}

} // namespace

void draw_results(AppState& app, bool compact) {
    const Derived& d = app.derived;
    const Results& res = d.results;
    const State& s = app.state;
    const Palette& pal = palette();

    if (!res.ok()) {
        text_wrapped_colored(pal.warn, ("Can't compute this: " + res.error).c_str());
        if (res.evaluation.layers.empty()) return;
    }
    if (!s.scenario_enabled || !res.scenario.ok()) {
        if (!compact) {
            draw_network_only(app);
            draw_time_results(app);
        } else text_muted((format_cost(d.total_cost, unit_label(s.view.unit), s.view.exact) + " per inference").c_str());
        return;
    }

    const ScenarioResult& r = res.scenario;
    const bool costs_more = r.saved_flops < 0;
    const ImVec4 saving_color = costs_more ? pal.warn : pal.good;
    const double saved_pct = r.percent_saved;

    if (compact) {
        // One line, wrapping between its parts when narrow: baseline, with caching (percent), saving.
        // Parts after the first on a line are set off by a dot.
        const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        bool line_start = true, first = true;
        auto part = [&](const char* label, const std::string& value, const ImVec4* color) {
            auto lead = [&] { return (line_start ? std::string() : std::string("· ")) + label; };
            auto width = [&] {
                const std::string l = lead();
                return (l.empty() ? 0.0f : ImGui::CalcTextSize(l.c_str()).x + gap) + ImGui::CalcTextSize(value.c_str()).x;
            };
            if (!line_start) {
                const float x = ImGui::GetItemRectMax().x + gap;
                if (x + width() <= right) ImGui::SameLine();
                else line_start = true;
            }
            if (first) ImGui::AlignTextToFramePadding();  // wrapped lines: plain text lines, closer together
            const std::string l = lead();
            if (!l.empty()) {
                text_muted(l.c_str());
                ImGui::SameLine();
            }
            if (color) text_colored(*color, value.c_str());
            else ImGui::TextUnformatted(value.c_str());
            line_start = first = false;
        };
        part("Baseline", format_cost(r.baseline_flops, "FLOPs", false), nullptr);
        part("with caching", format_cost(r.total_flops, "FLOPs", false) + " (" + format_percent(r.percent_of_baseline) + ")", nullptr);
        part("", costs_more ? "costs " + format_percent(-saved_pct) + " more" : "saves " + format_percent(saved_pct), &saving_color);
        ImGui::Separator();
        return;
    }

    const int columns = ImGui::GetContentRegionAvail().x > em(44) ? 4 : 2;
    if (ImGui::BeginTable("result_cards", columns, ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_NoSavedSettings |
                                                       ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableNextColumn();
        // The counting convention is named next to the total (its full statement in the tooltip).
        const std::string baseline_tip = "The network's FLOPs per inference without any caching.\nCounting: " +
                                         describe(s.counting) + " (see \"About the counting\").";
        card("Baseline (no caching)", cost_widths(r.baseline_flops, r.baseline_flops, "FLOPs", s.view.exact),
             std::to_string(res.network.layers.size()) + " layers · " + s.convention + " counting", nullptr,
             baseline_tip.c_str());
        ImGui::TableNextColumn();
        const bool of_full = s.view.full_network_view && !r.full_network.empty();
        card("With caching", cost_widths(r.total_flops, r.total_flops, "FLOPs", s.view.exact),
             of_full ? format_percent(r.percent_of_full_network) + " of the full " + r.full_network
                     : format_percent(r.percent_of_baseline) + " of the baseline",
             nullptr,
             (std::string("Expected FLOPs per inference with caching: the network's FLOPs still computed + the "
                          "student + the lookup.\n") + mode_info(s.scenario.mode).label + ": " +
              mode_info(s.scenario.mode).formula).c_str());
        ImGui::TableNextColumn();
        card("Saving", cost_widths(r.saved_flops, r.baseline_flops, "FLOPs", s.view.exact),
             costs_more ? "caching costs " + format_percent(-saved_pct) + " more" : format_percent(saved_pct) + " of the baseline",
             &saving_color, "baseline − with caching; negative when caching costs more than not caching.");
        ImGui::TableNextColumn();
        const ModeInfo& mode = mode_info(s.scenario.mode);
        if (mode.caches_channels) {
            card("Cache memory per entry", format_bytes(r.partial_cache_bytes_per_entry),
                 std::string(precision_label(s.scenario.precision)) + " · cut point " + format_bytes(r.cut_point_bytes_per_entry),
                 nullptr, "Per-layer partial cache: Σ f_l·H_l·W_l·C_l·b bytes per entry over the eligible layers.\n"
                          "Cut-point cache: the tensor crossing the cut after the last eligible layer, × b.\n"
                          "b = bytes per element of the chosen precision.");
        } else {
            const std::string be = r.break_even_rate ? format_fraction_percent(*r.break_even_rate, 1) : "never";
            card(mode.break_even_label, be, "pays off above this", nullptr, mode.break_even_formula);
        }
        ImGui::EndTable();
    }

    draw_time_results(app);  // the same in seconds and joules, when a device is chosen
    ImGui::Spacing();
    text_wrapped_colored(saving_color, savings_sentence(r).c_str());
    paragraph(break_even_sentence(s.scenario, r).c_str());
    if (mode_info(s.scenario.mode).caches_channels && s.scenario.cache_entries > 1) {
        const std::string mem = "For " + with_commas_signed(s.scenario.cache_entries) + " entries: " +
                                format_bytes(r.partial_cache_bytes_total) + " as a per-layer cache, " +
                                format_bytes(r.cut_point_bytes_total) + " as a cut-point cache.";
        paragraph(mem.c_str());
    }
    if (const std::string part = part_of_sentence(r); !part.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        paragraph(part.c_str());
        ImGui::PopStyleColor();
        bool of_full = s.view.full_network_view;
        const std::string label = "Show the cost with caching as a percentage of the full " + r.full_network;
        if (checkbox_wrapped(label.c_str(), &of_full)) {
            State next = s;
            next.view.full_network_view = of_full;
            app.edit(std::move(next));
        }
        item_help("The full network's untouched layers still run: (cost with caching + those layers) ÷ the full "
                  "network's FLOPs.");
    }
}

} // namespace flopscope::app
