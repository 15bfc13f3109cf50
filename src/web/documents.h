// Flopscope web — the exports' documents, written by the page's lazily loaded module (documents.cpp).
#pragma once

#include "core/documents.h"

#include <functional>

namespace flopscope::web::documents {

// Hands `request` to the module (loading it first, once) and calls `done` with its document, or with why
// there is none (the module did not load), on a later turn of the browser's event loop.
void write(const DocumentRequest& request, std::function<void(const Document&)> done);

// Starts loading the module (an export menu opened), so that the click that follows is answered at once.
void prepare();

} // namespace flopscope::web::documents
