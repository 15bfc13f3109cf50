// Flopscope core — counting conventions: which work a "MAC" or "FLOP" total includes.
//
// Published FLOP counters disagree (ResNet-18 at 224 is reported as anything from 1.81 G to 3.64 G)
// because they count different things. Flopscope states its convention next to every total.
//
// Default (torchvision's): MACs = multiply-accumulates of every matrix product, each counted once:
// convolutions, fully-connected layers (Linear, TokenLinear: the attention projections and MLPs) and
// MatMul (attention's Q·Kᵀ and A·V); bias not counted, nothing element-wise; FLOPs = 2 × MACs (the
// seed notebook's convention). This is what torchvision's published GFLOPS count (conv + mm/addmm/bmm).
// Each switch below adds one op class's element-wise work to both totals:
//   bias         1 op per output element of a conv/linear/token-linear layer that has a bias
//   batchnorm    normalization: batch norm 2 ops per element (inference: one multiply, one add); layer
//                norm (LayerNorm, LayerNorm2d) 5 per element (mean, variance, normalize, scale, shift:
//                it cannot be folded into the previous layer, and 5 is fvcore's and calflops' estimate)
//   activations  1 op per element (any activation function, softmax included)
//   pooling      1 op per element of each pooling window (kernel_h·kernel_w per output element;
//                adaptive pooling: every input element once)
//   elementwise  1 op per output element per extra operand of an add; 1 per output element of a multiply
// MACs(counted)  = conv/linear MACs + switched-on ops
// FLOPs(counted) = flops_per_mac × conv/linear MACs + switched-on ops
//
// Finer rules, so that the presets of core/conventions.h can reproduce other counters exactly. Their
// defaults keep the meaning above (a Counting with only the switches set counts as described there):
//   linear_bias            with `bias`: a linear layer's bias adds count too (calflops counts conv bias only)
//   batchnorm_ops          ops per element with `batchnorm` (thop: 4); when not 2, every normalization
//                          layer (layer norm too) counts this many instead of its own 2 or 5
//   batchnorm_per_channel  … per channel instead of per element (torchinfo: 2 per channel, its scale and
//                          shift parameters, whatever the feature map's size; a LayerNorm's "channels"
//                          are its normalized last dimension)
//   activation_ops         ops per element with `activations` (convnet-burden: 2, "comparison + multiply")
//   activation_kinds       which functions count: bit (1 << ActivationKind) set (ptflops: ReLU, ReLU6, GELU)
//   pool_rule              how a pooling layer costs with `pooling` (PoolRule below)
//   pool_kinds             which poolings count: bit (1 << PoolKind) set (fvcore: adaptive average only)
//   elementwise_mul        with `elementwise`: multiplies count too, not only adds
#pragma once

#include "core/layer.h"

#include <cstdint>
#include <iterator>
#include <string>

namespace flopscope {

// How a pooling layer costs when `pooling` is on (× repeat):
//   Window   kernel_h·kernel_w per output element; adaptive pooling: every input element once (default)
//   Input    1 per input element, any pooling (ptflops, calflops; fvcore for adaptive average pooling)
//   Thop     average pooling 1 per output element; adaptive average pooling (in/out area + 1) per output
//            element, rounded down (thop's count_avgpool / count_adap_avgpool)
//   Stride2  2 per output element × stride_h·stride_w ("two flops per location", convnet-burden);
//            adaptive pooling as the fixed pool it stands for, stride = input size / output size
enum class PoolRule : std::uint8_t { Window, Input, Thop, Stride2, Count_ };
inline constexpr EnumNames<PoolRule> kPoolRuleNames{"window", "input", "thop", "stride2"};  // links, JSON

inline constexpr std::uint32_t kAllActivationKinds = (1u << kActivationKindCount) - 1;
inline constexpr std::uint32_t kAllPoolKinds = (1u << kPoolKindCount) - 1;
constexpr std::uint32_t bit(ActivationKind a) { return 1u << static_cast<unsigned>(a); }
constexpr std::uint32_t bit(PoolKind p) { return 1u << static_cast<unsigned>(p); }

struct Counting {
    bool bias = false;
    bool batchnorm = false;
    bool activations = false;
    bool pooling = false;
    bool elementwise = false;
    int flops_per_mac = 2;  // 2: a MAC is a multiply and an add. 1: "FLOPs" means MACs (some counters).

    // Finer rules (see above); the defaults keep each switch's documented meaning.
    bool linear_bias = true;
    int batchnorm_ops = 2;
    bool batchnorm_per_channel = false;
    int activation_ops = 1;
    std::uint32_t activation_kinds = kAllActivationKinds;
    PoolRule pool_rule = PoolRule::Window;
    std::uint32_t pool_kinds = kAllPoolKinds;
    bool elementwise_mul = true;

    // True when the finer rules are all at their defaults (only the switches say what counts).
    bool default_rules() const;

    friend bool operator==(const Counting&, const Counting&) = default;
};

// The ops each op class adds under `counting` for one layer (zero for classes switched off).
struct CountedOps {
    Count bias, batchnorm, activations, pooling, elementwise;
    Count total() const { return bias + batchnorm + activations + pooling + elementwise; }
    CountedOps& operator+=(const CountedOps& o);  // class by class
};
CountedOps counted_ops(const LayerCost& c, const Counting& counting);

// The five op classes whose element-wise work a convention switches on or off, one row each: every
// place that names, counts or offers them (describe(), the convention comparison, the link keys, the
// state JSON, the CLI options, the Network panel's switches and the help) loops over this table.
enum class OpClass : std::uint8_t { Bias, Normalization, Activations, Pooling, Elementwise, Count_ };
struct OpClassInfo {
    OpClass op;
    const char* key;         // the link key
    const char* json;        // the member in the state JSON's "convention"
    const char* cli;         // the CLI switch
    const char* cli_help;    // its --help line
    const char* name;        // in explain_difference(): "+ normalization 4,967,424"
    const char* counted;     // in describe(): "… plus bias, normalization; not counted: element-wise add/multiply"
    const char* label;       // the Network panel's checkbox
    const char* label_help;  // its tooltip, or nullptr
    const char* rule;        // the help's bullet: what the switch adds
    bool Counting::*flag;    // the switch
    Count CountedOps::*ops;  // the ops it adds
};
inline constexpr OpClassInfo kOpClasses[] = {
    {OpClass::Bias, "bias", "bias", "--count-bias", "Count the bias additions of conv and linear layers.", "bias",
     "bias", "Bias (1 op per output element)", nullptr,
     "Bias: 1 op per output element of a convolution or linear layer that has a bias.", &Counting::bias,
     &CountedOps::bias},
    {OpClass::Normalization, "bn", "batchnorm", "--count-batchnorm", "Count batch norm's element-wise work.",
     "normalization", "normalization", "Batch norm (2 ops per element)", nullptr,
     "Batch norm: 2 ops per element (inference: one multiply, one add).", &Counting::batchnorm,
     &CountedOps::batchnorm},
    {OpClass::Activations, "act", "activations", "--count-activations", "Count the activation functions' work.",
     "activations", "activations", "Activations (1 op per element)", nullptr,
     "Activations: 1 op per element, whatever the function (ReLU, hardswish, sigmoid…).", &Counting::activations,
     &CountedOps::activations},
    {OpClass::Pooling, "pool", "pooling", "--count-pooling", "Count the pooling layers' work.", "pooling", "pooling",
     "Pooling (1 op per window element)", nullptr,
     "Pooling: 1 op per element of each pooling window (K_h·K_w per output element; adaptive pooling reads every "
     "input element once).",
     &Counting::pooling, &CountedOps::pooling},
    {OpClass::Elementwise, "elt", "elementwise", "--count-elementwise", "Count element-wise additions (and products).",
     "element-wise", "element-wise add/multiply", "Element-wise add / multiply",
     "Add: 1 op per output element per extra operand; multiply: 1 per output element.",
     "Element-wise: an add costs 1 op per output element per extra operand, a multiply 1 per output element.",
     &Counting::elementwise, &CountedOps::elementwise},
};
static_assert(std::size(kOpClasses) == static_cast<std::size_t>(OpClass::Count_), "one row per op class");
constexpr const OpClassInfo& op_class(OpClass c) { return kOpClasses[static_cast<std::size_t>(c)]; }

// The element-wise ops of `c` that this convention includes.
Count counted_extra_ops(const LayerCost& c, const Counting& counting);
Count counted_macs(const LayerCost& c, const Counting& counting);
Count counted_flops(const LayerCost& c, const Counting& counting);

// One sentence stating the convention, shown next to every total, e.g.
// "torchvision convention: MACs of conv, linear and matmul layers; not counted: …; FLOPs = 2 × MACs".
std::string describe(const Counting& counting);

} // namespace flopscope
