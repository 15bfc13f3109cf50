// Flopscope core — the output-size formula and the layer constructors (names: layer.h).
#include "core/layer.h"

namespace flopscope {

std::int64_t conv_output_size(std::int64_t in, std::int64_t kernel, std::int64_t stride, std::int64_t pad,
                              std::int64_t dilation, bool ceil_mode) {
    if (stride <= 0) return 0;
    // PyTorch's pooling_output_shape: div_rtn(span + (ceil_mode ? stride − 1 : 0), stride) + 1, so in
    // ceil_mode a window may overhang the input by up to stride − 1 (a 3×3/2 ceil-mode pool accepts 2×2).
    const std::int64_t span = in + 2 * pad - dilation * (kernel - 1) - 1 + (ceil_mode ? stride - 1 : 0);
    if (span < 0) return 0;
    std::int64_t out = span / stride + 1;
    // PyTorch: with ceil_mode, the last window must start inside the input or the left padding.
    if (ceil_mode && (out - 1) * stride >= in + pad) --out;
    return out;
}

Layer make_conv(std::string name, std::int64_t out_channels, std::int64_t kernel, std::int64_t stride,
                std::int64_t pad, std::int64_t groups, bool bias, std::int64_t dilation) {
    Layer l;
    l.name = std::move(name);
    l.kind = LayerKind::Conv;
    l.out_channels = out_channels;
    l.kernel_h = l.kernel_w = kernel;
    l.stride_h = l.stride_w = stride;
    l.pad_h = l.pad_w = pad;
    l.groups = groups;
    l.bias = bias;
    l.dilation_h = l.dilation_w = dilation;
    return l;
}

Layer make_explicit_conv(std::string name, std::int64_t out_h, std::int64_t out_w, std::int64_t kernel,
                         std::int64_t in_channels, std::int64_t out_channels, std::int64_t repeat) {
    Layer l = make_conv(std::move(name), out_channels, kernel, 1, kernel / 2);
    l.explicit_shape = true;
    l.out_h = out_h;
    l.out_w = out_w;
    l.in_channels = in_channels;
    l.repeat = repeat;
    return l;
}

} // namespace flopscope
