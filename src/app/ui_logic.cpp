// Flopscope app — the UI's pure logic (see ui_logic.h).
#include "app/ui_logic.h"

#include "core/format.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace flopscope::app {

//-----------------------------------------------------------------------------
// [SECTION] Numbers
//-----------------------------------------------------------------------------

std::optional<std::int64_t> parse_int(std::string_view text) {
    std::string digits;
    for (char c : text) {
        if (c == ',' || c == '_' || c == ' ' || c == '\t') continue;
        digits += c;
    }
    if (digits.empty()) return std::nullopt;
    std::int64_t v = 0;
    const char* first = digits.data();
    const char* last = digits.data() + digits.size();
    if (*first == '+') ++first;
    auto [ptr, ec] = std::from_chars(first, last, v);
    if (ec != std::errc() || ptr != last) return std::nullopt;
    return v;
}

//-----------------------------------------------------------------------------
// [SECTION] Editable layer fields
//-----------------------------------------------------------------------------

const LayerFieldInfo& field_info(LayerField f) {
    static const std::array<LayerFieldInfo, kLayerFieldCount> infos = {{
        {"H", "Output height H (explicit form: the layer states its own output size)"},
        {"W", "Output width W (explicit form: the layer states its own output size)"},
        {"K", "Kernel size K (square K×K window)"},
        {"C_in", "Input channels C_in (explicit form)"},
        {"C_out", "Output channels C_out (linear: output features)"},
        {"Stride", "Stride (both directions)"},
        {"Pad", "Zero padding on each side (both directions)"},
        {"Groups", "Groups: C_in and C_out are split into this many groups; groups = C_in = C_out is depthwise"},
        {"Repeat", "The layer is applied this many times in sequence; its costs are multiplied by it"},
    }};
    return infos[static_cast<std::size_t>(f)];
}

bool field_applies(const Layer& l, LayerField f) {
    const bool conv = l.kind == LayerKind::Conv;
    const bool window_pool = l.kind == LayerKind::Pool && !is_adaptive_pool(l);
    // Reshape, Select and Param state their output shape: c (C_out) × H × W.
    const bool stated_shape = l.kind == LayerKind::Reshape || l.kind == LayerKind::Select || l.kind == LayerKind::Param;
    switch (f) {
    case LayerField::OutH:
    case LayerField::OutW: return (conv && l.explicit_shape) || is_adaptive_pool(l) || stated_shape;
    case LayerField::InChannels: return conv && l.explicit_shape;
    case LayerField::Kernel:
    case LayerField::Stride: return conv || window_pool;
    case LayerField::Padding: return (conv && !l.explicit_shape) || window_pool;
    case LayerField::OutChannels:
        return conv || l.kind == LayerKind::Linear || l.kind == LayerKind::TokenLinear || stated_shape;
    case LayerField::Groups: return conv;
    case LayerField::Repeat: return true;
    case LayerField::Count_: break;
    }
    return false;
}

std::int64_t get_field(const Layer& l, LayerField f) {
    switch (f) {
    case LayerField::OutH: return l.out_h;
    case LayerField::OutW: return l.out_w;
    case LayerField::Kernel: return l.kernel_h;
    case LayerField::InChannels: return l.in_channels;
    case LayerField::OutChannels: return l.out_channels;
    case LayerField::Stride: return l.stride_h;
    case LayerField::Padding: return l.pad_h;
    case LayerField::Groups: return l.groups;
    case LayerField::Repeat: return l.repeat;
    case LayerField::Count_: break;
    }
    return 0;
}

void set_field(Layer& l, LayerField f, std::int64_t v) {
    switch (f) {
    case LayerField::OutH: l.out_h = v; break;
    case LayerField::OutW: l.out_w = v; break;
    case LayerField::Kernel: l.kernel_h = l.kernel_w = v; break;
    case LayerField::InChannels: l.in_channels = v; break;
    case LayerField::OutChannels: l.out_channels = v; break;
    case LayerField::Stride: l.stride_h = l.stride_w = v; break;
    case LayerField::Padding: l.pad_h = l.pad_w = v; break;
    case LayerField::Groups: l.groups = v; break;
    case LayerField::Repeat: l.repeat = v; break;
    case LayerField::Count_: break;
    }
}

std::vector<LayerField> editable_fields(const Network& net) {
    std::vector<LayerField> out;
    for (int i = 0; i < kLayerFieldCount; ++i) {
        const LayerField f = static_cast<LayerField>(i);
        if (std::any_of(net.layers.begin(), net.layers.end(), [&](const Layer& l) { return field_applies(l, f); }))
            out.push_back(f);
    }
    return out;
}

std::string layer_field_key(int layer, LayerField f) {
    return "layer." + std::to_string(layer) + "." + field_info(f).header;
}

bool parse_layer_field_key(const std::string& key, int& layer, LayerField& f) {
    const std::string prefix = "layer.";
    if (key.compare(0, prefix.size(), prefix) != 0) return false;
    const std::size_t dot = key.find('.', prefix.size());
    if (dot == std::string::npos) return false;
    const auto index = parse_int(std::string_view(key).substr(prefix.size(), dot - prefix.size()));
    if (!index || *index < 0 || *index > kMaxLayers) return false;
    const std::string header = key.substr(dot + 1);
    for (int i = 0; i < kLayerFieldCount; ++i) {
        if (header == field_info(static_cast<LayerField>(i)).header) {
            layer = static_cast<int>(*index);
            f = static_cast<LayerField>(i);
            return true;
        }
    }
    return false;
}

//-----------------------------------------------------------------------------
// [SECTION] Structural edits of a network
//-----------------------------------------------------------------------------

std::string unique_layer_name(const Network& net, const std::string& base) {
    auto taken = [&](const std::string& name) {
        return std::any_of(net.layers.begin(), net.layers.end(), [&](const Layer& l) { return l.name == name; });
    };
    if (!taken(base)) return base;
    for (int i = 2;; ++i) {
        std::string name = base + "_" + std::to_string(i);
        if (!taken(name)) return name;
    }
}

Layer suggested_next_layer(const Network& net, const Evaluation& ev, int after) {
    const int n = static_cast<int>(net.layers.size());
    after = std::min(after, n - 1);
    const Layer* prev = after >= 0 ? &net.layers[static_cast<std::size_t>(after)] : nullptr;
    Layer l;
    if (prev && prev->kind == LayerKind::Conv && prev->explicit_shape) {
        l = make_explicit_conv("", prev->out_h, prev->out_w, 3, prev->out_channels, prev->out_channels);
    } else {
        std::int64_t channels = 64;
        if (after >= 0 && after < static_cast<int>(ev.layers.size()) && ev.layers[static_cast<std::size_t>(after)].out.c > 0)
            channels = ev.layers[static_cast<std::size_t>(after)].out.c;
        l = make_conv("", channels, 3, 1, 1);
    }
    l.name = unique_layer_name(net, "conv" + std::to_string(n + 1));
    return l;
}

namespace {
// Applies old → new index `map` to every explicit input reference.
void remap_inputs(Network& net, const std::vector<int>& map) {
    for (Layer& l : net.layers)
        for (int& in : l.inputs)
            if (in >= 0 && in < static_cast<int>(map.size())) in = map[static_cast<std::size_t>(in)];
}
} // namespace

std::vector<int> insert_layer(Network& net, int at, Layer layer) {
    const int n = static_cast<int>(net.layers.size());
    at = std::clamp(at, 0, n);
    std::vector<int> map(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) map[static_cast<std::size_t>(i)] = i < at ? i : i + 1;
    remap_inputs(net, map);
    net.layers.insert(net.layers.begin() + at, std::move(layer));
    return map;
}

std::vector<int> erase_layer(Network& net, int at) {
    const int n = static_cast<int>(net.layers.size());
    std::vector<int> map(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) map[static_cast<std::size_t>(i)] = i;
    if (at < 0 || at >= n) return map;
    const Layer& gone = net.layers[static_cast<std::size_t>(at)];
    const int target = gone.inputs.empty() ? at - 1 : gone.inputs.front();  // at - 1 may be kNetworkInput
    // The next layer consumed `gone` implicitly; it now consumes what `gone` consumed.
    if (at + 1 < n) {
        Layer& next = net.layers[static_cast<std::size_t>(at + 1)];
        if (next.inputs.empty() && target != at - 1) next.inputs = {target};
    }
    for (int i = 0; i < n; ++i) map[static_cast<std::size_t>(i)] = i < at ? i : (i == at ? target : i - 1);
    remap_inputs(net, map);
    net.layers.erase(net.layers.begin() + at);
    map[static_cast<std::size_t>(at)] = -1;  // for the scenario's per-layer settings: the layer is gone
    return map;
}

std::vector<int> move_layer(Network& net, int from, int to) {
    const int n = static_cast<int>(net.layers.size());
    if (from < 0 || from >= n || to < 0 || to >= n) return {};
    std::vector<int> order(static_cast<std::size_t>(n));  // new position → old index
    for (int i = 0; i < n; ++i) order[static_cast<std::size_t>(i)] = i;
    order.erase(order.begin() + from);
    order.insert(order.begin() + to, from);
    std::vector<int> map(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) map[static_cast<std::size_t>(order[static_cast<std::size_t>(i)])] = i;
    Network moved = net;
    for (int i = 0; i < n; ++i) moved.layers[static_cast<std::size_t>(i)] = net.layers[static_cast<std::size_t>(order[static_cast<std::size_t>(i)])];
    remap_inputs(moved, map);
    for (int i = 0; i < n; ++i)
        for (int in : moved.layers[static_cast<std::size_t>(i)].inputs)
            if (in >= i) return {};
    net = std::move(moved);
    return map;
}

void remap_scenario_layers(Scenario& s, const std::vector<int>& map) {
    const int n = static_cast<int>(map.size());
    auto mapped = [&](int i) { return i >= 0 && i < n ? map[static_cast<std::size_t>(i)] : i; };
    std::vector<LayerFraction> kept;
    for (const LayerFraction& o : s.overrides) {
        const int to = mapped(o.layer);
        if (to >= 0) kept.push_back({to, o.fraction});
    }
    std::sort(kept.begin(), kept.end(), [](const LayerFraction& a, const LayerFraction& b) { return a.layer < b.layer; });
    s.overrides = std::move(kept);
    // The eligible range keeps its ends; an erased end falls back to the nearest remaining layer.
    auto end_of_range = [&](int i) {
        if (i < 0 || i >= n) return i;
        for (int j = i; j >= 0; --j)
            if (map[static_cast<std::size_t>(j)] >= 0) return map[static_cast<std::size_t>(j)];
        return 0;
    };
    s.eligible_first = std::max(0, end_of_range(s.eligible_first));
    if (s.eligible_last >= 0) s.eligible_last = end_of_range(s.eligible_last);
}

Network scratch_network(Shape input) {
    Network net;
    net.name = kCustomModel;
    net.input = input;
    net.layers.push_back(make_conv("conv1", 64, 3, 1, 1));
    return net;
}

//-----------------------------------------------------------------------------
// [SECTION] Layout
//-----------------------------------------------------------------------------

Layout choose_layout(float display_width, float font_size) {
    if (font_size <= 0) return Layout::Wide;
    return display_width / font_size >= 62.0f ? Layout::Wide : Layout::Narrow;
}

//-----------------------------------------------------------------------------
// [SECTION] Links and embedding
//-----------------------------------------------------------------------------

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string iframe_snippet(const std::string& url, const std::string& title, int height_px) {
    return "<iframe src=\"" + html_escape(url) + "\" title=\"" + html_escape(title) +
           "\" width=\"100%\" height=\"" + std::to_string(height_px) +
           "\" style=\"border:0;max-width:100%\" loading=\"lazy\" allow=\"clipboard-write\"></iframe>";
}

State embed_state(const State& state, const std::vector<std::string>& show) {
    State s = state;
    s.view.embed = true;
    s.view.show = show;
    return s;
}

State full_view_state(const State& state) {
    State s = state;
    s.view.embed = false;
    s.view.show.clear();
    return s;
}

} // namespace flopscope::app
