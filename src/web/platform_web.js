// Flopscope web — the browser's side of app::Platform.
// The JavaScript half, linked with --js-library (src/web/CMakeLists.txt); the C++ half is platform_web.cpp.
mergeInto(LibraryManager.library, {
  js_download: function (name, mime, data, size) {
    var bytes = HEAPU8.slice(data, data + size);
    var url = URL.createObjectURL(new Blob([bytes], { type: UTF8ToString(mime) }));
    var a = document.createElement("a");
    a.href = url;
    a.download = UTF8ToString(name);
    a.style.display = "none";
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  },

  js_open_in_new_tab: function (url) {
    window.open(UTF8ToString(url), "_blank", "noopener");
  },

  js_prefers_dark: function () {
    return (window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches) ? 1 : 0;
  },

  js_watch_color_scheme: function () {
    if (!window.matchMedia) return;
    window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", function () {
        _flopscope_on_color_scheme_change();
    });
  }
});
