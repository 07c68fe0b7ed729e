// One person, many spellings: names are compared by a key that ignores case,
// diacritics, punctuation, titles, word order and the Mongolian genitive
// patronymic suffix, so "President Khürelsükh", "Ukhnaagiin Khurelsukh" and
// "Khurelsukh Ukhnaa" all meet.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace factcard {

// Lower case with Latin diacritics removed ("Kłyszcz" -> "klyszcz"); other
// scripts are lower-cased and kept.
std::string fold_text(std::string_view text);

// Appends one code point as UTF-8.
void append_utf8(std::string &out, char32_t code_point);

// The words of a name that identify it: folded, titles dropped, patronymic
// suffix removed, sorted. Empty when the name is only titles.
std::vector<std::string> name_words(std::string_view name);

// name_words joined by spaces: equal keys mean the same name.
std::string name_key(std::string_view name);

struct NameMatch {
  enum Kind { found, unknown, ambiguous } kind = unknown;
  std::size_t entity = static_cast<std::size_t>(-1);
  std::vector<std::size_t> candidates; // when ambiguous
};

// Resolves references to entities: by id, then by exact name key, then by a
// name whose words all belong to exactly one entity's name.
class NameIndex {
public:
  void add_id(std::string_view id, std::size_t entity);
  // Returns the other entity already owning this key, or npos.
  std::size_t add_name(std::string_view name, std::size_t entity);
  NameMatch resolve(std::string_view reference) const;

private:
  std::unordered_map<std::string, std::size_t> ids_;
  std::unordered_map<std::string, std::size_t> keys_;
  // word -> names (by index into names_) containing it
  std::unordered_map<std::string, std::vector<std::size_t>> word_index_;
  struct Name {
    std::vector<std::string> words;
    std::size_t entity;
  };
  std::vector<Name> names_;
};

} // namespace factcard
