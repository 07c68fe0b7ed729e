// One article: who is named, who says what (quotes and reported speech),
// and which dated events it reports.
#include "factcard/extract.hpp"
#include "factcard/names.hpp"

#include "clauses.hpp"
#include "clean.hpp"
#include "lexicon.hpp"
#include "quotes.hpp"
#include "tokens.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_set>

namespace factcard {
namespace {

using detail::Bounds;
using detail::Token;

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
    if (words.empty()) return add_description(name, kind);
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

  // "a Minister", "the spokesman": a description made only of title words
  // names no one in particular; the same words are the same speaker.
  std::size_t add_description(const std::string &name, EntityKind kind) {
    std::string key = fold_text(name);
    if (key.empty()) return npos;
    for (std::size_t i = 0; i < entities.size(); ++i)
      if (entities[i].kind == kind && fold_text(entities[i].name) == key) return i;
    FoundEntity e;
    e.name = name;
    e.kind = kind;
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

using detail::Quote;

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
    // A place dateline may date the story too ("ORLANDO, May 30 (UPI) --"): a day of the article's year.
    for (FoundDate &d : find_dates(clean.place_dateline, out_.date)) {
      d.begin = d.end = static_cast<std::size_t>(-1);
      out_.dates.push_back(std::move(d));
    }
    for (FoundDate &d : find_dates(body, out_.date)) out_.dates.push_back(std::move(d));
    for (std::size_t p = 0; p < clean.paragraphs.size(); ++p) {
      if (!clean.headings_before[p].empty()) {
        heading_speaker_ = heading_person(clean.headings_before[p]);
        if (heading_speaker_ != npos) last_quote_speaker_ = npos; // a new speaker's section
      }
      credit_speaker_ = p + 1 < clean.paragraphs.size() ? credit_line(clean.paragraphs[p + 1]) : npos;
      read_paragraph(clean.paragraphs[p], paragraph_offsets_[p]);
    }
    out_.entities = std::move(registry_.entities);
    return std::move(out_);
  }

private:
  // "— Jane Smith, mayor of Harwick" below a quote: the credit line names
  // who said it; what follows the comma is the role.
  std::size_t credit_line(const std::string &line) {
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
  std::size_t heading_person(const std::string &heading) {
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

  void read_paragraph(const std::string &text, std::size_t offset) {
    text_ = text;
    offset_ = offset;
    t_ = detail::tokenize(text);
    sentences_ = detail::split_sentences(text);
    quotes_ = detail::find_quotes(text);
    mentions_.clear();
    last_speech_byte_ = 0;
    find_mentions();
    std::vector<Attribution> attributions = find_attributions();
    std::vector<bool> sentence_quoted(sentences_.size(), false);
    read_quotes(attributions, sentence_quoted);
    read_statements(attributions, sentence_quoted);
    previous_paragraph_person_ = npos;
    bool several = false;
    for (const Mention &m : mentions_) {
      if (registry_.entities[m.entity].kind != EntityKind::person || unnamed_.count(m.entity)) continue;
      several = several || (previous_paragraph_person_ != npos && previous_paragraph_person_ != m.entity);
      previous_paragraph_person_ = m.entity;
      last_named_person_ = m.entity;
    }
    if (several || !quotes_.empty()) previous_paragraph_person_ = npos;
    ++paragraph_;
  }

  // ---- quotes ---------------------------------------------------------

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
    bool cue = name_first > first || role || speaker_position(last);
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
  bool titled_person(std::size_t first, std::size_t last) {
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

  static bool public_body(const std::string &name) {
    for (const char *word : {"union", "ministry", "agency", "council", "court", "government", "commission", "committee",
                             "police", "parliament", "authority", "service"})
      if (fold_text(name).find(word) != std::string::npos) return true;
    return false;
  }

  // A capitalised word opening a sentence before a speech verb is a name
  // unless it is a plural or a role ("Residents said", "Officials say").
  bool lone_name_speaks(std::size_t token) const {
    const std::string &w = t_[token].lower;
    bool plural = w.size() > 3 && w.back() == 's';
    return !plural && speaker_position(token) && !detail::is_role_noun(w) && !detail::is_actor_noun(w) &&
           !detail::is_title_word(w) && !detail::is_not_name(w);
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
      if (!according && !detail::is_speech_verb(t_[v].lower) && !naming_verb(v)) continue;
      std::size_t speaker = according ? speaker_after(v + 2) : npos;
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
      if (!according) {
        speaker = inverted(v) ? speaker_after(v + 1) : speaker_before(v);
        if (speaker == npos && !inverted(v)) speaker = sentence_subject(v);
        if (speaker == npos && !inverted(v) && !takes_listener(v)) speaker = speaker_after(v + 1);
      }
      if (speaker == npos) continue;
      found.push_back({v, speaker, according || reported(v)});
      remember_speaker(speaker);
      last_speech_byte_ = t_[v].end;
    }
    return found;
  }

  // "told the BBC", "urged ministers": who follows these verbs listens.
  bool takes_listener(std::size_t v) const {
    const std::string &w = t_[v].lower;
    return w == "told" || w == "tells" || w == "telling" || w == "urged" || w == "asked" || w == "warned" ||
           w == "assured" || w == "reminded" || w == "promised";
  }

  // "called it “…”", "described the plan as “…”": a verb that speaks only
  // when a quotation follows it closely.
  bool naming_verb(std::size_t v) const {
    static const char *const verbs[] = {"called", "calls", "dubbed", "branded", "labelled", "labeled", "hailed"};
    if (std::none_of(std::begin(verbs), std::end(verbs), [&](const char *w) { return t_[v].lower == w; })) return false;
    std::size_t limit = std::min(t_.size(), v + 7);
    for (std::size_t k = v + 1; k < limit; ++k) {
      if (t_[k].text == "." || t_[k].text == ";") return false;
      if (std::any_of(quotes_.begin(), quotes_.end(), [&](const Quote &q) { return q.open == t_[k].begin; }))
        return true;
    }
    return false;
  }

  // The subject of the main clause after a sentence-initial participial
  // phrase: the first person named after its comma.
  std::size_t first_person_after(std::size_t v) const {
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
  std::size_t sentence_subject(std::size_t v) const {
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
  std::size_t participle_subject(std::size_t v) const {
    std::size_t first = v;
    while (first > 0 && !sentence_initial(first)) --first;
    if (detail::is_pronoun(t_[first].lower)) return pronoun_referent(first);
    return sentence_subject(v);
  }

  bool inverted(std::size_t v) const { // `“…,” said S`
    if (v == 0) return false;
    std::size_t before = t_[v].begin;
    while (before > 0 && text_[before - 1] == ' ') --before;
    return std::any_of(quotes_.begin(), quotes_.end(), [&](const Quote &q) { return q.close == before; });
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
    // Someone named since the last speaker, earlier in this paragraph, is
    // who "he" or "she" is: "“…,” Smith said. Jones disagreed. “…,” he said."
    std::size_t between = npos, here = sentence_of(t_[token].begin);
    for (const Mention &m : mentions_) {
      bool subject = sentence_initial(m.first) && sentence_of(t_[m.first].begin) < here;
      if (subject && t_[m.first].begin >= last_speech_byte_ &&
          registry_.entities[m.entity].kind == EntityKind::person && !unnamed_.count(m.entity))
        between = m.entity;
    }
    if (between != npos) return between;
    // "Morrison ordered flags ..., who he said ...": the subject of its own sentence
    for (const Mention &m : mentions_) {
      if (m.last >= token || sentence_of(t_[m.first].begin) != here || !sentence_initial(m.first)) continue;
      if (registry_.entities[m.entity].kind == EntityKind::person && !unnamed_.count(m.entity)) return m.entity;
    }
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
    const Mention *named = mention_ending_at(end);
    bool bracketed = named && named->first > 0 && t_[named->first - 1].text == "("; // "The (San Jose) Mercury News"
    if (const Mention *m = bracketed ? nullptr : named) {
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
      return head_of_phrase(*m);
    }
    return descriptive_speaker_backward(end);
  }

  // "Stephanie Hinds of the US attorney's office in San Francisco said":
  // the speaker is the head of the phrase, not the last name in it.
  std::size_t head_of_phrase(const Mention &named) const {
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

  // "Ukraine's foreign ministry", "an ICC spokesperson", "the ministry".
  std::size_t descriptive_speaker_backward(std::size_t end) {
    std::size_t begin = end + 1;
    bool has_head = false;
    while (begin > 0) {
      const Token &t = t_[begin - 1];
      bool head = detail::is_role_noun(t.lower) || detail::is_org_word(t.lower) || t.lower == "officials" ||
                  t.lower == "authorities" || t.lower == "government" || t.lower == "ministry" ||
                  t.lower.find("year-old") != std::string::npos; // "the 41-year-old"
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
    bool article = definite || t_[first].lower == "a" || t_[first].lower == "an" || t_[first].lower == "one";
    std::size_t from = article ? first + 1 : first;
    if (from > last) return npos;
    std::string head = t_[last].lower;
    bool spokesperson = head.rfind("spokes", 0) == 0;
    if (definite && from == last && spokesperson && spokesperson_of_ != npos) return spokesperson_of_;
    if (definite) {
      std::size_t known = resolve_description(from, last);
      if (known != npos) return known;
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
    if (name_words(name).empty()) name = possessive_stripped(join_words(t_, first, last, text_)); // "a Minister"
    std::size_t entity = registry_.add(name, EntityKind::organization, std::nullopt);
    if (entity != npos) unnamed_.insert(entity);
    return entity;
  }

  // "the president", "the NASA chief", "the former mayor", "the
  // 41-year-old": someone named before whose role (or name) holds the
  // description's words, its head word included; "vice", "deputy" and
  // "former" must match too, so "the president" is never the vice president.
  static bool is_head_of_body(const std::string &w) {
    return w == "chief" || w == "head" || w == "leader" || w == "boss" || w == "administrator" || w == "director" ||
           w == "chairman" || w == "chairwoman" || w == "chair";
  }

  std::size_t resolve_description(std::size_t from, std::size_t last) const {
    std::string head = fold_text(possessive_stripped(t_[last].text));
    if (head.find("year old") != std::string::npos) { // "the 41-year-old": the last person named
      for (std::size_t r = recent_.size(); r-- > 0;)
        if (registry_.entities[recent_[r]].kind == EntityKind::person && !unnamed_.count(recent_[r])) return recent_[r];
      return npos;
    }
    std::vector<std::string> wanted;
    for (std::size_t k = from; k <= last; ++k) wanted.push_back(fold_text(possessive_stripped(t_[k].text)));
    std::size_t best = npos, best_score = 0;
    for (std::size_t k = registry_.entities.size(); k-- > 0;) {
      const FoundEntity &e = registry_.entities[k];
      std::vector<std::string> have = detail::tokenize_words(fold_text(e.name + " " + e.role.value_or("")));
      auto has = [&](const std::string &w) { return std::find(have.begin(), have.end(), w) != have.end(); };
      bool head_fits = has(head) || (head.rfind("spokes", 0) == 0 && e.role &&
                                     fold_text(*e.role).find("spokes") != std::string::npos);
      // "the NASA chief" for "NASA Administrator Jim Bridenstine": a head of
      // the same kind, when another word of the description matches too
      bool synonym = is_head_of_body(head) && e.role && wanted.size() > 1 &&
                     std::any_of(have.begin(), have.end(), is_head_of_body) &&
                     std::any_of(wanted.begin(), wanted.end() - 1, has);
      if (!head_fits && !synonym) continue;
      bool qualifier_missing = false;
      for (const char *q : {"vice", "deputy", "former", "acting", "assistant"})
        qualifier_missing =
            qualifier_missing || (has(q) != (std::find(wanted.begin(), wanted.end(), q) != wanted.end()));
      if (qualifier_missing) continue;
      std::size_t score = 0;
      for (const std::string &w : wanted) score += has(w) ? 1 : 0;
      if (score > best_score) best = k, best_score = score;
    }
    return best;
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
      std::size_t speaker = a ? a->speaker : unattributed_speaker(q, attributions);
      std::size_t word_count = std::count(words.begin(), words.end(), ' ') + 1;
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
        found.paragraph = paragraph_;
        bool continued = !a && !out_.quotes.empty() && out_.quotes.back().speaker == speaker;
        if (continued) { // the same speech as the quote before it
          found.when = out_.quotes.back().when;
          found.when_text = out_.quotes.back().when_text;
        } else {
          std::size_t end = a ? std::min(t_[a->verb].end + near_verb, sentences_[s].end) : sentences_[s].end;
          set_when(found, offset_ + sentences_[s].begin, offset_ + end, {}, false);
        }
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

  // Who says a quote that has no speech verb of its own, in this order:
  // a credit after it ("” – Marine Le Pen"); the speaker of a speech verb
  // earlier in the paragraph ("X said in a statement. “…”"); the last
  // speaker, when the quote stands alone; a heading line naming one person;
  // the one person named in the paragraph before a paragraph that is a
  // quote (a letter or statement introduced there).
  std::size_t unattributed_speaker(const Quote &q, const std::vector<Attribution> &attributions) const {
    if (std::size_t credited = credit_after(q.close); credited != npos) return credited;
    if (credit_speaker_ != npos && q.open == 0) return credit_speaker_; // the credit line below
    const Attribution *earlier = nullptr;
    for (const Attribution &a : attributions)
      if (t_[a.verb].end <= q.open) earlier = &a;
    if (earlier && whole_sentence(q)) return earlier->speaker;
    if (!whole_sentence(q)) return npos;
    if (last_quote_paragraph_ + 1 >= paragraph_ && last_quote_speaker_ != npos) return last_quote_speaker_;
    if (heading_speaker_ != npos) return heading_speaker_;
    bool quote_paragraph = q.open == 0;
    if (quote_paragraph && previous_paragraph_person_ != npos) return previous_paragraph_person_;
    return npos;
  }

  // "“…” – Marine Le Pen": a dash and a name right after the quote.
  std::size_t credit_after(std::size_t close) const {
    std::size_t k = 0;
    while (k < t_.size() && t_[k].begin < close) ++k;
    if (k >= t_.size()) return npos;
    const std::string &dash = t_[k].text;
    if (dash != "\xE2\x80\x94" && dash != "\xE2\x80\x93" && dash != "-") return npos;
    const Mention *m = mention_starting_at(k + 1);
    return m && registry_.entities[m->entity].kind == EntityKind::person ? m->entity : npos;
  }

  // Between two parts of a split quote: only ", S said,".
  // "“Q1,” she said, adding, “Q2”" is two quotes: a second speech verb
  // starts a second quotation.
  bool split_between(std::size_t from, std::size_t to) const {
    std::string between = detail::trim(std::string_view(text_).substr(from, to - from));
    bool simple =
        !between.empty() && between.back() == ',' && between.size() < 120 && between.find('.') == std::string::npos;
    for (const std::string &w : detail::tokenize_words(between))
      if (w == "adding" || w == "noting" || w == "saying" || w == "continuing" || w == "before") return false;
    return simple;
  }

  void read_statements(const std::vector<Attribution> &attributions, const std::vector<bool> &sentence_quoted) {
    std::vector<bool> taken(sentences_.size(), false);
    for (const Attribution &a : attributions) {
      std::size_t s = sentence_of(t_[a.verb].begin);
      if (!a.reported || sentence_quoted[s] || taken[s]) continue;
      taken[s] = true;
      FoundStatement st = statement(ClaimKind::statement, a.speaker, s);
      st.what = st.sentence;
      // "said on Monday that ...": the date before what is reported
      std::size_t gap = reported_gap(a.verb);
      set_when(st, offset_ + sentences_[s].begin, offset_ + t_[a.verb].end + (gap ? gap : near_verb), {}, false);
      out_.statements.push_back(std::move(st));
    }
    for (std::size_t s = 0; s < sentences_.size(); ++s) {
      if (taken[s] || sentence_quoted[s]) continue;
      read_facts(s);
    }
  }

  // "said on Monday", "told reporters on Friday": how far after its speech
  // verb a date still says when something was said.
  static constexpr std::size_t near_verb = 30;

  // Bytes from a speech verb up to its "that", where the report begins.
  std::size_t reported_gap(std::size_t verb) const {
    for (std::size_t k = verb + 1; k < t_.size() && k < verb + 8; ++k)
      if (t_[k].lower == "that") return t_[k].begin - t_[verb].end;
    return 0;
  }

  std::string sentence_text(std::size_t s) const {
    return std::string(std::string_view(text_).substr(sentences_[s].begin, sentences_[s].end - sentences_[s].begin));
  }

  FoundStatement statement(ClaimKind kind, std::size_t who, std::size_t s) const {
    FoundStatement st;
    st.kind = kind;
    st.who = who;
    st.sentence = sentence_text(s);
    st.paragraph = paragraph_;
    for (const Mention &m : mentions_)
      if (t_[m.first].begin >= sentences_[s].begin && t_[m.first].begin < sentences_[s].end)
        st.mentioned.push_back(m.entity);
    return st;
  }

  // The claim's own date: one in [begin, end) outside quotation marks and
  // outside `skip` (subordinate clauses); else, for what is reported as done
  // or said, "on or before" the article's date.
  template <class When>
  void set_when(When &claim, std::size_t begin, std::size_t end,
                const std::vector<std::pair<std::size_t, std::size_t>> &skip, bool future) const {
    for (const FoundDate &d : out_.dates) {
      if (d.begin < begin || d.end > end || !d.date.known() || in_quote(d.begin - offset_)) continue;
      if (modifies_noun(d.begin - offset_)) continue;
      bool skipped = false;
      for (const auto &span : skip) skipped = skipped || (d.begin >= span.first && d.begin < span.second);
      if (skipped) continue;
      claim.when = d.date;
      claim.when_text = d.text;
      return;
    }
    // What is to come was still said by then: a future clause is a claim made
    // on or before the article's date too.
    (void)future;
    if (!out_.date || !out_.date->known()) return;
    Date bound = *out_.date;
    bound.on_or_before = true;
    claim.when = bound;
  }

  // "since 2011", "its 2013 offering", "the June elections": a date that
  // qualifies a noun or a span dates something else than the clause.
  bool modifies_noun(std::size_t byte) const {
    for (std::size_t k = 1; k < t_.size(); ++k) {
      if (t_[k].begin != byte) continue;
      const std::string &w = t_[k - 1].lower;
      if (w == "in" && k >= 2 && t_[k - 2].lower == "than") return true; // "closer than in 2017"
      return w == "since" || w == "until" || w == "than" || w == "of" || w == "its" || w == "his" || w == "her" ||
             w == "their" || (w == "the" && t_[k].lower != "end" && t_[k].lower != "day") ||
             is_possessive(t_[k - 1].text);
    }
    return false;
  }

  // Every main clause with an actor and a finite verb is a claim.
  void read_facts(std::size_t s) {
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
    for (const detail::Clause &c : clauses) {
      std::size_t who = clause_actor(c);
      if (who == npos) continue;
      FoundStatement fact = statement(ClaimKind::event, who, s);
      fact.what = clause_text(c, clauses.size() == 1);
      if (clauses.size() > 1) fact.sentence = fact.what; // the evidence of one clause is that clause
      fact.topic = verb_stem(t_[c.verb].lower);
      std::vector<std::pair<std::size_t, std::size_t>> skip;
      for (const detail::Clause &sub : c.subordinate)
        skip.push_back({offset_ + t_[sub.first].begin, offset_ + t_[sub.last].end});
      std::size_t begin = offset_ + (c.first == first ? sentences_[s].begin : t_[c.first].begin);
      set_when(fact, begin, offset_ + t_[c.last].end, skip, future_clause(c));
      out_.statements.push_back(std::move(fact));
      for (const detail::Clause &sub : c.subordinate) read_adverbial(sub, s, quoted);
    }
  }

  // "... on Monday, as Tottenham surrendered a two-goal lead": an adverbial
  // clause with a subject of its own states a fact of its own, dated by
  // its own words.
  void read_adverbial(const detail::Clause &span, std::size_t s, const std::vector<bool> &quoted) {
    const std::string &word = t_[span.first].lower;
    bool adverbial = word == "after" || word == "before" || word == "because" || word == "since" || word == "as" ||
                     word == "although" || word == "though" || word == "while" || word == "when" || word == "until";
    if (!adverbial || span.first + 1 > span.last) return;
    detail::Clause clause{span.first + 1, span.last, span.first + 1, {}};
    while (clause.verb <= span.last && (quoted[clause.verb] || !detail::is_finite_verb(t_, clause.verb, true)))
      ++clause.verb;
    if (clause.verb > span.last || clause.verb == clause.first) return;
    std::size_t who = clause_actor(clause);
    if (who == npos) return;
    FoundStatement fact = statement(ClaimKind::event, who, s);
    fact.what = clause_text(clause, false);
    fact.sentence = fact.what;
    fact.topic = verb_stem(t_[clause.verb].lower);
    set_when(fact, offset_ + t_[clause.first].begin, offset_ + t_[clause.last].end, {}, false);
    out_.statements.push_back(std::move(fact));
  }

  bool future_clause(const detail::Clause &c) const {
    for (std::size_t k = c.first; k <= c.last; ++k) {
      const std::string &w = t_[k].lower;
      if (w == "will" || w == "would" || w == "expected" || w == "due" || w == "plans" || w == "scheduled" ||
          (w == "set" && k + 1 <= c.last && t_[k + 1].lower == "to"))
        return true;
    }
    return false;
  }

  std::string clause_text(const detail::Clause &c, bool whole_sentence) const {
    std::size_t first = c.first;
    while (first < c.last && (t_[first].lower == "and" || t_[first].lower == "but" || t_[first].lower == "while" ||
                              t_[first].text == ","))
      ++first;
    std::size_t last = c.last;
    while (last > first && !t_[last].word && t_[last].text != ")" && t_[last].text != "%") --last;
    (void)whole_sentence;
    return join_words(t_, first, last, text_);
  }

  // Who acts in a clause (below); an organisation or a place that acts (a
  // club, a country) is what a later "they" or "its" stands for.
  std::size_t clause_actor(const detail::Clause &c) {
    std::size_t who = subject_of(c);
    EntityKind kind = who != npos ? registry_.entities[who].kind : EntityKind::other;
    if ((kind == EntityKind::organization || kind == EntityKind::place) && !unnamed_.count(who)) {
      last_group_ = who;
      last_group_paragraph_ = paragraph_;
    }
    return who;
  }

  // "They", "Their best finish", "Its shares": the organisation or place
  // that last acted, in this or the previous paragraph.
  std::size_t group_referent() const {
    return last_group_ != npos && last_group_paragraph_ + 1 >= paragraph_ ? last_group_ : npos;
  }

  // The first person or organisation named before a clause's verb (a place
  // only when no one else is), "he"/"she", "they"/"their …", a description
  // ("the company", "officials"), or else the noun phrase itself ("The quake").
  std::size_t subject_of(const detail::Clause &c) {
    std::size_t before = c.verb;
    while (before > c.first &&
           (t_[before - 1].lower == "also" || t_[before - 1].lower == "then" || t_[before - 1].lower == "later" ||
            t_[before - 1].lower == "had" || t_[before - 1].lower == "has" || t_[before - 1].lower == "have"))
      --before;
    if (before == c.first) return npos;
    before = before_aside(c.first, before);
    const Token &last = t_[before - 1];
    if (detail::is_pronoun(last.lower)) return pronoun_referent(before - 1);
    if (last.lower == "they" && before - 1 == first_word(c)) return group_referent();
    if (age_description(first_word(c), before)) return pronoun_referent(before - 1);
    // "Mongolia's foreign ministry confirmed": the ministry acts, not Mongolia.
    if (!last.capitalized && (detail::is_actor_noun(last.lower) || detail::is_role_noun(last.lower))) {
      std::size_t described = descriptive_speaker_backward(before - 1);
      if (described != npos) return described;
    }
    std::size_t named = named_actor(c);
    if (named != npos) return named;
    const std::string &opening = t_[first_word(c)].lower;
    if ((opening == "their" || opening == "its") && group_referent() != npos) return group_referent();
    return noun_phrase_actor(c.first, before);
  }

  // "The 41-year-old plans to appeal": an age stands for a person named
  // before, as "he" or "she" would.
  bool age_description(std::size_t first, std::size_t before) const {
    if (before != first + 2 || t_[first].lower != "the") return false;
    const std::string &w = t_[first + 1].lower;
    return w.size() > 9 && std::isdigit(static_cast<unsigned char>(w[0])) &&
           w.compare(w.size() - 9, 9, "-year-old") == 0;
  }

  // "The deal, worth $44bn, was approved", "Macron, 44, beat": a short aside
  // between commas right before the verb is not part of the subject.
  std::size_t before_aside(std::size_t first, std::size_t before) const {
    if (before < first + 3 || t_[before - 1].text != ",") return before;
    std::size_t open = before - 1;
    while (open > first && t_[open - 1].text != "," && before - open < 8) --open;
    bool aside = open > first + 1 && t_[open - 1].text == ",";
    return aside ? open - 1 : before;
  }

  // The clause's first word, past a joining "and", "but" or comma.
  std::size_t first_word(const detail::Clause &c) const {
    std::size_t k = c.first;
    while (k < c.verb && (!t_[k].word || t_[k].lower == "and" || t_[k].lower == "but")) ++k;
    return k;
  }

  // The first person or organisation named before the verb that is not the
  // object of a preposition ("Despite the ICC warrant, Putin has ..."); a
  // place only when no one else is.
  std::size_t named_actor(const detail::Clause &c) const {
    std::size_t place = npos;
    for (const Mention &m : mentions_) {
      if (m.first < c.first || m.last >= c.verb || inside(c.subordinate, m.first) || object_of_preposition(m, c.first))
        continue;
      if (registry_.entities[m.entity].kind != EntityKind::place) return m.entity;
      if (place == npos) place = m.entity;
    }
    return place;
  }

  // Back over "the", "its", adjectives and other names to a preposition.
  bool object_of_preposition(const Mention &m, std::size_t clause_first) const {
    for (std::size_t k = m.first; k > clause_first; --k) {
      const Token &t = t_[k - 1];
      if (detail::is_preposition(t.lower) || t.lower == "despite") return true;
      bool modifier = t.word && (t.lower == "the" || t.lower == "a" || t.lower == "an" || t.lower == "its" ||
                                 t.lower == "their" || t.capitalized || is_possessive(t.text) || t.number);
      if (!modifier) return false;
    }
    return false;
  }

  static bool inside(const std::vector<detail::Clause> &spans, std::size_t token) {
    for (const detail::Clause &span : spans)
      if (token >= span.first && token <= span.last) return true;
    return false;
  }

  // "The magnitude 7.8 quake struck": a short noun phrase right before the
  // verb becomes an entity of its own, for the editor to keep or rename.
  std::size_t noun_phrase_actor(std::size_t first, std::size_t verb) {
    std::size_t from = first;
    while (from < verb && (!t_[from].word || t_[from].lower == "and" || t_[from].lower == "but")) ++from;
    if (from < verb && (t_[from].lower == "the" || t_[from].lower == "a" || t_[from].lower == "an")) ++from;
    if (from >= verb || verb - from > 8) return npos;
    for (std::size_t k = approximation_end(from, verb); k < verb; ++k) {
      const std::string &w = t_[k].lower;
      // "A chorus of European leaders", "Shares in Tessaly", "The jury of eight men and four women"
      bool inner = (w == "of" || w == "in" || w == "and") && k > from && k + 1 < verb;
      bool figure = t_[k].text == "," && k > from && t_[k - 1].number && k + 1 < verb && t_[k + 1].number; // 40,000
      if ((!t_[k].word && !figure) || (detail::is_preposition(w) && !inner) || detail::is_pronoun(w) ||
          detail::is_subordinator(w) || w == "it" || w == "they" || w == "we" || w == "i" || w == "you" ||
          w == "there" || w == "this" || w == "that")
        return npos;
    }
    std::string name = possessive_stripped(join_words(t_, from, verb - 1, text_));
    if (!name.empty() && name[0] >= 'a' && name[0] <= 'z') name[0] = static_cast<char>(name[0] - 'a' + 'A');
    std::size_t entity = registry_.add(name, EntityKind::other, std::nullopt);
    if (entity != npos) unnamed_.insert(entity);
    return entity;
  }

  // Past "More than", "About", "At least" before a number: "More than 40,000
  // people died" has a count for its subject.
  std::size_t approximation_end(std::size_t from, std::size_t verb) const {
    std::size_t k = from;
    const std::string &w = t_[k].lower;
    if ((w == "more" || w == "fewer" || w == "less") && k + 1 < verb && t_[k + 1].lower == "than")
      k += 2;
    else if (w == "at" && k + 1 < verb && t_[k + 1].lower == "least")
      k += 2;
    else if (w == "about" || w == "around" || w == "nearly" || w == "almost" || w == "over" || w == "some")
      k += 1;
    return k < verb && t_[k].number ? k : from;
  }

  // "arrived" and "arrives" compare equal.
  static std::string verb_stem(const std::string &w) {
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
  std::size_t last_group_ = npos, last_group_paragraph_ = 0;
  std::size_t last_quote_speaker_ = npos, last_quote_paragraph_ = 0;
  std::unordered_set<std::size_t> unnamed_;
  std::size_t spokesperson_of_ = npos;           // who "the spokesperson" speaks for
  std::size_t last_speech_byte_ = 0;             // in this paragraph, after the last speech verb
  std::size_t heading_speaker_ = npos;           // named by the last heading line
  std::size_t credit_speaker_ = npos;            // named by a credit line right below this paragraph
  std::size_t previous_paragraph_person_ = npos; // the one person the paragraph before named
  std::vector<std::size_t> recent_;              // entities in the order they are named
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
  for (FoundDate &d : find_dates(clean.place_dateline, out.date)) out.dates.push_back(std::move(d));
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
