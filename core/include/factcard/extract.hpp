// Drafting a story from article text: quotes and their speakers, dates
// resolved against the article's own date, people and organisations with
// their spellings clustered, and the same claim across articles merged.
//
// Rule-based and deterministic: an editor corrects the draft, so every
// claim carries the sentence it came from.
#pragma once

#include "factcard/date.hpp"
#include "factcard/diagnostic.hpp"
#include "factcard/story.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace factcard {

struct Article {
  std::string name;         // file name or label, used for the source id
  std::string text;         // plain text or Markdown
  std::optional<Date> date; // publication date when known (e.g. --date)
};

// A date expression in a text: "last year" -> 2023 (year precision).
// An expression that cannot be resolved keeps its text with an unknown date.
struct FoundDate {
  std::size_t begin = 0, end = 0; // byte offsets in the text searched
  std::string text;
  Date date;
};

// Finds absolute and relative date expressions in a text, resolving relative
// ones against `reference` (the article's date). A sentence that speaks of
// what is to come ("will", "is set to") turns "on Friday" forward; "a day
// before" counts from the last day named before it.
std::vector<FoundDate> find_dates(std::string_view text, const std::optional<Date> &reference);

struct FoundEntity {
  std::string name; // the fullest spelling seen
  EntityKind kind = EntityKind::person;
  std::optional<std::string> role;
  std::vector<std::string> aliases; // every other spelling seen
};

struct FoundQuote {
  std::string quote;          // the quoted words; a split quote joined
  std::size_t speaker = npos; // index into entities
  std::string sentence;       // the verbatim sentence around it
  std::optional<Date> when;   // when it was said ("said on Monday"), else on or before the article's date
  std::optional<std::string> when_text;
  std::size_t paragraph = 0;
};

// Reported speech ("S said that ...", "according to S") and facts: every
// main clause with an actor and a finite verb.
struct FoundStatement {
  ClaimKind kind = ClaimKind::statement; // statement or event
  std::size_t who = npos;
  std::string what;      // the clause (a statement: its sentence)
  std::string sentence;  // the verbatim sentence, the evidence
  std::string own_words; // a fact's clause without its adverbial clauses, whose figures are theirs; empty: `what`
  std::string clause;    // the whole clause, as merging compares it, when `what` leaves out an adverbial clause
                         // that is a claim of its own; empty: `what`
  std::optional<Date> when;
  std::optional<std::string> when_text;
  std::string topic;                  // for events: the main verb's stem
  std::vector<std::size_t> mentioned; // entities named in the sentence
  std::size_t paragraph = 0;          // 0 = the lead
};

struct ArticleAnalysis {
  std::string headline;
  std::optional<std::string> publisher, url;
  std::optional<Date> date; // given, else stated in the text
  std::vector<FoundDate> dates;
  std::vector<FoundEntity> entities;
  std::vector<FoundQuote> quotes;
  std::vector<FoundStatement> statements;
};

ArticleAnalysis analyse_article(const Article &article);

// Only the dates of an article (page chrome removed, datelines included):
// what a date-only tool does, for comparing like with like.
ArticleAnalysis analyse_dates(const Article &article);

// The debug view the extraction benchmark scores:
// {"dates":[{"text","value"}], "people":[names], "quotes":[{"quote","speaker"}]}
Json annotations_json(const ArticleAnalysis &analysis);

// The first byte where an article is not UTF-8, at its line and column
// (characters, 1-based); std::nullopt when the whole text is UTF-8.
std::optional<Diagnostic> find_non_utf8(std::string_view text, const std::string &file);

// A story draft from several articles: one source per article, entities
// clustered across them, the same quote or statement merged into one claim
// with evidence from each, differing wordings and dates as contested.
Story draft_story(const std::vector<Article> &articles);

} // namespace factcard
