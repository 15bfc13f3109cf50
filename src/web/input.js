// Flopscope web — browser events → ImGui (input.h says which events ImGui gets and why).
// The JavaScript half, linked with --js-library (src/web/CMakeLists.txt); the C++ half is input.cpp.
mergeInto(LibraryManager.library, {
  js_install_input: function () {
    var canvas = Module["canvas"];
    var want = Module["flopscopeWants"] = { "mouse": true, "keyboard": false, "wheel": 0, "mac": false };
    var held = 0;  // DOM buttons pressed on the canvas and not yet released (bit 1 << event.button)
    function mods(e) { return (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0); }
    // Device pixels from the canvas's top left.
    function mouse(type, e) {
        var r = canvas.getBoundingClientRect();
        _flopscope_on_mouse(type, e.button, (e.clientX - r.left) * (canvas.width / r.width),
                            (e.clientY - r.top) * (canvas.height / r.height), mods(e));
    }
    function isFormField(t) {
        if (!t || t === canvas || !t.tagName) return false;
        return t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable;
    }
    function onKey(e) {
        var soft = Module["flopscopeSoftKeyboard"];
        if (soft && e.target === soft["element"]) { soft["onKey"](e); return; }
        if (isFormField(e.target)) return;
        var k = e.key;
        if (k === "Tab" && !want["keyboard"]) return;
        if ((e.ctrlKey || e.metaKey) && (k === "v" || k === "V")) return;
        if (e.type === "keypress") {
            // Text: charCode is the typed character; with Ctrl or Cmd the key is a shortcut.
            if (!e.ctrlKey && !e.metaKey && e.charCode >= 32) _flopscope_on_char(e.charCode);
            return;
        }
        var down = e.type === "keydown";
        // ImGui repeats held keys itself.
        if (!e.repeat) _flopscope_on_key(e.keyCode, down, mods(e));
        // Tab would move the browser's focus and Backspace could navigate back; the other keys keep
        // their default, which the keypress that carries the text depends on.
        if (down && (k === "Tab" || k === "Backspace")) e.preventDefault();
    }
    window.addEventListener("keydown", onKey, true);
    window.addEventListener("keypress", onKey, true);
    window.addEventListener("keyup", onKey, true);

    canvas.addEventListener("mousedown", function (e) {
        held |= 1 << e.button;
        if (document.activeElement !== canvas) canvas.focus({ preventScroll: true });
        mouse(1, e);
    }, true);
    // On the window: a drag that leaves the canvas still moves, and ends wherever the button is released.
    window.addEventListener("mousemove", function (e) {
        if (e.target === canvas || held) mouse(0, e);
    }, true);
    window.addEventListener("mouseup", function (e) {
        var bit = 1 << e.button;
        if (!(held & bit) && e.target !== canvas) return;
        held &= ~bit;
        mouse(2, e);
    }, true);
    canvas.addEventListener("mouseleave", function (e) { if (!held) mouse(3, e); }, true);

    // The wheel goes to ImGui only when it scrolls something there: the window under the pointer can
    // still move that way (the bits of want.wheel, from the last frame). Otherwise the default is kept
    // and the page (or, in an iframe, the host page) scrolls. Ctrl+wheel is the browser's zoom.
    // Shift+wheel is horizontal in ImGui except on a Mac (io.MouseWheelRequestAxisSwap).
    canvas.addEventListener("wheel", function (e) {
        var dx = e.deltaX || 0, dy = e.deltaY || 0;
        if (e.shiftKey && !want["mac"]) { dx = dy; dy = 0; }
        var w = want["wheel"];
        var scrolls = (dy < 0 && (w & 1)) || (dy > 0 && (w & 2)) || (dx < 0 && (w & 4)) || (dx > 0 && (w & 8));
        if (!want["mouse"] || e.ctrlKey || !scrolls) return;
        e.preventDefault();
        // ImGui 1.90.1's scaling (imgui_impl_glfw.cpp ImGui_ImplEmscripten_WheelCallback): pixels / 100,
        // lines / 3, pages × 80; DOM deltas grow downwards, ImGui's upwards.
        var scale = e.deltaMode === 0 ? -0.01 : (e.deltaMode === 1 ? -1 / 3 : -80);
        _flopscope_on_wheel(e.deltaX * scale, e.deltaY * scale);
    }, { passive: false });

    // The page (the embed's frame) itself, not an element in it: releases what is held.
    window.addEventListener("blur", function (e) {
        if (e.target !== window) return;
        held = 0;
        _flopscope_on_focus(0);
    });
    window.addEventListener("focus", function (e) { if (e.target === window) _flopscope_on_focus(1); });
  },

  js_publish_wants: function (mouse, keyboard, wheel, mac) {
    var want = Module["flopscopeWants"];
    want["mouse"] = !!mouse;
    want["keyboard"] = !!keyboard;
    want["wheel"] = wheel;
    want["mac"] = !!mac;
  }
});
