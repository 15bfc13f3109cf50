// Flopscope web — the page in words, kept in the DOM for readers without the canvas (app::TextMirror):
// the shell's off-screen aria-live region and <table>. Rebuilt after each finished edit, the moment the
// URL fragment is rewritten, and when a link is opened.
#pragma once

namespace flopscope::app {
class App;
}

namespace flopscope::web::text_mirror {

// The state changed for good (an edit finished, a link was opened): rebuild at the end of the frame.
void mark_dirty();

// End of frame: hands the app's TextMirror to the shell (Module.onFlopscopeTextMirror) if marked.
void publish_if_dirty(const app::App& app);

} // namespace flopscope::web::text_mirror
