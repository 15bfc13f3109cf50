// Flopscope web — HiDPI: keep the canvas backing store at CSS size × devicePixelRatio.
// The JavaScript half, linked with --js-library (src/web/CMakeLists.txt); the C++ half is dpi.cpp.
mergeInto(LibraryManager.library, {
  js_watch_canvas_size: function () {
    var canvas = Module["canvas"];
    function fit() {
        var r = canvas.getBoundingClientRect(), ratio = window.devicePixelRatio || 1;
        var w = Math.round(r.width * ratio), h = Math.round(r.height * ratio);
        if (w > 0 && h > 0) {  // not laid out (an empty frame): keep the last size
            if (canvas.width !== w) canvas.width = w;
            if (canvas.height !== h) canvas.height = h;
        }
        _flopscope_on_canvas_size(canvas.width, canvas.height);
    }
    window.addEventListener("resize", fit);
    // A devicePixelRatio change without a resize (window moved to another screen) fires no resize event;
    // a resolution media query does. Re-armed for the new ratio each time it fires.
    function arm() {
        var mql = window.matchMedia("(resolution: " + window.devicePixelRatio + "dppx)");
        mql.addEventListener("change", function () { fit(); arm(); }, { once: true });
    }
    arm();
    fit();
  }
});
