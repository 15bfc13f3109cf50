// Flopscope UI tests — nothing drawn cut off, no labels on top of each other: every view of the app at
// phone (360, 390 at a pixel ratio of 3, 430), tablet (768) and desktop (800×600, 1280×720) sizes, for
// the default state, mobilenet_v2 in cascade mode (four scenario columns), resnet152, and the seed on a
// T4 and on a custom device.
#include "harness.h"
#include "layout_check.h"

#include "app/app.h"
#include "core/device.h"

#include <doctest/doctest.h>

#include <cstdio>

using namespace flopscope;
using namespace flopscope::ui_test;

namespace {

struct Size {
    float w, h, ratio;
};
constexpr Size kLayoutSizes[] = {{360, 780, 1}, {390, 844, 3}, {430, 932, 1}, {768, 1024, 1},
                                 {800, 600, 1}, {1280, 720, 1}, {1920, 1080, 1}};

struct NamedState {
    const char* name;
    State state;
};

std::vector<NamedState> layout_states() {
    std::vector<NamedState> out;
    out.push_back({"default", default_state()});
    State cascade = default_state();
    cascade.model = "mobilenet_v2";
    cascade.scenario.mode = ScenarioMode::Cascade;
    cascade.scenario.name = "custom";
    out.push_back({"mobilenet_v2 cascade", cascade});
    State big = default_state();
    big.model = "resnet152";
    out.push_back({"resnet152", big});
    // A device: the time columns, the roofline and time charts, the device panel; and a custom device,
    // whose figures are input fields.
    State device = default_state();
    device.device.name = "t4";
    device.scenario.precision = Precision::FP16;
    device.scenario.name = "custom";
    out.push_back({"T4 FP16", device});
    State custom = device;
    custom.device.name = kCustomDevice;
    custom.device.custom = *find_device("orin_nano_15w");
    custom.device.custom.name = kCustomDevice;
    out.push_back({"custom device", custom});
    return out;
}

} // namespace

TEST_CASE("no text is cut off or overlaps another at phone, tablet and desktop sizes") {
    const std::vector<NamedState> states = layout_states();
    for (const Size& size : kLayoutSizes) {
        for (const NamedState& s : states) {
            Harness h(size.w, size.h, size.ratio, /*big_font=*/true);
            FakePlatform p;
            p.ratio = size.ratio;
            AppDriver d(h, p);
            d.app.replace_state(s.state);
            REQUIRE(d.app.derived.results.ok());
            for (app::Tab t : {app::Tab::Overview, app::Tab::Scenario, app::Tab::Model, app::Tab::Layers,
                               app::Tab::Charts, app::Tab::Help}) {
                d.app.request_tab = t;
                d.frames(3);
                const std::vector<std::string> problems = layout_problems(2.0f * size.ratio);
                char where[96];
                std::snprintf(where, sizeof where, "%.0f×%.0f@%.0f, %s, tab %d: ", size.w, size.h, size.ratio, s.name,
                              static_cast<int>(t));
                for (const std::string& problem : problems) {
                    const std::string line = where + problem;
                    FAIL_CHECK(line);
                }
                CHECK(problems.empty());
            }
        }
    }
    take_imgui_asserts();
}

TEST_CASE("the layout check sees a number cut by its column and labels drawn on top of each other") {
    Harness h(400, 300);
    h.frame([] {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(400, 300));
        ImGui::Begin("probe", nullptr, ImGuiWindowFlags_NoDecoration);
        if (ImGui::BeginTable("t", 2, ImGuiTableFlags_SizingFixedFit)) {
            ImGui::TableSetupColumn("a", ImGuiTableColumnFlags_WidthFixed, 40.0f);
            ImGui::TableSetupColumn("b", ImGuiTableColumnFlags_WidthFixed, 200.0f);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted("2.7793 GFLOPs");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted("fits");
            ImGui::EndTable();
        }
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddText(ImVec2(20, 200), IM_COL32_WHITE, "no caching");
        dl->AddText(ImVec2(20 + ImGui::CalcTextSize("no caching").x, 200), IM_COL32_WHITE, "optimistic");
        ImGui::End();
    });
    const std::vector<std::string> problems = layout_problems(2.0f);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].find("cut off: \"2.7793 GFLOPs\"") == 0);
    CHECK(problems[1].find("overlap: \"no caching\"") == 0);
}

TEST_CASE("the layout check sees a word broken by wrapping and a checkbox label cut by its window") {
    Harness h(400, 300);
    bool on = true;
    h.frame([&] {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(200, 300));
        ImGui::Begin("narrow", nullptr, ImGuiWindowFlags_NoDecoration);
        // "partial reuse (ideal" fits a line; "truncation)" is wider than the 60-pixel line: ImGui cuts it.
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 60.0f);
        ImGui::TextUnformatted("partial reuse (ideal truncation)");
        ImGui::PopTextWrapPos();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 150.0f);
        ImGui::TextUnformatted("words that all fit, wrapped between them");
        ImGui::PopTextWrapPos();
        ImGui::Checkbox("Show the cost with caching as a percentage of the full resnet18", &on);
        ImGui::End();
    });
    const std::vector<std::string> problems = layout_problems(2.0f);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].find("broken mid-word: \"") == 0);
    CHECK(problems[0].find("\"partial reuse (ideal truncation)\"") != std::string::npos);
    CHECK(problems[1].find("cut off: \"Show the cost with caching") == 0);
}
