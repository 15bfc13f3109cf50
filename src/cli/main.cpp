// flopscope — the command-line calculator, on the core only (same numbers as the page).
//
//   flopscope [--model NAME] [--input N|HxW] [--scenario PRESET] [--format table|json|csv|md|latex] [options]
//   flopscope --link 'URL-or-fragment' [--format json]
//   flopscope [options] --chart cost|fraction|rate|payoff|layers [--format svg] > fig.svg
//   flopscope --list-models [--format md|csv|json] [--input N|HxW] [--convention NAME]
//
// The options and their parsing are in args.cpp (from the state-field registry); this file prints.
// Unknown options, bad values and unknown models: a one-line error on stderr, exit status 2.
#include "cli/args.h"
#include "cli/file_source.h"
#include "core/onnx/import.h"
#include "core/charts.h"
#include "core/conventions.h"
#include "core/report.h"
#include "core/state.h"
#include "core/zoo.h"
#include "core/zoo_table.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

using namespace flopscope;

namespace {

[[noreturn]] void fail(const std::string& message) {
    std::fprintf(stderr, "flopscope: %s\n", message.c_str());
    std::exit(2);
}

void list_models() {
    std::size_t width = 0;
    for (const ModelInfo& m : model_zoo()) width = std::max(width, std::string(m.name).size());
    std::string family;
    for (const ModelInfo& m : model_zoo()) {
        if (family != m.family) {
            family = m.family;
            std::printf("%s%s\n", family == model_zoo().front().family ? "" : "\n", family.c_str());
        }
        std::printf("  %-*s  %s\n", static_cast<int>(width), m.name, m.description);
    }
}

// --list-models --format md|csv|json: every model's costs, at its default crop unless --input is given.
void list_model_costs(const cli::Args& args) {
    const State& s = args.state;
    const ZooTable table = args.input_given ? zoo_table(s.input_h, s.input_w, s.counting)
                                            : zoo_table(kDefaultCrop, kDefaultCrop, s.counting);
    if (args.format == "json") std::printf("%s\n", zoo_json(s, table).c_str());
    else if (args.format == "csv") std::fputs(zoo_csv(table).c_str(), stdout);
    else std::fputs(zoo_markdown(s, table).c_str(), stdout);
}

void list_conventions() {
    for (const Convention& c : conventions())
        std::printf("%s — %s (prints %s as \"%s\")\n  %s\n  Source: %s\n\n", c.name, c.tool,
                    headline_unit(c.headline), c.unit, c.rule, c.source);
}

// --chart: the chart as the page draws it (the light theme, the UI font's metrics), as SVG.
int write_chart(const cli::Args& args, const State& state, const Results& results) {
    const ChartKind kind = *args.chart;
    const Chart c = build_chart(kind, state, results, print_chart_style(), static_cast<float>(args.chart_width),
                                static_cast<float>(args.chart_height));
    if (c.figure.items.empty())
        fail(std::string("--chart ") + chart_name(kind) + ": " + (c.empty.empty() ? "the chart does not fit --chart-size" : c.empty));
    std::fputs(figure_svg(c.figure, chart_file_title(kind, state)).c_str(), stdout);
    return 0;
}

//-----------------------------------------------------------------------------
// ONNX files
//-----------------------------------------------------------------------------

onnx::Import import_file(const cli::Args& args, const std::string& path) {
    onnx::AnalyseOptions options;
    for (const auto& [name, value] : args.symbols) options.symbols.push_back({name, value});
    options.default_symbol = args.batch;
    if (args.input_given) {
        options.height = args.state.input_h;
        options.width = args.state.input_w;
    }
    cli::FileSource source(path);
    if (!source.is_open()) {
        onnx::Import im;
        im.read_error = {onnx::ReadErrorCode::IoError, "cannot open \"" + path + "\" as a file", 0};
        return im;
    }
    return onnx::import_onnx(source, options, args.state);
}

// One file: the results as for a built-in network, plus the import's own object.
int run_onnx_file(const cli::Args& args, const std::string& path) {
    const onnx::Import im = import_file(args, path);
    if (!im.error().empty()) {
        std::fprintf(stderr, "flopscope: %s: %s (%s)\n", path.c_str(), im.error().c_str(), im.error_code());
        return 1;
    }
    Results results;
    if (im.mapped) {
        results = compute(im.state);
        if (!results.ok()) fail(path + ": " + results.error);
    }
    if (args.chart) {
        if (!im.mapped) fail(path + ": no chart: the file did not map onto layers");
        return write_chart(args, im.state, results);
    }
    if (args.format == "json") {
        const std::string onnx = "\"onnx\": " + onnx::import_json(im, path);
        if (!im.mapped) { std::printf("{%s}\n", onnx.c_str()); return 0; }
        std::string all = results_json(im.state, results);
        all.insert(all.rfind('}'), ", " + onnx);
        std::printf("%s\n", all.c_str());
        return 0;
    }
    if (im.mapped) {
        if (args.format == "csv") std::fputs(results_csv(im.state, results).c_str(), stdout);
        else if (args.format == "md") std::fputs(results_markdown(im.state, results).c_str(), stdout);
        else if (args.format == "latex") std::fputs(results_latex(im.state, results).c_str(), stdout);
        else std::fputs(results_table(im.state, results).c_str(), stdout);
    }
    // What the layer table cannot say: notes, ops the reader does not know, why it did not map (not in a
    // CSV or LaTeX document, which must stay one).
    if (args.format == "csv" || args.format == "latex") return 0;
    const auto row = onnx::summary_row(im, path);
    const auto& cols = onnx::summary_columns();
    for (std::size_t i = 1; i < cols.size(); ++i)
        if (!row[i].empty()) std::printf("%s%s: %s\n", args.format == "md" ? "- " : "", cols[i].c_str(), row[i].c_str());
    return 0;
}

std::string csv_cell(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string o = "\"";
    for (const char c : s) o += c == '"' ? std::string("\"\"") : std::string(1, c);
    return o + "\"";
}

// Several files (or folders): one summary row each; a bad file is a row, and the rest go on.
int run_onnx_summary(const cli::Args& args, const std::vector<std::string>& files) {
    const auto& cols = onnx::summary_columns();
    std::string out = args.format == "json" ? "[" : "";
    auto line = [&](const std::vector<std::string>& cells) {
        if (args.format == "csv") {
            for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_cell(cells[i]);
            out += "\n";
        } else {
            for (const std::string& c : cells) {
                std::string cell = c;
                for (std::size_t p = 0; (p = cell.find('|', p)) != std::string::npos; p += 2) cell.replace(p, 1, "\\|");
                out += "| " + cell + " ";
            }
            out += "|\n";
        }
    };
    if (args.format != "json") {
        line(cols);
        if (args.format != "csv") line(std::vector<std::string>(cols.size(), "---"));
    }
    int bad = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const onnx::Import im = import_file(args, files[i]);
        bad += !im.error().empty();
        if (args.format == "json") out += std::string(i ? ",\n " : "") + onnx::import_json(im, files[i]);
        else line(onnx::summary_row(im, files[i]));
    }
    if (args.format == "json") out += "]\n";
    std::fputs(out.c_str(), stdout);
    return bad == static_cast<int>(files.size()) ? 1 : 0;
}

// The paths, with each folder replaced by its *.onnx files in name order.
std::vector<std::string> expand_paths(const std::vector<std::string>& paths, bool& any_folder) {
    namespace fs = std::filesystem;
    std::vector<std::string> files;
    for (const std::string& p : paths) {
        std::error_code ec;
        if (!fs::is_directory(p, ec)) { files.push_back(p); continue; }
        any_folder = true;
        std::vector<std::string> found;
        for (const auto& e : fs::directory_iterator(p, ec))
            if (e.path().extension() == ".onnx") found.push_back(e.path().string());
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

} // namespace

int main(int argc, char** argv) {
    const cli::Args args = cli::parse_args(std::vector<std::string>(argv + 1, argv + argc));
    if (!args.ok()) fail(args.error);
    switch (args.action) {
    case cli::Args::Action::Help: std::fputs(cli::usage().c_str(), stdout); return 0;
    case cli::Args::Action::ListModels:
        if (args.format == "table") list_models();
        else list_model_costs(args);
        return 0;
    case cli::Args::Action::ListConventions: list_conventions(); return 0;
    case cli::Args::Action::ListDevices: std::fputs(devices_listing(args.format).c_str(), stdout); return 0;
    case cli::Args::Action::Run: break;
    }
    if (!args.onnx_paths.empty()) {
        bool any_folder = false;
        const std::vector<std::string> files = expand_paths(args.onnx_paths, any_folder);
        if (files.empty()) fail("--onnx: no .onnx files in " + args.onnx_paths.front());
        if (files.size() == 1 && !any_folder) return run_onnx_file(args, files.front());
        if (args.chart) fail("--chart: one --onnx file at a time");
        if (args.format == "latex") fail("--format latex: one --onnx file at a time");
        return run_onnx_summary(args, files);
    }
    const State& state = args.state;
    const Results results = compute(state);
    if (!results.ok()) fail(results.error);
    if (args.chart) return write_chart(args, state, results);
    if (args.format == "json") std::printf("%s\n", results_json(state, results).c_str());
    else if (args.format == "csv") std::fputs(results_csv(state, results).c_str(), stdout);
    else if (args.format == "md") std::fputs(results_markdown(state, results).c_str(), stdout);
    else if (args.format == "latex") std::fputs(results_latex(state, results).c_str(), stdout);
    else std::fputs(results_table(state, results).c_str(), stdout);
    return 0;
}
