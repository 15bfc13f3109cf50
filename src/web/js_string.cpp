// Flopscope web — strings across the JavaScript boundary (see the header).
#include "web/js_string.h"

#include <cstdlib>
#include <utility>

namespace flopscope::web {

std::string take_js_string(char* utf8) {
    if (utf8 == nullptr) return std::string();
    std::string s(utf8);
    std::free(utf8);  // allocateUTF8 took it with malloc
    return s;
}

const char* hand_to_js(std::string s) {
    static std::string last;
    last = std::move(s);
    return last.c_str();
}

} // namespace flopscope::web
