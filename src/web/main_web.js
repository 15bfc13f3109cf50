// Flopscope web — entry point: GLFW window + WebGL2 context, ImGui with its GLFW/OpenGL3 backends, the
// The JavaScript half, linked with --js-library (src/web/CMakeLists.txt); the C++ half is main_web.cpp.
mergeInto(LibraryManager.library, {
  // Shown by the shell in place of the canvas.
  js_fail: function (message) {
    var text = UTF8ToString(message);
    if (typeof Module["flopscopeFail"] === "function") Module["flopscopeFail"](text);
    else console.error(text);
  },

  js_is_apple: function () {
    return /Mac|iPhone|iPad|iPod/.test(navigator.platform || navigator.userAgent) ? 1 : 0;
  }
});
