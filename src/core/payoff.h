// Flopscope core — "where it pays off": the saving of a caching scenario over two of its parameters at
// once, and its break-even curve, from the scenario engine (evaluate_scenario, sweep).
//   partial reuse: x = the cached fraction f, y = the hit rate h; break-even ρ·h·f̄ = σ + λ, i.e. for
//                  each f the core's h* = (σ + λ)/(ρ·f̄) (f̄ the FLOP-weighted effective fraction at f);
//   cascade:       x = the accept rate p, y = the student's cost σ (a fraction of the network); for each σ
//                  the core's p* = σ + λ.
// A result cache has one parameter (h* = λ): no map.
#pragma once

#include "core/scenario.h"

#include <string>
#include <vector>

namespace flopscope {

struct PayoffPoint {
    double x = 0, y = 0;
};

struct PayoffMap {
    std::string error;  // empty when the map exists; else why not (a result cache, an invalid scenario)
    bool ok() const { return error.empty(); }
    ScenarioMode mode = ScenarioMode::PartialReuse;
    const char* x_name = "";  // "cached fraction f" / "accept rate p"
    const char* y_name = "";  // "hit rate h" / "student cost σ"
    const char* x_symbol = "";
    const char* y_symbol = "";
    int nx = 0, ny = 0;                // samples, evenly spaced over [0, 1] on both axes
    double baseline = 0;               // the network's FLOPs without caching
    std::vector<double> total;         // total FLOPs with caching at (x_i, y_j): total[j * nx + i]
    std::vector<PayoffPoint> break_even;  // the break-even curve, in order along it (points where it exists)
    PayoffPoint current;                  // the scenario's own (x, y)
    double saved_fraction(int i, int j) const { return baseline > 0 ? (baseline - total[static_cast<std::size_t>(j * nx + i)]) / baseline : 0; }
};

// The map of `s` on a network evaluated with `counting`: nx × ny totals and the break-even curve sampled
// at `curve_points` values of its free parameter.
PayoffMap payoff_map(const Network& net, const Evaluation& ev, const Counting& counting, const Scenario& s, int nx,
                     int ny, int curve_points);

// `s` with the map's two parameters set to (x, y): what a point of the map stands for. Evaluate it with
// evaluate_scenario for its numbers.
Scenario payoff_scenario(const Scenario& s, double x, double y);

} // namespace flopscope
