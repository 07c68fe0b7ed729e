#include "factcard/names.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_set>

namespace factcard {
namespace {

// Decodes one UTF-8 sequence at `i`; invalid bytes decode as U+FFFD.
char32_t next_code_point(std::string_view s, std::size_t &i) {
  unsigned char c = static_cast<unsigned char>(s[i++]);
  if (c < 0x80) return c;
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
  if (extra < 0) return 0xFFFD;
  char32_t cp = c & (0x3F >> extra);
  for (int k = 0; k < extra; ++k) {
    if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
  }
  return cp;
}

// Base letters of U+00C0..U+017F; '*' marks the few that are not letters,
// digits mark letters that fold to two ASCII letters (see `expansions`).
const char latin_bases[] = "aaaaaa0ceeeeiiii" // C0
                           "dnooooo*ouuuuy12" // D0
                           "aaaaaa0ceeeeiiii" // E0
                           "dnooooo*ouuuuy1y" // F0
                           "aaaaaaccccccccdd" // 100
                           "ddeeeeeeeeeegggg" // 110
                           "gggghhhhiiiiiiii" // 120
                           "ii33jjkkklllllll" // 130
                           "lllnnnnnnnnnoooo" // 140
                           "oo44rrrrrrssssss" // 150
                           "ssttttttuuuuuuuu" // 160
                           "uuuuwwyyyzzzzzzs" // 170
    ;
const char *const expansions[] = {"ae", "th", "ss", "ij", "oe"};

// Appends the folded form of one code point; returns false for separators.
bool fold_code_point(char32_t cp, std::string &out) {
  if (cp < 0x80) {
    char c = static_cast<char>(cp);
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
      return true;
    }
    return false;
  }
  if (cp >= 0xC0 && cp <= 0x17F) {
    char base = latin_bases[cp - 0xC0];
    if (base == '*') return false;
    if (base >= '0' && base <= '4')
      out += expansions[base - '0'];
    else
      out += base;
    return true;
  }
  if (cp >= 0x300 && cp <= 0x36F) return true; // combining accents: drop
  if (cp >= 0x410 && cp <= 0x42F)
    cp += 0x20; // Cyrillic capitals
  else if (cp >= 0x400 && cp <= 0x40F)
    cp += 0x50;
  else if (cp == 0x4E8 || cp == 0x4AE)
    cp += 1; // Mongolian Ө, Ү
  bool separator =
      cp <= 0xBF || (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) || cp == 0xFFFD || cp == 0xFEFF;
  if (separator) return false;
  append_utf8(out, cp);
  return true;
}

bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x2BC; }

const std::unordered_set<std::string> &title_words() {
  static const std::unordered_set<std::string> words = {
      "the",     "mr",     "mrs",        "ms",         "miss",      "dr",    "prof",   "professor",
      "sir",     "dame",   "lord",       "madam",      "president", "vice",  "prime",  "minister",
      "deputy",  "former", "chancellor", "premier",    "king",      "queen", "prince", "princess",
      "general", "gen",    "secretary",  "ambassador", "senator",   "sen",   "rep",    "judge",
      "justice", "st",     "saint",      "jr",         "sr"};
  return words;
}

// Mongolian names put the father's name first in the genitive
// ("Ukhnaagiin Khurelsukh"); Western order drops the suffix
// ("Khurelsukh Ukhnaa").
std::string strip_patronymic_suffix(const std::string &word) {
  for (const char *suffix : {"giin", "iin", "yn"}) {
    std::size_t n = std::char_traits<char>::length(suffix);
    if (word.size() > n + 2 && word.compare(word.size() - n, n, suffix) == 0) {
      return word.substr(0, word.size() - n);
    }
  }
  return word;
}

} // namespace

void append_utf8(std::string &out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string fold_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = next_code_point(text, i);
    if (is_apostrophe(cp)) continue; // "Putin's" -> "putins"
    std::size_t before = out.size();
    if (pending_space && !out.empty()) out += ' ';
    if (fold_code_point(cp, out)) {
      pending_space = false;
    } else {
      out.resize(before);
      pending_space = true;
    }
  }
  return out;
}

std::vector<std::string> name_words(std::string_view name) {
  std::string folded = fold_text(name);
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    std::string word = folded.substr(start, end - start);
    if (!title_words().count(word)) words.push_back(std::move(word));
    start = end + 1;
  }
  if (words.size() >= 2) words[0] = strip_patronymic_suffix(words[0]);
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

std::string name_key(std::string_view name) {
  std::string key;
  for (const std::string &word : name_words(name)) {
    if (!key.empty()) key += ' ';
    key += word;
  }
  return key;
}

void NameIndex::add_id(std::string_view id, std::size_t entity) { ids_.emplace(std::string(id), entity); }

std::size_t NameIndex::add_name(std::string_view name, std::size_t entity) {
  std::vector<std::string> words = name_words(name);
  if (words.empty()) return static_cast<std::size_t>(-1);
  std::string key;
  for (const std::string &w : words) key += (key.empty() ? "" : " ") + w;
  auto inserted = keys_.emplace(key, entity);
  if (!inserted.second) {
    return inserted.first->second == entity ? static_cast<std::size_t>(-1) : inserted.first->second;
  }
  std::size_t index = names_.size();
  for (const std::string &w : words) word_index_[w].push_back(index);
  names_.push_back({std::move(words), entity});
  return static_cast<std::size_t>(-1);
}

NameMatch NameIndex::resolve(std::string_view reference) const {
  NameMatch match;
  auto by_id = ids_.find(std::string(reference));
  if (by_id != ids_.end()) {
    match.kind = NameMatch::found;
    match.entity = by_id->second;
    return match;
  }
  std::vector<std::string> words = name_words(reference);
  if (words.empty()) return match;
  std::string key;
  for (const std::string &w : words) key += (key.empty() ? "" : " ") + w;
  auto by_key = keys_.find(key);
  if (by_key != keys_.end()) {
    match.kind = NameMatch::found;
    match.entity = by_key->second;
    return match;
  }
  // Partial names ("Putin", "President Khurelsukh"): every word must belong
  // to one name; start from the word that appears in the fewest names.
  const std::vector<std::size_t> *fewest = nullptr;
  for (const std::string &w : words) {
    auto it = word_index_.find(w);
    if (it == word_index_.end()) return match;
    if (!fewest || it->second.size() < fewest->size()) fewest = &it->second;
  }
  for (std::size_t n : *fewest) {
    const Name &candidate = names_[n];
    bool all = std::includes(candidate.words.begin(), candidate.words.end(), words.begin(), words.end());
    bool seen = std::find(match.candidates.begin(), match.candidates.end(), candidate.entity) != match.candidates.end();
    if (all && !seen) match.candidates.push_back(candidate.entity);
  }
  if (match.candidates.size() == 1) {
    match.kind = NameMatch::found;
    match.entity = match.candidates[0];
    match.candidates.clear();
  } else if (match.candidates.size() > 1) {
    match.kind = NameMatch::ambiguous;
  }
  return match;
}

} // namespace factcard
