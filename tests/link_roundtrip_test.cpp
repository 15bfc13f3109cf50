// The link codec: exact round trips (presets, zoo models, random states, every field at its bounds),
// the readable form, compactness, and the guards (shortest decimals, the aggregate-field tripwire, the
// seed corpus). Malformed links are in link_malformed_test.cpp.
#include "link_test_support.h"

using namespace flopscope;
using namespace link_tests;

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
    // When one of these fails, a field was added to a type a link carries: give it a row in the
    // state-field registry (src/core/state_fields.cpp) and the link format's table (link.cpp), or a
    // layer field (link.cpp encode_layer/apply_layer_field), and a line in random_state() here, then
    // update the count.
    CHECK_MESSAGE(field_count<Counting>() == 14, "Counting changed: add a row to the registry in state_fields.cpp");
    CHECK_MESSAGE(field_count<Layer>() == 22, "Layer changed: add the field to encode_layer/apply_layer_field in link.cpp");
    CHECK_MESSAGE(field_count<Scenario>() == 19, "Scenario changed: add a row to the registry in state_fields.cpp");
    CHECK_MESSAGE(field_count<LayerFraction>() == 2, "LayerFraction changed: update the fl row in state_fields.cpp");
    CHECK_MESSAGE(field_count<ViewOptions>() == 6, "ViewOptions changed: add a row to the registry in state_fields.cpp");
    CHECK_MESSAGE(field_count<Network>() == 3, "Network changed: add the field to the registry (state_fields.cpp) or the layer syntax (link.cpp)");
    CHECK_MESSAGE(field_count<State>() == 11, "State changed: add a row to the registry in state_fields.cpp");
    CHECK_MESSAGE(field_count<DeviceSettings>() == 8, "DeviceSettings changed: add a row to the registry in state_fields.cpp");
    // The custom device: its peaks, bandwidth, on-chip buffer and power are link keys; its name, label,
    // mode, clock, source, channel granularities and weak flags are not (the roofline doesn't use them).
    CHECK_MESSAGE(field_count<Device>() == 9, "Device changed: add a row for the custom device (state_fields.cpp) or say why not");
    CHECK_MESSAGE(field_count<PrecisionPeak>() == 4, "PrecisionPeak changed: see the custom device's rows in state_fields.cpp");
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
