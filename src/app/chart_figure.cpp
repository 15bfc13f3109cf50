// Flopscope app — replaying a Figure into ImGui, and the charts' save menu (see chart_figure.h).
#include "app/chart_figure.h"

#include "app/platform.h"
#include "app/widgets.h"

namespace flopscope::app {

Rgba rgba(const ImVec4& c, float alpha) { return Rgba{c.x, c.y, c.z, c.w * alpha}; }

void draw_figure(ImDrawList* dl, const Figure& f, ImVec2 o) {
    auto at = [&](float x, float y) { return ImVec2(o.x + x, o.y + y); };
    auto col = [](const Rgba& c) { return ImGui::GetColorU32(ImVec4(c.r, c.g, c.b, c.a)); };
    for (const Figure::Primitive& p : f.items) {
        const auto& v = p.points;
        switch (p.kind) {
        case Figure::Kind::FilledRect: dl->AddRectFilled(at(v[0], v[1]), at(v[2], v[3]), col(p.color)); break;
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
            break;
        }
        }
    }
}

void figure_text(Figure& f, float x, float y, const std::string& s, const ImVec4& c, Figure::Anchor anchor) {
    f.text(x, y, s, rgba(c), ImGui::GetFontSize(), ImGui::CalcTextSize(s.c_str()).x, anchor);
}

void figure_save_menu(AppImpl& app, const Figure& f, const char* name, const std::string& title) {
    const std::string popup = std::string(name) + ":menu";
    ImGui::PushID(name);
    if (ImGui::SmallButton("Save…")) ImGui::OpenPopup(popup.c_str());
    track_item(std::string(name) + ":save");
    item_help("Save this chart as a figure for a paper or slides.");
    if (ImGui::BeginPopup(popup.c_str())) {
        if (ImGui::MenuItem("SVG (vector)")) {
            app.platform.download_file(std::string("flopscope-") + name + ".svg", "image/svg+xml", figure_svg(f, title));
        }
        track_item(std::string(name) + ":svg");
        ImGui::EndPopup();
    }
    ImGui::PopID();
}

} // namespace flopscope::app
