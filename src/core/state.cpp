// Flopscope core — the default state and computing results from a state.
#include "core/state.h"

#include "core/text.h"

namespace flopscope {

State default_state() { return State{}; }

const Device* chosen_device(const State& state) {
    if (state.device.name.empty()) return nullptr;
    if (state.device.name == kCustomDevice) return &state.device.custom;
    return find_device(state.device.name);
}

RooflineOptions roofline_options(const State& state) {
    const DeviceSettings& d = state.device;
    RooflineOptions o;
    o.precision = state.scenario.precision;
    o.sparse = d.sparse;
    o.compute_efficiency = d.compute_efficiency;
    o.memory_efficiency = d.memory_efficiency;
    o.layer_overhead_s = d.layer_overhead_s;
    o.activations_on_chip = d.activations_on_chip;
    o.energy_scale = d.energy_scale;
    return o;
}

namespace {

// The roofline and the scenario in time, when a device is chosen. Touches nothing but those results.
void compute_device(const State& state, Results& r) {
    r.has_device = !state.device.name.empty();
    if (!r.has_device) return;
    const Device* device = chosen_device(state);
    if (!device) {
        r.roofline.error = "unknown device " + quoted(state.device.name) + " (flopscope --list-devices lists them)";
    } else {
        r.roofline = evaluate_roofline(r.network, r.evaluation, state.counting, *device, roofline_options(state));
        if (device == &state.device.custom && !r.roofline.ok()) r.roofline.error = "custom device: " + r.roofline.error;
    }
    if (!r.roofline.ok()) {
        r.caching_time.error = r.roofline.error;
        return;
    }
    if (!state.scenario_enabled) return;
    if (!r.scenario.ok()) r.caching_time.error = r.scenario.error;
    else r.caching_time = evaluate_caching_time(r.network, r.evaluation, state.counting, state.scenario, r.scenario,
                                               *device, roofline_options(state), r.roofline);
}

} // namespace

Results compute(const State& state) {
    Results r;
    if (state.model == kCustomModel) {
        r.network = state.custom;
        r.network.name = kCustomModel;
        r.network.input = Shape{state.input_c, state.input_h, state.input_w};
    } else {
        r.model = find_model(state.model);
        if (!build_model(state.model, state.input_h, state.input_w, r.network, r.error)) return r;
    }
    r.evaluation = evaluate(r.network, state.counting);
    if (!r.evaluation.ok()) {
        r.error = r.evaluation.error;
        return r;
    }
    if (state.scenario_enabled) {
        const char* part_of = r.model && r.model->part_of ? r.model->part_of : "";
        r.scenario = evaluate_scenario(r.network, r.evaluation, state.counting, state.scenario, part_of);
        if (!r.scenario.ok()) r.error = r.scenario.error;
    }
    compute_device(state, r);
    return r;
}

} // namespace flopscope
