// Flopscope core — reading one value of the state from text, with one clear message per problem. The
// link decoder and the CLI read every value through this (same syntax, same ranges, same messages):
// integers are plain decimals, other numbers decimals ("0.5", "1.2e9"; no hex, no NaN or infinities),
// text is percent-decoded UTF-8 without control characters.
#pragma once

#include "core/link.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace flopscope {

// Collects problems, at most `limit` of them, then counts the rest ("… and N more problems").
class Problems {
public:
    explicit Problems(std::vector<std::string>& out, std::size_t limit);
    void add(std::string message);
    void finish();

private:
    std::vector<std::string>& out_;
    std::size_t limit_;
    std::size_t more_ = 0;
};

// Reads one value of one key (or of one item in a list, or of one CLI option), reporting each problem
// as "<where>: …". Each reading function sets `out` only when the value is good.
class Reader {
public:
    Reader(Problems& problems, std::string where) : p_(problems), where_(std::move(where)) {}

    void fail(const std::string& what) { p_.add(where_ + ": " + what); }
    // A reader for a part of this value, e.g. "L: layer 3" → "L: layer 3, field k".
    Reader part(std::string_view what) const { return Reader(p_, where_ + ", " + std::string(what)); }
    Problems& problems() const { return p_; }

    // Percent-decoded text (valid UTF-8, no control characters, at most `max_bytes`).
    bool text(std::string_view raw, std::string& out, std::size_t max_bytes = kMaxLinkNameBytes);
    bool decimal(std::string_view raw, double lo, double hi, double& out);
    bool integer(std::string_view raw, std::int64_t lo, std::int64_t hi, std::int64_t& out);
    bool integer(std::string_view raw, std::int64_t lo, std::int64_t hi, int& out);
    bool flag(std::string_view raw, bool& out);  // "0" or "1"
    // "224" or "224x160" (an `x` between two integers), each within [lo, hi].
    bool pair(std::string_view raw, std::int64_t lo, std::int64_t hi, std::int64_t& a, std::int64_t& b);

private:
    Problems& p_;
    std::string where_;
};

// Splits `s` at every `sep` (an empty `s` gives one empty piece).
template <typename F>
void split(std::string_view s, char sep, F&& each) {
    std::size_t start = 0;
    for (;;) {
        const std::size_t end = s.find(sep, start);
        if (end == std::string_view::npos) {
            each(s.substr(start));
            return;
        }
        each(s.substr(start, end - start));
        start = end + 1;
    }
}

std::size_t count_of_char(std::string_view s, char c);

} // namespace flopscope
