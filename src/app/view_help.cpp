// Flopscope app — "About the counting": the convention in force (the core's describe()), MACs vs FLOPs,
// what each switch adds, what is never counted, and the caching formulas behind the results.
#include "app/widgets.h"
#include "core/conventions.h"

namespace flopscope::app {

namespace {

void bullet(const char* text) {
    ImGui::Bullet();
    paragraph(text);
}

// This network under every peer counter's convention; recomputed only when the results change.
void draw_conventions_table(AppState& app) {
    const Derived& d = app.derived;
    const std::vector<ConventionTotals>& rows = app.caches.conventions.get(d.generation, [&] {
        return d.results.evaluation.ok() ? compare_conventions(d.results.network) : std::vector<ConventionTotals>{};
    });
    if (rows.empty()) {
        text_muted("The network does not evaluate, so there is nothing to compare.");
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    // Names and numbers never wrap (draw_help wraps paragraphs); only the explanation column does.
    ImGui::PushTextWrapPos(-1.0f);
    if (!ImGui::BeginTable("conventions", 4, flags)) {
        ImGui::PopTextWrapPos();
        return;
    }
    ImGui::TableSetupColumn("convention", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("prints", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("difference from torchvision");
    ImGui::TableHeadersRow();
    for (const ConventionTotals& row : rows) {
        if (!row.error.empty()) continue;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row.convention->name);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\n\nSource: %s", row.convention->rule, row.convention->source);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(headline_unit(row.convention->headline));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(with_commas(row.value).c_str());
        ImGui::TableNextColumn();
        const std::string diff = explain_difference(row);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(diff.empty() ? "the same as torchvision" : diff.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::EndTable();
    ImGui::PopTextWrapPos();
    for (const Convention& conv : conventions()) {
        ImGui::Bullet();
        ImGui::TextUnformatted(conv.name);
        ImGui::SameLine();
        paragraph(conv.rule);
    }
}

} // namespace

void draw_help(AppState& app) {
    const State& s = app.state;
    ImGui::PushTextWrapPos(0.0f);

    section("The convention in force");
    text_colored(palette().accent, describe(s.counting).c_str());
    ImGui::Spacing();

    section("MACs and FLOPs");
    ImGui::TextUnformatted(
        "A MAC is one multiply-accumulate: a convolution computes H_out·W_out·K_h·K_w·(C_in / groups)·C_out of them, "
        "a fully connected layer in·out. Flopscope's default follows torchvision, whose published \"GFLOPS\" column "
        "is really GMACs: MACs count only convolutions and fully connected layers, bias not included. FLOPs are "
        "2 × MACs (a multiply and an add), the seed notebook's convention: its 13 layers of ResNet-18 are "
        "2.7793 GFLOPs = 1.3897 GMACs.");
    ImGui::Spacing();
    ImGui::TextUnformatted(
        "Published counters disagree because they count different things: ResNet-18 at 224×224 is reported as "
        "anything from 1.81 G to 3.64 G. Every total on this page says which convention it follows.");

    section("What each switch adds (Network → Counting convention)");
    for (const OpClassInfo& oc : kOpClasses) bullet(oc.rule);
    bullet("FLOPs = MACs instead of 2 × MACs, for counters that call MACs FLOPs.");
    ImGui::Spacing();
    ImGui::TextUnformatted("Each switch adds its ops to both MACs and FLOPs.");

    section("Why does another counter say something else?");
    ImGui::TextUnformatted("The same network under the counting rules of widely used counters (Network → Counting "
                           "convention picks one); hover a name for its rule and source.");
    draw_conventions_table(app);

    section("Never counted");
    bullet("Memory traffic and latency: a count of operations is not a time. Activation sizes and the bytes a "
           "layer reads and writes are shown separately.");
    bullet("Flatten and concatenation (they move data, they compute nothing).");
    bullet("Batch size: every number is per inference, batch 1.");
    bullet("The student's and the lookup's internals: they enter the scenario as a FLOP count.");

    section("The caching formulas");
    ImGui::TextUnformatted("Costs are expected FLOPs per inference; C_l is layer l's FLOPs, B the whole network's, "
                           "S the student's cost (σ = S/B, the student fraction) and L the lookup's. f_l is the "
                           "fraction of layer l's output channels served from the cache, ρ the truncation "
                           "efficiency; layers outside the cache-eligible range count fully.");
    for (int m = 0; m < kScenarioModeCount; ++m) {
        const ModeInfo& info = mode_info(static_cast<ScenarioMode>(m));
        bullet((std::string(info.label) + ": " + info.formula + ". " + info.description + " Break-even: " +
                info.break_even_formula + ".").c_str());
    }
    bullet("Break-even values are the parameter's own value where the cost meets the baseline, on the same "
           "tile-rounded cost the charts draw: the minimum rate, the minimum global cached fraction f*, and the "
           "largest student σ* = (ρ·h·Σ_l f_l·C_l − L)/B. \"Never\" when no value below 100 % works.");
    bullet("Channel tiles g: kept = ceil((1 − f)·C_out / g)·g channels are computed, so the effective skipped "
           "fraction can be smaller than f.");
    bullet("Cache memory per entry: Σ f_l·H_l·W_l·C_l·b for a per-layer cache; the tensor crossing the cut × b for a "
           "cut-point cache (b = 4, 2 or 1 bytes for FP32, FP16, INT8).");

    section("The seed notebook");
    ImGui::TextUnformatted(
        "The default view reproduces the notebook this tool grew from: ResNet-18's conv1 and the 3×3 convolutions "
        "of its first three stages (76.6 % of the network's FLOPs), with a student costing 50 % and three "
        "scenarios: 130 % (20 % of channels cached, truncated for free), 150 % (everything still computed) and "
        "50 % (only the student runs). Where the notebook printed \"FLOPs of cached layers\" it meant the FLOPs "
        "still computed; this page labels it so.");
    ImGui::PopTextWrapPos();
}

} // namespace flopscope::app
