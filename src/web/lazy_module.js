// Flopscope web — the page's lazily loaded module (build/web/onnx_import.js + .wasm, MODULARIZE=1,
// EXPORT_NAME=FlopscopeOnnx; src/web/import_module): the core's ONNX import and the exports' writers in a
// wasm of their own, loaded once, when first needed (a file dropped or picked, an export menu opened), so
// the page's first load carries neither (tools/dist.sh's single file carries it inline, started on demand). A --js-library: onnx_import.js and documents.js depend on it.
mergeInto(LibraryManager.library, {
  // A promise of the module; a failed load is forgotten, so the next use tries again.
  $loadLazyModule: function () {
    if (loadLazyModule.promise) return loadLazyModule.promise;
    var p = loadLazyModule.promise = new Promise(function (resolve, reject) {
      // tools/dist.sh's single file holds the module inline, its wasm as bytes: there is no file beside it.
      function start() {
        var bytes = window["FlopscopeLazyWasm"];
        window["FlopscopeOnnx"](bytes ? { "wasmBinary": bytes } : {}).then(resolve, reject);
      }
      if (window["FlopscopeOnnx"]) return start();
      var script = document.createElement("script");
      script.src = "onnx_import.js";
      script.onload = start;
      script.onerror = function () {
        script.remove();
        reject(new Error("onnx_import.js did not load"));
      };
      document.head.appendChild(script);
    });
    p.catch(function () { loadLazyModule.promise = null; });
    return p;
  }
});
