// Flopscope web — capture-phase event filter in front of Emscripten's GLFW.
// The JavaScript half, linked with --js-library (src/web/CMakeLists.txt); the C++ half is input_filter.cpp.
mergeInto(LibraryManager.library, {
  js_install_input_filter: function () {
    var canvas = Module["canvas"];
    var want = Module["flopscopeWants"] = { "mouse": true, "keyboard": false, "wheel": 0, "mac": false };
    function isFormField(t) {
        if (!t || t === canvas || !t.tagName) return false;
        return t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable;
    }
    function onKey(e) {
        var soft = Module["flopscopeSoftKeyboard"];
        if (soft && e.target === soft["element"]) { soft["onKey"](e); e.stopImmediatePropagation(); return; }
        if (isFormField(e.target)) { e.stopImmediatePropagation(); return; }
        var k = e.key;
        if (k === "Tab" && !want["keyboard"]) { e.stopImmediatePropagation(); return; }
        if ((e.ctrlKey || e.metaKey) && (k === "v" || k === "V")) { e.stopImmediatePropagation(); return; }
        if (k === "Escape" && e.type === "keydown") _flopscope_on_escape();
    }
    window.addEventListener("keydown", onKey, true);
    window.addEventListener("keypress", onKey, true);
    window.addEventListener("keyup", onKey, true);
    // The wheel goes to ImGui only when it scrolls something there: the window under the pointer can
    // still move that way (the bits of want.wheel, from the last frame). Otherwise GLFW never sees it
    // and does not preventDefault, so the page (or, in an iframe, the host page) scrolls. Ctrl+wheel is
    // the browser's zoom. Shift+wheel is horizontal in ImGui except on a Mac (io.MouseWheelRequestAxisSwap).
    function onWheel(e) {
        if (e.target !== canvas) return;
        var dx = e.deltaX || 0, dy = e.deltaY || 0;
        if (e.shiftKey && !want["mac"]) { dx = dy; dy = 0; }
        var w = want["wheel"];
        var scrolls = (dy < 0 && (w & 1)) || (dy > 0 && (w & 2)) || (dx < 0 && (w & 4)) || (dx > 0 && (w & 8));
        if (!want["mouse"] || e.ctrlKey || !scrolls) e.stopImmediatePropagation();
    }
    window.addEventListener("wheel", onWheel, { capture: true, passive: true });
    window.addEventListener("mousewheel", onWheel, { capture: true, passive: true });
    window.addEventListener("mouseup", function (e) {
        if (e.target !== canvas) _flopscope_on_mouse_up_outside(e.button);
    }, true);
    window.addEventListener("blur", function () { _flopscope_on_mouse_up_outside(-1); }, true);
    window.addEventListener("mousedown", function (e) {
        if (e.target === canvas && document.activeElement !== canvas) canvas.focus({ preventScroll: true });
    }, true);
  },

  js_publish_wants: function (mouse, keyboard, wheel, mac) {
    var want = Module["flopscopeWants"];
    want["mouse"] = !!mouse;
    want["keyboard"] = !!keyboard;
    want["wheel"] = wheel;
    want["mac"] = !!mac;
  }
});
