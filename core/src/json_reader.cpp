#include "json_reader.hpp"

#include <algorithm>
#include <deque>
#include <iterator>
#include <unordered_set>

namespace factcard {
namespace detail {

std::string escape_pointer_token(const std::string &key) {
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

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

class Handler {
public:
  Handler(std::string_view text, TokenCursor &cursor, const std::vector<std::string> &streamed,
          const std::function<void(Record &&)> &on_record, ReadResult &result)
      : text_(text), cursor_(cursor), streamed_(streamed), on_record_(on_record), result_(result) {}

  bool null() { return value(Json(nullptr)); }
  bool boolean(bool v) { return value(Json(v)); }
  bool number_integer(Json::number_integer_t v) { return value(Json(v)); }
  bool number_unsigned(Json::number_unsigned_t v) { return value(Json(v)); }
  bool number_float(Json::number_float_t v, const std::string &) { return value(Json(v)); }
  bool string(std::string &v) { return value(Json(std::move(v))); }
  bool binary(Json::binary_t &) { return value(Json(nullptr)); }

  bool start_object(std::size_t) { return open(Json::object()); }
  bool start_array(std::size_t) { return open(Json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(std::string &k) {
    Offset at = token_start();
    Frame &frame = frames_.back();
    if (!frame.keys.insert(k).second) {
      problem(at, "duplicate key \"" + k + "\"");
      frame.discard_next = true;
    }
    frame.key = std::move(k);
    frame.key_at = at;
    return true;
  }

  // Hands out the document's positions, once the parse is over.
  void finish() { flush(top_positions_, result_.positions); }

  bool parse_error(std::size_t position, const std::string &last_token, const nlohmann::detail::exception &ex) {
    result_.problems.push_back(syntax_problem(text_, position, last_token, ex));
    return false;
  }

private:
  struct Frame {
    Json *container;
    std::string pointer; // of the container, relative to its root
    std::string key;     // the pending key, in objects
    Offset key_at = no_offset;
    bool discard_next = false;
    std::size_t next_index = 0;
    std::unordered_set<std::string> keys;
    bool streamed = false;    // a top-level array whose elements become records
    bool record_root = false; // the root container of a record
  };

  Offset token_start() { return cursor_.next(); }

  void problem(Offset at, std::string message) { result_.problems.push_back({at, std::move(message)}); }

  // Where the next value goes: its pointer (relative to its root) and
  // whether it starts a new record.
  bool place(Json &&v, Offset at, Json **placed) {
    *placed = nullptr;
    if (frames_.empty()) { // the document itself
      result_.top = std::move(v);
      top_positions_.emplace_back("", at);
      *placed = &result_.top;
      pointer_ = "";
      return true;
    }
    Frame &parent = frames_.back();
    std::string token =
        parent.container->is_array() ? std::to_string(parent.next_index++) : escape_pointer_token(parent.key);
    if (parent.streamed) {
      record_ = Record{};
      record_.section = section_;
      record_.index = parent.next_index - 1;
      record_.value = std::move(v);
      record_.at = at;
      record_positions_.clear();
      record_positions_.emplace_back("", at);
      pointer_ = "";
      *placed = &record_.value;
      return true;
    }
    pointer_ = parent.pointer + "/" + token;
    if (parent.discard_next) {
      parent.discard_next = false;
      scratch_.push_back(std::move(v));
      *placed = &scratch_.back();
      return true;
    }
    if (std::count(pointer_.begin(), pointer_.end(), '/') <= static_cast<long>(max_pointer_depth)) {
      (in_record() ? record_positions_ : top_positions_).emplace_back(pointer_, at);
    }
    if (parent.container->is_array()) {
      parent.container->push_back(std::move(v));
      *placed = &parent.container->back();
    } else {
      auto &members = parent.container->get_ref<Json::object_t &>();
      // Keys are checked for duplicates above, so append without a search.
      static_cast<std::vector<std::pair<const std::string, Json>> &>(members).emplace_back(parent.key, std::move(v));
      *placed = &members.back().second;
    }
    return true;
  }

  // Positions are handed out sorted by pointer, so that a lookup is a binary search (a record
  // with 100,000 evidence items must not cost 100,000 linear scans); keys are unique, as values
  // under duplicate keys are not recorded.
  using PositionList = std::vector<std::pair<std::string, Offset>>;
  static void flush(PositionList &from, Positions &to) {
    std::stable_sort(from.begin(), from.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (auto &entry : from) to.add(std::move(entry.first), entry.second);
    from.clear();
  }
  bool in_record() const {
    for (const Frame &f : frames_)
      if (f.streamed) return true;
    return false;
  }

  bool value(Json &&v) {
    Offset at = token_start();
    if (frames_.empty()) {
      problem(at, "expected a JSON object at the top level");
      return false;
    }
    bool record = frames_.back().streamed;
    Json *placed;
    place(std::move(v), at, &placed);
    if (record) emit_record();
    return true;
  }

  bool open(Json &&container) {
    Offset at = token_start();
    if (frames_.empty() && !container.is_object()) {
      problem(at, "expected a JSON object at the top level");
      return false;
    }
    if (frames_.size() >= max_depth) {
      problem(at, "nesting deeper than " + std::to_string(max_depth) + " levels");
      return false;
    }
    bool top_level_array = frames_.size() == 1 && container.is_array() && !frames_[0].discard_next &&
                           std::find(streamed_.begin(), streamed_.end(), frames_[0].key) != streamed_.end();
    bool record_root = !frames_.empty() && frames_.back().streamed;
    if (top_level_array) section_ = frames_[0].key;
    Json *placed;
    place(std::move(container), at, &placed);
    Frame frame;
    frame.container = placed;
    frame.pointer = pointer_;
    frame.streamed = top_level_array;
    frame.record_root = record_root;
    frames_.push_back(std::move(frame));
    return true;
  }

  bool close() {
    token_start();
    bool record_root = frames_.back().record_root;
    frames_.pop_back();
    if (record_root) emit_record();
    return true;
  }

  void emit_record() {
    flush(record_positions_, record_.positions);
    on_record_(std::move(record_));
    record_ = Record{};
    scratch_.clear();
  }

  std::string_view text_;
  TokenCursor &cursor_;
  const std::vector<std::string> &streamed_;
  const std::function<void(Record &&)> &on_record_;
  ReadResult &result_;
  std::vector<Frame> frames_;
  std::string pointer_;
  std::string section_;
  Record record_;
  PositionList record_positions_, top_positions_;
  std::deque<Json> scratch_; // values under duplicate keys, dropped
};

} // namespace

TokenCursor::TokenCursor(std::string_view text) : text_(text), read_to_(text.data()) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") cursor_ = 3;
}

Offset TokenCursor::next() {
  std::size_t i = cursor_;
  while (i < text_.size()) {
    char c = text_[i];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ',' && c != ':') break;
    ++i;
  }
  cursor_ = static_cast<std::size_t>(read_to_ - text_.data());
  return static_cast<Offset>(std::min(i, text_.size()));
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
  Offset at = static_cast<Offset>(std::min(position >= length ? position - length : 0, text.size()));
  return {at, parse_error_message(ex.what())};
}

bool check_no_nul(std::string_view text, std::vector<Problem> &problems) {
  // The lexer takes a NUL byte for the end of the input: whatever follows a document and a NUL
  // would be ignored. (A NUL anywhere before the end of the document is a syntax error already.)
  std::size_t nul = text.find('\0');
  if (nul == std::string_view::npos) return true;
  problems.push_back({static_cast<Offset>(nul), "unexpected NUL byte; expected end of input"});
  return false;
}

// The reader adds entries sorted by pointer (Handler::flush).
Offset Positions::at(std::string_view pointer, Offset fallback) const {
  auto it =
      std::lower_bound(entries_.begin(), entries_.end(), pointer,
                       [](const std::pair<std::string, Offset> &entry, std::string_view p) { return entry.first < p; });
  return it != entries_.end() && it->first == pointer ? it->second : fallback;
}

ReadResult read_json(std::string_view text, const std::vector<std::string> &streamed,
                     const std::function<void(Record &&)> &on_record) {
  ReadResult result;
  TokenCursor cursor(text);
  Handler handler(text, cursor, streamed, on_record, result);
  // A syntax error stops the read; duplicate keys are reported and skipped.
  bool parsed = sax_parse(text, cursor, handler);
  handler.finish();
  parsed = parsed && check_no_nul(text, result.problems);
  result.syntax_ok = parsed && result.top.is_object();
  if (parsed && !result.top.is_object()) result.problems.push_back({0, "expected a JSON object at the top level"});
  return result;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_starts_.push_back(i + 1);
  }
}

std::pair<std::size_t, std::size_t> LineIndex::locate(Offset at) const {
  std::size_t offset = std::min<std::size_t>(at, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());
  std::size_t start = line_starts_[line - 1];
  // A byte order mark is invisible in editors: columns start after it.
  if (start == 0 && offset >= 3 && text_.substr(0, 3) == "\xEF\xBB\xBF") start = 3;
  std::size_t column = 1;
  for (std::size_t i = start; i < offset; ++i) {
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column; // count code points
  }
  return {line, column};
}

std::string dump_json(const Json &value, int indent) {
  return value.dump(indent, ' ', false, Json::error_handler_t::replace);
}

} // namespace detail
} // namespace factcard
