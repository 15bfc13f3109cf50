// Flopscope web — the ONNX import module: the core's ONNX reader, analysis and mapping in their own small
// wasm (build/web/onnx_import.js + .wasm), which the page loads only when a file is dropped or picked, so
// the page's first load does not carry them. No ImGui, no app: it turns a file into the link's layer-list
// text plus what the import found, and the page's app (which already decodes links) takes it from there.
//
// The read is resumable (see src/web/onnx_import.cpp for why): the core's reader is synchronous, the
// File API is not, so each attempt reads through a JS cache of 16 KiB blocks that the page fills; the
// first missing block ends the attempt and the page fetches it with one File.slice().
#include "core/link.h"
#include "core/onnx/analysis.h"
#include "core/onnx/reader.h"
#include "core/report.h"

#include <emscripten.h>
#include <emscripten/bind.h>

#include <string>

namespace {

using namespace flopscope;

// Copies [offset, offset+len) clamped to the file from Module.blocks (a Map of 16 KiB Uint8Arrays) into
// dst; -1 when a block is missing (the first missing one is left in Module.miss).
EM_JS(double, js_cached_read, (double offset, std::uint8_t* dst, double len, double size), {
    var BLOCK = 16384, blocks = Module["blocks"];
    var end = Math.min(offset + len, size);
    if (offset >= end) return 0;
    for (var b = Math.floor(offset / BLOCK); b * BLOCK < end; b++) {
        if (!blocks.has(b)) { if (Module["miss"] < 0) Module["miss"] = b; return -1; }
    }
    for (var pos = offset; pos < end;) {
        var blk = Math.floor(pos / BLOCK), chunk = blocks.get(blk), at = pos - blk * BLOCK;
        var n = Math.min(chunk.length - at, end - pos);
        HEAPU8.set(chunk.subarray(at, at + n), dst + (pos - offset));
        pos += n;
    }
    return end - offset;
});

class CachedFileSource final : public onnx::ByteSource {
public:
    explicit CachedFileSource(std::uint64_t size) : size_(size) {}
    std::uint64_t size() const override { return size_; }
    std::size_t read(std::uint64_t offset, std::uint8_t* dst, std::size_t len) override {
        if (missed) return 0;  // the attempt is over: what follows would be read from stale assumptions
        const double n = js_cached_read(static_cast<double>(offset), dst, static_cast<double>(len),
                                        static_cast<double>(size_));  // exact below 2^53
        if (n < 0) {
            missed = true;
            return 0;
        }
        return static_cast<std::size_t>(n);
    }
    bool missed = false;

private:
    std::uint64_t size_;
};

// One attempt: "" when a block was missing (the page fetches Module.miss and calls again), otherwise the
// import as JSON: {read_ok, message, nodes, opset, unsupported:[{op,count}], batchnorm_folded,
// folded_convs, fixed_reason, input:[…], mapped, name (the graph's), layers (the link's layer-list text), c, h, w}.
std::string attempt(double file_size) {
    CachedFileSource source(static_cast<std::uint64_t>(file_size));
    onnx::Model model;
    const onnx::ReadError read = onnx::read_model(source, model);
    if (source.missed) return std::string();
    if (!read.ok()) return "{\"read_ok\":false,\"message\":" + json_string(read.message) + "}";

    const onnx::Analysis an = onnx::analyse(model);
    std::string ops, input, error;
    for (const onnx::OpCount& u : an.unsupported)
        ops += (ops.empty() ? "" : ",") + std::string("{\"op\":") + json_string(u.op) + ",\"count\":" + std::to_string(u.count) + "}";
    for (const std::int64_t d : an.input_shape) input += (input.empty() ? "" : ",") + std::to_string(d);
    Network net;
    bool mapped = false;
    if (!an.ok()) error = an.error.message;
    else if (an.unsupported.empty()) mapped = onnx::to_network(model, an, net, error);
    std::string out = "{\"read_ok\":true,\"message\":" + json_string(error) +
                      ",\"nodes\":" + std::to_string(model.graph.nodes.size()) + ",\"opset\":" + std::to_string(model.opset) +
                      ",\"unsupported\":[" + ops + "],\"batchnorm_folded\":" + (an.batchnorm_folded ? "true" : "false") +
                      ",\"folded_convs\":" + std::to_string(an.convs_with_folded_bias) +
                      ",\"fixed_reason\":" + json_string(an.fixed_to_export_size ? an.fixed_reason : std::string()) +
                      ",\"input\":[" + input + "],\"mapped\":" + (mapped ? "true" : "false");
    if (mapped)
        out += ",\"name\":" + json_string(net.name) + ",\"layers\":" + json_string(encode_layer_list(net.layers)) + ",\"c\":" + std::to_string(net.input.c) +
               ",\"h\":" + std::to_string(net.input.h) + ",\"w\":" + std::to_string(net.input.w);
    return out + "}";
}

} // namespace

EMSCRIPTEN_BINDINGS(flopscope_onnx_module) {
    emscripten::function("attempt", &attempt);
}
