// Flopscope app — export of the layer table and the results: CSV, Markdown (ready for a paper or a README),
// LaTeX booktabs tables and JSON (the CLI's shape), each by download or copy to the clipboard. The documents
// come from the core's report.h, written from the state's link by the platform (in the browser, the page's
// lazily loaded module: core/documents.h), so the page, the CLI and the exports agree.
#include "app/platform.h"
#include "app/widgets.h"
#include "core/link.h"

#include <cctype>

namespace flopscope::app {

namespace {

struct Format {
    const char* name;
    const char* extension;
    const char* mime;
    const char* description;
    DocumentFormat format;
};

const Format kFormats[] = {
    {"CSV", "csv", "text/csv", "one row per layer, then the totals and the scenario (spreadsheets)", DocumentFormat::Csv},
    {"Markdown", "md", "text/markdown", "tables ready to paste into a paper or a README", DocumentFormat::Markdown},
    {"JSON", "json", "application/json", "the shape of `flopscope --format json`", DocumentFormat::Json},
    {"LaTeX", "tex", "application/x-tex", "booktabs tables for a paper (\\usepackage{booktabs})", DocumentFormat::Latex},
};

std::string file_stem(const State& s) {
    std::string stem = "flopscope-" + s.model;
    if (s.scenario_enabled) stem += "-" + s.scenario.name;
    for (char& c : stem)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) c = '_';
    return stem;
}

} // namespace

void draw_export_popup(AppState& app) {
    if (app.open_export) {
        ImGui::OpenPopup("Export");
        app.platform.prepare_documents();  // the writers load while the reader picks a format
        app.open_export = false;
    }
    if (!ImGui::BeginPopupModal("Export", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    text_muted("The layer table and the results, as shown (unit and scenario included).");
    ImGui::Spacing();
    if (ImGui::BeginTable("formats", 3, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoSavedSettings)) {
        for (const Format& f : kFormats) {
            ImGui::PushID(f.name);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(f.name);
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            text_muted(f.description);
            ImGui::TableNextColumn();
            const bool download = ImGui::Button("Download");
            track_item(std::string("export:") + f.name + ":Download");
            ImGui::SameLine();
            const bool copy = ImGui::Button("Copy");
            track_item(std::string("export:") + f.name + ":Copy");
            if (download || copy) {
                DocumentRequest request;
                request.format = f.format;
                request.link = encode_link(app.state);
                if (download)
                    app.export_document(request, AppState::Deliver::Download, f.name, file_stem(app.state) + "." + f.extension, f.mime);
                else
                    app.export_document(request, AppState::Deliver::Copy, f.name);
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    if (ImGui::GetTime() < app.confirm_until) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        text_colored(palette().good, app.confirm_text.c_str());
    }
    ImGui::EndPopup();
}

} // namespace flopscope::app
