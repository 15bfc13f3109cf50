// Flopscope core — the zoo side by side (see zoo_table.h).
#include "core/zoo_table.h"

#include "core/report.h"

namespace flopscope {

//-----------------------------------------------------------------------------
// [SECTION] Rows
//-----------------------------------------------------------------------------

std::int64_t weight_layer_count(const Network& net) {
    std::int64_t n = 0;
    for (const Layer& l : net.layers)
        if (l.kind == LayerKind::Conv || l.kind == LayerKind::Linear || l.kind == LayerKind::TokenLinear) n += l.repeat;
    return n;
}

ZooTable zoo_table(std::int64_t height, std::int64_t width, const Counting& counting) {
    ZooTable t;
    t.height = height;
    t.width = width;
    t.counting = counting;
    const Count fp32 = count_of(bytes_per_element(Precision::FP32));
    for (const ModelInfo& m : model_zoo()) {
        ZooRow row;
        row.model = &m;
        row.height = t.default_crop() ? m.default_resolution : height;
        row.width = t.default_crop() ? m.default_resolution : width;
        Network net;
        if (build_model(m.name, row.height, row.width, net, row.error)) {
            const Evaluation ev = evaluate(net, counting);
            if (ev.ok()) {
                row.macs = ev.totals.macs;
                row.flops = ev.totals.flops;
                row.params = ev.totals.params;
                row.activation_elements = ev.totals.activation_elements;
                row.activation_bytes = ev.totals.activation_elements * fp32;
                row.depth = weight_layer_count(net);
                if (!row.activation_bytes.ok()) row.error = "activation bytes overflow 64 bits";
            } else {
                row.error = ev.error;
            }
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

void input_for_model(const ModelInfo* previous, const ModelInfo& next, std::int64_t& height, std::int64_t& width) {
    const bool at_previous_default =
        previous && height == previous->default_resolution && width == previous->default_resolution;
    if (at_previous_default || !input_refusal(next, height, width).empty())
        height = width = next.default_resolution;
}

//-----------------------------------------------------------------------------
// [SECTION] Documents
//-----------------------------------------------------------------------------

namespace {

std::string number(Count c) { return c.ok() ? std::to_string(c.value) : "null"; }

std::string resolution_words(const ZooTable& t) {
    return t.default_crop() ? "each model's default crop"
                            : std::to_string(t.height) + "×" + std::to_string(t.width);
}

} // namespace

std::string zoo_json(const State& state, const ZooTable& t) {
    std::string out = "{\"resolution\": ";
    out += t.default_crop() ? "\"default\"" : "[" + std::to_string(t.height) + ", " + std::to_string(t.width) + "]";
    out += ", \"convention\": " + counting_json(state) + ", \"models\": [";
    bool first = true;
    for (const ZooRow& r : t.rows) {
        out += first ? "\n  " : ",\n  ";
        first = false;
        out += "{\"name\": " + json_string(r.model->name) + ", \"family\": " + json_string(r.model->family) +
               ", \"input\": [3, " + std::to_string(r.height) + ", " + std::to_string(r.width) + "]";
        if (r.ok())
            out += ", \"macs\": " + number(r.macs) + ", \"flops\": " + number(r.flops) + ", \"params\": " +
                   number(r.params) + ", \"activation_elements\": " + number(r.activation_elements) +
                   ", \"activation_bytes\": " + number(r.activation_bytes) + ", \"depth\": " + std::to_string(r.depth);
        else
            out += ", \"error\": " + json_string(r.error);
        out += "}";
    }
    return out + "\n]}";
}

std::string zoo_csv(const ZooTable& t) {
    std::string out = "name,family,height,width,macs,flops,params,activation_elements,activation_bytes,depth,error\n";
    for (const ZooRow& r : t.rows) {
        out += csv_field(r.model->name) + "," + csv_field(r.model->family) + "," + std::to_string(r.height) + "," +
               std::to_string(r.width) + ",";
        if (r.ok())
            out += number(r.macs) + "," + number(r.flops) + "," + number(r.params) + "," + number(r.activation_elements) +
                   "," + number(r.activation_bytes) + "," + std::to_string(r.depth) + ",\n";
        else
            out += ",,,,,," + csv_field(r.error) + "\n";
    }
    return out;
}

std::string zoo_markdown(const State& state, const ZooTable& t) {
    std::string out = "# The model zoo at " + resolution_words(t) + "\n\nCounting: " + md_escape(describe(t.counting)) +
                      " (" + md_escape(state.convention) + ")\n\n";
    out += "| model | family | input | MACs | FLOPs | params | activations (FP32) | depth |\n";
    out += "|---|---|---|--:|--:|--:|--:|--:|\n";
    for (const ZooRow& r : t.rows) {
        out += "| " + md_escape(r.model->name) + " | " + md_escape(r.model->family) + " | " + std::to_string(r.height) +
               "×" + std::to_string(r.width) + " | ";
        if (r.ok())
            out += with_commas(r.macs) + " | " + with_commas(r.flops) + " | " + with_commas(r.params) + " | " +
                   with_commas(r.activation_bytes) + " B | " + std::to_string(r.depth) + " |\n";
        else
            out += md_escape(r.error) + " | | | | |\n";
    }
    return out;
}

} // namespace flopscope
