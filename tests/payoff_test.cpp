// The payoff map (src/core/payoff.h): totals over two parameters and the break-even curve, on the seed
// network (2,779,348,992 FLOPs; every layer eligible, so T = B; the student costs σ = 0.5).
#include "core/payoff.h"
#include "core/state.h"

#include <doctest/doctest.h>

using namespace flopscope;

namespace {
constexpr double B = 2779348992.0;
}

TEST_CASE("partial reuse: total = S + B − ρ·h·f·B over (f, h); break-even h* = σ/(ρ·f)") {
    const State st = default_state();  // optimistic: f = 0.2, h = 1, ρ = 1, σ = 0.5, no lookup
    const Results r = compute(st);
    const PayoffMap m = payoff_map(r.network, r.evaluation, st.counting, st.scenario, 3, 3, 5);
    REQUIRE(m.ok());
    CHECK(m.nx == 3);
    CHECK(m.baseline == B);
    // (f, h) = (i/2, j/2): B·(1.5 − f·h).
    CHECK(m.total[0] == 1.5 * B);                 // f = 0, h = 0
    CHECK(m.total[2] == 1.5 * B);                 // f = 1, h = 0
    CHECK(m.total[4] == doctest::Approx(1.25 * B).epsilon(1e-15));  // f = h = 0.5
    CHECK(m.total[8] == 0.5 * B);                 // f = h = 1: only the student runs
    CHECK(m.saved_fraction(2, 2) == 0.5);
    CHECK(m.saved_fraction(0, 0) == -0.5);
    // h* = 0.5 / f ≤ 1 from f = 0.5 on: (0.5, 1), (0.75, 2/3), (1, 0.5).
    REQUIRE(m.break_even.size() == 3);
    CHECK(m.break_even[0].x == 0.5);
    CHECK(m.break_even[0].y == 1.0);
    CHECK(m.break_even[1].y == doctest::Approx(2.0 / 3.0));
    CHECK(m.break_even[2].x == 1.0);
    CHECK(m.break_even[2].y == 0.5);
    CHECK(m.current.x == 0.2);
    CHECK(m.current.y == 1.0);
    // A point of the map is the scenario with those two values.
    const Scenario at = payoff_scenario(st.scenario, 0.5, 0.5);
    CHECK(evaluate_scenario(r.network, r.evaluation, st.counting, at).total_flops == doctest::Approx(1.25 * B).epsilon(1e-15));
}

TEST_CASE("cascade: total = σ·B + (1 − p)·B over (p, σ); break-even p* = σ") {
    State st = default_state();
    st.scenario.mode = ScenarioMode::Cascade;
    st.scenario.accept_rate = 0.7;
    const Results r = compute(st);
    const PayoffMap m = payoff_map(r.network, r.evaluation, st.counting, st.scenario, 3, 3, 3);
    REQUIRE(m.ok());
    CHECK(m.total[0] == B);          // p = 0, σ = 0
    CHECK(m.total[2] == 0.0);        // p = 1, σ = 0
    CHECK(m.total[6] == 2.0 * B);    // p = 0, σ = 1
    CHECK(m.total[4] == B);          // p = σ = 0.5: break-even
    REQUIRE(m.break_even.size() == 3);
    CHECK(m.break_even[1].x == 0.5);
    CHECK(m.break_even[1].y == 0.5);
    CHECK(m.current.x == 0.7);
    CHECK(m.current.y == 0.5);
}

TEST_CASE("a result cache has no map, and says why") {
    State st = default_state();
    st.scenario.mode = ScenarioMode::ResultCache;
    const Results r = compute(st);
    const PayoffMap m = payoff_map(r.network, r.evaluation, st.counting, st.scenario, 3, 3, 3);
    CHECK_FALSE(m.ok());
    CHECK(m.error.find("h* = λ") != std::string::npos);
}
