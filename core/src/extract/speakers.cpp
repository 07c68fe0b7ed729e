// Who speaks: the speaker of each speech verb ("said", "according to"),
// of quotes without one, and what pronouns ("he", "she") refer to.
// Speakers named by a description are read in descriptions.cpp.
#include "reader.hpp"

#include "factcard/names.hpp"

#include "clauses.hpp"
#include "lexicon.hpp"

#include <algorithm>
#include <iterator>

namespace factcard {
namespace detail {
namespace {

// A name's last word, folded: the surname of "Ana Ruiz", the head of "The prime minister".
std::string last_word(const std::string &name) {
  std::size_t space = name.rfind(' ');
  return fold_text(name.substr(space == std::string::npos ? 0 : space + 1));
}

} // namespace

std::vector<Attribution> ArticleReader::find_attributions() {
  std::vector<Attribution> found;
  for (std::size_t v = 0; v < t_.size(); ++v) {
    // "the United States “welcomes …”": a capitalised word inside a sentence is part of a name
    if (in_quote(t_[v].begin) || (t_[v].capitalized && !sentence_initial(v))) continue;
    bool according = t_[v].lower == "according" && v + 1 < t_.size() && t_[v + 1].lower == "to";
    // "“…,” Shapps went on.", "As Lynch put it, “…”": two words that speak as "continued" does
    bool went_on = (t_[v].lower == "went" && v + 1 < t_.size() && t_[v + 1].lower == "on") ||
                   (t_[v].lower == "put" && v + 1 < t_.size() && t_[v + 1].lower == "it");
    if (std::size_t owner = words_of(v); owner != npos) { // "In Lynch's words, “…”"
      found.push_back({v, owner, false});
      remember_speaker(owner);
      continue;
    }
    if (!according && !went_on && !detail::is_speech_verb(t_[v].lower) && !naming_verb(v)) continue;
    // "…, according to a press release": the document is the clause actor's, or a third party's.
    std::size_t speaker = according && !document_phrase(v + 2, true) ? speaker_after(v + 2) : npos;
    bool participle =
        !according && t_[v].lower.size() > 4 && t_[v].lower.compare(t_[v].lower.size() - 3, 3, "ing") == 0;
    if (participle && sentence_initial(v)) { // "Acknowledging that ..., Macron pledged": the main clause's subject
      std::size_t subject = first_person_after(v);
      if (subject != npos) found.push_back({v, subject, true});
      continue;
    }
    if (participle) { // "..., he added, noting that ...": the same speaker
      bool same_sentence = !found.empty() && sentence_of(t_[found.back().verb].begin) == sentence_of(t_[v].begin);
      std::size_t subject = same_sentence ? found.back().speaker : participle_subject(v);
      if (subject != npos) found.push_back({v, subject, true});
      continue;
    }
    // "Shapps had called the offer “generous” and claimed …": a verb after
    // "and" shares the subject of the speech verb before it in the sentence.
    bool coordinated = !according && v > 0 && t_[v - 1].lower == "and" && !found.empty() &&
                       sentence_of(t_[found.back().verb].begin) == sentence_of(t_[v].begin);
    if (coordinated) speaker = found.back().speaker;
    if (!according && !coordinated) {
      speaker = inverted(v) ? speaker_after(v + 1) : speaker_before(v);
      if (speaker == npos && !inverted(v)) speaker = sentence_subject(v);
      if (speaker == npos && !inverted(v)) speaker = opening_description(v);
      if (speaker == npos && !inverted(v)) speaker = subject_of_pair(v);
      if (speaker == npos && !inverted(v) && !takes_listener(v)) speaker = speaker_after(v + 1);
    }
    if (speaker == npos) continue;
    std::size_t trailing = according ? npos : trailing_attribution(v);
    found.push_back({v, speaker, according || reported(v) || trailing != npos, trailing});
    remember_speaker(speaker);
    last_speech_byte_ = t_[v].end;
  }
  return found;
}

// "In Lynch's words, “…”": the person whose words follow, or npos.
std::size_t ArticleReader::words_of(std::size_t v) const {
  if (t_[v].lower != "words" || v < 2 || t_[v - 2].lower != "in" || !is_possessive(t_[v - 1].text)) return npos;
  const Mention *m = mention_ending_at(v - 1);
  return m && registry_.entities[m->entity].kind == EntityKind::person ? m->entity : npos;
}

// "dozens of people along the river cheered and chanted, “…”": the noun
// phrase before the first verb of the pair, from the clause's start.
std::size_t ArticleReader::subject_of_pair(std::size_t v) {
  if (v < 3 || t_[v - 1].lower != "and" || !detail::is_finite_verb(t_, v - 2, true)) return npos;
  std::size_t first = v - 2;
  while (first > 0 && !sentence_initial(first) && t_[first - 1].text != "," && !in_quote(t_[first - 1].begin)) --first;
  return first < v - 2 ? noun_phrase_actor(first, v - 2) : npos;
}

// "told the BBC", "urged ministers": who follows these verbs listens.
bool ArticleReader::takes_listener(std::size_t v) const {
  std::string_view w = t_[v].lower;
  return w == "told" || w == "tells" || w == "telling" || w == "urged" || w == "asked" || w == "warned" ||
         w == "assured" || w == "reminded" || w == "promised";
}

// "called it “…”", "described the plan as “…”", "thanked the teams for
// “…”": a verb that speaks only when a quotation follows it closely.
bool ArticleReader::naming_verb(std::size_t v) const {
  static const std::string_view verbs[] = {
      "called",    "calls",      "dubbed",    "branded",  "labelled",   "labeled",    "labelling",
      "hailed",    "hailing",    "thanked",   "praised",  "accused",    "blamed",     "welcomed",
      "slammed",   "slamming",   "thanks",    "praises",  "criticised", "criticized", "accuses",
      "credited",  "lauded",     "welcomes",  "calling",  "describing", "branding",   "expressed",
      "expresses", "threatened", "threatens", "appealed", "appeals"};
  // These name a quote only through "as": "dismissed the charges as “…”", not
  // "rejected the “final offer”", whose words are the other side's.
  static const std::string_view as_verbs[] = {"dismissed", "dismisses",  "dismissing",    "denounced",    "denouncing",
                                              "condemned", "condemning", "decried",       "derided",      "rejected",
                                              "rejects",   "rejecting",  "attacked",      "lambasted",    "blasted",
                                              "termed",    "deemed",     "characterised", "characterized"};
  auto is = [&](std::string_view w) { return t_[v].lower == w; };
  bool plain = std::any_of(std::begin(verbs), std::end(verbs), is);
  if (!plain && std::none_of(std::begin(as_verbs), std::end(as_verbs), is)) return false;
  std::size_t limit = std::min(t_.size(), v + 10); // "dismissed the court's charges against Putin as “…”"
  for (std::size_t k = v + 1; k < limit; ++k) {
    if (t_[k].text == "." || t_[k].text == ";") return false;
    bool opens = std::any_of(quotes_.begin(), quotes_.end(), [&](const Quote &q) { return q.open == t_[k].begin; });
    if (opens) return plain || t_[k - 1].lower == "as";
  }
  return false;
}

// The subject of the main clause after a sentence-initial participial
// phrase: the first person named after its comma.
std::size_t ArticleReader::first_person_after(std::size_t v) const {
  std::size_t s = sentence_of(t_[v].begin), comma = v;
  while (comma < t_.size() && (t_[comma].text != "," || in_quote(t_[comma].begin))) ++comma;
  for (const Mention &m : mentions_)
    if (m.first > comma && sentence_of(t_[m.first].begin) == s && !in_quote(t_[m.first].begin) &&
        registry_.entities[m.entity].kind == EntityKind::person)
      return m.entity;
  return npos;
}

// "Former prime minister X, who led the talks, welcomed it but said ...":
// the first person named in the sentence before the verb.
std::size_t ArticleReader::sentence_subject(std::size_t v) const {
  std::size_t s = sentence_of(t_[v].begin);
  for (const Mention &m : mentions_) {
    if (m.last >= v || sentence_of(t_[m.first].begin) != s) continue;
    if (registry_.entities[m.entity].kind == EntityKind::person) return m.entity;
    return npos;
  }
  return npos;
}

// "Modi paid tribute, saying his “thoughts are with …”": with no speech
// verb before it, a participle speaks for the person its sentence is about.
std::size_t ArticleReader::participle_subject(std::size_t v) const {
  std::size_t first = sentence_start(v);
  if (detail::is_pronoun(t_[first].lower)) return pronoun_referent(first);
  return sentence_subject(v);
}

bool ArticleReader::inverted(std::size_t v) const { // `“…,” said S`
  if (v == 0) return false;
  std::size_t before = t_[v].begin;
  while (before > 0 && text_[before - 1] == ' ') --before;
  return std::any_of(quotes_.begin(), quotes_.end(), [&](const Quote &q) { return q.close == before; });
}

bool ArticleReader::reported(std::size_t v) const { // "said that", "told reporters ... that"
  for (std::size_t k = v + 1; k < t_.size() && k < v + 8; ++k) {
    if (t_[k].lower == "that") return true;
    if (t_[k].text == "." || t_[k].text == "," || in_quote(t_[k].begin)) return false;
  }
  return false;
}

// "The economy grew 3% last year, the minister said on Monday.": what a
// speaker reports before the speech verb, without quotation marks. The
// comma before the speaker (at most seven tokens back) ends a finite clause,
// and only a few words follow the verb: no "that", no comma, no quote. When
// a person or an organisation acts in that clause ("Ebner dispatched teams,
// officials confirmed"), the fact is theirs, not a statement. The comma's
// token, or npos.
std::size_t ArticleReader::trailing_attribution(std::size_t v) const {
  const Bounds &sentence = sentences_[sentence_of(t_[v].begin)];
  std::size_t comma = npos;
  for (std::size_t k = v; k-- > 0 && k + 8 > v && t_[k].begin >= sentence.begin;) {
    if (in_quote(t_[k].begin)) return npos;
    if (t_[k].text == ",") {
      comma = k;
      break;
    }
  }
  if (comma == npos) return npos;
  for (std::size_t k = v + 1; k < t_.size() && t_[k].begin < sentence.end; ++k)
    if (k > v + 10 || t_[k].lower == "that" || t_[k].text == "," || in_quote(t_[k].begin)) return npos;
  std::size_t first = comma;
  while (first > 0 && t_[first - 1].begin >= sentence.begin) --first;
  std::size_t verb = first;
  while (verb < comma &&
         (in_quote(t_[verb].begin) || !detail::is_finite_verb(t_, verb, verb > first && t_[verb - 1].word)))
    ++verb;
  if (verb == comma || comma < first + 4) return npos;
  for (std::size_t k = first; k < verb; ++k) {
    const Mention *m = mention_ending_at(k);
    EntityKind kind = m ? registry_.entities[m->entity].kind : EntityKind::other;
    if (kind == EntityKind::person || kind == EntityKind::organization) return npos;
  }
  return comma;
}

void ArticleReader::remember_speaker(std::size_t entity) {
  if (registry_.entities[entity].kind == EntityKind::person && !state_.unnamed.count(entity)) {
    state_.last_person = entity;
    state_.last_person_paragraph = state_.paragraph;
  }
  state_.last_speaker = entity;
  state_.last_speaker_paragraph = state_.paragraph;
}

// "he"/"she": the last person who spoke in this or the previous
// paragraph; else the last person named before the pronoun.
std::size_t ArticleReader::pronoun_referent(std::size_t token) const {
  std::size_t agreeing = pronoun_referent(token, true);
  if (agreeing == npos) agreeing = pronoun_referent(token, false);
  return agreeing != npos ? agreeing : described_person_speaking();
}

// "The union said … “…,” it added": "it" speaks for the body or country
// that spoke last, in this paragraph or the one before; "they" for a body
// or an unnamed group ("residents").
std::size_t ArticleReader::body_referent(std::size_t token) const {
  std::size_t e = state_.last_speaker;
  if (e == npos || state_.last_speaker_paragraph + 1 < state_.paragraph) return npos;
  EntityKind kind = registry_.entities[e].kind;
  bool body = kind == EntityKind::organization || kind == EntityKind::place;
  bool group = body || (kind == EntityKind::person && state_.unnamed.count(e));
  return (t_[token].lower == "it" ? body : group) ? e : npos;
}

// "The prime minister said the law would save lives. “…,” she said.": with
// no one named, the person described by a title who spoke in this paragraph.
std::size_t ArticleReader::described_person_speaking() const {
  std::size_t e = state_.last_speaker;
  if (e == npos || state_.last_speaker_paragraph != state_.paragraph || !state_.unnamed.count(e)) return npos;
  return detail::is_title_word(last_word(registry_.entities[e].name)) ? e : npos;
}

// The first word of a person's name, folded: "maria" for "María Lopez".
std::string ArticleReader::given_name(std::size_t entity) const {
  std::string name = fold_text(registry_.entities[entity].name);
  return name.substr(0, name.find(' '));
}

// Whether a person's given name allows the pronoun at `token` ("she" and
// "Tom Reed" do not agree); an unknown gender agrees with any pronoun.
bool ArticleReader::agrees(std::size_t entity, std::size_t token) const {
  detail::Gender pronoun = detail::pronoun_gender(t_[token].lower);
  if (entity == npos || pronoun == detail::Gender::unknown) return true;
  detail::Gender person = gender_of(entity);
  return person == detail::Gender::unknown || person == pronoun;
}

// From the given name ("Maria"), else from a courtesy title ("Ms Ardern").
detail::Gender ArticleReader::gender_of(std::size_t entity) const {
  detail::Gender named = detail::given_name_gender(given_name(entity));
  auto titled = state_.titled.find(entity);
  return named == detail::Gender::unknown && titled != state_.titled.end() ? titled->second : named;
}

// With `by_gender`, only people whose given name agrees with the pronoun.
std::size_t ArticleReader::pronoun_referent(std::size_t token, bool by_gender) const {
  auto fits = [&](std::size_t e) { return e != npos && (!by_gender || agrees(e, token)); };
  auto person = [&](const Mention &m) {
    return registry_.entities[m.entity].kind == EntityKind::person && !state_.unnamed.count(m.entity) && fits(m.entity);
  };
  // Someone named since the last speaker, earlier in this paragraph, is
  // who "he" or "she" is: "“…,” Smith said. Jones disagreed. “…,” he said."
  std::size_t between = npos, here = sentence_of(t_[token].begin);
  for (const Mention &m : mentions_) {
    bool subject = sentence_of(t_[m.first].begin) < here && opens_sentence(m);
    if (subject && t_[m.first].begin >= last_speech_byte_ && person(m)) between = m.entity;
  }
  if (between != npos) return between;
  // "Morrison ordered flags ..., who he said ...": the subject of its own sentence
  for (const Mention &m : mentions_)
    if (m.last < token && sentence_of(t_[m.first].begin) == here && sentence_initial(m.first) && person(m))
      return m.entity;
  // "The plan was opposed by Bill Reed. “…,” he said.": the one person the
  // sentence before names, since the last speaker.
  std::size_t lone = npos;
  for (const Mention &m : mentions_) {
    bool before = here > 0 && sentence_of(t_[m.first].begin) == here - 1 && t_[m.first].begin >= last_speech_byte_;
    if (!before || !person(m) || is_possessive(t_[m.last].text)) continue;
    lone = lone == npos || lone == m.entity ? m.entity : static_cast<std::size_t>(-2);
  }
  if (lone != npos && lone != static_cast<std::size_t>(-2)) return lone;
  // A "he" opening a paragraph: the subject of the paragraph before.
  if (here == 0 && fits(state_.previous_paragraph_subject) &&
      std::none_of(mentions_.begin(), mentions_.end(), [&](const Mention &m) { return m.last < token; }))
    return state_.previous_paragraph_subject;
  if (fits(state_.last_person) && state_.last_person_paragraph + 1 >= state_.paragraph) return state_.last_person;
  std::size_t found = fits(state_.last_named_person) ? state_.last_named_person : npos;
  for (const Mention &m : mentions_)
    if (m.last < token && person(m)) found = m.entity;
  if (found != npos) return found;
  if (fits(state_.last_person)) return state_.last_person;
  // "Maria Lopez and Tom Reed met. “…,” she said.": every nearer candidate
  // has the other gender, so the last person named whose name agrees.
  for (std::size_t r = state_.recent.size(); by_gender && r-- > 0;) {
    std::size_t e = state_.recent[r];
    if (registry_.entities[e].kind == EntityKind::person && !state_.unnamed.count(e) &&
        gender_of(e) != detail::Gender::unknown && fits(e))
      return e;
  }
  return npos;
}

std::size_t ArticleReader::speaker_after(std::size_t i) {
  if (i >= t_.size()) return npos;
  if (detail::is_pronoun(t_[i].lower)) return pronoun_referent(i);
  if (document_phrase(i, true)) return document_author();
  // "said Ortega's lawyer, Carla Mendes": the person named after the role speaks, not the one whose role it is.
  for (std::size_t k = i; k + 2 < t_.size() && k < i + 5 && t_[k].word; ++k) {
    if (!detail::is_role_noun(t_[k].lower) || t_[k].capitalized || t_[k + 1].text != ",") continue;
    const Mention *m = mention_starting_at(k + 2);
    if (m && registry_.entities[m->entity].kind == EntityKind::person) return m->entity;
  }
  if (const Mention *m = mention_starting_at(i)) {
    // "said Foreign Ministry spokesperson Li Wei": the person after the body and the role speaks.
    std::size_t k = m->last + 1;
    while (k < t_.size() && k < m->last + 4 && (detail::is_role_noun(t_[k].lower) || qualifier(t_[k].lower))) ++k;
    const Mention *person = k > m->last + 1 ? mention_starting_at(k) : nullptr;
    if (person && registry_.entities[person->entity].kind == EntityKind::person) return person->entity;
    return m->entity;
  }
  for (std::size_t k = i; k < t_.size() && k < i + 3; ++k) // "said Kremlin spokesman Dmitry Peskov"
    if (const Mention *m = mention_starting_at(k)) return m->entity;
  return descriptive_speaker_forward(i);
}

std::size_t ArticleReader::speaker_before(std::size_t v) {
  std::size_t k = v;
  while (k > 0 && (t_[k - 1].lower == "also" || t_[k - 1].lower == "later" || t_[k - 1].lower == "has" ||
                   t_[k - 1].lower == "had" || t_[k - 1].lower == "have" || t_[k - 1].lower == "then" ||
                   t_[k - 1].lower == "previously" || t_[k - 1].lower == "reportedly" || t_[k - 1].lower == "once"))
    --k;
  if (k == 0) return npos;
  std::size_t end = k - 1;
  // "Russia is not a member and has dismissed the charges as “…”": the sentence's subject
  if (t_[end].lower == "and" || t_[end].lower == "but") return opening_name(v);
  if (t_[end].text == "," && end > 0) { // "Its director, Priya Natarajan, said"
    if (const Mention *m = mention_ending_at(end - 1))
      if (registry_.entities[m->entity].kind == EntityKind::person) return m->entity;
  }
  // "Altantuya Batdorj, executive director of ..., warned", "The minister – who was angry – said"
  if (t_[end].text == "," || is_dash(t_[end].text)) {
    const std::string &mark = t_[end].text;
    std::size_t k2 = end;
    while (k2 > 0 && t_[k2 - 1].text != mark && !in_quote(t_[k2 - 1].begin)) --k2;
    if (k2 < 2 || t_[k2 - 1].text != mark) return npos;
    end = k2 - 2; // the word before the earlier comma or dash
  }
  if (detail::is_pronoun(t_[end].lower)) return pronoun_referent(end);
  if (t_[end].lower == "it" || t_[end].lower == "they") return body_referent(end);
  if (document_phrase(end, false)) return document_author();
  if (std::size_t described = post_modified_speaker(end); described != npos) return described;
  const Mention *named = mention_ending_at(end);
  bool bracketed = named && named->first > 0 && t_[named->first - 1].text == "("; // "The (San Jose) Mercury News"
  if (const Mention *m = bracketed ? nullptr : named) {
    // "A spokesperson for Putin": the spokesperson speaks, not Putin.
    bool for_someone = m->first >= 2 && (t_[m->first - 1].lower == "for" || t_[m->first - 1].lower == "of") &&
                       (detail::is_role_noun(t_[m->first - 2].lower) || detail::is_title_word(t_[m->first - 2].lower));
    if (for_someone && registry_.entities[m->entity].kind == EntityKind::organization) return m->entity;
    // "A spokesperson for Putin", "the mayor of Leeds": a description of its own, not the person or place.
    EntityKind kind = registry_.entities[m->entity].kind;
    if (for_someone && (kind == EntityKind::person || kind == EntityKind::place)) {
      std::size_t begin = m->first - 2;
      while (begin > 0 && t_[begin - 1].word && !in_quote(t_[begin - 1].begin) &&
             (t_[begin - 1].capitalized || detail::is_title_word(t_[begin - 1].lower) || t_[begin - 1].lower == "a" ||
              t_[begin - 1].lower == "an" || t_[begin - 1].lower == "the")) {
        --begin;
        if (t_[begin].lower == "a" || t_[begin].lower == "an" || t_[begin].lower == "the") break;
      }
      return descriptive_entity(begin, end);
    }
    return head_of_phrase(*m);
  }
  std::size_t described = descriptive_speaker_backward(end);
  return described != npos ? described : described_with_of(end);
}

// The entity named first in the sentence of `v`, when the sentence opens
// with it ("Russia", "The Kremlin"), or npos.
std::size_t ArticleReader::opening_name(std::size_t v) const {
  std::size_t first = sentence_start(v);
  if (t_[first].lower == "the" && first + 1 < v) ++first;
  const Mention *m = mention_starting_at(first);
  return m && m->last < v ? m->entity : npos;
}

// "Stephanie Hinds of the US attorney's office in San Francisco said":
// the speaker is the head of the phrase, not the last name in it.
std::size_t ArticleReader::head_of_phrase(const Mention &named) const {
  const Mention *current = &named;
  for (int hops = 0; hops < 4; ++hops) {
    std::size_t k = current->first;
    bool preposition = false;
    while (k > 0 && t_[k - 1].text != "," && !in_quote(t_[k - 1].begin) && !sentence_initial(k)) {
      if (detail::is_preposition(t_[k - 1].lower)) {
        preposition = true;
        break;
      }
      if (detail::is_finite_verb(t_, k - 1, false)) break;
      --k;
    }
    const Mention *before = nullptr;
    for (const Mention &m : mentions_)
      if (preposition && m.last + 1 < k && sentence_of(t_[m.first].begin) == sentence_of(t_[k].begin)) before = &m;
    if (!before) break;
    current = before;
  }
  bool place = registry_.entities[current->entity].kind == EntityKind::place;
  return place && current != &named ? named.entity : current->entity;
}

// "“generous” and claimed …", "“…”, while Obama said …": a verb that
// follows a quote after "and", "but" or "while" opens a predicate or clause
// of its own, which says the quote only when no speech verb before it in
// the sentence does.
bool ArticleReader::opens_predicate(std::size_t close, std::size_t verb_at) const {
  auto k = std::lower_bound(t_.begin(), t_.end(), close, [](const Token &t, std::size_t at) { return t.begin < at; });
  while (k != t_.end() && k->begin < verb_at && !k->word) ++k;
  if (k == t_.end() || k->begin >= verb_at) return false;
  const std::string &w = k->lower;
  return w == "and" || w == "but" || w == "while" || w == "whereas" || w == "whilst";
}

const Attribution *ArticleReader::nearest(const std::vector<Attribution> &attributions, const Quote &q) const {
  std::size_t first_sentence = sentence_of(q.open), last_sentence = sentence_of(q.close ? q.close - 1 : 0);
  const Attribution *best = nullptr, *after_and = nullptr;
  std::size_t best_distance = static_cast<std::size_t>(-1);
  for (const Attribution &a : attributions) {
    std::size_t s = sentence_of(t_[a.verb].begin);
    if (s < first_sentence || s > last_sentence) continue;
    std::size_t at = t_[a.verb].begin;
    if (at >= q.close && opens_predicate(q.close, at)) {
      if (!after_and) after_and = &a;
      continue;
    }
    std::size_t distance = at >= q.close ? at - q.close : q.open - std::min(q.open, at);
    if (distance < best_distance) {
      best_distance = distance;
      best = &a;
    }
  }
  return best ? best : after_and;
}

// Who says a quote that has no speech verb of its own, in this order:
// a credit after it ("” – Marine Le Pen"); the speaker of a speech verb
// earlier in the paragraph ("X said in a statement. “…”"); the last
// speaker, when the quote stands alone; a heading line naming one person;
// the one person named in the paragraph before a paragraph that is a
// quote (a letter or statement introduced there).
// "Ruiz was blunt: “This bridge is unsafe.”": a quote after a colon is the
// words of the person its sentence is about, named before the colon.
std::size_t ArticleReader::colon_subject(const Quote &q) const {
  std::size_t at = q.open;
  while (at > 0 && text_[at - 1] == ' ') --at;
  if (at == 0 || text_[at - 1] != ':') return npos;
  std::size_t s = sentence_of(q.open), first = t_.size();
  for (std::size_t k = 0; k < t_.size(); ++k)
    if (t_[k].begin >= sentences_[s].begin && first == t_.size()) first = k;
  for (const Mention &m : mentions_) {
    if (t_[m.first].begin < sentences_[s].begin || t_[m.last].end > at || in_quote(t_[m.first].begin)) continue;
    if (object_of_preposition(m, first)) continue;
    return registry_.entities[m.entity].kind == EntityKind::person && !state_.unnamed.count(m.entity) ? m.entity : npos;
  }
  return npos;
}

std::size_t ArticleReader::unattributed_speaker(const Quote &q, const std::vector<Attribution> &attributions) const {
  if (std::size_t credited = credit_after(q.close); credited != npos) return credited;
  if (std::size_t named = pointed_back(q.close); named != npos) return named;
  if (state_.credit_speaker != npos && q.open == 0) return state_.credit_speaker; // the credit line below
  if (std::size_t introduced = colon_speaker(q); introduced != npos) return introduced;
  const Attribution *earlier = nullptr;
  for (const Attribution &a : attributions)
    if (t_[a.verb].end <= q.open) earlier = &a;
  if (earlier && whole_sentence(q)) return earlier->speaker;
  if (std::size_t subject = colon_subject(q); subject != npos) return subject;
  if (!whole_sentence(q)) return npos;
  // No one speaks of themselves by surname: "“But Musk just bet 20% of his net worth”" is someone else's.
  auto fits = [&](std::size_t entity) { return entity != npos && !named_inside(q, entity); };
  if (state_.last_quote_paragraph + 1 >= state_.paragraph && fits(state_.last_quote_speaker))
    return state_.last_quote_speaker;
  if (fits(state_.heading_speaker)) return state_.heading_speaker;
  bool quote_paragraph = q.open == 0;
  if (quote_paragraph && fits(state_.previous_paragraph_person)) return state_.previous_paragraph_person;
  // The person named before is the quote's subject: the last speaker goes on, past that paragraph.
  if (quote_paragraph && state_.previous_paragraph_person != npos &&
      state_.last_quote_paragraph + 3 >= state_.paragraph && fits(state_.last_quote_speaker))
    return state_.last_quote_speaker;
  return npos;
}

// Whether a quote names the entity: its surname (a name's last word) as a word of the quote.
bool ArticleReader::named_inside(const Quote &q, std::size_t entity) const {
  std::string surname = last_word(registry_.entities[entity].name);
  for (const Token &t : t_)
    if (t.begin >= q.open && t.end <= q.close && t.capitalized && fold_text(possessive_stripped(t.text)) == surname)
      return true;
  return false;
}

// "Trump spoke to the press after the launch: “…”", "Musk's last post: “…”":
// a quote a colon introduces is the words of the person its sentence opens with.
std::size_t ArticleReader::colon_speaker(const Quote &q) const {
  std::size_t k = 0;
  while (k < t_.size() && t_[k].end <= q.open) ++k;
  if (k == 0 || t_[k - 1].text != ":") return npos;
  return opening_person(sentence_of(t_[k - 1].begin));
}

// "“It's a disgrace.” That was the verdict of union boss Kate Lyle.": a
// sentence right after the quote that points back at it ("That was", "So
// said", "Those were") names its speaker, the one person in it.
std::size_t ArticleReader::pointed_back(std::size_t close) const {
  std::size_t k = 0;
  while (k < t_.size() && t_[k].begin < close) ++k;
  while (k < t_.size() && !t_[k].word) ++k;
  if (k >= t_.size() || !sentence_initial(k)) return npos;
  std::string_view w = t_[k].lower;
  if (w != "that" && w != "those" && w != "so" && w != "such" && w != "that's") return npos;
  std::size_t s = sentence_of(t_[k].begin), person = npos;
  for (const Mention &m : mentions_) {
    if (sentence_of(t_[m.first].begin) != s || registry_.entities[m.entity].kind != EntityKind::person) continue;
    if (state_.unnamed.count(m.entity) || (person != npos && person != m.entity)) return npos;
    person = m.entity;
  }
  return person;
}

// "“…” – Marine Le Pen": a dash and a name right after the quote.
std::size_t ArticleReader::credit_after(std::size_t close) const {
  std::size_t k = 0;
  while (k < t_.size() && t_[k].begin < close) ++k;
  if (k >= t_.size()) return npos;
  if (!is_dash(t_[k].text) && t_[k].text != "-") return npos;
  // "– Marine Le Pen", "– union leader Tom Dorran": the first person named in the credit's few words
  for (std::size_t n = k + 1; n < t_.size() && n < k + 6 && t_[n].word; ++n) {
    const Mention *m = mention_starting_at(n);
    if (m) return registry_.entities[m->entity].kind == EntityKind::person ? m->entity : npos;
  }
  return npos;
}

} // namespace detail
} // namespace factcard
