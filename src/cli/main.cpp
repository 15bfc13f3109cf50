// flopscope — the command-line calculator, on the core only (same numbers as the page).
//
//   flopscope [--model NAME] [--input N|HxW] [--scenario PRESET] [--format table|json|csv|md] [options]
//   flopscope --link 'URL-or-fragment' [--format json]
//   flopscope --list-models
//
// Unknown options, bad values and unknown models: a one-line error on stderr, exit status 2.
#include "core/conventions.h"
#include "core/link.h"
#include "core/report.h"
#include "core/state.h"
#include "core/zoo.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

using namespace flopscope;

namespace {

constexpr const char* kUsage = R"(flopscope — what a convolutional network costs, and whether caching pays off

Usage:
  flopscope [--model NAME] [--input N|HxW] [--scenario PRESET] [--format table|json|csv|md] [options]
  flopscope --link 'URL-or-#fragment' [--format ...]   the state of a Flopscope page link
  flopscope --list-models                              the built-in networks
  flopscope --list-conventions                         the counting conventions and their rules

Network and counting:
  --model NAME            a built-in network (default resnet18_seed; see --list-models)
  --input N | HxW         input resolution (default 224)
  --unit flops|macs       the unit of the table and Markdown columns (default flops)
  --exact                 exact integers instead of K/M/G
  --convention NAME       count as a peer tool does: torchvision (default: conv and linear MACs,
                          no bias; FLOPs = 2 x MACs), fvcore, ptflops, thop, torchinfo, calflops,
                          calflops-macs, convnet-burden (--list-conventions shows their rules)
  --count-bias, --count-batchnorm, --count-activations, --count-pooling, --count-elementwise
                          add that op class's element-wise work to the totals

Caching scenario (any of these turns the scenario on; starting values are the optimistic preset's):
  --scenario PRESET       optimistic | realistic | full (the seed notebook's three scenarios)
  --mode MODE             partial (reuse inside the network) | cascade | result_cache
  --cached-fraction F     f: fraction of output channels served from the cache (0..1)
  --layer-fraction I:F    f for layer I (1-based), repeatable
  --eligible A-B          cache-eligible layers A..B (1-based; conv and linear layers in the range)
  --hit-rate H            h (0..1)
  --truncation RHO        rho: 1 = skipped channels cost nothing, 0 = everything is recomputed
  --granularity G         round kept channels up to multiples of G (0 = off)
  --accept-rate P         cascade: fraction of inputs the student answers alone (0..1)
  --student-fraction S    student cost as a fraction of the network's (default 0.5)
  --student-flops N       student cost in FLOPs
  --student MODEL         a built-in network as the student, at the same input resolution
  --lookup-flops N        lookup cost in FLOPs per query
  --lookup-nn D           lookup by nearest-neighbour search over --entries keys of dimension D
  --entries E             cache entries (memory; nearest-neighbour search)
  --precision P           fp32 | fp16 | int8 (cache memory)

Output:
  --format FMT            table (default) | json | csv | md
  --help                  this text
)";

[[noreturn]] void fail(const std::string& message) {
    std::fprintf(stderr, "flopscope: %s\n", message.c_str());
    std::exit(2);
}

double parse_number(const std::string& option, const std::string& text) {
    if (text.empty()) fail(option + ": missing number");
    errno = 0;
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || errno == ERANGE || !std::isfinite(v))
        fail(option + ": \"" + text + "\" is not a finite number");
    return v;
}

std::int64_t parse_integer(const std::string& option, const std::string& text) {
    errno = 0;
    char* end = nullptr;
    const long long v = std::strtoll(text.c_str(), &end, 10);
    if (text.empty() || end != text.c_str() + text.size() || errno == ERANGE)
        fail(option + ": \"" + text + "\" is not a whole number");
    return v;
}

void parse_resolution(const std::string& text, State& state) {
    const std::size_t x = text.find('x');
    const std::int64_t h = parse_integer("--input", text.substr(0, x));
    const std::int64_t w = x == std::string::npos ? h : parse_integer("--input", text.substr(x + 1));
    if (h < 1 || w < 1) fail("--input: the resolution must be at least 1x1, not " + text);
    state.input_h = h;
    state.input_w = w;
}

void list_models() {
    std::size_t width = 0;
    for (const ModelInfo& m : model_zoo()) width = std::max(width, std::string(m.name).size());
    std::string family;
    for (const ModelInfo& m : model_zoo()) {
        if (family != m.family) {
            family = m.family;
            std::printf("%s%s\n", family == model_zoo().front().family ? "" : "\n", family.c_str());
        }
        std::printf("  %-*s  %s\n", static_cast<int>(width), m.name, m.description);
    }
}

void list_conventions() {
    for (const Convention& c : conventions())
        std::printf("%s — %s (prints %s as \"%s\")\n  %s\n  Source: %s\n\n", c.name, c.tool,
                    headline_unit(c.headline), c.unit, c.rule, c.source);
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    State state = default_state();
    state.scenario_enabled = false;
    std::string format = "table";
    bool scenario_touched = false;   // a parameter was set: the scenario is on and becomes "custom"
    bool preset_given = false;

    // Options that take a value, each applying it to the state.
    using Apply = std::function<void(const std::string& option, const std::string& value)>;
    auto scenario_param = [&](std::function<void(Scenario&, const std::string&, const std::string&)> f) -> Apply {
        return [&, f](const std::string& o, const std::string& v) {
            f(state.scenario, o, v);
            scenario_touched = true;
        };
    };
    auto fraction = [](const std::string& o, const std::string& v) {
        const double f = parse_number(o, v);
        if (f < 0 || f > 1) fail(o + ": " + v + " is outside 0..1");
        return f;
    };
    const std::map<std::string, Apply> with_value = {
        {"--model", [&](const std::string&, const std::string& v) {
             if (!find_model(v)) fail("unknown model \"" + v + "\" (flopscope --list-models lists them)");
             state.model = v;
         }},
        {"--convention", [&](const std::string& o, const std::string& v) {
             const Convention* c = find_convention(v);
             if (!c) fail(o + ": unknown convention \"" + v + "\" (flopscope --list-conventions lists them)");
             state.counting = c->counting;
             state.convention = c->name;
         }},
        {"--input", [&](const std::string&, const std::string& v) { parse_resolution(v, state); }},
        {"--format", [&](const std::string& o, const std::string& v) {
             if (v != "table" && v != "json" && v != "csv" && v != "md") fail(o + ": unknown format \"" + v + "\" (table, json, csv, md)");
             format = v;
         }},
        {"--unit", [&](const std::string& o, const std::string& v) {
             if (v != "flops" && v != "macs") fail(o + ": unknown unit \"" + v + "\" (flops, macs)");
             state.view.unit = v == "flops" ? Unit::FLOPs : Unit::MACs;
         }},
        {"--link", [&](const std::string&, const std::string& v) {
             const LinkDecode d = decode_link(v, state);
             if (!d.ok()) {
                 std::string all;
                 for (const std::string& p : d.problems) all += (all.empty() ? "" : "; ") + p;
                 fail("--link: " + all);
             }
         }},
        {"--scenario", [&](const std::string& o, const std::string& v) {
             const ScenarioPreset* p = find_preset(v);
             if (!p) fail(o + ": unknown preset \"" + v + "\" (optimistic, realistic, full)");
             state.scenario = p->scenario;
             state.scenario_enabled = true;
             preset_given = true;
         }},
        {"--mode", scenario_param([](Scenario& s, const std::string& o, const std::string& v) {
             if (!parse_mode(v, s.mode)) fail(o + ": unknown mode \"" + v + "\" (partial, cascade, result_cache)");
         })},
        {"--cached-fraction", scenario_param([&](Scenario& s, const std::string& o, const std::string& v) { s.cached_fraction = fraction(o, v); })},
        {"--hit-rate", scenario_param([&](Scenario& s, const std::string& o, const std::string& v) { s.hit_rate = fraction(o, v); })},
        {"--truncation", scenario_param([&](Scenario& s, const std::string& o, const std::string& v) { s.truncation_efficiency = fraction(o, v); })},
        {"--accept-rate", scenario_param([&](Scenario& s, const std::string& o, const std::string& v) { s.accept_rate = fraction(o, v); })},
        {"--granularity", scenario_param([](Scenario& s, const std::string& o, const std::string& v) { s.channel_granularity = parse_integer(o, v); })},
        {"--student-fraction", scenario_param([](Scenario& s, const std::string& o, const std::string& v) {
             s.student_kind = StudentKind::Fraction;
             s.student_fraction = parse_number(o, v);
         })},
        {"--student-flops", scenario_param([](Scenario& s, const std::string& o, const std::string& v) {
             s.student_kind = StudentKind::Flops;
             s.student_flops = parse_number(o, v);
         })},
        {"--student", scenario_param([](Scenario& s, const std::string& o, const std::string& v) {
             if (!find_model(v)) fail(o + ": unknown model \"" + v + "\" (flopscope --list-models lists them)");
             s.student_kind = StudentKind::Model;
             s.student_model = v;
         })},
        {"--lookup-flops", scenario_param([](Scenario& s, const std::string& o, const std::string& v) {
             s.lookup_kind = LookupKind::Flops;
             s.lookup_flops = parse_number(o, v);
         })},
        {"--lookup-nn", scenario_param([](Scenario& s, const std::string& o, const std::string& v) {
             s.lookup_kind = LookupKind::NearestNeighbour;
             s.key_dim = parse_integer(o, v);
         })},
        {"--entries", scenario_param([](Scenario& s, const std::string& o, const std::string& v) { s.cache_entries = parse_integer(o, v); })},
        {"--precision", scenario_param([](Scenario& s, const std::string& o, const std::string& v) {
             if (!parse_precision(v, s.precision)) fail(o + ": unknown precision \"" + v + "\" (fp32, fp16, int8)");
         })},
        {"--eligible", scenario_param([](Scenario& s, const std::string& o, const std::string& v) {
             const std::size_t dash = v.find('-');
             if (dash == std::string::npos) fail(o + ": expected a range A-B, not \"" + v + "\"");
             const std::int64_t a = parse_integer(o, v.substr(0, dash)), b = parse_integer(o, v.substr(dash + 1));
             if (a < 1 || b < a || b > kMaxLayers) fail(o + ": \"" + v + "\" is not a range of layers (1-based, A ≤ B)");
             s.eligible_first = static_cast<int>(a - 1);
             s.eligible_last = static_cast<int>(b - 1);
         })},
        {"--layer-fraction", scenario_param([&](Scenario& s, const std::string& o, const std::string& v) {
             const std::size_t colon = v.find(':');
             if (colon == std::string::npos) fail(o + ": expected LAYER:FRACTION, not \"" + v + "\"");
             const std::int64_t layer = parse_integer(o, v.substr(0, colon));
             if (layer < 1 || layer > kMaxLayers) fail(o + ": layer " + v.substr(0, colon) + " does not exist (layers are numbered from 1)");
             const double f = fraction(o, v.substr(colon + 1));
             for (LayerFraction& lf : s.overrides)
                 if (lf.layer == layer - 1) { lf.fraction = f; return; }
             s.overrides.push_back({static_cast<int>(layer - 1), f});
             std::sort(s.overrides.begin(), s.overrides.end(), [](auto& a, auto& b) { return a.layer < b.layer; });
         })},
    };
    const std::map<std::string, std::function<void()>> flags = {
        {"--exact", [&] { state.view.exact = true; }},
        {"--count-bias", [&] { state.counting.bias = true; }},
        {"--count-batchnorm", [&] { state.counting.batchnorm = true; }},
        {"--count-activations", [&] { state.counting.activations = true; }},
        {"--count-pooling", [&] { state.counting.pooling = true; }},
        {"--count-elementwise", [&] { state.counting.elementwise = true; }},
    };

    // --link first (it sets a whole state), then everything else in order on top of it.
    for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t i = 0; i < args.size(); ++i) {
            std::string option = args[i], value;
            bool has_inline_value = false;
            if (const std::size_t eq = option.find('='); option.rfind("--", 0) == 0 && eq != std::string::npos) {
                value = option.substr(eq + 1);
                option = option.substr(0, eq);
                has_inline_value = true;
            }
            if (option == "--help" || option == "-h") {
                std::fputs(kUsage, stdout);
                return 0;
            }
            if (option == "--list-conventions") {
                if (pass == 1) { list_conventions(); return 0; }
                continue;
            }
            if (option == "--list-models") {
                if (pass == 1) { list_models(); return 0; }
                continue;
            }
            if (auto f = flags.find(option); f != flags.end()) {
                if (has_inline_value) fail(option + " takes no value");
                if (pass == 1) f->second();
                continue;
            }
            auto w = with_value.find(option);
            if (w == with_value.end()) fail("unknown option \"" + option + "\" (flopscope --help lists them)");
            if (!has_inline_value) {
                if (i + 1 >= args.size()) fail(option + " needs a value");
                value = args[++i];
            }
            if ((pass == 0) == (option == "--link")) w->second(option, value);
        }
    }
    if (const Convention* named = find_convention(state.convention); !named || named->counting != state.counting)
        state.convention = "custom";
    if (scenario_touched) {
        state.scenario_enabled = true;
        if (preset_given) {
            const ScenarioPreset* p = find_preset(state.scenario.name);
            if (!p || !(p->scenario == state.scenario)) state.scenario.name = "custom";
        } else {
            state.scenario.name = "custom";
        }
    }

    const Results results = compute(state);
    if (!results.ok()) fail(results.error);
    if (format == "json") std::printf("%s\n", results_json(state, results).c_str());
    else if (format == "csv") std::fputs(results_csv(state, results).c_str(), stdout);
    else if (format == "md") std::fputs(results_markdown(state, results).c_str(), stdout);
    else std::fputs(results_table(state, results).c_str(), stdout);
    return 0;
}
