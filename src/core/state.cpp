// Flopscope core — the default state and computing results from a state.
#include "core/state.h"

namespace flopscope {

State default_state() { return State{}; }

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
    return r;
}

} // namespace flopscope
