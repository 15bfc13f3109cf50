// Flopscope core — every textual output of results: the JSON of `flopscope --format json` (also the web
// test hook's resultsJson()), the CLI's table, CSV and Markdown exports, number formatting and the
// plain-language sentences (savings, break-even). One place, so the CLI and the page agree.
#pragma once

#include "core/format.h"  // the number formats, used by every output here
#include "core/state.h"

#include <optional>
#include <string>

namespace flopscope {

//-----------------------------------------------------------------------------
// [SECTION] Numbers
//-----------------------------------------------------------------------------

// JSON values: a string (escaped, and safe inside an HTML <script>), true/false, the counting
// convention with its rules ({"name", "description", "rule", then every Counting field}), the student.
std::string json_string(const std::string& s);
// A CSV field (quoted when needed; formula-looking text prefixed so spreadsheets don't run it) and
// Markdown text with its special characters escaped (table cells included).
std::string csv_field(const std::string& s);
std::string md_escape(const std::string& s);
std::string json_bool(bool b);
std::string counting_json(const State& state);
std::string student_json(const Scenario& s);

//-----------------------------------------------------------------------------
// [SECTION] Sentences
//-----------------------------------------------------------------------------

// "Caching saves 15.9 % of the FLOPs." / "Caching costs 30.0 % more than not caching."
std::string savings_sentence(const ScenarioResult& r);
// "Pays off only when more than 50 % of output channels are cached at a 100 % hit rate." or
// "Never pays off: ..." — the break-even statement in words.
std::string break_even_sentence(const Scenario& s, const ScenarioResult& r);

//-----------------------------------------------------------------------------
// [SECTION] Documents
//-----------------------------------------------------------------------------

// The CLI's --format json shape (model, input, layers, totals, scenario when enabled, convention, link).
std::string results_json(const State& state, const Results& results);
std::string results_json(const State& state);
// The state itself as JSON (the web test hook's stateJson()).
std::string state_json(const State& state);

std::string results_table(const State& state, const Results& results);     // plain text for a terminal
std::string results_csv(const State& state, const Results& results);
std::string results_markdown(const State& state, const Results& results);
// The layer table and the scenario's results as LaTeX booktabs tables (\usepackage{booktabs}).
std::string results_latex(const State& state, const Results& results);
// The built-in devices and their figures (flopscope --list-devices): "table", "md", "csv" or "json".
std::string devices_listing(const std::string& format);
// The network's totals under every peer counter's convention, as a Markdown table (part of --format md).
std::string conventions_markdown(const Network& network);

} // namespace flopscope
