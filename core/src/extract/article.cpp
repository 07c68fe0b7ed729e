// One article: who is named, who says what (quotes and reported speech),
// and which dated events it reports.
#include "factcard/extract.hpp"
#include "factcard/names.hpp"

#include "clean.hpp"
#include "lexicon.hpp"
#include "tokens.hpp"

#include <algorithm>
#include <unordered_set>

namespace factcard {
namespace {

using detail::Bounds;
using detail::Token;

const std::string open_quote = "\xE2\x80\x9C", close_quote = "\xE2\x80\x9D";

std::string possessive_stripped(const std::string &word) {
  for (const char *suffix : {"'s", "\xE2\x80\x99s"}) {
    std::string s(suffix);
    if (word.size() > s.size() && word.compare(word.size() - s.size(), s.size(), s) == 0)
      return word.substr(0, word.size() - s.size());
  }
  return word;
}

bool is_possessive(const std::string &word) { return possessive_stripped(word) != word; }

std::string join_words(const std::vector<Token> &t, std::size_t first, std::size_t last, std::string_view text) {
  if (first > last) return "";
  return std::string(text.substr(t[first].begin, t[last].end - t[first].begin));
}

bool name_particle(const Token &t) {
  // "al-Bashir", "bin", "van", "de": lower-case words inside names.
  if (t.lower.empty() || t.capitalized || std::string("aebivdl").find(t.lower[0]) == std::string::npos) return false;
  static const std::unordered_set<std::string> particles = {"al", "el", "bin", "ibn", "van", "von", "der",
                                                            "de", "da", "di",  "le",  "la",  "du"};
  if (particles.count(t.lower)) return true;
  std::size_t dash = t.lower.find('-');
  return dash != std::string::npos && dash + 1 < t.lower.size() && particles.count(t.lower.substr(0, dash));
}

// The entities of one article, with their spellings clustered as they come.
class Registry {
public:
  std::vector<FoundEntity> entities;

  std::size_t add(const std::string &name, EntityKind kind, const std::optional<std::string> &role) {
    std::vector<std::string> words = name_words(name);
    if (words.empty()) return npos;
    for (std::size_t i = 0; i < entities.size(); ++i) {
      if (!same(entities[i], words, kind, name)) continue;
      absorb(entities[i], name, role);
      return i;
    }
    FoundEntity e;
    e.name = name;
    e.kind = kind;
    e.role = role;
    entities.push_back(std::move(e));
    return entities.size() - 1;
  }

  // A single word ("Vasiliev") or a partial name naming someone seen before.
  std::size_t known(const std::string &name, EntityKind kind) const {
    std::vector<std::string> words = name_words(name);
    if (words.empty()) return npos;
    for (std::size_t i = entities.size(); i-- > 0;) {
      if (entities[i].kind == kind && contains_all(entities[i], words)) return i;
    }
    return npos;
  }

private:
  static bool contains_all(const FoundEntity &e, const std::vector<std::string> &words) {
    std::vector<std::string> all = name_words(e.name);
    for (const std::string &alias : e.aliases) {
      std::vector<std::string> w = name_words(alias);
      all.insert(all.end(), w.begin(), w.end());
    }
    return std::all_of(words.begin(), words.end(),
                       [&](const std::string &w) { return std::find(all.begin(), all.end(), w) != all.end(); });
  }

  // "ICC" and "International Criminal Court".
  static bool acronym_of(const std::string &short_name, const std::string &long_name) {
    if (short_name.size() < 2 || short_name.size() > 6) return false;
    if (!std::all_of(short_name.begin(), short_name.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) return false;
    std::string initials;
    for (const std::string &w : detail::tokenize_words(long_name))
      if (w != "of" && w != "the" && w != "for" && w != "and" && !w.empty())
        initials += static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
    return initials == short_name;
  }

  static bool same(const FoundEntity &e, const std::vector<std::string> &words, EntityKind kind,
                   const std::string &name) {
    if (e.kind != kind) return false;
    std::vector<std::string> mine = name_words(e.name);
    if (mine == words) return true;
    if (kind == EntityKind::organization && (acronym_of(name, e.name) || acronym_of(e.name, name))) return true;
    if (kind != EntityKind::person) return false;
    // A partial name of a person seen before: "Putin" after "Vladimir Putin".
    auto subset = [](const std::vector<std::string> &a, const std::vector<std::string> &b) {
      return std::includes(b.begin(), b.end(), a.begin(), a.end());
    };
    return subset(words, mine) || subset(mine, words);
  }

  static void absorb(FoundEntity &e, const std::string &name, const std::optional<std::string> &role) {
    if (!e.role && role) e.role = role;
    if (name == e.name || std::find(e.aliases.begin(), e.aliases.end(), name) != e.aliases.end()) return;
    // The fullest spelling names the entity; the others become aliases.
    if (name_words(name).size() > name_words(e.name).size()) {
      e.aliases.push_back(e.name);
      e.name = name;
    } else {
      e.aliases.push_back(name);
    }
  }
};

struct Mention {
  std::size_t first, last; // token range of the name
  std::size_t entity;
};

struct Attribution {
  std::size_t verb;      // token index of the speech verb
  std::size_t speaker;   // entity
  bool reported = false; // "said that", "according to"
};

struct Quote {
  std::size_t begin, end;  // byte range of the words inside the marks
  std::size_t open, close; // byte range including the marks
};

class ArticleReader {
public:
  explicit ArticleReader(const Article &article) : article_(article) {}

  ArticleAnalysis run() {
    detail::CleanArticle clean = detail::clean_article(article_.text);
    out_.headline = clean.headline;
    out_.publisher = clean.publisher;
    out_.url = clean.url;
    out_.date = article_.date ? article_.date : clean.stated_date;
    std::string body;
    for (const std::string &p : clean.paragraphs) {
      paragraph_offsets_.push_back(body.size());
      body += p + "\n\n";
    }
    // A dateline is no sentence of the body: its offsets point nowhere.
    for (const std::string &line : clean.datelines)
      for (FoundDate &d : find_dates(line, std::nullopt)) {
        d.begin = d.end = static_cast<std::size_t>(-1);
        out_.dates.push_back(std::move(d));
      }
    for (FoundDate &d : find_dates(body, out_.date)) out_.dates.push_back(std::move(d));
    for (std::size_t p = 0; p < clean.paragraphs.size(); ++p)
      read_paragraph(clean.paragraphs[p], paragraph_offsets_[p]);
    out_.entities = std::move(registry_.entities);
    return std::move(out_);
  }

private:
  void read_paragraph(const std::string &text, std::size_t offset) {
    text_ = text;
    offset_ = offset;
    t_ = detail::tokenize(text);
    sentences_ = detail::split_sentences(text);
    quotes_ = find_quotes(text);
    mentions_.clear();
    find_mentions();
    std::vector<Attribution> attributions = find_attributions();
    std::vector<bool> sentence_quoted(sentences_.size(), false);
    read_quotes(attributions, sentence_quoted);
    read_statements(attributions, sentence_quoted);
    for (const Mention &m : mentions_)
      if (registry_.entities[m.entity].kind == EntityKind::person && !unnamed_.count(m.entity))
        last_named_person_ = m.entity;
    ++paragraph_;
  }

  // ---- quotes ---------------------------------------------------------

  static std::vector<Quote> find_quotes(const std::string &s) {
    std::vector<Quote> quotes;
    std::size_t i = 0;
    while (i < s.size()) {
      std::size_t open = s.find(open_quote, i), straight = s.find('"', i);
      if (open == std::string::npos && straight == std::string::npos) break;
      bool curly = open != std::string::npos && (straight == std::string::npos || open < straight);
      std::size_t at = curly ? open : straight;
      std::size_t inner = at + (curly ? open_quote.size() : 1);
      std::size_t close = curly ? s.find(close_quote, inner) : s.find('"', inner);
      std::size_t close_len = curly ? close_quote.size() : 1;
      if (close == std::string::npos) { // runs on to the paragraph's end
        quotes.push_back({inner, s.size(), at, s.size()});
        break;
      }
      quotes.push_back({inner, close, at, close + close_len});
      i = close + close_len;
    }
    return quotes;
  }

  bool in_quote(std::size_t byte) const {
    return std::any_of(quotes_.begin(), quotes_.end(),
                       [&](const Quote &q) { return byte >= q.open && byte < q.close; });
  }

  std::size_t sentence_of(std::size_t byte) const {
    for (std::size_t s = 0; s < sentences_.size(); ++s)
      if (byte < sentences_[s].end) return s;
    return sentences_.empty() ? 0 : sentences_.size() - 1;
  }

  // ---- names ----------------------------------------------------------

  bool adjacent(std::size_t a, std::size_t b) const { // only spaces between tokens a and b
    for (std::size_t k = t_[a].end; k < t_[b].begin; ++k)
      if (text_[k] != ' ') return false;
    return true;
  }

  bool name_token(std::size_t i) const {
    const Token &t = t_[i];
    return t.word && !t.number && (t.capitalized || name_particle(t)) && !in_quote(t.begin);
  }

  void find_mentions() {
    for (std::size_t i = 0; i < t_.size();) {
      if (!name_token(i) || !t_[i].capitalized) {
        ++i;
        continue;
      }
      std::size_t last = i;
      while (last + 1 < t_.size() && adjacent(last, last + 1) &&
             (!is_possessive(t_[last].text) || owns_org(last + 1))) {
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
      classify(i, last);
      i = last + 1;
    }
  }

  // "Ukraine's Foreign Ministry": a possessive that belongs to an organisation's name.
  bool owns_org(std::size_t next) const {
    for (std::size_t k = next; k < t_.size() && name_token(k) && (k == next || adjacent(k - 1, k)); ++k)
      if (detail::is_org_word(t_[k].lower)) return true;
    return false;
  }

  bool titles_only(std::size_t first, std::size_t last) const { // "Prime Minister of Mongolia ..."
    for (std::size_t k = first; k <= last; ++k)
      if (!detail::is_title_word(t_[k].lower) && !detail::is_nationality(t_[k].lower)) return false;
    return true;
  }

  bool org_sequence(std::size_t first, std::size_t last) const {
    for (std::size_t k = first; k <= last; ++k)
      if (detail::is_org_word(t_[k].lower)) return true;
    return false;
  }

  void classify(std::size_t first, std::size_t last) {
    while (first <= last && detail::is_not_name(t_[first].lower) && !detail::is_title_word(t_[first].lower)) ++first;
    if (first > last) return;
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
    if (detail::is_place_word(possessive_stripped(t_[last].lower)) && last > first) org = false, place = true;
    if (org) {
      if (name.rfind("The ", 0) == 0) name = name.substr(4);
      add_mention(first, last, registry_.add(name, EntityKind::organization, std::nullopt));
      return;
    }
    if (place) {
      add_mention(first, last, registry_.add(name, EntityKind::place, std::nullopt));
      return;
    }
    // Titles and nationalities before a person's name are their role.
    std::size_t name_first = first;
    while (name_first <= last &&
           (detail::is_title_word(t_[name_first].lower) || detail::is_nationality(t_[name_first].lower) ||
            ((t_[name_first].lower == "of") && name_first > first))) {
      if (t_[name_first].lower == "of" && name_first + 1 <= last && detail::is_known_place(t_[name_first + 1].lower))
        ++name_first;
      ++name_first;
    }
    if (name_first > last) return;
    for (std::size_t k = name_first; k <= last; ++k) {
      std::string w = possessive_stripped(t_[k].lower);
      if (detail::is_known_place(w) || detail::is_nationality(w) || detail::is_place_word(w)) return;
    }
    std::string person = possessive_stripped(join_words(t_, name_first, last, text_));
    std::optional<std::string> role = role_before(first, name_first);
    if (!role) role = role_after(last);
    if (!role) role = role_framing(first, last);
    bool single = name_first == last;
    bool cue = name_first > first || role || speaker_position(last);
    if (single) {
      std::size_t existing = registry_.known(person, EntityKind::person);
      if (existing != npos) {
        registry_.add(person, EntityKind::person, role);
        add_mention(first, last, existing);
      } else if (cue && !(name_first == first && sentence_initial(first))) { // "Residents said" is no name
        add_mention(first, last, registry_.add(person, EntityKind::person, role));
      }
      return;
    }
    if (last - name_first > 4) return; // too long for a name
    add_mention(first, last, registry_.add(person, EntityKind::person, role));
  }

  static bool public_body(const std::string &name) {
    for (const char *word : {"union", "ministry", "agency", "council", "court", "government", "commission", "committee",
                             "police", "parliament", "authority", "service"})
      if (fold_text(name).find(word) != std::string::npos) return true;
    return false;
  }

  bool sentence_initial(std::size_t token) const {
    std::size_t s = sentence_of(t_[token].begin);
    return t_[token].begin == sentences_[s].begin;
  }

  void add_mention(std::size_t first, std::size_t last, std::size_t entity) {
    if (entity == npos) return;
    mentions_.push_back({first, last, entity});
    recent_.push_back(entity);
  }

  // "Kremlin spokesman Dmitry Peskov": lower-case titles (and what they
  // belong to) right before the name.
  std::optional<std::string> role_before(std::size_t first, std::size_t name_first) {
    std::size_t begin = first;
    while (begin > 0 && adjacent(begin - 1, begin) &&
           (detail::is_title_word(t_[begin - 1].lower) ||
            (begin < name_first + 1 &&
             (detail::is_nationality(t_[begin - 1].lower) || detail::is_org_word(t_[begin - 1].lower) ||
              detail::is_known_org(t_[begin - 1].lower))))) {
      --begin;
    }
    bool has_title = false;
    for (std::size_t k = begin; k < name_first; ++k) has_title = has_title || detail::is_title_word(t_[k].lower);
    if (!has_title || begin >= name_first) return std::nullopt;
    return join_words(t_, begin, name_first - 1, text_);
  }

  // "Tamás Hoffmann, a senior research fellow at the Hungarian Academy of
  // Sciences, ...": an appositive that names a role.
  std::optional<std::string> role_after(std::size_t last) {
    if (last + 2 >= t_.size() || t_[last + 1].text != ",") return std::nullopt;
    std::size_t first = last + 2, end = first;
    bool role = false;
    while (end < t_.size() && t_[end].text != "," && t_[end].text != "." && t_[end].text != ":" &&
           t_[end].text != ";" && !detail::is_speech_verb(t_[end].lower) && !in_quote(t_[end].begin)) {
      role = role || detail::is_role_noun(t_[end].lower);
      ++end;
    }
    if (!role || end == first || end - first > 16) return std::nullopt;
    std::size_t from = first;
    if (t_[from].lower == "a" || t_[from].lower == "an" || t_[from].lower == "the") ++from;
    if (from >= end) return std::nullopt;
    return join_words(t_, from, end - 1, text_);
  }

  // "Its director, Priya Natarajan, said": a role set off before the name.
  std::optional<std::string> role_framing(std::size_t first, std::size_t last) {
    if (first < 2 || t_[first - 1].text != "," || last + 1 >= t_.size() || t_[last + 1].text != ",")
      return std::nullopt;
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

  bool speaker_position(std::size_t last) const {
    std::size_t next = last + 1;
    while (next < t_.size() && (t_[next].lower == "also" || t_[next].lower == "later" || t_[next].lower == "has" ||
                                t_[next].lower == "had"))
      ++next;
    bool after = next < t_.size() && detail::is_speech_verb(t_[next].lower);
    return after;
  }

  const Mention *mention_ending_at(std::size_t token) const {
    for (const Mention &m : mentions_)
      if (m.last == token) return &m;
    return nullptr;
  }
  const Mention *mention_starting_at(std::size_t token) const {
    for (const Mention &m : mentions_)
      if (m.first == token) return &m;
    return nullptr;
  }

  // ---- who speaks ------------------------------------------------------

  std::vector<Attribution> find_attributions() {
    std::vector<Attribution> found;
    for (std::size_t v = 0; v < t_.size(); ++v) {
      if (in_quote(t_[v].begin)) continue;
      bool according = t_[v].lower == "according" && v + 1 < t_.size() && t_[v + 1].lower == "to";
      if (!according && !detail::is_speech_verb(t_[v].lower)) continue;
      std::size_t speaker = according ? speaker_after(v + 2) : npos;
      bool participle =
          !according && t_[v].lower.size() > 4 && t_[v].lower.compare(t_[v].lower.size() - 3, 3, "ing") == 0;
      if (participle) { // "..., he added, noting that ...": the same speaker
        bool same_sentence = !found.empty() && sentence_of(t_[found.back().verb].begin) == sentence_of(t_[v].begin);
        if (same_sentence) found.push_back({v, found.back().speaker, true});
        continue;
      }
      if (!according) {
        speaker = inverted(v) ? speaker_after(v + 1) : speaker_before(v);
        if (speaker == npos && !inverted(v)) speaker = sentence_subject(v);
        if (speaker == npos && !inverted(v)) speaker = speaker_after(v + 1);
      }
      if (speaker == npos) continue;
      found.push_back({v, speaker, according || reported(v)});
      remember_speaker(speaker);
    }
    return found;
  }

  // "Former prime minister X, who led the talks, welcomed it but said ...":
  // the first person named in the sentence before the verb.
  std::size_t sentence_subject(std::size_t v) const {
    std::size_t s = sentence_of(t_[v].begin);
    for (const Mention &m : mentions_) {
      if (m.last >= v || sentence_of(t_[m.first].begin) != s) continue;
      if (registry_.entities[m.entity].kind == EntityKind::person) return m.entity;
      return npos;
    }
    return npos;
  }

  bool inverted(std::size_t v) const { // `“…,” said S`
    if (v == 0) return false;
    const std::string &prev = t_[v - 1].text;
    return prev == close_quote || prev == "\"";
  }

  bool reported(std::size_t v) const { // "said that", "told reporters ... that"
    for (std::size_t k = v + 1; k < t_.size() && k < v + 8; ++k) {
      if (t_[k].lower == "that") return true;
      if (t_[k].text == "." || t_[k].text == "," || in_quote(t_[k].begin)) return false;
    }
    return false;
  }

  void remember_speaker(std::size_t entity) {
    if (registry_.entities[entity].kind == EntityKind::person && !unnamed_.count(entity)) {
      last_person_ = entity;
      last_person_paragraph_ = paragraph_;
    }
    last_speaker_ = entity;
  }

  // "he"/"she": the last person who spoke in this or the previous
  // paragraph; else the last person named before the pronoun.
  std::size_t pronoun_referent(std::size_t token) const {
    if (last_person_ != npos && last_person_paragraph_ + 1 >= paragraph_) return last_person_;
    std::size_t found = last_named_person_;
    for (const Mention &m : mentions_)
      if (m.last < token && registry_.entities[m.entity].kind == EntityKind::person && !unnamed_.count(m.entity))
        found = m.entity;
    return found != npos ? found : last_person_;
  }

  std::size_t speaker_after(std::size_t i) {
    if (i >= t_.size()) return npos;
    if (detail::is_pronoun(t_[i].lower)) return pronoun_referent(i);
    if (const Mention *m = mention_starting_at(i)) return m->entity;
    for (std::size_t k = i; k < t_.size() && k < i + 3; ++k) // "said Kremlin spokesman Dmitry Peskov"
      if (const Mention *m = mention_starting_at(k)) return m->entity;
    return descriptive_speaker_forward(i);
  }

  std::size_t speaker_before(std::size_t v) {
    std::size_t k = v;
    while (k > 0 && (t_[k - 1].lower == "also" || t_[k - 1].lower == "later" || t_[k - 1].lower == "has" ||
                     t_[k - 1].lower == "had" || t_[k - 1].lower == "have" || t_[k - 1].lower == "then" ||
                     t_[k - 1].lower == "previously" || t_[k - 1].lower == "reportedly" || t_[k - 1].lower == "once"))
      --k;
    if (k == 0) return npos;
    std::size_t end = k - 1;
    if (t_[end].text == "," && end > 0) { // "Its director, Priya Natarajan, said"
      if (const Mention *m = mention_ending_at(end - 1))
        if (registry_.entities[m->entity].kind == EntityKind::person) return m->entity;
    }
    if (t_[end].text == ",") { // "Altantuya Batdorj, executive director of ..., warned"
      std::size_t k2 = end;
      while (k2 > 0 && t_[k2 - 1].text != "," && !in_quote(t_[k2 - 1].begin)) --k2;
      if (k2 < 2 || t_[k2 - 1].text != ",") return npos;
      end = k2 - 2; // the word before the earlier comma
    }
    if (detail::is_pronoun(t_[end].lower)) return pronoun_referent(end);
    if (const Mention *m = mention_ending_at(end)) {
      // "A spokesperson for Putin": the spokesperson speaks, not Putin.
      bool for_someone = m->first >= 2 && (t_[m->first - 1].lower == "for" || t_[m->first - 1].lower == "of") &&
                         detail::is_role_noun(t_[m->first - 2].lower);
      if (for_someone && registry_.entities[m->entity].kind == EntityKind::organization) return m->entity;
      if (for_someone && registry_.entities[m->entity].kind == EntityKind::person) {
        std::size_t begin = m->first - 2;
        while (begin > 0 && t_[begin - 1].word && !in_quote(t_[begin - 1].begin) &&
               (t_[begin - 1].capitalized || detail::is_title_word(t_[begin - 1].lower) || t_[begin - 1].lower == "a" ||
                t_[begin - 1].lower == "an" || t_[begin - 1].lower == "the")) {
          --begin;
          if (t_[begin].lower == "a" || t_[begin].lower == "an" || t_[begin].lower == "the") break;
        }
        return descriptive_entity(begin, end);
      }
      return m->entity;
    }
    return descriptive_speaker_backward(end);
  }

  // "Ukraine's foreign ministry", "an ICC spokesperson", "the ministry".
  std::size_t descriptive_speaker_backward(std::size_t end) {
    std::size_t begin = end + 1;
    bool has_head = false;
    while (begin > 0) {
      const Token &t = t_[begin - 1];
      bool head = detail::is_role_noun(t.lower) || detail::is_org_word(t.lower) || t.lower == "officials" ||
                  t.lower == "authorities" || t.lower == "government" || t.lower == "ministry";
      bool modifier = t.word && (t.capitalized || head || detail::is_title_word(t.lower) || t.lower == "for" ||
                                 t.lower == "foreign" || t.lower == "government" || t.lower == "company");
      if (t.lower == "the" || t.lower == "a" || t.lower == "an") {
        --begin;
        break;
      }
      if (!modifier || in_quote(t.begin)) break;
      has_head = has_head || head;
      --begin;
      if (t.capitalized && begin > 0 && t_[begin - 1].word && !t_[begin - 1].capitalized &&
          t_[begin - 1].lower != "the" && t_[begin - 1].lower != "a" && t_[begin - 1].lower != "an")
        break;
    }
    if (!has_head || begin > end) return npos;
    return descriptive_entity(begin, end);
  }

  std::size_t descriptive_speaker_forward(std::size_t i) {
    std::size_t end = i;
    bool has_head = false;
    while (end < t_.size()) {
      const Token &t = t_[end];
      bool head = detail::is_role_noun(t.lower) || detail::is_org_word(t.lower) || t.lower == "officials" ||
                  t.lower == "authorities";
      bool ok =
          t.word && (end == i ? (t.lower == "the" || t.lower == "a" || t.lower == "an" || t.capitalized || head)
                              : (t.capitalized || head || detail::is_title_word(t.lower) || t.lower == "foreign"));
      if (!ok) break;
      has_head = has_head || head;
      ++end;
    }
    if (!has_head || end == i) return npos;
    return descriptive_entity(i, end - 1);
  }

  // A speaker named by description: definite ones ("the ministry") point at
  // someone seen before; others become an entity of their own.
  std::size_t descriptive_entity(std::size_t first, std::size_t last) {
    bool definite = t_[first].lower == "the";
    bool article = definite || t_[first].lower == "a" || t_[first].lower == "an";
    std::size_t from = article ? first + 1 : first;
    if (from > last) return npos;
    std::string head = t_[last].lower;
    bool spokesperson = head.rfind("spokes", 0) == 0;
    if (definite && from == last && spokesperson && spokesperson_of_ != npos) return spokesperson_of_;
    if (definite && from == last) {
      for (std::size_t k = registry_.entities.size(); k-- > 0;) {
        const FoundEntity &e = registry_.entities[k];
        std::string haystack = fold_text(e.name + " " + e.role.value_or(""));
        std::string needle = head.rfind("spokes", 0) == 0 ? "spokes" : head;
        if (haystack.find(needle) != std::string::npos) return k;
      }
    }
    // An unnamed spokesperson speaks for the organisation: "an ICC
    // spokesperson", "a council spokesperson", "a company spokesperson".
    if (spokesperson && from < last) {
      std::size_t org = organisation_in(from, last);
      if (org != npos) return spokesperson_of_ = org;
      // "a Mongolian government spokesperson" speaks for "Mongolian government".
      std::string body = possessive_stripped(join_words(t_, from, last - 1, text_));
      std::size_t entity = registry_.add(body, EntityKind::organization, std::nullopt);
      return spokesperson_of_ = entity;
    }
    std::string name = possessive_stripped(join_words(t_, from, last, text_));
    std::size_t entity = registry_.add(name, EntityKind::organization, std::nullopt);
    if (entity != npos) unnamed_.insert(entity);
    return entity;
  }

  // The organisation an unnamed spokesperson speaks for: one named in the
  // phrase ("an ICC spokesperson"), or the last one whose name holds its
  // word ("a council spokesperson"); "company" and "firm" take the last one.
  std::size_t organisation_in(std::size_t from, std::size_t last) const {
    for (std::size_t k = from; k < last; ++k) {
      for (const Mention &m : mentions_)
        if (m.first <= k && k <= m.last && registry_.entities[m.entity].kind == EntityKind::organization)
          return m.entity;
      std::string word = possessive_stripped(t_[k].lower);
      bool generic = word == "company" || word == "firm" || word == "group" || word == "club";
      for (std::size_t r = recent_.size(); r-- > 0;) { // the most recently named first
        std::size_t e = recent_[r];
        const FoundEntity &org = registry_.entities[e];
        if (org.kind != EntityKind::organization || unnamed_.count(e)) continue;
        if (generic ? !public_body(org.name) : fold_text(org.name).find(word) != std::string::npos) return e;
      }
    }
    return npos;
  }

  // ---- claims ----------------------------------------------------------

  const Attribution *nearest(const std::vector<Attribution> &attributions, const Quote &q) const {
    std::size_t first_sentence = sentence_of(q.open), last_sentence = sentence_of(q.close ? q.close - 1 : 0);
    const Attribution *best = nullptr;
    std::size_t best_distance = static_cast<std::size_t>(-1);
    for (const Attribution &a : attributions) {
      std::size_t s = sentence_of(t_[a.verb].begin);
      if (s < first_sentence || s > last_sentence) continue;
      std::size_t at = t_[a.verb].begin;
      std::size_t distance = at >= q.close ? at - q.close : q.open - std::min(q.open, at);
      if (distance < best_distance) {
        best_distance = distance;
        best = &a;
      }
    }
    return best;
  }

  bool whole_sentence(const Quote &q) const {
    std::size_t s = sentence_of(q.open);
    std::string before =
        detail::trim(std::string_view(text_).substr(sentences_[s].begin, q.open - sentences_[s].begin));
    std::size_t e = sentence_of(q.close ? q.close - 1 : 0);
    std::string after = detail::trim(std::string_view(text_).substr(
        std::min(q.close, sentences_[e].end), sentences_[e].end - std::min(q.close, sentences_[e].end)));
    return before.empty() && (after.empty() || after == ".");
  }

  void read_quotes(const std::vector<Attribution> &attributions, std::vector<bool> &sentence_quoted) {
    std::size_t previous = npos; // index into out_.quotes of this paragraph's last quote
    std::size_t previous_close = 0;
    for (const Quote &q : quotes_) {
      std::string words = detail::trim(std::string_view(text_).substr(q.begin, q.end - q.begin));
      while (!words.empty() && words.back() == ',') words.pop_back(); // the comma that leads into "she said"
      if (words.empty()) continue;
      const Attribution *a = nearest(attributions, q);
      std::size_t speaker = a ? a->speaker : npos;
      std::size_t word_count = std::count(words.begin(), words.end(), ' ') + 1;
      if (!a && whole_sentence(q) && last_quote_paragraph_ + 1 >= paragraph_ && last_quote_speaker_ != npos) {
        speaker = last_quote_speaker_; // a quote on its own continues the last speaker
      }
      if (speaker == npos) continue;
      if (!a && word_count < 3) continue; // scare quotes
      for (std::size_t s = sentence_of(q.open);
           s <= sentence_of(q.close ? q.close - 1 : 0) && s < sentence_quoted.size(); ++s)
        sentence_quoted[s] = true;
      // “Q1,” S said, “Q2”: one quote in two parts.
      bool continues = previous != npos && out_.quotes[previous].speaker == speaker &&
                       sentence_of(previous_close) == sentence_of(q.open) && split_between(previous_close, q.open);
      if (continues) {
        out_.quotes[previous].quote += " " + words;
      } else {
        FoundQuote found;
        found.quote = words;
        found.speaker = speaker;
        std::size_t s = sentence_of(q.open);
        found.sentence =
            std::string(std::string_view(text_).substr(sentences_[s].begin, sentences_[s].end - sentences_[s].begin));
        out_.quotes.push_back(std::move(found));
        previous = out_.quotes.size() - 1;
      }
      previous_close = q.close;
      last_quote_speaker_ = speaker;
      last_quote_paragraph_ = paragraph_;
      if (registry_.entities[speaker].kind == EntityKind::person && !unnamed_.count(speaker)) {
        last_person_ = speaker;
        last_person_paragraph_ = paragraph_;
      }
    }
  }

  // Between two parts of a split quote: only ", S said,".
  bool split_between(std::size_t from, std::size_t to) const {
    std::string between = detail::trim(std::string_view(text_).substr(from, to - from));
    return !between.empty() && between.back() == ',' && between.size() < 120 && between.find('.') == std::string::npos;
  }

  void read_statements(const std::vector<Attribution> &attributions, const std::vector<bool> &sentence_quoted) {
    std::vector<bool> taken(sentences_.size(), false);
    for (const Attribution &a : attributions) {
      std::size_t s = sentence_of(t_[a.verb].begin);
      if (!a.reported || sentence_quoted[s] || taken[s]) continue;
      taken[s] = true;
      FoundStatement st;
      st.kind = ClaimKind::statement;
      st.who = a.speaker;
      st.sentence = sentence_text(s);
      attach_date(st, s);
      out_.statements.push_back(std::move(st));
    }
    for (std::size_t s = 0; s < sentences_.size(); ++s) {
      if (taken[s] || sentence_quoted[s]) continue;
      read_event(s);
    }
  }

  std::string sentence_text(std::size_t s) const {
    return std::string(std::string_view(text_).substr(sentences_[s].begin, sentences_[s].end - sentences_[s].begin));
  }

  const FoundDate *date_in(std::size_t s) const {
    std::size_t begin = offset_ + sentences_[s].begin, end = offset_ + sentences_[s].end;
    for (const FoundDate &d : out_.dates)
      if (d.begin >= begin && d.end <= end && d.date.known()) return &d;
    return nullptr;
  }

  void attach_date(FoundStatement &st, std::size_t s) const {
    if (const FoundDate *d = date_in(s)) {
      st.when = d->date;
      st.when_text = d->text;
    }
  }

  // A dated sentence whose subject is a person or organisation: an event.
  void read_event(std::size_t s) {
    const FoundDate *d = date_in(s);
    if (!d) return;
    const Mention *subject = nullptr;
    for (const Mention &m : mentions_) {
      if (t_[m.first].begin < sentences_[s].begin || t_[m.first].begin >= sentences_[s].end) continue;
      if (registry_.entities[m.entity].kind == EntityKind::place) continue;
      subject = &m;
      break;
    }
    if (!subject) return;
    std::string verb = main_verb(subject->last + 1, sentences_[s].end);
    if (verb.empty()) return;
    FoundStatement ev;
    ev.kind = ClaimKind::event;
    ev.who = subject->entity;
    ev.sentence = sentence_text(s);
    ev.when = d->date;
    ev.when_text = d->text;
    ev.topic = verb;
    out_.statements.push_back(std::move(ev));
  }

  // The first past-tense verb after the subject, reduced to a stem so that
  // "arrived" and "arrives" compare equal.
  std::string main_verb(std::size_t from, std::size_t sentence_end) const {
    static const char *const irregular[][2] = {
        {"met", "meet"},  {"went", "go"},    {"came", "come"},   {"held", "hold"},   {"gave", "give"}, {"took", "take"},
        {"made", "make"}, {"left", "leave"}, {"began", "begin"}, {"signed", "sign"}, {"flew", "fly"},  {"won", "win"},
        {"lost", "lose"}, {"sent", "send"},  {"spoke", "speak"}, {"paid", "pay"}};
    // Near the subject only ("Putin arrived", "Putin was warmly received").
    for (std::size_t k = from; k < t_.size() && k < from + 4 && t_[k].begin < sentence_end; ++k) {
      const std::string &w = t_[k].lower;
      if (!t_[k].word || t_[k].capitalized) continue;
      for (const auto &pair : irregular)
        if (w == pair[0]) return pair[1];
      if (w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0)
        return w.substr(0, w.size() - (w[w.size() - 3] == 'e' ? 1 : 2));
    }
    return "";
  }

  const Article &article_;
  ArticleAnalysis out_;
  Registry registry_;
  std::vector<std::size_t> paragraph_offsets_;
  std::string text_;
  std::size_t offset_ = 0;
  std::vector<Token> t_;
  std::vector<Bounds> sentences_;
  std::vector<Quote> quotes_;
  std::vector<Mention> mentions_;
  std::size_t paragraph_ = 0;
  std::size_t last_person_ = npos, last_speaker_ = npos, last_named_person_ = npos;
  std::size_t last_person_paragraph_ = 0;
  std::size_t last_quote_speaker_ = npos, last_quote_paragraph_ = 0;
  std::unordered_set<std::size_t> unnamed_;
  std::size_t spokesperson_of_ = npos; // who "the spokesperson" speaks for
  std::vector<std::size_t> recent_;    // entities in the order they are named
};

} // namespace

ArticleAnalysis analyse_article(const Article &article) { return ArticleReader(article).run(); }

ArticleAnalysis analyse_dates(const Article &article) {
  detail::CleanArticle clean = detail::clean_article(article.text);
  ArticleAnalysis out;
  out.headline = clean.headline;
  out.date = article.date ? article.date : clean.stated_date;
  for (const std::string &line : clean.datelines)
    for (FoundDate &d : find_dates(line, std::nullopt)) out.dates.push_back(std::move(d));
  std::string body;
  for (const std::string &p : clean.paragraphs) body += p + "\n\n";
  for (FoundDate &d : find_dates(body, out.date)) out.dates.push_back(std::move(d));
  return out;
}

Json annotations_json(const ArticleAnalysis &analysis) {
  Json dates = Json::array(), people = Json::array(), quotes = Json::array();
  for (const FoundDate &d : analysis.dates) dates.push_back({{"text", d.text}, {"value", d.date.to_string()}});
  for (const FoundEntity &e : analysis.entities)
    if (e.kind == EntityKind::person) people.push_back(e.name);
  for (const FoundQuote &q : analysis.quotes) {
    quotes.push_back({{"quote", q.quote},
                      {"speaker", q.speaker < analysis.entities.size() ? analysis.entities[q.speaker].name : ""}});
  }
  Json out = Json::object();
  out["dates"] = std::move(dates);
  out["people"] = std::move(people);
  out["quotes"] = std::move(quotes);
  return out;
}

} // namespace factcard
