// Serialising with nlohmann's own serializer, kept across many values: each
// dump appends to one reused string instead of allocating a serializer and a
// string per value, and a value can be written at the indentation it has
// inside a larger document (what dump(indent) of the whole document writes).
#pragma once

#include "factcard/story.hpp"

#include <string>
#include <utility>
#include <vector>

namespace factcard {
namespace detail {

class JsonWriter {
public:
  // Appends to `out`, which must outlive the writer. Invalid UTF-8 is replaced.
  explicit JsonWriter(std::string &out);

  // The bytes of value.dump(-1, ' ', false, replace).
  void compact(const Json &value);
  // The bytes value.dump(indent) has inside a document that nests it `depth` levels deep:
  // every line after the first starts `depth * indent` spaces further right.
  void pretty(const Json &value, unsigned indent, unsigned depth);

private:
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
