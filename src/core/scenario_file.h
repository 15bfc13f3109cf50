// Flopscope core — "Save scenario…" files: a whole state in a small JSON file, for states whose link
// is over the link budget (an imported network's layer list is long).
//
// The file holds the link string itself, so it has exactly the link's meaning and versioning, and its
// numbers round-trip as the link's do:
//   {"flopscope_scenario": 1, "link": "#v=1&m=custom&L=...", "layers": 161}
// `layers` is informative (the layer count, for a reader who opens the file); only `link` is read.
// The page's "Open…" and `flopscope --scenario-file F` read it back with read_scenario_file().
#pragma once

#include "core/link.h"
#include "core/state.h"

#include <string>
#include <string_view>

namespace flopscope {

inline constexpr int kScenarioFileVersion = 1;
// Links up to this length fit the page's link budget; longer states go to a scenario file.
inline constexpr std::size_t kLinkBudget = 2000;

// True when encode_link(state) is within kLinkBudget characters.
bool fits_link_budget(const State& state);

// The file's text for `state` (ends with a newline).
std::string scenario_file_json(const State& state);

// Reads a scenario file into `out` (starting from default_state(), as decode_link does). Problems name
// what was wrong: not JSON of this shape, an unknown version, or the link's own problems. Never throws.
LinkDecode read_scenario_file(std::string_view text, State& out);

} // namespace flopscope
