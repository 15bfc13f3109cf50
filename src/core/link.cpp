// Flopscope core — the link codec (see link.h). The format, version 1 (decodable forever):
//
//   #v=1&key=value&key=value…
//
// * Pairs are separated by '&'; `v=1` comes first; only what differs from default_state() is written,
//   in the order of the table below. Text values are percent-encoded UTF-8 (everything except letters,
//   digits and - . _ ~); '+' is a plus, never a space.
// * Integers are plain decimals; other numbers the shortest decimal that reads back as the same double
//   (0.2, 1.2e9, 2779348992). Layers are numbered from 1 as on the page; in layer inputs 0 is the
//   network's input.
//
//   key       value                                  state
//   v         1                                      format version
//   m         resnet18 | custom                      model (a zoo name, or the custom network)
//   in        224 | 224x160 (height x width)         input_h, input_w
//   ic        3                                      input_c
//   L         layer,layer,…  (see below)             custom.layers
//   cn        text                                   custom.name   } not used by compute(), kept exactly;
//   ci        3x224x224                              custom.input  } written only when they differ from
//                                                    "custom" and ic×in (with layers) / the defaults
//   conv      torchvision | fvcore | … | custom      convention: a named one (core/conventions.h) sets
//                                                    its whole Counting first; the keys below override
//   bias bn act pool elt   0 | 1                     counting switches (those differing from `conv`'s)
//   fpm       1 | 2                                  counting.flops_per_mac
//   lbias     0 | 1                                  linear_bias
//   bnops     0…2147483647                           batchnorm_ops
//   bnch      0 | 1                                  batchnorm_per_channel
//   actops    0…2147483647                           activation_ops
//   acts      relu,relu6,gelu  ("" = none)           activation_kinds (the functions that count)
//   poolrule  window | input | thop | stride2        pool_rule
//   pools     adaptive_avg     ("" = none)           pool_kinds
//   eltmul    0 | 1                                  elementwise_mul
//   scenario  0 | 1                                  scenario_enabled
//   sc        optimistic | realistic | full | custom scenario.name; a preset's parameters apply first,
//                                                    the keys below override them
//   mode      partial | cascade | result_cache
//   f         0…1                                    cached fraction
//   fl        3:0.5,7:1                              per-layer fractions (increasing layer numbers)
//   el        2-9 | 2-  (through the last layer)     eligible layers
//   rho       0…1                                    truncation efficiency
//   g         0…4096                                 channel granularity
//   h         0…1                                    hit rate
//   p         0…1                                    accept rate (cascade)
//   st        0.5 | f:1.2e9 | m:mobilenet_v3_small   student: fraction 0…1000, FLOPs, or a zoo model.
//                                                    The first item is the active kind; more items
//                                                    (comma-separated) keep the other kinds' values.
//   lk        1e6 | nn | nn:256                      lookup: FLOPs, or nearest neighbour (key dim d);
//                                                    the same first-item rule
//   E         1…1e9                                  cache entries
//   prec      fp32 | fp16 | int8                     precision: of cached values, and (with a device)
//                                                    the roofline's bytes per element and peak
//   dev       t4 | orin_nano_15w | … | custom | none device.name (none, the default: no roofline)
//   sparse    0 | 1                                  device.sparse (the 2:4-sparse peak)
//   ec        0…1 (above 0)                          device.compute_efficiency (η_c)
//   em        0…1 (above 0)                          device.memory_efficiency (η_m)
//   ov        0…1                                    device.layer_overhead_s (seconds)
//   onchip    0 | 1                                  device.activations_on_chip
//   es        0…1000 (above 0)                       device.energy_scale
//   dpk32     0…1e19                                 the custom device's dense peaks, FLOP/s (0: none)
//   dpk16     0…1e19
//   dpk8      0…1e19
//   dsp32     0…1e19                                 its 2:4-sparse peaks (0: none)
//   dsp16     0…1e19
//   dsp8      0…1e19
//   dbw       0…1e15                                 its DRAM bandwidth, bytes/s
//   dbuf      0…1e12                                 its on-chip buffer, bytes
//   dpw       0…1e6                                  its power, watts (0: unknown)
//   u         macs | flops                           unit shown
//   x         0 | 1                                  exact numbers
//   full      0 | 1                                  percentages against the full network
//   th        system | light | dark                  theme
//   embed     0 | 1                                  the compact iframe view
//   show      f,h                                    embed: the inputs shown
//
// A layer is `[name:]K[.field]…`; K is the kind: C conv, L linear, B batchnorm, A activation, P pool,
// S add (sum), M mul, K concat, F flatten, N layernorm, O layernorm2d, X matmul, T token_linear,
// R reshape, G select, W param (core/layer.h). Fields (only those differing from a default Layer):
//   relu relu6 hardswish hardsigmoid sigmoid silu tanh gelu softmax   activation function
//   max avg adaptive_avg adaptive_max                         pooling type
//   c64 channels/features (reshape, select, param: the output's c)   k3 | k3x1 kernel   s2 stride   p1 padding   d2 dilation   g32 groups
//   o7 | o7x5 output size (adaptive pool, explicit conv; reshape, select, param: h x w)
//   i64 input channels (explicit conv)
//   r2 repeat   f3/5 inputs (layer numbers, 0 = network input)   b bias   u ceil mode   e explicit shape
// e.g. `L=conv1:C.c64.k7.s2.p3,bn1:B,relu:A,pool:P.k3.s2.p1`. Names are at most 64 bytes of UTF-8 without
// control characters; everything but letters, digits and - . _ ~ is percent-encoded.
//
// Each key is one row of the state-field registry (core/state_fields.cpp), in this order; a test checks
// that this table lists exactly the registry's keys.
//
// Decoding starts from default_state() and applies every valid part; every problem is one message
// (at most kMaxLinkProblems, then a count; key-level problems first, then value problems in the order of
// the table above), and the part it names is skipped, never "fixed":
// * a full URL (the part after the first '#'), "#…" or the bare fragment; "" and a URL without '#' are
//   the default state; spaces and line breaks around the whole link are ignored;
// * longer than kMaxLinkBytes: nothing applied; v missing: read as version 1; v other than 1 (e.g.
//   a newer version): nothing applied ("link version 2 is newer than this Flopscope (1)");
// * unknown key: ignored; a key given twice: the first one counts; empty pairs ("&&") are ignored;
//   `v` should come first but is read anywhere;
// * a bad value (syntax, NaN/inf, out of range, unknown name, bad %-escape, invalid UTF-8): that key
//   keeps its default (or preset) value. Per-item lists (fl, st, lk, show, L) skip just the bad item;
//   a layer with a bad field keeps the rest of the layer; a layer without a valid kind is left out;
//   more than kMaxLayers layers: the whole list is ignored.
// Values are checked with the core's own limits (layer.h kMax*, scenario.h validate(), the zoo's
// resolutions) one field at a time; consistency across layers (shapes, inputs referring to earlier
// layers, divisibility by groups) is compute()'s job, which reports it like any other network error.
//
// [SECTION] Small helpers
// [SECTION] Encoding
// [SECTION] Decoding: layers
// [SECTION] Decoding: the link
#include "core/link.h"

#include "core/format.h"
#include "core/state_fields.h"
#include "core/text.h"
#include "core/value_reader.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <optional>

namespace flopscope {

//-----------------------------------------------------------------------------
// [SECTION] Small helpers
//-----------------------------------------------------------------------------

namespace {

constexpr std::string_view kKeep = "-._~";  // bytes written as they are in text values

std::string hw(std::int64_t h, std::int64_t w) { return h == w ? decimal(h) : decimal(h) + "x" + decimal(w); }

// One letter per LayerKind, in enum order; letters are never reused or reordered (links keep them).
constexpr EnumNames<LayerKind> kKindLetters{"C", "L", "B", "A", "P", "S", "M", "K", "F",
                                            "N", "O", "X", "T", "R", "G", "W"};

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Encoding
//-----------------------------------------------------------------------------

std::string encode_layer(const Layer& l) {
    static const Layer d;
    std::string t;
    if (!l.name.empty()) t += percent_encode(l.name, kKeep) + ":";
    t += kKindLetters.name(l.kind);
    auto field = [&](std::string f) { t += '.'; t += f; };
    if (l.activation != d.activation) field(activation_name(l.activation));
    if (l.pool != d.pool) field(pool_name(l.pool));
    if (l.out_channels != d.out_channels) field("c" + decimal(l.out_channels));
    if (l.kernel_h != d.kernel_h || l.kernel_w != d.kernel_w) field("k" + hw(l.kernel_h, l.kernel_w));
    if (l.stride_h != d.stride_h || l.stride_w != d.stride_w) field("s" + hw(l.stride_h, l.stride_w));
    if (l.pad_h != d.pad_h || l.pad_w != d.pad_w) field("p" + hw(l.pad_h, l.pad_w));
    if (l.dilation_h != d.dilation_h || l.dilation_w != d.dilation_w) field("d" + hw(l.dilation_h, l.dilation_w));
    if (l.groups != d.groups) field("g" + decimal(l.groups));
    if (l.out_h != d.out_h || l.out_w != d.out_w) field("o" + hw(l.out_h, l.out_w));
    if (l.in_channels != d.in_channels) field("i" + decimal(l.in_channels));
    if (l.repeat != d.repeat) field("r" + decimal(l.repeat));
    if (l.inputs != d.inputs) {
        std::string f = "f";
        for (std::size_t i = 0; i < l.inputs.size(); ++i) f += (i ? "/" : "") + decimal(static_cast<std::int64_t>(l.inputs[i]) + 1);
        field(f);
    }
    if (l.bias != d.bias) field("b");
    if (l.ceil_mode != d.ceil_mode) field("u");
    if (l.explicit_shape != d.explicit_shape) field("e");
    return t;
}

std::string encode_layer_list(const std::vector<Layer>& layers) {
    std::string out;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        if (i) out += ',';
        out += encode_layer(layers[i]);
    }
    return out;
}

// `v=1` first, then every registry row (in order) whose value differs from the base's.
std::string encode_link(const State& s) {
    const State base = link_base(s);
    std::string out = "#v=" + decimal(kLinkVersion);
    for (const StateField& f : state_fields()) {
        if (f.key == "v") continue;
        if (std::string v = f.write(s, base); v != f.write(base, base)) {
            out += '&';
            out += f.key;
            out += '=';
            out += v;
        }
    }
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Decoding: layers
//-----------------------------------------------------------------------------

namespace {

// Applies one field ("c64", "k3x1", "relu6", "b", …) to `l`; reports and returns false when it is bad.
bool apply_layer_field(std::string_view field, Layer& l, Reader& r, unsigned& seen) {
    ActivationKind act;
    PoolKind pool;
    auto once = [&](unsigned bit, std::string_view name) {
        if (seen & bit) return r.fail("field " + quoted(name) + " given twice (the first one counts)"), false;
        seen |= bit;
        return true;
    };
    if (parse_activation(field, act)) {
        if (!once(1u << 0, "activation")) return false;
        l.activation = act;
        return true;
    }
    if (parse_pool(field, pool)) {
        if (!once(1u << 1, "pooling type")) return false;
        l.pool = pool;
        return true;
    }
    std::size_t k = 0;
    while (k < field.size() && field[k] >= 'a' && field[k] <= 'z') ++k;
    const std::string_view key = field.substr(0, k), value = field.substr(k);
    Reader v = r.part("field " + std::string(key));
    auto flag = [&](unsigned bit, bool& target) {
        if (!value.empty()) return r.fail("field " + quoted(field) + " takes no value"), false;
        if (!once(bit, key)) return false;
        target = true;
        return true;
    };
    auto integer = [&](unsigned bit, std::int64_t lo, std::int64_t hi, std::int64_t& target) {
        std::int64_t x = 0;
        if (!once(bit, key)) return false;
        if (!v.integer(value, lo, hi, x)) return false;
        target = x;
        return true;
    };
    auto pair = [&](unsigned bit, std::int64_t lo, std::int64_t hi, std::int64_t& a, std::int64_t& b) {
        if (!once(bit, key)) return false;
        return v.pair(value, lo, hi, a, b);
    };
    if (key == "c") return integer(1u << 2, 0, kMaxChannels, l.out_channels);
    if (key == "k") return pair(1u << 3, 1, kMaxKernel, l.kernel_h, l.kernel_w);
    if (key == "s") return pair(1u << 4, 1, kMaxKernel, l.stride_h, l.stride_w);
    if (key == "p") return pair(1u << 5, 0, kMaxPadding, l.pad_h, l.pad_w);
    if (key == "d") return pair(1u << 6, 1, kMaxKernel, l.dilation_h, l.dilation_w);
    if (key == "g") return integer(1u << 7, 1, kMaxChannels, l.groups);
    if (key == "o") return pair(1u << 8, 0, kMaxSpatial, l.out_h, l.out_w);
    if (key == "i") return integer(1u << 9, 0, kMaxChannels, l.in_channels);
    if (key == "r") return integer(1u << 10, 1, kMaxRepeat, l.repeat);
    if (key == "b") return flag(1u << 11, l.bias);
    if (key == "u") return flag(1u << 12, l.ceil_mode);
    if (key == "e") return flag(1u << 13, l.explicit_shape);
    if (key == "f") {
        if (!once(1u << 14, key)) return false;
        if (count_of_char(value, '/') >= static_cast<std::size_t>(kMaxLayers))
            return r.fail("more than " + decimal(kMaxLayers) + " inputs"), false;
        std::vector<int> inputs;
        bool ok = true;
        split(value, '/', [&](std::string_view item) {
            std::int64_t n = 0;
            if (ok && v.integer(item, 0, kMaxLayers, n)) inputs.push_back(static_cast<int>(n - 1));
            else ok = false;
        });
        if (!ok) return false;
        l.inputs = std::move(inputs);
        return true;
    }
    return r.fail("unknown field " + quoted(field)), false;
}

// Decodes one layer token; false when it has no valid kind (the layer is then left out).
bool decode_layer(std::string_view token, std::size_t number, Layer& l, Problems& problems) {
    Reader r(problems, "L: layer " + decimal(static_cast<std::int64_t>(number)));
    l = Layer{};
    const std::size_t colon = token.find(':');
    if (colon != std::string_view::npos) {
        std::string name;
        Reader name_reader = r.part("name");
        if (name_reader.text(token.substr(0, colon), name)) l.name = std::move(name);
        token = token.substr(colon + 1);
    }
    const std::size_t dot = token.find('.');
    const std::string_view kind = token.substr(0, dot);
    if (!kKindLetters.parse(kind, l.kind)) {
        static const std::string letters = kKindLetters.choices();  // built once: junk links have many bad layers
        r.fail((kind.empty() ? std::string("no kind") : "unknown kind " + quoted(kind)) +
               " (" + letters + "); the layer is left out");
        return false;
    }
    if (dot == std::string_view::npos) return true;
    unsigned seen = 0;
    split(token.substr(dot + 1), '.', [&](std::string_view field) {
        if (field.empty()) r.fail("empty field");
        else apply_layer_field(field, l, r, seen);
    });
    return true;
}

} // namespace

// The layers of an `L` value; false (with a message) when the whole list is rejected.
bool decode_layers(std::string_view value, std::vector<Layer>& out, Problems& problems) {
    out.clear();
    if (value.empty()) return true;
    const std::size_t n = count_of_char(value, ',') + 1;
    if (n > static_cast<std::size_t>(kMaxLayers)) {
        problems.add("L: " + decimal(static_cast<std::int64_t>(n)) + " layers, more than the " + decimal(kMaxLayers) +
                     " Flopscope handles; the layers are ignored");
        return false;
    }
    out.reserve(n);
    std::size_t number = 0;
    split(value, ',', [&](std::string_view token) {
        Layer l;
        if (decode_layer(token, ++number, l, problems)) out.push_back(std::move(l));
    });
    return true;
}

LinkDecode decode_layer_list(std::string_view value, std::vector<Layer>& out) {
    LinkDecode result;
    Problems problems(result.problems, kMaxLinkProblems);
    decode_layers(value, out, problems);
    problems.finish();
    return result;
}

//-----------------------------------------------------------------------------
// [SECTION] Decoding: the link
//-----------------------------------------------------------------------------

namespace {

// The part of `link` after the first '#' (all of it when there is no '#', unless it is a URL).
std::string_view fragment_of(std::string_view link) {
    const std::size_t hash = link.find('#');
    if (hash != std::string_view::npos) return link.substr(hash + 1);
    if (link.find("://") != std::string_view::npos) return {};  // a URL without a fragment: the default state
    return link;
}

std::size_t key_index(std::string_view key) {
    const auto fields = state_fields();
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].key == key) return i;
    return fields.size();
}

} // namespace

LinkDecode decode_link(std::string_view link, State& out) {
    LinkDecode result;
    Problems problems(result.problems, kMaxLinkProblems);
    out = default_state();
    if (link.size() > kMaxLinkBytes) {
        problems.add("the link is " + decimal(static_cast<std::int64_t>(link.size())) + " bytes, more than the " +
                     decimal(static_cast<std::int64_t>(kMaxLinkBytes)) + " Flopscope reads; nothing was applied");
        return result;
    }
    // Spaces and line breaks around a pasted link are not part of it.
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!link.empty() && space(link.front())) link.remove_prefix(1);
    while (!link.empty() && space(link.back())) link.remove_suffix(1);
    const std::string_view fragment = fragment_of(link);

    const auto fields = state_fields();
    std::vector<std::optional<std::string_view>> values(fields.size());
    bool any = false;
    split(fragment, '&', [&](std::string_view pair) {
        if (pair.empty()) return;  // "&&", a trailing '&', or an empty fragment
        any = true;
        const std::size_t eq = pair.find('=');
        const std::string_view key = pair.substr(0, eq);
        const std::size_t i = key_index(key);
        if (i == fields.size()) return problems.add("unknown key " + quoted(key) + " ignored");
        if (eq == std::string_view::npos)
            return problems.add(std::string(key) + ": no value (expected " + std::string(key) + "=…)");
        if (values[i]) return problems.add(std::string(key) + ": given more than once; the first one counts");
        values[i] = pair.substr(eq + 1);
    });

    const auto& version = values[key_index("v")];
    if (!version) {
        if (any)
            problems.add("the link has no version (v=1); read as version " + decimal(kLinkVersion));
    } else if (*version != "1") {
        std::int64_t v = 0;
        if (parse_integer(*version, v) && v > kLinkVersion)
            problems.add("link version " + decimal(v) + " is newer than this Flopscope (" + decimal(kLinkVersion) +
                         "); nothing was applied");
        else
            problems.add("v: " + quoted(*version) + " is not a link version this Flopscope reads (" +
                         decimal(kLinkVersion) + "); nothing was applied");
        problems.finish();
        out = default_state();
        return result;
    }

    // Every key in the registry's order; a bad value leaves that part of the state as it was.
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const StateField& f = fields[i];
        if (f.prepare) f.prepare(out);
        if (!values[i] || !f.read) continue;  // (`v` was read above)
        Reader r(problems, std::string(f.key));
        apply_field(f, *values[i], out, r);
    }
    problems.finish();
    return result;
}

} // namespace flopscope
