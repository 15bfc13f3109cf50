// The exports' documents written from a link (core/documents.h: what the page's lazily loaded module
// runs) and figures packed for the trip there (core/figure.h).
#include "core/documents.h"
#include "core/figure.h"
#include "core/link.h"
#include "core/report.h"

#include <doctest/doctest.h>

#include <string>

using namespace flopscope;

namespace {

DocumentRequest request(DocumentFormat format, const std::string& link) {
    DocumentRequest r;
    r.format = format;
    r.link = link;
    return r;
}

// A figure with one primitive of each kind, colours with and without alpha, non-ASCII text.
Figure sample_figure() {
    Figure f;
    f.width = 321.5f;
    f.height = 123.25f;
    f.background = Rgba{0.1f, 0.2f, 0.3f, 0.5f};
    f.filled_rect(1, 2, 30.125f, 40, Rgba{1, 0, 0, 1}, 3);
    f.rect(0.5f, 0.5f, 10, 10, Rgba{0, 1, 0, 0.25f}, 1.5f);
    f.line(0, 0, 100, 50, Rgba{0, 0, 1, 1}, 2);
    f.polyline({0, 1, 2, 3, 4, 5, 6.0001f, 7}, Rgba{0.5f, 0.5f, 0.5f, 1}, 1);
    f.filled_circle(5, 6, 7, Rgba{1, 1, 0, 1});
    f.circle(8, 9, 10, Rgba{0, 1, 1, 1}, 2.5f);
    f.text(20, 30, "f × h < 50 % & \"more\"", Rgba{0, 0, 0, 1}, 14, 99.75f, Figure::Anchor::Middle);
    f.text(40, 30, "", Rgba{0, 0, 0, 1}, 12, 0, Figure::Anchor::End);
    return f;
}

} // namespace

TEST_CASE("documents: each format from a link is the report's writer on the state that link decodes to") {
    const std::string link = "#v=1&m=resnet18&in=160&u=macs&sc=full";
    State s;
    REQUIRE(decode_link(link, s).ok());
    const Results r = compute(s);
    REQUIRE(r.ok());
    const Document csv = write_document(request(DocumentFormat::Csv, link));
    CHECK(csv.ok());
    CHECK(csv.text == results_csv(s, r));
    CHECK(write_document(request(DocumentFormat::Markdown, link)).text == results_markdown(s, r));
    CHECK(write_document(request(DocumentFormat::Json, link)).text == results_json(s, r));
    CHECK(write_document(request(DocumentFormat::Latex, link)).text == results_latex(s, r));
    // resnet18 at 160×160: the first conv's 7×7×3 → 64 at 80×80 is 64·80·80·147 = 60,211,200 MACs.
    CHECK(csv.text.find("60211200") != std::string::npos);
}

TEST_CASE("documents: a custom network travels whole in its link") {
    State s;
    REQUIRE(decode_link("#v=1&m=custom&in=8&cn=tiny&L=c1:C.c8.k3.p1,r1:A", s).ok());
    const Results r = compute(s);
    REQUIRE(r.ok());
    const Document md = write_document(request(DocumentFormat::Markdown, encode_link(s)));
    REQUIRE(md.ok());
    CHECK(md.text == results_markdown(s, r));
    // c1: 8 output channels × 8×8 × 3×3×3 = 13,824 MACs.
    CHECK(write_document(request(DocumentFormat::Json, encode_link(s))).text.find("\"macs\": 13824") != std::string::npos);
}

TEST_CASE("documents: a link with a problem is an error, never another state's document") {
    const Document d = write_document(request(DocumentFormat::Csv, "#v=1&m=no_such_model"));
    CHECK_FALSE(d.ok());
    CHECK(d.text.empty());
    CHECK(d.error.rfind("the state did not come through its link: ", 0) == 0);
}

TEST_CASE("figures: packed and unpacked, the same figure and the same SVG bytes") {
    const Figure f = sample_figure();
    Figure back;
    REQUIRE(figure_unpack(figure_pack(f), back));
    CHECK(back.width == f.width);
    CHECK(back.height == f.height);
    CHECK(back.background.a == 0.5f);
    REQUIRE(back.items.size() == f.items.size());
    for (std::size_t i = 0; i < f.items.size(); ++i) {
        CHECK(back.items[i].kind == f.items[i].kind);
        CHECK(back.items[i].anchor == f.items[i].anchor);
        CHECK(back.items[i].points == f.items[i].points);
        CHECK(back.items[i].text == f.items[i].text);
        CHECK(back.items[i].text_width == f.items[i].text_width);
        CHECK(back.items[i].thickness == f.items[i].thickness);
    }
    CHECK(figure_svg(back, "t") == figure_svg(f, "t"));

    // Through write_document: the SVG of the figure as drawn, titled from the link's state.
    DocumentRequest r = request(DocumentFormat::ChartSvg, "#v=1&m=resnet18");
    r.chart = ChartKind::Payoff;
    r.figure = figure_pack(f);
    const Document svg = write_document(r);
    REQUIRE(svg.ok());
    CHECK(svg.text == figure_svg(f, "Flopscope: where it pays off, resnet18"));
}

TEST_CASE("figures: bytes that are not one whole packed figure are refused") {
    const std::string bytes = figure_pack(sample_figure());
    Figure out;
    out.width = 7;
    for (std::size_t n = 0; n < bytes.size(); ++n) CHECK_FALSE(figure_unpack(bytes.substr(0, n), out));
    CHECK_FALSE(figure_unpack(bytes + "x", out));
    CHECK(out.width == 7);  // untouched
    // A rectangle with two points instead of four (figure_svg would read past them).
    Figure short_rect;
    short_rect.filled_rect(0, 0, 1, 1, Rgba{});
    short_rect.items[0].points.resize(2);
    CHECK_FALSE(figure_unpack(figure_pack(short_rect), out));
    // An unknown kind.
    std::string bad = figure_pack(sample_figure());
    const std::size_t kind_at = 4 + 4 + 16 + 4 + 5 + 4;  // width, height, background, "Inter", item count
    bad[kind_at] = 9;
    CHECK_FALSE(figure_unpack(bad, out));

    DocumentRequest r = request(DocumentFormat::ChartSvg, "#v=1");
    r.figure = bytes.substr(0, bytes.size() - 1);
    CHECK(write_document(r).error == "the chart's figure did not come through whole");
}
