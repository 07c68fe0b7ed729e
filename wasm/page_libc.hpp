// Small replacements for libc functions, linked into factcard.wasm only
// (page_libc.cpp says why). Where one meets an input it cannot answer exactly
// as libc would, it says so here, and fc_open asks for factcard-story.wasm,
// which has libc's own, to take the input (page_quote.cpp declines the same way).
#pragma once

namespace factcard_wasm {

// Set by a replacement that could not answer as libc would; fc_open clears
// it before each input and checks it after.
extern bool libc_declined;

} // namespace factcard_wasm
