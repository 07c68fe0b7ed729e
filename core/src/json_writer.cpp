#include "json_writer.hpp"

namespace factcard {
namespace detail {

JsonWriter::JsonWriter(std::string &out, int indent)
    : out_(out), indent_(indent),
      serializer_(nlohmann::detail::output_adapter<char>(out), ' ', Json::error_handler_t::replace) {}

// As dump(indent) lays out a container: each item on a line of its own, one
// level further in; an empty container stays "{}" or "[]".
void JsonWriter::new_line(std::size_t level) {
  if (indent_ < 0) return;
  out_ += '\n';
  out_.append(level * static_cast<std::size_t>(indent_), ' ');
}

void JsonWriter::separate() {
  if (keyed_) { // the value of the key just written
    keyed_ = false;
    return;
  }
  if (levels_.empty()) return;
  Level &level = levels_.back();
  if (level.items++ > 0) out_ += ',';
  new_line(levels_.size());
}

void JsonWriter::begin_object() {
  separate();
  out_ += '{';
  levels_.push_back({true, 0});
}

void JsonWriter::begin_array() {
  separate();
  out_ += '[';
  levels_.push_back({false, 0});
}

void JsonWriter::key(std::string_view name) {
  separate();
  serializer_.dump(Json(name), false, false, 0);
  out_ += indent_ < 0 ? ":" : ": ";
  keyed_ = true;
}

void JsonWriter::value(const Json &value) {
  separate();
  const bool pretty = indent_ >= 0;
  const unsigned step = pretty ? static_cast<unsigned>(indent_) : 0;
  serializer_.dump(value, pretty, false, step, step * static_cast<unsigned>(levels_.size()));
}

void JsonWriter::end(char close) {
  std::size_t items = levels_.back().items;
  levels_.pop_back();
  if (items > 0) new_line(levels_.size());
  out_ += close;
}

void JsonWriter::end_object() { end('}'); }

void JsonWriter::end_array() { end(']'); }

} // namespace detail
} // namespace factcard
