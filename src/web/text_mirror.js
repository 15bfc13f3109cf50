// Flopscope web — the text mirror to the shell (Module.onFlopscopeTextMirror, shell.html).
// The JavaScript half, linked with --js-library (src/web/CMakeLists.txt); the C++ half is text_mirror.cpp.
mergeInto(LibraryManager.library, {
  js_publish_text_mirror: function (json) {
    var shell = Module["onFlopscopeTextMirror"];
    if (typeof shell === "function") shell(JSON.parse(UTF8ToString(json)));
  }
});
