// Flopscope core — the charts, built once as Figures (core/figure.h): the app replays them on screen and
// saves them as SVG, the CLI writes them (`--chart NAME --format svg`). The same geometry everywhere.
//   cost        the baseline vs each preset scenario and a custom one, as stacked bars
//               (computed / student / lookup);
//   fraction    total FLOPs over the cached fraction f, with the baseline and the core's break-even;
//   rate        the same over the mode's rate (h, or p in a cascade);
//   payoff      where it pays off, over two parameters (core/payoff.h);
//   layers      per-layer FLOPs without and with caching;
//   time-fraction, time-rate   the fraction and rate sweeps in seconds on the chosen device;
//   roofline    each layer on the device's roofline (log–log), coloured by its bound.
// Text is measured with the style's text_width, so a chart lays out the same from any caller.
#pragma once

#include "core/chart_style.h"
#include "core/payoff.h"
#include "core/state.h"

#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flopscope {

//-----------------------------------------------------------------------------
// [SECTION] What the charts draw from
//-----------------------------------------------------------------------------

inline constexpr int kSweepPoints = 101;  // samples of a sweep curve over 0..1

// The scenario results the charts and the comparison read: every preset on this network, and the
// sweeps of the cached fraction and of the rate (only when the scenario is on and valid).
struct ScenarioCurves {
    std::vector<ScenarioResult> presets;  // scenario_presets(), in order
    std::vector<double> sweep_fraction;   // total FLOPs over f = 0..1 (kSweepPoints)
    std::vector<double> sweep_rate;       // ... over the mode's rate (h, or p in cascade mode)
    std::vector<double> sweep_time_fraction;  // seconds per inference over f (a device chosen, partial reuse)
    std::vector<double> sweep_time_rate;      // ... over the mode's rate
};
ScenarioCurves scenario_curves(const State& state, const Results& results);

// The payoff map at the charts' resolution (41 × 41 samples, the curve at 201), or why there is none
// (the scenario is off or invalid, a result cache, an invalid network).
PayoffMap chart_payoff_map(const State& state, const Results& results);

//-----------------------------------------------------------------------------
// [SECTION] Charts
//-----------------------------------------------------------------------------

enum class ChartKind : std::uint8_t { Cost, Fraction, Rate, Payoff, Layers, TimeFraction, TimeRate, Roofline, Count_ };
// "cost", "fraction", "rate", "payoff", "layers", "time-fraction", "time-rate", "roofline" (the CLI's
// --chart names, the save menu's file names).
const char* chart_name(ChartKind k);
std::optional<ChartKind> parse_chart_name(std::string_view name);
std::string chart_names();  // every name, in order: "cost, fraction, ..., roofline"
// The figure's title for a saved file: "Flopscope: where it pays off, resnet18".
std::string chart_file_title(ChartKind k, const State& state);

// The pointer over a chart, in its pixels (the app's hover; none for an export).
struct ChartPointer {
    bool inside = false;
    float x = 0, y = 0;
};

struct Chart {
    Figure figure;   // the chart; what an export saves
    Figure overlay;  // the pointer's marks on top of it (screen only)
    std::string empty;  // why nothing is drawn ("Turn the caching scenario on ..."); figure is empty then
    float plot_x0 = 0, plot_y0 = 0, plot_x1 = 0, plot_y1 = 0;  // the plotting area
    int hovered = -1;           // cost: the bar; layers: the row; roofline: the layer under the pointer
    double hovered_value = NAN; // fraction/rate/payoff: the parameter (x) under the pointer, 0..1
    double hovered_y = NAN;     // payoff: the y parameter (both to the percent); fraction/rate: the curve there
    std::vector<float> points;  // roofline: each layer's dot, x and y (NaN when it has no FLOPs to plot)
};

// One bar of the cost chart.
struct CostBar {
    std::string name;
    double computed = 0, student = 0, lookup = 0;
    double percent = 100;  // of the baseline: the scenario result's percent_of_baseline (read, not recomputed)
    bool current = false;
    double total() const { return computed + student + lookup; }
};
std::vector<CostBar> cost_bars(const State& state, const Results& results, const ScenarioCurves& curves);

// One row of the layer chart: a layer with a counted cost.
struct LayerBar {
    std::string name;
    double before = 0, after = 0;
    double fraction = -1;  // the effective cached fraction, -1 when the layer is not cache-eligible
};
std::vector<LayerBar> layer_bars(const State& state, const Results& results);

// Each chart at `width` × `height` pixels (the layer chart's height follows from its rows).
Chart cost_chart(const std::vector<CostBar>& bars, const ChartStyle& style, float width, float height,
                 ChartPointer pointer = {});
Chart sweep_chart(const State& state, const Results& results, const ScenarioCurves& curves, SweepParameter parameter,
                  const ChartStyle& style, float width, float height, ChartPointer pointer = {});
// The same sweep in seconds per inference on the chosen device (ChartKind::TimeFraction, TimeRate).
Chart time_sweep_chart(const State& state, const Results& results, const ScenarioCurves& curves,
                       SweepParameter parameter, const ChartStyle& style, float width, float height,
                       ChartPointer pointer = {});
// Each layer of Results::roofline at its intensity and attained FLOP/s under the memory and compute
// roofs; `selected` (a layer index, or -1) is ringed.
Chart roofline_chart(const State& state, const Results& results, int selected, const ChartStyle& style, float width,
                     float height, ChartPointer pointer = {});
Chart payoff_chart(const PayoffMap& map, const ChartStyle& style, float width, float height, ChartPointer pointer = {});
Chart layer_chart(const std::vector<LayerBar>& bars, const ChartStyle& style, float width, ChartPointer pointer = {});

// Any chart of the state, as an export draws it (no pointer). The CLI's --chart.
Chart build_chart(ChartKind kind, const State& state, const Results& results, const ChartStyle& style, float width,
                  float height);

} // namespace flopscope
