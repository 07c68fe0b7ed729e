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
    if (!a && owner == npos && word_count < 3) continue; // scare quotes
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
  std::vector<detail::Clause> clauses = detail::main_clauses(t_, first, last, quoted);
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
    for (const detail::Clause &sub : c.subordinate)
      if (read_adverbial(sub, s, quoted, &out_.statements[index]) && sub.first > own.verb && closes(sub, own))
        told.push_back({sub.first, own.last, sub.verb, {}});
    if (told.empty()) continue;
    FoundStatement &told_apart = out_.statements[index];
    told_apart.clause = std::move(told_apart.what);
    told_apart.what = words_outside(own, told);
  }
}

// "... on Monday, as Tottenham surrendered a two-goal lead": an adverbial
// clause with a subject of its own states a fact of its own, dated by
// its own words.
bool ArticleReader::read_adverbial(const detail::Clause &span, std::size_t s, const std::vector<bool> &quoted,
                                   const FoundStatement *main) {
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
  // "ended a long wait on Saturday when two astronauts lifted off": what
  // happens when, as or while the main clause happens happens on its date.
  bool at_once = word == "when" || word == "as" || word == "while";
  if (at_once && !fact.when_text && main && main->when_text) {
    fact.when = main->when;
    fact.when_text = main->when_text;
  }
  out_.statements.push_back(std::move(fact));
  return true;
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

// Who acts in a clause (below); an organisation or a place that acts (a
// club, a country) is what a later "they" or "its" stands for.
std::size_t ArticleReader::clause_actor(const detail::Clause &c) {
  std::size_t who = subject_of(c);
  EntityKind kind = who != npos ? registry_.entities[who].kind : EntityKind::other;
  if ((kind == EntityKind::organization || kind == EntityKind::place) && !state_.unnamed.count(who)) {
    state_.last_group = who;
    state_.last_group_paragraph = state_.paragraph;
  }
  if (who != npos) {
    state_.last_actor = who;
    state_.last_actor_paragraph = state_.paragraph;
  }
  if (who != npos && kind != EntityKind::person) {
    state_.last_thing = who;
    state_.last_thing_paragraph = state_.paragraph;
  }
  return who;
}

// "It was centered 18 km deep", "It originated ...": the thing that last
// acted, in this or the previous paragraph. Not an "it" that stands for
// nothing: "It is unclear whether", "It was Starmer who", "It became clear".
std::size_t ArticleReader::thing_referent(const detail::Clause &c) const {
  std::string_view verb = t_[c.verb].lower;
  bool linking = verb == "became" || verb == "becomes" || verb == "seems" || verb == "seemed" || verb == "appears" ||
                 verb == "appeared" || verb == "remains" || verb == "remained"; // "It became clear that"
  if (linking) return npos;
  if (verb == "is" || verb == "was") {
    bool passive = c.verb + 1 < t_.size() &&
                   (detail::is_irregular_past(t_[c.verb + 1].lower) ||
                    (t_[c.verb + 1].lower.size() > 4 && !t_[c.verb + 1].capitalized &&
                     std::string_view(t_[c.verb + 1].lower).substr(t_[c.verb + 1].lower.size() - 2) == "ed"));
    if (!passive) return npos;
  }
  return state_.last_thing != npos && state_.last_thing_paragraph + 1 >= state_.paragraph ? state_.last_thing : npos;
}

// "... the International Criminal Court (ICC) since it issued a warrant": an
// "it" inside a sentence stands for the last organisation named before it
// in that sentence.
std::size_t ArticleReader::organization_before(std::size_t token) const {
  std::size_t found = npos;
  for (const Mention &m : mentions_) {
    if (m.last >= token || registry_.entities[m.entity].kind != EntityKind::organization) continue;
    bool same_sentence = true;
    for (std::size_t k = m.last + 1; k < token && same_sentence; ++k)
      same_sentence = t_[k].text != "." && t_[k].text != "?" && t_[k].text != "!";
    if (same_sentence) found = m.entity;
  }
  return found;
}

// "They", "Their best finish", "Its shares": the organisation or place
// that last acted, in this or the previous paragraph.
std::size_t ArticleReader::group_referent() const {
  return state_.last_group != npos && state_.last_group_paragraph + 1 >= state_.paragraph ? state_.last_group : npos;
}

// The first person or organisation named before a clause's verb (a place
// only when no one else is), "he"/"she", "they"/"their …", a description
// ("the company", "officials"), or else the noun phrase itself ("The quake").
std::size_t ArticleReader::subject_of(const detail::Clause &c) {
  if (std::size_t inverted = inverted_subject(c); inverted != npos) return inverted;
  std::size_t before = c.verb;
  while (before > c.first &&
         (t_[before - 1].lower == "also" || t_[before - 1].lower == "then" || t_[before - 1].lower == "later" ||
          t_[before - 1].lower == "had" || t_[before - 1].lower == "has" || t_[before - 1].lower == "have"))
    --before;
  if (before == c.first) return npos;
  before = before_aside(c.first, before);
  const Token &last = t_[before - 1];
  if (detail::is_pronoun(last.lower)) return pronoun_referent(before - 1);
  if (last.lower == "they" && before - 1 == first_word(c))
    return group_referent() != npos ? group_referent() : thing_referent(c); // "Leicester won. They had ..."
  if (last.lower == "it" && before - 1 == first_word(c)) {
    std::size_t named = organization_before(c.first);
    return named != npos ? named : thing_referent(c);
  }
  // "This was Putin's first visit", "This marks the first time": the event
  // of the sentence before, whose actor this clause goes on with.
  if (last.lower == "this" && before - 1 == first_word(c))
    return state_.last_actor_paragraph + 1 >= state_.paragraph ? state_.last_actor : npos;
  if (age_description(first_word(c), before)) return pronoun_referent(before - 1);
  // "Mongolia's foreign ministry confirmed": the ministry acts, not Mongolia.
  if (!last.capitalized && (detail::is_actor_noun(last.lower) || detail::is_role_noun(last.lower))) {
    std::size_t described = descriptive_speaker_backward(before - 1);
    if (described != npos) return described;
  }
  std::size_t named = named_actor(c);
  if (named != npos) return named;
  std::string_view opening = t_[first_word(c)].lower;
  if ((opening == "their" || opening == "its") && group_referent() != npos) return group_referent();
  return noun_phrase_actor(c.first, before);
}

// "On hand for the launch were Donald Trump and Mike Pence", "Among the
// crowd was Andre Babineau", "Also present was …": a phrase before "was"
// or "were" and a name right after it, which is the subject.
std::size_t ArticleReader::inverted_subject(const detail::Clause &c) const {
  std::string_view verb = t_[c.verb].lower;
  if ((verb != "was" && verb != "were" && verb != "is") || c.verb == c.first) return npos;
  std::string_view opening = t_[first_word(c)].lower;
  // "It was Keir Starmer who provided the first clue": a cleft, whose name acts
  bool cleft = opening == "it" && c.verb == first_word(c) + 1 && has_relative_after(c);
  if (!cleft && (verb == "is" || (!detail::is_preposition(opening) && opening != "also"))) return npos;
  for (const Mention &m : mentions_)
    if (m.first >= c.first && m.first < c.verb) return npos; // a name before the verb is its subject
  const Mention *after = mention_starting_at(c.verb + 1);
  if (!after) return npos;
  EntityKind kind = registry_.entities[after->entity].kind;
  return kind == EntityKind::person || kind == EntityKind::organization ? after->entity : npos;
}

// Whether "who" or "that" follows the verb in the clause, past a name.
bool ArticleReader::has_relative_after(const detail::Clause &c) const {
  for (std::size_t k = c.verb + 2; k < t_.size() && k <= c.last + 1 && k < c.verb + 16; ++k)
    if (t_[k].lower == "who" || t_[k].lower == "that") return true;
  return false;
}

// "The 41-year-old plans to appeal": an age stands for a person named
// before, as "he" or "she" would.
bool ArticleReader::age_description(std::size_t first, std::size_t before) const {
  if (before != first + 2 || t_[first].lower != "the") return false;
  std::string_view w = t_[first + 1].lower;
  return w.size() > 9 && std::isdigit(static_cast<unsigned char>(w[0])) && w.compare(w.size() - 9, 9, "-year-old") == 0;
}

// "The deal, worth $44bn, was approved", "Macron, 44, beat": a short aside
// between commas right before the verb is not part of the subject.
std::size_t ArticleReader::before_aside(std::size_t first, std::size_t before) const {
  if (before < first + 3 || t_[before - 1].text != ",") return before;
  std::size_t open = before - 1;
  while (open > first && (t_[open - 1].text != "," || glued_digits(open - 1)) && before - open < 14) --open;
  bool aside = open > first + 1 && t_[open - 1].text == ",";
  return aside ? open - 1 : before;
}

// The clause's first word, past a joining "and", "but" or comma.
std::size_t ArticleReader::first_word(const detail::Clause &c) const {
  std::size_t k = c.first;
  while (k < c.verb && (!t_[k].word || t_[k].lower == "and" || t_[k].lower == "but")) ++k;
  return k;
}

// The first person or organisation named before the verb that is not the
// object of a preposition ("Despite the ICC warrant, Putin has ...") nor a
// possessive before another name ("Elon Musk's SpaceX made history": the
// company acted); a place only when no one else is.
std::size_t ArticleReader::named_actor(const detail::Clause &c) const {
  std::size_t place = npos;
  auto in_subject = [&](const Mention &m) {
    return m.first >= c.first && m.last < c.verb && !inside(c.subordinate, m.first) &&
           !object_of_preposition(m, c.first);
  };
  for (std::size_t i = 0; i < mentions_.size(); ++i) {
    const Mention &m = mentions_[i];
    if (!in_subject(m)) continue;
    bool owner = is_possessive(t_[m.last].text) && i + 1 < mentions_.size() && mentions_[i + 1].first == m.last + 1 &&
                 in_subject(mentions_[i + 1]);
    if (owner) continue;
    if (registry_.entities[m.entity].kind != EntityKind::place) return m.entity;
    if (place == npos) place = m.entity;
  }
  return place;
}

// Back over "the", "its", adjectives and other names to a preposition.
bool ArticleReader::object_of_preposition(const Mention &m, std::size_t clause_first) const {
  for (std::size_t k = m.first; k > clause_first; --k) {
    const Token &t = t_[k - 1];
    // "Shares of Twitter jumped": the company's own figure, which it is the actor of
    bool holding = (t.lower == "of" || t.lower == "in") && k >= 2 && detail::is_holding_noun(t_[k - 2].lower) &&
                   k - 2 <= clause_first + 1;
    if (holding) return false;
    if (detail::is_preposition(t.lower) || t.lower == "despite") return true;
    bool modifier = t.word && (t.lower == "the" || t.lower == "a" || t.lower == "an" || t.lower == "its" ||
                               t.lower == "their" || t.capitalized || is_possessive(t.text) || t.number);
    if (!modifier) return false;
  }
  return false;
}

bool ArticleReader::inside(const std::vector<detail::Clause> &spans, std::size_t token) {
  for (const detail::Clause &span : spans)
    if (token >= span.first && token <= span.last) return true;
  return false;
}

// "The magnitude 7.8 quake struck": a short noun phrase right before the
// verb becomes an entity of its own, for the editor to keep or rename.
std::size_t ArticleReader::noun_phrase_actor(std::size_t first, std::size_t verb) {
  std::size_t from = first;
  while (from < verb && (!t_[from].word || t_[from].lower == "and" || t_[from].lower == "but")) ++from;
  // "In Syria, the quake killed", "After the vote, the bank said",
  // "Earlier in the day, the jury ...": an opening phrase up to its comma is
  // no part of the subject.
  // "About 40,000 people" is a count, not an opening phrase.
  while (from < verb && approximation_end(from, verb) == from &&
         (detail::is_preposition(t_[from].lower) || detail::is_subordinator(t_[from].lower) ||
          detail::is_sentence_adverb(t_[from].lower))) {
    std::size_t comma = from + 1;
    while (comma < verb && (t_[comma].text != "," || glued_digits(comma))) ++comma;
    if (comma >= verb) break;
    from = comma + 1;
  }
  if (from + 1 < verb && is_noun_determiner(t_[from].lower)) ++from;
  if (from >= verb || verb - from > 10) return npos;
  std::size_t head_end = verb; // "The cash deal at $54.20 a share is valued": the phrase after the head is not its name
  for (std::size_t k = approximation_end(from, verb); k < verb; ++k) {
    std::string_view w = t_[k].lower;
    // "A chorus of European leaders", "Shares in Tessaly", "The jury of eight men and four women"
    bool inner = (w == "of" || w == "in" || w == "and") && k > from && k + 1 < verb;
    bool figure = (t_[k].text == "," || t_[k].text == ".") && k > from && glued_digits(k); // 40,000, 7.8
    bool post_modifier =
        head_end == verb && detail::is_preposition(w) && w != "than" && !inner && k > from && k + 1 < verb;
    if (post_modifier) head_end = k;
    bool currency = head_end < k && (t_[k].text == "$" || t_[k].text == "%" || t_[k].text == "€" || t_[k].text == "£");
    if ((!t_[k].word && !figure && !currency) || (detail::is_preposition(w) && !inner && head_end == verb) ||
        detail::is_pronoun(w) || detail::is_subordinator(w) || w == "it" || w == "they" || w == "we" || w == "i" ||
        w == "you" || w == "there" || w == "this" || w == "that")
      return npos;
  }
  if (head_end - from > (head_end == verb ? 8 : 6)) return npos;
  if (head_end < verb && !plain_head(from, head_end)) return npos;
  verb = head_end;
  std::string name = possessive_stripped(join_words(t_, from, verb - 1, text_));
  if (!name.empty() && name[0] >= 'a' && name[0] <= 'z') name[0] = static_cast<char>(name[0] - 'a' + 'A');
  std::size_t entity = registry_.add(name, EntityKind::other, std::nullopt);
  if (entity != npos) state_.unnamed.insert(entity);
  return entity;
}

// "The cash deal" of "The cash deal at $54.20 a share": words that can name
// a thing, not a comparison ("More than seven days of") nor a participle
// ("A rocket cutting through the sky").
bool ArticleReader::plain_head(std::size_t from, std::size_t end) const {
  for (std::size_t k = from; k < end; ++k) {
    std::string_view w = t_[k].lower;
    if (!t_[k].word || w == "more" || w == "less" || w == "most" || w == "fewer") return false;
    // "1978 and their surge to glory": two phrases, not one thing's name
    if (w == "and" || w == "their" || w == "his" || w == "her" || w == "its" || (k == from && t_[k].number))
      return false;
    if (!t_[k].capitalized && w.size() > 5 && w.compare(w.size() - 3, 3, "ing") == 0) return false;
  }
  return true;
}

// "the deal", "this deal", "these talks": a determiner before a noun phrase.
bool ArticleReader::is_noun_determiner(std::string_view w) {
  return w == "the" || w == "a" || w == "an" || w == "this" || w == "these" || w == "that" || w == "those";
}

// "40,000", "7.8", "7.8-magnitude": a comma or point with digits glued on
// both sides is inside a figure.
bool ArticleReader::glued_digits(std::size_t k) const {
  if (k == 0 || k + 1 >= t_.size()) return false;
  const Token &before = t_[k - 1], &after = t_[k + 1];
  bool digit_after = after.word && std::isdigit(static_cast<unsigned char>(after.text[0]));
  return before.number && digit_after && before.end == t_[k].begin && t_[k].end == after.begin;
}

// Past "More than", "About", "At least" before a number: "More than 40,000
// people died" has a count for its subject.
std::size_t ArticleReader::approximation_end(std::size_t from, std::size_t verb) const {
  std::size_t k = from;
  std::string_view w = t_[k].lower;
  if ((w == "more" || w == "fewer" || w == "less") && k + 1 < verb && t_[k + 1].lower == "than")
    k += 2;
  else if (w == "at" && k + 1 < verb && t_[k + 1].lower == "least")
    k += 2;
  else if (w == "about" || w == "around" || w == "nearly" || w == "almost" || w == "over" || w == "some")
    k += 1;
  return k < verb && t_[k].number ? k : from;
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
