// Flopscope core — scenario files (see scenario_file.h).
#include "core/scenario_file.h"

#include "core/report.h"

namespace flopscope {

namespace {

// A tiny reader for the one JSON object shape we write: string keys, string or integer values.
struct JsonScan {
    std::string_view s;
    std::size_t i = 0;
    void space() { while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t')) ++i; }
    bool eat(char c) { space(); if (i < s.size() && s[i] == c) { ++i; return true; } return false; }
    bool string(std::string& out) {
        out.clear();
        if (!eat('"')) return false;
        while (i < s.size()) {
            const char c = s[i++];
            if (c == '"') return true;
            if (static_cast<unsigned char>(c) < 0x20) return false;
            if (c != '\\') { out += c; continue; }
            if (i >= s.size()) return false;
            const char e = s[i++];
            switch (e) {
            case '"': case '\\': case '/': out += e; break;
            case 'n': out += '\n'; break;
            case 't': out += '\t'; break;
            case 'r': out += '\r'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'u': {  // json_string writes <, > and & as \u00XX; links are ASCII, so nothing above 0x7f
                unsigned code = 0;
                for (int k = 0; k < 4; ++k, ++i) {
                    if (i >= s.size()) return false;
                    const char h = s[i];
                    const int v = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
                    if (v < 0) return false;
                    code = code * 16 + static_cast<unsigned>(v);
                }
                if (code == 0 || code > 0x7f) return false;
                out += static_cast<char>(code);
                break;
            }
            default: return false;
            }
        }
        return false;
    }
    bool integer(long long& out) {
        space();
        const std::size_t start = i;
        out = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start < 12) out = out * 10 + (s[i++] - '0');
        return i > start && (i >= s.size() || s[i] < '0' || s[i] > '9');
    }
};

} // namespace

bool fits_link_budget(const State& state) { return encode_link(state).size() < kLinkBudget; }

std::string scenario_file_json(const State& state) {
    const std::size_t layers = state.model == kCustomModel ? state.custom.layers.size() : 0;
    return "{\"flopscope_scenario\": " + std::to_string(kScenarioFileVersion) + ", \"link\": " +
           json_string(encode_link(state)) + ", \"layers\": " + std::to_string(layers) + "}\n";
}

LinkDecode read_scenario_file(std::string_view text, State& out) {
    LinkDecode d;
    auto fail = [&](std::string message) {
        out = default_state();
        d.problems.push_back("scenario file: " + std::move(message));
        return d;
    };
    if (text.size() > kMaxLinkBytes + 4096) return fail("larger than any scenario file (" + std::to_string(text.size()) + " bytes)");
    JsonScan j{text};
    if (!j.eat('{')) return fail("not a JSON object");
    long long version = -1;
    std::string link, key;
    bool have_link = false;
    if (!j.eat('}')) {
        do {
            if (!j.string(key) || !j.eat(':')) return fail("expected \"key\": value at byte " + std::to_string(j.i));
            if (key == "link") {
                if (!j.string(link)) return fail("\"link\" is not a string");
                have_link = true;
            } else if (key == "flopscope_scenario" || key == "layers") {
                long long v = 0;
                if (!j.integer(v)) return fail("\"" + key + "\" is not a whole number");
                if (key == "flopscope_scenario") version = v;
            } else {
                return fail("unknown key \"" + key + "\"");
            }
        } while (j.eat(','));
        if (!j.eat('}')) return fail("expected , or } at byte " + std::to_string(j.i));
    }
    j.space();
    if (j.i != text.size()) return fail("text after the object at byte " + std::to_string(j.i));
    if (version < 0) return fail("no \"flopscope_scenario\" version: not a Flopscope scenario file");
    if (version != kScenarioFileVersion)
        return fail("version " + std::to_string(version) + " is newer than this Flopscope reads (" +
                    std::to_string(kScenarioFileVersion) + ")");
    if (!have_link) return fail("no \"link\"");
    return decode_link(link, out);
}

} // namespace flopscope
