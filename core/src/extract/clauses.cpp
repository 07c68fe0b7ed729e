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

// "reaching", "killing": a participle, not a preposition or noun in -ing.
bool is_participle(const Token &t) {
  std::string_view w = t.lower;
  if (!t.word || t.capitalized || w.size() < 6 || !ends_with(w, "ing") || is_preposition(w) || is_not_verb(w))
    return false;
  static const char *const not_participles[] = {"including",  "according", "during",    "following", "regarding",
                                                "concerning", "excluding", "something", "nothing",   "anything",
                                                "everything", "evening",   "morning",   "spring",    "building"};
  for (const char *n : not_participles)
    if (w == n) return false;
  return true;
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

// "since 1978", "until May": a time word before a year or a month is a
// preposition, not the start of a clause ("after 50 people were killed" is one).
bool opens_clause(const std::vector<Token> &t, std::size_t i) {
  if (!is_subordinator(t[i].lower)) return false;
  std::string_view w = t[i].lower;
  bool temporal = w == "since" || w == "before" || w == "after" || w == "until" || w == "till";
  if (!temporal || i + 1 >= t.size()) return true;
  const Token &next = t[i + 1];
  bool year = next.number && next.text.size() == 4 && (next.text[0] == '1' || next.text[0] == '2');
  return !(year || is_month_name(next.lower));
}

bool absolute_phrase(const std::vector<Token> &t, std::size_t i, std::size_t last, const std::vector<bool> &quoted);
bool participle_aside(const std::vector<Token> &t, std::size_t i, std::size_t from, std::size_t to,
                      const std::vector<bool> &quoted);

std::size_t first_verb(const std::vector<Token> &t, std::size_t from, std::size_t to, const std::vector<bool> &quoted) {
  std::size_t aside_closed = static_cast<std::size_t>(-1);
  for (std::size_t i = from; i <= to; ++i) {
    if (quoted[i]) continue;
    // the verb of "after it was approved" or "with the players gathered" is not the clause's
    if (opens_clause(t, i) || absolute_phrase(t, i, to, quoted)) {
      while (i < to && t[i + 1].text != "," && !boundary(t, i + 1)) ++i;
      continue;
    }
    if (participle_aside(t, i, from, to, quoted)) {
      while (i < to && t[i + 1].text != ",") ++i;
      ++i; // its closing comma: the subject's verb follows ("The ban, announced on Monday, takes effect")
      aside_closed = i;
      continue;
    }
    bool after_subject = i > from && (t[i - 1].word || i - 1 == aside_closed) && !is_preposition(t[i - 1].lower);
    if (is_finite_verb(t, i, after_subject)) return i;
  }
  return static_cast<std::size_t>(-1);
}

// "Turkey, located on fault lines, has a history of quakes", "The man,
// arrested on Monday, appeared in court", "The vote, originally planned for
// Monday, was postponed": a participle (maybe after an adverb) that opens
// an aside between commas, with the clause's verb after it.
bool participle_aside(const std::vector<Token> &t, std::size_t i, std::size_t from, std::size_t to,
                      const std::vector<bool> &quoted) {
  if (i <= from + 1 || t[i - 1].text != "," || quoted[i] || !t[i].word || t[i].capitalized) return false;
  std::size_t p = ends_with(t[i].lower, "ly") && i < to ? i + 1 : i;
  std::string_view w = t[p].lower;
  if (!t[p].word || !(ends_with(w, "ed") || is_irregular_past(w)) || is_auxiliary(w)) return false;
  std::size_t comma = p + 1;
  while (comma < to && t[comma].text != ",") ++comma;
  for (std::size_t k = comma + 1; k <= to; ++k) { // a plain scan: a nested aside must not recurse
    bool after_subject = (t[k - 1].word || k == comma + 1) && !is_preposition(t[k - 1].lower);
    if (!quoted[k] && is_finite_verb(t, k, after_subject)) return true;
  }
  return false;
}

// "with Arsenal beating them twice": an absolute phrase, "with", a noun
// phrase and a participle, states a fact of its own. `i` is "with".
bool absolute_phrase(const std::vector<Token> &t, std::size_t i, std::size_t last, const std::vector<bool> &quoted) {
  if (t[i].lower != "with" || quoted[i]) return false;
  for (std::size_t k = i + 2; k <= last && t[k].text != "," && !boundary(t, k); ++k) {
    std::string_view w = t[k].lower;
    bool participle =
        t[k].word && !t[k].capitalized && !quoted[k] && w.size() > 4 &&
        (w.substr(w.size() - 3) == "ing" || w.substr(w.size() - 2) == "ed"); // "with the players gathered"
    if (!participle) continue;
    const Token &before = t[k - 1];
    return before.word && !is_not_name(before.lower) && !is_preposition(before.lower) &&
           possessive_stripped(before.text) == before.text && w != "during" && w != "including" && w != "according";
  }
  return false;
}

// Subordinate spans: from a subordinator to the next comma, or, when the
// sentence opens with one ("After the vote, ..."), to its first comma; and
// participle asides between commas, whose dates are not the clause's.
std::vector<Clause> subordinate_spans(const std::vector<Token> &t, std::size_t first, std::size_t last,
                                      const std::vector<bool> &quoted) {
  std::vector<Clause> spans;
  for (std::size_t i = first; i <= last; ++i) {
    if (participle_aside(t, i, first, last, quoted)) { // "The ban, announced on Monday, takes effect …"
      std::size_t end = i;
      while (end < last && t[end + 1].text != ",") ++end;
      spans.push_back({i, end, i, {}});
      i = end;
      continue;
    }
    bool absolute = absolute_phrase(t, i, last, quoted);
    if (!absolute && (quoted[i] || !opens_clause(t, i))) continue;
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
  if (i == 0 || t[i - 1].text != "," || quoted[i]) return false;
  return is_participle(t[i]) && !is_speech_verb(t[i].lower);
}

// "was convicted of four counts and acquitted of four", "found her not
// guilty and was deadlocked on three": "and" with no comma before a second
// verb of the same subject, which states a second fact. The verb must be
// followed by what a predicate goes on with (a preposition, a determiner, a
// number, a name), so that "killed and injured people" stays one.
bool coordinated_predicate(const std::vector<Token> &t, std::size_t i, std::size_t stop,
                           const std::vector<bool> &quoted) {
  if (t[i].lower != "and" || quoted[i] || t[i - 1].text == "," || i + 2 > stop || quoted[i + 1]) return false;
  if (!is_finite_verb(t, i + 1, true)) return false;
  if (is_auxiliary(t[i + 1].lower)) return true;
  const Token &next = t[i + 2];
  std::string_view w = next.lower;
  bool figure = !w.empty() && w[0] >= '0' && w[0] <= '9'; // "4", "14th", "3-2"
  return figure || (next.capitalized && next.word) || is_preposition(w) || w == "the" || w == "a" || w == "an" ||
         w == "his" || w == "her" || w == "their" || w == "its";
}

// "was convicted", "has been found", "had not closed": the verb and the
// auxiliaries and participles that go with it; its last token.
std::size_t verb_group_end(const std::vector<Token> &t, std::size_t verb, std::size_t stop) {
  std::size_t end = verb;
  while (end < stop &&
         (is_auxiliary(t[end + 1].lower) || t[end + 1].lower == "not" || is_finite_verb(t, end + 1, false)))
    ++end;
  return end;
}

// "AFAD said the quake measured 7.4 and was centred in ...": a verb between
// the clause's own and "and" means the second verb may be that one's, the
// reported clause's; only "and" that follows the clause's own verb group
// joins a second predicate of its subject.
bool only_verb_before(const std::vector<Token> &t, std::size_t verb, std::size_t and_at,
                      const std::vector<bool> &quoted) {
  // "has become A, turned down B, and tried C": verbs of a series, each
  // right after a comma, share the subject as the last one does.
  for (std::size_t k = verb_group_end(t, verb, and_at) + 1; k < and_at; ++k)
    if (!quoted[k] && is_finite_verb(t, k, false) && t[k - 1].text != ",") return false;
  return true;
}

// Where the first second predicate of the clause whose verb is `verb`
// begins, outside subordinate spans: a participle phrase or a coordinated
// verb (its first token, which is its verb); `npos` when there is none.
std::size_t second_predicate(const std::vector<Token> &t, std::size_t verb, std::size_t stop,
                             const std::vector<bool> &quoted, const std::vector<Clause> &subordinate) {
  for (std::size_t i = verb + 2; i < stop; ++i) {
    bool in_span = false;
    for (const Clause &span : subordinate) in_span = in_span || (i >= span.first && i <= span.last);
    if (in_span) continue;
    if (participle_head(t, i, quoted)) return i;
    if (coordinated_predicate(t, i - 1, stop, quoted) && only_verb_before(t, verb, i - 1, quoted)) return i;
  }
  return static_cast<std::size_t>(-1);
}

// A clause [start, stop] with its verb, and each second predicate in it
// (", killing 190 people"; "and acquitted of four counts") as a clause of
// its own whose subject is the first one's.
void add_clause(std::vector<Clause> &out, const std::vector<Token> &t, std::size_t start, std::size_t stop,
                std::size_t verb, const std::vector<bool> &quoted, bool shares_subject) {
  std::vector<Clause> spans = subordinate_spans(t, start, stop, quoted);
  std::size_t second = second_predicate(t, verb, stop, quoted, spans);
  if (second == static_cast<std::size_t>(-1)) {
    out.push_back({start, stop, verb, std::move(spans), shares_subject});
    return;
  }
  out.push_back({start, second - 2, verb, subordinate_spans(t, start, second - 2, quoted), shares_subject});
  add_clause(out, t, second, stop, second, quoted, true);
}

} // namespace

// "before reaching the station on Sunday", "since joining in 2019": a
// time subordinator with a participle, up to the next comma. It has no
// subject, so it is no fact of its own, but its date is its event's.
std::vector<std::pair<std::size_t, std::size_t>> participle_phrases(const std::vector<Token> &t, std::size_t first,
                                                                    std::size_t last) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (std::size_t i = first; i < last; ++i) {
    std::string_view w = t[i].lower;
    bool time = w == "before" || w == "after" || w == "since" || w == "until" || w == "upon" || w == "while";
    if (!time || !is_participle(t[i + 1])) continue;
    std::size_t end = i + 1;
    while (end < last && t[end + 1].text != "," && !boundary(t, end + 1)) ++end;
    spans.push_back({i, end});
    i = end;
  }
  return spans;
}

// "500-1", "5,000/1", "3-2": digits joined by marks, a count rather than a subject.
bool odds_or_score(std::string_view text) {
  bool digit = false;
  for (char c : text) {
    if (c >= '0' && c <= '9')
      digit = true;
    else if (c != '-' && c != ',' && c != '/' && c != '.')
      return false;
  }
  return digit;
}

// "Local residents protested", "Rail workers will strike": a plural noun of
// people right before a verb is the subject's head, not a verb in "-s"
// ("Smith heads the panel" keeps "heads": such nouns are verbs too).
bool plural_people_before_verb(const std::vector<Token> &t, std::size_t i) {
  if (i + 1 >= t.size() || !t[i + 1].word || t[i + 1].capitalized) return false;
  std::string_view next = t[i + 1].lower;
  bool verb = is_auxiliary(next) || is_irregular_past(next) || (next.size() > 4 && ends_with(next, "ed"));
  return verb && is_plural_people_noun(t[i].lower); // the word lists last: this runs for every "-s" word
}

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
  // never after a count ("10 deaths"); in the plural, a verb of stance after
  // a plural noun or "they" ("Ministers believe", "Analysts expect").
  // "44 billion dollars", "500-1 outsiders", "a 3-2 win" (not "The 37-year-old faces")
  bool after_count = i > 0 && (t[i - 1].number || number_scale(t[i - 1].lower) > 1 || odds_or_score(t[i - 1].text));
  // "The club, long outsiders, will lift": a plural noun closing an aside, not a verb
  bool closes_aside = i + 1 < t.size() && t[i + 1].text == "," && !is_speech_verb(w);
  if (after_subject && !after_count && is_plural_present(w)) {
    std::string_view before = t[i - 1].lower;
    bool plural = before == "they" || before == "we" ||
                  (ends_with(before, "s") && !ends_with(before, "ss") && !is_not_verb(before) &&
                   possessive_stripped(t[i - 1].text) == t[i - 1].text); // not "the minister's fear"
    if (plural) return true;
  }
  return after_subject && !after_count && !closes_aside && ends_with(w, "s") && !ends_with(w, "ss") &&
         !ends_with(w, "us") && !ends_with(w, "is") && !after_determiner(t, i) && !plural_people_before_verb(t, i);
}

bool is_adverbial_span(const std::vector<Token> &t, const Clause &span) {
  std::string_view w = t[span.first].lower;
  return w == "after" || w == "before" || w == "because" || w == "since" || w == "as" || w == "although" ||
         w == "though" || w == "while" || w == "when" || w == "until";
}

Clause without_contrast(const std::vector<Token> &t, const Clause &c) {
  if (c.subordinate.empty()) return c;
  const Clause &span = c.subordinate.back();
  std::string_view w = t[span.first].lower;
  if ((w != "while" && w != "whereas") || span.last != c.last || span.first <= c.verb + 1) return c;
  Clause own = c;
  own.last = span.first - 1;
  if (t[own.last].text == "," && own.last > own.first) --own.last;
  own.subordinate.pop_back();
  return own;
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
    // ", and acquitted of four counts": a clause that opens with its verb has the subject before it,
    // unless another verb came between (", since the court accused him ..., and issued a warrant")
    bool shares_subject =
        verb == start && !out.empty() && only_verb_before(t, out.back().verb, out.back().last + 1, quoted);
    if (verb != static_cast<std::size_t>(-1)) add_clause(out, t, start, stop, verb, quoted, shares_subject);
    start = i + 1;
  }
  return out;
}

} // namespace detail
} // namespace factcard
