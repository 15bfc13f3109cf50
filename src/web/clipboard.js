// Flopscope web — clipboard glue (design notes §3.5; the sokol_imgui pattern for paste).
// The JavaScript half, linked with --js-library (src/web/CMakeLists.txt); the C++ half is clipboard.cpp.
mergeInto(LibraryManager.library, {
  js_copy: function (utf8) {
    var text = UTF8ToString(utf8);
    function viaTextarea() {
        var active = document.activeElement;
        var ta = document.createElement("textarea");
        ta.value = text;
        ta.setAttribute("readonly", "");
        ta.style.position = "fixed";
        ta.style.left = "-10000px";
        document.body.appendChild(ta);
        ta.select();
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
        document.body.removeChild(ta);
        if (active && active.focus) active.focus({ preventScroll: true });
        return ok;
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).catch(viaTextarea);
        return 1;
    }
    return viaTextarea() ? 1 : 0;
  },

  js_install_paste_listener: function () {
    var canvas = Module["canvas"];
    window.addEventListener("paste", function (e) {
        var t = e.target;
        if (t !== canvas && t !== document.body && t !== document.documentElement) return;
        var text = e.clipboardData ? e.clipboardData.getData("text/plain") : "";
        e.preventDefault();
        var p = allocateUTF8(text);
        _flopscope_on_paste(p);
        _free(p);
    }, true);
  }
});
