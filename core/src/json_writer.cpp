#include "json_writer.hpp"

namespace factcard {
namespace detail {

JsonWriter::JsonWriter(std::string &out)
    : serializer_(nlohmann::detail::output_adapter<char>(out), ' ', Json::error_handler_t::replace) {}

void JsonWriter::compact(const Json &value) { serializer_.dump(value, false, false, 0); }

void JsonWriter::pretty(const Json &value, unsigned indent, unsigned depth) {
  serializer_.dump(value, true, false, indent, indent * depth);
}

} // namespace detail
} // namespace factcard
