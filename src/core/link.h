// Flopscope core — the link codec: a State in a URL fragment and back.
//
// Format (version 1, decodable forever): `v=1&key=value&...`, keys and values percent-encoded where
// needed, only what differs from default_state(). Readable: e.g. `#v=1&m=resnet18&in=224&f=0.2&h=0.9`.
// Numbers round-trip exactly (shortest decimal that parses back to the same double).
// The full specification (every key, the layer syntax, and what decoding does with bad input) is at
// the top of link.cpp.
#pragma once

#include "core/state.h"

#include <string>
#include <string_view>
#include <vector>

namespace flopscope {

inline constexpr int kLinkVersion = 1;  // the format's version, the `v` key

// The fragment for `state`, starting with '#'. default_state() encodes as "#v=1".
std::string encode_link(const State& state);

struct LinkDecode {
    std::vector<std::string> problems;  // one clear message per part that was wrong and ignored
    bool ok() const { return problems.empty(); }
};

// Limits of the decoder. Longer links are not read at all; names (layer and network names, `show`
// items) are at most kMaxLinkNameBytes bytes of UTF-8 after percent-decoding; `problems` holds at most
// kMaxLinkProblems messages plus one "… and N more problems".
inline constexpr std::size_t kMaxLinkBytes = 256 * 1024;
inline constexpr std::size_t kMaxLinkNameBytes = 64;
inline constexpr std::size_t kMaxShowItems = 64;
inline constexpr std::size_t kMaxLinkProblems = 20;

// Decodes a URL, a fragment ("#v=1&..."), or the part after '#'. Starts from default_state() and
// applies every valid part; each invalid part is skipped and named in `problems` (never silently fixed).
// Never throws, for any bytes (including a 1 MB fragment, NUL bytes or invalid UTF-8).
LinkDecode decode_link(std::string_view link, State& out);

// The custom-layer list alone (the value of the `L` key): "conv1:C.c64.k7.s2.p3,bn1:B,relu:A".
// decode_layer_list replaces `out` (leaves it empty when the whole list is rejected).
std::string encode_layer(const Layer& layer);
std::string encode_layer_list(const std::vector<Layer>& layers);
LinkDecode decode_layer_list(std::string_view value, std::vector<Layer>& out);

} // namespace flopscope
