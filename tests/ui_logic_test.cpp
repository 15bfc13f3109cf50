// The UI's pure logic (src/app/ui_logic.h): number formatting and unit scaling as shown on the page,
// integer parsing, which layer fields are editable, structural edits that keep layer references pointing
// at the same layers, table sorting, layout choice and the embed snippet.
#include "app/ui_logic.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace flopscope;
using namespace flopscope::app;

TEST_CASE("costs are shown auto-scaled with fixed decimals or as exact integers") {
    CHECK(format_cost(2779348992.0, "FLOPs", false) == "2.7793 GFLOPs");
    CHECK(format_cost(3613153689.6, "FLOPs", false) == "3.6132 GFLOPs");
    CHECK(format_cost(1389674496.0, "MACs", false) == "1.3897 GMACs");
    CHECK(format_cost(-833804697.6, "FLOPs", false) == "-833.8047 MFLOPs");
    CHECK(format_cost(512.0, "FLOPs", false) == "512 FLOPs");
    CHECK(format_cost(0.0, "FLOPs", false) == "0 FLOPs");
    CHECK(format_cost(2779348992.0, "FLOPs", true) == "2,779,348,992 FLOPs");
    CHECK(format_cost(3613153689.6, "FLOPs", true) == "3,613,153,689.6 FLOPs");
    CHECK(format_cost(2779348992.0, "", false) == "2.7793 G");
    CHECK(format_cost(2779348992.0, "", false, 1) == "2.8 G");
    // A difference in the unit of what it is the difference of, as the seed notebook prints it.
    CHECK(format_cost_as(-833804697.6, 2779348992.0, "FLOPs", false) == "-0.8338 GFLOPs");
    CHECK(format_cost_as(0.0, 2779348992.0, "FLOPs", false) == "0.0000 GFLOPs");
    CHECK(format_cost_as(12.0, 100.0, "FLOPs", false) == "12 FLOPs");
    CHECK(format_cost_as(-833804697.6, 2779348992.0, "FLOPs", true) == "-833,804,697.6 FLOPs");
}

TEST_CASE("narrow columns get fewer significant digits, then the unit left to the row") {
    // 2779348992 / 1e9 = 2.779348992: 4 significant digits "2.779", 3 "2.78".
    CHECK(format_cost(2779348992.0, "FLOPs", false, NumberWidth::Short) == "2.779 GFLOPs");
    CHECK(format_cost(2779348992.0, "FLOPs", false, NumberWidth::Tiny) == "2.78 G");
    // 601548500 / 1e6 = 601.5485: "601.5", then "602".
    CHECK(format_cost(601548500.0, "FLOPs", false, NumberWidth::Short) == "601.5 MFLOPs");
    CHECK(format_cost(601548500.0, "FLOPs", false, NumberWidth::Tiny) == "602 M");
    // 999.96e6 rounds up to four integer digits at 3 significant digits: "1000", not "1000.0".
    CHECK(format_cost(999960000.0, "FLOPs", false, NumberWidth::Tiny) == "1000 M");
    // A difference keeps the unit of the reference: -833804697.6 / 1e9 = -0.8338...
    CHECK(format_cost_as(-833804697.6, 2779348992.0, "FLOPs", false, NumberWidth::Short) == "-0.8338 GFLOPs");
    CHECK(format_cost_as(-833804697.6, 2779348992.0, "FLOPs", false, NumberWidth::Tiny) == "-0.834 G");
    CHECK(format_cost(-11513600000.0, "FLOPs", false, NumberWidth::Tiny) == "-11.5 G");
    CHECK(format_cost(512.0, "FLOPs", false, NumberWidth::Tiny) == "512");
    // Exact stays exact.
    CHECK(format_cost(2779348992.0, "FLOPs", true, NumberWidth::Tiny) == "2,779,348,992");
    CHECK(format_cost(2779348992.0, "FLOPs", true, NumberWidth::Short) == "2,779,348,992 FLOPs");
}

TEST_CASE("amounts") {  // bytes, percents and separators: tests/format_test.cpp
    CHECK(format_amount(11689512.0, true) == "11,689,512");
    CHECK(format_amount(11689512.0, false) == "11.69 M");
    CHECK(format_amount(64.0, false) == "64");
}

TEST_CASE("integers typed by hand") {
    CHECK(parse_int("128") == 128);
    CHECK(parse_int(" 1,024 ") == 1024);
    CHECK(parse_int("+7") == 7);
    CHECK(parse_int("-3") == -3);
    CHECK_FALSE(parse_int(""));
    CHECK_FALSE(parse_int("12a"));
    CHECK_FALSE(parse_int("1.5"));
    CHECK_FALSE(parse_int("99999999999999999999"));
}

TEST_CASE("editable fields depend on the layer's kind and form") {
    const Layer seed = make_explicit_conv("Block1_Conv1", 56, 56, 3, 64, 64);
    CHECK(field_applies(seed, LayerField::OutH));
    CHECK(field_applies(seed, LayerField::InChannels));
    CHECK_FALSE(field_applies(seed, LayerField::Padding));
    const Layer conv = make_conv("conv", 64, 3, 1, 1);
    CHECK_FALSE(field_applies(conv, LayerField::OutH));
    CHECK(field_applies(conv, LayerField::Padding));
    Layer relu;
    relu.kind = LayerKind::Activation;
    CHECK(field_applies(relu, LayerField::Repeat));
    CHECK_FALSE(field_applies(relu, LayerField::OutChannels));

    Layer l = seed;
    set_field(l, LayerField::Kernel, 5);
    CHECK(l.kernel_h == 5);
    CHECK(l.kernel_w == 5);
    CHECK(get_field(l, LayerField::Kernel) == 5);

    Network net;
    net.layers = {seed, relu};
    const std::vector<LayerField> fields = editable_fields(net);
    CHECK(fields.front() == LayerField::OutH);
    CHECK(std::find(fields.begin(), fields.end(), LayerField::Padding) == fields.end());

    int layer = -1;
    LayerField f = LayerField::Repeat;
    CHECK(layer_field_key(3, LayerField::OutChannels) == "layer.3.C_out");
    REQUIRE(parse_layer_field_key("layer.3.C_out", layer, f));
    CHECK(layer == 3);
    CHECK(f == LayerField::OutChannels);
    CHECK_FALSE(parse_layer_field_key("input.h", layer, f));
    CHECK_FALSE(parse_layer_field_key("layer.x.C_out", layer, f));
}

namespace {
// conv → relu → conv, with a residual add of the relu output and the second conv.
Network residual() {
    Network net;
    net.input = Shape{3, 32, 32};
    net.layers.push_back(make_conv("c1", 16, 3, 1, 1));
    Layer relu;
    relu.name = "relu";
    relu.kind = LayerKind::Activation;
    net.layers.push_back(relu);
    net.layers.push_back(make_conv("c2", 16, 3, 1, 1));
    Layer add;
    add.name = "add";
    add.kind = LayerKind::Add;
    add.inputs = {1, 2};
    net.layers.push_back(add);
    return net;
}
} // namespace

TEST_CASE("structural edits keep references on the same layers") {
    SUBCASE("insert shifts later references") {
        Network net = residual();
        const std::vector<int> map = insert_layer(net, 1, make_conv("mid", 16, 1));
        CHECK(map == std::vector<int>{0, 2, 3, 4});
        CHECK(net.layers[4].inputs == std::vector<int>{2, 3});
        CHECK(evaluate(net, Counting{}).ok());
    }
    SUBCASE("erase redirects references to the erased layer's input") {
        Network net = residual();
        const std::vector<int> map = erase_layer(net, 1);  // the relu
        CHECK(map == std::vector<int>{0, -1, 1, 2});
        CHECK(net.layers.size() == 3);
        CHECK(net.layers[2].inputs == std::vector<int>{0, 1});
        CHECK(evaluate(net, Counting{}).ok());
    }
    SUBCASE("erasing a layer whose input was explicit keeps the next layer on that input") {
        Network net = residual();
        net.layers[2].inputs = {0};  // c2 reads c1, not the relu
        erase_layer(net, 2);
        CHECK(net.layers[2].inputs == std::vector<int>{1, 0});
    }
    SUBCASE("move refuses to put a consumer before its producer") {
        Network net = residual();
        CHECK(move_layer(net, 3, 0).empty());
        CHECK(net == residual());
        const std::vector<int> map = move_layer(net, 0, 1);  // relu first, then c1
        REQUIRE(map.size() == 4);
        CHECK(net.layers[0].name == "relu");
        CHECK(net.layers[3].inputs == std::vector<int>{0, 2});
    }
    SUBCASE("the scenario's per-layer settings follow their layers") {
        Scenario s;
        s.overrides = {{1, 0.5}, {2, 0.25}};
        s.eligible_first = 2;
        s.eligible_last = 3;
        remap_scenario_layers(s, {0, -1, 1, 2});
        REQUIRE(s.overrides.size() == 1);
        CHECK(s.overrides[0].layer == 1);
        CHECK(s.overrides[0].fraction == 0.25);
        CHECK(s.eligible_first == 1);
        CHECK(s.eligible_last == 2);
    }
    SUBCASE("names and new layers") {
        Network net = residual();
        CHECK(unique_layer_name(net, "c1") == "c1_2");
        CHECK(unique_layer_name(net, "c3") == "c3");
        const Evaluation ev = evaluate(net, Counting{});
        const Layer next = suggested_next_layer(net, ev, 3);
        CHECK(next.kind == LayerKind::Conv);
        CHECK(next.out_channels == 16);
        Network seed;
        seed.layers = {make_explicit_conv("a", 14, 14, 3, 128, 256)};
        const Layer explicit_next = suggested_next_layer(seed, evaluate(seed, Counting{}), 0);
        CHECK(explicit_next.explicit_shape);
        CHECK(explicit_next.in_channels == 256);
        CHECK(explicit_next.out_h == 14);
        CHECK(evaluate(scratch_network(Shape{3, 224, 224}), Counting{}).ok());
    }
}

TEST_CASE("layer rows and sorting") {
    const State s = default_state();
    const Results r = compute(s);
    const std::vector<LayerRow> rows = layer_rows(r, s);
    REQUIRE(rows.size() == 13);
    CHECK(rows[0].name == "Conv1");
    CHECK(rows[0].kind == "conv 7×7 s2");  // the seed's conv1 keeps ResNet-18's stride
    CHECK(rows[0].output == "64×112×112");
    CHECK(rows[0].cost == 236027904.0);
    CHECK(rows[0].share == doctest::Approx(236027904.0 / 2779348992.0));
    CHECK(rows[0].cached == 0.2);
    const std::vector<int> by_cost = sorted_order(rows, LayerColumn::Flops, true);
    CHECK(rows[static_cast<std::size_t>(by_cost.front())].cost == 115605504.0);  // the stride-2 3×3 convs
    CHECK(by_cost.front() == 5);                                                 // ties keep network order
    const std::vector<int> by_name = sorted_order(rows, LayerColumn::Name, false);
    CHECK(rows[static_cast<std::size_t>(by_name.front())].name == "Conv1");

    State macs = s;
    macs.view.unit = Unit::MACs;
    CHECK(layer_rows(r, macs)[0].cost == 118013952.0);
}

TEST_CASE("layout: wide at 1280×720, one column at 800×600, at any pixel ratio") {
    CHECK(choose_layout(1280, 15) == Layout::Wide);
    CHECK(choose_layout(2560, 30) == Layout::Wide);
    CHECK(choose_layout(800, 15) == Layout::Narrow);
    CHECK(choose_layout(1600, 30) == Layout::Narrow);
}

TEST_CASE("the embed snippet escapes the URL and title") {
    const std::string s = iframe_snippet("https://x.example/#v=1&embed=1", "a \"b\" <c>", 480);
    CHECK(s == "<iframe src=\"https://x.example/#v=1&amp;embed=1\" title=\"a &quot;b&quot; &lt;c&gt;\" width=\"100%\" "
               "height=\"480\" style=\"border:0;max-width:100%\" loading=\"lazy\" allow=\"clipboard-write\"></iframe>");
    const State e = embed_state(default_state(), {"f", "h"});
    CHECK(e.view.embed);
    CHECK(e.view.show == std::vector<std::string>{"f", "h"});
    CHECK(full_view_state(e) == default_state());
}

TEST_CASE("a scenario is called by the preset whose parameters it has") {
    CHECK(matching_preset(default_state().scenario) == find_preset("optimistic"));
    Scenario s = default_state().scenario;
    s.cached_fraction = 1.0;
    CHECK(matching_preset(s) == find_preset("full"));  // still named "optimistic", but it is the full preset
    s.hit_rate = 0.9;
    CHECK(matching_preset(s) == nullptr);
}
