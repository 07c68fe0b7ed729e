// How an article's entities cluster their spellings.
#include "registry.hpp"

#include "factcard/names.hpp"

#include "tokens.hpp"

#include <algorithm>
#include <cctype>

namespace factcard {
namespace detail {

std::size_t Registry::add(const std::string &name, EntityKind kind, const std::optional<std::string> &role) {
  std::vector<std::string> words = name_words(name);
  if (words.empty()) return add_description(name, kind);
  for (std::size_t i = 0; i < entities.size(); ++i) {
    if (!same(i, words, kind, name)) continue;
    absorb(i, name, words, role);
    return i;
  }
  FoundEntity e;
  e.name = name;
  e.kind = kind;
  e.role = role;
  return push(std::move(e));
}

std::size_t Registry::push(FoundEntity e) {
  Words w;
  w.name = name_words(e.name);
  w.all = w.name;
  entities.push_back(std::move(e));
  words_.push_back(std::move(w));
  return entities.size() - 1;
}

std::size_t Registry::add_description(const std::string &name, EntityKind kind) {
  std::string key = fold_text(name);
  if (key.empty()) return npos;
  for (std::size_t i = 0; i < entities.size(); ++i)
    if (entities[i].kind == kind && fold_text(entities[i].name) == key) return i;
  FoundEntity e;
  e.name = name;
  e.kind = kind;
  return push(std::move(e));
}

std::size_t Registry::known(const std::string &name, EntityKind kind) const {
  std::vector<std::string> words = name_words(name);
  if (words.empty()) return npos;
  for (std::size_t i = entities.size(); i-- > 0;) {
    if (entities[i].kind == kind && contains_all(i, words)) return i;
  }
  return npos;
}

bool Registry::contains_all(std::size_t entity, const std::vector<std::string> &words) const {
  const std::vector<std::string> &all = words_[entity].all;
  return std::all_of(words.begin(), words.end(),
                     [&](const std::string &w) { return std::find(all.begin(), all.end(), w) != all.end(); });
}

// "ICC" and "International Criminal Court".
bool Registry::acronym_of(const std::string &short_name, const std::string &long_name) {
  if (short_name.size() < 2 || short_name.size() > 6) return false;
  if (!std::all_of(short_name.begin(), short_name.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) return false;
  std::string initials;
  for (const std::string &w : detail::tokenize_words(long_name))
    if (w != "of" && w != "the" && w != "for" && w != "and" && !w.empty())
      initials += static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
  return initials == short_name;
}

bool Registry::same(std::size_t entity, const std::vector<std::string> &words, EntityKind kind,
                    const std::string &name) const {
  const FoundEntity &e = entities[entity];
  if (e.kind != kind) return false;
  const std::vector<std::string> &mine = words_[entity].name;
  if (mine == words) return true;
  if (kind == EntityKind::organization && (acronym_of(name, e.name) || acronym_of(e.name, name))) return true;
  if (kind != EntityKind::person) return false;
  // A partial name of a person seen before: "Putin" after "Vladimir Putin".
  auto subset = [](const std::vector<std::string> &a, const std::vector<std::string> &b) {
    return std::includes(b.begin(), b.end(), a.begin(), a.end());
  };
  return subset(words, mine) || subset(mine, words);
}

void Registry::absorb(std::size_t entity, const std::string &name, const std::vector<std::string> &words,
                      const std::optional<std::string> &role) {
  FoundEntity &e = entities[entity];
  Words &w = words_[entity];
  if (!e.role && role) e.role = role;
  if (name == e.name || std::find(e.aliases.begin(), e.aliases.end(), name) != e.aliases.end()) return;
  // The fullest spelling names the entity; the others become aliases.
  if (words.size() > w.name.size()) {
    e.aliases.push_back(e.name);
    e.name = name;
    w.name = words;
  } else {
    e.aliases.push_back(name);
  }
  w.all.insert(w.all.end(), words.begin(), words.end());
}

} // namespace detail
} // namespace factcard
