// Flopscope web — touch listeners feeding ImGui as ImGuiMouseSource_TouchScreen (design notes §3.6).
// The JavaScript half, linked with --js-library (src/web/CMakeLists.txt); the C++ half is touch.cpp.
mergeInto(LibraryManager.library, {
  // Only the first finger drives the pointer. Coordinates are converted to device pixels as input.js
  // converts mouse coordinates (canvas backing size / CSS size).
  js_install_touch_listeners: function () {
    var canvas = Module["canvas"];
    var primary = null;
    function handle(e) {
        if (e.target !== canvas) return;
        if (e.cancelable) e.preventDefault();  // no emulated mouse events after the touch
        var phase = e.type === "touchstart" ? 0 : (e.type === "touchmove" ? 1 : 2);
        for (var i = 0; i < e.changedTouches.length; ++i) {
            var t = e.changedTouches[i];
            if (phase === 0 && primary === null) primary = t.identifier;
            if (t.identifier !== primary) continue;
            // While the on-screen keyboard's field has the focus, a tap (say, to move the caret) keeps it;
            // soft_keyboard.js releases it when ImGui stops wanting text.
            var soft = Module["flopscopeSoftKeyboard"];
            var typing = soft && document.activeElement === soft["element"];
            if (phase === 0 && !typing) canvas.focus({ preventScroll: true });
            var r = canvas.getBoundingClientRect();
            var x = (t.clientX - r.left) * (canvas.width / r.width);
            var y = (t.clientY - r.top) * (canvas.height / r.height);
            if (phase === 2) primary = null;
            _flopscope_on_touch(phase, x, y);
            if (phase === 2 && soft) soft["onTouchEnd"]();  // inside the gesture: iOS shows the keyboard
        }
    }
    ["touchstart", "touchmove", "touchend", "touchcancel"].forEach(function (type) {
        window.addEventListener(type, handle, { capture: true, passive: false });
    });
  }
});
