#include "factcard/publish.hpp"
#include "factcard/card_page.hpp"
#include "factcard/text_fragment.hpp"

#include "json_reader.hpp"
#include "json_writer.hpp"
#include "output.hpp"
#include "publisher.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace factcard {
namespace {

const char *const month_names[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

// How a source is named to a reader: its outlet, else its headline.
std::string source_label(const Source &s) {
  if (s.publisher) return *s.publisher;
  if (s.headline) return "\u201C" + *s.headline + "\u201D (outlet unknown)";
  return "Unknown outlet";
}

// schema.org takes ISO 8601 intervals: "on or before D" is the open-start "../D".
std::string temporal_coverage(const Date &when) {
  Date bare = when;
  bare.on_or_before = false;
  return when.on_or_before ? "../" + bare.to_string() : bare.to_string();
}

Json type_of(const Entity &e) {
  switch (e.kind_or_default()) {
  case EntityKind::person:
    return "Person";
  case EntityKind::organization:
    return "Organization";
  case EntityKind::place:
    return "Place";
  case EntityKind::other:
    return "Thing";
  }
  return "Thing";
}

Json appearance_json(const Source &s) {
  Json out = Json::object();
  out.get_ref<Json::object_t &>().reserve(5);
  detail::append_member(out, "@type", "NewsArticle");
  if (s.headline) detail::append_member(out, "headline", *s.headline);
  // as the footer's links: never javascript: and the like
  if (s.url && is_web_url(*s.url)) detail::append_member(out, "url", *s.url);
  // schema.org dates are ISO 8601: "~2024-09" is not one
  if (s.published && s.published->known() && !s.published->approximate && !s.published->on_or_before)
    detail::append_member(out, "datePublished", s.published->to_string());
  if (s.publisher) detail::append_member(out, "publisher", {{"@type", "Organization"}, {"name", *s.publisher}});
  return out;
}

} // namespace

namespace detail {

std::string status_words(const Card &card) {
  switch (card.status) {
  case Status::corroborated:
    return "Reported by " + std::to_string(card.corroboration) + " outlets";
  case Status::single_source:
    return "Single source";
  case Status::contested:
    return "Contested: sources disagree";
  }
  return "";
}

void append_attribute(std::string &out, const char *name, std::string_view value) {
  out += ' ';
  out += name;
  out += "=\"";
  append_html(out, value);
  out += '"';
}

void append_script_json(std::string &out, std::string_view json) {
  std::size_t from = 0;
  for (std::size_t at = 0; at < json.size(); ++at) {
    char c = json[at];
    if (c != '<' && c != '>' && c != '&') continue;
    out.append(json, from, at - from);
    out += c == '<' ? "\\u003c" : c == '>' ? "\\u003e" : "\\u0026";
    from = at + 1;
  }
  out.append(json, from, std::string_view::npos);
}

void append_html(std::string &out, std::string_view text) {
  std::size_t from = 0;
  for (std::size_t at = 0; at < text.size(); ++at) {
    const char *escaped;
    switch (text[at]) {
    case '&':
      escaped = "&amp;";
      break;
    case '<':
      escaped = "&lt;";
      break;
    case '>':
      escaped = "&gt;";
      break;
    case '"':
      escaped = "&quot;";
      break;
    case '\'':
      escaped = "&#39;";
      break;
    case '\0':
      escaped = "\xEF\xBF\xBD"; // U+FFFD: HTML has no NUL
      break;
    default:
      continue;
    }
    out.append(text, from, at - from);
    out += escaped;
    from = at + 1;
  }
  out.append(text, from, std::string_view::npos);
}

Publisher::Publisher(const Story &story, const EmbedOptions &options)
    : story_(story), sources_(story.sources.size()), authors_(story.entities.size()) {
  bundle_url_ = options.base + story.info.id + ".cards.json";
  tail_ = "<script";
  append_attribute(tail_, "src", options.base + "factcard/factcard.js");
  // Low priority: the page's own resources go first (the card waits for the page's paint anyway).
  tail_ += " async fetchpriority=\"low\"></script>\n";
}

Json Publisher::claim(const Card &card, bool with_context) {
  const Entity &who = story_.entities[card.who];
  Json claim = Json::object();
  claim.get_ref<Json::object_t &>().reserve(10);
  if (with_context) detail::append_member(claim, "@context", "https://schema.org");
  detail::append_member(claim, "@type", "Claim");
  detail::append_member(claim, "@id", "#" + card.id);
  detail::append_member(claim, "identifier", card.id);
  detail::append_member(claim, "text", card.what);
  Json &author = authors_[card.who];
  if (author.is_null()) author = {{"@type", type_of(who)}, {"name", who.name}};
  detail::append_member(claim, "author", author);
  if (card.when && card.when->known() && !card.when->approximate) // "..D" is ISO 8601-2's open start
    detail::append_member(claim, "temporalCoverage", temporal_coverage(*card.when));
  distinct(card);
  Json appearances = Json::array();
  appearances.get_ref<Json::array_t &>().reserve(distinct_.size());
  const SourceParts *first = nullptr; // the first appearance: the earliest exactly dated source
  for (std::size_t index : distinct_) {
    const SourceParts &s = source(index);
    appearances.push_back(s.appearance);
    if (s.dated && (!first || s.published < first->published)) first = &s;
  }
  if (first) {
    detail::append_member(claim, "datePublished", first->published);
    detail::append_member(claim, "firstAppearance", first->appearance);
  }
  detail::append_member(claim, "appearance", std::move(appearances));
  if (!card.updates.empty()) { // newest first: the first is when the claim last changed
    detail::append_member(claim, "dateModified", card.updates.front().date.to_string());
    Json corrections = Json::array();
    for (const Update &u : card.updates) {
      corrections.push_back({{"@type", "CorrectionComment"}, {"text", u.note}, {"datePublished", u.date.to_string()}});
    }
    detail::append_member(claim, "correction", std::move(corrections));
  }
  return claim;
}

void Publisher::fallback(const Card &card, std::string_view story, std::string &out) {
  const Entity &who = story_.entities[card.who];
  out += "<blockquote class=\"fact-card\"";
  append_attribute(out, "data-story", story);
  append_attribute(out, "data-claim", card.id);
  if (story_.info.language) append_attribute(out, "lang", *story_.info.language);
  out += ">\n  <p>";
  if (card.kind == ClaimKind::quote) out += "\u201C";
  append_html(out, card.what);
  if (card.kind == ClaimKind::quote) out += "\u201D";
  out += "</p>\n  <footer>";
  append_html(out, who.name);
  if (card.when && card.when->known()) {
    out += " \u00B7 ";
    append_html(out, format_date_en(*card.when));
  }
  out += " \u00B7 ";
  append_html(out, status_words(card));
  out += ": ";
  distinct(card);
  for (std::size_t i = 0; i < distinct_.size(); ++i) {
    if (i) out += ", ";
    append_source(out, card, distinct_[i]);
  }
  out += "</footer>\n";
  append_updates(out, card);
  out += "</blockquote>\n";
}

// "Updated 3 Sep 2024" and every note with its day, newest first; nothing at
// all for a card without updates, so that its fallback stays as it was.
void Publisher::append_updates(std::string &out, const Card &card) {
  if (card.updates.empty()) return;
  out += "  <p>Updated ";
  append_html(out, format_date_en(card.updates.front().date));
  out += "</p>\n  <ul>\n";
  for (const Update &u : card.updates) {
    out += "    <li><time";
    append_attribute(out, "datetime", u.date.to_string());
    out += '>';
    append_html(out, format_date_en(u.date));
    out += "</time>: ";
    append_html(out, u.note);
    out += "</li>\n";
  }
  out += "  </ul>\n";
}

void Publisher::snippet(const Card &card, const Json &ld, std::string &out, std::string &scratch) {
  fallback(card, bundle_url_, out);
  // the card's Claim, for crawlers that do not run the widget
  out += "<script type=\"application/ld+json\">";
  scratch.clear();
  detail::JsonWriter(scratch).value(ld);
  append_script_json(out, scratch);
  out += "</script>\n";
  out += tail_;
}

Publisher::SourceParts &Publisher::source(std::size_t index) {
  SourceParts &parts = sources_[index];
  if (parts.ready) return parts;
  const Source &s = story_.sources[index];
  parts.ready = true;
  parts.dated = s.published && s.published->known() && !s.published->approximate && !s.published->on_or_before;
  if (parts.dated) parts.published = s.published->to_string();
  if (s.url && is_web_url(*s.url)) parts.url = *s.url;
  append_html(parts.label, source_label(s));
  parts.appearance = appearance_json(s);
  return parts;
}

// A link to the source's article when it has a web address, with a text
// fragment for the card's first excerpt from it, so that the reader lands on
// that passage (docs/FORMAT.md, Evidence; the JSON-LD keeps the plain address).
void Publisher::append_source(std::string &out, const Card &card, std::size_t index) {
  const SourceParts &s = source(index);
  if (s.url.empty()) {
    out += s.label;
    return;
  }
  std::string_view excerpt;
  for (const CardEvidence &e : card.evidence) {
    if (e.source == index && !e.quote.empty()) {
      excerpt = e.quote;
      break;
    }
  }
  out += "<a";
  append_attribute(out, "href", text_fragment_url(s.url, excerpt));
  out += '>';
  out += s.label;
  out += "</a>";
}

void Publisher::distinct(const Card &card) {
  distinct_.clear();
  for (const CardEvidence &e : card.evidence) {
    if (std::find(distinct_.begin(), distinct_.end(), e.source) == distinct_.end()) distinct_.push_back(e.source);
  }
}

} // namespace detail

// One card as a schema.org Claim: who made it, where it appeared, and when
// first (the earliest exactly dated source).
Json claim_jsonld(const Story &story, const Card &card) { return detail::Publisher(story, {}).claim(card, false); }

std::string format_date_en(const Date &date) {
  if (!date.known()) return "unknown date";
  std::string out = date.approximate ? "c. " : date.on_or_before ? "by " : "";
  if (date.precision == Precision::day) out += std::to_string(date.day) + " ";
  if (date.precision >= Precision::month) out += std::string(month_names[date.month - 1]) + " ";
  return out + std::to_string(date.year);
}

EmbedOptions embed_options(std::string base, std::string site_name) {
  if (!base.empty() && base.back() != '/') base += '/';
  return {std::move(base), std::move(site_name)};
}

std::string bundle_path(const Story &story) { return story.info.id + ".cards.json"; }
std::string jsonld_path(const Story &story) { return story.info.id + ".jsonld"; }
std::string snippet_path(const std::string &card_id) { return "embed/" + card_id + ".html"; }
std::string card_page_path(const std::string &card_id) { return "cards/" + card_id + ".html"; }
std::string oembed_path(const std::string &card_id) { return "cards/" + card_id + ".oembed.json"; }

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  detail::append_html(out, text);
  return out;
}

bool is_web_url(std::string_view url) {
  std::size_t prefix = 0;
  auto starts = [&](std::string_view scheme) {
    if (url.size() < scheme.size()) return false;
    for (std::size_t i = 0; i < scheme.size(); ++i) {
      char c = url[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != scheme[i]) return false;
    }
    prefix = scheme.size();
    return true;
  };
  if (!starts("https://") && !starts("http://")) return false;
  if (url.size() == prefix || url[prefix] == '/') return false; // no host
  for (char ch : url) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == 0x7F) return false;
    if (std::string_view("\"<>\\^`{|}").find(ch) != std::string_view::npos) return false;
  }
  return true;
}

std::string embed_snippet(const Story &story, const Card &card, const EmbedOptions &options) {
  detail::Publisher publisher(story, options);
  std::string out, scratch;
  publisher.snippet(card, publisher.claim(card, true), out, scratch);
  return out;
}

std::string embed_snippet(const Story &story, const Card &card, const EmbedOptions &options, const Json &claim) {
  Json ld = Json::object();
  ld["@context"] = "https://schema.org";
  for (auto &item : claim.items()) ld[item.key()] = item.value();
  std::string out, scratch;
  detail::Publisher(story, options).snippet(card, ld, out, scratch);
  return out;
}

Json story_jsonld(const Story &story, const std::vector<Card> &cards) {
  detail::Publisher publisher(story, {});
  Json graph = Json::array();
  for (const Card &card : cards) graph.push_back(publisher.claim(card, false));
  Json out = Json::object();
  out["@context"] = "https://schema.org";
  out["@graph"] = std::move(graph);
  return out;
}

namespace {

constexpr std::size_t piece = 1 << 16;

bool flush(const std::function<bool(std::string_view)> &to, std::string &text) {
  bool ok = to(text);
  text.clear();
  return ok;
}

// Each card's page and oEmbed file, when the sink takes them. A page also
// holds the cards its card contradicts, which write_build may have consumed
// already: those few are copied first.
class CardExtras {
public:
  CardExtras(const std::vector<Card> &cards, const BuildSink &sink) {
    if (!sink.page) return;
    std::unordered_set<std::string> contradicted;
    for (const Card &card : cards) contradicted.insert(card.contradicts.begin(), card.contradicts.end());
    for (const Card &card : cards)
      if (contradicted.count(card.id)) rivals_.emplace(card.id, card);
  }

  bool write(detail::Publisher &publisher, const Story &story, const Card &card, const EmbedOptions &options,
             const Json &claim, const BuildSink &sink) {
    if (sink.page) {
      std::vector<const Card *> rivals;
      for (const std::string &id : card.contradicts) {
        auto rival = rivals_.find(id);
        if (rival != rivals_.end()) rivals.push_back(&rival->second);
      }
      page_.clear();
      detail::append_card_page(publisher, story, card, rivals, options, claim, page_, scratch_);
      if (!sink.page(card.id, page_)) return false;
    }
    if (!sink.oembed || !has_absolute_base(options)) return true;
    Json oembed = detail::card_oembed_json(publisher, story, card, options);
    return sink.oembed(card.id, oembed.dump(2, ' ', false, Json::error_handler_t::replace) + "\n");
  }

private:
  std::unordered_map<std::string, Card> rivals_;
  std::string page_, scratch_;
};

} // namespace

bool write_build(const Story &story, std::vector<Card> cards, const EmbedOptions &options, const BuildSink &sink) {
  // The bundle (compact) and the story's JSON-LD (indented by two) are written as
  // their cards come, with the bytes a dump of each whole document would have.
  std::string bundle, jsonld;
  detail::JsonWriter to_bundle(bundle), to_jsonld(jsonld, 2);
  to_bundle.begin_object();
  const Json frame = detail::bundle_frame(story, cards);
  for (auto &member : frame.items()) {
    to_bundle.key(member.key());
    to_bundle.value(member.value());
  }
  to_bundle.key("cards");
  to_bundle.begin_array();
  to_jsonld.begin_object();
  to_jsonld.key("@context");
  to_jsonld.value("https://schema.org");
  to_jsonld.key("@graph");
  to_jsonld.begin_array();
  detail::Publisher publisher(story, options);
  CardExtras extras(cards, sink);
  std::string html, scratch;
  for (Card &card : cards) {
    Json claim = publisher.claim(card, true);
    html.clear();
    publisher.snippet(card, claim, html, scratch);
    if (!sink.snippet(card.id, html)) return false;
    if (!extras.write(publisher, story, card, options, claim, sink)) return false;
    claim.erase("@context");
    to_jsonld.value(claim);
    to_bundle.value(detail::bundle_card_taking(story, card));
    card = Card(); // its text is written: free it
    // handed out in pieces of some size: fewer, larger writes
    if (bundle.size() >= piece && !flush(sink.bundle, bundle)) return false;
    if (jsonld.size() >= piece && !flush(sink.jsonld, jsonld)) return false;
  }
  to_bundle.end_array();
  to_bundle.end_object();
  bundle += '\n';
  to_jsonld.end_array();
  to_jsonld.end_object();
  jsonld += '\n';
  return sink.bundle(bundle) && sink.jsonld(jsonld);
}

} // namespace factcard
