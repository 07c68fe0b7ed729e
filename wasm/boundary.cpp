#include "boundary.hpp"

#include <cstdlib>
#include <cstring>

namespace factcard_wasm {

char *to_c_string(const std::string &text) {
  char *out = static_cast<char *>(std::malloc(text.size() + 1));
  if (out) std::memcpy(out, text.c_str(), text.size() + 1);
  return out;
}

std::string dump(const factcard::Json &value) {
  return value.dump(-1, ' ', false, factcard::Json::error_handler_t::replace);
}

factcard::Json errors_to_json(const factcard::Diagnostics &errors) {
  factcard::Json list = factcard::Json(factcard::Json::value_t::array);
  for (const factcard::Diagnostic &d : errors)
    list.push_back({{"line", d.line}, {"column", d.column}, {"message", d.message}});
  factcard::Json out = factcard::Json(factcard::Json::value_t::object);
  out["errors"] = std::move(list);
  return out;
}

char *error(const std::string &message) { return to_c_string(dump(errors_to_json({{"", 0, 0, message}}))); }

} // namespace factcard_wasm

// The allocator the JS side writes inputs with and frees results with.
extern "C" {

void *fc_alloc(std::size_t size) { return std::malloc(size); }

void fc_free(void *pointer) { std::free(pointer); }

} // extern "C"
