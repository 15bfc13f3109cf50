// Flopscope web — the JavaScript test hook, Module.flopscope:
//   stateJson()   the app's current state (JSON)
//   resultsJson() the current results, the same JSON as `flopscope --format json`
//   frameCount()  frames rendered since start
//   isPaused()    whether the render loop is paused (idle)
//   itemRect(name) [x, y, width, height] in device pixels of a named app item of the last frame
//                 ("Copy link", "tab:Layers", "presets:full", "slider:f"…), or null
//   messages()    the messages on screen as a JSON array of plain strings (a link's problems, other
//                 notices, then a confirmation such as "Link copied" while it shows)
//   selectedTabs() the labels of the selected tabs of the tab bars drawn in the last frame
//   textMirror()  the page in words (app::TextMirror as a JS object), what the DOM mirror shows
//   ready         true once the first frame is on screen
// The shell's window.flopscopeReady promise resolves at the same moment.
#pragma once

namespace flopscope::app {
class App;
}

namespace flopscope::web::bindings {

// Creates Module.flopscope (ready = false) for `app`.
void publish(const app::App& app);

// Sets Module.flopscope.ready and tells the shell (hides the loading indicator, resolves the promise).
void mark_ready();

} // namespace flopscope::web::bindings
