// Flopscope UI tests — the Zoo tab: it lists every model from the core's zoo_table(), computed once per
// resolution and convention (not per frame); its headers sort, the family combo and the search box
// filter, a click opens a model at its default crop and "as student" makes a model the student.
#include "harness.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <string>

using namespace flopscope;
using namespace flopscope::ui_test;

namespace {

void check_no_asserts() {
    const std::vector<std::string> asserts = take_imgui_asserts();
    for (const std::string& a : asserts) FAIL_CHECK(a);
    CHECK(asserts.empty());
}

const ZooRow& shown(const app::ZooView& z, std::size_t k) { return z.table->rows[static_cast<std::size_t>(z.order[k])]; }

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

} // namespace

TEST_CASE("zoo tab: every model, sortable, filterable, and a click opens one") {
    for (const float width : {1280.0f, 800.0f}) {
        CAPTURE(width);
        Harness h(width, 720);
        FakePlatform p;
        AppDriver d(h, p);
        d.frame();
        CHECK_FALSE(d.app.zoo_view.table);  // not computed before the tab is open
        d.app.request_tab = app::Tab::Zoo;
        d.frames(3);
        check_no_asserts();
        app::ZooView& z = d.app.zoo_view;
        REQUIRE(z.table);
        REQUIRE(z.table->rows.size() == model_zoo().size());
        CHECK(z.order.size() == model_zoo().size());
        MESSAGE("zoo table of " << z.table->rows.size() << " models computed in " << z.compute_ms << " ms");
        // (Natively a few ms on an idle machine; the tab computes it only while open, once per change.)

        // Computed once: a mark in the table survives more frames, and goes when the convention changes.
        z.table->rows[0].depth = -7;
        d.frames(3);
        CHECK(z.table->rows[0].depth == -7);

        // Default order: MACs, largest first.
        for (std::size_t k = 1; k < z.order.size(); ++k) CHECK(shown(z, k - 1).macs.value >= shown(z, k).macs.value);

        // A header click sorts by that column (parameters: largest first), a second click reverses it.
        REQUIRE(d.click("zoo-head:Params"));
        for (std::size_t k = 1; k < z.order.size(); ++k) CHECK(shown(z, k - 1).params.value >= shown(z, k).params.value);
        REQUIRE(d.click("zoo-head:Params"));
        for (std::size_t k = 1; k < z.order.size(); ++k) CHECK(shown(z, k - 1).params.value <= shown(z, k).params.value);
        REQUIRE(d.click("zoo-head:Model"));
        for (std::size_t k = 1; k < z.order.size(); ++k)
            CHECK(std::string(shown(z, k - 1).model->name) <= std::string(shown(z, k).model->name));

        // The search box filters by name, family or description.
        REQUIRE(d.type_into("zoo search", "mobilenet"));
        REQUIRE_FALSE(z.order.empty());
        CHECK(z.order.size() < model_zoo().size());
        for (std::size_t k = 0; k < z.order.size(); ++k) {
            const ModelInfo& m = *shown(z, k).model;
            CHECK(lower(std::string(m.name) + m.family + m.description).find("mobilenet") != std::string::npos);
        }
        // A click on a model opens it (the picker's choose_model: its default crop).
        REQUIRE(d.click("zoo:mobilenet_v3_small"));
        CHECK(d.app.state.model == "mobilenet_v3_small");
        check_no_asserts();

        // The family combo.
        z.search[0] = '\0';  // (typing cannot clear a field in the harness)
        z.order_dirty = true;
        d.frames(2);
        CHECK(z.order.size() == model_zoo().size());
        REQUIRE(d.click("zoo family"));
        REQUIRE(d.click("zoo-family:Inception"));
        REQUIRE_FALSE(z.order.empty());
        for (std::size_t k = 0; k < z.order.size(); ++k) CHECK(std::string(shown(z, k).model->family) == "Inception");
        REQUIRE(d.click("zoo:inception_v3"));
        CHECK(d.app.state.model == "inception_v3");
        CHECK((d.app.state.input_h == 299 && d.app.state.input_w == 299));

        // One click makes a model the student (the scenario's student-model picker's effect).
        REQUIRE(d.click("zoo family"));
        REQUIRE(d.click("zoo-family:MobileNet"));
        REQUIRE(d.click("zoo-student:mobilenet_v3_small"));
        CHECK(d.app.state.scenario_enabled);
        CHECK(d.app.state.scenario.student_kind == StudentKind::Model);
        CHECK(d.app.state.scenario.student_model == "mobilenet_v3_small");
        check_no_asserts();

        // A new convention recomputes the table once.
        State next = d.app.state;
        next.counting.bias = true;
        next.convention = "custom";
        REQUIRE(d.app.edit(next));
        d.frames(2);
        CHECK(z.table->rows[0].depth != -7);
        CHECK(z.table->counting == next.counting);

        // One resolution for all: models that refuse it say so, and keep their row.
        z.default_crop = false;
        z.height = z.width = 32;
        const std::string& text = d.frame();
        d.frames(1);
        CHECK(z.table->height == 32);
        CHECK(text.find("refuse this input") != std::string::npos);
        check_no_asserts();
    }
}
