// Flopscope core — the registry of user-settable state fields: one row per link key, in the order of
// the link format (link.cpp's table). Each row says how the field is written to and read from a link,
// its CLI options, its members in the state JSON, whether an embed may expose it (`show=`) and its help.
// The link codec, the CLI (option table and --help), report.cpp's state_json and the embed's inputs all
// loop over these rows, so a new field is one row here plus its use in the core.
//
// Values are read with core/value_reader.h, so the link and the CLI accept the same syntax and ranges
// and say the same things about bad values.
#pragma once

#include "core/state.h"
#include "core/value_reader.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace flopscope {

// Which part of the State a field belongs to: where a failed read is undone, where its JSON goes
// (top level, "convention", "scenario", "device" or "view") and the CLI --help section.
enum class FieldGroup : std::uint8_t { Model, Counting, Scenario, Device, View };

// The members a field adds to a JSON object: `"name": value`, comma-separated.
class JsonObject {
public:
    void add(std::string_view name, const std::string& value);
    std::string text() const { return "{" + body_ + "}"; }
    const std::string& body() const { return body_; }

private:
    std::string body_;
};

struct StateField;

// A CLI option for a field. With no `apply`, the value is read as the field's link value (a flag option,
// `metavar == nullptr`, reads "1").
struct CliOption {
    const char* name = nullptr;     // "--hit-rate"
    const char* metavar = nullptr;  // "H"; nullptr: a flag
    const char* help = nullptr;     // the --help line (defaults to the field's help)
    bool (*apply)(std::string_view value, State& state, Reader& r) = nullptr;
};

struct StateField {
    std::string_view key;      // the link key
    FieldGroup group;
    const char* syntax;        // the value's syntax and range, as the link format writes it ("0…1")
    const char* help;          // what it is, in a sentence (CLI --help, embed tooltips)
    const char* label;         // the embed's label when it may be exposed (`show=`), else nullptr
    CliOption cli[3];          // the CLI options that set it (unused entries have no name)
    // The link value of `s`, read against `base` (link_base(s): the preset or convention it is relative
    // to). The key is written when write(s, base) != write(base, base).
    std::string (*write)(const State& s, const State& base);
    // Applies a link value to `s`; reports through `r` and returns false when it is bad. (apply_field
    // undoes partial changes and checks the scenario.)
    bool (*read)(std::string_view raw, State& s, Reader& r);
    // Its members in the state JSON (nullptr: not in the JSON).
    void (*json)(const State& s, JsonObject& out);
    // Runs when decoding reaches this key, given or not (nullptr: nothing).
    void (*prepare)(State& s);
};

std::span<const StateField> state_fields();

// What else an embed can show (`show=`) besides the fields with a label: its optional charts.
struct EmbedExtra {
    std::string_view key;  // the name in `show=`
    const char* label;     // the Embed dialog's checkbox
};
std::span<const EmbedExtra> embed_extras();
const StateField* find_state_field(std::string_view key);  // nullptr for an unknown key

// The state a link's values are compared against: the default state, with the named convention's
// switches, the named scenario preset's parameters and the custom network's expected name and input.
State link_base(const State& s);

// Reads `raw` into `state` with field.read (or `read` when given) and keeps the change only when it is
// good: a bad value, or a scenario that fails validate(), leaves `state` as it was.
bool apply_field(const StateField& field, std::string_view raw, State& state, Reader& r,
                 bool (*read)(std::string_view, State&, Reader&) = nullptr);

// The value syntax of lists used by both the link and the CLI, one item at a time.
bool read_layer_fraction(std::string_view item, LayerFraction& out, Reader& r);   // "3:0.5" (layer from 1)
bool read_student(StudentKind kind, std::string_view value, Scenario& s, Reader& r);  // the value after "f:"/"m:"
bool read_lookup(LookupKind kind, std::string_view value, Scenario& s, Reader& r);    // "1e6"; the dimension after "nn:"

// The custom layer list (link.cpp): false (with a message) when the whole list is rejected.
bool decode_layers(std::string_view value, std::vector<Layer>& out, Problems& problems);

} // namespace flopscope
