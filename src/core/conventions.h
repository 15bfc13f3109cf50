// Flopscope core — peer conventions: the counting rules of widely used FLOP counters, as presets.
//
// "Why does tool X say something else?" Each preset is a Counting (core/counting.h) that reproduces
// one counter's documented rules op class by op class, the total that counter prints (its headline:
// MACs or FLOPs), a written rule for the UI's "About the counting" section and `--convention NAME`,
// and the source file the rule was read from. compare_conventions() gives one network's totals under
// every preset side by side, with each op class's share, for the comparison table.
//
// What Flopscope cannot know: whether a model calls an activation or pooling as a module or as a
// torch.nn.functional call (ptflops and thop only see modules). The presets count by op class, so the
// few functional calls in torchvision's models (DenseNet's and GoogLeNet's final ReLUs, the global
// average pools written as x.mean or F.adaptive_avg_pool2d in MobileNetV2, ShuffleNetV2, MNASNet,
// DenseNet) count as if they were modules. ResNets, VGG, AlexNet and SqueezeNet use modules throughout.
#pragma once

#include "core/network.h"

#include <string>
#include <string_view>
#include <vector>

namespace flopscope {

enum class Headline : std::uint8_t { MACs, FLOPs, Count_ };
inline constexpr EnumNames<Headline> kHeadlineUnits{"MACs", "FLOPs"};

struct Convention {
    const char* name;       // "torchvision", "fvcore", "ptflops", "thop", "torchinfo", "calflops", ...
    const char* tool;       // the counter and the call that prints the number
    Counting counting;
    Headline headline;      // which total the tool prints
    const char* unit;       // what the tool calls its number, e.g. "GMac", "flops", "Total mult-adds"
    const char* rule;       // the rule, written out (one paragraph)
    const char* source;     // where the rule was read (repository and file)
};

// Every preset; the first is the default ("torchvision", Counting{}).
const std::vector<Convention>& conventions();
const Convention* find_convention(std::string_view name);

// The number the convention's tool would print for these totals (evaluated under its counting).
Count headline_value(const Totals& totals, const Convention& convention);
inline const char* headline_unit(Headline h) { return kHeadlineUnits.name(h); }

// One network under one preset: the headline and its breakdown by op class.
struct ConventionTotals {
    const Convention* convention = nullptr;
    Count value;        // the headline
    Count macs, flops;  // Totals::macs and Totals::flops under the preset's counting
    Count dense_macs;   // conv, linear and matmul MACs (the same under every preset)
    CountedOps extra;   // what each op class adds on top of the dense MACs
    std::string error;  // empty unless the network does not evaluate
};

// The same network's totals under every preset, in conventions() order.
std::vector<ConventionTotals> compare_conventions(const Network& net);

// What a row adds to or takes from the torchvision number, by op class, e.g.
// "+ normalization 4,967,424 + pooling 25,088" or "× 2 (FLOPs) + bias 1,000 …"; "" for torchvision itself.
std::string explain_difference(const ConventionTotals& row);

} // namespace flopscope
