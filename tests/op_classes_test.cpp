// The op-class table (core/counting.h): the link keys, the state JSON, the CLI options, describe() and
// the convention comparison all read it, so each is checked here against the spelling links and
// scripts already use.
#include "core/conventions.h"
#include "core/state_fields.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace flopscope;

TEST_CASE("op classes: one row per class, and the link, JSON and CLI rows come from it") {
    REQUIRE(std::size(kOpClasses) == 5);
    const char* keys[] = {"bias", "bn", "act", "pool", "elt"};
    const char* cli[] = {"--count-bias", "--count-batchnorm", "--count-activations", "--count-pooling",
                         "--count-elementwise"};
    for (std::size_t i = 0; i < 5; ++i) {
        const OpClassInfo& oc = kOpClasses[i];
        CAPTURE(oc.key);
        CHECK(static_cast<std::size_t>(oc.op) == i);
        CHECK(std::string(oc.key) == keys[i]);
        const StateField* f = find_state_field(oc.key);
        REQUIRE(f != nullptr);
        CHECK(f->group == FieldGroup::Counting);
        CHECK(std::string(f->cli[0].name) == cli[i]);
        // Setting the field through its link value sets this class's switch and no other.
        State s = default_state();
        std::vector<std::string> messages;
        Problems problems(messages, 10);
        Reader r(problems, oc.key);
        REQUIRE(apply_field(*f, "1", s, r));
        Counting expected;
        expected.*oc.flag = true;
        CHECK(s.counting == expected);
        CHECK(messages.empty());
        JsonObject o;
        f->json(s, o);
        CHECK(o.text() == "{\"" + std::string(oc.json) + "\": true}");
    }
}

TEST_CASE("op classes: CountedOps adds class by class") {
    CountedOps a{Count(1), Count(20), Count(300), Count(4000), Count(50000)};
    const CountedOps b{Count(5), Count(6), Count(7), Count(8), Count(9)};
    a += b;
    CHECK(a.bias.value == 6);
    CHECK(a.batchnorm.value == 26);
    CHECK(a.activations.value == 307);
    CHECK(a.pooling.value == 4008);
    CHECK(a.elementwise.value == 50009);
    CHECK(a.total().value == 6 + 26 + 307 + 4008 + 50009);
}
