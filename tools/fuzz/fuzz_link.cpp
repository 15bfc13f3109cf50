// Flopscope fuzzing — the link decoder and the layer-list parser on arbitrary bytes.
//
// The input is read three ways: as a whole link (URL, "#…" or bare fragment), as the value of the
// custom-layer key of an otherwise valid link (so the layer parser's output reaches compute()), and by
// decode_layer_list() alone. Whatever the bytes: no crash, no sanitizer report, a bounded list of
// non-empty problems, and a decoded state whose results are finite or a clear error
// (tools/fuzz/fuzz_support.h). Kept lean so that millions of executions fit in CI-sized minutes: a zoo
// model is swapped for a small network before compute() (cheap_surrogate), and the JSON and sweep
// checks are left to fuzz_link_roundtrip and fuzz_core.
#include "fuzz_support.h"

#include "core/link.h"

#include <cstdint>
#include <string>
#include <string_view>

using namespace flopscope;

namespace {

void check_problems(const LinkDecode& d, std::string_view what) {
    if (d.problems.size() > kMaxLinkProblems + 1)
        fuzz::fuzz_fail("more problems than kMaxLinkProblems + 1", std::string(what));
    for (const std::string& p : d.problems)
        if (p.empty()) fuzz::fuzz_fail("an empty problem message", std::string(what));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);

    // 1. The whole input as a link.
    State state;
    const LinkDecode d = decode_link(bytes, state);
    check_problems(d, "decode_link");
    fuzz::check_results(fuzz::cheap_surrogate(state));

    // 2. The input as the custom network's layer list inside a valid link.
    State custom;
    const std::string link = "#v=1&m=custom&L=" + std::string(bytes);
    check_problems(decode_link(link, custom), "decode_link(L=…)");
    fuzz::check_results(custom);

    // 3. The layer-list parser alone; whatever it returns, evaluate() handles it.
    std::vector<Layer> layers;
    check_problems(decode_layer_list(bytes, layers), "decode_layer_list");
    if (layers.size() > static_cast<std::size_t>(kMaxLayers)) fuzz::fuzz_fail("more than kMaxLayers layers decoded");
    Network net;
    net.name = kCustomModel;
    net.layers = std::move(layers);
    fuzz::check_evaluation(evaluate(net, Counting{}));
    return 0;
}
