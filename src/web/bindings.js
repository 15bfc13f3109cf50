// Flopscope web — Module.flopscope, the test hook (see bindings.h), over the C exports of bindings.cpp.
// The JavaScript half, linked with --js-library (src/web/CMakeLists.txt). A string answer is read at once
// from the pointer the export returns (web/js_string.h); a string argument is a UTF-8 copy, freed after.
mergeInto(LibraryManager.library, {
  js_publish_test_hook: function () {
    Module["flopscope"] = {
        "stateJson": function () { return UTF8ToString(_flopscope_state_json()); },
        "resultsJson": function () { return UTF8ToString(_flopscope_results_json()); },
        "frameCount": function () { return _flopscope_frame_count(); },
        "isPaused": function () { return !!_flopscope_is_paused(); },
        "itemRect": function (name) {
            var p = allocateUTF8(name);
            var rect = UTF8ToString(_flopscope_item_rect(p));
            _free(p);
            return JSON.parse(rect);
        },
        "navRect": function () { return JSON.parse(UTF8ToString(_flopscope_nav_rect())); },
        "messages": function () { return UTF8ToString(_flopscope_messages()); },
        "selectedTabs": function () { return JSON.parse(UTF8ToString(_flopscope_selected_tabs())); },
        "textMirror": function () { return JSON.parse(UTF8ToString(_flopscope_text_mirror())); },
        "ready": false
    };
  },

  js_mark_test_hook_ready: function () {
    Module["flopscope"]["ready"] = true;
    if (typeof Module["onFlopscopeReady"] === "function") Module["onFlopscopeReady"](Module["flopscope"]);
  }
});
