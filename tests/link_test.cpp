// The link codec: exact round trips (presets, zoo models, random states, every field at its bounds),
// the readable form, compactness, and malformed links — each with its own message and the valid parts
// applied.
#include "core/conventions.h"
#include "core/link.h"
#include "core/report.h"
#include "core/state.h"
#include "core/text.h"
#include "core/zoo.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>

using namespace flopscope;

namespace {

// ---- helpers -------------------------------------------------------------------------------------

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const std::string& s : v) out += "[" + s + "] ";
    return out;
}

// True when one of the problems contains `part`.
bool mentions(const LinkDecode& d, std::string_view part) {
    return std::any_of(d.problems.begin(), d.problems.end(),
                       [&](const std::string& p) { return p.find(part) != std::string::npos; });
}

// decode(encode(s)) == s with no problems, the canonical link re-encodes to itself, and (optionally)
// the results are identical to the bit (the JSON prints every double in its shortest exact form).
void check_round_trip(const State& s, bool compare_results = false) {
    const std::string link = encode_link(s);
    State back;
    const LinkDecode d = decode_link(link, back);
    INFO("link: " << link);
    INFO("problems: " << joined(d.problems));
    CHECK(d.ok());
    CHECK(back == s);
    CHECK(encode_link(back) == link);
    if (compare_results) CHECK(results_json(back) == results_json(s));
}

// ---- aggregate field counting (so a new field in a type the link carries fails here) --------------

struct AnyField {
    template <typename T>
    operator T() const;  // NOLINT: only used in unevaluated contexts
};

template <typename T, typename... A>
constexpr std::size_t field_count() {
    if constexpr (requires { T{std::declval<A>()..., std::declval<AnyField>()}; })
        return field_count<T, A..., AnyField>();
    else
        return sizeof...(A);
}

// ---- random states -------------------------------------------------------------------------------

class Random {
public:
    explicit Random(std::uint64_t seed) : rng_(seed) {}
    std::int64_t integer(std::int64_t lo, std::int64_t hi) { return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng_); }
    bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
    template <typename T>
    const T& pick(const std::vector<T>& v) { return v[static_cast<std::size_t>(integer(0, static_cast<std::int64_t>(v.size()) - 1))]; }

    // A value in [lo, hi] in one of many shapes: ends, -0, denormals, next to the ends, short decimals,
    // full 17-digit values, small and huge magnitudes.
    double real(double lo, double hi) {
        switch (integer(0, 9)) {
        case 0: return lo;
        case 1: return hi;
        case 2: return lo == 0 ? -0.0 : lo;
        case 3: return lo == 0 ? std::numeric_limits<double>::denorm_min() * static_cast<double>(integer(1, 1000)) : lo;
        case 4: return std::nextafter(hi, lo);
        case 5: return std::nextafter(lo, hi);
        case 6: return std::round(std::uniform_real_distribution<double>(lo, hi)(rng_) * 100) / 100;
        case 7: return std::min(hi, std::ldexp(1.0, static_cast<int>(integer(-1074, 0))) * (hi - lo) + lo);
        default: return std::uniform_real_distribution<double>(lo, hi)(rng_);
        }
    }
    std::int64_t size(std::int64_t lo, std::int64_t hi) {
        switch (integer(0, 3)) {
        case 0: return lo;
        case 1: return hi;
        case 2: return integer(lo, std::min(hi, lo + 8));
        default: return integer(lo, hi);
        }
    }
    // Names with every kind of byte the format must carry: separators, '%', HTML, UTF-8, spaces.
    std::string name(std::size_t max_bytes = kMaxLinkNameBytes) {
        static const std::vector<std::string> parts = {
            "conv", "1", ".", "_", "-", "~", ":", ",", "&", "=", "#", "%", "+", " ", "/", "?", "x", "<script>",
            "alert(1)", "</script>", "\"", "'", "<b>", "é", "Ω", "日本", "🙂", "layer4.1.conv2", "%41", "A"};
        std::string out;
        const std::int64_t n = integer(1, 6);
        for (std::int64_t i = 0; i < n; ++i) {
            const std::string& p = pick(parts);
            if (out.size() + p.size() > max_bytes) break;
            out += p;
        }
        return out.empty() ? "n" : out;
    }

private:
    std::mt19937_64 rng_;
};

Layer random_layer(Random& r, int index) {
    Layer l;
    if (r.chance(0.7)) l.name = r.name();
    l.kind = static_cast<LayerKind>(r.integer(0, kLayerKindCount - 1));
    if (r.chance(0.3)) {
        const std::int64_t n = r.integer(1, 4);
        for (std::int64_t k = 0; k < n; ++k) l.inputs.push_back(static_cast<int>(r.integer(-1, std::max(index + 2, 0))));
    }
    auto maybe = [&](std::int64_t& v, std::int64_t lo, std::int64_t hi) {
        if (r.chance(0.3)) v = r.size(lo, hi);
    };
    auto maybe_pair = [&](std::int64_t& a, std::int64_t& b, std::int64_t lo, std::int64_t hi) {
        if (r.chance(0.3)) {
            a = r.size(lo, hi);
            b = r.chance(0.5) ? a : r.size(lo, hi);
        }
    };
    maybe(l.out_channels, 0, kMaxChannels);
    maybe_pair(l.kernel_h, l.kernel_w, 1, kMaxKernel);
    maybe_pair(l.stride_h, l.stride_w, 1, kMaxKernel);
    maybe_pair(l.pad_h, l.pad_w, 0, kMaxPadding);
    maybe_pair(l.dilation_h, l.dilation_w, 1, kMaxKernel);
    maybe(l.groups, 1, kMaxChannels);
    maybe_pair(l.out_h, l.out_w, 0, kMaxSpatial);
    maybe(l.in_channels, 0, kMaxChannels);
    maybe(l.repeat, 1, kMaxRepeat);
    if (r.chance(0.2)) l.bias = true;
    if (r.chance(0.2)) l.ceil_mode = true;
    if (r.chance(0.2)) l.explicit_shape = true;
    if (r.chance(0.3)) l.activation = static_cast<ActivationKind>(r.integer(0, kActivationKindCount - 1));
    if (r.chance(0.3)) l.pool = static_cast<PoolKind>(r.integer(0, kPoolKindCount - 1));
    return l;
}

std::vector<std::string> zoo_names() {
    std::vector<std::string> names;
    for (const ModelInfo& m : model_zoo()) names.push_back(m.name);
    return names;
}

State random_state(Random& r) {
    static const std::vector<std::string> models = zoo_names();
    State s = default_state();
    if (r.chance(0.5)) {
        s.model = r.chance(0.4) ? std::string(kCustomModel) : r.pick(models);
        if (s.model != kCustomModel) {
            const ModelInfo* m = find_model(s.model);
            s.input_h = r.chance(0.5) ? m->default_resolution : r.integer(m->min_resolution, 512);
            s.input_w = r.chance(0.5) ? s.input_h : r.integer(m->min_resolution, 512);
        }
    }
    if (s.model == kCustomModel || r.chance(0.1)) {
        if (s.model == kCustomModel && r.chance(0.5)) s.input_h = r.size(1, kMaxSpatial), s.input_w = r.chance(0.5) ? s.input_h : r.size(1, kMaxSpatial);
        if (r.chance(0.5)) s.input_c = r.size(1, kMaxChannels);
        const std::int64_t n = r.integer(0, 40);
        for (std::int64_t i = 0; i < n; ++i) s.custom.layers.push_back(random_layer(r, static_cast<int>(i)));
        if (r.chance(0.7)) {  // as the page sets them
            s.custom.name = kCustomModel;
            s.custom.input = Shape{s.input_c, s.input_h, s.input_w};
        }
        if (r.chance(0.1)) s.custom.name = r.name();
        if (r.chance(0.1)) s.custom.input = Shape{r.size(1, kMaxChannels), r.size(1, kMaxSpatial), r.size(1, kMaxSpatial)};
    }
    if (r.chance(0.3)) {
        const auto& all = conventions();
        s.convention = r.chance(0.3) ? std::string("custom")
                                     : all[static_cast<std::size_t>(r.integer(0, static_cast<std::int64_t>(all.size()) - 1))].name;
        if (const Convention* c = find_convention(s.convention)) s.counting = c->counting;
        Counting& k = s.counting;
        if (r.chance(0.5)) {
            k.bias = r.chance(0.5);
            k.batchnorm = r.chance(0.5);
            k.activations = r.chance(0.5);
            k.pooling = r.chance(0.5);
            k.elementwise = r.chance(0.5);
            k.flops_per_mac = static_cast<int>(r.integer(1, 2));
        }
        if (r.chance(0.5)) {
            k.linear_bias = r.chance(0.5);
            k.batchnorm_ops = static_cast<int>(r.size(0, std::numeric_limits<int>::max()));
            k.batchnorm_per_channel = r.chance(0.5);
            k.activation_ops = static_cast<int>(r.size(0, std::numeric_limits<int>::max()));
            k.activation_kinds = static_cast<std::uint32_t>(r.integer(0, kAllActivationKinds));
            k.pool_rule = static_cast<PoolRule>(r.integer(0, 3));
            k.pool_kinds = static_cast<std::uint32_t>(r.integer(0, kAllPoolKinds));
            k.elementwise_mul = r.chance(0.5);
        }
    }
    if (r.chance(0.1)) s.scenario_enabled = false;

    Scenario& sc = s.scenario;
    if (r.chance(0.5)) {
        const auto& presets = scenario_presets();
        sc = presets[static_cast<std::size_t>(r.integer(0, static_cast<std::int64_t>(presets.size()) - 1))].scenario;
    }
    if (r.chance(0.6)) {
        if (r.chance(0.7)) sc.name = "custom";
        if (r.chance(0.4)) sc.mode = static_cast<ScenarioMode>(r.integer(0, 2));
        if (r.chance(0.5)) sc.cached_fraction = r.real(0, 1);
        if (r.chance(0.3)) {
            int layer = -1;
            const std::int64_t n = r.integer(0, 12);
            for (std::int64_t k = 0; k < n && layer < kMaxLayers - 1; ++k) {
                layer = static_cast<int>(std::min<std::int64_t>(kMaxLayers - 1, layer + r.size(1, 3000)));
                sc.overrides.push_back({layer, r.real(0, 1)});
            }
        }
        if (r.chance(0.3)) {
            sc.eligible_first = static_cast<int>(r.size(0, kMaxLayers - 1));
            sc.eligible_last = r.chance(0.3) ? -1 : static_cast<int>(r.size(0, kMaxLayers - 1));
        }
        if (r.chance(0.4)) sc.truncation_efficiency = r.real(0, 1);
        if (r.chance(0.3)) sc.channel_granularity = r.size(0, kMaxGranularity);
        if (r.chance(0.5)) sc.hit_rate = r.real(0, 1);
        if (r.chance(0.3)) sc.accept_rate = r.real(0, 1);
        if (r.chance(0.4)) sc.student_kind = static_cast<StudentKind>(r.integer(0, 2));
        if (r.chance(0.4)) sc.student_fraction = r.real(0, 1000);
        if (r.chance(0.3)) sc.student_flops = r.real(0, kMaxAbsoluteFlops);
        if (r.chance(0.3) || (sc.student_kind == StudentKind::Model && sc.student_model.empty()))
            sc.student_model = r.pick(models);
        if (r.chance(0.4)) sc.lookup_kind = static_cast<LookupKind>(r.integer(0, 1));
        if (r.chance(0.3)) sc.lookup_flops = r.real(0, kMaxAbsoluteFlops);
        if (r.chance(0.3)) sc.key_dim = r.size(1, kMaxKeyDim);
        if (r.chance(0.3)) sc.cache_entries = r.size(1, kMaxCacheEntries);
        if (r.chance(0.3)) sc.precision = static_cast<Precision>(r.integer(0, 2));
    }
    if (r.chance(0.3)) {
        ViewOptions& v = s.view;
        v.unit = r.chance(0.5) ? Unit::MACs : Unit::FLOPs;
        v.exact = r.chance(0.5);
        v.theme = static_cast<Theme>(r.integer(0, 2));
        v.embed = r.chance(0.5);
        v.full_network_view = r.chance(0.5);
        const std::int64_t n = r.integer(0, 4);
        for (std::int64_t k = 0; k < n; ++k) v.show.push_back(r.chance(0.7) ? std::string(r.chance(0.5) ? "f" : "h") : r.name());
    }
    return s;
}

// A realistic custom network: the first `n` layers of torchvision's resnet18, names and all.
State resnet18_as_custom(std::size_t n) {
    State s = default_state();
    s.model = kCustomModel;
    Network net;
    std::string err;
    REQUIRE(build_model("resnet18", 224, 224, net, err));
    REQUIRE(net.layers.size() >= n);
    s.custom.layers.assign(net.layers.begin(), net.layers.begin() + static_cast<std::ptrdiff_t>(n));
    s.custom.name = kCustomModel;  // as the page's "Edit a copy" leaves them
    s.custom.input = net.input;
    return s;
}

} // namespace

// ===================================================================================================
// Format basics
// ===================================================================================================

TEST_CASE("link: the default state is #v=1, and empty links and bare URLs are the default state") {
    CHECK(encode_link(default_state()) == "#v=1");
    for (const char* link : {"#v=1", "v=1", "", "#", "https://flopscope.example/app/", "https://h/p?x=1#v=1",
                             "#v=1&", "#&&v=1&&", "  #v=1\n"}) {
        Random seeded(7);
        State s = random_state(seeded);  // decode must reset whatever was there
        const LinkDecode d = decode_link(link, s);
        INFO(link << " → " << joined(d.problems));
        CHECK(d.ok());
        CHECK(s == default_state());
    }
}

TEST_CASE("link: the readable example decodes to what it says") {
    State s;
    const LinkDecode d = decode_link("#v=1&m=resnet18&in=224&f=0.2&h=0.9", s);
    CHECK(d.ok());
    State expected = default_state();
    expected.model = "resnet18";
    expected.input_h = expected.input_w = 224;
    expected.scenario.cached_fraction = 0.2;
    expected.scenario.hit_rate = 0.9;
    CHECK(s == expected);
    // Canonically, values equal to the defaults (in=224, f=0.2) are left out.
    CHECK(encode_link(s) == "#v=1&m=resnet18&h=0.9");

    // The same from a full URL and without the '#'.
    State u, bare;
    CHECK(decode_link("https://example.org/flopscope/?utm=x#v=1&m=resnet18&in=224&f=0.2&h=0.9", u).ok());
    CHECK(decode_link(" v=1&m=resnet18&in=224&f=0.2&h=0.9\r\n", bare).ok());
    CHECK(u == expected);
    CHECK(bare == expected);
}

TEST_CASE("link: readable encodings of common edits") {
    State s = default_state();
    s.model = "resnet18";
    s.input_h = 160;
    s.input_w = 128;
    s.view.unit = Unit::MACs;
    s.view.theme = Theme::Dark;
    s.view.embed = true;
    s.view.show = {"f", "h"};
    CHECK(encode_link(s) == "#v=1&m=resnet18&in=160x128&u=macs&th=dark&embed=1&show=f,h");

    State t = default_state();
    t.scenario = find_preset("full")->scenario;
    t.scenario.student_kind = StudentKind::Model;
    t.scenario.student_model = "mobilenet_v3_small";
    t.scenario.lookup_kind = LookupKind::NearestNeighbour;
    t.scenario.cache_entries = 100000;
    t.scenario.precision = Precision::FP16;
    CHECK(encode_link(t) == "#v=1&sc=full&st=m:mobilenet_v3_small&lk=nn&E=100000&prec=fp16");

    State u = default_state();
    u.scenario.name = "custom";
    u.scenario.student_kind = StudentKind::Flops;
    u.scenario.student_flops = 1.2e9;
    u.scenario.lookup_flops = 1e-7;
    u.scenario.overrides = {{2, 0.5}, {6, 1.0}};
    u.scenario.eligible_first = 1;
    u.scenario.eligible_last = -1;
    u.scenario.channel_granularity = 8;
    CHECK(encode_link(u) == "#v=1&sc=custom&fl=3:0.5,7:1&el=2-&g=8&st=f:1.2e9&lk=1e-7");
    check_round_trip(u, true);

    State c = default_state();
    c.convention = "custom";
    c.counting.batchnorm = true;
    c.counting.flops_per_mac = 1;
    CHECK(encode_link(c) == "#v=1&conv=custom&bn=1&fpm=1");
    check_round_trip(c, true);
}

TEST_CASE("link: the custom network's own name and input are written only when they are unusual") {
    // "Edit a copy" of resnet18 at 160: the copy is named "custom" with the state's input, as compute()
    // would set them, so the link does not repeat them.
    State s = default_state();
    s.model = kCustomModel;
    s.input_h = s.input_w = 160;
    std::string err;
    REQUIRE(build_model("resnet18", 160, 160, s.custom, err));
    s.custom.layers.resize(3);
    s.custom.name = kCustomModel;
    CHECK(encode_link(s) == "#v=1&m=custom&in=160&L=conv1:C.c64.k7.s2.p3,bn1:B,relu:A");
    check_round_trip(s, true);
    // The resolution changed afterwards: the network keeps its old input, and the link says so.
    s.input_h = s.input_w = 224;
    CHECK(encode_link(s) == "#v=1&m=custom&L=conv1:C.c64.k7.s2.p3,bn1:B,relu:A&ci=3x160x160");
    check_round_trip(s, true);
    s.custom.name = "";
    CHECK(encode_link(s) == "#v=1&m=custom&L=conv1:C.c64.k7.s2.p3,bn1:B,relu:A&cn=&ci=3x160x160");
    check_round_trip(s, true);
    // Without layers the defaults are the default state's.
    State t = default_state();
    t.custom.name = kCustomModel;
    CHECK(encode_link(t) == "#v=1&cn=custom");
    check_round_trip(t);
}

TEST_CASE("link: custom layers use the compact layer syntax") {
    State s = default_state();
    s.model = kCustomModel;
    s.input_c = 1;
    s.input_h = s.input_w = 28;
    NetBuilder b("custom", Shape{1, 28, 28});
    b.conv("conv1", 32, 3, 1, 1, 1, true);
    b.activation("relu1", ActivationKind::ReLU6);
    b.max_pool("pool1", 2, 2);
    const int a = b.conv("conv2", 32, 3);
    b.conv("dw", 32, 3, 1, -1, 32, false, a);
    b.add("sum", {a, b.last()});
    b.adaptive_avg_pool("gap");
    b.flatten("flat");
    b.linear("fc", 10);
    s.custom = b.take();  // named "custom", input 1×28×28: as the page sets them, so not in the link
    CHECK(encode_link(s) ==
          "#v=1&m=custom&in=28&ic=1"
          "&L=conv1:C.c32.k3.p1.b,relu1:A.relu6,pool1:P.k2.s2,conv2:C.c32.k3.p1,dw:C.c32.k3.p1.g32,"
          "sum:S.f4/5,gap:P.adaptive_avg.o1,flat:F,fc:L.c10.b");
    check_round_trip(s, true);
    CHECK(compute(s).ok());
}

// ===================================================================================================
// Round trips
// ===================================================================================================

TEST_CASE("link: every counting convention round-trips, also with its rules changed") {
    for (const Convention& c : conventions()) {
        INFO(c.name);
        State s = default_state();
        s.model = "resnet18";
        s.convention = c.name;
        s.counting = c.counting;
        check_round_trip(s, true);
        if (std::string(c.name) != "torchvision") CHECK(encode_link(s) == std::string("#v=1&m=resnet18&conv=") + c.name);
        s.counting.pooling = !s.counting.pooling;
        s.counting.activation_kinds = bit(ActivationKind::ReLU) | bit(ActivationKind::GELU);
        s.counting.pool_kinds = 0;
        check_round_trip(s, true);
    }
    State s = default_state();
    s.convention = "custom";
    s.counting.activations = true;
    s.counting.activation_kinds = bit(ActivationKind::ReLU) | bit(ActivationKind::ReLU6);
    s.counting.pool_rule = PoolRule::Thop;
    s.counting.pool_kinds = 0;
    CHECK(encode_link(s) == "#v=1&conv=custom&act=1&acts=relu,relu6&poolrule=thop&pools=");
    check_round_trip(s, true);

    State t;
    const LinkDecode d = decode_link("#v=1&conv=fvcore&acts=relu,swish&poolrule=max&bnops=-1", t);
    // Problems come in the order the keys are applied (the order of the format's table).
    CHECK(joined(d.problems) == joined({"bnops: -1 is outside 0…2147483647", "acts: unknown activation \"swish\"",
                                        "poolrule: unknown pooling rule \"max\" (window, input, thop or stride2)"}));
    CHECK(t.convention == "fvcore");
    CHECK(t.counting == find_convention("fvcore")->counting);
}

TEST_CASE("link: every scenario preset round-trips") {
    for (const ScenarioPreset& p : scenario_presets()) {
        State s = default_state();
        s.scenario = p.scenario;
        INFO(p.name);
        check_round_trip(s, true);
        if (std::string(p.name) != default_state().scenario.name) CHECK(encode_link(s) == std::string("#v=1&sc=") + p.name);
        // On another model, with the scenario off, and as an edited copy.
        s.model = "resnet18";
        check_round_trip(s, true);
        s.scenario_enabled = false;
        check_round_trip(s, true);
        s.scenario_enabled = true;
        s.scenario.name = "custom";
        s.scenario.hit_rate = 0.75;
        check_round_trip(s, true);
    }
}

TEST_CASE("link: every zoo model round-trips, at its default and another resolution, to the same results") {
    for (const ModelInfo& m : model_zoo()) {
        INFO(m.name);
        State s = default_state();
        s.model = m.name;
        s.input_h = s.input_w = m.default_resolution;
        check_round_trip(s, true);
        s.input_h = std::max<std::int64_t>(m.min_resolution, 97);
        s.input_w = std::max<std::int64_t>(m.min_resolution, 131);
        s.scenario.student_kind = StudentKind::Model;
        s.scenario.student_model = m.name;
        check_round_trip(s, true);
        // As the student of the default model.
        State t = default_state();
        t.scenario.student_kind = StudentKind::Model;
        t.scenario.student_model = m.name;
        check_round_trip(t, true);
    }
}

TEST_CASE("link: thousands of random states round-trip exactly") {
    Random r(20261125);
    for (int i = 0; i < 4000; ++i) {
        const State s = random_state(r);
        CAPTURE(i);
        check_round_trip(s, i % 8 == 0);
    }
}

TEST_CASE("link: every field at its bounds round-trips") {
    const double tiny = std::numeric_limits<double>::denorm_min();
    const double below_one = std::nextafter(1.0, 0.0);
    std::vector<State> states;
    auto with = [&](auto change) {
        State s = default_state();
        change(s);
        states.push_back(s);
    };
    for (double f : {0.0, -0.0, tiny, below_one, 1.0, 0.1 + 0.2, 1.0 / 3.0}) {
        with([&](State& s) { s.scenario.cached_fraction = f; });
        with([&](State& s) { s.scenario.hit_rate = f; });
        with([&](State& s) { s.scenario.truncation_efficiency = f; });
        with([&](State& s) { s.scenario.accept_rate = f; });
        with([&](State& s) { s.scenario.overrides = {{0, f}, {kMaxLayers - 1, f}}; });
    }
    for (double v : {0.0, -0.0, tiny, 1000.0, std::nextafter(1000.0, 0.0)})
        with([&](State& s) { s.scenario.student_fraction = v; });
    for (double v : {0.0, tiny, kMaxAbsoluteFlops, std::nextafter(kMaxAbsoluteFlops, 0.0), 2779348992.0}) {
        with([&](State& s) { s.scenario.student_kind = StudentKind::Flops; s.scenario.student_flops = v; });
        with([&](State& s) { s.scenario.lookup_flops = v; });
        with([&](State& s) { s.scenario.lookup_flops = v; s.scenario.lookup_kind = LookupKind::NearestNeighbour; });
    }
    for (std::int64_t v : {std::int64_t{1}, kMaxKeyDim}) with([&](State& s) { s.scenario.key_dim = v; });
    for (std::int64_t v : {std::int64_t{1}, kMaxCacheEntries}) with([&](State& s) { s.scenario.cache_entries = v; });
    for (std::int64_t v : {std::int64_t{0}, std::int64_t{1}, kMaxGranularity}) with([&](State& s) { s.scenario.channel_granularity = v; });
    constexpr int kLastLayer = static_cast<int>(kMaxLayers) - 1;
    for (int first : {0, kLastLayer})
        for (int last : {-1, first, kLastLayer})
            with([&](State& s) { s.scenario.eligible_first = first; s.scenario.eligible_last = last; });
    for (std::int64_t v : {std::int64_t{1}, kMaxSpatial}) {
        with([&](State& s) { s.model = kCustomModel; s.input_h = v; });
        with([&](State& s) { s.model = kCustomModel; s.input_w = v; });
    }
    for (std::int64_t v : {std::int64_t{1}, kMaxChannels}) with([&](State& s) { s.input_c = v; });
    with([&](State& s) { s.model = "resnet18"; s.input_h = s.input_w = find_model("resnet18")->min_resolution; });
    with([&](State& s) { s.model = "resnet18"; s.input_h = s.input_w = kMaxSpatial; });
    with([&](State& s) { s.view.show = std::vector<std::string>(kMaxShowItems, "f"); });
    with([&](State& s) { s.view.show = {std::string(kMaxLinkNameBytes, 'n')}; });
    with([&](State& s) { s.custom.name = std::string(kMaxLinkNameBytes / 4, '\xF0') ; });  // replaced below
    states.back().custom.name.clear();
    for (int i = 0; i < static_cast<int>(kMaxLinkNameBytes / 4); ++i) states.back().custom.name += "🙂";

    // Layers: every numeric field at both ends, names at the length limit, a full-length list.
    Layer lo, hi;
    lo.out_channels = 1, hi.out_channels = kMaxChannels;
    lo.kernel_h = lo.kernel_w = 1, hi.kernel_h = hi.kernel_w = kMaxKernel;
    lo.stride_h = lo.stride_w = 1, hi.stride_h = hi.stride_w = kMaxKernel;
    lo.pad_h = lo.pad_w = 0, hi.pad_h = hi.pad_w = kMaxPadding;
    lo.dilation_h = lo.dilation_w = 1, hi.dilation_h = hi.dilation_w = kMaxKernel;
    lo.groups = 1, hi.groups = kMaxChannels;
    lo.out_h = lo.out_w = 1, hi.out_h = hi.out_w = kMaxSpatial;
    lo.in_channels = 1, hi.in_channels = kMaxChannels;
    lo.repeat = 1, hi.repeat = kMaxRepeat;
    lo.inputs = {kNetworkInput}, hi.inputs = {kMaxLayers - 1, 0, kNetworkInput};
    hi.name = std::string(kMaxLinkNameBytes, '%');
    for (int k = 0; k < kLayerKindCount; ++k) {
        lo.kind = hi.kind = static_cast<LayerKind>(k);
        with([&](State& s) { s.custom.layers = {lo, hi}; });
    }
    with([&](State& s) { s.custom.layers.assign(static_cast<std::size_t>(kMaxLayers), lo); });

    for (const State& s : states) check_round_trip(s);
}

TEST_CASE("link: decoding and encoding again gives the same link (canonical links)") {
    for (const char* link : {"#v=1", "#v=1&m=resnet18&h=0.9", "#v=1&sc=realistic&f=0.35",
                             "#v=1&sc=custom&mode=cascade&p=0.6&st=0.1", "#v=1&st=f:1.2e9,0.25",
                             "#v=1&lk=nn:256,3e5&E=1000000", "#v=1&x=1&full=1&th=light"}) {
        State s;
        const LinkDecode d = decode_link(link, s);
        INFO(link << " → " << joined(d.problems));
        CHECK(d.ok());
        CHECK(encode_link(s) == link);
    }
}

// ===================================================================================================
// Compactness
// ===================================================================================================

TEST_CASE("link: a 60-layer custom network fits in under 2,000 characters") {
    const State s = resnet18_as_custom(60);
    const std::string link = encode_link(s);
    MESSAGE("60 layers of resnet18 with torchvision's names: " << link.size() << " characters");
    CHECK(link.size() < 2000);
    check_round_trip(s);

    // A hand-made VGG-like network: 20 × (conv with bias, batch norm, ReLU), every layer named.
    State vgg = default_state();
    vgg.model = kCustomModel;
    NetBuilder b("custom", Shape{3, 224, 224});
    for (int i = 1; i <= 20; ++i) {
        const std::string n = std::to_string(i);
        b.conv("conv" + n, 64 << (i / 6), 3, i % 5 == 0 ? 2 : 1, 1, 1, true);
        b.batchnorm("bn" + n);
        b.activation("relu" + n, ActivationKind::ReLU);
    }
    vgg.custom.layers = b.take().layers;
    const std::string vgg_link = encode_link(vgg);
    MESSAGE("60 layers of a hand-made VGG-like network: " << vgg_link.size() << " characters");
    CHECK(vgg_link.size() < 2000);
    check_round_trip(vgg, true);
}

// ===================================================================================================
// Malformed links: each problem named, the valid parts applied
// ===================================================================================================

TEST_CASE("link: wrong, missing and future versions") {
    State s;
    LinkDecode d = decode_link("#v=2&m=resnet18&f=0.5", s);
    REQUIRE(d.problems.size() == 1);
    CHECK(d.problems[0] == "link version 2 is newer than this Flopscope (1); nothing was applied");
    CHECK(s == default_state());

    d = decode_link("#v=abc&m=resnet18", s);
    CHECK(mentions(d, "v: \"abc\" is not a link version"));
    CHECK(s == default_state());
    d = decode_link("#v=0&m=resnet18", s);
    CHECK(mentions(d, "v: \"0\""));
    d = decode_link("#v=&m=resnet18", s);
    CHECK(mentions(d, "v: \"\""));
    CHECK(s == default_state());

    // No version at all: read as version 1, and said so.
    d = decode_link("#m=resnet18&f=0.5", s);
    REQUIRE(d.problems.size() == 1);
    CHECK(d.problems[0] == "the link has no version (v=1); read as version 1");
    CHECK(s.model == "resnet18");
    CHECK(s.scenario.cached_fraction == 0.5);
}

TEST_CASE("link: truncated links apply what is complete") {
    State s;
    LinkDecode d = decode_link("#v=1&m=resnet18&f=0.3&h=0.", s);
    CHECK(d.ok());  // "0." is a complete number
    CHECK(s.scenario.hit_rate == 0.0);

    d = decode_link("#v=1&m=resnet18&f=0.3&sc=optim", s);
    CHECK(joined(d.problems) == joined({"sc: unknown scenario \"optim\""}));
    CHECK(s.model == "resnet18");
    CHECK(s.scenario.cached_fraction == 0.3);

    d = decode_link("#v=1&f=0.3&m=resn", s);
    CHECK(joined(d.problems) == joined({"m: unknown model \"resn\""}));
    CHECK(s.scenario.cached_fraction == 0.3);

    d = decode_link("#v=1&f=0.3&h", s);
    CHECK(joined(d.problems) == joined({"h: no value (expected h=…)"}));

    d = decode_link("#v=1&f=0.3&h=", s);
    CHECK(joined(d.problems) == joined({"h: \"\" is not a number"}));
    CHECK(s.scenario.cached_fraction == 0.3);

    d = decode_link("#v=1&f=0.3&st=m:mobilenet_v", s);
    CHECK(joined(d.problems) == joined({"st: unknown student model \"mobilenet_v\""}));
    CHECK(s.scenario.student_kind == StudentKind::Fraction);

    // Cut in the middle of the layer list: the complete layers apply, the cut field is named.
    const std::string full = encode_link(resnet18_as_custom(10));
    const std::string cut = full.substr(0, full.find(",layer1.0.bn1") + 13);  // ends in "…,layer1.0.bn1"
    d = decode_link(cut, s);
    CHECK(d.problems.size() == 1);
    CHECK(mentions(d, "L: layer 6: unknown kind \"layer1\""));
    CHECK(s.custom.layers.size() == 5);
    const std::string cut2 = full.substr(0, full.find("layer1.0.conv2:C.c64.k3.p") + 25);
    d = decode_link(cut2, s);
    CHECK(joined(d.problems) == joined({"L: layer 8, field p: \"\" is not a whole number"}));
    CHECK(s.custom.layers.size() == 8);
    CHECK(s.custom.layers[7].pad_h == 0);
    CHECK(s.custom.layers[7].out_channels == 64);

    // Truncated inside a %-escape.
    d = decode_link("#v=1&m=custom&cn=abc%2", s);
    CHECK(joined(d.problems) == joined({"cn: \"abc%2\" has a bad %-escape"}));
    CHECK(s.model == "custom");
}

TEST_CASE("link: unknown and duplicate keys") {
    State s;
    LinkDecode d = decode_link("#v=1&zz=3&f=0.3&m=resnet18", s);
    CHECK(joined(d.problems) == joined({"unknown key \"zz\" ignored"}));
    CHECK(s.model == "resnet18");
    CHECK(s.scenario.cached_fraction == 0.3);

    d = decode_link("#v=1&f=0.3&f=0.4&F=1", s);
    CHECK(joined(d.problems) == joined({"f: given more than once; the first one counts", "unknown key \"F\" ignored"}));
    CHECK(s.scenario.cached_fraction == 0.3);

    d = decode_link("#v=1&v=2", s);  // the first version counts
    CHECK(mentions(d, "v: given more than once"));
    CHECK(s == default_state());
}

TEST_CASE("link: bad numbers, NaN and infinities, values out of range") {
    struct Case {
        const char* link;
        const char* message;
    };
    const Case cases[] = {
        {"#v=1&f=abc", "f: \"abc\" is not a number"},
        {"#v=1&h=1.5", "h: 1.5 is outside 0…1"},
        {"#v=1&h=-0.25", "h: -0.25 is outside 0…1"},
        {"#v=1&rho=2", "rho: 2 is outside 0…1"},
        {"#v=1&p=1.0000000000000002", "p: 1.0000000000000002 is outside 0…1"},
        {"#v=1&f=nan", "f: \"nan\" is not a number"},
        {"#v=1&f=NaN", "f: \"NaN\" is not a number"},
        {"#v=1&f=inf", "f: \"inf\" is not a number"},
        {"#v=1&f=-infinity", "f: \"-infinity\" is not a number"},
        {"#v=1&st=f:1e999", "st: \"1e999\" is not a finite number"},
        {"#v=1&st=f:2e18", "st: 2e18 is outside 0…1e18"},
        {"#v=1&st=1001", "st: 1001 is outside 0…1000"},
        {"#v=1&lk=-5", "lk: -5 is outside 0…1e18"},
        {"#v=1&f=0x1p-2", "f: \"0x1p-2\" is not a number"},
        {"#v=1&f=%200.5", "f: \"%200.5\" is not a number"},
        {"#v=1&f=0.5%20", "f: \"0.5%20\" is not a number"},
        {"#v=1&f=1e", "f: \"1e\" is not a number"},
        {"#v=1&g=1.5", "g: \"1.5\" is not a whole number"},
        {"#v=1&g=-8", "g: -8 is outside 0…4096"},
        {"#v=1&g=4097", "g: 4097 is outside 0…4096"},
        {"#v=1&E=0", "E: 0 is outside 1…1000000000"},
        {"#v=1&E=99999999999999999999999", "E: \"99999999999999999999999\" is outside 1…1000000000"},
        {"#v=1&lk=nn:0", "lk: 0 is outside 1…1048576"},
        {"#v=1&in=-224", "in: -224 is outside 1…65536"},
        {"#v=1&in=224x-1", "in: -1 is outside 1…65536"},
        {"#v=1&in=65537", "in: 65537 is outside 1…65536"},
        {"#v=1&in=224x", "in: \"\" is not a whole number"},
        {"#v=1&ic=0", "ic: 0 is outside 1…16777216"},
        {"#v=1&el=0-3", "el: 0 is outside 1…10000"},
        {"#v=1&el=3", "el: \"3\" is not a range like 2-9 or 2-"},
        {"#v=1&fl=3:1.5", "fl: 1.5 is outside 0…1"},
        {"#v=1&fl=3", "fl: \"3\" is not layer:fraction"},
        {"#v=1&fpm=3", "fpm: 3 is outside 1…2"},
        {"#v=1&bias=yes", "bias: \"yes\" is not 0 or 1"},
        {"#v=1&x=2", "x: \"2\" is not 0 or 1"},
        {"#v=1&scenario=off", "scenario: \"off\" is not 0 or 1"},
        {"#v=1&u=gflops", "u: unknown unit \"gflops\" (macs or flops)"},
        {"#v=1&th=blue", "th: unknown theme \"blue\" (light, dark or system)"},
        {"#v=1&mode=magic", "mode: unknown mode \"magic\" (partial, cascade or result_cache)"},
        {"#v=1&prec=fp64", "prec: unknown precision \"fp64\" (fp32, fp16 or int8)"},
        {"#v=1&conv=fvcor", "conv: unknown counting convention \"fvcor\""},
        {"#v=1&m=vgg16&in=16", "in: vgg16 needs at least 32 pixels per side, not 16"},
    };
    for (const Case& c : cases) {
        State s;
        // Each bad value next to a good one: the bad one is named and skipped, the good one applies.
        const std::string link = std::string(c.link) + "&embed=1";
        const LinkDecode d = decode_link(link, s);
        INFO(link << " → " << joined(d.problems));
        REQUIRE(d.problems.size() == 1);
        CHECK(d.problems[0].find(c.message) == 0);
        // The bad value left the default value in place; the good one applied.
        State expected = default_state();
        if (std::string(c.link).find("m=vgg16") != std::string::npos) expected.model = "vgg16";
        expected.view.embed = true;
        CHECK(s == expected);
    }
}

TEST_CASE("link: lists skip only their bad items") {
    State s;
    LinkDecode d = decode_link("#v=1&fl=2:0.5,x:1,9:2,12:1", s);
    CHECK(joined(d.problems) == joined({"fl: \"x\" is not a whole number", "fl: 2 is outside 0…1"}));
    CHECK(s.scenario.overrides == std::vector<LayerFraction>{{1, 0.5}, {11, 1.0}});

    d = decode_link("#v=1&fl=3:0.5,2:0.5,3:1,4:1", s);
    CHECK(joined(d.problems) == joined({"fl: layer 2 comes after layer 3 (increasing layer numbers, each once)",
                                        "fl: layer 3 comes after layer 3 (increasing layer numbers, each once)"}));
    CHECK(s.scenario.overrides == std::vector<LayerFraction>{{2, 0.5}, {3, 1.0}});

    d = decode_link("#v=1&st=m:nosuch,f:5e8", s);
    CHECK(joined(d.problems) == joined({"st: unknown student model \"nosuch\""}));
    CHECK(s.scenario.student_kind == StudentKind::Fraction);  // the active kind was the bad item
    CHECK(s.scenario.student_flops == 5e8);

    d = decode_link("#v=1&embed=1&show=f,,h,%FF", s);
    CHECK(joined(d.problems) == joined({"show: empty item", "show: \"%FF\" is not valid UTF-8"}));
    CHECK(s.view.show == std::vector<std::string>{"f", "h"});
    CHECK(s.view.embed);
}

TEST_CASE("link: bad layers and layer fields") {
    State s;
    LinkDecode d = decode_link("#v=1&m=custom&L=C.c64.k3,Z.c3,bn:B,C.c-64.k0x3.p1,A.relu7,C.q5,C.b1,P.k2.k3,C.f1/x", s);
    CHECK(joined(d.problems) == joined({
                            "L: layer 2: unknown kind \"Z\" (C, L, B, A, P, S, M, K, F, N, O, X, T, R, G or W); the layer is left out",
                            "L: layer 4, field c: -64 is outside 0…16777216",
                            "L: layer 4, field k: 0 is outside 1…1024",
                            "L: layer 5: unknown field \"relu7\"",
                            "L: layer 6: unknown field \"q5\"",
                            "L: layer 7: field \"b1\" takes no value",
                            "L: layer 8: field \"k\" given twice (the first one counts)",
                            "L: layer 9, field f: \"x\" is not a whole number",
                        }));
    REQUIRE(s.custom.layers.size() == 8);  // Z.c3 is left out
    CHECK(s.custom.layers[0].out_channels == 64);
    CHECK(s.custom.layers[1].name == "bn");
    CHECK(s.custom.layers[1].kind == LayerKind::BatchNorm);
    CHECK(s.custom.layers[2].out_channels == 0);  // the bad fields keep the defaults…
    CHECK(s.custom.layers[2].kernel_h == 1);
    CHECK(s.custom.layers[2].pad_h == 1);         // …and the good one applies
    CHECK(s.custom.layers[6].kernel_h == 2);
    CHECK(s.custom.layers[7].inputs.empty());

    // Negative sizes and enormous counts inside layers.
    d = decode_link("#v=1&m=custom&L=C.c64.r99999,C.o-7,C.f-1,C.g99999999999999999999", s);
    CHECK(joined(d.problems) == joined({
                            "L: layer 1, field r: 99999 is outside 1…10000",
                            "L: layer 2, field o: -7 is outside 0…65536",
                            "L: layer 3, field f: -1 is outside 0…10000",
                            "L: layer 4, field g: \"99999999999999999999\" is outside 1…16777216",
                        }));
    CHECK(s.custom.layers.size() == 4);
}

TEST_CASE("link: enormous layer counts are refused as a whole") {
    std::string link = "#v=1&m=custom&f=0.4&L=C.c8";
    for (int i = 0; i < kMaxLayers; ++i) link += ",B";
    State s;
    const LinkDecode d = decode_link(link, s);
    CHECK(joined(d.problems) == joined({"L: 10001 layers, more than the 10000 Flopscope handles; the layers are ignored"}));
    CHECK(s.custom.layers.empty());
    CHECK(s.model == "custom");
    CHECK(s.scenario.cached_fraction == 0.4);

    // A list of exactly kMaxLayers is fine.
    link.erase(link.rfind(",B"));
    CHECK(decode_link(link, s).ok());
    CHECK(s.custom.layers.size() == static_cast<std::size_t>(kMaxLayers));
}

TEST_CASE("link: a 1 MB fragment is refused quickly, large junk below the limit is read in linear time") {
    std::string huge = "#v=1&m=resnet18&cn=" + std::string(1 << 20, 'a');
    State s;
    auto t0 = std::chrono::steady_clock::now();
    LinkDecode d = decode_link(huge, s);
    CHECK(joined(d.problems) == joined({"the link is 1048595 bytes, more than the 262144 Flopscope reads; nothing was applied"}));
    CHECK(s == default_state());

    // Just under the limit: a very long name, thousands of unknown keys, a huge number.
    std::string junk = "#v=1&m=resnet18&f=0." + std::string(60000, '1') + "&cn=" + std::string(60000, 'b');
    while (junk.size() < kMaxLinkBytes - 16) junk += "&zz=1";
    d = decode_link(junk, s);
    CHECK(s.model == "resnet18");
    CHECK(s.scenario.cached_fraction == doctest::Approx(0.1111111111));
    CHECK(d.problems.size() == kMaxLinkProblems + 1);
    CHECK(mentions(d, "unknown key \"zz\" ignored"));
    CHECK(d.problems.back().find("… and ") == 0);
    CHECK(s.custom.name.empty());  // too long: its message is among the ones counted

    // Worst case for the layer parser: the longest possible list of tiny layers, each with problems.
    std::string layers = "#v=1&L=";
    while (layers.size() < kMaxLinkBytes - 32) layers += "C.q,";
    d = decode_link(layers, s);
    CHECK(mentions(d, "layers, more than"));
    std::string fields = "#v=1&L=C";
    while (fields.size() < kMaxLinkBytes - 32) fields += ".c1";
    d = decode_link(fields, s);
    CHECK(d.problems.size() == kMaxLinkProblems + 1);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    CHECK(seconds < 2.0);
}

TEST_CASE("link: bytes that are not UTF-8, control characters and NUL bytes") {
    State s;
    LinkDecode d = decode_link("#v=1&m=custom&L=%FF%FEconv:C.c8,ok:B", s);
    CHECK(joined(d.problems) == joined({"L: layer 1, name: \"%FF%FEconv\" is not valid UTF-8"}));
    REQUIRE(s.custom.layers.size() == 2);
    CHECK(s.custom.layers[0].name.empty());  // the name is skipped, the layer kept
    CHECK(s.custom.layers[0].out_channels == 8);
    CHECK(s.custom.layers[1].name == "ok");

    // Raw (not %-encoded) invalid bytes, overlong forms, surrogates.
    for (const char* bad : {"\xff", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "a\xe2\x82"}) {
        d = decode_link(std::string("#v=1&cn=") + bad + "&f=0.1", s);
        INFO(joined(d.problems));
        REQUIRE(d.problems.size() == 1);
        CHECK(d.problems[0].find("cn: ") == 0);
        CHECK(d.problems[0].find("is not valid UTF-8") != std::string::npos);
        CHECK(s.scenario.cached_fraction == 0.1);
        CHECK(s.custom.name.empty());
        // Messages never carry raw bytes from the link.
        for (char c : d.problems[0]) CHECK(static_cast<unsigned char>(c) != 0xff);
    }
    // Raw valid UTF-8 is accepted like its %-encoded form.
    CHECK(decode_link("#v=1&cn=Ωmega", s).ok());
    CHECK(s.custom.name == "Ωmega");

    // Control characters and NUL, raw or encoded.
    const std::string with_nul = std::string("#v=1&cn=a\0b&f=0.1", 17);
    d = decode_link(with_nul, s);
    CHECK(joined(d.problems) == joined({"cn: \"a%00b\" contains control characters"}));
    d = decode_link("#v=1&cn=a%00b%0A", s);
    CHECK(joined(d.problems) == joined({"cn: \"a%00b%0A\" contains control characters"}));
    d = decode_link(std::string("#v=1&\0=1", 8), s);
    CHECK(joined(d.problems) == joined({"unknown key \"%00\" ignored"}));
}

TEST_CASE("link: HTML and script text in names is kept exactly, as plain text") {
    const std::string evil = "<script>alert(\"x\")</script>&v=2#<img src=x onerror=1>";
    REQUIRE(evil.size() <= kMaxLinkNameBytes);
    State s = default_state();
    s.model = kCustomModel;
    s.custom.layers = {make_conv(evil, 8, 3), make_conv("</b>%41+,:.", 8, 1)};
    s.custom.name = "<i>net</i>";
    s.view.show = {"<b>f</b>", "h,1"};
    const std::string link = encode_link(s);
    CHECK(link.find('<') == std::string::npos);
    CHECK(link.find('"') == std::string::npos);
    CHECK(link.find("v=2") == std::string::npos);
    check_round_trip(s);

    // Longer than 64 bytes: refused, named.
    State t;
    const std::string long_name = percent_encode(std::string(kMaxLinkNameBytes + 1, '<'));
    LinkDecode d = decode_link("#v=1&m=custom&L=" + long_name + ":C.c8", t);
    REQUIRE(d.problems.size() == 1);
    CHECK(d.problems[0].find("L: layer 1, name: \"%3C%3C") == 0);
    CHECK(d.problems[0].find("is longer than 64 bytes") != std::string::npos);
    REQUIRE(t.custom.layers.size() == 1);
    CHECK(t.custom.layers[0].name.empty());
}

TEST_CASE("link: no input makes the decoder throw or crash (a small deterministic fuzz)") {
    Random r(99);
    // Mutations of valid links: cut, duplicated, bytes flipped, separators inserted.
    std::vector<std::string> seeds = {"#v=1&m=resnet18&in=224&f=0.2&h=0.9", encode_link(resnet18_as_custom(20))};
    for (int i = 0; i < 50; ++i) seeds.push_back(encode_link(random_state(r)));
    const std::string alphabet = "&=#%,:./x-0123456789eEfnmLCABPSKMF\xff\x80";
    for (int i = 0; i < 20000; ++i) {
        std::string link = r.pick(seeds);
        const std::int64_t edits = r.integer(1, 6);
        for (std::int64_t e = 0; e < edits && !link.empty(); ++e) {
            const auto pos = static_cast<std::size_t>(r.integer(0, static_cast<std::int64_t>(link.size()) - 1));
            switch (r.integer(0, 3)) {
            case 0: link.resize(pos); break;
            case 1: link[pos] = alphabet[static_cast<std::size_t>(r.integer(0, static_cast<std::int64_t>(alphabet.size()) - 1))]; break;
            case 2: link.insert(pos, 1, alphabet[static_cast<std::size_t>(r.integer(0, static_cast<std::int64_t>(alphabet.size()) - 1))]); break;
            default: link.erase(pos, 1); break;
            }
        }
        State s;
        const LinkDecode d = decode_link(link, s);
        CHECK(d.problems.size() <= kMaxLinkProblems + 1);
        // Whatever was decoded re-encodes to a link that decodes cleanly to the same state.
        const std::string again = encode_link(s);
        State back;
        const LinkDecode d2 = decode_link(again, back);
        if (!d2.ok() || !(back == s)) {
            INFO(link << " → " << again << " → " << joined(d2.problems));
            CHECK(d2.ok());
            CHECK(back == s);
        }
    }
}

// ===================================================================================================
// Helpers and guards
// ===================================================================================================

TEST_CASE("link: shortest exact decimals") {
    CHECK(shortest_decimal(0.2) == "0.2");
    CHECK(shortest_decimal(1.2e9) == "1.2e9");
    CHECK(shortest_decimal(2779348992.0) == "2779348992");
    CHECK(shortest_decimal(1e-7) == "1e-7");
    CHECK(shortest_decimal(0.1 + 0.2) == "0.30000000000000004");
    CHECK(shortest_decimal(-0.0) == "-0");
    CHECK(shortest_decimal(kMaxAbsoluteFlops) == "1e18");
    CHECK(shortest_decimal(std::numeric_limits<double>::denorm_min()) == "5e-324");
    Random r(5);
    for (int i = 0; i < 100000; ++i) {
        double v;
        const std::uint64_t bits = static_cast<std::uint64_t>(r.integer(0, std::numeric_limits<std::int64_t>::max())) |
                                   (r.chance(0.5) ? 0x8000000000000000ull : 0);
        std::memcpy(&v, &bits, sizeof v);
        if (!std::isfinite(v)) continue;
        const std::string s = shortest_decimal(v);
        double back = 0;
        REQUIRE(parse_decimal(s, back));
        REQUIRE(same_bits(back, v));
        CHECK(s.find('+') == std::string::npos);
    }
}

TEST_CASE("link: every field of the types a link carries is known to the codec") {
    // When one of these fails, a field was added to a type a link carries: give it a key (or a layer
    // field) in src/core/link.cpp — encode_link and the Decoder — and a line in random_state() here,
    // then update the count. (Counting fields go in kCountingFields.)
    CHECK_MESSAGE(field_count<Counting>() == 14, "Counting changed: add the field to kCountingFields in link.cpp");
    CHECK_MESSAGE(field_count<Layer>() == 22, "Layer changed: add the field to encode_layer/apply_layer_field in link.cpp");
    CHECK_MESSAGE(field_count<Scenario>() == 19, "Scenario changed: add the field to link.cpp");
    CHECK_MESSAGE(field_count<LayerFraction>() == 2, "LayerFraction changed: update fl in link.cpp");
    CHECK_MESSAGE(field_count<ViewOptions>() == 6, "ViewOptions changed: add the field to link.cpp");
    CHECK_MESSAGE(field_count<Network>() == 3, "Network changed: add the field to link.cpp");
    CHECK_MESSAGE(field_count<State>() == 10, "State changed: add the field to link.cpp");
}

TEST_CASE("link: the seed corpus in tests/data/links decodes as documented") {
    // valid-*.link decode without problems and re-encode to themselves (they are canonical);
    // bad-*.link each produce at least one problem. The libFuzzer target uses the same files as seeds.
    const std::filesystem::path dir = std::filesystem::path(__FILE__).parent_path() / "data" / "links";
    REQUIRE(std::filesystem::is_directory(dir));
    int valid = 0, bad = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream buf;
        buf << in.rdbuf();
        std::string link = buf.str();
        while (!link.empty() && (link.back() == '\n' || link.back() == '\r')) link.pop_back();
        State s;
        const LinkDecode d = decode_link(link, s);
        INFO(name << ": " << joined(d.problems));
        if (name.rfind("valid-", 0) == 0) {
            ++valid;
            CHECK(d.ok());
            CHECK(encode_link(s) == link);
        } else if (name.rfind("bad-", 0) == 0) {
            ++bad;
            CHECK(!d.ok());
        }
    }
    CHECK(valid >= 10);
    CHECK(bad >= 10);
}
