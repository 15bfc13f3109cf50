// Flopscope web — on-screen keyboard bridge (soft_keyboard.h).
// The JavaScript half, linked with --js-library (src/web/CMakeLists.txt); the C++ half is soft_keyboard.cpp.
mergeInto(LibraryManager.library, {
  js_install_soft_keyboard: function () {
    var ta = document.createElement("textarea");
    ta.id = "flopscope-keyboard";
    ta.setAttribute("aria-hidden", "true");
    ta.setAttribute("tabindex", "-1");
    ta.setAttribute("autocomplete", "off");
    ta.setAttribute("autocapitalize", "off");
    ta.setAttribute("autocorrect", "off");
    ta.setAttribute("spellcheck", "false");
    ta.setAttribute("enterkeyhint", "done");
    // Inside the viewport (some browsers ignore focus on off-screen fields) but invisible; 16 px text
    // so iOS does not zoom the page when it gets the focus.
    ta.style.cssText = "position:fixed;left:0;bottom:0;width:1px;height:1px;padding:0;border:0;margin:0;" +
                       "opacity:0;font-size:16px;resize:none;overflow:hidden;z-index:-1;pointer-events:none";
    document.body.appendChild(ta);
    // One space stays in the field, so a Backspace on an otherwise empty field still changes it and
    // arrives as an input event on keyboards whose keydown says only "Unidentified".
    var SENTINEL = " ";
    function reset() { ta.value = SENTINEL; ta.setSelectionRange(1, 1); }
    var KEYS = { "Backspace": 1, "Enter": 2, "Tab": 3, "Escape": 4, "ArrowLeft": 5, "ArrowRight": 6, "ArrowUp": 7,
                 "ArrowDown": 8, "Delete": 9, "Home": 10, "End": 11 };
    var state = Module["flopscopeSoftKeyboard"] = {
        "want": false, "numeric": false, "releasing": false, "element": ta,
        // Called by input.js's key listener for every key event aimed at the textarea.
        "onKey": function (e) {
            if (e.type !== "keydown" || e.isComposing) return;
            var code = KEYS[e.key];
            if (!code) return;  // text: the input event that follows carries it
            e.preventDefault();
            _flopscope_soft_key(code);
        },
        // Called by touch.js at the end of a touch, inside the gesture.
        "onTouchEnd": function () { if (state["want"]) state["focus"](); },
        "focus": function () {
            ta.inputMode = state["numeric"] ? "decimal" : "text";
            if (document.activeElement !== ta) { reset(); ta.focus({ preventScroll: true }); }
        },
        "release": function () {
            if (document.activeElement !== ta) return;
            state["releasing"] = true;
            ta.blur();
            state["releasing"] = false;
            Module["canvas"].focus({ preventScroll: true });
        }
    };
    function feed(text) {
        for (var i = 0; i < text.length; ++i) {
            if (text[i] === "\n") _flopscope_soft_key(KEYS["Enter"]);
            else {
                var start = i;
                while (i + 1 < text.length && text[i + 1] !== "\n") ++i;
                var p = allocateUTF8(text.substring(start, i + 1));
                _flopscope_soft_text(p);
                _free(p);
            }
        }
    }
    ta.addEventListener("input", function (e) {
        if (e.isComposing) return;  // compositionend delivers the word
        var v = ta.value;
        if (v.length < SENTINEL.length || e.inputType === "deleteContentBackward") _flopscope_soft_key(KEYS["Backspace"]);
        else if (e.inputType === "deleteContentForward") _flopscope_soft_key(KEYS["Delete"]);
        else feed(v.substring(SENTINEL.length));
        reset();
    });
    ta.addEventListener("compositionend", function () { feed(ta.value.substring(SENTINEL.length)); reset(); });
    ta.addEventListener("blur", function () { if (!state["releasing"] && state["want"]) _flopscope_soft_keyboard_closed(); });
  },

  js_publish: function (want, numeric, touch) {
    var state = Module["flopscopeSoftKeyboard"];
    state["want"] = !!want && !!touch;
    state["numeric"] = !!numeric;
    if (state["want"]) state["focus"]();
    else state["release"]();
  }
});
