// "The same fact" across outlets, by what the sentences share rather than
// their wording: entities, numbers at their precision ("$3.7bn" = "3.7
// billion dollars" = "$3,700m"; "58%" = "58.5%"), and content words after
// stemming. A wrong merge is worse than a missed one, so every rule asks
// for two kinds of agreement.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace factcard {
namespace detail {

struct Amount {
  enum Kind { plain, money, percent } kind = plain;
  double value = 0;
  double unit = 1;                  // the written precision: 0.1 for "58.5", 1e9 for "$44bn", 1 for "40,000"
  bool distinctive = false;         // money, a percentage, a decimal or a count above 12 (years are dates, not amounts)
  std::vector<std::string> counted; // what a count counts, stemmed: "19 hours", "a 19-hour journey": "hour"
};

// The amounts written in a text.
std::vector<Amount> amounts_in(std::string_view text);
// Equal at the coarser of their precisions, and of the same kind.
bool same_amount(const Amount &a, const Amount &b);

// The scores written in a text ("3-2", "2–2"), the higher first: "2-3"
// and "3-2" are one result told from either side.
std::set<std::string> scores_in(std::string_view text);

// Content words, stemmed, without stopwords, numbers and names.
std::set<std::string> content_stems(std::string_view text);

struct FactSignature {
  std::size_t actor = static_cast<std::size_t>(-1); // who acts or speaks
  std::set<std::size_t> entities;                   // draft-wide entity indices, the actor's included
  std::vector<Amount> amounts;
  std::set<std::string> stems;
  std::set<std::string> names;   // capitalised words, folded: "pfa", "players", "season"
  std::set<std::string> scores;  // "2-2", "3-1": a match's result
  std::set<std::string> actions; // the stems that name what happened: "=guilty", "depart" ("departed")
  bool negated = false;          // "not", "never", "acquitted": the opposite of a plain statement
  std::set<std::string> denied;  // the stems a negation is about: "guilty" in "found not guilty"
  std::string when;              // a date that tells the fact apart ("in March 2023"), set by the draft
};

// `own`: the words of `text` outside its adverbial clauses ("..., as
// Tottenham were held 2-2"), whose figures and scores are those clauses'
// facts, not this one's; empty when there are none.
FactSignature signature_of(std::string_view text, std::size_t actor, const std::vector<std::size_t> &entities,
                           std::string_view own = {});

// Whether two facts from different outlets state the same thing.
bool same_fact(const FactSignature &a, const FactSignature &b);
// How alike two facts are, 0 when they are not the same fact: to choose the
// best of several claims a new sentence could join.
double fact_similarity(const FactSignature &a, const FactSignature &b);

// Whether two facts give different figures for the same thing ("four
// counts" / "three counts", "$44bn" / "$43bn"): then they are never one
// claim, even through a third fact each resembles.
bool figures_conflict(const FactSignature &a, const FactSignature &b);

// Whether two quotes are one quote transcribed twice: their words align
// (longest common subsequence) over most of the shorter one.
bool same_quote(std::string_view a, std::string_view b);

} // namespace detail
} // namespace factcard
