// Flopscope core — the comparison of scenarios as data: which columns (the presets, and the current
// custom scenario when it is none of them), which rows, and every cell's text at a number width with
// its exact value. The app's Compare view draws it, the text mirror hands it to the DOM and the cost
// chart (charts.cpp cost_bars) draws its columns as bars, so the three cannot disagree.
#pragma once

#include "core/charts.h"
#include "core/format.h"
#include "core/state.h"

#include <string>
#include <vector>

namespace flopscope {

struct CompareColumn {
    const char* title;               // "optimistic", ..., "custom"
    const char* label;               // what it is, in words
    const Scenario* scenario;
    const ScenarioResult* result;
    bool current;                    // the scenario in use
};

struct CompareCell {
    std::string text;
    double value;    // the exact value the text shows; NaN when there is none ("never")
    bool saving;     // a saving: coloured by its sign (result.saved_flops)
    bool negative;   // caching costs more than it saves in this column
};

struct CompareRow {
    std::string name;
    std::string tooltip;
    std::vector<CompareCell> cells;  // one per column
};

struct CompareTable {
    std::vector<CompareColumn> columns;
    std::vector<CompareRow> rows;    // empty when the network is not valid
};

// The columns alone: every preset on this network (curves.presets), then the current scenario when it is
// on, valid and none of the presets ("custom"). Empty when there are no preset results.
std::vector<CompareColumn> compare_columns(const State& s, const Results& results, const ScenarioCurves& curves);
// The table at one number width (percentages get 2, 1 or 0 decimals with it); no rows when the network
// is not valid.
CompareTable compare_table(const State& s, const Results& results, const ScenarioCurves& curves, NumberWidth width);

} // namespace flopscope
