// Speakers named by a description rather than a name: "the ministry",
// "the NASA chief", "a council spokesperson", "a source close to the talks",
// "the mayor of the city", "the statement": whom each stands for, or the
// entity it becomes.
#include "reader.hpp"

#include "factcard/names.hpp"

#include "clauses.hpp"
#include "lexicon.hpp"

#include <algorithm>

namespace factcard {
namespace detail {

// "the mayor of the city said", "the leader of the island nation
// tweeted": a role with what it is the role of. The role is the
// description; the words after "of" are plain nouns (a name there would be
// a mention, which the caller reads first).
std::size_t ArticleReader::described_with_of(std::size_t end) {
  for (std::size_t of = end; of + 6 > end && of > 1; --of) {
    const Token &t = t_[of];
    if (!t.word || in_quote(t.begin) || detail::is_finite_verb(t_, of, false)) return npos;
    if (t.lower != "of") continue;
    if (of == end) return npos;
    std::size_t head = of - 1;
    if (!detail::is_role_noun(t_[head].lower) && !detail::is_title_word(t_[head].lower)) return npos;
    // "the leader of the Commonwealth country" that fits no one's role
    // stands for whom a "he" or "she" there would: a description written
    // so as not to repeat a name.
    if (t_[head - 1].lower == "the" && is_head_of_body(t_[head].lower) && resolve_description(head, head) == npos) {
      std::size_t referent = pronoun_referent(head);
      if (referent != npos) return referent;
    }
    return descriptive_speaker_backward(head);
  }
  return npos;
}

// "Ukraine's foreign ministry", "an ICC spokesperson", "the ministry".
std::size_t ArticleReader::descriptive_speaker_backward(std::size_t end) {
  if (std::size_t plain = plain_description(end); plain != npos) return plain;
  std::size_t begin = end + 1;
  bool has_head = false;
  while (begin > 0) {
    const Token &t = t_[begin - 1];
    bool head = detail::is_role_noun(t.lower) || detail::is_title_word(t.lower) || detail::is_org_word(t.lower) ||
                t.lower == "officials" || t.lower == "authorities" || t.lower == "government" ||
                t.lower == "ministry" || t.lower.find("year-old") != std::string::npos; // "the 41-year-old"
    bool modifier = t.word && (t.capitalized || head || detail::is_title_word(t.lower) || t.lower == "for" ||
                               t.lower == "foreign" || t.lower == "government" || t.lower == "company");
    if (t.lower == "the" || t.lower == "a" || t.lower == "an" || t.lower == "one") {
      --begin;
      break;
    }
    if (!modifier || in_quote(t.begin)) break;
    has_head = has_head || head;
    --begin;
    if (t.capitalized && begin > 0 && t_[begin - 1].word && !t_[begin - 1].capitalized &&
        !is_determiner_word(t_[begin - 1].lower)) // "one Minister" keeps its "one"
      break;
  }
  if (!has_head || begin > end) return npos;
  return descriptive_entity(begin, end);
}

// "the transport secretary", "the union chief": a determiner, up to three
// plain words and a role, whose words say whose role it is.
std::size_t ArticleReader::plain_description(std::size_t end) {
  if (!detail::is_role_noun(t_[end].lower) && !detail::is_title_word(t_[end].lower)) return npos;
  for (std::size_t d = end; d-- > 0 && d + 4 > end;) {
    const Token &t = t_[d];
    if (is_determiner_word(t.lower)) return d + 1 < end ? descriptive_entity(d, end) : npos;
    bool plain = t.word && !t.capitalized && !in_quote(t.begin) && !detail::is_stopword(t.lower) &&
                 !detail::is_preposition(t.lower) && !detail::is_finite_verb(t_, d, false);
    if (!plain) return npos;
  }
  return npos;
}

// "said a senior government official", "said one resident, who …": an
// article, up to four words, and a head (a role, "officials"), with the
// heads and qualifiers right after it.
std::size_t ArticleReader::descriptive_speaker_forward(std::size_t i) {
  std::size_t k = i;
  if (k < t_.size() && is_determiner_word(t_[k].lower))
    ++k;
  else if (k < t_.size() && !t_[k].capitalized && !speaker_head(t_[k].lower))
    return npos; // "said that the council"
  for (std::size_t n = 0; k < t_.size() && n < 5; ++k, ++n) {
    const Token &t = t_[k];
    if (!t.word || in_quote(t.begin) || detail::is_preposition(t.lower) || detail::is_finite_verb(t_, k, false))
      return npos;
    if (!speaker_head(t.lower)) continue;
    while (k + 1 < t_.size() && (speaker_head(t_[k + 1].lower) || qualifier(t_[k + 1].lower))) ++k;
    return descriptive_entity(i, k);
  }
  return npos;
}

// "A council spokesperson declined to comment, but said …": the description
// that opens the sentence of the verb at `v` is its subject.
std::size_t ArticleReader::opening_description(std::size_t v) {
  std::size_t first = sentence_start(v);
  if (first == v || !is_determiner_word(t_[first].lower) || in_quote(t_[first].begin)) return npos;
  return descriptive_speaker_forward(first);
}

// "a source close to the talks said", "a worker at the plant said": a
// description with a phrase after its head, opening its clause.
std::size_t ArticleReader::post_modified_speaker(std::size_t end) {
  for (std::size_t h = end; h-- > 0 && h + 8 > end;) {
    const Token &t = t_[h + 1];
    if (!t.word || in_quote(t.begin) || detail::is_finite_verb(t_, h + 1, false)) return npos;
    std::string_view after = t.lower;
    bool modifier = after == "close" || after == "familiar" || after == "with" || after == "at" || after == "in" ||
                    after == "from" || after == "inside" || after == "within" || after == "near" || after == "on";
    if (!modifier || !detail::is_role_noun(t_[h].lower)) continue;
    std::size_t article = h;
    while (article > 0 && h - article < 4 && !is_determiner_word(t_[article].lower)) --article;
    if (!is_determiner_word(t_[article].lower)) return npos;
    bool opens = article == 0 || !t_[article - 1].word || sentence_initial(article); // "of a source …" is no subject
    if (!opens) return npos;
    // Left to the other readings: a phrase naming a body ("a senior official at the finance ministry": the
    // ministry speaks) or the speaker's own act ("the Tesla CEO in his latest tweet said").
    for (std::size_t k = h + 1; k <= end; ++k) {
      std::string_view w = t_[k].lower;
      if (detail::is_org_word(w) || w == "ministry" || w == "government" || w == "his" || w == "her" || w == "their" ||
          w == "its")
        return npos;
    }
    // "a worker at Halvern" speaks for Halvern, as a spokesperson would
    for (const Mention &m : mentions_)
      if (m.first > h && m.last <= end && registry_.entities[m.entity].kind == EntityKind::organization)
        return m.entity;
    return descriptive_entity(article, h);
  }
  return npos;
}

// "the statement", "a press release", "the club's statement": a
// determiner, up to two lower-case words and a document's noun. `at` is the
// determiner (`forward`) or the noun.
bool ArticleReader::document_phrase(std::size_t at, bool forward) const {
  auto plain_word = [&](std::size_t k) { return t_[k].word && !t_[k].capitalized && !in_quote(t_[k].begin); };
  for (std::size_t n = 1; n <= 3 && (forward || n <= at); ++n) {
    std::size_t first = forward ? at : at - n, last = forward ? at + n : at;
    if (last >= t_.size()) break;
    if (!is_determiner_word(t_[first].lower) || t_[first].lower == "one" || !detail::is_document_noun(t_[last].lower))
      continue;
    bool plain = true;
    for (std::size_t k = first + 1; k < last; ++k) plain = plain && plain_word(k);
    return plain;
  }
  return false;
}

// "“…,” the statement said", "according to a press release": a document
// speaks for whoever spoke last, or the last organisation named, or no one
// the reader can name (npos: the clause's own actor stands).
std::size_t ArticleReader::document_author() const {
  if (state_.last_speaker != npos) return state_.last_speaker;
  for (std::size_t r = state_.recent.size(); r-- > 0;)
    if (registry_.entities[state_.recent[r]].kind == EntityKind::organization &&
        !state_.unnamed.count(state_.recent[r]))
      return state_.recent[r];
  return npos;
}

bool ArticleReader::is_determiner_word(std::string_view w) { return w == "the" || w == "a" || w == "an" || w == "one"; }

// A word that can head a description of a speaker: a role, a title, an
// organisation's word, "officials"; not a qualifier ("former", "senior").
bool ArticleReader::speaker_head(std::string_view w) {
  if (qualifier(w)) return false;
  return detail::is_role_noun(w) || detail::is_title_word(w) || detail::is_org_word(w) || w == "officials" ||
         w == "authorities";
}

bool ArticleReader::qualifier(std::string_view w) {
  return w == "former" || w == "vice" || w == "deputy" || w == "acting" || w == "assistant" || w == "senior" ||
         w == "junior" || w == "ex";
}

// A speaker named by description: definite ones ("the ministry") point at
// someone seen before; others become an entity of their own.
std::size_t ArticleReader::descriptive_entity(std::size_t first, std::size_t last) {
  bool definite = t_[first].lower == "the";
  bool article = is_determiner_word(t_[first].lower);
  std::size_t from = article ? first + 1 : first;
  if (from > last) return npos;
  // "the mayor of Leeds", "a spokesperson for Putin": the role before "of" or "for" is the head.
  std::size_t head_at = last;
  for (std::size_t k = from + 1; k < last; ++k)
    if (t_[k].lower == "of" || t_[k].lower == "for") {
      head_at = k - 1;
      break;
    }
  std::string head = t_[head_at].lower;
  bool spokesperson = head.rfind("spokes", 0) == 0;
  if (definite && from == last && spokesperson && state_.spokesperson_of != npos) return state_.spokesperson_of;
  if (definite) {
    std::size_t known = resolve_description(from, head_at);
    if (known != npos) return known;
  }
  // An unnamed spokesperson speaks for the organisation: "an ICC
  // spokesperson", "a council spokesperson", "a company spokesperson".
  if (spokesperson && from < last && head_at == last) {
    std::size_t org = organisation_in(from, last);
    if (org != npos) return state_.spokesperson_of = org;
    // "a Mongolian government spokesperson" speaks for "Mongolian government";
    // "Ardern's spokesman" is someone of their own, as "a spokesman for Ardern" is.
    std::string body = possessive_stripped(join_words(t_, from, last - 1, text_));
    if (registry_.known(body, EntityKind::person) == npos) {
      std::size_t entity = registry_.add(body, EntityKind::organization, std::nullopt);
      return state_.spokesperson_of = entity;
    }
  }
  std::string name = possessive_stripped(join_words(t_, from, last, text_));
  if (name_words(name).empty()) name = possessive_stripped(join_words(t_, first, last, text_)); // "a Minister"
  std::size_t entity = registry_.add(name, EntityKind::organization, std::nullopt);
  if (entity != npos) state_.unnamed.insert(entity);
  // "a spokesman for Pat Moore" is whom a later "the spokesman" means
  if (spokesperson && entity != npos) state_.spokesperson_of = entity;
  return entity;
}

// "the president", "the NASA chief", "the former mayor", "the
// 41-year-old": someone named before whose role (or name) holds the
// description's words, its head word included; "vice", "deputy" and
// "former" must match too, so "the president" is never the vice president.
bool ArticleReader::is_head_of_body(const std::string &w) {
  return w == "chief" || w == "head" || w == "leader" || w == "boss" || w == "administrator" || w == "director" ||
         w == "chairman" || w == "chairwoman" || w == "chair" || w == "president" || w == "premier" ||
         w == "chancellor" || w == "prime";
}

std::size_t ArticleReader::resolve_description(std::size_t from, std::size_t last) const {
  std::string head = fold_text(possessive_stripped(t_[last].text));
  if (head.find("year old") != std::string::npos) { // "the 41-year-old": the last person named
    for (std::size_t r = state_.recent.size(); r-- > 0;)
      if (registry_.entities[state_.recent[r]].kind == EntityKind::person && !state_.unnamed.count(state_.recent[r]))
        return state_.recent[r];
    return npos;
  }
  std::vector<std::string> wanted;
  for (std::size_t k = from; k <= last; ++k) wanted.push_back(fold_text(possessive_stripped(t_[k].text)));
  std::size_t best = npos, best_score = 0;
  for (std::size_t k = registry_.entities.size(); k-- > 0;) {
    const FoundEntity &e = registry_.entities[k];
    std::vector<std::string> have = detail::tokenize_words(fold_text(e.name + " " + e.role.value_or("")));
    auto has = [&](const std::string &w) { return std::find(have.begin(), have.end(), w) != have.end(); };
    bool head_fits =
        has(head) || (head.rfind("spokes", 0) == 0 && e.role && fold_text(*e.role).find("spokes") != std::string::npos);
    // "the NASA chief" for "NASA Administrator Jim Bridenstine": a head of
    // the same kind, when another word of the description matches too
    bool synonym = is_head_of_body(head) && e.role && wanted.size() > 1 &&
                   std::any_of(have.begin(), have.end(), is_head_of_body) &&
                   std::any_of(wanted.begin(), wanted.end() - 1, has);
    if (!head_fits && !synonym) continue;
    bool qualifier_missing = false;
    for (const char *q : {"vice", "deputy", "former", "acting", "assistant"})
      qualifier_missing = qualifier_missing || (has(q) != (std::find(wanted.begin(), wanted.end(), q) != wanted.end()));
    if (qualifier_missing || strays_from(from, last, have)) continue;
    std::size_t score = 0;
    for (const std::string &w : wanted) score += has(w) ? 1 : 0;
    if (score > best_score) best = k, best_score = score;
  }
  return best;
}

// "the union's general secretary" is not "Transport Secretary Helen
// Marlow": a title word or an owner ("union's") before the head that the
// person's name and role lack tells the two apart.
bool ArticleReader::strays_from(std::size_t from, std::size_t last, const std::vector<std::string> &have) const {
  for (std::size_t k = from; k < last; ++k) {
    bool owner = possessive_stripped(t_[k].text).size() < t_[k].text.size();
    std::string w = fold_text(possessive_stripped(t_[k].text));
    if ((owner || detail::is_title_word(w)) && std::find(have.begin(), have.end(), w) == have.end()) return true;
  }
  return false;
}

// The organisation an unnamed spokesperson speaks for: one named in the
// phrase ("an ICC spokesperson"), or the last one whose name holds its
// word ("a council spokesperson"); "company" and "firm" take the last one.
std::size_t ArticleReader::organisation_in(std::size_t from, std::size_t last) const {
  for (std::size_t k = from; k < last; ++k) {
    for (const Mention &m : mentions_)
      if (m.first <= k && k <= m.last && registry_.entities[m.entity].kind == EntityKind::organization) return m.entity;
    std::string word = possessive_stripped(t_[k].lower);
    bool generic = word == "company" || word == "firm" || word == "group" || word == "club";
    for (std::size_t r = state_.recent.size(); r-- > 0;) { // the most recently named first
      std::size_t e = state_.recent[r];
      const FoundEntity &org = registry_.entities[e];
      if (org.kind != EntityKind::organization || state_.unnamed.count(e)) continue;
      if (generic ? !public_body(org.name) : fold_text(org.name).find(word) != std::string::npos) return e;
    }
  }
  return npos;
}

} // namespace detail
} // namespace factcard
