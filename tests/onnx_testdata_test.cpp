// ONNX import over Debian's libonnx-testdata (ONNX's own node and model tests, installed by
// tools/setup.sh): every model.onnx is read without a crash and either analyses or names what it does
// not support; for the analysed ones, every declared output shape is compared with the inferred one.
#include "core/onnx/analysis.h"
#include "core/onnx/reader.h"

#include "onnx_builder.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

using namespace flopscope::onnx;
using namespace onnx_test;
namespace fs = std::filesystem;

namespace {

const fs::path kTestdata = "/usr/share/libonnx-testdata/data";

struct Outcome {
    int files = 0, read_errors = 0, complete = 0, unsupported = 0, node_failures = 0;
    int outputs_compared = 0, outputs_equal = 0;
    std::map<std::string, int> unsupported_ops;  // op → files
    std::vector<std::string> mismatches;
};

// The inferred shape of graph output `name`, if some node produced it.
const std::vector<std::int64_t>* inferred(const Model& m, const Analysis& an, const std::string& name) {
    for (std::size_t i = 0; i < m.graph.nodes.size(); ++i)
        for (std::size_t k = 0; k < m.graph.nodes[i].outputs.size(); ++k)
            if (m.graph.nodes[i].outputs[k] == name && an.nodes[i].status == NodeStatus::Ok) return &an.nodes[i].output_shapes[k];
    return nullptr;
}

void check_file(const fs::path& p, Outcome& o) {
    const std::string bytes = read_file(p);
    Model m;
    MemorySource src(bytes.data(), bytes.size());
    const ReadError e = read_model(src, m);
    ++o.files;
    if (!e.ok()) {
        ++o.read_errors;
        CHECK_MESSAGE(!e.message.empty(), p.string());
        MESSAGE(p.parent_path().filename().string() << ": " << std::string(read_error_name(e.code)) << ": " << e.message);
        return;
    }
    const Analysis an = analyse(m);
    if (!an.ok()) {
        ++o.read_errors;
        CHECK_MESSAGE(!an.error.message.empty(), p.string());
        MESSAGE(p.parent_path().filename().string() << ": " << std::string(read_error_name(an.error.code)) << ": " << an.error.message);
        return;
    }
    // Either complete, or it names what it does not support / why a node failed.
    if (an.complete) ++o.complete;
    if (!an.unsupported.empty()) ++o.unsupported;
    for (const OpCount& u : an.unsupported) ++o.unsupported_ops[u.op];
    bool failure = false;
    for (const NodeResult& r : an.nodes) {
        if (r.status == NodeStatus::Ok) continue;
        CHECK_MESSAGE(!r.problem.empty(), p.string() << " node " << r.name);
        failure = failure || r.status == NodeStatus::Failed;
        if (r.status == NodeStatus::Failed && std::getenv("FLOPSCOPE_ONNX_VERBOSE"))
            MESSAGE(p.parent_path().filename().string() << ": " << r.op << ": " << r.problem);
    }
    o.node_failures += failure;
    // Declared output shapes (all dims known) against the inferred ones.
    for (const ValueInfo& out : m.graph.outputs) {
        if (!out.has_shape || !out.is_tensor) continue;
        std::vector<std::int64_t> declared;
        bool all = true;
        for (const Dim& d : out.dims) {
            all = all && d.value >= 0;
            declared.push_back(d.value);
        }
        const std::vector<std::int64_t>* got = inferred(m, an, out.name);
        if (!all || !got) continue;
        ++o.outputs_compared;
        if (*got == declared) ++o.outputs_equal;
        else o.mismatches.push_back(p.parent_path().filename().string() + " output " + out.name);
    }
}

} // namespace

TEST_CASE("onnx testdata: every libonnx-testdata model reads without a crash and analyses or names what it lacks") {
    if (!fs::is_directory(kTestdata)) {
        MESSAGE("SKIPPED: " << kTestdata.string() << " not found (apt-get install libonnx-testdata; tools/setup.sh does)");
        return;
    }
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(kTestdata))
        if (e.is_regular_file() && e.path().extension() == ".onnx") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    Outcome o;
    for (const fs::path& p : files) check_file(p, o);
    CHECK(o.files >= 1000);
    std::vector<std::pair<int, std::string>> ops;
    for (const auto& [op, n] : o.unsupported_ops) ops.push_back({n, op});
    std::sort(ops.rbegin(), ops.rend());
    std::string list;
    for (const auto& [n, op] : ops) list += op + " " + std::to_string(n) + ", ";
    MESSAGE("libonnx-testdata: " << o.files << " files; " << o.read_errors << " refused with a message; " << o.complete
                                 << " analysed completely; " << o.unsupported << " name unsupported ops; " << o.node_failures
                                 << " with a node check that failed; declared output shapes equal "
                                 << o.outputs_equal << "/" << o.outputs_compared);
    MESSAGE("unsupported ops (files): " << list);
    for (const std::string& m : o.mismatches) MESSAGE("shape differs: " << m);
    CHECK(o.mismatches.empty());
}
