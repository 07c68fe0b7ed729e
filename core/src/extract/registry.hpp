// The entities of one article, with their spellings clustered as they come:
// "Putin" after "Vladimir Putin" is the same person, "ICC" the same
// organisation as "International Criminal Court".
#pragma once

#include "factcard/extract.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace factcard {
namespace detail {

class Registry {
public:
  std::vector<FoundEntity> entities;

  // The entity named `name`, added if new; a description made only of
  // title words ("the spokesman") goes to add_description.
  std::size_t add(const std::string &name, EntityKind kind, const std::optional<std::string> &role);

  // "a Minister", "the spokesman": a description made only of title words
  // names no one in particular; the same words are the same speaker.
  std::size_t add_description(const std::string &name, EntityKind kind);

  // A single word ("Vasiliev") or a partial name naming someone seen before.
  std::size_t known(const std::string &name, EntityKind kind) const;

private:
  // The name words (names.hpp name_words) of each entity, computed once:
  // of its name, and of its name and aliases together.
  struct Words {
    std::vector<std::string> name, all;
  };
  std::vector<Words> words_;

  std::size_t push(FoundEntity e);
  bool contains_all(std::size_t entity, const std::vector<std::string> &words) const;
  static bool acronym_of(const std::string &short_name, const std::string &long_name);
  bool same(std::size_t entity, const std::vector<std::string> &words, EntityKind kind, const std::string &name) const;
  void absorb(std::size_t entity, const std::string &name, const std::vector<std::string> &words,
              const std::optional<std::string> &role);
};

} // namespace detail
} // namespace factcard
