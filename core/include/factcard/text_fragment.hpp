// Deep links to evidence: the article's address with a text fragment
// (https://wicg.github.io/scroll-to-text-fragment/), so that a browser that
// supports them scrolls to the excerpt and highlights it. The widget builds
// the same links in web/src/fragment.mjs; tests/fixtures/text-fragments.json
// holds the cases both must answer alike.
#pragma once

#include <string>
#include <string_view>

namespace factcard {

// Words around the excerpt in the article, when they are known. Story files
// do not store them today, so the snippets pass none.
struct TextContext {
  std::string_view prefix; // the text just before the excerpt
  std::string_view suffix; // the text just after it
};

// `url` with its fragment (if any) replaced by
// `#:~:text=[prefix-,]start[,end][,-suffix]`. Whitespace runs count as one
// space. An excerpt of up to 8 words is `start` whole; a longer one is its
// first 4 words as `start` and its last 4 as `end`, which match the whole
// passage between them. A prefix keeps its last 3 words, a suffix its first 3.
// Each part is percent-encoded as UTF-8, all but A-Z a-z 0-9 . _ ~ ("-", "&"
// and "," included, as the directive's syntax needs). An excerpt without
// words leaves `url` as it is.
std::string text_fragment_url(std::string_view url, std::string_view excerpt, TextContext context = {});

} // namespace factcard
