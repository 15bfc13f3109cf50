// Flopscope UI tests — the whole ImGui app rendered headless: every view at 1280×720 and 800×600 (and at a
// pixel ratio of 2, in both themes) without an ImGui assertion, the seed's numbers on the default view,
// the page's results JSON equal to the core's, and edits driven by clicks and typing at the positions the
// app reports for its items.
#include "app_fixture.h"
#include "layout_check.h"

#include "app/app.h"
#include "core/link.h"
#include "core/report.h"
#include "core/text_measure.h"

#include <doctest/doctest.h>
#include <imgui_internal.h>

#include <algorithm>

#include <string>

using namespace flopscope;
using namespace flopscope::ui_test;

namespace {

constexpr struct {
    float w, h;
} kSizes[] = {{1280, 720}, {800, 600}};

bool has(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

// True when the last frame drew `needle` (anywhere: draw lists, tooltips, popups).
bool drew(const std::string& needle) {
    for (const DrawnText& t : drawn_texts())
        if (has(t.text, needle)) return true;
    return false;
}

void check_no_asserts() {
    const std::vector<std::string> asserts = take_imgui_asserts();
    for (const std::string& a : asserts) FAIL_CHECK(a);
    CHECK(asserts.empty());
}

// Renders each tab of the app a few frames.
void render_every_view(AppDriver& d) {
    for (app::Tab t : {app::Tab::Overview, app::Tab::Layers, app::Tab::Charts, app::Tab::Help, app::Tab::Model,
                       app::Tab::Scenario, app::Tab::Overview}) {
        d.app.request_tab = t;
        d.frames(3);
        check_no_asserts();
    }
}

// The fixtures (app_fixture.h) of the tests below that are not DesktopApp or NarrowApp: a window tall
// enough that the student picker is on screen, and apps whose state is set before the first frame.
using TallApp = AppAt<1280, 1600>;
using UnsettledDesktopApp = AppAt<1280, 720, false>;
using UnsettledEmbedApp = AppAt<640, 520, false>;

} // namespace

TEST_CASE("the default view shows the seed notebook's numbers at both sizes") {
    for (const auto& size : kSizes) {
        CAPTURE(size.w);
        Harness h(size.w, size.h);
        FakePlatform p;
        app::App a(p);
        std::string text;
        for (int i = 0; i < 3; ++i) text = h.frame([&] { a.frame(); });
        check_no_asserts();
        // Baseline and the optimistic scenario (the default), big numbers.
        CHECK(has(text, "2.7793 GFLOPs"));
        CHECK(has(text, "3.6132 GFLOPs"));
        CHECK(has(text, "130.00 %"));
        CHECK(has(text, "Caching costs 30.00 % more than not caching."));
        // The three-preset comparison is visible by default: realistic and full caching too.
        CHECK(has(text, "4.1690 GFLOPs"));
        CHECK(has(text, "1.3897 GFLOPs"));
        CHECK(has(text, "150.00 %"));
        CHECK(has(text, "50.00 %"));
        // The page's numbers are the core's.
        CHECK(a.results_json() == results_json(default_state()));
        CHECK(a.state_json() == state_json(default_state()));
        // Nothing animates, so nothing is rendered while idle.
        CHECK_FALSE(a.wants_continuous_frames());
        // The default state is not written to the URL.
        CHECK(p.fragments.empty());
    }
}

TEST_CASE("every view renders without an ImGui assertion: sizes, pixel ratios, themes, states") {
    std::vector<State> states;
    states.push_back(default_state());
    {
        State s = default_state();
        s.model = "resnet18";
        s.view.unit = Unit::MACs;
        s.view.exact = true;
        s.scenario.channel_granularity = 8;
        s.scenario.overrides = {{3, 0.5}};
        states.push_back(s);
    }
    {
        State s = default_state();
        s.scenario.mode = ScenarioMode::Cascade;
        s.scenario.accept_rate = 0.7;
        s.scenario.student_kind = StudentKind::Model;
        s.scenario.student_model = "resnet18_seed";
        s.view.theme = Theme::Dark;
        states.push_back(s);
    }
    {
        State s = default_state();
        s.scenario.mode = ScenarioMode::ResultCache;
        s.scenario.hit_rate = 0.3;
        s.scenario.lookup_kind = LookupKind::NearestNeighbour;
        s.scenario.cache_entries = 10000;
        states.push_back(s);
    }
    {
        State s = default_state();
        s.scenario_enabled = false;
        states.push_back(s);
    }
    {
        State s = default_state();  // a custom copy of the seed network
        s.model = kCustomModel;
        s.custom = compute(default_state()).network;
        states.push_back(s);
    }
    {
        State s = default_state();
        s.view.embed = true;
        s.view.show = {"sc", "f", "h", "in"};
        states.push_back(s);
    }
    for (const auto& size : kSizes) {
        for (float ratio : {1.0f, 2.0f}) {
            for (std::size_t i = 0; i < states.size(); ++i) {
                CAPTURE(size.w);
                CAPTURE(ratio);
                CAPTURE(i);
                Harness h(size.w, size.h, ratio, /*big_font=*/ratio == 1.0f);
                FakePlatform p;
                p.ratio = ratio;
                p.dark = i % 2 == 1;
                AppDriver d(h, p);
                d.app.replace_state(states[i]);
                render_every_view(d);
                CHECK(d.app.derived.results.ok());
            }
        }
    }
}

TEST_CASE_FIXTURE(DesktopApp, "choosing presets by clicking updates the numbers and the URL fragment once") {
    REQUIRE(d.click("presets:full"));
    CHECK(d.app.state.scenario.name == "full");
    CHECK(has(d.frame(), "50.00 % of the baseline"));
    REQUIRE(p.fragments.size() == 1);
    CHECK("#" + p.fragments.back() == encode_link(d.app.state));

    REQUIRE(d.click("use:realistic"));
    CHECK(d.app.state.scenario.name == "realistic");
    CHECK(has(d.frame(), "150.00 % of the baseline"));
    CHECK(p.fragments.size() == 2);
    check_no_asserts();
}

TEST_CASE_FIXTURE(DesktopApp, "dragging a slider recomputes live and writes the fragment only when the drag ends") {
    ImVec2 min, max;
    REQUIRE(d.rect("slider:f", min, max));
    // Press and drag without releasing: the state follows, the URL does not.
    h.mouse_move(min.x + 2, (min.y + max.y) * 0.5f);
    d.frame();
    h.mouse_button(true);
    d.frame();
    h.mouse_move(min.x + (max.x - min.x) * 0.6f, (min.y + max.y) * 0.5f);
    d.frames(2);
    CHECK(d.app.state.scenario.cached_fraction > 0.4);
    CHECK(d.app.state.scenario.name == "custom");
    CHECK(p.fragments.empty());
    h.mouse_button(false);
    d.frames(2);
    REQUIRE(p.fragments.size() == 1);
    CHECK("#" + p.fragments.back() == encode_link(d.app.state));
    // The results follow the state.
    CHECK(d.app.derived.results.scenario.total_flops == compute(d.app.state).scenario.total_flops);
    check_no_asserts();
}

TEST_CASE_FIXTURE(DesktopApp, "typing an exact percentage") {
    REQUIRE(d.type_into("input:f", "50"));
    CHECK(d.app.state.scenario.cached_fraction == 0.5);
    // f = 50 % at σ = 50 %: exactly the break-even, 100 % of the baseline.
    CHECK(d.app.derived.results.scenario.percent_of_baseline == doctest::Approx(100.0));
    check_no_asserts();
}

TEST_CASE_FIXTURE(DesktopApp, "a custom network: edit in place, a bad value is marked and the last good one keeps counting") {
    REQUIRE(d.click("Edit a copy"));
    REQUIRE(d.app.state.model == kCustomModel);
    REQUIRE(d.app.state.custom.layers.size() == 13);
    d.frames(2);  // the Layers tab opens
    const double before = d.app.derived.results.scenario.baseline_flops;
    CHECK(before == 2779348992.0);

    // Conv1's C_out: 0 is rejected, 64 keeps counting.
    REQUIRE(d.type_into("layer.0.C_out", "0"));
    CHECK(d.app.state.custom.layers[0].out_channels == 64);
    REQUIRE(d.app.pending_for("layer.0.C_out") != nullptr);
    CHECK(has(d.frame(), "was not applied"));
    CHECK(d.app.derived.results.scenario.baseline_flops == before);

    // 32 is applied: conv1 halves (236,027,904 → 118,013,952 FLOPs).
    REQUIRE(d.type_into("layer.0.C_out", "32"));
    CHECK(d.app.state.custom.layers[0].out_channels == 32);
    CHECK(d.app.pending_for("layer.0.C_out") == nullptr);
    CHECK(d.app.derived.results.scenario.baseline_flops == before - 118013952.0);

    // Add a layer (a 3×3 convolution after the last one, 256 → 256 at 14×14).
    REQUIRE(d.click("Add layer"));
    CHECK(d.app.state.custom.layers.size() == 14);
    CHECK(d.app.derived.results.scenario.baseline_flops == before - 118013952.0 + 231211008.0);
    d.frames(2);
    check_no_asserts();
}

TEST_CASE_FIXTURE(DesktopApp, "Copy link: the clipboard with a confirmation, or a selectable fallback") {
    REQUIRE(d.click("Copy link"));
    CHECK(p.clipboard == "https://flopscope.example/" + encode_link(d.app.state));
    CHECK(has(d.frame(), "Link copied"));
    CHECK(ImGui::GetTime() < d.app.confirm_until);  // the confirmation fades: frames keep coming

    p.refuse_clipboard = true;
    REQUIRE(d.click("Copy link"));
    CHECK(has(d.frame(), "did not let Flopscope use the clipboard"));
    check_no_asserts();
}

TEST_CASE("a link with problems opens with each problem shown as plain text") {
    Harness h(800, 600);
    FakePlatform p;
    app::App a(p);
    a.load_fragment("#v=1&m=resnet18&f=abc&h=0.9&zz=<b>hi</b>");
    std::string text;
    for (int i = 0; i < 3; ++i) text = h.frame([&] { a.frame(); });
    check_no_asserts();
    CHECK(has(text, "This link had a problem"));
    State decoded;
    decode_link("#v=1&m=resnet18&f=abc&h=0.9&zz=<b>hi</b>", decoded);
    CHECK(a.state_json() == state_json(decoded));
    CHECK(a.results_json() == results_json(decoded));
}

TEST_CASE_FIXTURE(DesktopApp, "export: CSV, Markdown and JSON from the core's reports") {
    REQUIRE(d.click("Export"));
    d.frames(2);
    REQUIRE(d.click("export:CSV:Download"));
    REQUIRE(p.downloads.size() == 1);
    CHECK(p.downloads[0] == "flopscope-resnet18_seed-optimistic.csv");
    CHECK(p.download_content == results_csv(d.app.state, compute(d.app.state)));
    REQUIRE(d.click("export:Markdown:Copy"));
    CHECK(p.clipboard == results_markdown(d.app.state, compute(d.app.state)));
    REQUIRE(d.click("export:JSON:Copy"));
    CHECK(p.clipboard == results_json(d.app.state));
    // Written by the platform from the state's link (the browser: its lazily loaded module), which the
    // menu started loading when it opened.
    CHECK(p.documents_prepared == 1);
    REQUIRE(p.document_requests.size() == 3);
    CHECK(p.document_requests[0].format == DocumentFormat::Csv);
    CHECK(p.document_requests[0].link == encode_link(d.app.state));
    CHECK(p.document_requests[2].format == DocumentFormat::Json);
    check_no_asserts();
}

TEST_CASE_FIXTURE(DesktopApp, "export: when the platform cannot write the document, a notice says why; nothing is saved") {
    p.refuse_documents = "the page's export module did not load (onnx_import.js did not load)";
    REQUIRE(d.click("Export"));
    d.frames(2);
    REQUIRE(d.click("export:LaTeX:Download"));
    REQUIRE(d.click("export:CSV:Copy"));
    d.frames(2);
    CHECK(p.downloads.empty());
    CHECK(p.clipboard.empty());
    std::vector<std::string> messages;
    for (const app::Notice& n : d.app.notices) messages.push_back(n.text);
    CHECK(std::count(messages.begin(), messages.end(),
                     "Could not export the LaTeX: the page's export module did not load (onnx_import.js did not load)") == 1);
    CHECK(std::count(messages.begin(), messages.end(),
                     "Could not export the CSV: the page's export module did not load (onnx_import.js did not load)") == 1);
    check_no_asserts();
}

TEST_CASE_FIXTURE(DesktopApp, "the model picker: search and choose a built-in network") {
    auto pick = [&](const char* search, const char* model) {
        d.app.model_filter[0] = '\0';
        REQUIRE(d.click("model picker"));
        h.chars(search);
        d.frames(2);
        REQUIRE(d.click(std::string("model:") + model));
        CHECK(d.app.state.model == model);
    };
    pick("resnet18", "resnet18");
    // torchvision's ResNet-18 at 224: 1.814 GMACs.
    CHECK(d.app.derived.results.evaluation.totals.macs.value == 1814073344u);
    // A model with another evaluation crop opens at it: Inception v3 at 299×299.
    pick("inception", "inception_v3");
    CHECK(d.app.state.input_h == 299);
    CHECK(d.app.state.input_w == 299);
    // Back to a 224 model: its crop again, as the resolution was the previous model's default.
    pick("resnet18", "resnet18");
    CHECK(d.app.state.input_h == 224);
    // A resolution the user chose is kept when the next model accepts it.
    State s = d.app.state;
    s.input_h = s.input_w = 320;
    d.app.replace_state(s);
    d.frames(2);
    pick("inception", "inception_v3");
    CHECK(d.app.state.input_h == 320);
    check_no_asserts();
}

TEST_CASE_FIXTURE(NarrowApp, "narrow layout: tabs switch by clicking") {
    ImVec2 min, max;
    CHECK_FALSE(d.rect("Edit a copy", min, max));
    REQUIRE(d.click("tab:Model"));
    CHECK(d.rect("Edit a copy", min, max));
    REQUIRE(d.click("tab:Scenario"));
    REQUIRE(d.click("presets:full"));
    CHECK(d.app.state.scenario.name == "full");
    check_no_asserts();
}

TEST_CASE_FIXTURE(UnsettledDesktopApp, "touch: dragging on a table's rows scrolls it; dragging a slider still moves the slider") {
    State s = default_state();
    s.model = "resnet18";
    d.app.replace_state(s);
    d.app.request_tab = app::Tab::Layers;
    d.frames(3);
    ImGui::GetIO().AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    auto max_scroll = [] {
        float most = 0;
        for (ImGuiWindow* w : GImGui->Windows) most = std::max(most, w->Scroll.y);
        return most;
    };
    CHECK(max_scroll() == 0.0f);
    ImVec2 min, max;
    REQUIRE(d.rect("tab:Layers", min, max));
    // A point on the table's rows (plain text in the Kind column), well below its header.
    const float font = ImGui::GetFontSize();
    const float x = min.x + font * 14, y0 = max.y + font * 16;
    h.mouse_move(x, y0);
    d.frame();
    h.mouse_button(true);
    d.frame();
    for (int i = 1; i <= 6; ++i) {
        h.mouse_move(x, y0 - 30.0f * static_cast<float>(i));
        d.frame();
    }
    h.mouse_button(false);
    d.frames(2);
    CHECK(max_scroll() > 100.0f);
    CHECK(d.app.state == s);  // the drag edited nothing

    // A drag on a slider is still the slider's.
    REQUIRE(d.drag_slider("slider:f", 0.6f));
    CHECK(d.app.state.scenario.cached_fraction > 0.4);
    check_no_asserts();
}

// Tabs (and the layer table's row numbers) allow overlap, so ImGui presses them only when they were
// already hovered the frame before: a pointer arrives, then clicks — as a mouse or ImGui's touch-screen
// input trickling (position, then button) do.
TEST_CASE_FIXTURE(NarrowApp, "a quick click (press and release before the next frame) selects a tab") {
    ImVec2 min, max;
    REQUIRE(d.rect("tab:Model", min, max));
    h.mouse_move((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
    d.frame();
    h.mouse_button(true);
    h.mouse_button(false);
    d.frames(4);
    CHECK(d.rect("Edit a copy", min, max));
}

TEST_CASE_FIXTURE(DesktopApp, "with channel tiles the chart and the sentence give the same break-even, the core's") {
    // The seed with g = 32 and σ= 0.45. Its 64-, 128- and 256-channel layers keep whole tiles of 32, so
    // below f = 50 % the 64-channel layers skip nothing; at f = 50 % every layer skips exactly half:
    // ρ·h·0.5·B > 0.45·B pays, while at f = 49 % only 0.25·C128 + 0.375·C256 = 505,774,080 FLOPs are
    // skipped, less than S = 0.45·B = 1,250,707,046.4. So the break-even is the step at f = 50 %.
    State s = d.app.state;
    s.scenario.name = "custom";
    s.scenario.channel_granularity = 32;
    s.scenario.student_fraction = 0.45;
    d.app.edit(s);
    d.frames(2);
    const ScenarioResult& r = d.app.derived.results.scenario;
    REQUIRE(r.break_even_cached_fraction.has_value());
    CHECK(*r.break_even_cached_fraction == 0.5);
    d.app.request_tab = app::Tab::Charts;
    d.frames(3);
    const std::string charts = d.frame();
    CHECK(has(charts, "break-even f = 50 %"));
    CHECK(has(charts, "pays off when f ≥ 50 %"));
    CHECK_FALSE(has(charts, "49.8 %"));  // the old chart's own search between sweep points
    d.app.request_tab = app::Tab::Overview;
    d.frames(3);
    const std::string overview = d.frame();
    CHECK(has(overview, "Pays off only when at least 50 % of output channels are cached"));
    CHECK_FALSE(has(overview, "more than 45 %"));  // the old closed form in the mean effective fraction
    check_no_asserts();
}

TEST_CASE_FIXTURE(TallApp, "switching the student from a fraction to FLOPs keeps the core's S (σ of the whole network)") {
    // Eligible layers 1–3 of the seed, σ = 0.5: S = 0.5 × B = 0.5 × 2,779,348,992 = 1,389,674,496, not
    // 0.5 × the eligible layers' 698,449,920. The total stays B − 0.2·T + S = 4,029,333,504.
    State s = d.app.state;
    s.scenario.name = "custom";
    s.scenario.eligible_first = 0;
    s.scenario.eligible_last = 2;
    d.app.edit(s);
    d.app.request_tab = app::Tab::Scenario;
    d.frames(3);
    CHECK(d.app.derived.results.scenario.total_flops == 4029333504.0);
    REQUIRE(d.click("student_kind:FLOPs"));
    d.frames(2);
    CHECK(d.app.state.scenario.student_kind == StudentKind::Flops);
    CHECK(d.app.state.scenario.student_flops == 1389674496.0);
    CHECK(d.app.derived.results.scenario.total_flops == 4029333504.0);
    check_no_asserts();
}

TEST_CASE_FIXTURE(UnsettledDesktopApp, "where it pays off: the map on the Charts tab, its numbers on hover, and its SVG") {
    d.app.request_tab = app::Tab::Charts;
    d.frames(3);
    ImVec2 min, max;
    REQUIRE(d.rect("payoff:chart", min, max));
    // Hover the top right of the plot: f = 100 %, h = 100 % (only the student runs: 50 % of the baseline).
    const float font = ImGui::GetFontSize();
    h.mouse_move(max.x - font * 0.8f - 1.0f, min.y + ImGui::GetTextLineHeight() * 4.3f + 1.0f);
    d.frames(30);  // tooltips wait for a still pointer
    d.frame();
    CHECK(drew("f = 100 %, h = 100 %"));
    CHECK(drew("1.3897 GFLOPs (50.0 % of the baseline)"));
    // Save… → SVG: the same chart as a vector file.
    REQUIRE(d.click("payoff:save"));
    d.frames(2);
    REQUIRE(d.click("payoff:svg"));
    REQUIRE(p.downloads.size() == 1);
    CHECK(p.downloads[0] == "flopscope-payoff.svg");
    CHECK(p.download_content.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
    CHECK(has(p.download_content, "font-family=\"Inter, sans-serif\""));
    CHECK(has(p.download_content, ">Where it pays off: f × h</text>"));
    CHECK(has(p.download_content, "<polyline points="));  // the break-even curve
    // The figure as drawn went to the platform's writer, with the state's link for the title.
    REQUIRE(p.document_requests.size() == 1);
    CHECK(p.document_requests[0].format == DocumentFormat::ChartSvg);
    CHECK(p.document_requests[0].chart == ChartKind::Payoff);
    CHECK(p.document_requests[0].link == encode_link(d.app.state));
    CHECK(p.documents_prepared == 1);
    check_no_asserts();
}

TEST_CASE_FIXTURE(UnsettledEmbedApp, "where it pays off in an embed: show=payoff") {
    State s = default_state();
    s.scenario.mode = ScenarioMode::Cascade;
    s.scenario.accept_rate = 0.7;
    s.view.embed = true;
    s.view.show = {"p", "payoff"};
    d.app.replace_state(s);
    d.frames(3);
    ImVec2 min, max;
    CHECK(d.rect("payoff:chart", min, max));
    CHECK(drew("Where it pays off: p × σ"));
    check_no_asserts();
}

TEST_CASE_FIXTURE(DesktopApp, "export: LaTeX booktabs tables from the core's report") {
    REQUIRE(d.click("Export"));
    d.frames(2);
    REQUIRE(d.click("export:LaTeX:Copy"));
    CHECK(p.clipboard == results_latex(d.app.state, compute(d.app.state)));
    // Conv1: 64 × 112 × 112 outputs, 3·7·7·64 = 9,408 weights, 2·9,408·112·112 = 236,027,904 FLOPs.
    CHECK(has(p.clipboard, "\\toprule\n\\# & layer & kind & output & FLOPs & params & activations \\\\\n\\midrule\n"));
    CHECK(has(p.clipboard, "1 & Conv1 & conv & 64$\\times$112$\\times$112 & 236.0279 M & 9,408 & 802,816 \\\\\n"));
    CHECK(has(p.clipboard, "Scenario & optimistic --- partial reuse (ideal truncation) (partial) \\\\\n\\midrule\n"));
    CHECK(has(p.clipboard, "FLOPs saved & -833.8047 MFLOPs (-30.00 \\%) \\\\\n"));
    CHECK(has(p.clipboard, "\\bottomrule\n\\end{tabular}\n"));
    check_no_asserts();
}

TEST_CASE("charts: the core measures text as ImGui does (the CLI's figures lay out like the page's)") {
    Harness h(1280, 720);
    FakePlatform p;
    AppDriver d(h, p);
    d.frames(1);  // a frame sets the current font
    const float size = ImGui::GetFontSize();
    for (const char* s : {"Cost per inference", "break-even f = 49.8 %", "1,234,567 FLOPs", "σ × h ≥ 0 · ρ", "Wq (ÄÖ)"})
        CHECK(ui_font_text_width(s, size) == ImGui::CalcTextSize(s).x);
}

TEST_CASE("charts: every chart saves as SVG and as PNG at 2x, the same figure the screen draws") {
    Harness h(1280, 720);
    FakePlatform p;
    AppDriver d(h, p);
    d.app.request_tab = app::Tab::Charts;
    d.frames(3);
    for (const std::string name : {"fraction", "rate", "payoff"}) {
        CAPTURE(name);
        ImVec2 min, max;
        REQUIRE(d.rect(name + ":chart", min, max));
        REQUIRE(d.click(name + ":save"));
        d.frames(2);
        REQUIRE(d.click(name + ":png"));
        d.frames(2);
        REQUIRE(!p.downloads.empty());
        CHECK(p.downloads.back() == "flopscope-" + name + ".png");
        CHECK(p.png_scale == 2.0f);
        CHECK(has(p.download_content, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
        CHECK(has(p.download_content, "<title>Flopscope: "));
    }
    d.app.request_tab = app::Tab::Overview;
    d.frames(3);
    REQUIRE(d.click("cost:save"));
    d.frames(2);
    REQUIRE(d.click("cost:svg"));
    CHECK(p.downloads.back() == "flopscope-cost.svg");
    CHECK(has(p.download_content, ">130 %</text>"));
    // An embed without a scenario shows the layer chart.
    State s = default_state();
    s.scenario_enabled = false;
    s.view.embed = true;
    d.app.replace_state(s);
    d.frames(3);
    REQUIRE(d.click("layers:save"));
    d.frames(2);
    REQUIRE(d.click("layers:svg"));
    CHECK(p.downloads.back() == "flopscope-layers.svg");
    CHECK(has(p.download_content, ">FLOPs per layer") == false);  // the title is the file's, in <title>
    CHECK(has(p.download_content, "<title>Flopscope: FLOPs per layer, resnet18_seed</title>"));
    check_no_asserts();
}
