// Flopscope core — RegNet's block parameters (exposed for tests).
#pragma once

#include <cstdint>
#include <vector>

namespace flopscope::zoo {

// Per-stage parameters of a RegNet, as torchvision 0.14's regnet.BlockParams holds them.
struct RegNetParams {
    std::vector<std::int64_t> depths, widths, group_widths;
};

// torchvision's BlockParams.from_init_params(depth, w_0, w_a, w_m, group_width) with bottleneck
// multiplier 1.0, computed here in single precision exactly as torch does it with float32 tensors.
RegNetParams regnet_params(std::int64_t depth, float w_0, float w_a, float w_m, std::int64_t group_width);

} // namespace flopscope::zoo
