// Names in a paragraph to entities: people (with the titles and
// appositives that give their roles), organisations and places; credit lines
// and heading lines that name a speaker.
#include "reader.hpp"

#include "factcard/names.hpp"

#include "lexicon.hpp"

#include <algorithm>
#include <string>
#include <unordered_set>

namespace factcard {
namespace detail {

bool is_possessive(const std::string &word) { return possessive_stripped(word) != word; }

std::string join_words(const std::vector<Token> &t, std::size_t first, std::size_t last, std::string_view text) {
  if (first > last) return "";
  return std::string(text.substr(t[first].begin, t[last].end - t[first].begin));
}

namespace {

bool name_particle(const Token &t) {
  // "al-Bashir", "bin", "van", "de": lower-case words inside names.
  if (t.lower.empty() || t.capitalized || std::string("aebivdl").find(t.lower[0]) == std::string::npos) return false;
  static const std::unordered_set<std::string> particles = {"al", "el", "bin", "ibn", "van", "von", "der",
                                                            "de", "da", "di",  "le",  "la",  "du"};
  if (particles.count(t.lower)) return true;
  std::size_t dash = t.lower.find('-');
  return dash != std::string::npos && dash + 1 < t.lower.size() && particles.count(t.lower.substr(0, dash));
}

} // namespace

// "— Jane Smith, mayor of Harwick" below a quote: the credit line names
// who said it; what follows the comma is the role.
std::size_t ArticleReader::credit_line(const std::string &line) {
  std::size_t at = 0;
  for (const char *dash : {"\xE2\x80\x94", "\xE2\x80\x93", "-"})
    if (line.rfind(dash, 0) == 0) at = std::string(dash).size();
  if (at == 0) return npos;
  std::string rest = detail::trim(std::string_view(line).substr(at));
  std::size_t comma = rest.find(',');
  std::string name = detail::trim(std::string_view(rest).substr(0, comma));
  std::vector<Token> words = detail::tokenize(name);
  bool named = !words.empty() && words.size() <= 4 &&
               std::all_of(words.begin(), words.end(), [](const Token &t) { return t.capitalized || !t.word; });
  if (!named) return npos;
  std::optional<std::string> role;
  if (comma != std::string::npos) role = detail::trim(std::string_view(rest).substr(comma + 1));
  return registry_.add(name, EntityKind::person, role);
}

// A heading line that is only a name and titles ("Irish Prime Minister
// Micheal Martin") introduces that person's quotes below it.
std::size_t ArticleReader::heading_person(const std::string &heading) {
  text_ = heading;
  t_ = detail::tokenize(heading);
  sentences_ = detail::split_sentences(heading);
  quotes_.clear();
  mentions_.clear();
  for (std::size_t k = 0; k < t_.size(); ++k)
    if (detail::is_finite_verb(t_, k, k > 0)) return npos; // a sentence, not a name
  find_mentions();
  std::size_t person = npos;
  for (const Mention &m : mentions_) {
    if (registry_.entities[m.entity].kind != EntityKind::person) continue;
    if (person != npos && person != m.entity) return npos;
    person = m.entity;
  }
  return person;
}

bool ArticleReader::adjacent(std::size_t a, std::size_t b) const { // only spaces between tokens a and b
  for (std::size_t k = t_[a].end; k < t_[b].begin; ++k)
    if (text_[k] != ' ') return false;
  return true;
}

bool ArticleReader::name_token(std::size_t i) const {
  const Token &t = t_[i];
  return t.word && !t.number && (t.capitalized || name_particle(t)) && !in_quote(t.begin);
}

void ArticleReader::find_mentions() {
  for (std::size_t i = 0; i < t_.size();) {
    if (!name_token(i) || !t_[i].capitalized) {
      ++i;
      continue;
    }
    // "Shares of Twitter rose": a sentence's capitalised first word that is a company's figure names nothing
    if (sentence_initial(i) && detail::is_holding_noun(t_[i].lower)) {
      ++i;
      continue;
    }
    std::size_t last = i;
    while (last + 1 < t_.size() && adjacent(last, last + 1) && (!is_possessive(t_[last].text) || owns_org(last + 1))) {
      if (name_token(last + 1)) {
        ++last;
      } else if ((t_[last + 1].lower == "of" || t_[last + 1].lower == "for" || t_[last + 1].lower == "and" ||
                  t_[last + 1].text == "&") &&
                 last + 2 < t_.size() && adjacent(last + 1, last + 2) && t_[last + 2].capitalized &&
                 (org_sequence(i, last) || titles_only(i, last))) {
        last += 2; // "Academy of Sciences", "Center for Defense and Security"
      } else {
        break;
      }
    }
    classify(i, doubled(i, last) ? i + (last - i + 1) / 2 - 1 : last);
    i = last + 1;
  }
}

// "Goldman Sachs Goldman Sachs": a name of two words or more written twice
// in a row, as text copied from a page with a logo before its caption often
// has it ("Walla Walla" and "Sirhan Sirhan" are names).
bool ArticleReader::doubled(std::size_t first, std::size_t last) const {
  std::size_t n = last - first + 1;
  if (n < 4 || n % 2 != 0) return false;
  for (std::size_t k = 0; k < n / 2; ++k)
    if (t_[first + k].lower != t_[first + n / 2 + k].lower) return false;
  return true;
}

// "Ukraine's Foreign Ministry": a possessive that belongs to an organisation's name.
bool ArticleReader::owns_org(std::size_t next) const {
  for (std::size_t k = next; k < t_.size() && name_token(k) && (k == next || adjacent(k - 1, k)); ++k)
    if (detail::is_org_word(t_[k].lower)) return true;
  return false;
}

bool ArticleReader::titles_only(std::size_t first, std::size_t last) const { // "Prime Minister of Mongolia ..."
  for (std::size_t k = first; k <= last; ++k)
    if (!detail::is_title_word(t_[k].lower) && !detail::is_nationality(t_[k].lower)) return false;
  return true;
}

bool ArticleReader::org_sequence(std::size_t first, std::size_t last) const {
  for (std::size_t k = first; k <= last; ++k)
    if (detail::is_org_word(t_[k].lower)) return true;
  return false;
}

void ArticleReader::classify(std::size_t first, std::size_t last) {
  // "the Transport Secretary", "The Home Office minister": a capitalised
  // title after "the" describes someone; a person's name never ends in one.
  bool after_the = t_[first].lower == "the" || (first > 0 && t_[first - 1].lower == "the");
  if (after_the && detail::is_title_word(t_[last].lower)) return;
  while (first <= last && detail::is_not_name(t_[first].lower) && !detail::is_title_word(t_[first].lower)) ++first;
  if (first > last) return;
  if (titled_person(first, last)) return;
  bool skip = false, org = false, place = true;
  for (std::size_t k = first; k <= last; ++k) {
    std::string w = possessive_stripped(t_[k].lower);
    if (detail::is_not_name(w) && !detail::is_title_word(w) && w != "of" && w != "and" && w != "for") skip = true;
    if (detail::is_org_word(w) || detail::is_known_org(w)) org = true;
    bool placeish = detail::is_known_place(w) || detail::is_place_word(w) || w == "of" || w == "the";
    if (!placeish) place = false;
  }
  if (skip && !org) return;
  std::string name = possessive_stripped(join_words(t_, first, last, text_));
  // "Hyde Park", "Genghis Khan Square"; but "Judge Ann Park" is a titled person.
  if (detail::is_place_word(possessive_stripped(t_[last].lower)) && last > first &&
      !detail::is_title_word(t_[first].lower))
    org = false, place = true;
  // "in a San Jose, Calif., courtroom": a name before a US state is a town.
  if (!org && last + 2 < t_.size() && t_[last + 1].text == "," && t_[last + 2].capitalized &&
      detail::is_us_state(t_[last + 2].lower))
    place = true;
  // A name seen as a place stays one: "The (San Jose) Mercury News" (the
  // registry's lookup: every word of the name in a known place's name).
  if (!org && registry_.known(name, EntityKind::place) != npos) place = true;
  if (org) {
    if (name.rfind("The ", 0) == 0) name = name.substr(4);
    add_mention(first, last, registry_.add(name, EntityKind::organization, std::nullopt));
    return;
  }
  if (place) {
    add_mention(first, last, registry_.add(name, EntityKind::place, std::nullopt));
    return;
  }
  // Titles, nationalities and role nouns ("Striker Jamie Vardy") before a
  // person's name are their role ("Dean" is a given name as often).
  auto role_word = [&](std::size_t k) {
    std::string_view w = t_[k].lower;
    return detail::is_title_word(w) || detail::is_nationality(w) ||
           (detail::is_role_noun(w) && w != "dean" && k < last) || (w == "of" && k > first);
  };
  std::size_t name_first = first;
  while (name_first <= last && role_word(name_first)) {
    if (t_[name_first].lower == "of" && name_first + 1 <= last && detail::is_known_place(t_[name_first + 1].lower))
      ++name_first;
    ++name_first;
  }
  if (name_first > last) return;
  // Untitled, a place's word makes no name ("Lake Baikal"); after a title it
  // is a surname ("Judge Ann Park", "Coach Mike Jordan").
  bool titled =
      std::any_of(t_.begin() + static_cast<std::ptrdiff_t>(first), t_.begin() + static_cast<std::ptrdiff_t>(name_first),
                  [](const Token &t) { return detail::is_title_word(t.lower); });
  for (std::size_t k = name_first; k <= last && !titled; ++k) {
    std::string w = possessive_stripped(t_[k].lower);
    if (detail::is_known_place(w) || detail::is_nationality(w) || detail::is_place_word(w)) return;
  }
  // "Centrist Macron", "Coun Lodge": a word before the surname of someone
  // named before is a description, not a first name.
  if (last > name_first && t_[last].capitalized &&
      registry_.known(possessive_stripped(t_[last].text), EntityKind::person) != npos &&
      registry_.known(possessive_stripped(join_words(t_, name_first, last, text_)), EntityKind::person) == npos &&
      last - name_first == 1)
    name_first = last;
  std::string person = possessive_stripped(join_words(t_, name_first, last, text_));
  std::optional<std::string> role = role_before(first, name_first);
  if (!role) role = role_after(last);
  if (!role) role = role_framing(first, last);
  bool single = name_first == last;
  bool cue = name_first > first || role || speaker_position(last) || credited_after_quote(first);
  // "the mayor of Leeds", "the president of Ukraine": one unknown word after
  // a title and "of" is the place the title is of, not a person.
  bool of_title = single && name_first == first && first >= 2 && t_[first - 1].lower == "of" &&
                  detail::is_title_word(t_[first - 2].lower);
  if (of_title && registry_.known(person, EntityKind::person) == npos) {
    add_mention(first, last, registry_.add(person, EntityKind::place, std::nullopt));
    return;
  }
  // "Brightloom, the software company, said": a body, whatever its name looks like.
  if (single && name_first == first && aside_after(last).kind == Aside::body) {
    add_mention(first, last, registry_.add(person, EntityKind::organization, std::nullopt));
    return;
  }
  if (single) {
    std::size_t existing = registry_.known(person, EntityKind::person);
    if (existing != npos) {
      registry_.add(person, EntityKind::person, role);
      add_mention(first, last, existing);
    } else if (cue && (!(name_first == first && sentence_initial(first)) || lone_name_speaks(first))) {
      // "Residents said" is no name, "Ardern tells reporters" is
      add_mention(first, last, registry_.add(person, EntityKind::person, role));
    }
    return;
  }
  if (last - name_first > 4) return; // too long for a name
  add_mention(first, last, registry_.add(person, EntityKind::person, role));
}

// "NASA Administrator Jim Bridenstine", "SpaceX CEO Elon Musk": an
// organisation and a title before a name are the person's role, never
// part of the name and never an organisation of their own.
bool ArticleReader::titled_person(std::size_t first, std::size_t last) {
  std::size_t title = last;
  for (std::size_t k = last; k-- > first;)
    if (detail::is_title_word(possessive_stripped(t_[k].lower))) {
      title = k;
      break;
    }
  if (title == last || title == first || last - title > 3) return false;
  for (std::size_t k = title + 1; k <= last; ++k) {
    std::string w = possessive_stripped(t_[k].lower);
    if (detail::is_title_word(w) || detail::is_org_word(w) || detail::is_known_org(w) || detail::is_known_place(w) ||
        detail::is_nationality(w) || detail::is_not_name(w))
      return false;
  }
  std::string person = possessive_stripped(join_words(t_, title + 1, last, text_));
  std::string role = join_words(t_, first, title, text_);
  add_mention(first, last,
              registry_.add(person, EntityKind::person, role)); // the title included: a subject starts there
  return true;
}

bool ArticleReader::public_body(const std::string &name) {
  for (const char *word : {"union", "ministry", "agency", "council", "court", "government", "commission", "committee",
                           "police", "parliament", "authority", "service"})
    if (fold_text(name).find(word) != std::string::npos) return true;
  return false;
}

// A capitalised word opening a sentence before a speech verb is a name
// unless it is a plural or a role ("Residents said", "Officials say").
bool ArticleReader::lone_name_speaks(std::size_t token) const {
  std::string_view w = t_[token].lower;
  bool plural = w.size() > 3 && w.back() == 's';
  return !plural && speaker_position(token) && !detail::is_role_noun(w) && !detail::is_actor_noun(w) &&
         !detail::is_title_word(w) && !detail::is_not_name(w);
}

// "“…,” said Ardern.": the word a speech verb after a quote credits is a
// name, unless it is a plural or a role ("said officials").
bool ArticleReader::credited_after_quote(std::size_t token) const {
  std::string_view w = t_[token].lower;
  bool plural = w.size() > 3 && w.back() == 's';
  return token > 0 && detail::is_speech_verb(t_[token - 1].lower) && inverted(token - 1) && !plural &&
         !detail::is_role_noun(w) && !detail::is_actor_noun(w) && !detail::is_title_word(w) && !detail::is_not_name(w);
}

bool ArticleReader::sentence_initial(std::size_t token) const {
  std::size_t s = sentence_of(t_[token].begin);
  return t_[token].begin == sentences_[s].begin;
}

// The first token of the sentence that holds `token`.
std::size_t ArticleReader::sentence_start(std::size_t token) const {
  while (token > 0 && !sentence_initial(token)) --token;
  return token;
}

// A mention that opens its sentence: only a conjunction, "the", titles and
// the capitalised words of a role come before it ("But Cllr Bernie
// Attridge", "Rail minister Kevin Howe"), no other word and no punctuation.
bool ArticleReader::opens_sentence(const Mention &m) const {
  const std::size_t begin = sentences_[sentence_of(t_[m.first].begin)].begin;
  for (std::size_t k = m.first; k-- > 0 && t_[k].begin >= begin;) {
    const std::string &w = t_[k].lower;
    bool role = t_[k].word && (t_[k].capitalized || detail::is_title_word(w) || detail::is_nationality(w) ||
                               detail::is_role_noun(w) || detail::is_org_word(w)); // "But council leader Bill Reed"
    if (!role && !detail::is_conjunction(w) && w != "the") return false;
  }
  return true;
}

// The named person a sentence opens with (opens_sentence), or npos.
std::size_t ArticleReader::opening_person(std::size_t sentence) const {
  if (sentence >= sentences_.size()) return npos;
  for (const Mention &m : mentions_) {
    if (sentence_of(t_[m.first].begin) != sentence) continue;
    bool person = registry_.entities[m.entity].kind == EntityKind::person && !state_.unnamed.count(m.entity);
    return person && opens_sentence(m) ? m.entity : npos;
  }
  return npos;
}

void ArticleReader::add_mention(std::size_t first, std::size_t last, std::size_t entity) {
  if (entity == npos) return;
  mentions_.push_back({first, last, entity});
  state_.recent.push_back(entity);
  for (std::size_t k = first > 0 ? first - 1 : first; k <= first; ++k) { // "Ms Ardern", with "Ms" in the mention or not
    detail::Gender titled = detail::courtesy_title_gender(t_[k].lower);
    if (titled != detail::Gender::unknown) state_.titled[entity] = titled;
  }
}

// "RMT general secretary", "Labour leader": a capitalised word right
// before a title word is the body the title belongs to.
bool ArticleReader::body_before_title(std::size_t k) const {
  const Token &t = t_[k];
  bool title_next = k + 1 < t_.size() && detail::is_title_word(t_[k + 1].lower) && !t_[k + 1].capitalized;
  return title_next && t.word && t.capitalized && !in_quote(t.begin) && !detail::is_not_name(t.lower) &&
         !detail::is_conjunction(t.lower) && !detail::is_title_word(t.lower);
}

// "Kremlin spokesman Dmitry Peskov": lower-case titles (and what they
// belong to) right before the name.
std::optional<std::string> ArticleReader::role_before(std::size_t first, std::size_t name_first) {
  std::size_t begin = first;
  while (begin > 0 && adjacent(begin - 1, begin) &&
         (detail::is_title_word(t_[begin - 1].lower) || body_before_title(begin - 1) ||
          (begin < name_first + 1 &&
           (detail::is_nationality(t_[begin - 1].lower) || detail::is_org_word(t_[begin - 1].lower) ||
            detail::is_known_org(t_[begin - 1].lower))))) {
    --begin;
  }
  // "Ms Haigh": a courtesy title says nothing of a role
  bool has_title = false;
  for (std::size_t k = begin; k < name_first; ++k)
    has_title = has_title || ((detail::is_title_word(t_[k].lower) || detail::is_role_noun(t_[k].lower)) &&
                              !detail::is_courtesy_title(t_[k].lower));
  if (!has_title || begin >= name_first) return std::nullopt;
  return join_words(t_, begin, name_first - 1, text_);
}

// "Jane Smith is the mayor of Eastport.", "Reed became the council's
// leader": a role stated with "is", "was" or "became" right after the name,
// its head noun among the phrase's first words. Up to the phrase's end (a
// punctuation mark, "and", "who", "since").
std::optional<std::string> ArticleReader::role_stated(std::size_t last) const {
  if (last + 3 >= t_.size()) return std::nullopt;
  std::string_view verb = t_[last + 1].lower;
  if (verb != "is" && verb != "was" && verb != "became") return std::nullopt;
  std::size_t from = last + 2;
  if (t_[from].lower != "the" && t_[from].lower != "a" && t_[from].lower != "an" && !is_possessive(t_[from].text))
    return std::nullopt;
  if (!is_possessive(t_[from].text)) ++from;
  std::size_t end = from;
  bool role = false;
  while (end < t_.size() && t_[end].word && !in_quote(t_[end].begin) && t_[end].lower != "and" &&
         t_[end].lower != "who" && t_[end].lower != "since" && end < from + 8) {
    role = role || (end < from + 4 && (detail::is_role_noun(t_[end].lower) || detail::is_title_word(t_[end].lower)));
    ++end;
  }
  if (!role || end == from) return std::nullopt;
  return join_words(t_, from, end - 1, text_);
}

// "Tamás Hoffmann, a senior research fellow at the Hungarian Academy of
// Sciences, ...": an appositive that names a role.
std::optional<std::string> ArticleReader::role_after(std::size_t last) {
  if (std::optional<std::string> stated = role_stated(last)) return stated;
  if (last + 2 >= t_.size() || t_[last + 1].text != ",") return std::nullopt;
  std::size_t first = last + 2, end = first;
  bool role = false;
  while (end < t_.size() && t_[end].text != "," && t_[end].text != "." && t_[end].text != ":" && t_[end].text != ";" &&
         !detail::is_speech_verb(t_[end].lower) && !in_quote(t_[end].begin)) {
    role = role || detail::is_role_noun(t_[end].lower);
    ++end;
  }
  // "Writing in the Telegraph, Transport Secretary Helen Marlow said": a
  // phrase that runs into a speech verb is its subject, not an appositive.
  bool closed = end == t_.size() || !detail::is_speech_verb(t_[end].lower);
  if (!role || !closed || end == first || end - first > 16) return std::nullopt;
  std::size_t from = first;
  if (t_[from].lower == "a" || t_[from].lower == "an" || t_[from].lower == "the") ++from;
  if (from >= end) return std::nullopt;
  return join_words(t_, from, end - 1, text_);
}

// "Its director, Priya Natarajan, said": a role set off before the name.
std::optional<std::string> ArticleReader::role_framing(std::size_t first, std::size_t last) {
  if (first < 2 || t_[first - 1].text != "," || last + 1 >= t_.size() || t_[last + 1].text != ",") return std::nullopt;
  std::size_t begin = first - 1;
  bool role = false;
  while (begin > 0 && t_[begin - 1].text != "," && t_[begin - 1].text != "." && !in_quote(t_[begin - 1].begin) &&
         sentence_of(t_[begin - 1].begin) == sentence_of(t_[first].begin)) {
    --begin;
    role = role || detail::is_role_noun(t_[begin].lower);
  }
  if (!role || first - 1 - begin > 10) return std::nullopt;
  return join_words(t_, begin, first - 2, text_);
}

// "Lynch, the union's general secretary, said", "Smith, 45, said", "Ardern,
// speaking in Wellington, said", "Brightloom, the software company, said":
// an aside between a name and its speech verb, set off by commas or dashes.
// What it says the name is (a person, a body, or nothing it can tell) and
// the token after its closing mark.
ArticleReader::Aside ArticleReader::aside_after(std::size_t last) const {
  if (last + 3 >= t_.size()) return {};
  const std::string &mark = t_[last + 1].text;
  if (mark != "," && !is_dash(mark)) return {};
  std::size_t k = last + 2;
  if (in_quote(t_[k].begin)) return {};
  const std::string &w = t_[k].lower;
  bool participle = !t_[k].capitalized && w.size() > 5 && w.compare(w.size() - 3, 3, "ing") == 0;
  bool person = w == "who" || participle || std::isdigit(static_cast<unsigned char>(w[0]));
  if (!person && w != "the" && w != "a" && w != "an" && !detail::is_role_noun(w)) return {};
  for (; k < t_.size() && k < last + 18 && t_[k].text != mark; ++k) {
    if (t_[k].text == "." || t_[k].text == ";" || t_[k].text == ":" || in_quote(t_[k].begin)) return {};
    person = person || detail::is_role_noun(t_[k].lower);
  }
  if (k >= t_.size() || t_[k].text != mark) return {};
  bool body = !person && detail::is_actor_noun(t_[k - 1].lower) && t_[k - 1].lower.back() != 's';
  return {person ? Aside::person : body ? Aside::body : Aside::none, k + 1};
}

bool ArticleReader::speaker_position(std::size_t last) const {
  Aside aside = aside_after(last);
  if (aside.kind != Aside::none) last = aside.next - 1;
  std::size_t next = last + 1;
  while (next < t_.size() &&
         (t_[next].lower == "also" || t_[next].lower == "later" || t_[next].lower == "has" || t_[next].lower == "had"))
    ++next;
  bool after = next < t_.size() && detail::is_speech_verb(t_[next].lower);
  return after;
}

const Mention *ArticleReader::mention_ending_at(std::size_t token) const {
  for (const Mention &m : mentions_)
    if (m.last == token) return &m;
  return nullptr;
}

const Mention *ArticleReader::mention_starting_at(std::size_t token) const {
  for (const Mention &m : mentions_)
    if (m.first == token) return &m;
  return nullptr;
}

} // namespace detail
} // namespace factcard
