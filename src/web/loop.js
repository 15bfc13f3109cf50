// Flopscope web — the render loop on requestAnimationFrame.
// The JavaScript half, linked with --js-library (src/web/CMakeLists.txt); the C++ half is loop.cpp.
mergeInto(LibraryManager.library, {
  $flopscopeLoopStopped: false,

  js_install_loop__deps: ["$flopscopeLoopStopped"],
  js_install_loop: function () {
    // shell.html calls this (the name Emscripten's own main loop used) before an embed out of view
    // takes its picture and reloads asleep: no frame may be drawn after it.
    Module["pauseMainLoop"] = function () { flopscopeLoopStopped = true; };
  },

  js_request_frame__deps: ["$flopscopeLoopStopped"],
  js_request_frame: function () {
    requestAnimationFrame(function () { if (!flopscopeLoopStopped) _flopscope_frame(); });
  }
});
