// Flopscope core — textual outputs: numbers, sentences, JSON, table, CSV, Markdown.
//
// [SECTION] Numbers
// [SECTION] Sentences
// [SECTION] JSON
// [SECTION] Table, CSV, Markdown
#include "core/report.h"

#include "core/conventions.h"
#include "core/format.h"
#include "core/layer_table.h"
#include "core/link.h"
#include "core/state_fields.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace flopscope {

//-----------------------------------------------------------------------------
// [SECTION] Numbers
//-----------------------------------------------------------------------------

namespace {

std::string percent_of(double part, double whole) { return whole > 0 ? format_percent(part / whole * 100.0) : "n/a"; }

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Sentences
//-----------------------------------------------------------------------------

std::string savings_sentence(const ScenarioResult& r) {
    if (!r.ok()) return r.error;
    if (r.baseline_flops <= 0) return "The network has no counted FLOPs, so there is nothing to save.";
    const double percent = r.percent_saved;
    if (r.saved_flops > 0) return "Caching saves " + format_percent(percent) + " of the FLOPs.";
    if (r.saved_flops < 0) return "Caching costs " + format_percent(-percent) + " more than not caching.";
    return "Caching breaks even: it costs exactly as much as not caching.";
}

std::string break_even_sentence(const Scenario& s, const ScenarioResult& r) {
    if (!r.ok()) return r.error;
    auto pct = [](double x) { return format_fraction_percent(x, 1); };  // 50 %, 12.5 %, 250 %
    const ModeInfo& mode = mode_info(s.mode);
    const std::string rate_name = mode.rate_name;
    switch (s.mode) {
    case ScenarioMode::PartialReuse: {
        if (s.truncation_efficiency <= 0)
            return "Never pays off: with truncation efficiency 0 every cached channel is still computed, so the "
                   "student and the lookup are pure overhead.";
        const double need = r.student_flops + r.lookup_flops;
        std::string out;
        if (r.break_even_cached_fraction && *r.break_even_cached_fraction >= 1.0)  // a tile step at f = 1
            out = "Pays off only when every output channel is cached at a " + pct(s.hit_rate) + " " + rate_name;
        else if (r.break_even_cached_fraction)
            out = std::string("Pays off only when ") + (r.break_even_cached_fraction_is_step ? "at least " : "more than ") +
                  pct(*r.break_even_cached_fraction) +
                  " of output channels are cached at a " + pct(s.hit_rate) + " " + rate_name;
        else
            out = "Never pays off at a " + pct(s.hit_rate) + " " + rate_name + ": even caching every output channel "
                  "saves no more than the student and the lookup cost (" +
                  pct(r.touched_flops > 0 ? need / r.touched_flops : 0.0) + " of the eligible layers' FLOPs)";
        const double f = r.mean_effective_fraction;
        const double skipped = f * r.touched_flops;
        if (r.break_even_rate)
            out += "; with " + pct(f) + " cached it needs a " + rate_name + " above " + pct(*r.break_even_rate) + ".";
        else if (f > 0)
            out += "; with " + pct(f) + " cached no " + rate_name + " is enough (it would take " +
                   pct(need / (s.truncation_efficiency * skipped)) + ").";
        else
            out += "; with nothing cached there is nothing to save.";
        return out;
    }
    case ScenarioMode::Cascade:
        if (r.break_even_rate)
            return "Pays off only when the student answers more than " + pct(*r.break_even_rate) + " of the inputs alone.";
        return "Never pays off: the student and the lookup cost at least as much as the whole network.";
    case ScenarioMode::ResultCache:
        if (r.break_even_rate)
            return "Pays off only when more than " + pct(*r.break_even_rate) + " of the inputs hit the cache.";
        return "Never pays off: the lookup costs at least as much as the whole network.";
    case ScenarioMode::Count_: break;
    }
    return {};
}

//-----------------------------------------------------------------------------
// [SECTION] JSON
//-----------------------------------------------------------------------------

std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (unsigned char ch : s) {
        switch (ch) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '<': out += "\\u003c"; break;  // never lets "</script>" through when embedded in a page
        case '>': out += "\\u003e"; break;
        case '&': out += "\\u0026"; break;
        default:
            if (ch < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", ch);
                out += buf;
            } else {
                out += static_cast<char>(ch);
            }
        }
    }
    return out + "\"";
}

std::string json_bool(bool b) { return b ? "true" : "false"; }

namespace {

std::string json_count(Count c) { return count_or_null(c); }
std::string json_number(double v) { return format_double(v); }
std::string json_optional(const std::optional<double>& v) { return v ? format_double(*v) : "null"; }
std::string json_shape(const Shape& s) {
    return "[" + std::to_string(s.c) + ", " + std::to_string(s.h) + ", " + std::to_string(s.w) + "]";
}

const std::uint64_t kActivationBytes = static_cast<std::uint64_t>(bytes_per_element(kActivationPrecision));

// The named convention the state counts by, or nullptr for a custom mix of switches.
const Convention* active_convention(const State& state) {
    const Convention* c = find_convention(state.convention);
    return c && c->counting == state.counting ? c : nullptr;
}

// The number the convention's own tool prints (MACs for torchvision, ptflops, thop...; FLOPs for calflops).
std::string headline_json(const State& state, const Totals& t) {
    const Convention* named = active_convention(state);
    if (!named) return "{\"unit\": \"MACs\", \"value\": " + json_count(t.macs) + "}";
    return "{\"unit\": " + json_string(headline_unit(named->headline)) + ", \"tool_unit\": " + json_string(named->unit) +
           ", \"value\": " + json_count(headline_value(t, *named)) + "}";
}

std::string scenario_json(const State& state, const ScenarioResult& r) {
    const Scenario& s = state.scenario;
    const ScenarioPreset* preset = matching_preset(s);
    std::string o = "{\"name\": " + json_string(preset ? preset->name : "custom");
    if (preset) o += ", \"label\": " + json_string(preset->label);
    o += ", \"mode\": " + json_string(mode_name(s.mode));
    if (!r.ok()) return o + ", \"error\": " + json_string(r.error) + "}";
    o += ", \"baseline_flops\": " + json_number(r.baseline_flops);
    o += ", \"total_flops\": " + json_number(r.total_flops);
    o += ", \"saved_flops\": " + json_number(r.saved_flops);
    o += ", \"percent_of_baseline\": " + json_number(r.percent_of_baseline);
    o += ", \"break_even_cached_fraction\": " + json_optional(r.break_even_cached_fraction);
    o += ", \"break_even_rate\": " + json_optional(r.break_even_rate);
    o += ", \"break_even_student_fraction\": " + json_optional(r.break_even_student_fraction);
    o += ", \"cache_bytes_per_entry\": " + json_number(r.partial_cache_bytes_per_entry);
    o += ", \"computed_flops\": " + json_number(r.computed_flops);
    o += ", \"student_flops\": " + json_number(r.student_flops);
    o += ", \"lookup_flops\": " + json_number(r.lookup_flops);
    o += ", \"touched_flops\": " + json_number(r.touched_flops);
    o += ", \"student_fraction\": " + json_number(r.student_fraction) +
         ", \"lookup_fraction\": " + json_number(r.lookup_fraction);
    o += ", \"mean_cached_fraction\": " + json_number(r.mean_nominal_fraction);
    o += ", \"effective_cached_fraction\": " + json_number(r.mean_effective_fraction);
    o += ", \"cache_elements_per_entry\": " + json_number(r.partial_cache_elements_per_entry);
    o += ", \"cut_point_elements_per_entry\": " + std::to_string(r.cut_point_elements_per_entry);
    o += ", \"cut_point_bytes_per_entry\": " + json_number(r.cut_point_bytes_per_entry);
    o += ", \"cache_bytes_total\": " + json_number(r.partial_cache_bytes_total);
    o += ", \"cut_point_bytes_total\": " + json_number(r.cut_point_bytes_total);
    o += ", \"lookup_bytes_read\": " + json_number(r.lookup_bytes_read);
    o += ", \"parameters\": {\"cached_fraction\": " + json_number(s.cached_fraction) +
         ", \"hit_rate\": " + json_number(s.hit_rate) +
         ", \"truncation_efficiency\": " + json_number(s.truncation_efficiency) +
         ", \"channel_granularity\": " + std::to_string(s.channel_granularity) +
         ", \"accept_rate\": " + json_number(s.accept_rate) + ", \"student\": " + student_json(s) +
         ", \"lookup_flops\": " + json_number(r.lookup_flops) + ", \"cache_entries\": " + std::to_string(s.cache_entries) +
         ", \"precision\": " + json_string(precision_name(s.precision)) +
         ", \"eligible_first\": " + std::to_string(s.eligible_first) +
         ", \"eligible_last\": " + std::to_string(s.eligible_last) + "}";
    if (!r.full_network.empty())
        o += ", \"full_network\": {\"model\": " + json_string(r.full_network) +
             ", \"flops\": " + json_number(r.full_network_flops) +
             ", \"percent_of_full_network\": " + json_number(r.percent_of_full_network) + "}";
    return o + "}";
}

} // namespace

namespace {

// `, "time_s": …, "energy_j": …, "bytes": …, "bound": …` for a layer or the totals (with a device).
std::string time_members(double time_s, double energy_j, double bytes, Bound bound) {
    JsonObject o;
    o.add("time_s", format_double(time_s));
    o.add("energy_j", format_double(energy_j));
    o.add("bytes", format_double(bytes));
    o.add("bound", json_string(bound_name(bound)));
    return ", " + o.body();
}

// An object from roofline.cpp's JSON ("{…}") with `members` (", \"name\": value…") added at its end.
std::string with_members(const std::string& object, const std::string& members) {
    return object.substr(0, object.size() - 1) + members + "}";
}

// The top-level "device": its name and label, then the roofline (roofline_json), or the error.
std::string device_json(const State& state, const Results& res) {
    const RooflineResult& r = res.roofline;
    const Device* d = chosen_device(state);
    std::string o = "{\"name\": " + json_string(state.device.name) +
                    ", \"label\": " + json_string(d ? d->label : std::string()) +
                    ", \"mode\": " + json_string(d ? d->mode : std::string());
    if (d) o += ", \"channel_granularity\": " + std::to_string(d->peak(state.scenario.precision).channel_granularity);
    if (!r.ok()) return o + ", \"error\": " + json_string(r.error) + "}";
    return o + ", " + roofline_json(r).substr(1);
}

} // namespace

std::string results_json(const State& state, const Results& res) {
    const Network& net = res.network;
    const bool timed = res.has_device && res.roofline.ok() && res.roofline.layers.size() == res.evaluation.layers.size();
    std::string o = "{\"model\": " + json_string(state.model);
    o += ", \"input\": " + json_shape(net.input.c ? net.input : Shape{state.input_c, state.input_h, state.input_w});
    o += ", \"convention\": " + counting_json(state);
    if (!res.evaluation.ok() || (res.evaluation.layers.empty() && !res.error.empty())) {
        o += ", \"error\": " + json_string(res.error);
        return o + ", \"link\": " + json_string(encode_link(state)) + "}";
    }
    o += ", \"layers\": [";
    for (std::size_t i = 0; i < res.evaluation.layers.size(); ++i) {
        const Layer& l = net.layers[i];
        const LayerCost& c = res.evaluation.layers[i];
        if (i) o += ", ";
        o += "{\"name\": " + json_string(l.name) + ", \"kind\": " + json_string(kind_name(l.kind)) +
             ", \"out\": " + json_shape(c.out) + ", \"macs\": " + json_count(counted_macs(c, state.counting)) +
             ", \"flops\": " + json_count(counted_flops(c, state.counting)) + ", \"params\": " + json_count(c.params) +
             ", \"activation_elements\": " + json_count(c.output_elements) +
             ", \"activation_bytes\": " + json_count(c.output_elements * Count(kActivationBytes)) +
             ", \"traffic_bytes\": " + json_count(layer_traffic_bytes(c, Count(kActivationBytes)));
        if (timed) {
            const LayerRoofline& lr = res.roofline.layers[i];
            o += time_members(lr.time_s, lr.energy_j, lr.bytes, lr.bound);
        }
        o += "}";
    }
    const Totals& t = res.evaluation.totals;
    o += "], \"totals\": {\"macs\": " + json_count(t.macs) + ", \"flops\": " + json_count(t.flops) +
         ", \"params\": " + json_count(t.params) +
         ", \"activation_bytes\": " + json_count(t.activation_elements * Count(kActivationBytes)) +
         ", \"activation_elements\": " + json_count(t.activation_elements) +
         ", \"dense_macs\": " + json_count(t.dense_macs) + ", \"bytes_per_element\": " + std::to_string(kActivationBytes) +
         ", \"headline\": " + headline_json(state, t);
    if (timed) {
        const RooflineTotals& rt = res.roofline.totals;
        o += time_members(rt.time_s, rt.energy_j, rt.bytes, rt.bound) +
             ", \"inferences_per_s\": " + format_double(rt.inferences_per_s);
    }
    o += "}";
    if (state.scenario_enabled) {
        std::string scenario = scenario_json(state, res.scenario);
        if (res.has_device && scenario.size() > 1 && scenario.back() == '}') {
            const CachingTime& ct = res.caching_time;
            const std::string time = ct.ok() ? with_members(caching_time_json(ct), ", \"warning\": " + json_string(ct.time_warning))
                                             : "{\"error\": " + json_string(ct.error) + "}";
            scenario = with_members(scenario, ", \"time\": " + time);
        }
        o += ", \"scenario\": " + scenario;
    }
    if (res.has_device) o += ", \"device\": " + device_json(state, res);
    if (!res.error.empty()) o += ", \"error\": " + json_string(res.error);
    o += ", \"link\": " + json_string(encode_link(state));
    return o + "}";
}

std::string results_json(const State& state) { return results_json(state, compute(state)); }

// The convention and its rules: the name, then every Counting field's members (state_fields.h).
std::string counting_json(const State& state) {
    const Convention* named = active_convention(state);
    JsonObject o;
    o.add("name", json_string(named ? named->name : "custom"));
    o.add("description", json_string(describe(state.counting)));
    if (named) o.add("rule", json_string(named->rule));
    for (const StateField& f : state_fields())
        if (f.group == FieldGroup::Counting && f.json) f.json(state, o);
    return o.text();
}

std::string student_json(const Scenario& s) {
    switch (s.student_kind) {
    case StudentKind::Fraction: return "{\"fraction\": " + json_number(s.student_fraction) + "}";
    case StudentKind::Flops: return "{\"flops\": " + json_number(s.student_flops) + "}";
    case StudentKind::Model: return "{\"model\": " + json_string(s.student_model) + "}";
    case StudentKind::Count_: break;
    }
    return "null";
}

// Every state field's members (state_fields.h): the model's and the convention at the top level, then
// the "scenario", "device" and "view" objects, then the link.
std::string state_json(const State& state) {
    JsonObject top, scenario, device, view;
    for (const StateField& f : state_fields()) {
        if (!f.json) continue;
        switch (f.group) {
        case FieldGroup::Model: f.json(state, top); break;
        case FieldGroup::Counting: break;  // in "convention" (counting_json)
        case FieldGroup::Scenario: f.json(state, scenario); break;
        case FieldGroup::Device: f.json(state, device); break;
        case FieldGroup::View: f.json(state, view); break;
        }
    }
    top.add("scenario", scenario.text());
    top.add("device", device.text());
    top.add("view", view.text());
    top.add("link", json_string(encode_link(state)));
    return top.text();
}

//-----------------------------------------------------------------------------
// [SECTION] Table, CSV, Markdown
//-----------------------------------------------------------------------------

namespace {

// Display width of UTF-8 text (counts code points, so "×" is one column).
std::size_t columns(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
    return n;
}

std::string pad(const std::string& s, std::size_t width, bool right) {
    const std::size_t w = columns(s);
    if (w >= width) return s;
    return right ? std::string(width - w, ' ') + s : s + std::string(width - w, ' ');
}

// A row of the layer table as the CLI's table, Markdown and LaTeX write it (layer_table.h); the totals
// row leaves blank the columns without a total.
std::vector<std::string> report_cells(const std::vector<LayerColumn>& cols, const LayerRow& row, bool exact) {
    std::vector<std::string> cells;
    for (LayerColumn c : cols) {
        const LayerColumnInfo& info = layer_column(c);
        cells.push_back(row.index >= 0 || info.has_total ? info.report(row, exact) : std::string());
    }
    return cells;
}

std::string flops_text(double v) { return format_scaled(v) + "FLOPs"; }

// The scenario block shared by the table and Markdown outputs (plain lines).
// With a device: the time, energy and rate per inference, then the scenario's time and its warning.
std::vector<std::string> device_lines(const State& state, const Results& res) {
    std::vector<std::string> lines;
    if (!res.has_device) return lines;
    const RooflineResult& r = res.roofline;
    if (!r.ok()) return {"Device: " + r.error + "."};
    const RooflineTotals& t = r.totals;
    char ms[64], rate[64];
    std::snprintf(ms, sizeof ms, "%.4f ms", t.time_s * 1e3);
    std::snprintf(rate, sizeof rate, "%.0f", t.inferences_per_s);
    lines.push_back("Device: " + r.device_label + ", " + precision_label(r.precision) + ": " + ms + " (" +
                    format_seconds(t.time_s) + "), " + format_joules(t.energy_j) + " per inference, " + rate +
                    " inferences/s; " + bound_name(t.bound) + "-bound.");
    const Device* d = chosen_device(state);
    if (d) lines.push_back("Its channel granularity at " + std::string(precision_label(r.precision)) + " is " +
                           std::to_string(d->peak(r.precision).channel_granularity) + " (the scenario's g is " +
                           std::to_string(state.scenario.channel_granularity) + ").");
    if (state.scenario_enabled) {
        const CachingTime& c = res.caching_time;
        if (!c.ok()) lines.push_back("Caching in time: " + c.error + ".");
        else {
            std::snprintf(ms, sizeof ms, "%.4f ms", c.total_time_s * 1e3);
            lines.push_back("With caching: " + std::string(ms) + ", " + format_joules(c.total_energy_j) +
                            " per inference (" + (c.saved_time_s >= 0 ? "saves " + format_seconds(c.saved_time_s)
                                                                       : "costs " + format_seconds(-c.saved_time_s) + " more") +
                            ").");
            if (!c.time_warning.empty()) lines.push_back(c.time_warning);
        }
    }
    return lines;
}

std::vector<std::string> scenario_lines(const State& state, const Results& res) {
    std::vector<std::string> lines;
    const ScenarioResult& r = res.scenario;
    const Scenario& s = state.scenario;
    const ScenarioPreset* preset = matching_preset(s);
    lines.push_back("Scenario: " + std::string(preset ? preset->name : "custom") + (preset ? std::string(" — ") + preset->label : std::string()) + " (" +
                    mode_name(s.mode) + ")");
    if (!r.ok()) {
        lines.push_back("Error: " + r.error);
        return lines;
    }
    const double B = r.baseline_flops;
    lines.push_back("Total FLOPs before caching: " + flops_text(B));
    lines.push_back("FLOPs still computed:       " + flops_text(r.computed_flops) + " (" + percent_of(r.computed_flops, B) + ")");
    if (mode_info(s.mode).caches_channels)
        lines.push_back("FLOPs served from cache:    " + flops_text(B - r.computed_flops) + " (" + percent_of(B - r.computed_flops, B) + ")");
    lines.push_back("Student model:              " + flops_text(r.student_flops) + " (" + percent_of(r.student_flops, B) + ")");
    lines.push_back("Lookup:                     " + flops_text(r.lookup_flops) + " (" + percent_of(r.lookup_flops, B) + ")");
    lines.push_back("Total FLOPs after caching:  " + flops_text(r.total_flops) + ", " + format_percent(r.percent_of_baseline) +
                    " of the baseline");
    lines.push_back("FLOPs saved:                " + flops_text(r.saved_flops) + " (" + percent_of(r.saved_flops, B) + ")");
    lines.push_back(savings_sentence(r));
    lines.push_back(break_even_sentence(s, r));
    if (mode_info(s.mode).caches_channels) {
        lines.push_back("Cache memory per entry (" + std::string(precision_name(s.precision)) + "): per-layer " +
                        format_bytes(r.partial_cache_bytes_per_entry) + ", cut point " + format_bytes(r.cut_point_bytes_per_entry));
        if (s.cache_entries > 1)
            lines.push_back("Cache memory for " + with_commas(count_of(s.cache_entries)) + " entries: per-layer " +
                            format_bytes(r.partial_cache_bytes_total) + ", cut point " + format_bytes(r.cut_point_bytes_total));
    }
    if (!r.full_network.empty())
        lines.push_back("This network is " + percent_of(B, r.full_network_flops) + " of " + r.full_network + " (" +
                        flops_text(r.full_network_flops) + "); with the rest of " + r.full_network +
                        " still running, caching costs " + format_percent(r.percent_of_full_network) + " of it.");
    return lines;
}

} // namespace

std::string csv_field(const std::string& s) {
    // Quote when needed; prefix formula-looking text so spreadsheets don't execute it.
    std::string v = s;
    if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) v = "'" + v;
    if (v.find_first_of(",\"\n\r") == std::string::npos) return v;
    std::string out = "\"";
    for (char ch : v) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

std::string md_escape(const std::string& s) {
    std::string out;
    for (char ch : s) {
        if (ch == '|' || ch == '\\' || ch == '*' || ch == '_' || ch == '`' || ch == '<' || ch == '>' || ch == '[' || ch == ']')
            out += '\\';
        out += ch;
    }
    return out;
}

std::string results_table(const State& state, const Results& res) {
    std::string out = "Flopscope — " + state.model + " (input " + shape_text(res.network.input) + ")\n";
    out += "Counting: " + describe(state.counting) + "\n";
    if (!res.evaluation.ok()) return out + "Error: " + res.error + "\n";
    out += "\n";
    const std::vector<LayerColumn> cols = layer_columns_of(LayerTableOutput::Text, state, res);
    std::vector<std::string> header;
    for (LayerColumn c : cols) header.push_back(layer_column(c).report_title);
    std::vector<std::vector<std::string>> rows;
    for (const LayerRow& row : layer_rows(res, state)) rows.push_back(report_cells(cols, row, state.view.exact));
    rows.push_back(report_cells(cols, layer_totals_row(res), state.view.exact));
    std::vector<std::size_t> width(header.size());
    for (std::size_t k = 0; k < header.size(); ++k) width[k] = columns(header[k]);
    for (const auto& row : rows)
        for (std::size_t k = 0; k < row.size(); ++k) width[k] = std::max(width[k], columns(row[k]));
    auto line = [&](const std::vector<std::string>& row) {
        std::string l;
        for (std::size_t k = 0; k < row.size(); ++k) l += (k ? "  " : "") + pad(row[k], width[k], layer_column(cols[k]).right);
        while (!l.empty() && l.back() == ' ') l.pop_back();
        return l + "\n";
    };
    out += line(header);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (i + 1 == rows.size()) {
            std::size_t total_width = 0;
            for (std::size_t w : width) total_width += w + 2;
            out += std::string(total_width - 2, '-') + "\n";
        }
        out += line(rows[i]);
    }
    const Totals& t = res.evaluation.totals;
    out += "Activations are output elements (" + format_bytes(activation_bytes(t.activation_elements.value)) +
           " at FP32).\n";
    if (state.scenario_enabled) {
        out += "\n";
        for (const std::string& l : scenario_lines(state, res)) out += l + "\n";
    }
    if (res.has_device) {
        out += "\n";
        for (const std::string& l : device_lines(state, res)) out += l + "\n";
    }
    if (!res.error.empty() && res.evaluation.ok() && res.scenario.ok()) out += "Error: " + res.error + "\n";
    return out;
}

std::string results_csv(const State& state, const Results& res) {
    const std::vector<LayerColumn> cols = layer_columns_of(LayerTableOutput::Csv, state, res);
    std::string out;
    for (LayerColumn c : cols) out += (out.empty() ? "" : ",") + std::string(layer_column(c).csv_title);
    out += "\n";
    for (const LayerRow& row : layer_rows(res, state)) {
        for (std::size_t k = 0; k < cols.size(); ++k) out += (k ? "," : "") + layer_column(cols[k]).csv(row, false);
        out += "\n";
    }
    // The totals: blank fields where a column has no total, and nothing after the last one that has.
    const LayerRow total = layer_totals_row(res);
    std::string blanks;  // written only when a total follows them
    for (std::size_t k = 0; k < cols.size(); ++k) {
        const LayerColumnInfo& c = layer_column(cols[k]);
        const std::string comma = k ? "," : "";
        if (c.has_total) {
            out += blanks + comma + c.csv(total, false);
            blanks.clear();
        } else {
            const auto fields = std::count(c.csv_title, c.csv_title + std::strlen(c.csv_title), ',') + 1;
            blanks += comma + std::string(static_cast<std::size_t>(fields - 1), ',');
        }
    }
    return out + "\n";
}

std::string devices_listing(const std::string& format) {
    const std::vector<std::string> header = {"name", "label", "mode", "fp32_flops", "fp16_flops", "int8_ops",
                                             "dram_bytes_per_s", "onchip_bytes", "power_w"};
    auto figure = [](const DeviceFigure& f) { return format_double(f.value); };
    std::vector<std::vector<std::string>> rows;
    for (const Device& d : device_presets())
        rows.push_back({d.name, d.label, d.mode, figure(d.peak(Precision::FP32).dense), figure(d.peak(Precision::FP16).dense),
                        figure(d.peak(Precision::INT8).dense), figure(d.dram_bandwidth), figure(d.onchip_buffer),
                        figure(d.power)});
    std::string out;
    if (format == "json") {
        out = "[";
        for (std::size_t i = 0; i < rows.size(); ++i) {
            out += i ? ", {" : "{";
            for (std::size_t k = 0; k < header.size(); ++k)
                out += (k ? ", " : "") + json_string(header[k]) + ": " + (k < 3 ? json_string(rows[i][k]) : rows[i][k]);
            out += "}";
        }
        return out + "]\n";
    }
    if (format == "csv") {
        for (std::size_t k = 0; k < header.size(); ++k) out += (k ? "," : "") + header[k];
        out += "\n";
        for (const auto& row : rows) {
            for (std::size_t k = 0; k < row.size(); ++k) out += (k ? "," : "") + csv_field(row[k]);
            out += "\n";
        }
        return out;
    }
    if (format == "md") {
        out = "| device | label | mode | FP32 | FP16 | INT8 | DRAM | on-chip | power |\n|---|---|---|---:|---:|---:|---:|---:|---:|\n";
        for (const Device& d : device_presets()) {
            auto scaled = [](const DeviceFigure& f, const char* unit) {
                return f.value > 0 ? format_scaled(f.value, 1) + unit + (f.weak ? "*" : "") : std::string("-");
            };
            out += "| " + d.name + " | " + md_escape(d.label) + " | " + md_escape(d.mode) + " | " +
                   scaled(d.peak(Precision::FP32).dense, "FLOP/s") + " | " + scaled(d.peak(Precision::FP16).dense, "FLOP/s") +
                   " | " + scaled(d.peak(Precision::INT8).dense, "op/s") + " | " + scaled(d.dram_bandwidth, "B/s") + " | " +
                   scaled(d.onchip_buffer, "B") + " | " + scaled(d.power, "W") + " |\n";
        }
        return out + "\n\\* a weak source: derived, third-party or unverified\n";
    }
    auto scaled = [](const DeviceFigure& f, const char* unit) {
        return f.value > 0 ? format_scaled(f.value, 1) + unit + (f.weak ? "*" : "") : std::string("-");
    };
    for (const Device& d : device_presets())
        out += pad(d.name, 14, false) + "  " + d.label + " (" + d.mode + ")\n" + std::string(16, ' ') + "FP32 " +
               scaled(d.peak(Precision::FP32).dense, "FLOP/s") + ", FP16 " + scaled(d.peak(Precision::FP16).dense, "FLOP/s") +
               ", INT8 " + scaled(d.peak(Precision::INT8).dense, "op/s") + ", DRAM " + scaled(d.dram_bandwidth, "B/s") +
               ", on-chip " + scaled(d.onchip_buffer, "B") + ", " + scaled(d.power, "W") + "\n";
    return out + "(* a weak source: derived, third-party or unverified)\n";
}

std::string conventions_markdown(const Network& net) {
    std::string out = "#### The same network under each counter's convention\n\n";
    out += "| convention | prints | value | difference from torchvision |\n|---|---|---:|---|\n";
    for (const ConventionTotals& row : compare_conventions(net)) {
        if (!row.error.empty()) continue;
        out += std::string("| ") + row.convention->name + " | " + headline_unit(row.convention->headline) + " (\"" +
               md_escape(row.convention->unit) + "\") | " + with_commas(row.value) + " | " +
               md_escape(explain_difference(row)) + " |\n";
    }
    return out;
}

std::string results_markdown(const State& state, const Results& res) {
    std::string out = "### Flopscope: " + md_escape(state.model) + " (input " + shape_text(res.network.input) + ")\n\n";
    out += "Counting: " + md_escape(describe(state.counting)) + ".\n\n";
    if (!res.evaluation.ok()) return out + "Error: " + md_escape(res.error) + "\n";
    const std::vector<LayerColumn> cols = layer_columns_of(LayerTableOutput::Document, state, res);
    // "| a | b |": an empty cell is "| |"; the totals row in bold.
    auto md_row = [&](const std::vector<std::string>& cells, bool bold) {
        std::string l = "|";
        for (const std::string& c : cells) l += c.empty() ? " |" : " " + (bold ? "**" + md_escape(c) + "**" : md_escape(c)) + " |";
        return l + "\n";
    };
    std::vector<std::string> header;
    std::string rule = "|";
    for (LayerColumn c : cols) {
        header.push_back(layer_column(c).report_title);
        rule += layer_column(c).right ? "---:|" : "---|";
    }
    out += md_row(header, false) + rule + "\n";
    for (const LayerRow& row : layer_rows(res, state)) out += md_row(report_cells(cols, row, state.view.exact), false);
    out += md_row(report_cells(cols, layer_totals_row(res), state.view.exact), true);
    if (state.scenario_enabled) {
        out += "\n";
        for (const std::string& l : scenario_lines(state, res)) out += "- " + md_escape(l) + "\n";
    }
    if (res.has_device) {
        out += "\n";
        for (const std::string& l : device_lines(state, res)) out += "- " + md_escape(l) + "\n";
    }
    out += "\n" + conventions_markdown(res.network);
    out += "\n[Open in Flopscope](" + encode_link(state) + ")\n";
    return out;
}

namespace {

// LaTeX's special characters escaped, and the symbols the reports use in math mode.
std::string tex_escape(const std::string& s) {
    static const struct {
        const char* from;
        const char* to;
    } symbols[] = {{"×", "$\\times$"}, {"·", "$\\cdot$"}, {"σ", "$\\sigma$"}, {"ρ", "$\\rho$"}, {"λ", "$\\lambda$"},
                   {"−", "$-$"},        {"—", "---"},       {"…", "\\ldots{}"}, {"Σ", "$\\Sigma$"}, {"≤", "$\\le$"}};
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        bool replaced = false;
        for (const auto& sym : symbols) {
            const std::size_t n = std::strlen(sym.from);
            if (s.compare(i, n, sym.from) == 0) {
                out += sym.to;
                i += n;
                replaced = true;
                break;
            }
        }
        if (replaced) continue;
        const char c = s[i++];
        switch (c) {
        case '&': case '%': case '$': case '#': case '_': case '{': case '}': out += '\\'; out += c; break;
        case '~': out += "\\textasciitilde{}"; break;
        case '^': out += "\\textasciicircum{}"; break;
        case '\\': out += "\\textbackslash{}"; break;
        default: out += c;
        }
    }
    return out;
}

} // namespace

std::string results_latex(const State& state, const Results& res) {
    std::string out = "% Flopscope: " + tex_escape(state.model) + " (input " + tex_escape(shape_text(res.network.input)) +
                      "). Needs \\usepackage{booktabs}.\n% Counting: " + tex_escape(describe(state.counting)) + ".\n";
    if (!res.evaluation.ok()) return out + "% Error: " + tex_escape(res.error) + "\n";
    const std::vector<LayerColumn> cols = layer_columns_of(LayerTableOutput::Document, state, res);
    // "a & b \\": an empty cell leaves "& &"; the totals row in bold.
    auto tex_row = [&](const std::vector<std::string>& cells, bool bold) {
        std::string l;
        for (std::size_t k = 0; k < cells.size(); ++k) {
            const std::string& c = cells[k];
            if (k) l += " &";
            if (!c.empty()) l += (k ? " " : "") + (bold ? "\\textbf{" + tex_escape(c) + "}" : tex_escape(c));
        }
        return l + " \\\\\n";
    };
    std::string align;
    std::vector<std::string> header;
    for (LayerColumn c : cols) {
        align += layer_column(c).right ? 'r' : 'l';
        header.push_back(layer_column(c).report_title);
    }
    out += "\\begin{tabular}{" + align + "}\n\\toprule\n" + tex_row(header, false) + "\\midrule\n";
    for (const LayerRow& row : layer_rows(res, state)) out += tex_row(report_cells(cols, row, state.view.exact), false);
    out += "\\midrule\n" + tex_row(report_cells(cols, layer_totals_row(res), state.view.exact), true) +
           "\\bottomrule\n\\end{tabular}\n";
    if (state.scenario_enabled) {
        // The scenario's lines, "name: value" split into two columns.
        out += "\n\\begin{tabular}{ll}\n\\toprule\n";
        bool first = true;
        for (const std::string& line : scenario_lines(state, res)) {
            const std::size_t colon = line.find(':');
            std::string name = colon == std::string::npos ? line : line.substr(0, colon);
            std::string value = colon == std::string::npos ? "" : line.substr(colon + 1);
            while (!value.empty() && value.front() == ' ') value.erase(value.begin());
            if (colon == std::string::npos) out += "\\multicolumn{2}{l}{" + tex_escape(line) + "} \\\\\n";
            else out += tex_escape(name) + " & " + tex_escape(value) + " \\\\\n";
            if (first) out += "\\midrule\n";
            first = false;
        }
        out += "\\bottomrule\n\\end{tabular}\n";
    }
    return out;
}

} // namespace flopscope
