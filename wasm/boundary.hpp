// What the wasm modules share at the C ABI: fc_alloc and fc_free, and for
// those that answer JSON text (factcard-story.wasm, factcard-extract.wasm)
// results as NUL-terminated UTF-8 the JS side frees with fc_free, and problems
// as {"errors": [...]}. factcard.wasm answers field by field instead
// (factcard_wasm.cpp) and uses only the allocator from here.
#pragma once

#include "factcard/diagnostic.hpp"
#include "factcard/story.hpp"

#include <string>

namespace factcard_wasm {

// A malloc'ed copy of the text, NUL-terminated (null when out of memory).
char *to_c_string(const std::string &text);

// JSON text as the boundary writes it: compact, invalid UTF-8 replaced.
std::string dump(const factcard::Json &value);

// {"errors": [{"line", "column", "message"}]}: what every call answers with
// when its input has problems.
factcard::Json errors_to_json(const factcard::Diagnostics &errors);

// One problem without a position, as errors_to_json writes it.
char *error(const std::string &message);

} // namespace factcard_wasm
