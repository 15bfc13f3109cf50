// Flopscope web — the browser's side of app::Platform.
// The JavaScript half, linked with --js-library (src/web/CMakeLists.txt); the C++ half is platform_web.cpp.
mergeInto(LibraryManager.library, {
  // Saves bytes as a file; with png_scale > 0 the bytes are an SVG, first drawn into a canvas at
  // png_scale times its size and saved as PNG (the browser rasterizes it: the same geometry and colours).
  js_download: function (name, mime, data, size, png_scale) {
    var file = UTF8ToString(name);
    function save(blob) {
      var url = URL.createObjectURL(blob);
      var a = document.createElement("a");
      a.href = url;
      a.download = file;
      a.style.display = "none";
      document.body.appendChild(a);
      a.click();
      document.body.removeChild(a);
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    }
    var blob = new Blob([HEAPU8.slice(data, data + size)], { type: UTF8ToString(mime) });
    if (!(png_scale > 0)) { save(blob); return; }
    var src = URL.createObjectURL(blob);
    var img = new Image();
    img.onload = function () {
      var c = document.createElement("canvas");
      c.width = Math.round(img.width * png_scale);
      c.height = Math.round(img.height * png_scale);
      var g = c.getContext("2d");
      g.scale(png_scale, png_scale);
      g.drawImage(img, 0, 0);
      URL.revokeObjectURL(src);
      c.toBlob(save, "image/png");
    };
    img.src = src;
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
