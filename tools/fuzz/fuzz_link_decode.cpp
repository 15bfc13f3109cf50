// Flopscope fuzzing — the link decoder and the layer-list parser alone, as fast as possible (no
// compute(); fuzz_link adds that, fuzz_core covers the core). For long runs: millions of executions.
//
// Properties: no crash or sanitizer report for any bytes; problems bounded and non-empty; what the
// decoder applied is within the core's per-field limits (validate() of the scenario passes, every
// decoded layer's repeat and sizes are in range) — "a bad value keeps its default", never leaks in.
#include "fuzz_support.h"

#include "core/link.h"

#include <cstdint>
#include <string>
#include <string_view>

using namespace flopscope;

namespace {

void check_problems(const LinkDecode& d) {
    if (d.problems.size() > kMaxLinkProblems + 1) fuzz::fuzz_fail("more problems than kMaxLinkProblems + 1");
    for (const std::string& p : d.problems)
        if (p.empty()) fuzz::fuzz_fail("an empty problem message");
}

void check_layers(const std::vector<Layer>& layers) {
    if (layers.size() > static_cast<std::size_t>(kMaxLayers)) fuzz::fuzz_fail("more than kMaxLayers layers decoded");
    for (const Layer& l : layers) {
        if (l.repeat < 1 || l.repeat > kMaxRepeat) fuzz::fuzz_fail("a decoded repeat outside 1..kMaxRepeat");
        if (l.out_channels < 0 || l.out_channels > kMaxChannels) fuzz::fuzz_fail("decoded channels out of range");
        if (l.name.size() > kMaxLinkNameBytes) fuzz::fuzz_fail("a decoded name longer than kMaxLinkNameBytes");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    State state;
    check_problems(decode_link(bytes, state));
    if (std::string e = validate(state.scenario); !e.empty())
        fuzz::fuzz_fail("the decoder applied a scenario value outside its limits", e);
    if (state.counting.flops_per_mac != 1 && state.counting.flops_per_mac != 2)
        fuzz::fuzz_fail("the decoder applied flops_per_mac outside 1..2");
    check_layers(state.custom.layers);

    std::vector<Layer> layers;
    check_problems(decode_layer_list(bytes, layers));
    check_layers(layers);
    return 0;
}
