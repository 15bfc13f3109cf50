// flopscope CLI — the command line read into a State (no output here; main.cpp prints). Every state
// option comes from the state-field registry (core/state_fields.h) and reads its value as the link does:
// same syntax, same ranges, same messages ("--hit-rate: 1.5 is outside 0…1").
#pragma once

#include "core/charts.h"
#include "core/state.h"

#include <cstdint>
#include <string>
#include <optional>
#include <utility>
#include <vector>

namespace flopscope::cli {

struct Args {
    enum class Action { Run, Help, ListModels, ListConventions, ListDevices };
    Action action = Action::Run;
    State state;                  // the state to compute (Action::Run)
    std::string format = "table"; // table | json | csv | md | latex | svg (svg: a chart, with --chart)
    // --chart NAME: write that chart as SVG instead of the results; --chart-size WxH (pixels).
    std::optional<ChartKind> chart;
    int chart_width = 720, chart_height = 400;
    // --onnx FILE… (files or folders, in order) and the symbolic dims to bind (--batch N, --symbol NAME=N).
    std::vector<std::string> onnx_paths;
    std::vector<std::pair<std::string, std::int64_t>> symbols;
    std::int64_t batch = 1;       // every symbol not given by --symbol
    bool input_given = false;     // --input was given: re-binds an ONNX file's H×W; --list-models: else each model's crop
    std::string error;            // the first problem, one line; empty when the command line is fine
    bool ok() const { return error.empty(); }
};

// Reads the arguments after the program name. `--link` applies first (a whole state), then every other
// option in order on top of it.
Args parse_args(const std::vector<std::string>& args);

// The --help text: usage, then every option (the registry's and the CLI's own), by section.
std::string usage();

} // namespace flopscope::cli
