// Flopscope core — small text helpers for the link codec: exact numbers, percent-encoding, UTF-8.
//
// Numbers are written with snprintf (the C locale; Flopscope never calls setlocale) and read with
// read_decimal below, not the floating-point std::to_chars/from_chars, which Emscripten 3.1.6's libc++
// does not provide. read_decimal replaces strtod so that the page need not link musl's scanner and the
// 128-bit long-double arithmetic it pulls in, and so that the page and the CLI read numbers alike.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace flopscope {

// Reads the longest decimal number at the start of `s` — [+|-]digits[.digits][(e|E)[+|-]digits], or
// with the digits after the point only (".5") — into `out`, correctly rounded: the nearest double, ties
// to even, the result of a correct strtod for every input (±inf beyond double's range, ±0 below it,
// subnormals in between). An 'e' without digits after it is not read ("1e" reads "1"). No spaces, no
// hex, no "inf"/"nan". Returns the number of characters read; 0 (and `out` untouched) when `s` does not
// start with a number.
std::size_t read_decimal(std::string_view s, double& out);

// The shortest decimal that read_decimal reads back as exactly `v` (same bits, so -0 stays "-0"), with a
// compact exponent and never a '+' (a '+' may turn into a space in some URL handling):
// 0.2 → "0.2", 1.2e9 → "1.2e9", 2779348992 → "2779348992", 1e-7 → "1e-7". "nan"/"inf"/"-inf" for
// non-finite values (which no parser here accepts).
std::string shortest_decimal(double v);

// Strict decimal syntax: [-]digits[.digits][(e|E)[+|-]digits] (also ".5" and "5."); no spaces, no hex,
// no "inf"/"nan" words. Returns false for anything else. The value may be ±inf when the number is out
// of double's range (callers reject non-finite values with their own message).
bool parse_decimal(std::string_view s, double& out);

// Strict integer syntax: [-]digits, within int64. False for anything else, including overflow.
bool parse_integer(std::string_view s, std::int64_t& out);

// Percent-encodes every byte except ASCII letters, digits and the bytes in `keep` (upper-case hex).
std::string percent_encode(std::string_view s, std::string_view keep = "-._~");

// Decodes %XX escapes ('+' stays '+'). False on a malformed escape ("%", "%4", "%zz").
bool percent_decode(std::string_view s, std::string& out);

// Well-formed UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool is_valid_utf8(std::string_view s);

// True when `s` has an ASCII control character (below 0x20, or 0x7F).
bool has_control_chars(std::string_view s);

// `s` in double quotes for a message: printable ASCII as is (so a link's own %-escapes read as they
// were written), every other byte and '"' and '\' as %XX, cut to about `max_bytes` with "…" — so a
// message never carries raw bytes from a link.
std::string quoted(std::string_view s, std::size_t max_bytes = 40);

} // namespace flopscope
