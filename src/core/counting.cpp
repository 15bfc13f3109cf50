// Flopscope core — applying a counting convention to a layer's raw costs.
#include "core/counting.h"

namespace flopscope {

bool Counting::default_rules() const {
    const Counting d;
    return linear_bias == d.linear_bias && batchnorm_ops == d.batchnorm_ops &&
           batchnorm_per_channel == d.batchnorm_per_channel && activation_ops == d.activation_ops &&
           activation_kinds == d.activation_kinds && pool_rule == d.pool_rule && pool_kinds == d.pool_kinds &&
           elementwise_mul == d.elementwise_mul;
}

namespace {

Count non_negative(int v) { return count_of(v); }

// Pooling cost under a non-default rule (a Pool layer).
Count pool_ops(const LayerCost& c, PoolRule rule) {
    const bool adaptive = c.pool == PoolKind::AdaptiveAvg || c.pool == PoolKind::AdaptiveMax;
    const Count rep = count_of(c.repeat);
    const Count out = c.out.elements();
    switch (rule) {
    case PoolRule::Window: return c.pooling_ops;
    case PoolRule::Input: return c.in.elements() * rep;
    case PoolRule::Thop: {
        if (!adaptive) return out * rep;
        // int((in_h·in_w / (out_h·out_w) + 1) · out_elements), exactly in integers.
        const Count out_area = count_of(c.out.h) * count_of(c.out.w);
        const Count in_area = count_of(c.in.h) * count_of(c.in.w);
        const Count num = (in_area + out_area) * out;
        if (!num.ok() || out_area.value == 0) return Count::overflowed();
        return Count(num.value / out_area.value) * rep;
    }
    case PoolRule::Stride2: {
        std::int64_t sh = c.stride_h, sw = c.stride_w;
        if (adaptive) {
            sh = c.out.h > 0 && c.in.h >= c.out.h ? c.in.h / c.out.h : 1;
            sw = c.out.w > 0 && c.in.w >= c.out.w ? c.in.w / c.out.w : 1;
        }
        return out * 2 * count_of(sh) * count_of(sw) * rep;
    }
    case PoolRule::Count_: break;
    }
    return {};
}

// The features a normalization layer has a scale and shift for (0 for other kinds): batch norm and
// LayerNorm2d normalize per channel c, LayerNorm over the last dimension w.
Count normalized_features(const LayerCost& c) {
    switch (c.kind) {
    case LayerKind::BatchNorm:
    case LayerKind::LayerNorm2d: return count_of(c.in.c);
    case LayerKind::LayerNorm: return count_of(c.in.w);
    default: return Count(0);
    }
}

} // namespace

CountedOps counted_ops(const LayerCost& c, const Counting& counting) {
    CountedOps ops;
    // With default rules each class is its raw field, unchanged (core/layer.h documents the raw costs).
    const bool linear = c.kind == LayerKind::Linear || c.kind == LayerKind::TokenLinear;
    if (counting.bias && (counting.linear_bias || !linear)) ops.bias = c.bias_ops;
    if (counting.batchnorm) {
        if (counting.batchnorm_ops == 2 && !counting.batchnorm_per_channel) ops.batchnorm = c.batchnorm_ops;
        else if (const Count features = normalized_features(c); features.value != 0)
            ops.batchnorm = (counting.batchnorm_per_channel ? features : c.in.elements()) *
                            non_negative(counting.batchnorm_ops) * count_of(c.repeat);
    }
    if (counting.activations &&
        (counting.activation_kinds == kAllActivationKinds ||
         (c.kind == LayerKind::Activation && (counting.activation_kinds & bit(c.activation)) != 0)))
        ops.activations = counting.activation_ops == 1 ? c.activation_ops
                                                         : c.activation_ops * non_negative(counting.activation_ops);
    if (counting.pooling &&
        (counting.pool_kinds == kAllPoolKinds ||
         (c.kind == LayerKind::Pool && (counting.pool_kinds & bit(c.pool)) != 0))) {
        if (counting.pool_rule == PoolRule::Window) ops.pooling = c.pooling_ops;
        else if (c.kind == LayerKind::Pool) ops.pooling = pool_ops(c, counting.pool_rule);
    }
    if (counting.elementwise && (counting.elementwise_mul || c.kind != LayerKind::Mul)) ops.elementwise = c.elementwise_ops;
    return ops;
}

CountedOps& CountedOps::operator+=(const CountedOps& o) {
    for (const OpClassInfo& oc : kOpClasses) this->*oc.ops += o.*oc.ops;
    return *this;
}

Count counted_extra_ops(const LayerCost& c, const Counting& counting) { return counted_ops(c, counting).total(); }

Count counted_macs(const LayerCost& c, const Counting& counting) { return c.macs + counted_extra_ops(c, counting); }

Count counted_flops(const LayerCost& c, const Counting& counting) {
    return c.macs * Count(static_cast<std::uint64_t>(counting.flops_per_mac)) + counted_extra_ops(c, counting);
}

namespace {

// "relu/gelu", or "none".
template <typename E>
std::string kinds_list(std::uint32_t mask, const EnumNames<E>& names) {
    const std::string s = names.names_of_bits(mask, "/");
    return s.empty() ? "none" : s;
}

// How describe() words each pooling rule (Window is the default, which it does not mention).
constexpr EnumNames<PoolRule> kPoolRuleNotes{
    "per window element", "1 per input element",
    "average 1 per output element, adaptive (area ratio + 1) per output element",
    "2 per output element × stride area (adaptive: input/output size)"};

// The finer rules that differ from their defaults, for the switches that are on.
std::string rule_notes(const Counting& c) {
    const Counting d;
    std::string s;
    auto note = [&](const std::string& n) { s += (s.empty() ? "" : ", ") + n; };
    if (c.bias && !c.linear_bias) note("bias of convolutions only");
    if (c.batchnorm && (c.batchnorm_ops != d.batchnorm_ops || c.batchnorm_per_channel))
        note("normalization " + std::to_string(c.batchnorm_ops) + " per " +
             (c.batchnorm_per_channel ? "channel" : "element"));
    if (c.activations && c.activation_ops != d.activation_ops)
        note("activations " + std::to_string(c.activation_ops) + " per element");
    if (c.activations && c.activation_kinds != kAllActivationKinds)
        note("activations counted: " + kinds_list(c.activation_kinds, kActivationNames));
    if (c.pooling && c.pool_rule != PoolRule::Window) note(std::string("pooling ") + kPoolRuleNotes.name(c.pool_rule));
    if (c.pooling && c.pool_kinds != kAllPoolKinds)
        note("pooling counted: " + kinds_list(c.pool_kinds, kPoolNames));
    if (c.elementwise && !c.elementwise_mul) note("adds only, not multiplies");
    return s;
}

} // namespace

std::string describe(const Counting& counting) {
    std::string s = "MACs of conv, linear and matmul layers";
    std::string added, left;
    for (const OpClassInfo& oc : kOpClasses) {
        std::string& list = counting.*oc.flag ? added : left;
        if (!list.empty()) list += ", ";
        list += oc.counted;
    }
    if (!added.empty()) s += " plus " + added;
    if (const std::string notes = rule_notes(counting); !notes.empty()) s += " (" + notes + ")";
    if (!left.empty()) s += "; not counted: " + left;
    s += counting.flops_per_mac == 2 ? "; FLOPs = 2 × MACs" : "; FLOPs = MACs";
    if (counting == Counting{}) s = "torchvision convention: " + s;
    return s;
}

} // namespace flopscope
