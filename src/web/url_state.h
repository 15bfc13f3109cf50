// Flopscope web — the page URL's fragment carries the app's state (design notes §3.8). Read once at
// start and on every `hashchange`; written with history.replaceState (no history entry, no event).
#pragma once

#include <string>

namespace flopscope::web::url_state {

// The current fragment without '#' (percent-encoding left as it is in the URL).
std::string fragment();

// Registers the `hashchange` listener; a change is queued and wakes the loop.
void install();

// True once per hashchange since the last call (the frame then reloads the app from fragment()).
bool take_change();

// Replaces the fragment (without '#') without adding a history entry; a no-op if unchanged.
void replace_fragment(const std::string& fragment);

// The page URL without its fragment.
std::string url_without_fragment();

} // namespace flopscope::web::url_state
