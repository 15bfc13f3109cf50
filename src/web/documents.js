// Flopscope web — the exports' documents, written by the page's lazily loaded module (see documents.cpp).
// The JavaScript half, linked with --js-library (src/web/CMakeLists.txt); the C++ half is documents.cpp.
mergeInto(LibraryManager.library, {
  js_write_document__deps: ["$loadLazyModule"],
  js_write_document: function (done, format, link, chart, figure, figureSize) {
    // Copied now: the page's heap may move or be reused before the module answers.
    var args = [UTF8ToString(format), UTF8ToString(link), UTF8ToString(chart), HEAPU8.slice(figure, figure + figureSize)];
    function answer(text, error) {
      var n = lengthBytesUTF8(text), t = _malloc(n + 1), e = allocateUTF8(error);
      stringToUTF8(text, t, n + 1);
      _flopscope_document_written(done, t, n, e);  // exactly once per request: it frees `done`
      _free(t);
      _free(e);
    }
    loadLazyModule().then(function (m) {
      var d;
      try { d = m["writeDocument"].apply(null, args); } catch (e) { return answer("", "the export module failed (" + (e && e.message || e) + ")"); }
      answer(d["text"], d["error"]);
    }, function (e) {
      answer("", "the page's export module did not load (" + (e && e.message || e) + "); check the connection and try again");
    });
  },

  js_prepare_documents__deps: ["$loadLazyModule"],
  js_prepare_documents: function () { loadLazyModule().catch(function () {}); }
});
