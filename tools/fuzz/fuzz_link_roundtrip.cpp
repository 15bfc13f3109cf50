// Flopscope fuzzing — the link codec's round trip, as a property of ANY input:
//
//   decode(x) = a;  encode(a) = e;  decode(e) = b  ⇒  e decodes without problems, b == a,
//   encode(b) == e (encoding is stable), and a and b give the same results JSON, to the bit.
//   The same for the layer list alone: encode_layer_list(decode_layer_list(x)) decodes back equal.
//
// So whatever a user pastes, the link the page then writes into the address bar reopens exactly
// the state (and the numbers) they are looking at.
#include "fuzz_support.h"

#include "core/link.h"

#include <cstdint>
#include <string>
#include <string_view>

using namespace flopscope;

namespace {

std::string joined(const LinkDecode& d) {
    std::string s;
    for (const std::string& p : d.problems) s += "\n  problem: " + p;
    return s;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);

    State a;
    decode_link(bytes, a);
    const std::string e = encode_link(a);
    if (e.empty() || e.front() != '#') fuzz::fuzz_fail("encode_link did not start with '#'", e);
    State b;
    const LinkDecode db = decode_link(e, b);
    if (!db.ok()) fuzz::fuzz_fail("the encoded link of a decoded state has problems", e + joined(db));
    if (!(a == b)) fuzz::fuzz_fail("decode(encode(decode(x))) differs from decode(x)", e);
    const std::string e2 = encode_link(b);
    if (e2 != e) fuzz::fuzz_fail("encode_link is not stable", e + "\n" + e2);
    // Results to the bit (-0.0 == 0.0 for State's ==, not for the numbers printed). Zoo models are
    // swapped for a small network (cheap_surrogate): the counting and scenario values still count.
    const State sa = fuzz::cheap_surrogate(a), sb = fuzz::cheap_surrogate(b);
    const std::string ja = results_json(sa, compute(sa));
    const std::string jb = results_json(sb, compute(sb));
    if (ja != jb) fuzz::fuzz_fail("the round-tripped state gives different results", e);

    std::vector<Layer> la;
    decode_layer_list(bytes, la);
    const std::string el = encode_layer_list(la);
    std::vector<Layer> lb;
    const LinkDecode dl = decode_layer_list(el, lb);
    if (!la.empty() && !dl.ok()) fuzz::fuzz_fail("an encoded layer list has problems", el + joined(dl));
    if (la != lb) fuzz::fuzz_fail("decode(encode(decode(layers))) differs from decode(layers)", el);
    return 0;
}
