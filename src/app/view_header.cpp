// Flopscope app — the header bar (title, Copy link, Embed, Export, theme), its popups (the embed snippet,
// the clipboard fallback) and the message area (problems with a link, rejected edits), each dismissable.
// App::messages() lists what the message area shows, for the test hook.
#include "app/app.h"
#include "app/platform.h"
#include "app/widgets.h"
#include "core/link.h"
#include "core/state_fields.h"

#include <algorithm>
#include <cmath>

namespace flopscope::app {

namespace {

float button_width(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2.0f;
}

void draw_embed_popup(AppState& app) {
    ImGui::SetNextWindowSizeConstraints(ImVec2(std::min(em(30), ImGui::GetIO().DisplaySize.x * 0.95f), 0),
                                        ImVec2(ImGui::GetIO().DisplaySize.x * 0.95f, ImGui::GetIO().DisplaySize.y * 0.9f));
    if (!ImGui::BeginPopupModal("Embed this scenario", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::PushTextWrapPos(em(36));
    ImGui::TextUnformatted("Paste this into a documentation page (plain HTML or Markdown that allows HTML). The "
                           "embed shows the results and the main chart for the current state, and a link that "
                           "opens it here.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    text_muted("Inputs the reader can change:");
    // The fields an embed may expose (`show=`): the registry's rows with a label, in its order.
    auto showing = [&](std::string_view key) {
        return std::find(app.embed_show.begin(), app.embed_show.end(), key) != app.embed_show.end();
    };
    // The fields an embed may expose (`show=`), the registry's rows with a label, then its charts; the
    // link lists them in this order.
    std::vector<std::pair<std::string_view, const char*>> items;
    for (const StateField& x : state_fields())
        if (x.label) items.emplace_back(x.key, x.label);
    for (const EmbedExtra& x : embed_extras()) items.emplace_back(x.key, x.label);
    for (const auto& [key_view, label] : items) {
        const std::string key(key_view);
        bool on = showing(key);
        const bool toggled = ImGui::Checkbox(label, &on);
        track_item("embed.show:" + key);
        if (toggled) {
            if (on) {
                std::vector<std::string> next;
                for (const auto& item : items)
                    if (item.first == key_view || showing(item.first)) next.emplace_back(item.first);
                app.embed_show = next;
            } else {
                app.embed_show.erase(std::remove(app.embed_show.begin(), app.embed_show.end(), key), app.embed_show.end());
            }
        }
    }
    ImGui::SetNextItemWidth(em(8));
    ImGui::SliderInt("Height (px)", &app.embed_height, 280, 900);
    const std::string url = app.share_url(embed_state(app.state, app.embed_show));
    const std::string title = "Flopscope: " + app.state.model + ", " + app.state.scenario.name + " caching scenario";
    const std::string snippet = iframe_snippet(url, title, app.embed_height);
    ImGui::BeginChild("snippet", ImVec2(em(36), em(6.5f)), ImGuiChildFlags_Border | ImGuiChildFlags_FrameStyle);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(snippet.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    if (ImGui::Button("Copy snippet")) app.copy_text("Embed snippet", snippet);
    track_item("Copy snippet");
    ImGui::SameLine();
    if (ImGui::Button("Preview")) app.platform.open_in_new_tab(url);
    item_help("Opens the embed view in a new tab.");
    ImGui::SameLine();
    if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    if (ImGui::GetTime() < app.confirm_until) {
        ImGui::SameLine();
        text_colored(palette().good, app.confirm_text.c_str());
    }
    ImGui::EndPopup();
}

void draw_fallback_popup(AppState& app) {
    if (!ImGui::BeginPopupModal("Copy by hand", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::PushTextWrapPos(em(32));
    ImGui::TextUnformatted(("The browser did not let Flopscope use the clipboard. Select the " + app.fallback_title +
                            " below and copy it (Ctrl+C, or Cmd+C on a Mac).").c_str());
    ImGui::PopTextWrapPos();
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::InputTextMultiline("##fallback", app.fallback_text.data(), app.fallback_text.size() + 1,
                              ImVec2(em(32), em(5)), ImGuiInputTextFlags_ReadOnly | ImGuiInputTextFlags_AutoSelectAll);
    if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

} // namespace

void draw_header(AppState& app) {
    const Palette& pal = palette();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float start_x = ImGui::GetCursorPosX();

    ImGui::AlignTextToFramePadding();
    text_colored(pal.accent, "Flopscope");
    const bool room_for_tagline = avail > em(58);
    if (room_for_tagline) {
        ImGui::SameLine();
        text_muted("what a CNN costs, and whether caching pays off");
    }

    // Right-aligned actions.
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float theme_w = em(6.0f);
    const float total = button_width("Copy link") + button_width("Embed…") + button_width("Export…") + theme_w + spacing * 3;
    const bool confirming = ImGui::GetTime() < app.confirm_until && !ImGui::IsPopupOpen("Embed this scenario");
    // On a phone the actions don't fit beside the title: they go on a line of their own, right-aligned,
    // and a confirmation stays on the title's line.
    const float title_end = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;
    const bool own_line = title_end + spacing + total > start_x + avail;
    auto after_last = [] { return ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetStyle().ItemSpacing.x; };
    if (confirming) {
        const float w = ImGui::CalcTextSize(app.confirm_text.c_str()).x;
        ImGui::SameLine(std::max(start_x + avail - (own_line ? 0 : total + spacing * 2) - w, after_last()));
        const float t = static_cast<float>(app.confirm_until - ImGui::GetTime());
        ImVec4 c = pal.good;
        c.w = std::clamp(t / 0.6f, 0.0f, 1.0f);  // fades out over the last 0.6 s
        text_colored(c, app.confirm_text.c_str());
    }
    if (own_line) ImGui::SetCursorPosX(std::max(start_x, start_x + avail - total));
    else ImGui::SameLine(std::max(start_x + avail - total, after_last()));
    if (ImGui::Button("Copy link")) app.copy_text("Link", app.share_url(app.state));
    track_item("Copy link");
    item_help("Copies a link to exactly this state (model, layers, scenario, view). The state lives in the "
              "link's #fragment, so nothing is sent to a server.");
    ImGui::SameLine();
    if (ImGui::Button("Embed…")) app.open_embed = true;
    track_item("Embed");
    item_help("An <iframe> snippet that embeds this scenario in a documentation page.");
    ImGui::SameLine();
    if (ImGui::Button("Export…")) app.open_export = true;
    track_item("Export");
    item_help("The layer table and the results as CSV, Markdown or JSON: download or copy.");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(theme_w);
    int theme = static_cast<int>(app.state.view.theme);
    const bool theme_changed = ImGui::Combo("##theme", &theme, kThemeLabels.data(), static_cast<int>(kThemeLabels.size()));
    track_item("theme");
    if (theme_changed) {
        State next = app.state;
        next.view.theme = static_cast<Theme>(theme);
        app.edit(std::move(next));
    }
    item_help("Light or dark; \"System theme\" follows the browser's preference.");
    ImGui::Separator();
}

void draw_header_popups(AppState& app) {
    if (app.open_embed) {
        ImGui::OpenPopup("Embed this scenario");
        app.open_embed = false;
    }
    if (app.open_fallback) {
        ImGui::OpenPopup("Copy by hand");
        app.open_fallback = false;
    }
    draw_embed_popup(app);
    draw_fallback_popup(app);
}

void draw_notices(AppState& app) {
    if (app.notices.empty()) return;
    const Palette& pal = palette();
    int dismiss = -1;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(pal.warn.x, pal.warn.y, pal.warn.z, 0.10f));
    ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(pal.warn.x, pal.warn.y, pal.warn.z, 0.6f));
    ImGui::BeginChild("notices", ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY);
    const float close_w = ImGui::GetFrameHeight();
    for (std::size_t i = 0; i < app.notices.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        const Notice& n = app.notices[i];
        ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - close_w - ImGui::GetStyle().ItemSpacing.x);
        if (n.warning) text_colored(pal.warn, n.text.c_str());  // plain text: never interpreted
        else ImGui::TextUnformatted(n.text.c_str());
        ImGui::PopTextWrapPos();
        ImGui::SameLine(ImGui::GetContentRegionMax().x - close_w);
        if (ImGui::Button("×", ImVec2(close_w, 0))) dismiss = static_cast<int>(i);
        item_help("Dismiss this message");
        ImGui::PopID();
    }
    if (app.notices.size() > 1 && ImGui::SmallButton("Dismiss all")) app.notices.clear();
    ImGui::EndChild();
    ImGui::PopStyleColor(2);
    if (dismiss >= 0 && dismiss < static_cast<int>(app.notices.size())) app.notices.erase(app.notices.begin() + dismiss);
}

// What draw_notices and the header's confirmation show (the test hook's Module.flopscope.messages()).
std::vector<std::string> App::messages() const {
    std::vector<std::string> out;
    for (const Notice& n : impl_->notices) out.push_back(n.text);
    if (ImGui::GetCurrentContext() != nullptr && ImGui::GetTime() < impl_->confirm_until) out.push_back(impl_->confirm_text);
    return out;
}

} // namespace flopscope::app
