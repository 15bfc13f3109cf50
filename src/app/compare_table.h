// Flopscope app — the comparison of scenarios as data: which columns (the presets, and the current
// custom scenario when it is none of them), which rows, and every cell's text at a number width with
// its exact value. The Compare view (view_compare.cpp) draws it and the text mirror (text_mirror.cpp)
// hands it to the DOM, so the two cannot disagree. No ImGui here.
#pragma once

#include "app/app_internal.h"

#include <string>
#include <vector>

namespace flopscope::app {

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

// The table for the app's state at one number width (percentages get 2, 1 or 0 decimals with it).
CompareTable compare_table(const State& s, const Derived& d, NumberWidth width);

} // namespace flopscope::app
