// Flopscope web — importing an .onnx file: loading the import module, drop, the file input and the
// attempt loop (why the read runs as attempts: onnx_import.cpp). The JavaScript half, linked with
// --js-library (src/web/CMakeLists.txt); the C++ half is onnx_import.cpp.
mergeInto(LibraryManager.library, {
  js_onnx_install__deps: ["$loadLazyModule"],
  js_onnx_install: function () {
    var BLOCK = 16384;     // cache block (the module's too): the reader's window (kReadWindow) spans at most two
    var MAX_RUN = 64;      // blocks fetched at once while misses run on sequentially (1 MiB)
    var imp = Module["flopscopeImport"] = { busy: false, "last": null };
    // The app's exports (onnx_import.cpp) take strings as UTF-8 copies, freed after the call.
    function withUTF8(strings, call) {
        var p = strings.map(function (s) { return allocateUTF8(s); });
        call.apply(null, p);
        p.forEach(function (q) { _free(q); });
    }
    function progress(name, fraction) { withUTF8([name], function (n) { _flopscope_onnx_progress(n, fraction); }); }
    function failed(name, why) { withUTF8([name, why], _flopscope_onnx_failed); }
    function importJson() { return UTF8ToString(_flopscope_import_json()); }

    // The page's lazily loaded module (lazy_module.js), loaded on the first file.
    imp.load = loadLazyModule;

    // Imports `file` (a File or Blob with a name); resolves to the app's import record plus read statistics
    // (the memory figures are the import module's, where the file's bytes go).
    imp.run = async function (file) {
        if (imp.busy) return { ok: false, message: "another file is being read" };
        imp.busy = true;
        var name = file.name || "model.onnx";
        var t0 = performance.now(), memBefore = 0, memAfter = 0;
        var attempts = 0, fetches = 0, fetched = 0, run = 1, lastEnd = -1;
        try {
            progress(name, 0);
            var m = await imp.load();
            memBefore = m["HEAPU8"].length;
            m["blocks"] = new Map();
            var answer;
            for (;;) {
                m["miss"] = -1;
                attempts++;
                answer = m["attempt"](file.size);
                if (answer !== "") break;
                var first = m["miss"];
                run = first === lastEnd ? Math.min(run * 2, MAX_RUN) : 1;
                var last = Math.min(first + run, Math.ceil(file.size / BLOCK));
                while (last > first + 1 && m["blocks"].has(last - 1)) last--;
                var buf = new Uint8Array(await file.slice(first * BLOCK, Math.min(last * BLOCK, file.size)).arrayBuffer());
                for (var b = first; b < last; b++) m["blocks"].set(b, buf.subarray((b - first) * BLOCK, (b - first + 1) * BLOCK));
                fetches++;
                fetched += buf.length;
                lastEnd = last;
                progress(name, Math.min(1, last * BLOCK / file.size));
            }
            m["blocks"] = null;
            memAfter = m["HEAPU8"].length;
            var f = JSON.parse(answer);
            if (!f["read_ok"]) {
                failed(name, f["message"]);
            } else {
                var ops = f["unsupported"].map(function (u) { return u["op"] + "\t" + u["count"]; }).join("\n");
                withUTF8([name, f["message"], ops, f["mapped"] ? f["name"] : "", f["mapped"] ? f["layers"] : ""],
                         function (n, message, o, net, layers) {
                    _flopscope_onnx_found(n, message, f["nodes"], f["opset"], o, f["batchnorm_folded"] ? 1 : 0, f["folded_convs"],
                                          f["mapped"] ? 1 : 0, net, layers, f["mapped"] ? f["c"] : 0, f["mapped"] ? f["h"] : 0,
                                          f["mapped"] ? f["w"] : 0);
                });
            }
        } catch (e) {
            failed(name, "the browser could not read the file (" + (e && e.message || e) + ")");
        }
        imp.busy = false;
        var out = JSON.parse(importJson());
        out["stats"] = { "ms": performance.now() - t0, "attempts": attempts, "fetches": fetches, "bytesFetched": fetched,
                      "fileBytes": file.size, "wasmMemoryBefore": memBefore, "wasmMemoryAfter": memAfter };
        imp["last"] = out;
        return out;
    };

    // A saved scenario (.json, core/scenario_file.h) is a few KB of text: the app reads it whole; anything
    // else is read as an ONNX file.
    var SCENARIO_MAX = 1 << 20;
    async function openScenario(file) {
        var text = null;
        try { if (file.size <= SCENARIO_MAX) text = await file.text(); } catch (e) { text = null; }
        var name = allocateUTF8(file.name), p = text === null ? 0 : allocateUTF8(text);
        _flopscope_open_scenario(name, p, file.size);
        _free(name);
        if (p) _free(p);
    }
    function open(file) { return /\.json$/i.test(file.name) ? openScenario(file) : imp.run(file); }

    var input = document.createElement("input");
    input.type = "file";
    input.accept = ".onnx,.json";
    input.id = "flopscope-onnx-input";
    input.style.display = "none";
    input.addEventListener("change", function () {
        var f = input.files && input.files[0];
        input.value = "";
        if (f) open(f);
    });
    document.body.appendChild(input);
    imp.pick = function () { input.click(); };

    // Drop anywhere on the page: the page (not the browser) takes the file.
    window.addEventListener("dragover", function (e) {
        if (e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types, "Files") >= 0) {
            e.preventDefault();
            e.dataTransfer.dropEffect = "copy";
        }
    });
    window.addEventListener("drop", function (e) {
        var f = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
        if (!f) return;
        e.preventDefault();
        e.stopPropagation();
        open(f);
    }, true);

    var hook = Module["flopscope"];
    hook["importOnnx"] = function (file) { return imp.run(file); };
    hook["importJson"] = importJson;
    hook["lastImport"] = function () { return imp["last"]; };
    hook["wasmMemoryBytes"] = function () { return HEAPU8.length; };
  },

  js_onnx_pick: function () { Module["flopscopeImport"].pick(); }
});
