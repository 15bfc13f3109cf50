// Flopscope core — the registry of user-settable state fields (see state_fields.h).
//
// [SECTION] Value text helpers
// [SECTION] Lists and choices shared by several fields
// [SECTION] The registry
// [SECTION] Applying a value
#include "core/state_fields.h"

#include "core/format.h"
#include "core/conventions.h"
#include "core/link.h"
#include "core/report.h"
#include "core/text.h"

#include <algorithm>
#include <array>
#include <limits>

namespace flopscope {

//-----------------------------------------------------------------------------
// [SECTION] Value text helpers
//-----------------------------------------------------------------------------

namespace {

constexpr std::string_view kKeep = "-._~";  // bytes written as they are in text values

std::string dec(double v) { return shortest_decimal(v); }
std::string text(const std::string& s) { return percent_encode(s, kKeep); }
std::string hw(std::int64_t h, std::int64_t w) { return h == w ? decimal(h) : decimal(h) + "x" + decimal(w); }
std::string bool_text(bool b) { return b ? "1" : "0"; }
std::string json_int(std::int64_t v) { return std::to_string(v); }

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

const Counting* named_counting(std::string_view name) {
    const Convention* c = find_convention(name);
    return c ? &c->counting : nullptr;
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Lists and choices shared by several fields
//-----------------------------------------------------------------------------

namespace {

// A bit set (1 << value) read from a list of names ("relu,relu6,gelu"; "" for none).
template <typename E>
bool bits_of_names(std::string_view raw, const EnumNames<E>& names, const char* what, std::uint32_t& out, Reader& r) {
    std::uint32_t bits = 0;
    bool ok = true;
    if (!raw.empty()) {
        split(raw, ',', [&](std::string_view item) {
            E e;
            if (names.parse(item, e)) bits |= 1u << static_cast<unsigned>(e);
            else ok = false, r.fail("unknown " + std::string(what) + " " + quoted(item));
        });
    }
    if (ok) out = bits;
    return ok;
}

// ["relu", "gelu"]
template <typename E>
std::string json_names_of_bits(std::uint32_t bits, const EnumNames<E>& names) {
    return "[" + names.names_of_bits(bits, ", ", json_string) + "]";
}

// "3:0.5,7:1": layer numbers strictly increasing; a bad item is skipped, the others apply.
std::string overrides_text(const Scenario& s) {
    std::string v;
    for (const LayerFraction& o : s.overrides)
        v += (v.empty() ? "" : ",") + decimal(static_cast<std::int64_t>(o.layer) + 1) + ":" + dec(o.fraction);
    return v;
}

bool read_overrides(std::string_view raw, Scenario& c, Reader& r) {
    c.overrides.clear();
    if (raw.empty()) return true;
    if (count_of_char(raw, ',') >= static_cast<std::size_t>(kMaxLayers))
        return r.fail("more than " + decimal(kMaxLayers) + " per-layer fractions"), false;
    split(raw, ',', [&](std::string_view item) {
        LayerFraction lf;
        if (!read_layer_fraction(item, lf, r)) return;
        if (!c.overrides.empty() && c.overrides.back().layer >= lf.layer)
            return r.fail("layer " + decimal(lf.layer + 1) + " comes after layer " + decimal(c.overrides.back().layer + 1) +
                          " (increasing layer numbers, each once)");
        c.overrides.push_back(lf);
    });
    return true;
}

// The CLI's --layer-fraction: one item, added to the list (replacing the same layer's).
bool add_override(std::string_view item, State& s, Reader& r) {
    LayerFraction lf;
    if (!read_layer_fraction(item, lf, r)) return false;
    std::vector<LayerFraction>& list = s.scenario.overrides;
    const auto at = std::lower_bound(list.begin(), list.end(), lf.layer,
                                     [](const LayerFraction& o, int layer) { return o.layer < layer; });
    if (at != list.end() && at->layer == lf.layer) at->fraction = lf.fraction;
    else list.insert(at, lf);
    return true;
}

// "2-9" or "2-" (through the last layer), from 1.
bool read_eligible(std::string_view raw, Scenario& c, Reader& r) {
    const std::size_t dash = raw.find('-');
    if (dash == std::string_view::npos) return r.fail(quoted(raw) + " is not a range like 2-9 or 2-"), false;
    std::int64_t first = 0, last = 0;
    if (!r.integer(raw.substr(0, dash), 1, kMaxLayers, first)) return false;
    if (dash + 1 < raw.size() && !r.integer(raw.substr(dash + 1), 1, kMaxLayers, last)) return false;
    c.eligible_first = static_cast<int>(first - 1);
    c.eligible_last = static_cast<int>(last - 1);
    return true;
}

// The student (or lookup) list: the active kind's item first, then the other kinds' values that differ.
std::string student_items(const Scenario& s, const Scenario& base) {
    auto item = [&](StudentKind k) -> std::string {
        switch (k) {
        case StudentKind::Fraction: return dec(s.student_fraction);
        case StudentKind::Flops: return "f:" + dec(s.student_flops);
        case StudentKind::Model: return "m:" + text(s.student_model);
        case StudentKind::Count_: break;
        }
        return {};
    };
    const bool differs[3] = {dec(s.student_fraction) != dec(base.student_fraction),
                             dec(s.student_flops) != dec(base.student_flops), s.student_model != base.student_model};
    if (s.student_kind == base.student_kind && !differs[0] && !differs[1] && !differs[2]) return {};
    std::string out = item(s.student_kind);
    for (int k = 0; k < 3; ++k)
        if (static_cast<StudentKind>(k) != s.student_kind && differs[k]) out += "," + item(static_cast<StudentKind>(k));
    return out;
}

// "0.5", "f:1.2e9", "m:mobilenet_v3_small", comma-separated; the first item sets the kind.
bool read_student_items(std::string_view raw, Scenario& c, Reader& r) {
    bool first = true, changed = false;
    split(raw, ',', [&](std::string_view item) {
        const bool is_first = first;
        first = false;
        StudentKind kind = StudentKind::Fraction;
        if (item.substr(0, 2) == "f:") kind = StudentKind::Flops, item.remove_prefix(2);
        else if (item.substr(0, 2) == "m:") kind = StudentKind::Model, item.remove_prefix(2);
        if (!read_student(kind, item, c, r)) return;
        if (is_first) c.student_kind = kind;
        changed = true;
    });
    return changed;
}

std::string lookup_items(const Scenario& s, const Scenario& base) {
    const bool flops_differs = dec(s.lookup_flops) != dec(base.lookup_flops);
    const bool dim_differs = s.key_dim != base.key_dim;
    if (s.lookup_kind == base.lookup_kind && !flops_differs && !dim_differs) return {};
    const std::string nn = dim_differs ? "nn:" + decimal(s.key_dim) : "nn";
    if (s.lookup_kind == LookupKind::NearestNeighbour) return flops_differs ? nn + "," + dec(s.lookup_flops) : nn;
    return dim_differs ? dec(s.lookup_flops) + "," + nn : dec(s.lookup_flops);
}

// "1e6", "nn", "nn:256", comma-separated; the first item sets the kind.
bool read_lookup_items(std::string_view raw, Scenario& c, Reader& r) {
    bool first = true, changed = false;
    split(raw, ',', [&](std::string_view item) {
        const bool is_first = first;
        first = false;
        LookupKind kind = LookupKind::Flops;
        if (item == "nn") {
            kind = LookupKind::NearestNeighbour;
        } else if (item.substr(0, 3) == "nn:") {
            kind = LookupKind::NearestNeighbour;
            if (!read_lookup(kind, item.substr(3), c, r)) return;
        } else if (!read_lookup(kind, item, c, r)) {
            return;
        }
        if (is_first) c.lookup_kind = kind;
        changed = true;
    });
    return changed;
}

std::string show_text(const ViewOptions& v) {
    std::string list;
    for (std::size_t i = 0; i < v.show.size(); ++i) list += (i ? "," : "") + text(v.show[i]);
    return list;
}

bool read_show(std::string_view raw, ViewOptions& v, Reader& r) {
    if (count_of_char(raw, ',') >= kMaxShowItems)
        return r.fail("more than " + decimal(static_cast<std::int64_t>(kMaxShowItems)) + " items"), false;
    std::vector<std::string> show;
    if (!raw.empty()) {
        split(raw, ',', [&](std::string_view item) {
            std::string name;
            if (item.empty()) r.fail("empty item");
            else if (r.text(item, name)) show.push_back(std::move(name));
        });
    }
    v.show = std::move(show);
    return true;
}

// The Counting switch of a finer rule's link key (the rows FLOPSCOPE_COUNTING_FLAG makes).
bool Counting::*counting_flag(std::string_view key) {
    if (key == "lbias") return &Counting::linear_bias;
    if (key == "bnch") return &Counting::batchnorm_per_channel;
    return &Counting::elementwise_mul;  // "eltmul"
}

// The custom device's figures (keys dpk32… dpw): a figure of the custom device, read within the
// device limits (device.h); 0 means "none". validate_device() checks the whole device in compute().
DeviceFigure& precision_figure(State& s, Precision p, bool sparse) {
    PrecisionPeak& peak = s.device.custom.peak(p);
    return sparse ? peak.sparse : peak.dense;
}

// The custom device's figures as a JSON object (in "device" when the device is the custom one).
std::string custom_device_json(const State& s) {
    const Device& c = s.device.custom;
    {
        auto peaks = [&](bool sparse) {
            JsonObject p;
            for (int i = 0; i < kPrecisionCount; ++i) {
                const PrecisionPeak& pk = c.peaks[static_cast<std::size_t>(i)];
                p.add(precision_name(static_cast<Precision>(i)), format_double(sparse ? pk.sparse.value : pk.dense.value));
            }
            return p.text();
        };
        JsonObject figures;
        figures.add("dense_peak", peaks(false));
        figures.add("sparse_peak", peaks(true));
        figures.add("dram_bandwidth", format_double(c.dram_bandwidth.value));
        figures.add("onchip_buffer", format_double(c.onchip_buffer.value));
        figures.add("power", format_double(c.power.value));
        return figures.text();
    }
}

} // namespace

bool read_layer_fraction(std::string_view item, LayerFraction& out, Reader& r) {
    const std::size_t colon = item.find(':');
    if (colon == std::string_view::npos) return r.fail(quoted(item) + " is not layer:fraction"), false;
    std::int64_t layer = 0;
    double f = 0;
    if (!r.integer(item.substr(0, colon), 1, kMaxLayers, layer) || !r.decimal(item.substr(colon + 1), 0, 1, f)) return false;
    out = {static_cast<int>(layer - 1), f};
    return true;
}

bool read_student(StudentKind kind, std::string_view value, Scenario& c, Reader& r) {
    switch (kind) {
    case StudentKind::Fraction: return r.decimal(value, 0, 1000, c.student_fraction);
    case StudentKind::Flops: return r.decimal(value, 0, kMaxAbsoluteFlops, c.student_flops);
    case StudentKind::Model: {
        std::string name;
        if (!r.text(value, name)) return false;
        if (!find_model(name)) return r.fail("unknown student model " + quoted(name)), false;
        c.student_model = name;
        return true;
    }
    case StudentKind::Count_: break;
    }
    return false;
}

bool read_lookup(LookupKind kind, std::string_view value, Scenario& c, Reader& r) {
    if (kind == LookupKind::NearestNeighbour) return r.integer(value, 1, kMaxKeyDim, c.key_dim);
    return r.decimal(value, 0, kMaxAbsoluteFlops, c.lookup_flops);
}

namespace {

// The CLI's --student-* and --lookup-* options: one kind's value, which also makes it the active kind.
template <StudentKind K>
bool set_student(std::string_view value, State& s, Reader& r) {
    if (!read_student(K, value, s.scenario, r)) return false;
    s.scenario.student_kind = K;
    return true;
}

template <LookupKind K>
bool set_lookup(std::string_view value, State& s, Reader& r) {
    if (!read_lookup(K, value, s.scenario, r)) return false;
    s.scenario.lookup_kind = K;
    return true;
}

} // namespace

void JsonObject::add(std::string_view name, const std::string& value) {
    if (!body_.empty()) body_ += ", ";
    body_ += json_string(std::string(name)) + ": " + value;
}

//-----------------------------------------------------------------------------
// [SECTION] The registry
//-----------------------------------------------------------------------------
// One row per link key, in link order (the table at the top of link.cpp; a test compares them). A row's
// functions are plain lambdas: `write` gives the link text, `read` applies one, `json` adds its members.

namespace {

using G = FieldGroup;

// A row for one of Counting's switches (they differ only in key, JSON name, CLI flag and help).
#define FLOPSCOPE_COUNTING_FLAG(KEY, JSON, OPTION, HELP)                                                            \
    StateField {                                                                                                    \
        KEY, G::Counting, "0 | 1", HELP, nullptr, {{OPTION, nullptr, nullptr, nullptr}},                         \
            [](const State& s, const State&) { return bool_text(s.counting.*counting_flag(KEY)); },               \
            [](std::string_view raw, State& s, Reader& r) { return r.flag(raw, s.counting.*counting_flag(KEY)); }, \
            [](const State& s, JsonObject& o) { o.add(JSON, json_bool(s.counting.*counting_flag(KEY))); }, nullptr  \
    }

// A row for one of the five op classes' switches (kOpClasses in core/counting.h).
#define FLOPSCOPE_OP_CLASS_FLAG(OP)                                                                                \
    StateField {                                                                                                   \
        op_class(OP).key, G::Counting, "0 | 1", op_class(OP).cli_help, nullptr,                                    \
            {{op_class(OP).cli, nullptr, nullptr, nullptr}},                                                       \
            [](const State& s, const State&) { return bool_text(s.counting.*op_class(OP).flag); },                \
            [](std::string_view raw, State& s, Reader& r) { return r.flag(raw, s.counting.*op_class(OP).flag); }, \
            [](const State& s, JsonObject& o) { o.add(op_class(OP).json, json_bool(s.counting.*op_class(OP).flag)); }, \
            nullptr                                                                                                \
    }

// A row for one of the custom device's peaks (dense or 2:4-sparse, per precision), in FLOP/s (INT8: op/s).
#define FLOPSCOPE_CUSTOM_PEAK(KEY, PREC, SPARSE, OPTION)                                                             \
    StateField {                                                                                                    \
        KEY, G::Device, "0…1e19", SPARSE ? "The custom device's 2:4-sparse " #PREC " peak, FLOP/s (0: none)."       \
                                         : "The custom device's dense " #PREC " peak, FLOP/s (0: none).",          \
            nullptr, {{OPTION, "FLOPS"}},                                                                           \
            [](const State& s, const State&) {                                                                      \
                const PrecisionPeak& peak = s.device.custom.peak(Precision::PREC);                                 \
                return dec((SPARSE ? peak.sparse : peak.dense).value);                                              \
            },                                                                                                      \
            [](std::string_view raw, State& s, Reader& r) {                                                         \
                return r.decimal(raw, 0, kMaxPeakFlops, precision_figure(s, Precision::PREC, SPARSE).value);        \
            },                                                                                                      \
            nullptr /* in "device"."custom" */, nullptr                                                             \
    }

// A row for one of the custom device's other figures.
#define FLOPSCOPE_CUSTOM_FIGURE(KEY, SYNTAX, MEMBER, MAX, OPTION, METAVAR, HELP)                                      \
    StateField {                                                                                                    \
        KEY, G::Device, SYNTAX, HELP, nullptr, {{OPTION, METAVAR}},                                                \
            [](const State& s, const State&) { return dec(s.device.custom.MEMBER.value); },                         \
            [](std::string_view raw, State& s, Reader& r) { return r.decimal(raw, 0, MAX, s.device.custom.MEMBER.value); }, \
            nullptr /* in "device"."custom" */, nullptr                                                             \
    }

const StateField kFields[] = {
    {"v", G::Model, "1", "The link format's version.", nullptr, {},
     [](const State&, const State&) { return decimal(kLinkVersion); }, nullptr, nullptr, nullptr},
    {"m", G::Model, "resnet18 | custom", "The network: a built-in one (flopscope --list-models) or the custom one.", nullptr,
     {{"--model", "NAME"}},
     [](const State& s, const State&) { return text(s.model); },
     [](std::string_view raw, State& s, Reader& r) {
         std::string name;
         if (!r.text(raw, name)) return false;
         if (name != kCustomModel && !find_model(name)) return r.fail("unknown model " + quoted(name)), false;
         s.model = name;
         return true;
     },
     [](const State& s, JsonObject& o) { o.add("model", json_string(s.model)); }, nullptr},
    {"in", G::Model, "224 | 224x160 (height x width)", "Input resolution.",
     "Input resolution", {{"--input", "N | HxW"}},
     [](const State& s, const State&) { return hw(s.input_h, s.input_w); },
     [](std::string_view raw, State& s, Reader& r) {
         std::int64_t h = 0, w = 0;
         if (!r.pair(raw, 1, kMaxSpatial, h, w)) return false;
         const ModelInfo* m = find_model(s.model);
         if (m && (h < m->min_resolution || w < m->min_resolution))
             return r.fail(std::string(m->name) + " needs at least " + decimal(m->min_resolution) + " pixels per side, not " +
                           hw(h, w)),
                    false;
         s.input_h = h, s.input_w = w;
         return true;
     },
     [](const State& s, JsonObject& o) {
         o.add("input", "[" + json_int(s.input_c) + ", " + json_int(s.input_h) + ", " + json_int(s.input_w) + "]");
     },
     nullptr},
    {"ic", G::Model, "3", "Input channels.", nullptr, {},
     [](const State& s, const State&) { return decimal(s.input_c); },
     [](std::string_view raw, State& s, Reader& r) { return r.integer(raw, 1, kMaxChannels, s.input_c); },
     nullptr /* in "input" */, nullptr},
    {"L", G::Model, "layer,layer,…  (see below)", "The custom network's layers.", nullptr, {},
     [](const State& s, const State&) { return encode_layer_list(s.custom.layers); },
     [](std::string_view raw, State& s, Reader& r) {
         std::vector<Layer> layers;
         if (!decode_layers(raw, layers, r.problems())) return false;
         s.custom.layers = std::move(layers);
         return true;
     },
     [](const State& s, JsonObject& o) {
         if (s.model == kCustomModel) o.add("custom_layers", json_int(static_cast<std::int64_t>(s.custom.layers.size())));
     },
     nullptr},
    {"cn", G::Model, "text", "The custom network's name.", nullptr, {},
     [](const State& s, const State&) { return text(s.custom.name); },
     [](std::string_view raw, State& s, Reader& r) { return r.text(raw, s.custom.name); }, nullptr,
     [](State& s) {  // from here on the custom network's name and input are the ones the link assumes
         const Network named = custom_name_and_input(s, default_state());
         s.custom.name = named.name;
         s.custom.input = named.input;
     }},
    {"ci", G::Model, "3x224x224", "The custom network's input (channels x height x width).", nullptr, {},
     [](const State& s, const State&) {
         return decimal(s.custom.input.c) + "x" + decimal(s.custom.input.h) + "x" + decimal(s.custom.input.w);
     },
     [](std::string_view raw, State& s, Reader& r) {
         const std::size_t x1 = raw.find('x');
         const std::size_t x2 = x1 == std::string_view::npos ? x1 : raw.find('x', x1 + 1);
         Shape in;
         if (x2 == std::string_view::npos) return r.fail(quoted(raw) + " is not CxHxW"), false;
         if (!r.integer(raw.substr(0, x1), 1, kMaxChannels, in.c) || !r.pair(raw.substr(x1 + 1), 1, kMaxSpatial, in.h, in.w))
             return false;
         s.custom.input = in;
         return true;
     },
     nullptr, nullptr},
    {"conv", G::Model, "torchvision | fvcore | … | custom",
     "Count as a peer tool does: a named convention sets all the counting rules; the keys after it change single rules.",
     nullptr,
     {{"--convention", "NAME",
       "Count as a peer tool does: torchvision (default: conv and linear MACs, no bias; FLOPs = 2 x "
       "MACs), fvcore, ptflops, thop, torchinfo, calflops, calflops-macs, convnet-burden (flopscope "
       "--list-conventions shows their rules)."}},
     [](const State& s, const State&) { return text(s.convention); },
     [](std::string_view raw, State& s, Reader& r) {
         std::string name;
         if (!r.text(raw, name)) return false;
         if (const Counting* named = named_counting(name)) s.counting = *named;
         else if (name != "custom") return r.fail("unknown counting convention " + quoted(name)), false;
         s.convention = name;
         return true;
     },
     [](const State& s, JsonObject& o) { o.add("convention", counting_json(s)); }, nullptr},

    FLOPSCOPE_OP_CLASS_FLAG(OpClass::Bias),
    FLOPSCOPE_OP_CLASS_FLAG(OpClass::Normalization),
    FLOPSCOPE_OP_CLASS_FLAG(OpClass::Activations),
    FLOPSCOPE_OP_CLASS_FLAG(OpClass::Pooling),
    FLOPSCOPE_OP_CLASS_FLAG(OpClass::Elementwise),
    {"fpm", G::Counting, "1 | 2", "FLOPs per multiply-accumulate.", nullptr, {},
     [](const State& s, const State&) { return decimal(s.counting.flops_per_mac); },
     [](std::string_view raw, State& s, Reader& r) { return r.integer(raw, 1, 2, s.counting.flops_per_mac); },
     [](const State& s, JsonObject& o) { o.add("flops_per_mac", json_int(s.counting.flops_per_mac)); }, nullptr},
    FLOPSCOPE_COUNTING_FLAG("lbias", "linear_bias", nullptr, "Count the bias of linear layers."),
    {"bnops", G::Counting, "0…2147483647", "Operations per element of batch norm.", nullptr, {},
     [](const State& s, const State&) { return decimal(s.counting.batchnorm_ops); },
     [](std::string_view raw, State& s, Reader& r) {
         return r.integer(raw, 0, std::numeric_limits<int>::max(), s.counting.batchnorm_ops);
     },
     [](const State& s, JsonObject& o) { o.add("batchnorm_ops", json_int(s.counting.batchnorm_ops)); }, nullptr},
    FLOPSCOPE_COUNTING_FLAG("bnch", "batchnorm_per_channel", nullptr, "Count batch norm once per channel."),
    {"actops", G::Counting, "0…2147483647", "Operations per element of an activation.", nullptr, {},
     [](const State& s, const State&) { return decimal(s.counting.activation_ops); },
     [](std::string_view raw, State& s, Reader& r) {
         return r.integer(raw, 0, std::numeric_limits<int>::max(), s.counting.activation_ops);
     },
     [](const State& s, JsonObject& o) { o.add("activation_ops", json_int(s.counting.activation_ops)); }, nullptr},
    {"acts", G::Counting, "relu,relu6,gelu  (\"\" = none)", "The activation functions that count.", nullptr, {},
     [](const State& s, const State&) { return kActivationNames.names_of_bits(s.counting.activation_kinds, ","); },
     [](std::string_view raw, State& s, Reader& r) {
         return bits_of_names(raw, kActivationNames, "activation", s.counting.activation_kinds, r);
     },
     [](const State& s, JsonObject& o) {
         o.add("activation_kinds", json_names_of_bits(s.counting.activation_kinds, kActivationNames));
     },
     nullptr},
    {"poolrule", G::Counting, "window | input | thop | stride2", "How a pooling layer's work is counted.", nullptr, {},
     [](const State& s, const State&) { return std::string(kPoolRuleNames.name(s.counting.pool_rule)); },
     [](std::string_view raw, State& s, Reader& r) {
         if (kPoolRuleNames.parse(raw, s.counting.pool_rule)) return true;
         return r.fail("unknown pooling rule " + quoted(raw) + " (" + kPoolRuleNames.choices() + ")"), false;
     },
     [](const State& s, JsonObject& o) { o.add("pool_rule", json_string(kPoolRuleNames.name(s.counting.pool_rule))); },
     nullptr},
    {"pools", G::Counting, "adaptive_avg     (\"\" = none)", "The pooling types that count.", nullptr, {},
     [](const State& s, const State&) { return kPoolNames.names_of_bits(s.counting.pool_kinds, ","); },
     [](std::string_view raw, State& s, Reader& r) { return bits_of_names(raw, kPoolNames, "pooling", s.counting.pool_kinds, r); },
     [](const State& s, JsonObject& o) { o.add("pool_kinds", json_names_of_bits(s.counting.pool_kinds, kPoolNames)); },
     nullptr},
    FLOPSCOPE_COUNTING_FLAG("eltmul", "elementwise_mul", nullptr, "Count element-wise products."),

    {"scenario", G::Model, "0 | 1", "Whether the caching scenario is evaluated.", nullptr, {},
     [](const State& s, const State&) { return bool_text(s.scenario_enabled); },
     [](std::string_view raw, State& s, Reader& r) { return r.flag(raw, s.scenario_enabled); },
     [](const State& s, JsonObject& o) { o.add("scenario_enabled", json_bool(s.scenario_enabled)); }, nullptr},
    {"sc", G::Scenario, "optimistic | realistic | full | custom",
     "The seed notebook's three scenarios, or your own; a preset sets all the parameters, the keys after it change single ones.",
     "Scenario preset",
     {{"--scenario", "PRESET",
       "The seed notebook's three scenarios, or your own; a preset sets all the parameters first, and the other options "
       "change single ones wherever they are given."}},
     [](const State& s, const State&) { return text(s.scenario.name); },
     [](std::string_view raw, State& s, Reader& r) {
         std::string name;
         if (!r.text(raw, name)) return false;
         if (const ScenarioPreset* preset = find_preset(name)) s.scenario = preset->scenario;
         else if (name != "custom") return r.fail("unknown scenario " + quoted(name)), false;
         s.scenario.name = name;
         return true;
     },
     [](const State& s, JsonObject& o) { o.add("name", json_string(s.scenario.name)); }, nullptr},
    {"mode", G::Scenario, "partial | cascade | result_cache",
     "What is cached: channels inside the network (partial), the answer of a cheaper student (cascade), or whole "
     "results.",
     nullptr,
     {{"--mode", "MODE"}},
     [](const State& s, const State&) { return std::string(mode_name(s.scenario.mode)); },
     [](std::string_view raw, State& s, Reader& r) {
         if (parse_mode(raw, s.scenario.mode)) return true;
         return r.fail("unknown mode " + quoted(raw) + " (" + kScenarioModeNames.choices() + ")"), false;
     },
     [](const State& s, JsonObject& o) { o.add("mode", json_string(mode_name(s.scenario.mode))); }, nullptr},
    {"f", G::Scenario, "0…1", "The fraction of output channels served from the cache.", "Cached fraction f",
     {{"--cached-fraction", "F"}},
     [](const State& s, const State&) { return dec(s.scenario.cached_fraction); },
     [](std::string_view raw, State& s, Reader& r) { return r.decimal(raw, 0, 1, s.scenario.cached_fraction); },
     [](const State& s, JsonObject& o) { o.add("cached_fraction", format_double(s.scenario.cached_fraction)); }, nullptr},
    {"fl", G::Scenario, "3:0.5,7:1", "Per-layer cached fractions (increasing layer numbers, from 1).", nullptr,
     {{"--layer-fraction", "I:F", "The cached fraction f of layer I (from 1); repeatable.", add_override}},
     [](const State& s, const State&) { return overrides_text(s.scenario); },
     [](std::string_view raw, State& s, Reader& r) { return read_overrides(raw, s.scenario, r); },
     [](const State& s, JsonObject& o) {
         std::string list;
         for (const LayerFraction& lf : s.scenario.overrides)
             list += (list.empty() ? "[" : ", [") + json_int(lf.layer) + ", " + format_double(lf.fraction) + "]";
         o.add("overrides", "[" + list + "]");
     },
     nullptr},
    {"el", G::Scenario, "2-9 | 2-  (through the last layer)",
     "The cache-eligible layers, numbered from 1 (the conv and linear layers in the range).", nullptr,
     {{"--eligible", "A-B"}},
     [](const State& s, const State&) {
         const Scenario& c = s.scenario;
         return decimal(static_cast<std::int64_t>(c.eligible_first) + 1) + "-" +
                (c.eligible_last == -1 ? std::string() : decimal(static_cast<std::int64_t>(c.eligible_last) + 1));
     },
     [](std::string_view raw, State& s, Reader& r) { return read_eligible(raw, s.scenario, r); },
     [](const State& s, JsonObject& o) {
         o.add("eligible_first", json_int(s.scenario.eligible_first));
         o.add("eligible_last", json_int(s.scenario.eligible_last));
     },
     nullptr},
    {"rho", G::Scenario, "0…1", "Truncation efficiency: 1, skipped channels cost nothing; 0, everything is still computed.",
     "Truncation ρ", {{"--truncation", "RHO"}},
     [](const State& s, const State&) { return dec(s.scenario.truncation_efficiency); },
     [](std::string_view raw, State& s, Reader& r) { return r.decimal(raw, 0, 1, s.scenario.truncation_efficiency); },
     [](const State& s, JsonObject& o) { o.add("truncation_efficiency", format_double(s.scenario.truncation_efficiency)); },
     nullptr},
    {"g", G::Scenario, "0…4096", "Channel granularity: kept channels are rounded up to multiples of g (0 = off).", nullptr,
     {{"--granularity", "G"}},
     [](const State& s, const State&) { return decimal(s.scenario.channel_granularity); },
     [](std::string_view raw, State& s, Reader& r) {
         return r.integer(raw, 0, kMaxGranularity, s.scenario.channel_granularity);
     },
     [](const State& s, JsonObject& o) { o.add("channel_granularity", json_int(s.scenario.channel_granularity)); }, nullptr},
    {"h", G::Scenario, "0…1", "How often the cache holds a usable entry.", "Hit rate h",
     {{"--hit-rate", "H"}},
     [](const State& s, const State&) { return dec(s.scenario.hit_rate); },
     [](std::string_view raw, State& s, Reader& r) { return r.decimal(raw, 0, 1, s.scenario.hit_rate); },
     [](const State& s, JsonObject& o) { o.add("hit_rate", format_double(s.scenario.hit_rate)); }, nullptr},
    {"p", G::Scenario, "0…1", "Cascade: the fraction of inputs the student answers alone.", "Accept rate p",
     {{"--accept-rate", "P"}},
     [](const State& s, const State&) { return dec(s.scenario.accept_rate); },
     [](std::string_view raw, State& s, Reader& r) { return r.decimal(raw, 0, 1, s.scenario.accept_rate); },
     [](const State& s, JsonObject& o) { o.add("accept_rate", format_double(s.scenario.accept_rate)); }, nullptr},
    {"st", G::Scenario, "0.5 | f:1.2e9 | m:mobilenet_v3_small",
     "The student's cost: a fraction 0…1000 of the network's, FLOPs, or a built-in network.", "Student cost σ",
     {{"--student-fraction", "S", "Student cost as a fraction of the network's (0…1000; default 0.5).",
       set_student<StudentKind::Fraction>},
      {"--student-flops", "N", "Student cost in FLOPs (0…1e18).", set_student<StudentKind::Flops>},
      {"--student", "MODEL", "A built-in network as the student, at the same input resolution.",
       set_student<StudentKind::Model>}},
     [](const State& s, const State& base) { return student_items(s.scenario, base.scenario); },
     [](std::string_view raw, State& s, Reader& r) { return read_student_items(raw, s.scenario, r); },
     [](const State& s, JsonObject& o) { o.add("student", student_json(s.scenario)); }, nullptr},
    {"lk", G::Scenario, "1e6 | nn | nn:256", "The lookup's cost: FLOPs, or a nearest-neighbour search (key dimension d).",
     nullptr,
     {{"--lookup-flops", "N", "Lookup cost in FLOPs per query (0…1e18).", set_lookup<LookupKind::Flops>},
      {"--lookup-nn", "D", "Lookup by nearest-neighbour search over --entries keys of dimension D (1…1048576).",
       set_lookup<LookupKind::NearestNeighbour>}},
     [](const State& s, const State& base) { return lookup_items(s.scenario, base.scenario); },
     [](std::string_view raw, State& s, Reader& r) { return read_lookup_items(raw, s.scenario, r); },
     [](const State& s, JsonObject& o) {
         const Scenario& c = s.scenario;
         o.add("lookup", c.lookup_kind == LookupKind::Flops
                             ? "{\"flops\": " + format_double(c.lookup_flops) + "}"
                             : "{\"nearest_neighbour\": {\"key_dim\": " + json_int(c.key_dim) + "}}");
     },
     nullptr},
    {"E", G::Scenario, "1…1e9", "Cache entries (memory; nearest-neighbour search).", nullptr,
     {{"--entries", "E"}},
     [](const State& s, const State&) { return decimal(s.scenario.cache_entries); },
     [](std::string_view raw, State& s, Reader& r) { return r.integer(raw, 1, kMaxCacheEntries, s.scenario.cache_entries); },
     [](const State& s, JsonObject& o) { o.add("cache_entries", json_int(s.scenario.cache_entries)); }, nullptr},
    {"prec", G::Scenario, "fp32 | fp16 | int8", "The precision: of cached values (cache memory) and, with a device, the roofline's bytes per element and peak.",
     nullptr, {{"--precision", "fp32|fp16|int8"}},
     [](const State& s, const State&) { return std::string(precision_name(s.scenario.precision)); },
     [](std::string_view raw, State& s, Reader& r) {
         if (parse_precision(raw, s.scenario.precision)) return true;
         return r.fail("unknown precision " + quoted(raw) + " (" + kPrecisionNames.choices() + ")"), false;
     },
     [](const State& s, JsonObject& o) { o.add("precision", json_string(precision_name(s.scenario.precision))); }, nullptr},

    {"dev", G::Device, "t4 | orin_nano_15w | … | custom | none",
     "The device for time and energy (a roofline per layer); none by default.", nullptr,
     {{"--device", "NAME", "The device for time and energy per layer: a built-in one (flopscope --list-devices), custom "
                           "(its figures from the --custom-* options), or none (default)."}},
     [](const State& s, const State&) { return text(s.device.name); },
     [](std::string_view raw, State& s, Reader& r) {
         std::string name;
         if (!r.text(raw, name)) return false;
         if (name == "none") name.clear();
         if (!name.empty() && name != kCustomDevice && !find_device(name))
             return r.fail("unknown device " + quoted(name) + " (flopscope --list-devices lists them)"), false;
         s.device.name = name;
         return true;
     },
     [](const State& s, JsonObject& o) {
         o.add("name", s.device.name.empty() ? "null" : json_string(s.device.name));
         if (s.device.name == kCustomDevice) o.add("custom", custom_device_json(s));
     },
     nullptr},
    {"sparse", G::Device, "0 | 1", "Use the device's 2:4-sparse peak instead of the dense one.", nullptr,
     {{"--sparse"}},
     [](const State& s, const State&) { return bool_text(s.device.sparse); },
     [](std::string_view raw, State& s, Reader& r) { return r.flag(raw, s.device.sparse); },
     [](const State& s, JsonObject& o) { o.add("sparse", json_bool(s.device.sparse)); }, nullptr},
    {"ec", G::Device, "0…1 (above 0)", "Compute efficiency η_c: the achievable fraction of the peak.", nullptr,
     {{"--compute-efficiency", "EC"}},
     [](const State& s, const State&) { return dec(s.device.compute_efficiency); },
     [](std::string_view raw, State& s, Reader& r) { return r.decimal(raw, 0, 1, s.device.compute_efficiency); },
     [](const State& s, JsonObject& o) { o.add("compute_efficiency", format_double(s.device.compute_efficiency)); },
     nullptr},
    {"em", G::Device, "0…1 (above 0)", "Memory efficiency η_m: the achievable fraction of the bandwidth.",
     nullptr, {{"--memory-efficiency", "EM"}},
     [](const State& s, const State&) { return dec(s.device.memory_efficiency); },
     [](std::string_view raw, State& s, Reader& r) { return r.decimal(raw, 0, 1, s.device.memory_efficiency); },
     [](const State& s, JsonObject& o) { o.add("memory_efficiency", format_double(s.device.memory_efficiency)); },
     nullptr},
    {"ov", G::Device, "0…1", "Overhead per layer (each repeat a kernel launch), in seconds.", nullptr,
     {{"--layer-overhead", "SECONDS"}},
     [](const State& s, const State&) { return dec(s.device.layer_overhead_s); },
     [](std::string_view raw, State& s, Reader& r) {
         return r.decimal(raw, 0, kMaxLayerOverhead, s.device.layer_overhead_s);
     },
     [](const State& s, JsonObject& o) { o.add("layer_overhead_s", format_double(s.device.layer_overhead_s)); }, nullptr},
    {"onchip", G::Device, "0 | 1", "Keep a layer's output on chip (no DRAM traffic) when it fits the on-chip buffer.",
     nullptr, {{"--activations-on-chip"}},
     [](const State& s, const State&) { return bool_text(s.device.activations_on_chip); },
     [](std::string_view raw, State& s, Reader& r) { return r.flag(raw, s.device.activations_on_chip); },
     [](const State& s, JsonObject& o) { o.add("activations_on_chip", json_bool(s.device.activations_on_chip)); }, nullptr},
    {"es", G::Device, "0…1000 (above 0)", "Energy scale: × the 45 nm energy constants (technology scaling).",
     nullptr, {{"--energy-scale", "S"}},
     [](const State& s, const State&) { return dec(s.device.energy_scale); },
     [](std::string_view raw, State& s, Reader& r) { return r.decimal(raw, 0, kMaxEnergyScale, s.device.energy_scale); },
     [](const State& s, JsonObject& o) { o.add("energy_scale", format_double(s.device.energy_scale)); }, nullptr},
    FLOPSCOPE_CUSTOM_PEAK("dpk32", FP32, false, "--custom-peak-fp32"),
    FLOPSCOPE_CUSTOM_PEAK("dpk16", FP16, false, "--custom-peak-fp16"),
    FLOPSCOPE_CUSTOM_PEAK("dpk8", INT8, false, "--custom-peak-int8"),
    FLOPSCOPE_CUSTOM_PEAK("dsp32", FP32, true, "--custom-sparse-fp32"),
    FLOPSCOPE_CUSTOM_PEAK("dsp16", FP16, true, "--custom-sparse-fp16"),
    FLOPSCOPE_CUSTOM_PEAK("dsp8", INT8, true, "--custom-sparse-int8"),
    FLOPSCOPE_CUSTOM_FIGURE("dbw", "0…1e15", dram_bandwidth, kMaxBandwidth, "--custom-bandwidth", "BYTES_PER_S",
                            "The custom device's DRAM bandwidth, bytes/s."),
    FLOPSCOPE_CUSTOM_FIGURE("dbuf", "0…1e12", onchip_buffer, kMaxOnchipBuffer, "--custom-buffer", "BYTES",
                            "The custom device's on-chip buffer, bytes (GPU L2, last-level cache, SRAM)."),
    FLOPSCOPE_CUSTOM_FIGURE("dpw", "0…1e6", power, kMaxPower, "--custom-power", "WATTS",
                            "The custom device's power draw, watts (0: unknown)."),

    {"u", G::View, "macs | flops", "The unit of the counts shown (the table and Markdown columns).", nullptr,
     {{"--unit", "flops|macs"}},
     [](const State& s, const State&) { return std::string(kUnitNames.name(s.view.unit)); },
     [](std::string_view raw, State& s, Reader& r) {
         if (kUnitNames.parse(raw, s.view.unit)) return true;
         return r.fail("unknown unit " + quoted(raw) + " (macs or flops)"), false;
     },
     [](const State& s, JsonObject& o) { o.add("unit", json_string(kUnitNames.name(s.view.unit))); }, nullptr},
    {"x", G::View, "0 | 1", "Exact integers instead of K/M/G.", nullptr,
     {{"--exact"}},
     [](const State& s, const State&) { return bool_text(s.view.exact); },
     [](std::string_view raw, State& s, Reader& r) { return r.flag(raw, s.view.exact); },
     [](const State& s, JsonObject& o) { o.add("exact", json_bool(s.view.exact)); }, nullptr},
    {"full", G::View, "0 | 1", "Percentages against the full network (when the model is part of one).", nullptr, {},
     [](const State& s, const State&) { return bool_text(s.view.full_network_view); },
     [](std::string_view raw, State& s, Reader& r) { return r.flag(raw, s.view.full_network_view); },
     [](const State& s, JsonObject& o) { o.add("full_network_view", json_bool(s.view.full_network_view)); }, nullptr},
    {"th", G::View, "system | light | dark", "The colour theme.", nullptr, {},
     [](const State& s, const State&) { return std::string(kThemeNames.name(s.view.theme)); },
     [](std::string_view raw, State& s, Reader& r) {
         if (kThemeNames.parse(raw, s.view.theme)) return true;
         return r.fail("unknown theme " + quoted(raw) + " (light, dark or system)"), false;
     },
     [](const State& s, JsonObject& o) { o.add("theme", json_string(kThemeNames.name(s.view.theme))); }, nullptr},
    {"embed", G::View, "0 | 1", "The compact iframe view.", nullptr, {},
     [](const State& s, const State&) { return bool_text(s.view.embed); },
     [](std::string_view raw, State& s, Reader& r) { return r.flag(raw, s.view.embed); },
     [](const State& s, JsonObject& o) { o.add("embed", json_bool(s.view.embed)); }, nullptr},
    {"show", G::View, "f,h", "Embed: the inputs shown (link keys).", nullptr, {},
     [](const State& s, const State&) { return show_text(s.view); },
     [](std::string_view raw, State& s, Reader& r) { return read_show(raw, s.view, r); }, nullptr, nullptr},
};

#undef FLOPSCOPE_OP_CLASS_FLAG
#undef FLOPSCOPE_COUNTING_FLAG
#undef FLOPSCOPE_CUSTOM_PEAK
#undef FLOPSCOPE_CUSTOM_FIGURE

} // namespace

std::span<const StateField> state_fields() { return kFields; }

namespace {
constexpr EmbedExtra kEmbedExtras[] = {{"payoff", "Chart: where it pays off"}};
}
std::span<const EmbedExtra> embed_extras() { return kEmbedExtras; }

const StateField* find_state_field(std::string_view key) {
    for (const StateField& f : kFields)
        if (f.key == key) return &f;
    return nullptr;
}

//-----------------------------------------------------------------------------
// [SECTION] Applying a value
//-----------------------------------------------------------------------------

State link_base(const State& s) {
    State base = default_state();
    const Network named = custom_name_and_input(s, base);
    base.custom.name = named.name;
    base.custom.input = named.input;
    if (s.convention != base.convention)
        if (const Counting* c = named_counting(s.convention)) base.counting = *c;
    if (s.scenario.name != base.scenario.name) {
        if (const ScenarioPreset* preset = find_preset(s.scenario.name)) {
            const std::string name = base.scenario.name;  // so `sc` itself is compared with the default
            base.scenario = preset->scenario;
            base.scenario.name = name;
        }
    }
    return base;
}

bool apply_field(const StateField& field, std::string_view raw, State& state, Reader& r,
                 bool (*read)(std::string_view, State&, Reader&)) {
    if (!read) read = field.read;
    if (!read) return false;
    switch (field.group) {
    case FieldGroup::Counting: {
        const Counting before = state.counting;
        if (read(raw, state, r)) return true;
        state.counting = before;
        return false;
    }
    case FieldGroup::Scenario: {
        Scenario before = state.scenario;
        if (read(raw, state, r)) {
            std::string e = validate(state.scenario);
            if (e.empty()) return true;
            r.fail(e);
        }
        state.scenario = std::move(before);
        return false;
    }
    case FieldGroup::Device: {
        DeviceSettings before = state.device;
        if (read(raw, state, r)) {
            std::string e = validate_roofline_options(roofline_options(state));
            if (e.empty()) return true;
            r.fail(e);
        }
        state.device = std::move(before);
        return false;
    }
    case FieldGroup::Model:
    case FieldGroup::View: break;
    }
    return read(raw, state, r);  // these reads change the state only when the value is good
}

} // namespace flopscope
