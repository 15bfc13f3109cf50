// Flopscope web — location.hash in, history.replaceState out.
// The JavaScript half, linked with --js-library (src/web/CMakeLists.txt); the C++ half is url_state.cpp.
mergeInto(LibraryManager.library, {
  js_install_hashchange: function () {
    window.addEventListener("hashchange", function () { _flopscope_on_hashchange(); });
  },

  js_location_hash: function () { return allocateUTF8(location.hash); },
  js_location_href: function () { return allocateUTF8(location.href); },

  js_replace_fragment: function (fragment) {
    var f = UTF8ToString(fragment);
    var base = location.href.split("#")[0];
    history.replaceState(history.state, "", f ? base + "#" + f : base);
  }
});
