// core/enum_names.h: every enum's names, written once. The names are the ones links, JSON and the CLI
// already use (a renamed value would break saved links), so each table is checked against its
// spelling here, and name() / parse() against each other for every value.
#include "core/conventions.h"
#include "core/roofline.h"
#include "core/state.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace flopscope;

namespace {

template <typename E>
std::vector<std::string> all_names(const EnumNames<E>& names) {
    std::vector<std::string> out;
    for (const char* n : names) out.emplace_back(n);
    return out;
}

// name(e) parses back to e for every value, and the names are distinct.
template <typename E>
void check_round_trip(const EnumNames<E>& names) {
    for (std::size_t i = 0; i < names.size(); ++i) {
        const E e = static_cast<E>(i);
        E parsed = static_cast<E>(names.size() - 1 - i);
        CAPTURE(names.name(e));
        REQUIRE(names.parse(names.name(e), parsed));
        CHECK(parsed == e);
    }
}

} // namespace

TEST_CASE("enum names: each table has one name per value, in the enum's order, as links write them") {
    CHECK(enum_count<LayerKind> == 16);
    CHECK(all_names(kLayerKindNames) ==
          std::vector<std::string>{"conv", "linear", "batchnorm", "activation", "pool", "add", "mul", "concat",
                                   "flatten", "layernorm", "layernorm2d", "matmul", "token_linear", "reshape",
                                   "select", "param"});
    CHECK(all_names(kActivationNames) == std::vector<std::string>{"relu", "relu6", "hardswish", "hardsigmoid",
                                                                  "sigmoid", "silu", "tanh", "gelu", "softmax"});
    CHECK(all_names(kPoolNames) == std::vector<std::string>{"max", "avg", "adaptive_avg", "adaptive_max"});
    CHECK(all_names(kPoolRuleNames) == std::vector<std::string>{"window", "input", "thop", "stride2"});
    CHECK(all_names(kScenarioModeNames) == std::vector<std::string>{"partial", "cascade", "result_cache"});
    CHECK(all_names(kPrecisionNames) == std::vector<std::string>{"fp32", "fp16", "int8"});
    CHECK(all_names(kPrecisionLabels) == std::vector<std::string>{"FP32", "FP16", "INT8"});
    CHECK(all_names(kUnitNames) == std::vector<std::string>{"flops", "macs"});
    CHECK(all_names(kUnitLabels) == std::vector<std::string>{"FLOPs", "MACs"});
    CHECK(all_names(kThemeNames) == std::vector<std::string>{"system", "light", "dark"});
    CHECK(all_names(kThemeLabels) == std::vector<std::string>{"System", "Light", "Dark"});
    CHECK(all_names(kStudentKindLabels) == std::vector<std::string>{"fraction σ", "FLOPs", "model"});
    CHECK(all_names(kLookupKindLabels) == std::vector<std::string>{"FLOPs", "nearest neighbour"});
    CHECK(all_names(kHeadlineUnits) == std::vector<std::string>{"MACs", "FLOPs"});
    CHECK(all_names(kBoundNames) == std::vector<std::string>{"compute", "memory", "overhead"});
    CHECK(all_names(kVerdictNames) == std::vector<std::string>{"", "fetch", "recompute", "even"});
}

TEST_CASE("enum names: name() and parse() agree for every value of every table") {
    check_round_trip(kLayerKindNames);
    check_round_trip(kActivationNames);
    check_round_trip(kPoolNames);
    check_round_trip(kPoolRuleNames);
    check_round_trip(kScenarioModeNames);
    check_round_trip(kPrecisionNames);
    check_round_trip(kPrecisionLabels);
    check_round_trip(kUnitNames);
    check_round_trip(kThemeNames);
    check_round_trip(kBoundNames);
    check_round_trip(kVerdictNames);
    // The named functions read the same tables.
    CHECK(std::string(kind_name(LayerKind::TokenLinear)) == "token_linear");
    CHECK(std::string(mode_name(ScenarioMode::ResultCache)) == "result_cache");
    CHECK(std::string(mode_info(ScenarioMode::Cascade).name) == "cascade");
    CHECK(std::string(precision_label(Precision::FP16)) == "FP16");
    CHECK(std::string(unit_label(Unit::MACs)) == "MACs");
    CHECK(std::string(headline_unit(Headline::FLOPs)) == "FLOPs");
}

TEST_CASE("enum names: parse is exact and leaves the value alone when nothing matches") {
    Precision p = Precision::INT8;
    CHECK_FALSE(kPrecisionNames.parse("FP32", p));  // the label is not the link name
    CHECK_FALSE(kPrecisionNames.parse("fp3", p));
    CHECK_FALSE(kPrecisionNames.parse("fp32 ", p));
    CHECK_FALSE(kPrecisionNames.parse("", p));
    CHECK(p == Precision::INT8);
    Verdict v = Verdict::Even;
    CHECK(kVerdictNames.parse("", v));  // the one empty name is a name
    CHECK(v == Verdict::None);
}

TEST_CASE("enum names: the lists that messages, bit sets and pickers are built from") {
    CHECK(kPoolRuleNames.choices() == "window, input, thop or stride2");
    CHECK(kScenarioModeNames.choices() == "partial, cascade or result_cache");
    CHECK(kPrecisionNames.choices() == "fp32, fp16 or int8");
    CHECK(kUnitNames.choices() == "flops or macs");
    CHECK(kUnitNames.choices(" and ") == "flops and macs");

    // Bits 1 << value: relu (0), relu6 (1), gelu (7).
    const std::uint32_t ptflops = (1u << 0) | (1u << 1) | (1u << 7);
    CHECK(kActivationNames.names_of_bits(ptflops, ",") == "relu,relu6,gelu");
    CHECK(kActivationNames.names_of_bits(ptflops, "/") == "relu/relu6/gelu");
    CHECK(kActivationNames.names_of_bits(0, ",").empty());
    // 4 pooling kinds: bits 0..3 all set is 15; adaptive_avg alone is bit 2 = 4.
    CHECK(kPoolNames.all_bits() == 15u);
    CHECK(kPoolNames.names_of_bits(4u, ", ", [](const std::string& s) { return "<" + s + ">"; }) == "<adaptive_avg>");
    CHECK(kActivationNames.all_bits() == 511u);  // 9 activation functions: 2^9 − 1
    CHECK(kAllActivationKinds == kActivationNames.all_bits());
    CHECK(kAllPoolKinds == kPoolNames.all_bits());

    // The pickers hand ImGui the table itself: data()[i] is the name of value i.
    CHECK(std::string(kThemeLabels.data()[static_cast<int>(Theme::Dark)]) == "Dark");
    CHECK(kStudentKindLabels.size() == 3);
}
