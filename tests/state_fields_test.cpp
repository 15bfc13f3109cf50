// The state-field registry (core/state_fields.h): the link format's table lists exactly its keys, every
// row writes and reads its own default, and the state JSON and the embed are driven by it.
#include "core/link.h"
#include "core/report.h"
#include "core/state.h"
#include "core/state_fields.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace flopscope;

namespace {

std::vector<std::string> registry_keys() {
    std::vector<std::string> keys;
    for (const StateField& f : state_fields()) keys.emplace_back(f.key);
    return keys;
}

// The keys of the table at the top of src/core/link.cpp, in its order: the rows between the
// "//   key       value" heading and the first empty comment line. A row starts right after "//   "
// with its key (or several, separated by single spaces: "bias bn act pool elt   0 | 1"); continuation
// lines start with more spaces.
std::vector<std::string> spec_table_keys() {
    const std::filesystem::path path = std::filesystem::path(__FILE__).parent_path().parent_path() / "src/core/link.cpp";
    std::ifstream in(path);
    REQUIRE(in.good());
    std::vector<std::string> keys;
    std::string line;
    bool in_table = false;
    while (std::getline(in, line)) {
        if (!in_table) {
            in_table = line.rfind("//   key ", 0) == 0;
            continue;
        }
        if (line == "//") break;
        if (line.size() < 6 || line.rfind("//   ", 0) != 0 || line[5] == ' ') continue;
        const std::string names = line.substr(5, line.find("  ", 5) - 5);
        std::istringstream words(names);
        for (std::string w; words >> w;) keys.push_back(w);
    }
    return keys;
}

} // namespace

TEST_CASE("state fields: the link format's table lists exactly the registry's keys, in its order") {
    const std::vector<std::string> table = spec_table_keys();
    REQUIRE(table.size() > 1);  // (the table was found and read)
    CHECK(table == registry_keys());
}

TEST_CASE("state fields: keys and CLI options are unique, every row is complete") {
    std::set<std::string> keys, options;
    for (const StateField& f : state_fields()) {
        INFO(f.key);
        CHECK(keys.insert(std::string(f.key)).second);
        CHECK(static_cast<bool>(f.write));
        CHECK(static_cast<bool>(f.read) == (f.key != "v"));  // the version is read before any other key
        CHECK(std::string(f.syntax).size() > 0);
        CHECK(std::string(f.help).size() > 0);
        for (const CliOption& c : f.cli) {
            if (!c.name) continue;
            CHECK(std::string(c.name).rfind("--", 0) == 0);
            CHECK(options.insert(c.name).second);
        }
    }
}

TEST_CASE("state fields: every field reads back its own value, and a bad value leaves the state as it was") {
    State s = default_state();
    s.model = kCustomModel;
    s.custom.layers = {make_conv("c", 8, 3)};
    s.convention = "custom";
    s.counting.pool_rule = PoolRule::Thop;
    s.scenario.name = "custom";
    s.scenario.overrides = {{0, 0.5}};
    s.scenario.eligible_last = 7;
    s.scenario.student_fraction = 0.25;
    s.scenario.lookup_kind = LookupKind::NearestNeighbour;
    s.view.show = {"f"};
    const State base = link_base(s);
    for (const StateField& f : state_fields()) {
        if (!f.read) continue;
        INFO(f.key);
        std::vector<std::string> messages;
        Problems problems(messages, kMaxLinkProblems);
        Reader r(problems, std::string(f.key));
        State t = s;
        CHECK(apply_field(f, f.write(s, base), t, r));
        CHECK(messages.empty());
        CHECK(f.write(t, base) == f.write(s, base));

        // A value no field accepts: one message, the state untouched.
        State u = s;
        const bool applied = apply_field(f, "%ZZ\x01", u, r);
        const bool list = f.key == "L" || f.key == "fl" || f.key == "show";  // keep their good items (none)
        CHECK(applied == list);
        CHECK(messages.size() >= 1);
        CHECK(messages[0].rfind(std::string(f.key) + ": ", 0) == 0);
        if (!list) CHECK(u == s);
    }
}

TEST_CASE("state fields: the state JSON has every field's members") {
    State s = default_state();
    s.model = kCustomModel;
    s.custom.layers = {make_conv("c", 8, 3)};
    const std::string json = state_json(s);
    for (const StateField& f : state_fields()) {
        if (!f.json) continue;
        JsonObject o;
        f.json(s, o);
        INFO(f.key << ": " << o.body());
        CHECK_FALSE(o.body().empty());
        CHECK(json.find(o.body()) != std::string::npos);
    }
    // The top level, by hand: model, input [c, h, w], then the objects.
    CHECK(json.rfind("{\"model\": \"custom\", \"input\": [3, 224, 224], \"custom_layers\": 1, \"convention\": {", 0) == 0);
}

TEST_CASE("state fields: the embed may expose the scenario preset, f, ρ, h, p, σ and the input") {
    // A new row with a label also needs its widget in src/app/view_embed.cpp (draw_exposed_inputs).
    std::vector<std::string> exposable;
    for (const StateField& f : state_fields())
        if (f.label) exposable.emplace_back(f.key);
    CHECK(exposable == std::vector<std::string>{"in", "sc", "f", "rho", "h", "p", "st"});
}
