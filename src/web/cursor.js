// Flopscope web — ImGuiMouseCursor → CSS cursor on #canvas, written only when it changes.
// The JavaScript half, linked with --js-library (src/web/CMakeLists.txt); the C++ half is cursor.cpp.
mergeInto(LibraryManager.library, {
  js_set_cursor: function (css) {
    Module["canvas"].style.cursor = UTF8ToString(css);
  }
});
