// Clauses: the units a fact claim is made of. A sentence such as "The
// council opened the bridge on Monday after it was approved last month"
// has one main clause (opened ... on Monday) and one subordinate clause
// (after it was approved last month), whose date is not the claim's.
#pragma once

#include "tokens.hpp"

#include <cstddef>
#include <utility>
#include <vector>

namespace factcard {
namespace detail {

struct Clause {
  std::size_t first = 0, last = 0; // token indices, inclusive
  std::size_t verb = 0;            // the first finite verb
  std::vector<Clause> subordinate; // spans inside it whose dates are not its own (their verb unused)
  bool shares_subject = false;     // ", killing 190 people", "and acquitted of four": the clause before it acts
};

// A verb that makes a statement: "was", "won", "agreed", and "agrees" or
// "faces" right after the subject (`after_subject`).
bool is_finite_verb(const std::vector<Token> &t, std::size_t i, bool after_subject);

// The main clauses of the sentence made of tokens [first, last] that have a
// finite verb: split at ";" and at ", and" / ", but" / ", while" before a
// new finite clause. A second predicate of a clause's subject (a
// participle phrase, ", sending buildings tumbling"; a verb after "and",
// "and was deadlocked on three") is a clause of its own right after it,
// marked `shares_subject`. Tokens with `quoted[i]` (inside quotation marks)
// are never verbs.
std::vector<Clause> main_clauses(const std::vector<Token> &t, std::size_t first, std::size_t last,
                                 const std::vector<bool> &quoted);

// "before reaching the station on Sunday": a time subordinator and a
// participle, up to the next comma: token spans in [first, last], each
// no fact of its own, but with a date that is not the clause's.
std::vector<std::pair<std::size_t, std::size_t>> participle_phrases(const std::vector<Token> &t, std::size_t first,
                                                                    std::size_t last);

// "after the vote was held", "as Tottenham were held": a subordinate span
// that is an adverbial clause, a fact with its own subject and verb.
bool is_adverbial_span(const std::vector<Token> &t, const Clause &span);

// The clause without a closing contrast clause ("She was acquitted on four
// counts while a mistrial was declared on three"): that clause states a
// fact of its own (it has its own subject), which is not the first one's.
Clause without_contrast(const std::vector<Token> &t, const Clause &c);

} // namespace detail
} // namespace factcard
