// Actors: who acts in a clause. A person or an organisation named before
// the verb, a pronoun or "they" for whom it stands, a description ("the
// company"), the name after an inverted "was" ("On hand were ..."), or
// else the noun phrase itself ("The quake").
#include "reader.hpp"

#include "factcard/names.hpp"

#include "lexicon.hpp"

#include <algorithm>
#include <cctype>

namespace factcard {
namespace detail {

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
    if (!passive && !names_what_it_was(c)) return npos;
  }
  return recent_thing();
}

// The thing that last acted, in this or the previous paragraph, or npos.
std::size_t ArticleReader::recent_thing() const {
  return state_.last_thing != npos && state_.last_thing_paragraph + 1 >= state_.paragraph ? state_.last_thing : npos;
}

// "It is also a final test for the capsule": "it" with what it is, not
// the "it" of "It is a shame that …" or "It was a day when …".
bool ArticleReader::names_what_it_was(const detail::Clause &c) const {
  std::size_t k = c.verb + 1;
  while (k <= c.last && (t_[k].lower == "also" || t_[k].lower == "still")) ++k;
  if (k > c.last || (t_[k].lower != "a" && t_[k].lower != "an" && t_[k].lower != "the")) return false;
  for (; k <= c.last; ++k) {
    std::string_view w = t_[k].lower;
    if (w == "that" || w == "to" || w == "when" || w == "who" || w == "which" || w == "where" || w == "if")
      return false;
  }
  return true;
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
  if (last.lower == "there" && before - 1 == first_word(c)) return existential_subject(c);
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
  // "Their previous best season was …": the group that last acted, else the thing ("Ranieri's side").
  if (opening == "their" || opening == "its") {
    std::size_t group = group_referent();
    if (group != npos || recent_thing() != npos) return group != npos ? group : recent_thing();
  }
  // "Her aim is to build a stand", "Much of his work is lost": what is
  // theirs is about the person.
  for (std::size_t k = first_word(c); k < before; ++k) {
    if (t_[k].lower != "his" && t_[k].lower != "her") continue;
    std::size_t person = pronoun_referent(k);
    if (person != npos) return person;
  }
  return noun_phrase_actor(c.first, before);
}

// "There were at least six aftershocks", "There was little reaction in the
// courtroom": what there was is the subject.
std::size_t ArticleReader::existential_subject(const detail::Clause &c) {
  std::string_view verb = t_[c.verb].lower;
  bool perfect =
      (verb == "has" || verb == "have" || verb == "had") && c.verb < c.last && t_[c.verb + 1].lower == "been";
  bool be = verb == "is" || verb == "was" || verb == "are" || verb == "were" || verb == "been" || verb == "be";
  if (!be && !perfect) return npos; // "There have been no arrests"
  std::size_t from = c.verb + 1;
  while (from <= c.last && (t_[from].lower == "been" || t_[from].lower == "also" || t_[from].lower == "still")) ++from;
  // the noun phrase: past a count ("at least six"), up to a preposition or a mark
  std::size_t end = approximation_end(from, c.last + 1);
  while (end <= c.last && (t_[end].word || glued_digits(end)) && !detail::is_preposition(t_[end].lower)) ++end;
  return from < end ? noun_phrase_actor(from, end) : npos;
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
  for (std::size_t k = c.verb + 2; k < t_.size() && k <= c.last && k < c.verb + 16; ++k)
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
    bool figure = (t_[k].text == "," || t_[k].text == "." || t_[k].text == ":") && k > from &&
                  glued_digits(k); // 40,000, 7.8, 3:22
    bool post_modifier =
        head_end == verb && detail::is_preposition(w) && w != "than" && !inner && k > from && k + 1 < verb;
    if (post_modifier) head_end = k;
    bool currency = head_end < k && (t_[k].text == "$" || t_[k].text == "%" || t_[k].text == "€" || t_[k].text == "£");
    if ((!t_[k].word && !figure && !currency) || (detail::is_preposition(w) && !inner && head_end == verb) ||
        detail::is_pronoun(w) || detail::is_subordinator(w) || w == "it" || w == "they" || w == "we" || w == "i" ||
        w == "you" || w == "there" || w == "this" || w == "that")
      return npos;
  }
  // "The net worth of the head of Acme and Zenith": a long phrase is named
  // by its head, before "of"; "dozens of people along the river in …" by
  // what it counts.
  if (head_end - from > 8) {
    std::size_t of = from + 1;
    while (of < head_end && t_[of].lower != "of") ++of;
    std::size_t after = of + 2;
    while (after < head_end && !detail::is_preposition(t_[after].lower)) ++after;
    if (of < head_end && of - from <= 4) head_end = detail::is_partitive(t_[of - 1].lower) ? after : of;
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

// "40,000", "7.8", "7.8-magnitude", "3:22": a comma, point or colon with
// digits glued on both sides is inside a figure.
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

} // namespace detail
} // namespace factcard
