// Flopscope web — embind exports behind Module.flopscope (see bindings.h).
// The JavaScript half, linked with --js-library (src/web/CMakeLists.txt); the C++ half is bindings.cpp.
mergeInto(LibraryManager.library, {
  js_publish_test_hook: function () {
    Module["flopscope"] = {
        "stateJson": function () { return Module["flopscope_stateJson"](); },
        "resultsJson": function () { return Module["flopscope_resultsJson"](); },
        "frameCount": function () { return Module["flopscope_frameCount"](); },
        "isPaused": function () { return Module["flopscope_isPaused"](); },
        "itemRect": function (name) { return JSON.parse(Module["flopscope_itemRect"](name)); },
        "navRect": function () { return JSON.parse(Module["flopscope_navRect"]()); },
        "messages": function () { return JSON.stringify(Module["flopscope_messages"]()); },
        "selectedTabs": function () { return JSON.parse(Module["flopscope_selectedTabs"]()); },
        "textMirror": function () { return Module["flopscope_textMirror"](); },
        "ready": false
    };
  },

  js_mark_test_hook_ready: function () {
    Module["flopscope"]["ready"] = true;
    if (typeof Module["onFlopscopeReady"] === "function") Module["onFlopscopeReady"](Module["flopscope"]);
  }
});
