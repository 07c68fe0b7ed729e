#include "clauses.hpp"

#include "lexicon.hpp"

namespace factcard {
namespace detail {
namespace {

bool ends_with(std::string_view w, std::string_view suffix) {
  return w.size() > suffix.size() + 1 && w.substr(w.size() - suffix.size()) == suffix;
}

// "the injured", "a planned ban": a participle used as an adjective.
bool after_determiner(const std::vector<Token> &t, std::size_t i) {
  if (i == 0) return false;
  std::string_view w = t[i - 1].lower;
  return w == "the" || w == "a" || w == "an" || w == "its" || w == "his" || w == "her" || w == "their" || w == "this" ||
         w == "that" || w == "of" || w == "newly" || w == "already" || w == "so-called";
}

// "3:22" (a time) and "2:1" (a ratio) are written without spaces: not a boundary.
bool between_digits(const std::vector<Token> &t, std::size_t i) {
  return i > 0 && i + 1 < t.size() && t[i - 1].number && t[i + 1].number && t[i - 1].end == t[i].begin &&
         t[i].end == t[i + 1].begin;
}

bool boundary(const std::vector<Token> &t, std::size_t i) {
  return t[i].text == ";" || (t[i].text == ":" && !between_digits(t, i));
}

bool coordinator(const std::vector<Token> &t, std::size_t i) {
  std::string_view w = t[i].lower;
  return i > 0 && t[i - 1].text == "," && (w == "and" || w == "but" || w == "while" || w == "whereas" || w == "yet");
}

std::size_t first_verb(const std::vector<Token> &t, std::size_t from, std::size_t to, const std::vector<bool> &quoted) {
  for (std::size_t i = from; i <= to; ++i) {
    if (quoted[i]) continue;
    if (is_subordinator(t[i].lower)) { // the verb of "after it was approved" is not the clause's
      while (i < to && t[i + 1].text != "," && !boundary(t, i + 1)) ++i;
      continue;
    }
    bool after_subject = i > from && t[i - 1].word && !is_preposition(t[i - 1].lower);
    if (is_finite_verb(t, i, after_subject)) return i;
  }
  return static_cast<std::size_t>(-1);
}

// "with Arsenal beating them twice": an absolute phrase, "with", a noun
// phrase and a participle, states a fact of its own. `i` is "with".
bool absolute_phrase(const std::vector<Token> &t, std::size_t i, std::size_t last, const std::vector<bool> &quoted) {
  if (t[i].lower != "with" || quoted[i]) return false;
  for (std::size_t k = i + 2; k <= last && t[k].text != "," && !boundary(t, k); ++k) {
    std::string_view w = t[k].lower;
    bool participle = t[k].word && !t[k].capitalized && !quoted[k] && w.size() > 4 && w.substr(w.size() - 3) == "ing";
    if (!participle) continue;
    const Token &before = t[k - 1];
    return before.word && !is_not_name(before.lower) && !is_preposition(before.lower) &&
           possessive_stripped(before.text) == before.text && w != "during" && w != "including" && w != "according";
  }
  return false;
}

// Subordinate spans: from a subordinator to the next comma, or, when the
// sentence opens with one ("After the vote, ..."), to its first comma.
std::vector<Clause> subordinate_spans(const std::vector<Token> &t, std::size_t first, std::size_t last,
                                      const std::vector<bool> &quoted) {
  std::vector<Clause> spans;
  for (std::size_t i = first; i <= last; ++i) {
    bool absolute = absolute_phrase(t, i, last, quoted);
    if (!absolute && (quoted[i] || !is_subordinator(t[i].lower))) continue;
    std::size_t end = i;
    bool finite = false;
    while (end < last && t[end + 1].text != "," && !boundary(t, end + 1)) {
      ++end;
      finite = finite || (!quoted[end] && is_finite_verb(t, end, true));
    }
    // "after the vote" is a phrase, not a clause: its date is the claim's.
    bool relative = t[i].lower == "which" || t[i].lower == "who" || t[i].lower == "whose" || t[i].lower == "where";
    if (finite || relative || absolute) spans.push_back({i, end, i, {}});
    i = end;
  }
  return spans;
}

// ", killing over 190 people", ", sending buildings tumbling": a participle
// right after a comma opens a phrase that states a second fact of the same
// subject. Not a preposition in -ing ("including", "according") and not a
// speech verb (", saying ..." reports words, which quotes read).
bool participle_head(const std::vector<Token> &t, std::size_t i, const std::vector<bool> &quoted) {
  if (i == 0 || t[i - 1].text != "," || quoted[i] || !t[i].word || t[i].capitalized) return false;
  std::string_view w = t[i].lower;
  if (w.size() < 6 || !ends_with(w, "ing") || is_speech_verb(w) || is_preposition(w) || is_not_verb(w)) return false;
  static const char *const not_participles[] = {"including",  "according", "during",    "following", "regarding",
                                                "concerning", "excluding", "something", "nothing",   "anything",
                                                "everything", "evening",   "morning",   "spring",    "building"};
  for (const char *n : not_participles)
    if (w == n) return false;
  return true;
}

// The first participle phrase in (verb, stop], outside subordinate spans.
std::size_t participle_start(const std::vector<Token> &t, std::size_t verb, std::size_t stop,
                             const std::vector<bool> &quoted, const std::vector<Clause> &subordinate) {
  for (std::size_t i = verb + 2; i < stop; ++i) {
    bool in_span = false;
    for (const Clause &span : subordinate) in_span = in_span || (i >= span.first && i <= span.last);
    if (!in_span && participle_head(t, i, quoted)) return i;
  }
  return static_cast<std::size_t>(-1);
}

// A clause [start, stop] with its verb, and its closing participle phrase as
// a clause of its own.
void add_clause(std::vector<Clause> &out, const std::vector<Token> &t, std::size_t start, std::size_t stop,
                std::size_t verb, const std::vector<bool> &quoted) {
  std::vector<Clause> spans = subordinate_spans(t, start, stop, quoted);
  std::size_t phrase = participle_start(t, verb, stop, quoted, spans);
  if (phrase == static_cast<std::size_t>(-1)) {
    out.push_back({start, stop, verb, std::move(spans)});
    return;
  }
  out.push_back({start, phrase - 2, verb, subordinate_spans(t, start, phrase - 2, quoted)});
  Clause tail{phrase, stop, phrase, subordinate_spans(t, phrase, stop, quoted)};
  tail.participle = true;
  out.push_back(std::move(tail));
}

} // namespace

bool is_finite_verb(const std::vector<Token> &t, std::size_t i, bool after_subject) {
  const Token &token = t[i];
  if (!token.word || token.number || token.capitalized) return false;
  std::string_view w = token.lower;
  if (is_not_verb(w)) return false;
  // "This was" is a subject and its verb, "this year" a determiner and its noun.
  if (is_auxiliary(w) && i > 0 && t[i - 1].lower == "this") return true;
  if (is_auxiliary(w) || is_irregular_past(w)) return !after_determiner(t, i);
  if (ends_with(w, "ed")) return !after_determiner(t, i);
  // Present tense: only right after its subject ("Musk agrees", "Ardern says"),
  // never after a count ("10 deaths").
  bool after_count = i > 0 && t[i - 1].number;
  return after_subject && !after_count && ends_with(w, "s") && !ends_with(w, "ss") && !ends_with(w, "us") &&
         !ends_with(w, "is") && !after_determiner(t, i);
}

std::vector<Clause> main_clauses(const std::vector<Token> &t, std::size_t first, std::size_t last,
                                 const std::vector<bool> &quoted) {
  std::vector<Clause> out;
  if (t.empty() || first > last || last >= t.size()) return out;
  std::size_t start = first;
  for (std::size_t i = first; i <= last + 1; ++i) {
    bool end = i > last || boundary(t, i) ||
               (coordinator(t, i) && first_verb(t, i + 1, last, quoted) != static_cast<std::size_t>(-1));
    if (!end) continue;
    std::size_t stop = i > last ? last : (i > start ? i - 1 : start);
    if (i <= last && t[stop].text == "," && stop > start) --stop;
    std::size_t verb = first_verb(t, start, stop, quoted);
    if (verb != static_cast<std::size_t>(-1)) add_clause(out, t, start, stop, verb, quoted);
    start = i + 1;
  }
  return out;
}

} // namespace detail
} // namespace factcard
