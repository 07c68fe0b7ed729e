#include "json_reader.hpp"

#include <algorithm>

namespace factcard {
namespace detail {

namespace {

// Replaces bytes that are not UTF-8 (a parse error may quote them) by U+FFFD.
std::string valid_utf8(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = length > 0 && i + length <= text.size();
    for (std::size_t k = 1; ok && k < length; ++k) ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (ok && (c >= 0x20 || c == '\t')) {
      out.append(text.substr(i, length));
      i += length;
    } else {
      out += ok && length == 1 ? "?" : "\xEF\xBF\xBD";
      i += ok ? length : 1;
    }
  }
  return out;
}

// Strips nlohmann's "[json.exception...] parse error at line 1, column 2: "
// prefix: the reader prints its own position.
std::string parse_error_message(const std::string &what) {
  std::size_t column = what.find("column ");
  std::size_t colon = column == std::string::npos ? std::string::npos : what.find(": ", column);
  std::string message = colon == std::string::npos ? what : what.substr(colon + 2);
  std::size_t bracket = message.find("] ");
  if (message.rfind("[json.exception", 0) == 0 && bracket != std::string::npos) message = message.substr(bracket + 2);
  // The message quotes the token ("last read: '...'", "number overflow parsing '...'"), which
  // may be a 50 MB string: keep its ends.
  std::size_t quoted = message.find('\'');
  if (quoted != std::string::npos && message.size() - quoted > 120 && message.back() == '\'') {
    std::size_t from = quoted + 1, to = message.size() - 1; // the token, without its quotes
    message = message.substr(0, from + 40) + "..." + message.substr(to - 40);
  }
  return valid_utf8(message);
}

} // namespace

void move_problems(std::vector<Problem> &from, std::vector<Problem> &to) {
  for (Problem &p : from) to.push_back(std::move(p));
  from.clear();
}

TokenCursor::TokenCursor(std::string_view text) : text_(text), read_to_(text.data()) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") cursor_ = 3;
}

Location TokenCursor::next() {
  std::size_t i = cursor_;
  while (i < text_.size()) {
    char c = text_[i];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ',' && c != ':') break;
    ++i;
  }
  cursor_ = static_cast<std::size_t>(read_to_ - text_.data());
  return static_cast<Location>(std::min(i, text_.size()));
}

Problem syntax_problem(std::string_view text, std::size_t position, const std::string &last_token,
                       const nlohmann::detail::exception &ex) {
  // `position` is just after the last byte read: a misplaced string or
  // number ("unexpected string literal") is reported at its first byte,
  // anything else (a one-byte token, a byte the lexer rejects) at that byte.
  std::string_view what(ex.what());
  std::size_t dash = what.find(" - ");
  std::size_t bracket = what.find("] "); // "[json.exception.out_of_range.406] number overflow ..." has no " - "
  std::string_view problem_text = dash != std::string_view::npos      ? what.substr(dash + 3)
                                  : bracket != std::string_view::npos ? what.substr(bracket + 2)
                                                                      : what;
  std::size_t length = 1;
  const std::pair<const char *, std::size_t> tokens[] = {{"unexpected string literal", last_token.size()},
                                                         {"unexpected number literal", last_token.size()},
                                                         {"number overflow", last_token.size()},
                                                         {"unexpected true literal", 4},
                                                         {"unexpected false literal", 5},
                                                         {"unexpected null literal", 4}};
  for (const auto &token : tokens)
    if (problem_text.substr(0, std::char_traits<char>::length(token.first)) == token.first) length = token.second;
  Location at = static_cast<Location>(std::min(position >= length ? position - length : 0, text.size()));
  return {at, parse_error_message(ex.what())};
}

bool check_no_nul(std::string_view text, std::vector<Problem> &problems) {
  // The lexer takes a NUL byte for the end of the input: whatever follows a document and a NUL
  // would be ignored. (A NUL anywhere before the end of the document is a syntax error already.)
  std::size_t nul = text.find('\0');
  if (nul == std::string_view::npos) return true;
  problems.push_back({static_cast<Location>(nul), "unexpected NUL byte; expected end of input"});
  return false;
}

std::string dump_json(const Json &value, int indent) {
  return value.dump(indent, ' ', false, Json::error_handler_t::replace);
}

} // namespace detail
} // namespace factcard
