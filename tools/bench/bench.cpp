// flopscope_bench — how long the core takes for what the page does on every edit.
//
//   build/native/tools/flopscope_bench [--model NAME] [--repeats N] [--strict]
//
// Times, on resnet152 at 224 by default: building the network, evaluating it, evaluating a scenario,
// compute() of a whole state (what the page calls per edit) and a 1,001-point sweep of each parameter
// (what one chart costs); the roofline on a T4 at FP16, the scenario in time, a 1,001-point time sweep,
// and what one slider drag frame recomputes (scenario + roofline + caching in time). Prints the median
// and the best of N repeats. Budgets: a 1,001-point sweep in under 1 ms; a slider frame under 4 ms.
// Timings are reported, not enforced (shared machines are noisy); --strict exits 1 when a median is over
// its budget.
#include "core/roofline.h"
#include "core/scenario.h"
#include "core/state.h"
#include "core/zoo.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

using namespace flopscope;

namespace {

using Clock = std::chrono::steady_clock;

// Keeps results alive so the optimiser cannot drop the work.
volatile double g_sink = 0;

struct Timing {
    double median_ms = 0, best_ms = 0, worst_ms = 0;
};

// Runs `fn` `repeats` times after 3 warm-up runs.
Timing time_it(int repeats, const std::function<void()>& fn) {
    for (int i = 0; i < 3; ++i) fn();
    std::vector<double> ms;
    ms.reserve(static_cast<std::size_t>(repeats));
    for (int i = 0; i < repeats; ++i) {
        const auto t0 = Clock::now();
        fn();
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms.front(), ms.back()};
}

[[noreturn]] void die(const std::string& msg) {
    std::fprintf(stderr, "flopscope_bench: %s\n", msg.c_str());
    std::exit(2);
}

} // namespace

int main(int argc, char** argv) {
    std::string model = "resnet152";
    int repeats = 200;
    bool strict = false;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--model") && i + 1 < argc) model = argv[++i];
        else if (!std::strcmp(argv[i], "--repeats") && i + 1 < argc) repeats = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--strict")) strict = true;
        else die(std::string("unknown argument ") + argv[i] + " (usage: flopscope_bench [--model NAME] [--repeats N] [--strict])");
    }

    constexpr int kPoints = 1001;
    constexpr double kSweepBudgetMs = 1.0;

    State state = default_state();
    state.model = model;
    const Counting counting = state.counting;
    const Scenario scenario = state.scenario;

    Network net;
    std::string err;
    if (!build_model(model, 224, 224, net, err)) die(err);
    const Evaluation ev = evaluate(net, counting);
    if (!ev.ok()) die(ev.error);
    const ScenarioResult sr = evaluate_scenario(net, ev, counting, scenario);
    if (!sr.ok()) die(sr.error);

    struct Row {
        std::string what;
        Timing t;
        double budget_ms;  // 0: none
    };
    std::vector<Row> rows;
    rows.push_back({"build " + model, time_it(repeats, [&] {
                        Network n;
                        std::string e;
                        build_model(model, 224, 224, n, e);
                        g_sink = g_sink + static_cast<double>(n.layers.size());
                    }), 0});
    rows.push_back({"evaluate (shapes + counts)", time_it(repeats, [&] {
                        g_sink = g_sink + static_cast<double>(evaluate(net, counting).totals.flops.value);
                    }), 0});
    rows.push_back({"evaluate_scenario", time_it(repeats, [&] {
                        g_sink = g_sink + evaluate_scenario(net, ev, counting, scenario).total_flops;
                    }), 0});
    rows.push_back({"compute(state), all of it", time_it(repeats, [&] {
                        g_sink = g_sink + compute(state).scenario.total_flops;
                    }), 0});
    const struct {
        const char* name;
        SweepParameter p;
    } params[] = {{"cached fraction", SweepParameter::CachedFraction},
                  {"rate (h or p)", SweepParameter::Rate},
                  {"student fraction", SweepParameter::StudentFraction}};
    bool over = false;
    // A row with a budget; `fn` returns a sweep, which must have kPoints points.
    auto sweep_row = [&](const std::string& what, double budget_ms, const std::function<std::vector<double>()>& fn) {
        std::size_t n_out = 0;
        Row row{what, time_it(repeats, [&] {
                    const std::vector<double> v = fn();
                    n_out = v.size();
                    g_sink = g_sink + v.back();
                }), budget_ms};
        if (n_out != static_cast<std::size_t>(kPoints)) die(what + " returned " + std::to_string(n_out) + " points");
        over = over || row.t.median_ms >= budget_ms;
        rows.push_back(row);
    };
    for (const auto& p : params)
        sweep_row(std::string("sweep 1,001 points: ") + p.name, kSweepBudgetMs,
                  [&] { return sweep(net, ev, counting, scenario, p.p, kPoints); });

    // Time and energy on a device (core/roofline.h).
    const Device* t4 = find_device("t4");
    if (!t4) die("no t4 device preset");
    RooflineOptions ro;
    ro.precision = Precision::FP16;
    const RooflineResult rr = evaluate_roofline(net, ev, counting, *t4, ro);
    if (!rr.ok()) die(rr.error);
    const CachingTime ct = evaluate_caching_time(net, ev, counting, scenario, sr, *t4, ro, rr);
    if (!ct.ok()) die(ct.error);
    constexpr double kFrameBudgetMs = 4.0;
    rows.push_back({"roofline on t4 fp16", time_it(repeats, [&] {
                        g_sink = g_sink + evaluate_roofline(net, ev, counting, *t4, ro).totals.time_s;
                    }), 0});
    rows.push_back({"caching in time on t4 fp16", time_it(repeats, [&] {
                        g_sink = g_sink + evaluate_caching_time(net, ev, counting, scenario, sr, *t4, ro, rr).total_time_s;
                    }), 0});
    sweep_row("time sweep 1,001 points: hit rate", kSweepBudgetMs,
              [&] { return sweep_time(ct, scenario, SweepParameter::Rate, kPoints); });
    // One slider frame: the scenario, the roofline, the scenario in time and both charts' sweeps.
    sweep_row("slider frame: scenario + time + sweeps", kFrameBudgetMs, [&] {
        const ScenarioResult s2 = evaluate_scenario(net, ev, counting, scenario);
        const RooflineResult r2 = evaluate_roofline(net, ev, counting, *t4, ro);
        const CachingTime c2 = evaluate_caching_time(net, ev, counting, scenario, s2, *t4, ro, r2);
        std::vector<double> v = sweep(net, ev, counting, scenario, SweepParameter::Rate, kPoints);
        const std::vector<double> t = sweep_time(c2, scenario, SweepParameter::Rate, kPoints);
        v.back() += t.back();
        return v;
    });

    std::printf("Flopscope core benchmark: %s at 224x224, %zu layers, %.4f GFLOPs; %d repeats after 3 warm-ups\n\n",
                model.c_str(), net.layers.size(), static_cast<double>(ev.totals.flops.value) / 1e9, repeats);
    std::printf("| %-40s | %10s | %10s | %10s | %-10s |\n", "what", "median ms", "best ms", "worst ms", "budget");
    std::printf("|%s|%s|%s|%s|%s|\n", std::string(42, '-').c_str(), std::string(12, '-').c_str(),
                std::string(12, '-').c_str(), std::string(12, '-').c_str(), std::string(12, '-').c_str());
    for (const Row& r : rows) {
        char budget[32] = "-";
        if (r.budget_ms > 0)
            std::snprintf(budget, sizeof budget, "<%.0f ms %s", r.budget_ms, r.t.median_ms < r.budget_ms ? "ok" : "OVER");
        std::printf("| %-40s | %10.4f | %10.4f | %10.4f | %-10s |\n", r.what.c_str(), r.t.median_ms, r.t.best_ms,
                    r.t.worst_ms, budget);
    }
    std::printf("\nbudgets (sweep < %.0f ms for 1,001 points, slider frame < %.0f ms): %s\n", kSweepBudgetMs,
                kFrameBudgetMs, over ? "NOT MET" : "met");
    return strict && over ? 1 : 0;
}
