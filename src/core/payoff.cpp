// Flopscope core — the payoff map (see payoff.h).
#include "core/payoff.h"

#include <algorithm>
#include <cmath>

namespace flopscope {

Scenario payoff_scenario(const Scenario& s, double x, double y) {
    Scenario out = s;
    out.name = "custom";
    if (s.mode == ScenarioMode::Cascade) {
        out.accept_rate = x;
        out.student_kind = StudentKind::Fraction;
        out.student_fraction = y;
    } else {
        out.cached_fraction = x;
        out.hit_rate = y;
    }
    return out;
}

PayoffMap payoff_map(const Network& net, const Evaluation& ev, const Counting& counting, const Scenario& s, int nx,
                     int ny, int curve_points) {
    PayoffMap m;
    m.mode = s.mode;
    if (s.mode == ScenarioMode::ResultCache) {
        m.error = "A result cache has one parameter, the hit rate: its break-even is h* = λ.";
        return m;
    }
    if (nx < 2 || ny < 2 || curve_points < 2) {
        m.error = "The map needs at least 2 samples per axis.";
        return m;
    }
    const ScenarioResult now = evaluate_scenario(net, ev, counting, s);
    if (!now.ok()) {
        m.error = now.error;
        return m;
    }
    const bool cascade = s.mode == ScenarioMode::Cascade;
    m.x_name = cascade ? "accept rate p" : "cached fraction f";
    m.y_name = cascade ? "student cost σ" : "hit rate h";
    m.x_symbol = cascade ? "p" : "f";
    m.y_symbol = cascade ? "σ" : "h";
    m.nx = nx;
    m.ny = ny;
    m.baseline = now.baseline_flops;
    // The scenario's own point; a cascade's student is σ = S / B (the whole network) whatever way it was given.
    m.current = cascade ? PayoffPoint{s.accept_rate, now.student_fraction} : PayoffPoint{s.cached_fraction, s.hit_rate};
    m.total.reserve(static_cast<std::size_t>(nx * ny));
    for (int j = 0; j < ny; ++j) {
        const double y = static_cast<double>(j) / (ny - 1);
        const Scenario row = payoff_scenario(s, s.mode == ScenarioMode::Cascade ? s.accept_rate : s.cached_fraction, y);
        const std::vector<double> totals =
            sweep(net, ev, counting, row, cascade ? SweepParameter::Rate : SweepParameter::CachedFraction, nx);
        if (static_cast<int>(totals.size()) != nx) {
            m.error = "The scenario can't be swept.";
            return m;
        }
        m.total.insert(m.total.end(), totals.begin(), totals.end());
    }
    // The break-even curve from the core's closed forms: h*(f) for partial reuse, p*(σ) for a cascade.
    for (int k = 0; k < curve_points; ++k) {
        const double t = static_cast<double>(k) / (curve_points - 1);
        const Scenario at = cascade ? payoff_scenario(s, s.accept_rate, t) : payoff_scenario(s, t, s.hit_rate);
        const ScenarioResult r = evaluate_scenario(net, ev, counting, at);
        if (!r.ok()) continue;
        // The core calls a break-even at a rate of exactly 100 % "never" (it cannot pay off), but the
        // curve itself ends there: keep that point when the full rate lands exactly on the baseline.
        double be = 0;
        if (r.break_even_rate) {
            be = *r.break_even_rate;
        } else {
            Scenario full = at;
            (cascade ? full.accept_rate : full.hit_rate) = 1.0;
            const ScenarioResult end = evaluate_scenario(net, ev, counting, full);
            if (!end.ok() || std::fabs(end.total_flops - end.baseline_flops) > 1e-12 * end.baseline_flops) continue;
            be = 1.0;
        }
        if (be < 0 || be > 1) continue;
        m.break_even.push_back(cascade ? PayoffPoint{be, t} : PayoffPoint{t, be});
    }
    return m;
}

} // namespace flopscope
