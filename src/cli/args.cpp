// flopscope CLI — the option table and parse_args() (see args.h).
//
// [SECTION] The option table
// [SECTION] --help
// [SECTION] parse_args
#include "cli/args.h"

#include "core/conventions.h"
#include "core/link.h"
#include "core/scenario_file.h"
#include "core/state_fields.h"
#include "core/zoo_table.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace flopscope::cli {

//-----------------------------------------------------------------------------
// [SECTION] The option table
//-----------------------------------------------------------------------------

namespace {

enum class Section { Network, Scenario, Device, Output, Hidden };

// One command-line option: a state field's (field and cli set) or one of the CLI's own.
struct Option {
    std::string name;
    const char* metavar = nullptr;  // nullptr: a flag
    std::string help;
    Section section = Section::Network;
    const StateField* field = nullptr;
    const CliOption* cli = nullptr;
};

// The CLI's own options; their effect is in parse_args.
const Option kOwnOptions[] = {
    {"--link", "'URL-or-#fragment'", "The state of a Flopscope page link (the other options apply on top).", Section::Output},
    {"--scenario-file", "FILE", "A scenario file saved by the page (\"Save scenario…\"); the other options apply on top.", Section::Output},
    {"--onnx", "FILE…", "Analyse ONNX files (or folders of them) instead of a built-in network. One file: the same output as a built-in network plus the import's notes and unsupported ops. Several: one summary row per file.", Section::Network},
    {"--batch", "N", "The value of every symbolic dim of an ONNX file (default 1).", Section::Network},
    {"--symbol", "NAME=N", "The value of one symbolic dim of an ONNX file; repeatable.", Section::Network},
    {"--format", "FMT", "table (default) | json | csv | md | latex (booktabs tables); svg with --chart.", Section::Output},
    {"--chart", "NAME", "Write a chart as SVG instead of the results: cost | fraction | rate | payoff | layers | time-fraction | time-rate | roofline (the page's charts, drawn the same).", Section::Output},
    {"--chart-size", "WxH", "The chart's size in pixels (default 720x400; the layer chart's height follows its rows).", Section::Output},
    {"--list-models", nullptr,
     "The built-in networks. With --format md, csv or json: each one's MACs, FLOPs, parameters, activations "
     "and depth, at its default crop (or --input) under the convention (--convention and the switches).",
     Section::Output},
    {"--list-conventions", nullptr, "The counting conventions and their rules.", Section::Output},
    {"--list-devices", nullptr, "The built-in devices and their figures (--format table|md|csv|json).", Section::Output},
    {"--help", nullptr, "This text.", Section::Output},
    {"-h", nullptr, "", Section::Hidden},
};

// A field's help with its syntax and default value, e.g. "How often the cache holds a usable entry
// (0…1; default 1)."; flags just say what they switch on.
std::string field_help(const StateField& f, const CliOption& c) {
    std::string help = f.help;
    if (!c.metavar) return help;
    if (!help.empty() && help.back() == '.') help.pop_back();
    const State d = default_state();
    const std::string default_value = f.write(d, d);
    std::string syntax;  // the link table's column, without its alignment spaces
    for (const char c : std::string_view(f.syntax))
        if (c != ' ' || syntax.empty() || syntax.back() != ' ') syntax += c;
    return help + " (" + syntax + (default_value.empty() ? "" : "; default " + default_value) + ").";
}

// `text` broken at spaces into lines that end before `width`, the ones after the first indented to `column`.
std::string wrapped(const std::string& text, std::size_t column, std::size_t width) {
    std::string out, line;
    auto flush = [&] {
        out += (out.empty() ? "" : "\n" + std::string(column, ' ')) + line;
        line.clear();
    };
    split(text, ' ', [&](std::string_view word) {
        if (!line.empty() && column + line.size() + 1 + word.size() > width) flush();
        line += (line.empty() ? "" : " ") + std::string(word);
    });
    flush();
    return out;
}

// Every option: the registry's, in its order, then the CLI's own.
const std::vector<Option>& options() {
    static const std::vector<Option> all = [] {
        std::vector<Option> out;
        for (const StateField& f : state_fields()) {
            for (const CliOption& c : f.cli) {
                if (!c.name) continue;
                out.push_back({c.name, c.metavar, c.help ? c.help : field_help(f, c),
                               f.group == FieldGroup::Scenario ? Section::Scenario
                               : f.group == FieldGroup::Device ? Section::Device
                                                               : Section::Network,
                               &f, &c});
            }
        }
        for (const Option& o : kOwnOptions) out.push_back(o);
        return out;
    }();
    return all;
}

const Option* find_option(const std::string& name) {
    for (const Option& o : options())
        if (o.name == name) return &o;
    return nullptr;
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] --help
//-----------------------------------------------------------------------------

std::string usage() {
    std::string out = R"(flopscope — what a convolutional network costs, and whether caching pays off

Usage:
  flopscope [--model NAME] [--input N|HxW] [--scenario PRESET] [--format table|json|csv|md|latex] [options]
  flopscope --link 'URL-or-#fragment' [--format ...]   the state of a Flopscope page link
  flopscope --scenario-file FILE [--format ...]        a scenario saved by the page ("Save scenario…")
  flopscope --onnx FILE|FOLDER... [--input HxW] [--batch N] [--format ...]
                                                       an exported model; several: one summary row each
  flopscope --list-models [--format md|csv|json] [--input N|HxW] [--convention NAME]
                                                       the built-in networks (and their costs)
  flopscope --list-conventions                         the counting conventions and their rules
  flopscope --list-devices [--format ...]              the built-in devices and their figures

Values are read as in a link: decimals like 0.5 or 1.2e9, ranges as shown.
)";
    constexpr std::size_t kHelpColumn = 26, kWidth = 100;
    auto section = [&](Section s, const char* title) {
        out += std::string("\n") + title + "\n";
        for (const Option& o : options()) {
            if (o.section != s) continue;
            std::string left = "  " + o.name + (o.metavar ? std::string(" ") + o.metavar : std::string());
            left += left.size() + 2 <= kHelpColumn ? std::string(kHelpColumn - left.size(), ' ') : "\n" + std::string(kHelpColumn, ' ');
            out += left + wrapped(o.help, kHelpColumn, kWidth) + "\n";
        }
    };
    section(Section::Network, "Network and counting:");
    section(Section::Scenario,
            "Caching scenario (any of these turns the scenario on; starting values are the optimistic preset's):");
    section(Section::Device, "Device (time and energy per layer; none by default; --precision sets the roofline's too):");
    section(Section::Output, "Output:");
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] parse_args
//-----------------------------------------------------------------------------

namespace {

std::string joined(const std::vector<std::string>& problems) {
    std::string all;
    for (const std::string& p : problems) all += (all.empty() ? "" : "; ") + p;
    return all;
}

} // namespace

Args parse_args(const std::vector<std::string>& args) {
    Args run;
    run.state = default_state();
    run.state.scenario_enabled = false;
    State& state = run.state;
    bool scenario_touched = false;  // a parameter was set: the scenario is on and becomes "custom"
    bool preset_given = false;
    bool model_given = false;
    const ModelInfo* previous_model = nullptr;  // the model --model replaces (the link's, or the default)
    auto fail = [&](std::string message) {
        run.error = std::move(message);
        return run;
    };

    // --link (or --scenario-file) first: it sets a whole state. Then a --scenario preset, which sets every
    // scenario parameter, so that an option such as --precision or --hit-rate is never undone by a preset
    // given after it. Then everything else, in order.
    constexpr int kLastPass = 2;
    for (int pass = 0; pass <= kLastPass; ++pass) {
        for (std::size_t i = 0; i < args.size(); ++i) {
            std::string name = args[i], value;
            bool has_inline_value = false;
            if (const std::size_t eq = name.find('='); name.rfind("--", 0) == 0 && eq != std::string::npos) {
                value = name.substr(eq + 1);
                name = name.substr(0, eq);
                has_inline_value = true;
            }
            if (name == "--onnx") {  // one or more paths, up to the next option
                if (has_inline_value) { if (pass == kLastPass) run.onnx_paths.push_back(value); continue; }
                std::size_t j = i + 1;
                for (; j < args.size() && args[j].rfind("-", 0) != 0; ++j)
                    if (pass == kLastPass) run.onnx_paths.push_back(args[j]);
                if (j == i + 1) return fail("--onnx needs at least one file");
                i = j - 1;
                continue;
            }
            const Option* o = find_option(name);
            if (!o) return fail("unknown option \"" + name + "\" (flopscope --help lists them)");
            if (name == "--help" || name == "-h") {
                run.action = Args::Action::Help;
                return run;
            }
            if (!o->metavar) {
                if (has_inline_value) return fail(name + " takes no value");
                value = "1";
            } else if (!has_inline_value) {
                if (i + 1 >= args.size()) return fail(name + " needs a value");
                value = args[++i];
            }
            const int pass_of_option = name == "--link" || name == "--scenario-file" ? 0 : name == "--scenario" ? 1 : kLastPass;
            if (pass != pass_of_option) continue;

            if (name == "--list-conventions") {
                run.action = Args::Action::ListConventions;
                return run;
            }
            if (name == "--list-devices") {  // after --format, wherever it is given
                run.action = Args::Action::ListDevices;
                continue;
            }
            if (name == "--list-models") {  // the other options still apply: --format, --input, --convention
                run.action = Args::Action::ListModels;
                continue;
            }
            if (name == "--input") run.input_given = true;
            if (name == "--model" && !model_given) {
                model_given = true;
                previous_model = find_model(state.model);
            }
            if (name == "--link") {
                const LinkDecode d = decode_link(value, state);
                if (!d.ok()) return fail("--link: " + joined(d.problems));
                continue;
            }
            if (name == "--scenario-file") {
                std::ifstream in(value, std::ios::binary);
                if (!in) return fail("--scenario-file: cannot open \"" + value + "\"");
                std::ostringstream text;
                text << in.rdbuf();
                const LinkDecode d = read_scenario_file(text.str(), state);
                if (!d.ok()) return fail("--scenario-file " + value + ": " + joined(d.problems));
                continue;
            }
            if (name == "--batch" || name == "--symbol") {
                const std::size_t eq = value.find('=');
                const std::string number = name == "--batch" ? value : eq == std::string::npos ? "" : value.substr(eq + 1);
                std::int64_t n = 0;
                bool digits = !number.empty() && number.size() <= 9;
                for (const char c : number) digits = digits && c >= '0' && c <= '9';
                if (digits) n = std::stoll(number);
                if (!digits || n < 1 || (name == "--symbol" && eq == 0))
                    return fail(name + ": \"" + value + "\" is not " + (name == "--batch" ? "N" : "NAME=N") + " with N a whole number from 1 to 999,999,999");
                if (name == "--batch") run.batch = n;
                else run.symbols.emplace_back(value.substr(0, eq), n);
                continue;
            }
            if (name == "--format") {
                if (value != "table" && value != "json" && value != "csv" && value != "md" && value != "latex" && value != "svg")
                    return fail(name + ": unknown format \"" + value + "\" (table, json, csv, md, latex, svg)");
                run.format = value;
                continue;
            }
            if (name == "--chart") {
                run.chart = parse_chart_name(value);
                if (!run.chart) return fail(name + ": unknown chart \"" + value + "\" (" + chart_names() + ")");
                continue;
            }
            if (name == "--chart-size") {
                const std::size_t x = value.find('x');
                const auto side = [](const std::string& t) {
                    bool digits = !t.empty() && t.size() <= 5;
                    for (const char c : t) digits = digits && c >= '0' && c <= '9';
                    return digits ? std::stoi(t) : 0;
                };
                const int w = x == std::string::npos ? 0 : side(value.substr(0, x));
                const int h = x == std::string::npos ? 0 : side(value.substr(x + 1));
                if (w < 200 || h < 150 || w > 8000 || h > 8000)
                    return fail(name + ": \"" + value + "\" is not WxH with W from 200 to 8000 and H from 150 to 8000 pixels");
                run.chart_width = w;
                run.chart_height = h;
                continue;
            }
            // A state field: read as its link value is, with the option's name in the messages.
            std::vector<std::string> problems;
            Problems collected(problems, kMaxLinkProblems);
            Reader r(collected, name);
            const bool applied = apply_field(*o->field, value, state, r, o->cli->apply);
            collected.finish();
            if (!applied || !problems.empty()) return fail(problems.empty() ? name + ": not applied" : joined(problems));
            if (o->field->group == FieldGroup::Scenario) {
                if (o->field->key == "sc") preset_given = true, state.scenario_enabled = true;
                // --precision is also the device's precision, so alone it doesn't turn the scenario on
                else if (o->field->key != "prec") scenario_touched = true;
            }
        }
    }
    // --model without --input: the model's own default crop (299 for inception_v3), as the page's picker
    // does; the link then carries in=299. (A link without `in` still means 224.)
    if (model_given && !run.input_given) {
        if (const ModelInfo* m = find_model(state.model)) {
            input_for_model(previous_model, *m, state.input_h, state.input_w);
        }
    }
    if (const Convention* named = find_convention(state.convention); !named || named->counting != state.counting)
        state.convention = "custom";
    if (scenario_touched) state.scenario_enabled = true;
    if (preset_given) {  // a preset changed afterwards (also by --precision) is "custom"
        const ScenarioPreset* p = find_preset(state.scenario.name);
        if (!p || !(p->scenario == state.scenario)) state.scenario.name = "custom";
    } else if (scenario_touched) {
        state.scenario.name = "custom";
    }
    if (run.action == Args::Action::ListModels && run.format == "latex")
        return fail("--format latex: the tables of one network's results (not --list-models: md, csv or json)");
    // A chart is an SVG document; the results' formats are tables.
    if (run.chart && run.format == "table") run.format = "svg";
    if (run.chart && run.format != "svg") return fail("--chart writes SVG: use --format svg (not " + run.format + ")");
    if (!run.chart && run.format == "svg") return fail("--format svg needs --chart NAME (" + chart_names() + ")");
    return run;
}

} // namespace flopscope::cli
