// Flopscope web — entry point: the WebGL2 context, ImGui with its OpenGL3 backend, the browser glue.
// The JavaScript half, linked with --js-library (src/web/CMakeLists.txt); the C++ half is main_web.cpp.
mergeInto(LibraryManager.library, {
  // Shown by the shell in place of the canvas.
  js_fail: function (message) {
    var text = UTF8ToString(message);
    if (typeof Module["flopscopeFail"] === "function") Module["flopscopeFail"](text);
    else console.error(text);
  },

  // The WebGL 2 context on #canvas, made current (GL.makeContextCurrent also sets Module.ctx, which
  // shell.html and the browser tests read). Opaque, no depth or stencil buffer, no multisampling: ImGui
  // draws flat triangles over a cleared background.
  js_create_context__deps: ["$GL"],
  js_create_context: function () {
    var handle = GL.createContext(Module["canvas"], {
        "alpha": false, "depth": false, "stencil": false, "antialias": false, majorVersion: 2 });
    return handle && GL.makeContextCurrent(handle) ? 1 : 0;
  },

  js_is_apple: function () {
    return /Mac|iPhone|iPad|iPod/.test(navigator.platform || navigator.userAgent) ? 1 : 0;
  }
});
