// Claims: one per quote, per reported statement and per main clause with
// an actor, each dated by the words of its own clause.
#include "reader.hpp"

#include "factcard/names.hpp"

#include "dates.hpp"
#include "lexicon.hpp"

#include <algorithm>
#include <cctype>

namespace factcard {
namespace detail {

bool ArticleReader::whole_sentence(const Quote &q) const {
  std::size_t s = sentence_of(q.open);
  std::string before = detail::trim(std::string_view(text_).substr(sentences_[s].begin, q.open - sentences_[s].begin));
  std::size_t e = sentence_of(q.close ? q.close - 1 : 0);
  std::string after = detail::trim(std::string_view(text_).substr(
      std::min(q.close, sentences_[e].end), sentences_[e].end - std::min(q.close, sentences_[e].end)));
  return before.empty() && (after.empty() || after == ".");
}

// "the so-called “final offer”", "the “Islamic State” group", "the film
// “Rocket Man”": quotation marks around a label or a name, not words said.
bool ArticleReader::names_something(const Quote &q) const {
  auto at = [&](std::size_t byte) {
    return std::lower_bound(t_.begin(), t_.end(), byte, [](const Token &t, std::size_t b) { return t.begin < b; });
  };
  auto inside = at(q.begin), end = at(q.end), opening = at(q.open), closing = at(q.close);
  const Token *before = opening == t_.begin() ? nullptr : &*std::prev(opening);
  const Token *after = closing == t_.end() ? nullptr : &*closing;
  if (before && (before->lower == "so-called" || before->lower == "dubbed" || before->lower == "nicknamed"))
    return true;
  std::size_t words = 0;
  for (auto k = inside; k != end; ++k) {
    if (!k->word) continue;
    bool small = k->lower == "of" || k->lower == "the" || k->lower == "and" || k->lower == "for" || k->lower == "in";
    if (!k->capitalized && !small) return false;
    ++words;
  }
  if (words == 0 || words > 6) return false;
  bool determiner =
      before && (before->lower == "the" || before->lower == "a" || before->lower == "an" || before->lower == "its" ||
                 before->lower == "their" || before->lower == "his" || before->lower == "her");
  bool modifies = after && after->word && !after->capitalized && !detail::is_pronoun(after->lower) &&
                  !detail::is_speech_verb(after->lower) && !detail::is_conjunction(after->lower) &&
                  !detail::is_stopword(after->lower);
  return determiner || modifies;
}

void ArticleReader::read_quotes(const std::vector<Attribution> &attributions, std::vector<bool> &sentence_quoted) {
  std::size_t previous = npos;                       // index into out_.quotes of this paragraph's last quote
  std::size_t previous_close = 0, previous_from = 0; // where it closes, where its evidence may begin
  for (std::size_t i = 0; i < quotes_.size(); ++i) {
    const Quote &q = quotes_[i];
    const Quote *next = i + 1 < quotes_.size() ? &quotes_[i + 1] : nullptr;
    std::string words = detail::trim(std::string_view(text_).substr(q.begin, q.end - q.begin));
    while (!words.empty() && words.back() == ',') words.pop_back(); // the comma that leads into "she said"
    if (words.empty()) continue;
    const Attribution *a = nearest(attributions, q);
    std::size_t speaker = a ? a->speaker : unattributed_speaker(q, attributions);
    std::size_t owner = words_owner(q);
    if (owner != npos) speaker = owner;
    std::size_t word_count = std::count(words.begin(), words.end(), ' ') + 1;
    if (speaker == npos && q.open == 0 && q.end == q.close && word_count >= 3) keep_running_quote(q, words);
    if (speaker == npos) continue;
    if (q.open == 0) finish_running_quote(speaker);
    if (names_something(q)) continue;
    // Scare quotes; but “Very angry.”, a sentence of its own, is speech.
    bool sentence = word_count >= 2 && whole_sentence(q);
    if (!a && owner == npos && word_count < 3 && !sentence) continue;
    for (std::size_t s = sentence_of(q.open); s <= sentence_of(q.close ? q.close - 1 : 0) && s < sentence_quoted.size();
         ++s)
      sentence_quoted[s] = true;
    // “Q1,” S said, “Q2”: one quote in two parts.
    bool continues = previous != npos && out_.quotes[previous].speaker == speaker &&
                     sentence_of(previous_close) == sentence_of(q.open) && split_between(previous_close, q.open);
    if (continues) {
      out_.quotes[previous].quote += " " + words;
      out_.quotes[previous].sentence = quote_evidence(previous_from, q, next);
    } else {
      FoundQuote found;
      found.quote = words;
      found.speaker = speaker;
      std::size_t s = sentence_of(q.open);
      previous_from = i > 0 ? quotes_[i - 1].close : 0;
      found.sentence = quote_evidence(previous_from, q, next);
      found.paragraph = state_.paragraph;
      bool continued = !a && !out_.quotes.empty() && out_.quotes.back().speaker == speaker;
      if (continued) { // the same speech as the quote before it
        found.when = out_.quotes.back().when;
        found.when_text = out_.quotes.back().when_text;
      } else {
        std::size_t end = a ? std::min(t_[a->verb].end + near_verb, sentences_[s].end) : sentences_[s].end;
        set_when(found, offset_ + sentences_[s].begin, offset_ + end, {}, Tense::other);
        if (!found.when || found.when->on_or_before) said_today(found, q);
      }
      out_.quotes.push_back(std::move(found));
      previous = out_.quotes.size() - 1;
    }
    previous_close = q.close;
    state_.last_quote_speaker = speaker;
    state_.last_quote_paragraph = state_.paragraph;
    if (registry_.entities[speaker].kind == EntityKind::person && !state_.unnamed.count(speaker)) {
      state_.last_person = speaker;
      state_.last_person_paragraph = state_.paragraph;
    }
  }
}

// “… [no closing mark, paragraph ends]: kept until the next paragraph, whose
// opening quote goes on with it, says who speaks.
void ArticleReader::keep_running_quote(const Quote &q, const std::string &words) {
  FoundQuote found;
  found.quote = words;
  std::size_t s = sentence_of(q.open);
  found.sentence = quote_evidence(0, q, nullptr);
  found.paragraph = state_.paragraph;
  set_when(found, offset_ + sentences_[s].begin, offset_ + sentences_[s].end, {}, Tense::other);
  state_.running_quote = std::move(found);
}

void ArticleReader::finish_running_quote(std::size_t speaker) {
  if (!state_.running_quote) return;
  if (state_.running_quote->paragraph + 1 == state_.paragraph) {
    state_.running_quote->speaker = speaker;
    out_.quotes.push_back(std::move(*state_.running_quote));
  }
  state_.running_quote.reset();
}

// "Asked about Vogt's warning that the town faced “years of disruption”,
// Ruiz said ...": a quote inside a named person's warning, claim or
// remark is that person's words, whoever speaks in the sentence.
std::size_t ArticleReader::words_owner(const Quote &q) const {
  std::size_t open = t_.size();
  for (std::size_t k = 0; k < t_.size(); ++k)
    if (t_[k].begin >= q.open) {
      open = k;
      break;
    }
  for (std::size_t k = open; k-- > 0 && k + 10 > open;) {
    const Token &t = t_[k];
    bool noun = detail::is_speech_noun(t.lower);                            // "warning" is a speech verb too
    if (!t.word || (!noun && detail::is_speech_verb(t.lower))) return npos; // a comma, a period, another speaker's verb
    if (!noun || k == 0 || !is_possessive(t_[k - 1].text)) continue;
    const Mention *m = mention_ending_at(k - 1);
    bool person = m && registry_.entities[m->entity].kind == EntityKind::person && !state_.unnamed.count(m->entity);
    return person ? m->entity : npos;
  }
  return npos;
}

// "“Tonight we are launching the battle …”": a quote that speaks of its
// own day says when it was said.
void ArticleReader::said_today(FoundQuote &quote, const Quote &q) const {
  for (const FoundDate &d : out_.dates) {
    if (d.begin < offset_ + q.begin || d.end > offset_ + q.end || d.date.precision != Precision::day) continue;
    std::string text = fold_text(d.text);
    if (text == "today" || text == "tonight" || text == "this morning" || text == "this afternoon" ||
        text == "this evening") {
      quote.when = d.date;
      quote.when_text = d.text;
      return;
    }
  }
}

// Between two parts of a split quote: only ", S said,".
// "“Q1,” she said, adding, “Q2”" is two quotes: a second speech verb
// starts a second quotation.
bool ArticleReader::split_between(std::size_t from, std::size_t to) const {
  std::string between = detail::trim(std::string_view(text_).substr(from, to - from));
  bool simple =
      !between.empty() && between.back() == ',' && between.size() < 120 && between.find('.') == std::string::npos;
  for (const std::string &w : detail::tokenize_words(between))
    if (w == "adding" || w == "noting" || w == "saying" || w == "continuing" || w == "before") return false;
  return simple;
}

void ArticleReader::read_statements(const std::vector<Attribution> &attributions,
                                    const std::vector<bool> &sentence_quoted) {
  std::vector<bool> taken(sentences_.size(), false);
  for (const Attribution &a : attributions) {
    std::size_t s = sentence_of(t_[a.verb].begin);
    if (!a.reported || sentence_quoted[s] || taken[s]) continue;
    taken[s] = true;
    FoundStatement st = statement(ClaimKind::statement, a.speaker, s);
    st.what = st.sentence;
    // "said on Monday that ...": the date before what is reported; "…, police
    // said on Monday.": the date after the report
    std::size_t gap = reported_gap(a.verb);
    std::size_t begin = a.trailing != npos ? t_[a.trailing].begin : sentences_[s].begin;
    std::size_t end = a.trailing != npos ? sentences_[s].end : t_[a.verb].end + (gap ? gap : near_verb);
    set_when(st, offset_ + begin, offset_ + end, {}, past_verb(a.verb) ? Tense::past : Tense::other);
    out_.statements.push_back(std::move(st));
  }
  for (std::size_t s = 0; s < sentences_.size(); ++s) {
    if (taken[s] || sentence_quoted[s]) continue;
    read_facts(s);
  }
}

// Bytes from a speech verb up to its "that", where the report begins.
std::size_t ArticleReader::reported_gap(std::size_t verb) const {
  for (std::size_t k = verb + 1; k < t_.size() && k < verb + 8; ++k)
    if (t_[k].lower == "that") return t_[k].begin - t_[verb].end;
  return 0;
}

std::string ArticleReader::sentence_text(std::size_t s) const {
  return std::string(std::string_view(text_).substr(sentences_[s].begin, sentences_[s].end - sentences_[s].begin));
}

// A quote's evidence: every sentence it runs through, to the one it closes in
// (where "…,” Behnken said" names the speaker), but not the other quotes of
// those sentences ("‘Q1’, Musk said, adding, ‘Q2’"): not before `from` (where
// the quote before it closed) and not into `next`.
std::string ArticleReader::quote_evidence(std::size_t from, const Quote &q, const Quote *next) const {
  const Bounds &first = sentences_[sentence_of(q.open)];
  const Bounds &last = sentences_[sentence_of(q.close ? q.close - 1 : q.open)];
  std::size_t begin = std::max(first.begin, std::min(from, q.open));
  std::size_t end = next && next->open > q.open && next->open < last.end ? std::max(next->open, q.close) : last.end;
  std::string_view text = std::string_view(text_).substr(begin, end - begin);
  while (!text.empty() && (text.front() == ',' || text.front() == ';' || text.front() == ' ')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ',' || text.back() == ' ')) text.remove_suffix(1);
  return std::string(text);
}

FoundStatement ArticleReader::statement(ClaimKind kind, std::size_t who, std::size_t s) const {
  FoundStatement st;
  st.kind = kind;
  st.who = who;
  st.sentence = sentence_text(s);
  st.paragraph = state_.paragraph;
  for (const Mention &m : mentions_)
    if (t_[m.first].begin >= sentences_[s].begin && t_[m.first].begin < sentences_[s].end)
      st.mentioned.push_back(m.entity);
  return st;
}

// The claim's own date: one in [begin, end) outside quotation marks and
// outside `skip` (subordinate clauses); else, for what is reported as done
// or said, "on or before" the article's date. A clause in the past tense
// happened by the article's date: a date after it is that of another event
// ("vowed to fight on in June", "a storm expected to last through
// Thursday"). One in the present tense holds now: a date in an earlier year
// is another event's ("the visit coincides with the anniversary of a
// victory in 1939").
template <class When>
void ArticleReader::set_when(When &claim, std::size_t begin, std::size_t end,
                             const std::vector<std::pair<std::size_t, std::size_t>> &skip, Tense tense) const {
  for (const FoundDate &d : out_.dates) {
    if (d.begin < begin || d.end > end || !d.date.known() || in_quote(d.begin - offset_)) continue;
    if (modifies_noun(d.begin - offset_)) continue;
    if (tense == Tense::past && out_.date && starts_after(d.date, *out_.date)) continue;
    if (tense == Tense::present && out_.date && out_.date->known() && d.date.year < out_.date->year) continue;
    bool skipped = false;
    for (const auto &span : skip) skipped = skipped || (d.begin >= span.first && d.begin < span.second);
    if (skipped) continue;
    claim.when = d.date;
    claim.when_text = d.text;
    return;
  }
  // What is to come was still said by then: a future clause is a claim made
  // on or before the article's date too.
  if (!out_.date || !out_.date->known()) return;
  Date bound = *out_.date;
  bound.on_or_before = true;
  claim.when = bound;
}

// "was", "won", "collapsed": a verb in the past tense.
bool ArticleReader::past_verb(std::size_t v) const {
  std::string_view w = t_[v].lower;
  if (w == "was" || w == "were" || w == "had" || w == "did" || detail::is_irregular_past(w)) return true;
  return w.size() > 4 && w.substr(w.size() - 2) == "ed" && !detail::is_not_verb(w);
}

// "won": past; "faces", "is": present (not "is set to", which is to come,
// nor "has won", whose event is past at an unstated time).
ArticleReader::Tense ArticleReader::clause_tense(const detail::Clause &c) const {
  if (future_clause(c)) return Tense::other;
  if (past_verb(c.verb)) return Tense::past;
  std::string_view w = t_[c.verb].lower;
  bool present = w == "is" || w == "are" ||
                 (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's' && w != "has" && w != "was");
  return present ? Tense::present : Tense::other;
}

// "since 2011", "its 2013 offering", "the June elections", "to last through
// Thursday": a date that qualifies a noun or a span dates something else
// than the clause.
bool ArticleReader::modifies_noun(std::size_t byte) const {
  for (std::size_t k = 1; k < t_.size(); ++k) {
    if (t_[k].begin != byte) continue;
    std::string_view w = t_[k - 1].lower;
    if (w == "in" && k >= 2 && t_[k - 2].lower == "than") return true; // "closer than in 2017"
    return w == "since" || w == "until" || w == "through" || w == "than" || w == "of" || w == "its" || w == "his" ||
           w == "her" || w == "their" || (w == "the" && t_[k].lower != "end" && t_[k].lower != "day") ||
           is_possessive(t_[k - 1].text);
  }
  return false;
}

// Every main clause with an actor and a finite verb is a claim.
void ArticleReader::read_facts(std::size_t s) {
  std::size_t first = t_.size(), last = 0;
  for (std::size_t k = 0; k < t_.size(); ++k) {
    if (t_[k].begin < sentences_[s].begin || t_[k].begin >= sentences_[s].end) continue;
    first = std::min(first, k);
    last = k;
  }
  if (first > last || first >= t_.size()) return;
  std::vector<bool> quoted(t_.size(), false);
  for (std::size_t k = first; k <= last; ++k) quoted[k] = in_quote(t_[k].begin);
  std::vector<detail::Clause> clauses;
  for (detail::Clause &c : detail::main_clauses(t_, first, last, quoted)) {
    std::size_t told = impersonal_that(c); // "It emerged that X paid": X's clause is the claim
    std::vector<detail::Clause> inner =
        told == npos ? std::vector<detail::Clause>{std::move(c)} : detail::main_clauses(t_, told, c.last, quoted);
    clauses.insert(clauses.end(), std::make_move_iterator(inner.begin()), std::make_move_iterator(inner.end()));
  }
  std::size_t acted = npos;   // the actor of the clause before, for its second predicate
  std::size_t acted_from = 0; // where that clause begins, its subject
  for (const detail::Clause &c : clauses) {
    if (c.shares_subject) {
      if (acted != npos) read_second_predicate(c, acted, acted_from, s);
      for (const detail::Clause &sub : c.subordinate) read_adverbial(sub, s, quoted);
      continue;
    }
    std::size_t who = acted = clause_actor(c);
    acted_from = c.first;
    if (who ==
        npos) { // "They had reason to celebrate, as Tottenham were held": the adverbial clause has its own subject
      for (const detail::Clause &sub : c.subordinate) read_adverbial(sub, s, quoted);
      continue;
    }
    FoundStatement fact = statement(ClaimKind::event, who, s);
    detail::Clause own = detail::without_contrast(t_, c);
    fact.what = clause_text(own, clauses.size() == 1);
    fact.own_words = words_outside_adverbials(own);
    if (clauses.size() > 1 || own.last != c.last)
      fact.sentence = fact.what; // the evidence of one clause is that clause
    fact.topic = verb_stem(t_[c.verb].lower);
    std::size_t begin = offset_ + (c.first == first ? sentences_[s].begin : t_[c.first].begin);
    // "Analysts expect the deal to close in June": a stance is dated by the words up to its verb,
    // not by what it expects
    std::size_t end = detail::is_plural_present(t_[c.verb].lower) ? t_[c.verb].end : t_[c.last].end;
    set_when(fact, begin, offset_ + end, subordinate_bytes(c), clause_tense(c));
    std::size_t index = out_.statements.size();
    out_.statements.push_back(std::move(fact));
    // An adverbial clause that is a claim of its own is no longer part of
    // this one's text: each fact is then read with its own date ("Theranos
    // dissolved in September 2018" / "Holmes was indicted"). The evidence
    // keeps the whole clause.
    std::vector<detail::Clause> told;
    for (const detail::Clause &sub : c.subordinate) {
      if (!read_adverbial(sub, s, quoted)) continue;
      share_date(sub, out_.statements[index], out_.statements.back());
      if (sub.first > own.verb && closes(sub, own)) told.push_back({sub.first, own.last, sub.verb, {}});
    }
    if (told.empty()) continue;
    FoundStatement &told_apart = out_.statements[index];
    told_apart.clause = std::move(told_apart.what);
    told_apart.what = words_outside(own, told);
  }
}

// "It emerged on Tuesday that the firm had paid £2m", "It is understood
// that ministers will meet": an opening "It" stands for nothing, and the
// fact is the clause after "that". Its first token, or npos.
std::size_t ArticleReader::impersonal_that(const detail::Clause &c) const {
  if (t_[first_word(c)].lower != "it") return npos;
  bool known = false;
  for (std::size_t k = first_word(c) + 1; k <= c.last && k < first_word(c) + 14; ++k) {
    if (t_[k].lower == "that") return known && k < c.last ? k + 1 : npos;
    if (!t_[k].word || in_quote(t_[k].begin)) return npos;
    known = known || detail::is_impersonal_report(t_[k].lower);
  }
  return npos;
}

// "... on Monday, as Tottenham surrendered a two-goal lead": an adverbial
// clause with a subject of its own states a fact of its own, dated by
// its own words.
bool ArticleReader::read_adverbial(const detail::Clause &span, std::size_t s, const std::vector<bool> &quoted) {
  std::string_view word = t_[span.first].lower;
  bool adverbial = detail::is_adverbial_span(t_, span);
  bool absolute = word == "with"; // "with Arsenal beating them twice": its participle is its verb
  if ((!adverbial && !absolute) || span.first + 1 > span.last) return false;
  detail::Clause clause{span.first + 1, span.last, span.first + 1, {}};
  auto verb_at = [&](std::size_t k) {
    if (quoted[k]) return false;
    if (!absolute) return detail::is_finite_verb(t_, k, true);
    std::string_view w = t_[k].lower;
    return t_[k].word && !t_[k].capitalized && w.size() > 4 && w.substr(w.size() - 3) == "ing";
  };
  while (clause.verb <= span.last && !verb_at(clause.verb)) ++clause.verb;
  if (clause.verb > span.last || clause.verb == clause.first) return false;
  std::size_t who = clause_actor(clause);
  if (who == npos) return false;
  FoundStatement fact = statement(ClaimKind::event, who, s);
  fact.what = clause_text(clause, false);
  fact.sentence = fact.what;
  fact.topic = verb_stem(t_[clause.verb].lower);
  set_when(fact, offset_ + t_[clause.first].begin, offset_ + t_[clause.last].end, {}, clause_tense(clause));
  out_.statements.push_back(std::move(fact));
  return true;
}

// "ended a long wait on Saturday when two astronauts lifted off": what
// happens when, as or while the main clause happens, without a date of its
// own, happens on the main clause's date.
void ArticleReader::share_date(const detail::Clause &span, const FoundStatement &main,
                               FoundStatement &adverbial) const {
  std::string_view word = t_[span.first].lower;
  bool at_once = word == "when" || word == "as" || word == "while";
  if (!at_once || adverbial.when_text || !main.when_text) return;
  adverbial.when = main.when;
  adverbial.when_text = main.when_text;
}

// ", killing over 190 people", "and acquitted of four counts": a second
// predicate's subject is the clause's before it, and so is its date, unless
// the predicate gives its own. Its evidence runs from the subject
// (`subject_from`) to its end, so that the excerpt names who acted.
void ArticleReader::read_second_predicate(const detail::Clause &c, std::size_t who, std::size_t subject_from,
                                          std::size_t s) {
  FoundStatement fact = statement(ClaimKind::event, who, s);
  fact.what = clause_text(c, false);
  fact.sentence = clause_text({subject_from, c.last, c.verb, {}}, false);
  fact.topic = verb_stem(t_[c.verb].lower);
  set_when(fact, offset_ + t_[c.first].begin, offset_ + t_[c.last].end, subordinate_bytes(c), Tense::other);
  const FoundStatement *before = out_.statements.empty() ? nullptr : &out_.statements.back();
  if (!fact.when_text && before && before->who == who && !names_own_time(c)) {
    fact.when = before->when;
    fact.when_text = before->when_text;
  }
  out_.statements.push_back(std::move(fact));
}

// "and finished 14th last campaign", "and won it the previous season": a
// time of its own that is no date the reader resolves, so the predicate
// does not borrow the date of the clause before it.
bool ArticleReader::names_own_time(const detail::Clause &c) const {
  for (std::size_t k = c.first; k < c.last; ++k) {
    std::string_view w = t_[k].lower, next = t_[k + 1].lower;
    bool lead = w == "last" || w == "previous" || w == "next" || w == "following";
    bool period = next == "season" || next == "campaign" || next == "term" || next == "summer" || next == "winter" ||
                  next == "spring" || next == "autumn" || next == "time" || next == "round" || next == "edition";
    if (lead && period) return true;
  }
  return false;
}

// "They had reason to celebrate on Monday, as Tottenham were held 2-2": the
// clause's words without its adverbial clauses, which are facts of their
// own; empty when it has none.
std::string ArticleReader::words_outside_adverbials(const detail::Clause &c) const {
  std::vector<detail::Clause> adverbials;
  for (const detail::Clause &span : c.subordinate)
    if (detail::is_adverbial_span(t_, span)) adverbials.push_back(span);
  return words_outside(c, adverbials);
}

// Whether `span` ends `c`, but for punctuation and relative clauses about
// its own words: the clause's text can end before it ("Theranos dissolved
// in 2018, shortly after Holmes was indicted with Balwani, who faces ..."),
// while one in the middle leaves words that only it made sense of ("...,
// including ...").
bool ArticleReader::closes(const detail::Clause &span, const detail::Clause &c) const {
  if (span.last > c.last) return false;
  for (std::size_t k = span.last + 1; k <= c.last; ++k) {
    if (!t_[k].word) continue;
    auto relative = std::find_if(c.subordinate.begin(), c.subordinate.end(), [&](const detail::Clause &sub) {
      return sub.first == k && (t_[k].lower == "who" || t_[k].lower == "which" || t_[k].lower == "whose");
    });
    if (relative == c.subordinate.end()) return false;
    k = relative->last;
  }
  return true;
}

// The clause's words outside `spans` (in order, within the clause), without
// the comma that leads into each; empty when no span is inside it.
std::string ArticleReader::words_outside(const detail::Clause &c, const std::vector<detail::Clause> &spans) const {
  std::vector<std::string> pieces;
  std::size_t from = c.first;
  for (const detail::Clause &span : spans) {
    if (span.first < from) continue;
    // the words before the span, without the comma and the words that lead into it ("shortly after")
    std::size_t end = span.first;
    while (end > from && (t_[end - 1].text == "," || detail::is_clause_qualifier(t_[end - 1].lower))) --end;
    if (end > from) pieces.push_back(join_words(t_, from, end - 1, text_));
    from = span.last + 1;
  }
  if (from == c.first) return "";
  if (from <= c.last) pieces.push_back(join_words(t_, from, c.last, text_));
  std::string out;
  for (const std::string &piece : pieces) out += (out.empty() ? "" : " ") + piece;
  return out;
}

// The byte spans of a clause's subordinate clauses, and of the participle
// phrases after its verb ("will spend 19 hours in space before reaching the
// station on Sunday"), whose dates are not its own.
std::vector<std::pair<std::size_t, std::size_t>> ArticleReader::subordinate_bytes(const detail::Clause &c) const {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (const detail::Clause &sub : c.subordinate)
    spans.push_back({offset_ + t_[sub.first].begin, offset_ + t_[sub.last].end});
  for (const auto &phrase : detail::participle_phrases(t_, c.verb + 1, c.last))
    if (!in_quote(t_[phrase.first].begin))
      spans.push_back({offset_ + t_[phrase.first].begin, offset_ + t_[phrase.second].end});
  return spans;
}

bool ArticleReader::future_clause(const detail::Clause &c) const {
  for (std::size_t k = c.first; k <= c.last; ++k) {
    std::string_view w = t_[k].lower;
    if (w == "will" || w == "would" || w == "expected" || w == "due" || w == "plans" || w == "scheduled" ||
        (w == "set" && k + 1 <= c.last && t_[k + 1].lower == "to"))
      return true;
  }
  return false;
}

std::string ArticleReader::clause_text(const detail::Clause &c, bool whole_sentence) const {
  std::size_t first = c.first;
  while (first < c.last &&
         (t_[first].lower == "and" || t_[first].lower == "but" || t_[first].lower == "while" || t_[first].text == ","))
    ++first;
  std::size_t last = c.last;
  while (last > first && !t_[last].word && t_[last].text != ")" && t_[last].text != "%") --last;
  (void)whole_sentence;
  return join_words(t_, first, last, text_);
}

// "arrived" and "arrives" compare equal.
std::string ArticleReader::verb_stem(const std::string &w) {
  static const char *const irregular[][2] = {
      {"met", "meet"},  {"went", "go"},    {"came", "come"},    {"held", "hold"},   {"gave", "give"},
      {"took", "take"}, {"made", "make"},  {"left", "leave"},   {"began", "begin"}, {"flew", "fly"},
      {"won", "win"},   {"lost", "lose"},  {"sent", "send"},    {"spoke", "speak"}, {"paid", "pay"},
      {"sold", "sell"}, {"bought", "buy"}, {"struck", "strike"}};
  for (const auto &pair : irregular)
    if (w == pair[0]) return pair[1];
  if (w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0)
    return w.substr(0, w.size() - (w[w.size() - 3] == 'e' ? 1 : 2));
  if (w.size() > 3 && w.back() == 's') return w.substr(0, w.size() - 1);
  return w;
}

} // namespace detail
} // namespace factcard
