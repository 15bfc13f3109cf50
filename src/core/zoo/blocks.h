// Flopscope core — building blocks the zoo's families share: torchvision's _make_divisible,
// squeeze-and-excitation (torchvision.ops.SqueezeExcitation) and the inverted-residual block of
// MobileNetV2/V3, EfficientNet and MNASNet.
#pragma once

#include "core/zoo.h"

#include <cstdint>
#include <string>

namespace flopscope::zoo {

// torchvision's _make_divisible(v, divisor, min_value=None), and MNASNet's _round_to_multiple_of(v,
// divisor), which is the same rule: the nearest multiple of `divisor`, at least `divisor`, never more
// than 10 % below v. v is a Python float (e.g. 32 × 1.1 for EfficientNet-B2), computed here in double
// precision step by step as Python does it.
std::int64_t make_divisible(double v, std::int64_t divisor);

// torchvision.ops.SqueezeExcitation on layer `input` (C channels): avgpool → fc1 (1×1 conv to
// `squeeze` channels, bias) → activation → fc2 (1×1 conv back to C, bias) → scale_activation, then
// `input` × scale. Layers are named prefix + ".avgpool", ".fc1", ... ; the product prefix + ".scale".
// Returns the product's index.
int squeeze_excitation(NetBuilder& b, const std::string& prefix, std::int64_t squeeze, ActivationKind act,
                       ActivationKind scale_act, int input);

// The inverted-residual ("MBConv") block: optional 1×1 expansion, k×k depthwise, optional SE, 1×1
// linear projection, and a residual add when stride is 1 and input and output channels agree.
struct InvertedResidual {
    std::int64_t in = 0, expanded = 0, out = 0, kernel = 3, stride = 1;
    ActivationKind act = ActivationKind::ReLU;
    std::int64_t se_squeeze = 0;  // 0: no squeeze-and-excitation
    ActivationKind se_act = ActivationKind::ReLU, se_scale = ActivationKind::Sigmoid;
};

// Module naming differs between torchvision's files:
//   V2     mobilenetv2.py: prefix.0 (expand Conv2dNormActivation), prefix.k (depthwise), then a bare
//          Conv2d prefix.k+1 and BatchNorm prefix.k+2 for the projection;
//   Block  mobilenetv3.py / efficientnet.py: expand, depthwise, SE, projection each a numbered
//          sub-module (Conv2dNormActivation: .0 conv, .1 norm, .2 activation);
//   Mnas   mnasnet.py: one flat Sequential, prefix.0 … prefix.7 (always expands).
enum class IrStyle { V2, Block, Mnas };

// Appends the block's layers under `prefix` (e.g. "features.2.conv") with its residual add named
// `add_name`. Returns the block's output index.
int inverted_residual(NetBuilder& b, const std::string& prefix, const std::string& add_name,
                      const InvertedResidual& spec, IrStyle style);

} // namespace flopscope::zoo
