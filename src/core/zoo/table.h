// Flopscope core — registering a family from a constexpr table of configurations: one ModelInfo per
// entry, each with a plain build function (as ModelInfo needs) that runs the family's builder on it.
#pragma once

#include "core/zoo.h"

#include <cstddef>
#include <iterator>
#include <utility>
#include <vector>

namespace flopscope::zoo {

template <const auto& Table, auto Build, std::size_t I>
Network build_entry(std::int64_t h, std::int64_t w) { return Build(Table[I], h, w); }

// make_info(entry, build) returns the entry's ModelInfo.
template <const auto& Table, auto Build, typename MakeInfo, std::size_t... I>
void register_table(std::vector<ModelInfo>& zoo, MakeInfo make_info, std::index_sequence<I...>) {
    (zoo.push_back(make_info(Table[I], &build_entry<Table, Build, I>)), ...);
}

template <const auto& Table, auto Build, typename MakeInfo>
void register_table(std::vector<ModelInfo>& zoo, MakeInfo make_info) {
    register_table<Table, Build>(zoo, make_info, std::make_index_sequence<std::size(Table)>{});
}

} // namespace flopscope::zoo
