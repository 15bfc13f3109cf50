// Flopscope core — counting conventions: which work a "MAC" or "FLOP" total includes.
//
// Published FLOP counters disagree (ResNet-18 at 224 is reported as anything from 1.81 G to 3.64 G)
// because they count different things. Flopscope states its convention next to every total.
//
// Default (torchvision's): MACs = multiply-accumulates of convolutions and fully-connected layers,
// bias not counted, nothing else; FLOPs = 2 × MACs (the seed notebook's convention).
// Each switch below adds one op class's element-wise work to both totals:
//   bias         1 op per output element of a conv/linear layer that has a bias
//   batchnorm    2 ops per element (inference: one multiply, one add)
//   activations  1 op per element (any activation function)
//   pooling      1 op per element of each pooling window (kernel_h·kernel_w per output element;
//                adaptive pooling: every input element once)
//   elementwise  1 op per output element per extra operand of an add; 1 per output element of a multiply
// MACs(counted)  = conv/linear MACs + switched-on ops
// FLOPs(counted) = flops_per_mac × conv/linear MACs + switched-on ops
#pragma once

#include "core/layer.h"

#include <string>

namespace flopscope {

struct Counting {
    bool bias = false;
    bool batchnorm = false;
    bool activations = false;
    bool pooling = false;
    bool elementwise = false;
    int flops_per_mac = 2;  // 2: a MAC is a multiply and an add. 1: "FLOPs" means MACs (some counters).

    friend bool operator==(const Counting&, const Counting&) = default;
};

// The element-wise ops of `c` that this convention includes.
Count counted_extra_ops(const LayerCost& c, const Counting& counting);
Count counted_macs(const LayerCost& c, const Counting& counting);
Count counted_flops(const LayerCost& c, const Counting& counting);

// One sentence stating the convention, shown next to every total, e.g.
// "torchvision convention: MACs of conv and linear layers, bias not counted; FLOPs = 2 × MACs".
std::string describe(const Counting& counting);

} // namespace flopscope
