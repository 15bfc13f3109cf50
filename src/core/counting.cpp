// Flopscope core — applying a counting convention to a layer's raw costs.
#include "core/counting.h"

namespace flopscope {

Count counted_extra_ops(const LayerCost& c, const Counting& counting) {
    Count ops;
    if (counting.bias) ops += c.bias_ops;
    if (counting.batchnorm) ops += c.batchnorm_ops;
    if (counting.activations) ops += c.activation_ops;
    if (counting.pooling) ops += c.pooling_ops;
    if (counting.elementwise) ops += c.elementwise_ops;
    return ops;
}

Count counted_macs(const LayerCost& c, const Counting& counting) { return c.macs + counted_extra_ops(c, counting); }

Count counted_flops(const LayerCost& c, const Counting& counting) {
    return c.macs * Count(static_cast<std::uint64_t>(counting.flops_per_mac)) + counted_extra_ops(c, counting);
}

std::string describe(const Counting& counting) {
    std::string s = "MACs of conv and linear layers";
    const char* names[] = {"bias", "batch norm", "activations", "pooling", "element-wise add/multiply"};
    const bool on[] = {counting.bias, counting.batchnorm, counting.activations, counting.pooling, counting.elementwise};
    std::string added, left;
    for (int i = 0; i < 5; ++i) {
        std::string& list = on[i] ? added : left;
        if (!list.empty()) list += ", ";
        list += names[i];
    }
    if (!added.empty()) s += " plus " + added;
    if (!left.empty()) s += "; not counted: " + left;
    s += counting.flops_per_mac == 2 ? "; FLOPs = 2 × MACs" : "; FLOPs = MACs";
    if (counting == Counting{}) s = "torchvision convention: " + s;
    return s;
}

} // namespace flopscope
