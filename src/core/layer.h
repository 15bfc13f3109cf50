// Flopscope core — layers: what a layer is, its output shape and its exact costs.
//
// [SECTION] Kinds
// [SECTION] Shape
// [SECTION] Layer (a flat value type: every kind's parameters in one struct, unused ones ignored)
// [SECTION] Limits
// [SECTION] Costs of one layer
#pragma once

#include "core/count.h"
#include "core/enum_names.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace flopscope {

//-----------------------------------------------------------------------------
// [SECTION] Kinds
//-----------------------------------------------------------------------------

// Count_ ends each enum: its name table (core/enum_names.h) is built from exactly that many names, so a
// kind without a name fails to compile. New values go at the end: links and JSON read kinds by name or
// letter, and counting masks by bit (1 << value).
//
// The kinds transformers need (ViT, Swin, ConvNeXt), in the tensor form of [SECTION] Shape:
//   LayerNorm    normalizes over the last dimension (w) at every c, h; affine: 2·w params
//   LayerNorm2d  ConvNeXt's channels-last LayerNorm2d: normalizes over c at every h, w; 2·c params
//   MatMul       batched matrix product of two inputs, [b, M, K] · [b, K, N] → [b, M, N]
//                (attention's Q·Kᵀ and A·V; b may be 1 on one side and broadcasts)
//   TokenLinear  torch's nn.Linear on a token tensor: maps the last dimension w → out_channels at every
//                c, h (ViT/Swin projections and MLPs, ConvNeXt's channels-last pointwise layers)
//   Reshape      view / permute / transpose / flatten(2).transpose: the same elements in a new shape
//                c × out_h × out_w; computes nothing (a permute moves data, which no convention counts)
//   Select       picks elements by a fixed index into a stated shape c × out_h × out_w: a slice or
//                chunk (qkv[0], x[:, 0]), a gather (Swin's relative-position bias from its table) or an
//                expand; computes nothing
//   Param        a learned tensor c × out_h × out_w that the network adds, multiplies or concatenates:
//                ViT's class token (Concat) and position embedding (Add), ConvNeXt's layer scale (Mul),
//                Swin's relative-position bias table (Select, then Add). Its params are its elements; it
//                reads no input and computes nothing (the Add/Mul/Concat that uses it does).
// Softmax (over the last dimension) is an activation function, GELU and SiLU are too.
// Stochastic depth and dropout are the identity at inference: no kind, nothing to count.
enum class LayerKind : std::uint8_t {
    Conv, Linear, BatchNorm, Activation, Pool, Add, Mul, Concat, Flatten,
    LayerNorm, LayerNorm2d, MatMul, TokenLinear, Reshape, Select, Param,
    Count_
};
enum class ActivationKind : std::uint8_t { ReLU, ReLU6, HardSwish, HardSigmoid, Sigmoid, SiLU, Tanh, GELU, Softmax, Count_ };
enum class PoolKind : std::uint8_t { Max, Avg, AdaptiveAvg, AdaptiveMax, Count_ };

// Names as used in JSON, links and the CLI ("conv", "linear", ... / "relu", "hardswish", ... / "max", ...).
inline constexpr EnumNames<LayerKind> kLayerKindNames{
    "conv",      "linear",      "batchnorm",   "activation",   "pool",    "add",    "mul",    "concat", "flatten",
    "layernorm", "layernorm2d", "matmul",      "token_linear", "reshape", "select", "param"};
inline constexpr EnumNames<ActivationKind> kActivationNames{"relu", "relu6", "hardswish", "hardsigmoid", "sigmoid",
                                                            "silu", "tanh",  "gelu",      "softmax"};
inline constexpr EnumNames<PoolKind> kPoolNames{"max", "avg", "adaptive_avg", "adaptive_max"};
inline const char* kind_name(LayerKind k) { return kLayerKindNames.name(k); }
inline const char* activation_name(ActivationKind a) { return kActivationNames.name(a); }
inline const char* pool_name(PoolKind p) { return kPoolNames.name(p); }
inline bool parse_kind(std::string_view s, LayerKind& out) { return kLayerKindNames.parse(s, out); }
inline bool parse_activation(std::string_view s, ActivationKind& out) { return kActivationNames.parse(s, out); }
inline bool parse_pool(std::string_view s, PoolKind& out) { return kPoolNames.parse(s, out); }
inline constexpr int kLayerKindCount = static_cast<int>(LayerKind::Count_);
inline constexpr int kActivationKindCount = static_cast<int>(ActivationKind::Count_);
inline constexpr int kPoolKindCount = static_cast<int>(PoolKind::Count_);

//-----------------------------------------------------------------------------
// [SECTION] Shape
//-----------------------------------------------------------------------------

// The tensor of one sample (batch 1, the batch dimension left out), held as three dimensions c × h × w
// in PyTorch's order, outermost first:
// * a feature map [C, H, W] is C × H × W, as it always was;
// * a token tensor [N, D] (N tokens of D features, e.g. ViT's 197 × 768) is 1 × N × D: rank-2 tensors
//   get a leading 1, and w is the last ("feature") dimension that LayerNorm, Softmax and TokenLinear
//   act over; Swin's channels-last [H, W, C] map is H × W × C;
// * a tensor of rank 4 or more has its leading dimensions merged into c: attention's per-head
//   [heads, N, d] is heads × N × d, Swin's windowed [windows, heads, N, d] is (windows·heads) × N × d.
//   MatMul treats c as the batch of matrices h × w.
// The classifier kinds keep their own form: Flatten and Linear write a vector of F features as F × 1 × 1
// and Linear reads all of its input's elements (torch.flatten, then nn.Linear), so every existing
// network and link means what it did. Every count is a product of dimensions, so merging leading
// dimensions changes no count; Reshape and Select state the shape they produce.
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

    // Conv: output channels. Linear, TokenLinear: output features. Reshape, Select, Param: the output's
    // c (with out_h × out_w below).
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
    // Adaptive pooling: requested output size. Explicit conv: the output size (see below). Reshape,
    // Select, Param: the output's h × w.
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

// An adaptive pool states its output size; a window pool has a kernel, stride and padding.
inline bool is_adaptive_pool(const Layer& l) {
    return l.kind == LayerKind::Pool && (l.pool == PoolKind::AdaptiveAvg || l.pool == PoolKind::AdaptiveMax);
}

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
    Count macs;             // dense multiply-accumulates (conv, linear, token linear, matmul), × repeat
    Count params;           // learnable parameters: weights, bias, norm scale and shift, Param tensors
    Count bias_ops;         // one add per output element of a conv, linear or token linear with bias
    Count batchnorm_ops;    // normalization: batch norm 2 per element (scale, shift; inference);
                            // layer norm 5 per element (mean, variance, normalize, scale, shift:
                            // the estimate fvcore's norm_flop_jit and DeepSpeed/calflops use)
    Count activation_ops;   // one op per element (softmax too)
    Count pooling_ops;      // one op per window element read (kernel_h·kernel_w per output element)
    Count elementwise_ops;  // add: (inputs − 1) per output element; mul: (inputs − 1) per output element
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
