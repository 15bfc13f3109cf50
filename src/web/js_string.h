// Flopscope web — strings across the JavaScript boundary without embind, whose runtime cost the page
// 6.5 KB gzipped (js and wasm) for a dozen calls: JS hands C++ a string as a UTF-8 copy in the wasm heap
// (allocateUTF8, freed after), and C++ hands JS a pointer that it reads at once (UTF8ToString).
#pragma once

#include <string>

namespace flopscope::web {

// The string a .js library function returned as allocateUTF8(...) (null for none): copied, then freed.
std::string take_js_string(char* utf8);

// Keeps `s` until the next call and returns it, for an exported function whose JavaScript caller reads
// it at once with UTF8ToString (the test hook's answers).
const char* hand_to_js(std::string s);

} // namespace flopscope::web
