// Flopscope web — importing an .onnx file dropped on the page or picked with "Open ONNX…" (onnx_import.cpp).
#pragma once

namespace flopscope::app { class App; }

namespace flopscope::web::onnx_import {

// Listens for files dropped anywhere on the page and creates the hidden file input; publishes
// Module.flopscope.importOnnx(file) for tests and the benchmark. Call after bindings::publish().
void install(app::App& app);

// Opens the browser's file picker (from the app's "Open ONNX…" button, inside the click's activation).
void pick();

} // namespace flopscope::web::onnx_import
