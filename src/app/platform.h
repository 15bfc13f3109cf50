// Flopscope — the one small interface between the ImGui app (src/app) and a platform (src/web, or a
// headless test double). The app never includes a platform header; a platform implements this.
#pragma once

#include "core/documents.h"

#include <functional>
#include <string>

namespace flopscope::app {

class Platform {
public:
    virtual ~Platform() = default;

    // Puts text on the system clipboard. Returns false when the platform refused (the app then shows
    // a selectable text field as a fallback).
    virtual bool copy_to_clipboard(const std::string& text) = 0;

    // Offers `content` to the user as a file download named `filename`.
    virtual void download_file(const std::string& filename, const std::string& mime_type,
                               const std::string& content) = 0;

    // Offers the SVG document `svg` as a PNG download, rasterized at `scale` times its size.
    virtual void download_svg_as_png(const std::string& filename, const std::string& svg, float scale) = 0;

    // Has the document `request` asks for written, then calls `done` with it (or with why it could not be
    // written): at once, or later. The browser writes it in its lazily loaded module (src/web/import_module),
    // so the page's own wasm carries none of the exports' writers.
    virtual void write_document(const DocumentRequest& request, std::function<void(const Document&)> done) = 0;

    // An export is likely soon (its menu opened): the platform may start loading what writes documents.
    virtual void prepare_documents() {}

    // Replaces the page URL's fragment (without '#') without adding a history entry.
    virtual void replace_url_fragment(const std::string& fragment) = 0;

    // The page's URL without its fragment (used to build shareable links and embed snippets).
    virtual std::string page_url_without_fragment() = 0;

    // Opens a URL in a new browser tab.
    virtual void open_in_new_tab(const std::string& url) = 0;

    // Device pixels per CSS pixel; the app lays out in device pixels.
    virtual float pixel_ratio() = 0;

    // Lets the user pick an .onnx file to import; the platform reads it and calls App::import_onnx or
    // App::import_failed. False when the platform cannot open files (the app then hides the button).
    virtual bool pick_onnx_file() { return false; }

    // Whether the reader prefers a dark colour scheme.
    virtual bool prefers_dark() = 0;
};

} // namespace flopscope::app
