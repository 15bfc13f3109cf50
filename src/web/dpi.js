// Flopscope web — HiDPI: keep the GLFW window (= canvas backing store) at CSS size × devicePixelRatio.
// The JavaScript half, linked with --js-library (src/web/CMakeLists.txt); the C++ half is dpi.cpp.
mergeInto(LibraryManager.library, {
  // 3.1.6's glfwSetWindowSize requests fullscreen when asked for exactly screen.width × screen.height
  // (library_glfw.js setWindowSize; removed upstream in 3.1.49). Report whether a size would trip that.
  js_is_screen_size: function (w, h) {
    return (typeof screen !== "undefined" && w === screen.width && h === screen.height) ? 1 : 0;
  },

  // A devicePixelRatio change without a resize (window moved to another screen) fires no resize event;
  // a resolution media query does. Re-armed for the new ratio each time it fires.
  js_watch_pixel_ratio: function () {
    function arm() {
        var mql = window.matchMedia("(resolution: " + window.devicePixelRatio + "dppx)");
        mql.addEventListener("change", function () { _flopscope_on_pixel_ratio_change(); arm(); }, { once: true });
    }
    arm();
  }
});
