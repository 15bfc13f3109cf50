// Flopscope core — layers: what a layer is, its output shape and its exact costs.
//
// [SECTION] Kinds
// [SECTION] Shape
// [SECTION] Layer (a flat value type: every kind's parameters in one struct, unused ones ignored)
// [SECTION] Limits
// [SECTION] Costs of one layer
#pragma once

#include "core/count.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace flopscope {

//-----------------------------------------------------------------------------
// [SECTION] Kinds
//-----------------------------------------------------------------------------

enum class LayerKind : std::uint8_t { Conv, Linear, BatchNorm, Activation, Pool, Add, Mul, Concat, Flatten };
enum class ActivationKind : std::uint8_t { ReLU, ReLU6, HardSwish, HardSigmoid, Sigmoid, SiLU, Tanh, GELU };
enum class PoolKind : std::uint8_t { Max, Avg, AdaptiveAvg, AdaptiveMax };

// Names as used in JSON, links and the CLI ("conv", "linear", ... / "relu", "hardswish", ... / "max", ...).
const char* kind_name(LayerKind k);
const char* activation_name(ActivationKind a);
const char* pool_name(PoolKind p);
bool parse_kind(std::string_view s, LayerKind& out);
bool parse_activation(std::string_view s, ActivationKind& out);
bool parse_pool(std::string_view s, PoolKind& out);
inline constexpr int kLayerKindCount = 9;
inline constexpr int kActivationKindCount = 8;
inline constexpr int kPoolKindCount = 4;

//-----------------------------------------------------------------------------
// [SECTION] Shape
//-----------------------------------------------------------------------------

// A feature map of one sample: channels × height × width (batch 1).
struct Shape {
    std::int64_t c = 0, h = 0, w = 0;
    Count elements() const { return count_of(c) * count_of(h) * count_of(w); }
    friend bool operator==(const Shape&, const Shape&) = default;
};

// The standard output-size formula (PyTorch's Conv2d/MaxPool2d):
//   out = floor((in + 2·pad − dilation·(kernel − 1) − 1) / stride) + 1
// With ceil_mode (pooling) the division rounds up, and a last window that would start in the right
// padding is dropped. Returns ≤ 0 when the window does not fit.
std::int64_t conv_output_size(std::int64_t in, std::int64_t kernel, std::int64_t stride, std::int64_t pad,
                              std::int64_t dilation, bool ceil_mode = false);

//-----------------------------------------------------------------------------
// [SECTION] Layer
//-----------------------------------------------------------------------------

inline constexpr int kNetworkInput = -1;  // an input index meaning "the network's input tensor"

struct Layer {
    std::string name;
    LayerKind kind = LayerKind::Conv;

    // Indices of earlier layers whose outputs this layer consumes, or kNetworkInput. Empty means the
    // previous layer's output (the network input for the first layer). Add/Mul/Concat take several.
    std::vector<int> inputs;

    // Conv: output channels. Linear: output features.
    std::int64_t out_channels = 0;
    // Conv and Pool window.
    std::int64_t kernel_h = 1, kernel_w = 1;
    std::int64_t stride_h = 1, stride_w = 1;
    std::int64_t pad_h = 0, pad_w = 0;
    std::int64_t dilation_h = 1, dilation_w = 1;
    std::int64_t groups = 1;  // conv: groups = in_channels = out_channels is depthwise
    bool bias = false;        // conv, linear
    bool ceil_mode = false;   // pool
    ActivationKind activation = ActivationKind::ReLU;
    PoolKind pool = PoolKind::Max;
    // Adaptive pooling: requested output size. Explicit conv: the output size (see below).
    std::int64_t out_h = 0, out_w = 0;

    // Explicit form (the seed notebook's "H, W, K, C_in, C_out, repeat"): a conv that states its own
    // output size out_h × out_w and input channels in_channels instead of taking them from an input.
    // Its input tensor is taken to be in_channels × (out_h·stride_h) × (out_w·stride_w).
    bool explicit_shape = false;
    std::int64_t in_channels = 0;

    // The layer is applied `repeat` times in sequence; all its costs are multiplied by it.
    std::int64_t repeat = 1;

    friend bool operator==(const Layer&, const Layer&) = default;
};

// Convenience constructors for hand-written networks and tests.
Layer make_conv(std::string name, std::int64_t out_channels, std::int64_t kernel, std::int64_t stride = 1,
                std::int64_t pad = 0, std::int64_t groups = 1, bool bias = false, std::int64_t dilation = 1);
Layer make_explicit_conv(std::string name, std::int64_t out_h, std::int64_t out_w, std::int64_t kernel,
                         std::int64_t in_channels, std::int64_t out_channels, std::int64_t repeat = 1);

//-----------------------------------------------------------------------------
// [SECTION] Limits
//-----------------------------------------------------------------------------
// Values beyond these are rejected with a message naming the field (they are far beyond any real
// network, and keep every count well inside 64 bits for typical depths).
inline constexpr std::int64_t kMaxChannels = 1 << 24;   // 16,777,216 channels or features
inline constexpr std::int64_t kMaxSpatial = 1 << 16;    // 65,536 pixels per side
inline constexpr std::int64_t kMaxKernel = 1 << 10;     // kernel, stride, dilation: 1,024
inline constexpr std::int64_t kMaxPadding = 1 << 10;
inline constexpr std::int64_t kMaxRepeat = 10000;
inline constexpr std::int64_t kMaxLayers = 10000;

//-----------------------------------------------------------------------------
// [SECTION] Costs of one layer
//-----------------------------------------------------------------------------

// Raw per-layer costs, independent of the counting convention. Element-wise work of each op class is
// kept apart so that a convention (core/counting.h) can include or exclude it.
struct LayerCost {
    Shape in;   // shape of the first input
    Shape out;
    Count macs;             // dense multiply-accumulates (conv, linear), × repeat
    Count params;           // learnable parameters: weights, bias, batch-norm scale and shift
    Count bias_ops;         // one add per output element of a conv/linear with bias
    Count batchnorm_ops;    // two ops (scale, shift) per element
    Count activation_ops;   // one op per element
    Count pooling_ops;      // one op per window element read (kernel_h·kernel_w per output element)
    Count elementwise_ops;  // add: (inputs − 1) per output element; mul: 1 per output element
    Count input_elements;   // elements read from all inputs (× repeat)
    Count output_elements;  // elements written (× repeat); this is the activation size

    // What the layer is, for counting conventions whose per-class rules depend on it (core/counting.h:
    // which activation functions or pooling kinds a peer counter counts, per-window or per-stride rules).
    LayerKind kind = LayerKind::Conv;
    ActivationKind activation = ActivationKind::ReLU;  // Activation layers
    PoolKind pool = PoolKind::Max;                     // Pool layers
    std::int64_t stride_h = 1, stride_w = 1;           // Pool layers with a fixed window
    std::int64_t repeat = 1;
};

} // namespace flopscope
