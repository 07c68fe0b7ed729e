// The parts of publishing shared by the snippets and JSON-LD (publish.cpp)
// and the card pages and oEmbed files (card_page.cpp): escaping, and the
// Publisher that makes each source's and entity's parts once per build.
#pragma once

#include "factcard/cards.hpp"
#include "factcard/publish.hpp"
#include "factcard/story.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace factcard {
namespace detail {

// Appends text escaped for HTML element content and quoted attribute values.
void append_html(std::string &out, std::string_view text);

// Appends ` name="value"`, escaped.
void append_attribute(std::string &out, const char *name, std::string_view value);

// Appends JSON text to put inside a <script> element: '<', '>' and '&' (only
// ever inside strings) written as \u escapes, the same JSON value, so that no
// text can close the element ("</script>") or change how HTML reads it ("<!--").
void append_script_json(std::string &out, std::string_view json);

// "Reported by 3 outlets", "Single source", "Contested: sources disagree".
std::string status_words(const Card &card);

// What the snippets, JSON-LD and card pages need of each source and entity,
// made once per source or entity rather than once per card that cites it.
class Publisher {
public:
  Publisher(const Story &story, const EmbedOptions &options);

  // The card's schema.org Claim, "@context" first when asked; the parts made
  // once per source and entity are copied in.
  Json claim(const Card &card, bool with_context);

  // Appends the card's snippet, with `ld` (its Claim with "@context") as JSON-LD;
  // `scratch` holds the JSON text on the way.
  void snippet(const Card &card, const Json &ld, std::string &out, std::string &scratch);

  // Appends the card's blockquote with its readable fallback, its data-story
  // `story` (the bundle's URL, or "#id" of an element holding the data).
  void fallback(const Card &card, std::string_view story, std::string &out);

  // The snippet's data-story: the bundle's URL.
  const std::string &bundle_url() const { return bundle_url_; }

private:
  struct SourceParts {
    bool ready = false;
    bool dated = false;    // exactly dated: a first appearance
    std::string published; // its date, when dated
    std::string label;     // how the fallback names it, as HTML
    std::string url;       // its web address, or empty
    Json appearance;       // its schema.org NewsArticle
  };

  SourceParts &source(std::size_t index);
  // Appends how the fallback names a source of the card (a link when it has a web address).
  void append_source(std::string &out, const Card &card, std::size_t index);
  void append_updates(std::string &out, const Card &card);
  void distinct(const Card &card); // each source of the card once, in the order the evidence names them

  const Story &story_;
  std::vector<SourceParts> sources_;
  std::vector<Json> authors_; // per entity: the author object of its claims
  std::string bundle_url_, tail_;
  std::vector<std::size_t> distinct_;
};

// Appends the card's page (card_page.hpp), with `ld` (its Claim with
// "@context") as JSON-LD; `rivals` are the cards it contradicts.
void append_card_page(Publisher &publisher, const Story &story, const Card &card,
                      const std::vector<const Card *> &rivals, const EmbedOptions &options, const Json &ld,
                      std::string &out, std::string &scratch);

// The card's oEmbed answer, or null without an absolute base.
Json card_oembed_json(Publisher &publisher, const Story &story, const Card &card, const EmbedOptions &options);

} // namespace detail
} // namespace factcard
