// Writing JSON a piece at a time through nlohmann's own serializer: a large
// document (a bundle, a story's JSON-LD) is written as its parts are made,
// with the bytes nlohmann's dump() of the whole would have, and never exists
// as one DOM. The serializer is kept across values, so that each value
// appends to one reused string.
#pragma once

#include "factcard/story.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace factcard {
namespace detail {

class JsonWriter {
public:
  // Appends to `out`, which must outlive the writer; `indent` < 0: compact,
  // else pretty with that many spaces a level. Invalid UTF-8 is replaced.
  explicit JsonWriter(std::string &out, int indent = -1);

  void begin_object();
  void begin_array();
  void key(std::string_view name); // in an object, before each value
  void value(const Json &value);   // a whole value, at the level it is written at
  void end_object();
  void end_array();

private:
  void separate(); // what comes before a key, or a value in an array
  void new_line(std::size_t level);
  void end(char close);

  struct Level {
    bool object;
    std::size_t items;
  };
  std::string &out_;
  int indent_;
  std::vector<Level> levels_;
  bool keyed_ = false; // a key was written, its value comes next
  nlohmann::detail::serializer<Json> serializer_;
};

// Appends a member to an object without searching it for the key: for keys
// the caller knows are new (a DOM it is building in a fixed order).
inline void append_member(Json &object, const char *key, Json value) {
  auto &members = object.get_ref<Json::object_t &>();
  static_cast<std::vector<std::pair<const std::string, Json>> &>(members).emplace_back(key, std::move(value));
}

} // namespace detail
} // namespace factcard
