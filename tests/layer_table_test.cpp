// Flopscope tests — the layer table's one list of columns (core/layer_table.h) drives the page's table
// and every export; the seed's first convolution and its totals, worked out by hand.
#include "core/layer_table.h"
#include "core/report.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace flopscope;

namespace {

// conv1 of the seed: 7×7, 3 → 64 channels, stride 2 on 224×224 → 64×112×112.
constexpr long long kConv1Out = 64LL * 112 * 112;         // 802,816 elements
constexpr long long kConv1Macs = kConv1Out * 7 * 7 * 3;   // 118,013,952
constexpr long long kConv1Params = 7LL * 7 * 3 * 64;      // 9,408
static_assert(kConv1Out == 802816 && kConv1Macs == 118013952 && kConv1Params == 9408);

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

} // namespace

TEST_CASE("layer table: each column's entry sits at its own position") {
    for (int i = 0; i < kLayerColumnCount; ++i)
        CHECK(static_cast<int>(layer_column(static_cast<LayerColumn>(i)).id) == i);
}

TEST_CASE("layer table: the outputs' columns, from the one list") {
    State s = default_state();
    const Results r = compute(s);
    using C = LayerColumn;
    // The page and the documents show the view's unit only; the CLI's table and the CSV show both.
    CHECK(layer_columns_of(LayerTableOutput::Page, s, r) ==
          std::vector<C>{C::Index, C::Name, C::Kind, C::Output, C::Flops, C::Share, C::Params, C::Activation, C::Cached});
    CHECK(layer_columns_of(LayerTableOutput::Document, s, r) ==
          std::vector<C>{C::Index, C::Name, C::Kind, C::Output, C::Flops, C::Params, C::Activation});
    CHECK(layer_columns_of(LayerTableOutput::Text, s, r) ==
          std::vector<C>{C::Index, C::Name, C::Kind, C::Output, C::Macs, C::Flops, C::Params, C::Activation});
    CHECK(layer_columns_of(LayerTableOutput::Csv, s, r).back() == C::Cached);  // the scenario is on
    s.scenario_enabled = false;
    CHECK(layer_columns_of(LayerTableOutput::Csv, s, compute(s)).back() == C::Activation);
    s.view.unit = Unit::MACs;
    CHECK(layer_columns_of(LayerTableOutput::Page, s, r)[4] == C::Macs);
}

TEST_CASE("layer table: the seed's conv1 row and the totals in every output") {
    State s = default_state();
    const Results r = compute(s);
    const std::vector<LayerRow> rows = layer_rows(r, s);
    REQUIRE(rows.size() == 13);
    const LayerRow& conv1 = rows[0];
    CHECK(conv1.macs.value == kConv1Macs);
    CHECK(conv1.flops.value == 2 * kConv1Macs);
    CHECK(conv1.params.value == kConv1Params);
    CHECK(conv1.activation_elements.value == kConv1Out);
    CHECK(conv1.activation_bytes == 4.0 * kConv1Out);
    CHECK(layer_column(LayerColumn::Activation).page(conv1, false) == "3.21 MB");  // 3,211,264 B
    CHECK(layer_column(LayerColumn::Params).report(conv1, false) == "9,408");
    CHECK(layer_column(LayerColumn::Output).csv(conv1, false) == "64,112,112");

    const std::string csv = results_csv(s, r);
    CHECK(contains(csv, "index,name,kind,out_c,out_h,out_w,macs,flops,params,activation_elements,activation_bytes,"
                        "eligible,cached_fraction,effective_cached_fraction,flops_after_caching\n"));
    CHECK(contains(csv, "\n1,Conv1,conv,64,112,112,118013952,236027904,9408,802816,3211264,yes,0.2,0.2,"));
    // Totals: 13 layers; the seed's MACs are conv1 + 10 × 115,605,504 + 2 × 57,802,752.
    constexpr long long kTotalMacs = kConv1Macs + 10LL * 115605504 + 2LL * 57802752;
    static_assert(kTotalMacs == 1389674496);
    CHECK(contains(csv, "\n,total,,,,,1389674496,2779348992,2737344,2207744,8830976\n"));

    CHECK(contains(results_markdown(s, r), "| | **total** | | | **2.7793 G** | **2,737,344** | **2,207,744** |\n"));
    CHECK(contains(results_latex(s, r), "\\begin{tabular}{rlllrrr}\n\\toprule\n\\# & layer & kind & output & FLOPs & params & activations \\\\\n"));
    s.view.exact = true;
    CHECK(contains(results_latex(s, r), "\n & \\textbf{total} & & & \\textbf{2,779,348,992} & \\textbf{2,737,344} & \\textbf{2,207,744} \\\\\n"));
}

TEST_CASE("layer table: the device's columns, only with a device, from the roofline") {
    State s = default_state();
    using C = LayerColumn;
    for (LayerTableOutput out : {LayerTableOutput::Page, LayerTableOutput::Text, LayerTableOutput::Document, LayerTableOutput::Csv})
        for (C c : layer_columns_of(out, s, compute(s))) CHECK_FALSE(is_device_column(c));

    s.device.name = "t4";
    s.scenario.precision = Precision::FP16;
    s.scenario_enabled = false;
    const Results r = compute(s);
    REQUIRE(r.roofline.ok());
    CHECK(layer_columns_of(LayerTableOutput::Page, s, r) ==
          std::vector<C>{C::Index, C::Name, C::Kind, C::Output, C::Flops, C::Share, C::Time, C::Bound, C::Energy, C::Verdict,
                         C::Params, C::Activation, C::Cached});
    const std::vector<LayerRow> rows = layer_rows(r, s);
    REQUIRE(rows[0].roofline.has_value());
    // conv1 at FP16 on a T4 (65 TFLOP/s, 320 GB/s): 2·(150,528 + 9,408 + 802,816) = 1,925,504 B in
    // 1,925,504 / 320e9 = 6.0172 µs, memory-bound (AI 122.6 < ridge 203.1); recomputing an output element
    // (2·49·3/2 = 147 FLOP per byte fetched) is below the ridge, so it is recomputed.
    const LayerRow& conv1 = rows[0];
    CHECK(layer_column(C::Time).report(conv1, false) == format_seconds(1925504.0 / 320e9));
    CHECK(layer_column(C::Bound).csv(conv1, false) == "memory");
    CHECK(layer_column(C::Verdict).csv(conv1, false) == "recompute");
    CHECK(layer_column(C::Time).csv(conv1, false) == format_double(1925504.0 / 320e9) + ",1925504");
    // 118,013,952 MACs × 1.5 pJ + 1,925,504 B × 160 pJ = 485,101,568 pJ.
    CHECK(layer_column(C::Energy).csv(conv1, false) == format_double(118013952 * 1.5e-12 + 1925504 * 160e-12));
    // The stage-1 3×3 conv: 231,211,008 FLOPs / 65e12 = 3.5571 µs, compute-bound; fetching wins (576 > 203).
    CHECK(layer_column(C::Bound).report(rows[1], false) == "compute");
    CHECK(layer_column(C::Verdict).report(rows[1], false) == "fetch");

    // The CSV's header and conv1's line; its totals row has the network's time, bytes, bound and energy.
    const std::string csv = results_csv(s, r);
    CHECK(contains(csv, "index,name,kind,out_c,out_h,out_w,macs,flops,time_s,bytes,bound,energy_j,verdict,params,"
                        "activation_elements,activation_bytes\n"));
    CHECK(contains(csv, "\n1,Conv1,conv,64,112,112,118013952,236027904," + format_double(1925504.0 / 320e9) +
                            ",1925504,memory,"));
    const LayerRow total = layer_totals_row(r);
    REQUIRE(total.roofline.has_value());
    CHECK(total.roofline->time_s == r.roofline.totals.time_s);
    CHECK(contains(csv, "\n,total,,,,,1389674496,2779348992," + format_double(r.roofline.totals.time_s) + "," +
                            format_double(r.roofline.totals.bytes) + "," + bound_name(r.roofline.totals.bound) + "," +
                            format_double(r.roofline.totals.energy_j) + ",,"));
    // Sorting by time puts conv1 (6.02 µs) after the stage-1 conv (3.56 µs).
    const std::vector<int> by_time = sorted_order(rows, C::Time, true);
    CHECK(std::find(by_time.begin(), by_time.end(), 1) < std::find(by_time.begin(), by_time.end(), 0));
}
