// The link codec on malformed links: each problem named in its own message, the valid parts applied,
// bounded time and problems for any bytes. Round trips are in link_roundtrip_test.cpp.
#include "link_test_support.h"

using namespace flopscope;
using namespace link_tests;

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
