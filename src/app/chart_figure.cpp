// Flopscope app — the core's charts on screen (see chart_figure.h).
#include "app/chart_figure.h"

#include "app/platform.h"
#include "app/widgets.h"
#include "core/link.h"


namespace flopscope::app {

Rgba rgba(const ImVec4& c, float alpha) { return Rgba{c.x, c.y, c.z, c.w * alpha}; }

ChartStyle screen_chart_style() {
    const Palette& pal = palette();
    ChartStyle s;
    s.colors = ChartPalette{rgba(ImGui::GetStyleColorVec4(ImGuiCol_Text)), rgba(ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled)),
                            rgba(ImGui::GetStyleColorVec4(ImGuiCol_WindowBg)),
                            rgba(pal.accent), rgba(pal.accent_soft), rgba(pal.warn), rgba(pal.good),
                            rgba(pal.computed), rgba(pal.student), rgba(pal.lookup), rgba(pal.baseline), rgba(pal.grid)};
    s.font_size = ImGui::GetFontSize();
    s.line_height = ImGui::GetTextLineHeight();
    s.text_width = [](const std::string& t, float) { return ImGui::CalcTextSize(t.c_str()).x; };
    return s;
}

void draw_figure(ImDrawList* dl, const Figure& f, ImVec2 o) {
    auto at = [&](float x, float y) { return ImVec2(o.x + x, o.y + y); };
    auto col = [](const Rgba& c) { return ImGui::GetColorU32(ImVec4(c.r, c.g, c.b, c.a)); };
    dl->PushClipRect(o, at(f.width, f.height), true);
    for (const Figure::Primitive& p : f.items) {
        const auto& v = p.points;
        switch (p.kind) {
        case Figure::Kind::FilledRect: dl->AddRectFilled(at(v[0], v[1]), at(v[2], v[3]), col(p.color), p.thickness); break;
        case Figure::Kind::Rect: dl->AddRect(at(v[0], v[1]), at(v[2], v[3]), col(p.color), 0, 0, p.thickness); break;
        case Figure::Kind::Line:
        case Figure::Kind::Polyline:
            for (std::size_t i = 0; i + 3 < v.size(); i += 2)
                dl->AddLine(at(v[i], v[i + 1]), at(v[i + 2], v[i + 3]), col(p.color), p.thickness);
            break;
        case Figure::Kind::FilledCircle: dl->AddCircleFilled(at(v[0], v[1]), p.thickness, col(p.color)); break;
        case Figure::Kind::Circle: dl->AddCircle(at(v[0], v[1]), p.thickness, col(p.color), 0, p.text_size); break;
        case Figure::Kind::Text: {
            float x = v[0];
            if (p.anchor == Figure::Anchor::Middle) x -= p.text_width * 0.5f;
            if (p.anchor == Figure::Anchor::End) x -= p.text_width;
            dl->AddText(ImGui::GetFont(), p.text_size, at(x, v[1]), col(p.color), p.text.c_str());
            ImGui::LogText("%s\n", p.text.c_str());
            break;
        }
        }
    }
    dl->PopClipRect();
}

namespace {

float save_button_width() { return ImGui::CalcTextSize("Save…").x + ImGui::GetStyle().FramePadding.x * 2; }

// The "Save…" button at the cursor and its menu: the figure as SVG, or as PNG at twice its pixels.
void save_menu(AppState& app, ChartKind kind, const Figure& figure) {
    const std::string name = chart_name(kind);
    const std::string popup = name + ":menu";
    ImGui::PushID(name.c_str());
    if (ImGui::SmallButton("Save…")) {
        ImGui::OpenPopup(popup.c_str());
        app.platform.prepare_documents();  // the SVG writer loads while the reader picks
    }
    track_item(name + ":save");
    item_help("Save this chart as a figure for a paper or slides.");
    if (ImGui::BeginPopup(popup.c_str())) {
        const bool svg = ImGui::MenuItem("SVG (vector)");
        track_item(name + ":svg");
        const bool png = ImGui::MenuItem("PNG (2× pixels)");
        track_item(name + ":png");
        if (svg || png) {
            // The figure as drawn (this theme, font and width) goes to the platform's writer whole.
            DocumentRequest request;
            request.format = DocumentFormat::ChartSvg;
            request.link = encode_link(app.state);
            request.chart = kind;
            request.figure = figure_pack(figure);
            const std::string file = "flopscope-" + name;
            if (svg) app.export_document(request, AppState::Deliver::Save, name + " chart", file + ".svg", "image/svg+xml");
            else app.export_document(request, AppState::Deliver::Png, name + " chart", file + ".png");
        }
        ImGui::EndPopup();
    }
    ImGui::PopID();
}

} // namespace

ChartPointer chart_pointer(ImVec2 size) {
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const ImVec2 m = ImGui::GetIO().MousePos;
    const float save_x = o.x + size.x - save_button_width();
    const bool over_save = m.x >= save_x && m.x < o.x + size.x && m.y >= o.y && m.y < o.y + ImGui::GetFrameHeight();
    const float bottom = size.y > 0 ? o.y + size.y : o.y + 1e9f;
    if (over_save || !ImGui::IsWindowHovered() || ImGui::IsAnyItemActive() || m.x < o.x || m.x >= o.x + size.x ||
        m.y < o.y || m.y >= bottom)
        return {};
    return {true, m.x - o.x, m.y - o.y};
}

bool show_chart(AppState& app, ChartKind kind, const Chart& c) {
    if (c.figure.items.empty()) {
        if (!c.empty.empty()) text_muted(c.empty.c_str());
        return false;
    }
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    draw_figure(ImGui::GetWindowDrawList(), c.figure, origin);
    draw_figure(ImGui::GetWindowDrawList(), c.overlay, origin);
    // The menu first: the chart's own item below would otherwise take the pointer from it.
    ImGui::SetCursorScreenPos(ImVec2(origin.x + c.figure.width - save_button_width(), origin.y));
    save_menu(app, kind, c.figure);
    ImGui::SetCursorScreenPos(origin);
    ImGui::PushID(chart_name(kind));
    ImGui::InvisibleButton("chart", ImVec2(c.figure.width, c.figure.height));
    ImGui::PopID();
    track_item(std::string(chart_name(kind)) + ":chart");
    return ImGui::IsItemHovered();
}

} // namespace flopscope::app
