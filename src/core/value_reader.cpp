// Flopscope core — reading one value of the state from text (see value_reader.h).
#include "core/value_reader.h"

#include "core/format.h"
#include "core/text.h"

#include <cmath>
#include <limits>

namespace flopscope {

namespace {

std::string dec(double v) { return shortest_decimal(v); }

} // namespace

Problems::Problems(std::vector<std::string>& out, std::size_t limit) : out_(out), limit_(limit) {}

void Problems::add(std::string message) {
    if (out_.size() < limit_) out_.push_back(std::move(message));
    else ++more_;
}

void Problems::finish() {
    if (more_) out_.push_back("… and " + std::to_string(more_) + " more problem" + (more_ == 1 ? "" : "s"));
    more_ = 0;
}

bool Reader::text(std::string_view raw, std::string& out, std::size_t max_bytes) {
    std::string decoded;
    if (!percent_decode(raw, decoded)) return fail(quoted(raw) + " has a bad %-escape"), false;
    if (!is_valid_utf8(decoded)) return fail(quoted(raw) + " is not valid UTF-8"), false;
    if (has_control_chars(decoded)) return fail(quoted(raw) + " contains control characters"), false;
    if (decoded.size() > max_bytes)
        return fail(quoted(raw) + " is longer than " + flopscope::decimal(static_cast<std::int64_t>(max_bytes)) + " bytes"), false;
    out = std::move(decoded);
    return true;
}

bool Reader::decimal(std::string_view raw, double lo, double hi, double& out) {
    std::string s;
    double v = 0;
    if (!percent_decode(raw, s) || !parse_decimal(s, v)) return fail(quoted(raw) + " is not a number"), false;
    if (!std::isfinite(v)) return fail(quoted(raw) + " is not a finite number"), false;
    if (v < lo || v > hi) return fail(dec(v) + " is outside " + dec(lo) + "…" + dec(hi)), false;
    out = v;
    return true;
}

bool Reader::integer(std::string_view raw, std::int64_t lo, std::int64_t hi, std::int64_t& out) {
    std::string s;
    std::int64_t v = 0;
    if (!percent_decode(raw, s) || !parse_integer(s, v)) {
        double d = 0;
        if (parse_decimal(s, d) && d == std::floor(d))  // whole, but beyond 64 bits (or ±inf)
            return fail(quoted(raw) + " is outside " + flopscope::decimal(lo) + "…" + flopscope::decimal(hi)), false;
        return fail(quoted(raw) + " is not a whole number"), false;
    }
    if (v < lo || v > hi) return fail(flopscope::decimal(v) + " is outside " + flopscope::decimal(lo) + "…" + flopscope::decimal(hi)), false;
    out = v;
    return true;
}

bool Reader::integer(std::string_view raw, std::int64_t lo, std::int64_t hi, int& out) {
    std::int64_t v = 0;
    if (lo < std::numeric_limits<int>::min() || hi > std::numeric_limits<int>::max())
        return fail("internal: range beyond int"), false;
    if (!integer(raw, lo, hi, v)) return false;
    out = static_cast<int>(v);
    return true;
}

bool Reader::flag(std::string_view raw, bool& out) {
    if (raw == "1" || raw == "0") {
        out = raw == "1";
        return true;
    }
    return fail(quoted(raw) + " is not 0 or 1"), false;
}

bool Reader::pair(std::string_view raw, std::int64_t lo, std::int64_t hi, std::int64_t& a, std::int64_t& b) {
    const std::size_t x = raw.find('x');
    std::int64_t va = 0, vb = 0;
    if (x == std::string_view::npos) {
        if (!integer(raw, lo, hi, va)) return false;
        vb = va;
    } else if (!integer(raw.substr(0, x), lo, hi, va) || !integer(raw.substr(x + 1), lo, hi, vb)) {
        return false;
    }
    a = va;
    b = vb;
    return true;
}

std::size_t count_of_char(std::string_view s, char c) {
    std::size_t n = 0;
    for (const char ch : s) n += ch == c;
    return n;
}

} // namespace flopscope
