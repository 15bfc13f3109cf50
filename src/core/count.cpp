// Flopscope core — printing counts.
#include "core/count.h"

namespace flopscope {

std::string with_commas(Count c) {
    if (!c.ok()) return "overflow";
    const std::string digits = std::to_string(c.value);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i != 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

} // namespace flopscope
