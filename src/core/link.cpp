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
//   lbias bnch eltmul      0 | 1                     linear_bias, batchnorm_per_channel, elementwise_mul
//   bnops actops           0…2147483647              batchnorm_ops, activation_ops
//   acts      relu,relu6,gelu  ("" = none)           activation_kinds (the functions that count)
//   pools     adaptive_avg     ("" = none)           pool_kinds
//   poolrule  window | input | thop | stride2        pool_rule
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
//   prec      fp32 | fp16 | int8                     cache precision
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
// [SECTION] Reading values
// [SECTION] Counting fields
// [SECTION] Encoding
// [SECTION] Decoding: layers
// [SECTION] Decoding: the link
#include "core/link.h"

#include "core/conventions.h"
#include "core/text.h"

#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>

namespace flopscope {

//-----------------------------------------------------------------------------
// [SECTION] Small helpers
//-----------------------------------------------------------------------------

namespace {

constexpr int kLinkVersion = 1;
constexpr std::string_view kKeep = "-._~";  // bytes written as they are in text values

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }
std::string num(std::int64_t v) { return std::to_string(v); }
std::string dec(double v) { return shortest_decimal(v); }
std::string hw(std::int64_t h, std::int64_t w) { return h == w ? num(h) : num(h) + "x" + num(w); }

// What a link assumes for the custom network's own name and input (`cn`, `ci`): once it has layers,
// the values compute() gives it ("custom", input_c × input_h × input_w), as the page sets them; before,
// the default state's. So links don't repeat them.
Network custom_name_and_input(const State& s, const State& d) {
    Network n;
    n.name = d.custom.name;
    n.input = d.custom.input;
    if (!s.custom.layers.empty()) {
        n.name = kCustomModel;
        n.input = Shape{s.input_c, s.input_h, s.input_w};
    }
    return n;
}

const char* unit_key(Unit u) { return u == Unit::MACs ? "macs" : "flops"; }
const char* theme_key(Theme t) { return t == Theme::Light ? "light" : t == Theme::Dark ? "dark" : "system"; }

// One letter per LayerKind, in enum order; letters are never reused or reordered (links keep them).
constexpr std::array kKindLetters = {'C', 'L', 'B', 'A', 'P', 'S', 'M', 'K', 'F',
                                     'N', 'O', 'X', 'T', 'R', 'G', 'W'};
static_assert(kKindLetters.size() == kLayerKindCount, "every LayerKind needs a link letter");

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Reading values
//-----------------------------------------------------------------------------

namespace {

// Collects problems, at most kMaxLinkProblems of them, then counts the rest.
class Problems {
public:
    explicit Problems(std::vector<std::string>& out) : out_(out) {}
    void add(std::string message) {
        if (out_.size() < kMaxLinkProblems) out_.push_back(std::move(message));
        else ++more_;
    }
    void finish() {
        if (more_) out_.push_back("… and " + std::to_string(more_) + " more problem" + (more_ == 1 ? "" : "s"));
        more_ = 0;
    }

private:
    std::vector<std::string>& out_;
    std::size_t more_ = 0;
};

// Reads one value of one key (or of one item in a list), reporting each problem as "<where>: …".
class Reader {
public:
    Reader(Problems& problems, std::string where) : p_(problems), where_(std::move(where)) {}

    void fail(const std::string& what) { p_.add(where_ + ": " + what); }
    // A reader for a part of this value, e.g. "L: layer 3" → "L: layer 3, field k".
    Reader part(std::string_view what) const { return Reader(p_, where_ + ", " + std::string(what)); }

    // Percent-decoded text (valid UTF-8, no control characters, at most `max_bytes`).
    bool text(std::string_view raw, std::string& out, std::size_t max_bytes = kMaxLinkNameBytes) {
        std::string decoded;
        if (!percent_decode(raw, decoded)) return fail(quoted(raw) + " has a bad %-escape"), false;
        if (!is_valid_utf8(decoded)) return fail(quoted(raw) + " is not valid UTF-8"), false;
        if (has_control_chars(decoded)) return fail(quoted(raw) + " contains control characters"), false;
        if (decoded.size() > max_bytes)
            return fail(quoted(raw) + " is longer than " + num(static_cast<std::int64_t>(max_bytes)) + " bytes"), false;
        out = std::move(decoded);
        return true;
    }

    bool decimal(std::string_view raw, double lo, double hi, double& out) {
        std::string s;
        double v = 0;
        if (!percent_decode(raw, s) || !parse_decimal(s, v)) return fail(quoted(raw) + " is not a number"), false;
        if (!std::isfinite(v)) return fail(quoted(raw) + " is not a finite number"), false;
        if (v < lo || v > hi) return fail(dec(v) + " is outside " + dec(lo) + "…" + dec(hi)), false;
        out = v;
        return true;
    }

    bool integer(std::string_view raw, std::int64_t lo, std::int64_t hi, std::int64_t& out) {
        std::string s;
        std::int64_t v = 0;
        if (!percent_decode(raw, s) || !parse_integer(s, v)) {
            double d = 0;
            if (parse_decimal(s, d) && d == std::floor(d))  // whole, but beyond 64 bits (or ±inf)
                return fail(quoted(raw) + " is outside " + num(lo) + "…" + num(hi)), false;
            return fail(quoted(raw) + " is not a whole number"), false;
        }
        if (v < lo || v > hi) return fail(num(v) + " is outside " + num(lo) + "…" + num(hi)), false;
        out = v;
        return true;
    }

    bool flag(std::string_view raw, bool& out) {
        if (raw == "1" || raw == "0") {
            out = raw == "1";
            return true;
        }
        return fail(quoted(raw) + " is not 0 or 1"), false;
    }

    // "224" or "224x160" (an `x` between two integers), each within [lo, hi].
    bool pair(std::string_view raw, std::int64_t lo, std::int64_t hi, std::int64_t& a, std::int64_t& b) {
        const std::size_t x = raw.find('x');
        std::int64_t va = 0, vb = 0;
        if (x == std::string_view::npos) {
            if (!integer(raw, lo, hi, va)) return false;
            vb = va;
        } else if (!integer(raw.substr(0, x), lo, hi, va) || !integer(raw.substr(x + 1), lo, hi, vb)) {
            return false;
        }
        a = va;
        b = vb;
        return true;
    }

private:
    Problems& p_;
    std::string where_;
};

// Splits `s` at every `sep` (an empty `s` gives one empty piece).
template <typename F>
void split(std::string_view s, char sep, F&& each) {
    std::size_t start = 0;
    for (;;) {
        const std::size_t end = s.find(sep, start);
        if (end == std::string_view::npos) {
            each(s.substr(start));
            return;
        }
        each(s.substr(start, end - start));
        start = end + 1;
    }
}

std::size_t count_of_char(std::string_view s, char c) {
    std::size_t n = 0;
    for (const char ch : s) n += ch == c;
    return n;
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Counting fields
//-----------------------------------------------------------------------------

namespace {

// A list of enum names for a bit set ("relu,relu6,gelu"; "" for none), and back.
template <typename E>
std::string names_of_bits(std::uint32_t bits, int count, const char* (*name)(E)) {
    std::string out;
    for (int i = 0; i < count; ++i)
        if (bits & (1u << i)) out += (out.empty() ? "" : ",") + std::string(name(static_cast<E>(i)));
    return out;
}

template <typename E>
bool bits_of_names(std::string_view raw, bool (*parse)(std::string_view, E&), const char* what, std::uint32_t& out,
                   Reader& r) {
    std::uint32_t bits = 0;
    bool ok = true;
    if (!raw.empty()) {
        split(raw, ',', [&](std::string_view item) {
            E e;
            if (parse(item, e)) bits |= 1u << static_cast<unsigned>(e);
            else ok = false, r.fail("unknown " + std::string(what) + " " + quoted(item));
        });
    }
    if (ok) out = bits;
    return ok;
}

constexpr std::array<const char*, 4> kPoolRuleNames = {"window", "input", "thop", "stride2"};
const char* pool_rule_name(PoolRule r) { return kPoolRuleNames[static_cast<std::size_t>(r)]; }

bool read_bool(std::string_view raw, bool& target, Reader& r) { return r.flag(raw, target); }
bool read_ops(std::string_view raw, int& target, Reader& r) {
    std::int64_t v = 0;
    if (!r.integer(raw, 0, std::numeric_limits<int>::max(), v)) return false;
    target = static_cast<int>(v);
    return true;
}
std::string bool_text(bool b) { return b ? "1" : "0"; }

// Every Counting field: its key, how it is written and read. A new Counting field needs a row here
// (tests/link_test.cpp counts the fields and fails until it has one).
struct CountingField {
    const char* key;
    std::string (*write)(const Counting&);
    bool (*read)(std::string_view raw, Counting&, Reader&);
};
const std::array<CountingField, 14> kCountingFields = {{
    {"bias", [](const Counting& c) { return bool_text(c.bias); },
     [](std::string_view raw, Counting& c, Reader& r) { return read_bool(raw, c.bias, r); }},
    {"bn", [](const Counting& c) { return bool_text(c.batchnorm); },
     [](std::string_view raw, Counting& c, Reader& r) { return read_bool(raw, c.batchnorm, r); }},
    {"act", [](const Counting& c) { return bool_text(c.activations); },
     [](std::string_view raw, Counting& c, Reader& r) { return read_bool(raw, c.activations, r); }},
    {"pool", [](const Counting& c) { return bool_text(c.pooling); },
     [](std::string_view raw, Counting& c, Reader& r) { return read_bool(raw, c.pooling, r); }},
    {"elt", [](const Counting& c) { return bool_text(c.elementwise); },
     [](std::string_view raw, Counting& c, Reader& r) { return read_bool(raw, c.elementwise, r); }},
    {"fpm", [](const Counting& c) { return num(c.flops_per_mac); },
     [](std::string_view raw, Counting& c, Reader& r) {
         std::int64_t v = 0;
         if (!r.integer(raw, 1, 2, v)) return false;
         c.flops_per_mac = static_cast<int>(v);
         return true;
     }},
    {"lbias", [](const Counting& c) { return bool_text(c.linear_bias); },
     [](std::string_view raw, Counting& c, Reader& r) { return read_bool(raw, c.linear_bias, r); }},
    {"bnops", [](const Counting& c) { return num(c.batchnorm_ops); },
     [](std::string_view raw, Counting& c, Reader& r) { return read_ops(raw, c.batchnorm_ops, r); }},
    {"bnch", [](const Counting& c) { return bool_text(c.batchnorm_per_channel); },
     [](std::string_view raw, Counting& c, Reader& r) { return read_bool(raw, c.batchnorm_per_channel, r); }},
    {"actops", [](const Counting& c) { return num(c.activation_ops); },
     [](std::string_view raw, Counting& c, Reader& r) { return read_ops(raw, c.activation_ops, r); }},
    {"acts", [](const Counting& c) { return names_of_bits(c.activation_kinds, kActivationKindCount, activation_name); },
     [](std::string_view raw, Counting& c, Reader& r) {
         return bits_of_names(raw, parse_activation, "activation", c.activation_kinds, r);
     }},
    {"poolrule", [](const Counting& c) { return std::string(pool_rule_name(c.pool_rule)); },
     [](std::string_view raw, Counting& c, Reader& r) {
         for (std::size_t i = 0; i < kPoolRuleNames.size(); ++i) {
             if (raw == kPoolRuleNames[i]) {
                 c.pool_rule = static_cast<PoolRule>(i);
                 return true;
             }
         }
         r.fail("unknown pooling rule " + quoted(raw) + " (window, input, thop or stride2)");
         return false;
     }},
    {"pools", [](const Counting& c) { return names_of_bits(c.pool_kinds, kPoolKindCount, pool_name); },
     [](std::string_view raw, Counting& c, Reader& r) { return bits_of_names(raw, parse_pool, "pooling", c.pool_kinds, r); }},
    {"eltmul", [](const Counting& c) { return bool_text(c.elementwise_mul); },
     [](std::string_view raw, Counting& c, Reader& r) { return read_bool(raw, c.elementwise_mul, r); }},
}};

const Counting* named_counting(std::string_view name) {
    const Convention* c = find_convention(name);
    return c ? &c->counting : nullptr;
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Encoding
//-----------------------------------------------------------------------------

std::string encode_layer(const Layer& l) {
    static const Layer d;
    std::string t;
    if (!l.name.empty()) t += percent_encode(l.name, kKeep) + ":";
    t += kKindLetters[static_cast<std::size_t>(l.kind)];
    auto field = [&](std::string f) { t += '.'; t += f; };
    if (l.activation != d.activation) field(activation_name(l.activation));
    if (l.pool != d.pool) field(pool_name(l.pool));
    if (l.out_channels != d.out_channels) field("c" + num(l.out_channels));
    if (l.kernel_h != d.kernel_h || l.kernel_w != d.kernel_w) field("k" + hw(l.kernel_h, l.kernel_w));
    if (l.stride_h != d.stride_h || l.stride_w != d.stride_w) field("s" + hw(l.stride_h, l.stride_w));
    if (l.pad_h != d.pad_h || l.pad_w != d.pad_w) field("p" + hw(l.pad_h, l.pad_w));
    if (l.dilation_h != d.dilation_h || l.dilation_w != d.dilation_w) field("d" + hw(l.dilation_h, l.dilation_w));
    if (l.groups != d.groups) field("g" + num(l.groups));
    if (l.out_h != d.out_h || l.out_w != d.out_w) field("o" + hw(l.out_h, l.out_w));
    if (l.in_channels != d.in_channels) field("i" + num(l.in_channels));
    if (l.repeat != d.repeat) field("r" + num(l.repeat));
    if (l.inputs != d.inputs) {
        std::string f = "f";
        for (std::size_t i = 0; i < l.inputs.size(); ++i) f += (i ? "/" : "") + num(static_cast<std::int64_t>(l.inputs[i]) + 1);
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

namespace {

// The student (or lookup) list: the active kind's item first, then the other kinds' values that differ.
std::string student_items(const Scenario& s, const Scenario& base) {
    auto item = [&](StudentKind k) -> std::string {
        switch (k) {
        case StudentKind::Fraction: return dec(s.student_fraction);
        case StudentKind::Flops: return "f:" + dec(s.student_flops);
        case StudentKind::Model: return "m:" + percent_encode(s.student_model, kKeep);
        }
        return {};
    };
    const bool differs[3] = {!same_bits(s.student_fraction, base.student_fraction),
                             !same_bits(s.student_flops, base.student_flops), s.student_model != base.student_model};
    if (s.student_kind == base.student_kind && !differs[0] && !differs[1] && !differs[2]) return {};
    std::string out = item(s.student_kind);
    for (int k = 0; k < 3; ++k)
        if (static_cast<StudentKind>(k) != s.student_kind && differs[k]) out += "," + item(static_cast<StudentKind>(k));
    return out;
}

std::string lookup_items(const Scenario& s, const Scenario& base) {
    const bool flops_differs = !same_bits(s.lookup_flops, base.lookup_flops);
    const bool dim_differs = s.key_dim != base.key_dim;
    if (s.lookup_kind == base.lookup_kind && !flops_differs && !dim_differs) return {};
    const std::string nn = dim_differs ? "nn:" + num(s.key_dim) : "nn";
    if (s.lookup_kind == LookupKind::NearestNeighbour) return flops_differs ? nn + "," + dec(s.lookup_flops) : nn;
    return dim_differs ? dec(s.lookup_flops) + "," + nn : dec(s.lookup_flops);
}

} // namespace

std::string encode_link(const State& s) {
    const State d = default_state();
    std::string out = "#v=" + num(kLinkVersion);
    auto add = [&](const char* key, const std::string& value) {
        out += '&';
        out += key;
        out += '=';
        out += value;
    };
    auto add_double = [&](const char* key, double v, double base) {
        if (!same_bits(v, base)) add(key, dec(v));
    };
    auto add_flag = [&](const char* key, bool v, bool base) {
        if (v != base) add(key, v ? "1" : "0");
    };

    if (s.model != d.model) add("m", percent_encode(s.model, kKeep));
    if (s.input_h != d.input_h || s.input_w != d.input_w) add("in", hw(s.input_h, s.input_w));
    if (s.input_c != d.input_c) add("ic", num(s.input_c));
    if (s.custom.layers != d.custom.layers) add("L", encode_layer_list(s.custom.layers));
    const Network named = custom_name_and_input(s, d);
    if (s.custom.name != named.name) add("cn", percent_encode(s.custom.name, kKeep));
    if (s.custom.input != named.input)
        add("ci", num(s.custom.input.c) + "x" + num(s.custom.input.h) + "x" + num(s.custom.input.w));

    // Counting: a named convention's switches are the base the individual switches differ from.
    Counting counting_base = d.counting;
    if (s.convention != d.convention) {
        add("conv", percent_encode(s.convention, kKeep));
        if (const Counting* named = named_counting(s.convention)) counting_base = *named;
    }
    for (const CountingField& f : kCountingFields)
        if (std::string v = f.write(s.counting); v != f.write(counting_base)) add(f.key, v);

    // Scenario: a preset's parameters are the base the explicit keys differ from.
    add_flag("scenario", s.scenario_enabled, d.scenario_enabled);
    const Scenario& sc = s.scenario;
    Scenario base = d.scenario;
    if (sc.name != d.scenario.name) {
        add("sc", percent_encode(sc.name, kKeep));
        if (const ScenarioPreset* preset = find_preset(sc.name)) base = preset->scenario;
        base.name = sc.name;
    }
    if (sc.mode != base.mode) add("mode", mode_name(sc.mode));
    add_double("f", sc.cached_fraction, base.cached_fraction);
    if (sc.overrides != base.overrides) {
        std::string v;
        for (const LayerFraction& o : sc.overrides)
            v += (v.empty() ? "" : ",") + num(static_cast<std::int64_t>(o.layer) + 1) + ":" + dec(o.fraction);
        add("fl", v);
    }
    if (sc.eligible_first != base.eligible_first || sc.eligible_last != base.eligible_last)
        add("el", num(static_cast<std::int64_t>(sc.eligible_first) + 1) + "-" +
                      (sc.eligible_last == -1 ? std::string() : num(static_cast<std::int64_t>(sc.eligible_last) + 1)));
    add_double("rho", sc.truncation_efficiency, base.truncation_efficiency);
    if (sc.channel_granularity != base.channel_granularity) add("g", num(sc.channel_granularity));
    add_double("h", sc.hit_rate, base.hit_rate);
    add_double("p", sc.accept_rate, base.accept_rate);
    if (std::string v = student_items(sc, base); !v.empty()) add("st", v);
    if (std::string v = lookup_items(sc, base); !v.empty()) add("lk", v);
    if (sc.cache_entries != base.cache_entries) add("E", num(sc.cache_entries));
    if (sc.precision != base.precision) add("prec", precision_name(sc.precision));

    const ViewOptions& v = s.view;
    if (v.unit != d.view.unit) add("u", unit_key(v.unit));
    add_flag("x", v.exact, d.view.exact);
    add_flag("full", v.full_network_view, d.view.full_network_view);
    if (v.theme != d.view.theme) add("th", theme_key(v.theme));
    add_flag("embed", v.embed, d.view.embed);
    if (v.show != d.view.show) {
        std::string list;
        for (std::size_t i = 0; i < v.show.size(); ++i) list += (i ? "," : "") + percent_encode(v.show[i], kKeep);
        add("show", list);
    }
    return out;
}


//-----------------------------------------------------------------------------
// [SECTION] Decoding: layers
//-----------------------------------------------------------------------------

namespace {

// "C, L, B, …, G or W": the letters a layer may start with.
std::string kind_letter_list() {
    std::string s;
    for (std::size_t i = 0; i < kKindLetters.size(); ++i)
        s += (i == 0 ? "" : i + 1 == kKindLetters.size() ? " or " : ", ") + std::string(1, kKindLetters[i]);
    return s;
}

bool parse_kind_letter(std::string_view s, LayerKind& out) {
    if (s.size() != 1) return false;
    for (std::size_t i = 0; i < kKindLetters.size(); ++i) {
        if (s[0] == kKindLetters[i]) {
            out = static_cast<LayerKind>(i);
            return true;
        }
    }
    return false;
}

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
            return r.fail("more than " + num(kMaxLayers) + " inputs"), false;
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
    Reader r(problems, "L: layer " + num(static_cast<std::int64_t>(number)));
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
    if (!parse_kind_letter(kind, l.kind)) {
        static const std::string letters = kind_letter_list();  // built once: junk links have many bad layers
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

// The layers of an `L` value; false (with a message) when the whole list is rejected.
bool decode_layers(std::string_view value, std::vector<Layer>& out, Problems& problems) {
    out.clear();
    if (value.empty()) return true;
    const std::size_t n = count_of_char(value, ',') + 1;
    if (n > static_cast<std::size_t>(kMaxLayers)) {
        problems.add("L: " + num(static_cast<std::int64_t>(n)) + " layers, more than the " + num(kMaxLayers) +
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

} // namespace

LinkDecode decode_layer_list(std::string_view value, std::vector<Layer>& out) {
    LinkDecode result;
    Problems problems(result.problems);
    decode_layers(value, out, problems);
    problems.finish();
    return result;
}

//-----------------------------------------------------------------------------
// [SECTION] Decoding: the link
//-----------------------------------------------------------------------------

namespace {

// Every key of version 1, in the order they are applied (and encoded).
constexpr std::array<std::string_view, 42> kKeys = {
    "v",     "m",      "in",   "ic",    "L",      "cn",   "ci",      "conv",     "bias", "bn",    "act",
    "pool",  "elt",    "fpm",  "lbias", "bnops",  "bnch", "actops",  "acts",     "poolrule", "pools", "eltmul",
    "scenario", "sc",  "mode", "f",     "fl",     "el",   "rho",     "g",        "h",    "p",     "st",
    "lk",    "E",      "prec", "u",     "x",      "full", "th",      "embed",    "show"};
constexpr std::size_t kKeyCount = kKeys.size();

std::size_t key_index(std::string_view key) {
    for (std::size_t i = 0; i < kKeyCount; ++i)
        if (kKeys[i] == key) return i;
    return kKeyCount;
}

// The part of `link` after the first '#' (all of it when there is no '#', unless it is a URL).
std::string_view fragment_of(std::string_view link) {
    const std::size_t hash = link.find('#');
    if (hash != std::string_view::npos) return link.substr(hash + 1);
    if (link.find("://") != std::string_view::npos) return {};  // a URL without a fragment: the default state
    return link;
}

class Decoder {
public:
    Decoder(State& state, Problems& problems) : s_(state), p_(problems) {}

    // Applies the values found (values[i] for kKeys[i]) in the order of kKeys.
    void apply(const std::array<std::optional<std::string_view>, kKeyCount>& values) {
        values_ = &values;
        model();
        input();
        custom();
        counting();
        scenario();
        view();
    }

private:
    State& s_;
    Problems& p_;
    const std::array<std::optional<std::string_view>, kKeyCount>* values_ = nullptr;

    const std::optional<std::string_view>& get(std::string_view key) const {
        static const std::optional<std::string_view> none;
        const std::size_t i = key_index(key);
        return i < kKeyCount ? (*values_)[i] : none;  // (every key used here is in kKeys; tests check it)
    }
    Reader reader(std::string_view key) { return Reader(p_, std::string(key)); }

    void model() {
        const auto& raw = get("m");
        std::string name;
        Reader r = reader("m");
        if (!raw || !r.text(*raw, name)) return;
        if (name == kCustomModel || find_model(name)) s_.model = name;
        else r.fail("unknown model " + quoted(name));
    }

    void input() {
        if (const auto& raw = get("in")) {
            Reader r = reader("in");
            std::int64_t h = 0, w = 0;
            if (r.pair(*raw, 1, kMaxSpatial, h, w)) {
                const ModelInfo* m = find_model(s_.model);
                if (m && (h < m->min_resolution || w < m->min_resolution))
                    r.fail(std::string(m->name) + " needs at least " + num(m->min_resolution) + " pixels per side, not " +
                           hw(h, w));
                else
                    s_.input_h = h, s_.input_w = w;
            }
        }
        if (const auto& raw = get("ic")) reader("ic").integer(*raw, 1, kMaxChannels, s_.input_c);
    }

    void custom() {
        if (const auto& raw = get("L")) {
            std::vector<Layer> layers;
            if (decode_layers(*raw, layers, p_)) s_.custom.layers = std::move(layers);
        }
        const Network named = custom_name_and_input(s_, default_state());
        s_.custom.name = named.name;
        s_.custom.input = named.input;
        if (const auto& raw = get("cn")) {
            std::string name;
            if (reader("cn").text(*raw, name)) s_.custom.name = std::move(name);
        }
        if (const auto& raw = get("ci")) {
            Reader r = reader("ci");
            const std::size_t x1 = raw->find('x');
            const std::size_t x2 = x1 == std::string_view::npos ? x1 : raw->find('x', x1 + 1);
            Shape in;
            if (x2 == std::string_view::npos) r.fail(quoted(*raw) + " is not CxHxW");
            else if (r.integer(raw->substr(0, x1), 1, kMaxChannels, in.c) &&
                     r.pair(raw->substr(x1 + 1), 1, kMaxSpatial, in.h, in.w))
                s_.custom.input = in;
        }
    }

    void counting() {
        if (const auto& raw = get("conv")) {
            Reader r = reader("conv");
            std::string name;
            if (r.text(*raw, name)) {
                if (const Counting* named = named_counting(name)) {
                    s_.convention = name;
                    s_.counting = *named;
                } else if (name == "custom") {
                    s_.convention = name;
                } else {
                    r.fail("unknown counting convention " + quoted(name));
                }
            }
        }
        for (const CountingField& f : kCountingFields) {
            if (const auto& raw = get(f.key)) {
                Counting candidate = s_.counting;
                Reader r = reader(f.key);
                if (f.read(*raw, candidate, r)) s_.counting = candidate;
            }
        }
    }

    // Applies `change` to a copy of the scenario and keeps it when the result passes validate().
    template <typename F>
    void scenario_key(std::string_view key, F&& change) {
        const auto& raw = get(key);
        if (!raw) return;
        Scenario candidate = s_.scenario;
        Reader r = reader(key);
        if (!change(*raw, candidate, r)) return;
        if (std::string e = validate(candidate); !e.empty()) return r.fail(e);
        s_.scenario = std::move(candidate);
    }

    void scenario() {
        if (const auto& raw = get("scenario")) reader("scenario").flag(*raw, s_.scenario_enabled);
        scenario_key("sc", [](std::string_view raw, Scenario& c, Reader& r) {
            std::string name;
            if (!r.text(raw, name)) return false;
            if (const ScenarioPreset* preset = find_preset(name)) c = preset->scenario;
            else if (name != "custom") return r.fail("unknown scenario " + quoted(name)), false;
            c.name = name;
            return true;
        });
        scenario_key("mode", [](std::string_view raw, Scenario& c, Reader& r) {
            if (parse_mode(raw, c.mode)) return true;
            return r.fail("unknown mode " + quoted(raw) + " (partial, cascade or result_cache)"), false;
        });
        auto fraction = [](double Scenario::*member) {
            return [member](std::string_view raw, Scenario& c, Reader& r) { return r.decimal(raw, 0, 1, c.*member); };
        };
        scenario_key("f", fraction(&Scenario::cached_fraction));
        scenario_key("fl", [](std::string_view raw, Scenario& c, Reader& r) { return overrides(raw, c, r); });
        scenario_key("el", [](std::string_view raw, Scenario& c, Reader& r) {
            const std::size_t dash = raw.find('-');
            if (dash == std::string_view::npos) return r.fail(quoted(raw) + " is not a range like 2-9 or 2-"), false;
            std::int64_t first = 0, last = 0;
            if (!r.integer(raw.substr(0, dash), 1, kMaxLayers, first)) return false;
            if (dash + 1 < raw.size() && !r.integer(raw.substr(dash + 1), 1, kMaxLayers, last)) return false;
            c.eligible_first = static_cast<int>(first - 1);
            c.eligible_last = static_cast<int>(last - 1);
            return true;
        });
        scenario_key("rho", fraction(&Scenario::truncation_efficiency));
        scenario_key("g", [](std::string_view raw, Scenario& c, Reader& r) {
            return r.integer(raw, 0, kMaxGranularity, c.channel_granularity);
        });
        scenario_key("h", fraction(&Scenario::hit_rate));
        scenario_key("p", fraction(&Scenario::accept_rate));
        scenario_key("st", [](std::string_view raw, Scenario& c, Reader& r) { return student(raw, c, r); });
        scenario_key("lk", [](std::string_view raw, Scenario& c, Reader& r) { return lookup(raw, c, r); });
        scenario_key("E", [](std::string_view raw, Scenario& c, Reader& r) {
            return r.integer(raw, 1, kMaxCacheEntries, c.cache_entries);
        });
        scenario_key("prec", [](std::string_view raw, Scenario& c, Reader& r) {
            if (parse_precision(raw, c.precision)) return true;
            return r.fail("unknown precision " + quoted(raw) + " (fp32, fp16 or int8)"), false;
        });
    }

    // "3:0.5,7:1": layer numbers strictly increasing; a bad item is skipped, the others apply.
    static bool overrides(std::string_view raw, Scenario& c, Reader& r) {
        c.overrides.clear();
        if (raw.empty()) return true;
        if (count_of_char(raw, ',') >= static_cast<std::size_t>(kMaxLayers))
            return r.fail("more than " + num(kMaxLayers) + " per-layer fractions"), false;
        split(raw, ',', [&](std::string_view item) {
            const std::size_t colon = item.find(':');
            if (colon == std::string_view::npos) return r.fail(quoted(item) + " is not layer:fraction");
            std::int64_t layer = 0;
            double f = 0;
            if (!r.integer(item.substr(0, colon), 1, kMaxLayers, layer) || !r.decimal(item.substr(colon + 1), 0, 1, f)) return;
            if (!c.overrides.empty() && c.overrides.back().layer >= layer - 1)
                return r.fail("layer " + num(layer) + " comes after layer " + num(c.overrides.back().layer + 1) +
                              " (increasing layer numbers, each once)");
            c.overrides.push_back({static_cast<int>(layer - 1), f});
        });
        return true;
    }

    // "0.5", "f:1.2e9", "m:mobilenet_v3_small", comma-separated; the first item sets the kind.
    static bool student(std::string_view raw, Scenario& c, Reader& r) {
        bool first = true, changed = false;
        split(raw, ',', [&](std::string_view item) {
            const bool is_first = first;
            first = false;
            StudentKind kind;
            if (item.substr(0, 2) == "f:") {
                if (!r.decimal(item.substr(2), 0, kMaxAbsoluteFlops, c.student_flops)) return;
                kind = StudentKind::Flops;
            } else if (item.substr(0, 2) == "m:") {
                std::string name;
                if (!r.text(item.substr(2), name)) return;
                if (!find_model(name)) return r.fail("unknown student model " + quoted(name));
                c.student_model = name;
                kind = StudentKind::Model;
            } else {
                if (!r.decimal(item, 0, 1000, c.student_fraction)) return;
                kind = StudentKind::Fraction;
            }
            if (is_first) c.student_kind = kind;
            changed = true;
        });
        return changed;
    }

    // "1e6", "nn", "nn:256", comma-separated; the first item sets the kind.
    static bool lookup(std::string_view raw, Scenario& c, Reader& r) {
        bool first = true, changed = false;
        split(raw, ',', [&](std::string_view item) {
            const bool is_first = first;
            first = false;
            LookupKind kind;
            if (item == "nn") {
                kind = LookupKind::NearestNeighbour;
            } else if (item.substr(0, 3) == "nn:") {
                if (!r.integer(item.substr(3), 1, kMaxKeyDim, c.key_dim)) return;
                kind = LookupKind::NearestNeighbour;
            } else {
                if (!r.decimal(item, 0, kMaxAbsoluteFlops, c.lookup_flops)) return;
                kind = LookupKind::Flops;
            }
            if (is_first) c.lookup_kind = kind;
            changed = true;
        });
        return changed;
    }

    void view() {
        ViewOptions& v = s_.view;
        if (const auto& raw = get("u")) {
            if (*raw == "macs") v.unit = Unit::MACs;
            else if (*raw == "flops") v.unit = Unit::FLOPs;
            else reader("u").fail("unknown unit " + quoted(*raw) + " (macs or flops)");
        }
        if (const auto& raw = get("x")) reader("x").flag(*raw, v.exact);
        if (const auto& raw = get("full")) reader("full").flag(*raw, v.full_network_view);
        if (const auto& raw = get("th")) {
            if (*raw == "light") v.theme = Theme::Light;
            else if (*raw == "dark") v.theme = Theme::Dark;
            else if (*raw == "system") v.theme = Theme::System;
            else reader("th").fail("unknown theme " + quoted(*raw) + " (light, dark or system)");
        }
        if (const auto& raw = get("embed")) reader("embed").flag(*raw, v.embed);
        if (const auto& raw = get("show")) {
            Reader r = reader("show");
            if (count_of_char(*raw, ',') >= kMaxShowItems) {
                r.fail("more than " + num(static_cast<std::int64_t>(kMaxShowItems)) + " items");
                return;
            }
            std::vector<std::string> show;
            if (!raw->empty()) {
                split(*raw, ',', [&](std::string_view item) {
                    std::string name;
                    if (item.empty()) r.fail("empty item");
                    else if (r.text(item, name)) show.push_back(std::move(name));
                });
            }
            v.show = std::move(show);
        }
    }
};

} // namespace

LinkDecode decode_link(std::string_view link, State& out) {
    LinkDecode result;
    Problems problems(result.problems);
    out = default_state();
    if (link.size() > kMaxLinkBytes) {
        problems.add("the link is " + num(static_cast<std::int64_t>(link.size())) + " bytes, more than the " +
                     num(static_cast<std::int64_t>(kMaxLinkBytes)) + " Flopscope reads; nothing was applied");
        return result;
    }
    // Spaces and line breaks around a pasted link are not part of it.
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!link.empty() && space(link.front())) link.remove_prefix(1);
    while (!link.empty() && space(link.back())) link.remove_suffix(1);
    const std::string_view fragment = fragment_of(link);

    std::array<std::optional<std::string_view>, kKeyCount> values;
    bool any = false;
    split(fragment, '&', [&](std::string_view pair) {
        if (pair.empty()) return;  // "&&", a trailing '&', or an empty fragment
        any = true;
        const std::size_t eq = pair.find('=');
        const std::string_view key = pair.substr(0, eq);
        const std::size_t i = key_index(key);
        if (i == kKeyCount) return problems.add("unknown key " + quoted(key) + " ignored");
        if (eq == std::string_view::npos)
            return problems.add(std::string(key) + ": no value (expected " + std::string(key) + "=…)");
        if (values[i]) return problems.add(std::string(key) + ": given more than once; the first one counts");
        values[i] = pair.substr(eq + 1);
    });

    const auto& version = values[key_index("v")];
    if (!version) {
        if (any)
            problems.add("the link has no version (v=1); read as version " + num(kLinkVersion));
    } else if (*version != "1") {
        std::int64_t v = 0;
        if (parse_integer(*version, v) && v > kLinkVersion)
            problems.add("link version " + num(v) + " is newer than this Flopscope (" + num(kLinkVersion) +
                         "); nothing was applied");
        else
            problems.add("v: " + quoted(*version) + " is not a link version this Flopscope reads (" +
                         num(kLinkVersion) + "); nothing was applied");
        problems.finish();
        out = default_state();
        return result;
    }

    Decoder(out, problems).apply(values);
    problems.finish();
    return result;
}

} // namespace flopscope
