// Articles must be UTF-8: a page saved as Latin-1 or Windows-1252 would draft
// garbled names and quotes without anyone noticing, so it is refused with the
// position of its first bad byte.
#include "factcard/extract.hpp"

#include <cstdio>

namespace factcard {
namespace {

// The length of the UTF-8 sequence at `at`, or 0 when it is not one
// (overlong forms, surrogates and code points past U+10FFFF included).
std::size_t sequence_length(std::string_view text, std::size_t at) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char c = byte(at);
  if (c < 0x80) return 1;
  std::size_t length = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || at + length > text.size()) return 0;
  unsigned long code = c & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(at + k) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(at + k) & 0x3F);
  }
  static const unsigned long smallest[] = {0, 0, 0x80, 0x800, 0x10000};
  bool valid = code >= smallest[length] && code <= 0x10FFFF && !(code >= 0xD800 && code <= 0xDFFF);
  return valid ? length : 0;
}

} // namespace

std::optional<Diagnostic> find_non_utf8(std::string_view text, const std::string &file) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = sequence_length(text, i);
    if (length == 0) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[i])));
      return Diagnostic{file, line, column,
                        std::string("not UTF-8 text: byte ") + hex +
                            " (save the article as UTF-8, or paste its text instead of the file)"};
    }
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column; // columns count characters, as editors show them
    }
    i += length;
  }
  return std::nullopt;
}

} // namespace factcard
