// Flopscope core — shared building blocks of the zoo (see blocks.h).
#include "core/zoo/blocks.h"

namespace flopscope::zoo {

std::int64_t make_divisible(double v, std::int64_t divisor) {
    // new_v = max(min_value, int(v + divisor / 2) // divisor * divisor); if new_v < 0.9 * v: new_v += divisor
    // (v + divisor / 2 is positive, so int() truncation and the floor division agree with C++'s.)
    std::int64_t new_v = static_cast<std::int64_t>(v + static_cast<double>(divisor) / 2) / divisor * divisor;
    if (new_v < divisor) new_v = divisor;
    if (static_cast<double>(new_v) < 0.9 * v) new_v += divisor;
    return new_v;
}

int squeeze_excitation(NetBuilder& b, const std::string& prefix, std::int64_t squeeze, ActivationKind act,
                       ActivationKind scale_act, int input) {
    const std::int64_t channels = b.channels(input);
    b.adaptive_avg_pool(prefix + ".avgpool", 1, 1, input);
    b.conv(prefix + ".fc1", squeeze, 1, 1, 0, 1, true);
    b.activation(prefix + ".activation", act);
    b.conv(prefix + ".fc2", channels, 1, 1, 0, 1, true);
    const int scale = b.activation(prefix + ".scale_activation", scale_act);
    return b.mul(prefix + ".scale", {input, scale});
}

int inverted_residual(NetBuilder& b, const std::string& p, const std::string& add_name, const InvertedResidual& s,
                      IrStyle style) {
    const int input = b.last();
    int part = 0;
    auto next = [&] { return p + "." + std::to_string(part++); };
    if (style == IrStyle::Mnas) {
        b.conv(p + ".0", s.expanded, 1, 1, 0);
        b.batchnorm(p + ".1");
        b.activation(p + ".2", s.act);
        b.conv(p + ".3", s.expanded, s.kernel, s.stride, s.kernel / 2, s.expanded);
        b.batchnorm(p + ".4");
        b.activation(p + ".5", s.act);
        b.conv(p + ".6", s.out, 1, 1, 0);
        b.batchnorm(p + ".7");
    } else {
        if (s.expanded != s.in) b.conv_bn_act(next(), s.expanded, 1, 1, 1, s.act);
        b.conv_bn_act(next(), s.expanded, s.kernel, s.stride, s.expanded, s.act);
        if (s.se_squeeze > 0) squeeze_excitation(b, next(), s.se_squeeze, s.se_act, s.se_scale, b.last());
        if (style == IrStyle::V2) {
            b.conv(next(), s.out, 1, 1, 0);
            b.batchnorm(next());
        } else {
            b.conv_bn_act(next(), s.out, 1, 1, 1, s.act, /*with_act=*/false);
        }
    }
    if (s.stride == 1 && s.in == s.out) return b.add(add_name, {b.last(), input});
    return b.last();
}

} // namespace flopscope::zoo
