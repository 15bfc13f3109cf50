// Flopscope core — printing counts.
#include "core/count.h"

#include "core/format.h"

namespace flopscope {

std::string with_commas(Count c) {
    if (!c.ok()) return "overflow";
    return group_digits(std::to_string(c.value));
}

std::string count_or_null(Count c) { return c.ok() ? std::to_string(c.value) : "null"; }

} // namespace flopscope
