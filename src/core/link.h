// Flopscope core — the link codec: a State in a URL fragment and back.
//
// Format (version 1, decodable forever): `v=1&key=value&...`, keys and values percent-encoded where
// needed, only what differs from default_state(). Readable: e.g. `#v=1&m=resnet18&in=224&f=0.2&h=0.9`.
// Numbers round-trip exactly (shortest decimal that parses back to the same double).
#pragma once

#include "core/state.h"

#include <string>
#include <string_view>
#include <vector>

namespace flopscope {

// The fragment for `state`, starting with '#'. default_state() encodes as "#v=1".
std::string encode_link(const State& state);

struct LinkDecode {
    std::vector<std::string> problems;  // one clear message per part that was wrong and ignored
    bool ok() const { return problems.empty(); }
};

// Decodes a URL, a fragment ("#v=1&..."), or the part after '#'. Starts from default_state() and
// applies every valid part; each invalid part is skipped and named in `problems` (never silently fixed).
// Never throws, for any bytes (including a 1 MB fragment, NUL bytes or invalid UTF-8).
LinkDecode decode_link(std::string_view link, State& out);

} // namespace flopscope
