// Flopscope app — "where it pays off": the saving over two scenario parameters at once (partial reuse:
// the cached fraction f and the hit rate h; a cascade: the accept rate p and the student's cost σ),
// shaded green where caching saves and red where it costs more, with the core's break-even curve
// (ρ·h·f̄ = σ + λ, or p = σ + λ) and the current scenario marked. The map is the core's (payoff_map);
// hovering evaluates the scenario at that point with the core. Drawn as a Figure, so "Save…" writes
// the same geometry as SVG.
#include "app/chart_figure.h"
#include "app/widgets.h"
#include "core/payoff.h"

#include <algorithm>
#include <cmath>

namespace flopscope::app {

namespace {

constexpr int kMapSamples = 41;     // per axis: every 2.5 %
constexpr int kCurveSamples = 201;  // break-even curve: every 0.5 %

// The map of the current state, recomputed when the derived results change.
const PayoffMap& current_map(const AppImpl& app) {
    static unsigned generation = 0;
    static PayoffMap map;
    if (generation != app.derived.generation) {
        const Results& r = app.derived.results;
        map = PayoffMap{};
        if (r.evaluation.ok())
            map = payoff_map(r.network, r.evaluation, app.state.counting, app.state.scenario, kMapSamples, kMapSamples,
                             kCurveSamples);
        else map.error = "The map needs a valid network.";
        generation = app.derived.generation;
    }
    return map;
}

struct PlotArea {
    float x0, y0, x1, y1;  // figure pixels
    float x(double v) const { return x0 + static_cast<float>(v) * (x1 - x0); }
    float y(double v) const { return y1 - static_cast<float>(v) * (y1 - y0); }
};

PlotArea plot_area(float width, float height) {
    const float line = ImGui::GetTextLineHeight();
    const float left = ImGui::CalcTextSize("100 %").x + em(0.6f);
    return {left, line * 4.3f, width - em(0.8f), height - line * 2.6f};
}

Figure payoff_figure(const AppImpl& app, const PayoffMap& m, float width, float height) {
    const Palette& pal = palette();
    const ImVec4 text = ImGui::GetStyleColorVec4(ImGuiCol_Text), muted = ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
    Figure f;
    f.width = width;
    f.height = height;
    f.background = rgba(ImGui::GetStyleColorVec4(ImGuiCol_WindowBg));
    const float line = ImGui::GetTextLineHeight();
    const std::string title = std::string("Where it pays off: ") + m.x_symbol + " × " + m.y_symbol;
    figure_text(f, 0, 0, title, text);
    figure_text(f, 0, line * 1.15f, "green: saves · red: costs more · line: break-even", muted);
    const PlotArea p = plot_area(width, height);

    // Cells, centred on the samples, shaded by the saving relative to the largest either way.
    double most_saved = 1e-12, most_lost = 1e-12;
    for (int j = 0; j < m.ny; ++j)
        for (int i = 0; i < m.nx; ++i) {
            const double s = m.saved_fraction(i, j);
            most_saved = std::max(most_saved, s);
            most_lost = std::max(most_lost, -s);
        }
    const float cw = (p.x1 - p.x0) / static_cast<float>(m.nx - 1), ch = (p.y1 - p.y0) / static_cast<float>(m.ny - 1);
    for (int j = 0; j < m.ny; ++j) {
        for (int i = 0; i < m.nx; ++i) {
            const double s = m.saved_fraction(i, j);
            const float cx = p.x(static_cast<double>(i) / (m.nx - 1)), cy = p.y(static_cast<double>(j) / (m.ny - 1));
            const float alpha = 0.12f + 0.68f * static_cast<float>(s >= 0 ? s / most_saved : -s / most_lost);
            f.filled_rect(std::max(p.x0, cx - cw * 0.5f), std::max(p.y0, cy - ch * 0.5f), std::min(p.x1, cx + cw * 0.5f),
                          std::min(p.y1, cy + ch * 0.5f), rgba(s >= 0 ? pal.good : pal.warn, alpha));
        }
    }
    f.rect(p.x0, p.y0, p.x1, p.y1, rgba(pal.baseline, 0.6f), 1.0f);

    // Axes: 0, 25, 50, 75, 100 % (0, 50, 100 % when narrow).
    const int step = (p.x1 - p.x0) / 4 < ImGui::CalcTextSize("100 %").x * 1.6f ? 2 : 1;
    for (int k = 0; k <= 4; k += step) {
        const double t = k / 4.0;
        const std::string label = format_fraction_percent(t, 0);
        const Figure::Anchor xa = k == 0 ? Figure::Anchor::Start : k == 4 ? Figure::Anchor::End : Figure::Anchor::Middle;
        figure_text(f, p.x(t), p.y1 + em(0.3f), label, muted, xa);
        figure_text(f, p.x0 - em(0.4f), std::clamp(p.y(t) - line * 0.5f, p.y0 - line * 0.5f, p.y1 - line), label, muted,
                    Figure::Anchor::End);
    }
    figure_text(f, (p.x0 + p.x1) * 0.5f, p.y1 + em(0.3f) + line, m.x_name, muted, Figure::Anchor::Middle);
    figure_text(f, p.x0, p.y0 - line * 1.2f, m.y_name, muted);  // the y axis names itself above the plot

    // The break-even curve, exactly the core's h*(f) (or p*(σ)) at each sample.
    std::vector<float> curve;
    for (const PayoffPoint& q : m.break_even) {
        curve.push_back(p.x(q.x));
        curve.push_back(p.y(q.y));
    }
    if (curve.size() >= 4) f.polyline(std::move(curve), rgba(pal.accent), std::max(2.0f, em(0.14f)));

    // The current scenario.
    const float r = em(0.32f);
    const float px = p.x(std::clamp(m.current.x, 0.0, 1.0)), py = p.y(std::clamp(m.current.y, 0.0, 1.0));
    f.filled_circle(px, py, r, rgba(pal.accent));
    f.circle(px, py, r, rgba(ImGui::GetStyleColorVec4(ImGuiCol_WindowBg)), 2.0f);
    (void)app;
    return f;
}

} // namespace

void draw_payoff_chart(AppImpl& app, ImVec2 size) {
    const PayoffMap& m = current_map(app);
    if (!app.state.scenario_enabled || !app.derived.results.scenario.ok()) {
        text_muted("Turn the caching scenario on to see where it pays off.");
        return;
    }
    if (!m.ok()) {
        text_muted(m.error.c_str());
        return;
    }
    if (size.x < em(12) || size.y < em(12)) return;
    const Figure f = payoff_figure(app, m, size.x, size.y);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    draw_figure(ImGui::GetWindowDrawList(), f, origin);
    // The menu sits at the top right, on the title's line; submitted before the chart's own hover area,
    // which would otherwise take the pointer from it.
    const float save_w = ImGui::CalcTextSize("Save…").x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SetCursorScreenPos(ImVec2(origin.x + size.x - save_w, origin.y));
    figure_save_menu(app, f, "payoff", "Flopscope: where it pays off, " + app.state.model);
    ImGui::SetCursorScreenPos(origin);
    ImGui::InvisibleButton("payoff_chart", size);
    track_item("payoff:chart");
    const bool hovered = ImGui::IsItemHovered();

    if (!hovered) return;
    const PlotArea p = plot_area(size.x, size.y);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const float lx = mouse.x - origin.x, ly = mouse.y - origin.y;
    if (lx < p.x0 || lx > p.x1 || ly < p.y0 || ly > p.y1) return;
    // The point under the pointer, to the percent, evaluated by the core.
    const double x = std::round((lx - p.x0) / (p.x1 - p.x0) * 100.0) / 100.0;
    const double y = std::round((p.y1 - ly) / (p.y1 - p.y0) * 100.0) / 100.0;
    const Results& r = app.derived.results;
    const ScenarioResult at = evaluate_scenario(r.network, r.evaluation, app.state.counting,
                                                payoff_scenario(app.state.scenario, x, y));
    if (!at.ok()) return;
    ImGui::BeginTooltip();
    ImGui::Text("%s = %s, %s = %s", m.x_symbol, format_fraction_percent(x, 0).c_str(), m.y_symbol,
                format_fraction_percent(y, 0).c_str());
    ImGui::Separator();
    ImGui::Text("with caching  %s (%s of the baseline)", format_cost(at.total_flops, "FLOPs", false).c_str(),
                format_percent(at.percent_of_baseline, 1).c_str());
    ImGui::TextUnformatted(savings_sentence(at).c_str());
    ImGui::EndTooltip();
}

} // namespace flopscope::app
