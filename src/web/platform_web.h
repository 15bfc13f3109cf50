// Flopscope web — app::Platform for the browser: clipboard, downloads, the exports' documents (written by
// the lazily loaded module), URL, new tabs, pixel ratio and the reader's colour-scheme preference.
#pragma once

#include "app/platform.h"

namespace flopscope::web {

class WebPlatform final : public app::Platform {
public:
    WebPlatform();  // starts watching prefers-color-scheme

    bool copy_to_clipboard(const std::string& text) override;
    void download_file(const std::string& filename, const std::string& mime_type,
                       const std::string& content) override;
    void download_svg_as_png(const std::string& filename, const std::string& svg, float scale) override;
    void write_document(const DocumentRequest& request, std::function<void(const Document&)> done) override;
    void prepare_documents() override;
    void replace_url_fragment(const std::string& fragment) override;
    std::string page_url_without_fragment() override;
    void open_in_new_tab(const std::string& url) override;
    bool pick_onnx_file() override;
    float pixel_ratio() override;
    bool prefers_dark() override;

    // True once after the colour-scheme preference changed (the frame then restyles the app).
    static bool take_color_scheme_change();
};

} // namespace flopscope::web
