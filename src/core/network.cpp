// Flopscope core — validation, shape inference and exact costs of a network.
//
// [SECTION] Field validation
// [SECTION] Shape inference and costs per kind
// [SECTION] Evaluation
#include "core/network.h"

#include "core/format.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace flopscope {

namespace {

std::string dims(const Shape& s) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "%lld×%lld×%lld", static_cast<long long>(s.c), static_cast<long long>(s.h),
                  static_cast<long long>(s.w));
    return buf;
}


// "" when lo ≤ value ≤ hi, else "<field> <value> is outside <lo>…<hi>".
std::string check_range(const char* field, std::int64_t value, std::int64_t lo, std::int64_t hi) {
    if (value >= lo && value <= hi) return {};
    std::string msg = std::string(field) + " " + with_commas_signed(value);
    if (value < lo) msg += lo == 1 ? " must be at least 1" : (lo == 0 ? " must not be negative" : " is below " + with_commas_signed(lo));
    else msg += " is above the limit of " + with_commas_signed(hi);
    return msg;
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Field validation
//-----------------------------------------------------------------------------

std::string validate_fields(const Layer& l) {
    std::string e;
    auto check = [&](const char* field, std::int64_t v, std::int64_t lo, std::int64_t hi) {
        if (e.empty()) e = check_range(field, v, lo, hi);
    };
    check("repeat", l.repeat, 1, kMaxRepeat);
    switch (l.kind) {
    case LayerKind::Conv:
        check("output channels", l.out_channels, 1, kMaxChannels);
        check("kernel height", l.kernel_h, 1, kMaxKernel);
        check("kernel width", l.kernel_w, 1, kMaxKernel);
        check("stride (height)", l.stride_h, 1, kMaxKernel);
        check("stride (width)", l.stride_w, 1, kMaxKernel);
        check("padding (height)", l.pad_h, 0, kMaxPadding);
        check("padding (width)", l.pad_w, 0, kMaxPadding);
        check("dilation (height)", l.dilation_h, 1, kMaxKernel);
        check("dilation (width)", l.dilation_w, 1, kMaxKernel);
        check("groups", l.groups, 1, kMaxChannels);
        if (l.explicit_shape) {
            check("input channels", l.in_channels, 1, kMaxChannels);
            check("output height", l.out_h, 1, kMaxSpatial);
            check("output width", l.out_w, 1, kMaxSpatial);
        }
        if (e.empty() && l.out_channels % l.groups != 0)
            e = "output channels " + with_commas_signed(l.out_channels) + " are not divisible by groups " + with_commas_signed(l.groups);
        break;
    case LayerKind::Linear:
        check("output features", l.out_channels, 1, kMaxChannels);
        break;
    case LayerKind::Pool:
        if (l.pool == PoolKind::AdaptiveAvg || l.pool == PoolKind::AdaptiveMax) {
            check("output height", l.out_h, 1, kMaxSpatial);
            check("output width", l.out_w, 1, kMaxSpatial);
        } else {
            check("kernel height", l.kernel_h, 1, kMaxKernel);
            check("kernel width", l.kernel_w, 1, kMaxKernel);
            check("stride (height)", l.stride_h, 1, kMaxKernel);
            check("stride (width)", l.stride_w, 1, kMaxKernel);
            check("padding (height)", l.pad_h, 0, l.kernel_h / 2);
            check("padding (width)", l.pad_w, 0, l.kernel_w / 2);
        }
        break;
    case LayerKind::Add:
    case LayerKind::Mul:
        if (e.empty() && l.inputs.size() < 2) e = std::string(kind_name(l.kind)) + " needs at least two inputs";
        break;
    case LayerKind::MatMul:
        if (e.empty() && l.inputs.size() != 2)
            e = "matmul takes two inputs (A · B), not " + std::to_string(l.inputs.size());
        break;
    case LayerKind::TokenLinear:
        check("output features", l.out_channels, 1, kMaxChannels);
        break;
    case LayerKind::Reshape:
    case LayerKind::Select:
    case LayerKind::Param:
        check("output channels", l.out_channels, 1, kMaxChannels);
        check("output height", l.out_h, 1, kMaxSpatial);
        check("output width", l.out_w, 1, kMaxSpatial);
        if (e.empty() && l.kind == LayerKind::Param && !l.inputs.empty()) e = "param reads no input";
        break;
    case LayerKind::BatchNorm:
    case LayerKind::Activation:
    case LayerKind::Concat:
    case LayerKind::Flatten:
    case LayerKind::LayerNorm:
    case LayerKind::LayerNorm2d:
    case LayerKind::Count_:
        break;
    }
    const bool multi_input = l.kind == LayerKind::Add || l.kind == LayerKind::Mul || l.kind == LayerKind::Concat ||
                             l.kind == LayerKind::MatMul || (l.kind == LayerKind::Conv && l.explicit_shape);
    if (e.empty() && l.inputs.size() > 1 && !multi_input)
        e = std::string(kind_name(l.kind)) + " takes one input, not " + std::to_string(l.inputs.size());
    return e;
}

//-----------------------------------------------------------------------------
// [SECTION] Shape inference and costs per kind
//-----------------------------------------------------------------------------

namespace {

// Computes `cost` for layer `l` whose inputs have shapes `ins` (already resolved). Returns "" or an error.
std::string cost_of(const Layer& l, const std::vector<Shape>& ins, LayerCost& cost) {
    const Shape in = ins.empty() ? Shape{} : ins.front();
    cost.in = in;
    Shape out = in;
    Count macs, params, bias_ops, bn_ops, act_ops, pool_ops, elt_ops;

    switch (l.kind) {
    case LayerKind::Conv: {
        Shape cin = in;
        if (l.explicit_shape) {
            cin = Shape{l.in_channels, l.out_h * l.stride_h, l.out_w * l.stride_w};
            out = Shape{l.out_channels, l.out_h, l.out_w};
        } else {
            const std::int64_t oh = conv_output_size(in.h, l.kernel_h, l.stride_h, l.pad_h, l.dilation_h);
            const std::int64_t ow = conv_output_size(in.w, l.kernel_w, l.stride_w, l.pad_w, l.dilation_w);
            if (oh <= 0 || ow <= 0)
                return "the " + with_commas_signed(l.kernel_h) + "×" + with_commas_signed(l.kernel_w) + " kernel (dilation " + with_commas_signed(l.dilation_h) +
                       ") does not fit the " + with_commas_signed(in.h) + "×" + with_commas_signed(in.w) + " input with padding " + with_commas_signed(l.pad_h);
            out = Shape{l.out_channels, oh, ow};
        }
        cost.in = cin;
        if (cin.c % l.groups != 0)
            return "input channels " + with_commas_signed(cin.c) + " are not divisible by groups " + with_commas_signed(l.groups);
        const Count per_output = count_of(l.kernel_h) * count_of(l.kernel_w) * count_of(cin.c / l.groups);
        macs = out.elements() * per_output;
        params = per_output * count_of(l.out_channels) + (l.bias ? count_of(l.out_channels) : Count(0));
        if (l.bias) bias_ops = out.elements();
        break;
    }
    case LayerKind::Linear: {
        const Count in_features = in.elements();
        out = Shape{l.out_channels, 1, 1};
        macs = in_features * count_of(l.out_channels);
        params = macs + (l.bias ? count_of(l.out_channels) : Count(0));
        if (l.bias) bias_ops = count_of(l.out_channels);
        break;
    }
    case LayerKind::BatchNorm:
        params = count_of(in.c) * 2;
        bn_ops = in.elements() * 2;
        break;
    case LayerKind::Activation:
        act_ops = in.elements();
        break;
    case LayerKind::Pool:
        if (l.pool == PoolKind::AdaptiveAvg || l.pool == PoolKind::AdaptiveMax) {
            out = Shape{in.c, l.out_h, l.out_w};
            pool_ops = in.elements();
        } else {
            const std::int64_t oh = conv_output_size(in.h, l.kernel_h, l.stride_h, l.pad_h, 1, l.ceil_mode);
            const std::int64_t ow = conv_output_size(in.w, l.kernel_w, l.stride_w, l.pad_w, 1, l.ceil_mode);
            if (oh <= 0 || ow <= 0)
                return "the " + with_commas_signed(l.kernel_h) + "×" + with_commas_signed(l.kernel_w) + " pooling window does not fit the " +
                       with_commas_signed(in.h) + "×" + with_commas_signed(in.w) + " input";
            out = Shape{in.c, oh, ow};
            pool_ops = out.elements() * count_of(l.kernel_h) * count_of(l.kernel_w);
        }
        break;
    case LayerKind::Add:
    case LayerKind::Mul: {
        // PyTorch's broadcasting over c, h, w: each dimension equal, or 1 on all but one side (a C×1×1
        // squeeze-excitation gate or layer scale, a 1×N×D position embedding).
        out = Shape{1, 1, 1};
        for (const Shape& s : ins) out = Shape{std::max(out.c, s.c), std::max(out.h, s.h), std::max(out.w, s.w)};
        for (const Shape& s : ins) {
            auto fits = [](std::int64_t d, std::int64_t o) { return d == o || d == 1; };
            if (!fits(s.c, out.c) || !fits(s.h, out.h) || !fits(s.w, out.w))
                return std::string("cannot ") + (l.kind == LayerKind::Add ? "add " : "multiply ") + dims(s) +
                       " and " + dims(out) + " (shapes differ)";
        }
        elt_ops = out.elements() * count_of(static_cast<std::int64_t>(ins.size()) - 1);
        break;
    }
    case LayerKind::Concat: {
        // Along c when all agree in h and w (feature maps); else along h when they agree in c and w (tokens:
        // ViT's class token joins 1×1×D to 1×N×D); else along w when they agree in c and h.
        auto joined = [&](std::int64_t Shape::*axis, std::int64_t Shape::*a, std::int64_t Shape::*b) {
            for (const Shape& s : ins)
                if (s.*a != in.*a || s.*b != in.*b) return false;
            out = in;
            out.*axis = 0;
            for (const Shape& s : ins) out.*axis += s.*axis;
            return true;
        };
        if (!joined(&Shape::c, &Shape::h, &Shape::w) && !joined(&Shape::h, &Shape::c, &Shape::w) &&
            !joined(&Shape::w, &Shape::c, &Shape::h)) {
            for (const Shape& s : ins)
                if (s.h != in.h || s.w != in.w)
                    return "cannot concatenate " + dims(s) + " with " + dims(in) + " (height and width differ)";
        }
        if (out.c > kMaxChannels) return "concatenated channels " + with_commas_signed(out.c) + " are above the limit of " + with_commas_signed(kMaxChannels);
        if (out.h > kMaxSpatial || out.w > kMaxSpatial)
            return "the concatenated " + dims(out) + " is above the limit of " + with_commas_signed(kMaxSpatial) + " per side";
        break;
    }
    case LayerKind::Flatten: {
        const Count n = in.elements();
        if (!n.ok() || n.value > static_cast<std::uint64_t>(kMaxChannels) * kMaxSpatial)
            return "flattened size is too large";
        out = Shape{static_cast<std::int64_t>(n.value), 1, 1};
        break;
    }
    case LayerKind::LayerNorm:
        params = count_of(in.w) * 2;
        bn_ops = in.elements() * 5;
        break;
    case LayerKind::LayerNorm2d:
        params = count_of(in.c) * 2;
        bn_ops = in.elements() * 5;
        break;
    case LayerKind::MatMul: {
        // [b, M, K] · [b, K, N] → [b, M, N]; a batch of 1 on either side broadcasts.
        const Shape& a = ins[0];
        const Shape& b = ins[1];
        if (a.w != b.h)
            return "cannot multiply " + dims(a) + " by " + dims(b) + ": A's last dimension " + with_commas_signed(a.w) +
                   " is not B's rows " + with_commas_signed(b.h);
        if (a.c != b.c && a.c != 1 && b.c != 1)
            return "cannot multiply " + dims(a) + " by " + dims(b) + ": batches " + with_commas_signed(a.c) + " and " + with_commas_signed(b.c) +
                   " differ";
        out = Shape{std::max(a.c, b.c), a.h, b.w};
        macs = out.elements() * count_of(a.w);
        break;
    }
    case LayerKind::TokenLinear:
        out = Shape{in.c, in.h, l.out_channels};
        macs = count_of(in.c) * count_of(in.h) * count_of(in.w) * count_of(l.out_channels);
        params = count_of(in.w) * count_of(l.out_channels) + (l.bias ? count_of(l.out_channels) : Count(0));
        if (l.bias) bias_ops = out.elements();
        break;
    case LayerKind::Reshape:
        out = Shape{l.out_channels, l.out_h, l.out_w};
        if (!(out.elements() == in.elements()))
            return "cannot reshape " + dims(in) + " (" + with_commas(in.elements()) + " elements) to " + dims(out) +
                   " (" + with_commas(out.elements()) + ")";
        break;
    case LayerKind::Select:
        out = Shape{l.out_channels, l.out_h, l.out_w};
        break;
    case LayerKind::Param:
        out = Shape{l.out_channels, l.out_h, l.out_w};
        params = out.elements();
        break;
    case LayerKind::Count_:
        return "unknown layer kind";
    }

    if (l.repeat > 1 && !l.explicit_shape && !(out == in))
        return "repeat " + with_commas_signed(l.repeat) + " needs a layer whose output shape equals its input (" + dims(in) +
               " → " + dims(out) + ")";

    Count in_elems;
    for (const Shape& s : ins) in_elems += s.elements();
    if (l.kind == LayerKind::Conv && l.explicit_shape) in_elems = cost.in.elements();
    if (l.kind == LayerKind::Param) in_elems = Count(0), cost.in = Shape{};  // it reads no input

    const Count rep = count_of(l.repeat);
    cost.kind = l.kind;
    cost.activation = l.activation;
    cost.pool = l.pool;
    cost.stride_h = l.stride_h;
    cost.stride_w = l.stride_w;
    cost.repeat = l.repeat;
    cost.out = out;
    cost.macs = macs * rep;
    cost.params = params * rep;
    cost.bias_ops = bias_ops * rep;
    cost.batchnorm_ops = bn_ops * rep;
    cost.activation_ops = act_ops * rep;
    cost.pooling_ops = pool_ops * rep;
    cost.elementwise_ops = elt_ops * rep;
    cost.input_elements = in_elems * rep;
    // A Param layer's tensor is a stored weight that its consumer reads (counted in params), not an
    // activation the network writes: inception_v3's training-only aux weights, ViT's class token.
    cost.output_elements = l.kind == LayerKind::Param ? Count(0) : out.elements() * rep;

    const Count all[] = {cost.macs,           cost.params,          cost.bias_ops,       cost.batchnorm_ops,
                         cost.activation_ops, cost.pooling_ops,     cost.elementwise_ops, cost.input_elements,
                         cost.output_elements};
    for (const Count& c : all)
        if (!c.ok()) return "a count overflows 64 bits (more than 18,446,744,073,709,551,615)";
    return {};
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Evaluation
//-----------------------------------------------------------------------------

Evaluation evaluate(const Network& net, const Counting& counting) {
    Evaluation ev;
    auto fail = [&](int layer, std::string msg) {
        ev.error_layer = layer;
        ev.error = layer >= 0 ? "layer " + std::to_string(layer + 1) + " \"" + net.layers[layer].name + "\": " + msg
                              : msg;
        return ev;
    };
    // Only 1 and 2 mean anything (counting.h); any other value would scale every FLOP total silently.
    if (counting.flops_per_mac != 1 && counting.flops_per_mac != 2)
        return fail(-1, "FLOPs per MAC must be 1 or 2, not " + std::to_string(counting.flops_per_mac));
    if (counting.batchnorm_ops < 0)
        return fail(-1, "batch-norm ops per element must not be negative, not " + std::to_string(counting.batchnorm_ops));
    if (counting.activation_ops < 0)
        return fail(-1, "activation ops per element must not be negative, not " + std::to_string(counting.activation_ops));
    if (std::string e = check_range("input channels", net.input.c, 1, kMaxChannels); !e.empty()) return fail(-1, e);
    if (std::string e = check_range("input height", net.input.h, 1, kMaxSpatial); !e.empty()) return fail(-1, e);
    if (std::string e = check_range("input width", net.input.w, 1, kMaxSpatial); !e.empty()) return fail(-1, e);
    if (net.layers.size() > static_cast<std::size_t>(kMaxLayers))
        return fail(-1, "the network has " + with_commas_signed(static_cast<std::int64_t>(net.layers.size())) +
                            " layers; the limit is " + with_commas_signed(kMaxLayers));

    ev.layers.reserve(net.layers.size());
    std::vector<Shape> ins;
    for (std::size_t i = 0; i < net.layers.size(); ++i) {
        const Layer& l = net.layers[i];
        const int idx = static_cast<int>(i);
        if (std::string e = validate_fields(l); !e.empty()) return fail(idx, e);
        ins.clear();
        if (!(l.kind == LayerKind::Conv && l.explicit_shape)) {
            if (l.inputs.empty()) {
                ins.push_back(i == 0 ? net.input : ev.layers.back().out);
            } else {
                for (int src : l.inputs) {
                    if (src == kNetworkInput) ins.push_back(net.input);
                    else if (src >= 0 && src < idx) ins.push_back(ev.layers[static_cast<std::size_t>(src)].out);
                    else
                        return fail(idx, "input " + std::to_string(src + 1) +
                                             " is not an earlier layer (a layer can only use layers above it)");
                }
            }
        }
        LayerCost cost;
        if (std::string e = cost_of(l, ins, cost); !e.empty()) return fail(idx, e);
        ev.layers.push_back(cost);

        Totals& t = ev.totals;
        t.macs += counted_macs(cost, counting);
        t.flops += counted_flops(cost, counting);
        t.dense_macs += cost.macs;
        t.params += cost.params;
        t.activation_elements += cost.output_elements;
        t.input_elements += cost.input_elements;
        if (!t.macs.ok() || !t.flops.ok() || !t.params.ok() || !t.activation_elements.ok() || !t.input_elements.ok())
            return fail(idx, "the network's total overflows 64 bits");
    }
    return ev;
}

Count layer_traffic_bytes(const LayerCost& c, Count bytes_per_element) {
    return (c.input_elements + c.params + c.output_elements) * bytes_per_element;
}

} // namespace flopscope
