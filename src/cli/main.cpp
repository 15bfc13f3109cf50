// flopscope — the command-line calculator, on the core only (same numbers as the page).
//
//   flopscope [--model NAME] [--input N|HxW] [--scenario PRESET] [--format table|json|csv|md] [options]
//   flopscope --link 'URL-or-fragment' [--format json]
//   flopscope --list-models
//
// The options and their parsing are in args.cpp (from the state-field registry); this file prints.
// Unknown options, bad values and unknown models: a one-line error on stderr, exit status 2.
#include "cli/args.h"
#include "core/conventions.h"
#include "core/report.h"
#include "core/state.h"
#include "core/zoo.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace flopscope;

namespace {

[[noreturn]] void fail(const std::string& message) {
    std::fprintf(stderr, "flopscope: %s\n", message.c_str());
    std::exit(2);
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
    const cli::Args args = cli::parse_args(std::vector<std::string>(argv + 1, argv + argc));
    if (!args.ok()) fail(args.error);
    switch (args.action) {
    case cli::Args::Action::Help: std::fputs(cli::usage().c_str(), stdout); return 0;
    case cli::Args::Action::ListModels: list_models(); return 0;
    case cli::Args::Action::ListConventions: list_conventions(); return 0;
    case cli::Args::Action::Run: break;
    }
    const State& state = args.state;
    const Results results = compute(state);
    if (!results.ok()) fail(results.error);
    if (args.format == "json") std::printf("%s\n", results_json(state, results).c_str());
    else if (args.format == "csv") std::fputs(results_csv(state, results).c_str(), stdout);
    else if (args.format == "md") std::fputs(results_markdown(state, results).c_str(), stdout);
    else std::fputs(results_table(state, results).c_str(), stdout);
    return 0;
}
