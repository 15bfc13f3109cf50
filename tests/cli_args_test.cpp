// The CLI's argument parser (src/cli/args.cpp): its values are read as the link reads them (same
// syntax, same ranges, same messages), its options come from the state-field registry, and --help
// lists every one.
#include "cli/args.h"
#include "core/link.h"
#include "core/state_fields.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace flopscope;
using cli::parse_args;

namespace {

// The link's message for `key=value` without its "key: " prefix ("" when the value is good).
std::string link_problem(const std::string& key, const std::string& value) {
    State s;
    const LinkDecode d = decode_link("#v=1&" + key + "=" + value, s);
    if (d.ok()) return {};
    REQUIRE(d.problems[0].rfind(key + ": ", 0) == 0);
    return d.problems[0].substr(key.size() + 2);
}

// What the CLI says for `option value` when it reads it as the link reads `key=value`: each of the
// link's problems with the option's name instead of the key ("" when the value is good).
std::string as_cli_error(const std::string& key, const std::string& value, const std::string& option) {
    State s;
    const LinkDecode d = decode_link("#v=1&" + key + "=" + value, s);
    std::string out;
    for (const std::string& p : d.problems) {
        REQUIRE(p.rfind(key + ": ", 0) == 0);
        out += (out.empty() ? "" : "; ") + option + ": " + p.substr(key.size() + 2);
    }
    return out;
}

} // namespace

TEST_CASE("cli: --hit-rate reads numbers as the link's h does (0x1p-1 is not a number in either)") {
    // Wrong #4 of issue 11: strtod took hexadecimal floats, the link did not.
    cli::Args a = parse_args({"--hit-rate", "0x1p-1"});
    CHECK(a.error == "--hit-rate: \"0x1p-1\" is not a number");
    CHECK(link_problem("h", "0x1p-1") == "\"0x1p-1\" is not a number");

    a = parse_args({"--hit-rate", "0.5"});
    REQUIRE(a.ok());
    CHECK(a.state.scenario.hit_rate == 0.5);
    CHECK(a.state.scenario_enabled);
    CHECK(a.state.scenario.name == "custom");

    CHECK(parse_args({"--hit-rate", "1.5"}).error == "--hit-rate: 1.5 is outside 0…1");
    CHECK(parse_args({"--hit-rate", "nan"}).error == "--hit-rate: \"nan\" is not a number");
    CHECK(parse_args({"--hit-rate=  0.5"}).error == "--hit-rate: \"  0.5\" is not a number");
    CHECK(parse_args({"--hit-rate", ""}).error == "--hit-rate: \"\" is not a number");
}

TEST_CASE("cli: every option with a link value accepts and refuses what the link does, in the same words") {
    const std::vector<std::string> samples = {
        "0", "1", "0.5", "0.25", "1e-1", "0x1p-1", "1.5", "-1", "-0", "nan", "inf", "1e999", "", " 1", "%30.5",
        "2", "8", "224", "224x160", "16", "0x10", "3-", "2-4", "4-2", "1-", "3:0.5", "3:2", "x:1", "resnet18",
        "nosuch", "custom", "realistic", "cascade", "fp16", "macs", "fvcore", "abc", "99999999999999999999"};
    int compared = 0;
    for (const StateField& f : state_fields()) {
        for (const CliOption& c : f.cli) {
            if (!c.name || !c.metavar) continue;
            // The link form of the option's value: the field's own, or the list item it stands for.
            const std::string option = c.name;
            std::string prefix;
            if (option == "--student-flops") prefix = "f:";
            else if (option == "--student") prefix = "m:";
            else if (option == "--lookup-nn") prefix = "nn:";
            for (const std::string& v : samples) {
                if (option == "--student-fraction" && v.find(':') != std::string::npos) continue;  // would be another kind
                if (option == "--layer-fraction" && v.empty()) continue;  // fl= is the empty list, not an item
                INFO(option << " " << v << "  ~  " << f.key << "=" << prefix << v);
                CHECK(parse_args({option, v}).error == as_cli_error(std::string(f.key), prefix + v, option));
                ++compared;
            }
        }
    }
    CHECK(compared > 500);
}

TEST_CASE("cli: the options set the same state as the link keys") {
    State expected;
    REQUIRE(decode_link("#v=1&m=resnet18&in=160x128&conv=fvcore&bias=1&u=macs&x=1&sc=realistic&mode=cascade&f=0.3"
                        "&fl=2:0.5,4:1&el=2-9&rho=0.75&g=8&h=0.9&p=0.6&st=f:1.2e9&lk=nn:256&E=1000&prec=int8",
                        expected)
                .ok());
    const cli::Args a = parse_args({"--model", "resnet18", "--input", "160x128", "--convention", "fvcore", "--count-bias",
                                    "--unit", "macs", "--exact", "--scenario", "realistic", "--mode", "cascade",
                                    "--cached-fraction", "0.3", "--layer-fraction", "4:1", "--layer-fraction", "2:0.5",
                                    "--eligible", "2-9", "--truncation", "0.75", "--granularity", "8", "--hit-rate",
                                    "0.9", "--accept-rate", "0.6", "--student-flops", "1.2e9", "--lookup-nn", "256",
                                    "--entries", "1000", "--precision", "int8"});
    REQUIRE(a.ok());
    State got = a.state;
    CHECK(got.convention == "custom");  // fvcore with bias counted is no longer fvcore
    got.convention = expected.convention;
    CHECK(got.scenario.name == "custom");  // realistic with changes
    got.scenario.name = expected.scenario.name;
    CHECK(got == expected);
}

TEST_CASE("cli: --eligible and --layer-fraction use the link's el and fl syntax") {
    cli::Args a = parse_args({"--eligible", "2-4"});
    REQUIRE(a.ok());
    CHECK(a.state.scenario.eligible_first == 1);  // layers from 1 on the command line, from 0 inside
    CHECK(a.state.scenario.eligible_last == 3);
    a = parse_args({"--eligible", "3-"});  // through the last layer, as in el=3-
    REQUIRE(a.ok());
    CHECK(a.state.scenario.eligible_first == 2);
    CHECK(a.state.scenario.eligible_last == -1);
    CHECK(parse_args({"--eligible", "3"}).error == "--eligible: \"3\" is not a range like 2-9 or 2-");

    // Repeatable: sorted by layer, a layer given again takes the later value.
    a = parse_args({"--layer-fraction", "3:0.5", "--layer-fraction", "1:1", "--layer-fraction", "3:0.25"});
    REQUIRE(a.ok());
    CHECK(a.state.scenario.overrides == std::vector<LayerFraction>{{0, 1.0}, {2, 0.25}});
    CHECK(parse_args({"--layer-fraction", "3"}).error == "--layer-fraction: \"3\" is not layer:fraction");
    CHECK(parse_args({"--layer-fraction", "0:1"}).error == "--layer-fraction: 0 is outside 1…10000");
}

TEST_CASE("cli: --link applies first, the other options on top; the scenario turns on when a parameter is set") {
    cli::Args a = parse_args({"--hit-rate", "0.5", "--link", "#v=1&m=resnet18&h=0.9&f=0.3"});
    REQUIRE(a.ok());
    CHECK(a.state.model == "resnet18");
    CHECK(a.state.scenario.hit_rate == 0.5);
    CHECK(a.state.scenario.cached_fraction == 0.3);

    a = parse_args({"--model", "resnet18"});
    REQUIRE(a.ok());
    CHECK_FALSE(a.state.scenario_enabled);  // the CLI computes the network alone unless asked
    a = parse_args({"--scenario", "realistic"});
    REQUIRE(a.ok());
    CHECK(a.state.scenario_enabled);
    CHECK(a.state.scenario.name == "realistic");
    CHECK(parse_args({"--link", "#v=1&h=2"}).error == "--link: h: 2 is outside 0…1");

    // A preset applies before the single parameters, wherever it is given: FP16 given before
    // "optimistic" (an FP32 preset) stays FP16, and so does a hit rate, and the scenario is then "custom".
    for (const std::vector<std::string>& args : {std::vector<std::string>{"--precision", "fp16", "--hit-rate", "0.5", "--scenario", "optimistic"},
                                                 std::vector<std::string>{"--scenario", "optimistic", "--precision", "fp16", "--hit-rate", "0.5"}}) {
        a = parse_args(args);
        REQUIRE(a.ok());
        CHECK(a.state.scenario.precision == Precision::FP16);
        CHECK(a.state.scenario.hit_rate == 0.5);
        CHECK(a.state.scenario.cached_fraction == find_preset("optimistic")->scenario.cached_fraction);
        CHECK(a.state.scenario.name == "custom");
    }
}

TEST_CASE("cli: unknown options, flags with values, missing values, and --help") {
    CHECK(parse_args({"--bogus"}).error == "unknown option \"--bogus\" (flopscope --help lists them)");
    CHECK(parse_args({"--exact=1"}).error == "--exact takes no value");
    CHECK(parse_args({"--model"}).error == "--model needs a value");
    CHECK(parse_args({"--format", "xml"}).error == "--format: unknown format \"xml\" (table, json, csv, md, latex, svg)");
    CHECK(parse_args({"--format", "latex"}).format == "latex");  // the page's LaTeX export (results_latex)
    CHECK(parse_args({"--list-models", "--format", "latex"}).error ==
          "--format latex: the tables of one network's results (not --list-models: md, csv or json)");
    CHECK(parse_args({"--model", "nosuch"}).error == "--model: unknown model \"nosuch\"");
    CHECK(parse_args({"--count-pooling"}).state.counting.pooling);
    CHECK(parse_args({"--help"}).action == cli::Args::Action::Help);
    CHECK(parse_args({"-h"}).action == cli::Args::Action::Help);
    CHECK(parse_args({"--list-models"}).action == cli::Args::Action::ListModels);

    // --help lists every option of the registry and the CLI's own.
    const std::string help = cli::usage();
    for (const StateField& f : state_fields())
        for (const CliOption& c : f.cli)
            if (c.name) CHECK_MESSAGE(help.find(std::string("  ") + c.name + " ") != std::string::npos, c.name);
    for (const char* own : {"--link", "--format", "--list-models", "--list-conventions", "--help"})
        CHECK_MESSAGE(help.find(std::string("  ") + own + " ") != std::string::npos, own);
}
