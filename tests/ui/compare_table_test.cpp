// Flopscope UI tests — the comparison of scenarios is one table (compare_table.h): the Compare view
// draws it and the text mirror hands the same rows to the DOM, with the seed notebook's numbers.
#include "harness.h"

#include "app/app.h"
#include "core/compare_table.h"
#include "core/link.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace flopscope;
using namespace flopscope::ui_test;

namespace {

const CompareRow& row_named(const CompareTable& t, const std::string& name) {
    for (const CompareRow& r : t.rows)
        if (r.name == name) return r;
    FAIL("no row " << name);
    return t.rows.front();
}

} // namespace

TEST_CASE("the comparison table: the presets' columns, the seed's numbers at each number width") {
    Harness h(1280, 720);
    FakePlatform p;
    AppDriver d(h, p);
    d.frames(2);
    const State& s = d.app.state;
    const app::Derived& der = d.app.derived;

    const CompareTable full = compare_table(s, der.results, der.curves, NumberWidth::Full);
    REQUIRE(full.columns.size() == 3);
    CHECK(std::string(full.columns[0].title) == "optimistic");
    CHECK(full.columns[0].current);  // the default scenario is the optimistic preset
    CHECK_FALSE(full.columns[1].current);

    // resnet18_seed: 2,779,348,992 FLOPs before caching; the presets cost 1.3, 1.5 and 0.5 times that.
    const double baseline = 2779348992.0;
    const CompareRow& after = row_named(full, "FLOPs after caching");
    CHECK(after.cells[0].value == baseline * 13 / 10);
    CHECK(after.cells[1].value == baseline * 15 / 10);
    CHECK(after.cells[2].value == baseline / 2);
    CHECK(after.cells[0].text == "3.6132 GFLOPs");  // 3,613,153,689.6
    CHECK(after.cells[2].text == "1.3897 GFLOPs");  // 1,389,674,496
    CHECK(row_named(full, "FLOPs before caching").cells[1].text == "2.7793 GFLOPs");

    const CompareRow& percent = row_named(full, "% of the baseline");
    CHECK(percent.cells[0].text == "130.00 %");
    CHECK(percent.cells[0].saving);
    CHECK(percent.cells[0].negative);      // optimistic costs more than it saves
    CHECK_FALSE(percent.cells[2].negative);
    CHECK(row_named(compare_table(s, der.results, der.curves, NumberWidth::Short), "% of the baseline").cells[0].text == "130.0 %");
    CHECK(row_named(compare_table(s, der.results, der.curves, NumberWidth::Tiny), "% of the baseline").cells[0].text == "130 %");
    CHECK(std::isnan(row_named(full, "Break-even rate h* / p*").cells[0].value) ==
          (row_named(full, "Break-even rate h* / p*").cells[0].text == "never"));
}

TEST_CASE("the text mirror's comparison is the Compare view's table, row for row") {
    const char* link = "v=1&m=mobilenet_v2&sc=custom&mode=cascade&p=0.6";
    Harness h(1280, 720);
    FakePlatform p;
    app::App whole(p);
    whole.load_fragment(std::string("#") + link);
    const app::TextMirror m = whole.text_mirror();

    AppDriver d(h, p);
    State s = default_state();
    REQUIRE(decode_link(link, s).problems.empty());
    d.app.replace_state(s);
    const CompareTable t = compare_table(d.app.state, d.app.derived.results, d.app.derived.curves, NumberWidth::Full);

    // The three presets and the custom cascade in use, every row of the view with the same texts.
    REQUIRE(t.columns.size() == 4);
    REQUIRE(m.columns.size() == 5);
    CHECK(m.columns[0].empty());
    CHECK(m.columns[1] == "optimistic");
    CHECK(m.columns[4] == "custom (in use)");
    REQUIRE(m.rows.size() == t.rows.size());
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        CHECK(m.rows[r].label == t.rows[r].name);
        REQUIRE(m.rows[r].cells.size() == 4);
        for (std::size_t c = 0; c < 4; ++c) {
            CHECK(m.rows[r].cells[c].text == t.rows[r].cells[c].text);
            const double a = m.rows[r].cells[c].value, b = t.rows[r].cells[c].value;
            CHECK(((std::isnan(a) && std::isnan(b)) || a == b));
        }
    }
    // Rows the mirror once left out.
    CHECK(m.rows[2].label == "Truncation ρ");
    CHECK(m.rows[11].label == "Break-even fraction f*");
    CHECK(m.rows[12].label == "Cache memory / entry");
}
