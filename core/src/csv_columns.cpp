#include "csv_columns.hpp"

#include "factcard/names.hpp"

#include "json_reader.hpp"

#include <algorithm>
#include <cmath>

namespace factcard {
namespace csv_detail {
namespace {

// Edits (insert, delete, replace, swap two neighbours) from a to b.
std::size_t edit_distance(const std::string &a, const std::string &b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

bool is_json_number(std::string_view s) {
  std::size_t i = 0, n = s.size();
  if (i < n && s[i] == '-') ++i;
  if (i >= n) return false;
  if (s[i] == '0') {
    ++i;
  } else if (s[i] >= '1' && s[i] <= '9') {
    while (i < n && s[i] >= '0' && s[i] <= '9') ++i;
  } else {
    return false;
  }
  if (i < n && s[i] == '.') {
    ++i;
    std::size_t digits = i;
    while (i < n && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == digits) return false;
  }
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t digits = i;
    while (i < n && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == digits) return false;
  }
  return i == n;
}

} // namespace

const char *const column_names[col_count] = {"claim_id",
                                             "kind",
                                             "who",
                                             "what",
                                             "when",
                                             "when_text",
                                             "where",
                                             "topic",
                                             "value",
                                             "quote",
                                             "source_id",
                                             "stance",
                                             "speaker",
                                             "publisher",
                                             "headline",
                                             "url",
                                             "published",
                                             "authors",
                                             "source_language",
                                             "who_id",
                                             "who_kind",
                                             "who_description",
                                             "who_aliases",
                                             "story_id",
                                             "story_title",
                                             "story_language",
                                             "updates"};

// Cells of these columns are codes, names and lists: surrounding spaces are
// dropped. The others are prose and kept exactly as written.
bool is_code_column(Col c) {
  switch (c) {
  case c_what:
  case c_when_text:
  case c_where:
  case c_quote:
  case c_headline:
  case c_who_description:
  case c_story_title:
    return false;
  default:
    return true;
  }
}

// Columns that say something about a claim or its evidence: a row with any of
// them needs a claim_id.
const Col claim_columns[11] = {c_kind,  c_what,  c_when,   c_when_text, c_where,  c_topic,
                               c_value, c_quote, c_stance, c_speaker,   c_updates};
const Col source_detail_columns[6] = {c_publisher, c_headline, c_url, c_published, c_authors, c_source_language};
const Col entity_detail_columns[3] = {c_who_kind, c_who_description, c_who_aliases};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

bool is_blank(std::string_view s) { return std::all_of(s.begin(), s.end(), is_space); }

std::string lower_ascii(std::string s) {
  for (char &c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// A header as compared: trimmed, lower case, spaces and '-' as '_'.
std::string header_key(std::string_view name) {
  std::string key = lower_ascii(trim(name));
  for (char &c : key)
    if (c == ' ' || c == '-') c = '_';
  return key;
}

HeaderKind classify_header(std::string_view name) {
  HeaderKind out;
  std::string key = header_key(name);
  for (std::size_t c = 0; c < col_count; ++c) {
    if (key == column_names[c]) {
      out.column = c;
      return out;
    }
  }
  if (key.size() >= 4) {
    for (std::size_t c = 0; c < col_count; ++c) {
      if (edit_distance(key, column_names[c]) == 1) {
        out.error = std::string("unknown column, one typo away from \"") + column_names[c] +
                    "\": fix the spelling, or give a column of your own a more distinct name";
        return out;
      }
    }
  }
  return out;
}

// A value as messages show it: JSON-escaped, cut after 80 bytes.
std::string quote_text(std::string_view text) {
  std::size_t cut = std::min<std::size_t>(text.size(), 80);
  while (cut < text.size() && cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  std::string shown(text.substr(0, cut));
  if (cut < text.size()) shown += "...";
  return detail::dump_json(Json(shown));
}

// The text of a list cell ("a | b|c") as items, trimmed, empty ones dropped.
std::vector<std::string> split_list(std::string_view cell) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= cell.size()) {
    std::size_t bar = cell.find('|', start);
    if (bar == std::string_view::npos) bar = cell.size();
    std::string item = trim(cell.substr(start, bar - start));
    if (!item.empty()) out.push_back(std::move(item));
    start = bar + 1;
  }
  return out;
}

std::string join_list(const std::vector<std::string> &items) {
  std::string out;
  for (const std::string &item : items) out += (out.empty() ? "" : "|") + item;
  return out;
}

Json parse_value(const std::string &cell) {
  if (cell.empty()) return Json();
  if (is_json_number(cell)) {
    Json number = Json::parse(cell, nullptr, false);
    if (number.is_number() && (!number.is_number_float() || std::isfinite(number.get<double>()))) return number;
    return Json(cell);
  }
  std::string lower = lower_ascii(cell);
  if (lower == "true") return Json(true);
  if (lower == "false") return Json(false);
  if (cell.size() >= 2 && cell.front() == '"' && cell.back() == '"') {
    Json text = Json::parse(cell, nullptr, false);
    if (text.is_string()) return text;
  }
  return Json(cell);
}

// The cell that gives a Json value back through parse_value.
std::string value_cell(const Json &value) {
  if (value.is_null()) return "";
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_string()) {
    const std::string &text = value.get_ref<const std::string &>();
    if (parse_value(trim(text)) == value && trim(text) == text) return text;
    return detail::dump_json(value);
  }
  return detail::dump_json(value);
}

bool parse_updates(std::string_view cell, std::vector<Update> &out, std::string &error) {
  std::size_t line = 0;
  while (!cell.empty()) {
    std::size_t end = cell.find_first_of("\r\n");
    std::string text = trim(cell.substr(0, end));
    cell.remove_prefix(end == std::string_view::npos ? cell.size() : end + 1);
    ++line;
    if (text.empty()) continue;
    std::size_t colon = text.find(':');
    std::optional<Date> day = parse_date(trim(text.substr(0, colon == std::string::npos ? 0 : colon)));
    std::string note = colon == std::string::npos ? "" : trim(text.substr(colon + 1));
    if (!day || day->precision != Precision::day || day->approximate || day->on_or_before || note.empty()) {
      error = "line " + std::to_string(line) + ": expected \"YYYY-MM-DD: note\", not " + quote_text(text);
      return false;
    }
    Update u;
    u.date = *day;
    u.note = std::move(note);
    out.push_back(std::move(u));
  }
  return true;
}

std::string updates_cell(const std::vector<Update> &updates) {
  std::string out;
  for (const Update &u : updates) {
    if (!out.empty()) out += '\n';
    out += u.date.to_string() + ": " + u.note;
  }
  return out;
}

} // namespace csv_detail

using namespace csv_detail;

const std::vector<std::string> &csv_columns() {
  static const std::vector<std::string> columns(column_names, column_names + col_count);
  return columns;
}

std::string id_from_name(std::string_view name) {
  std::string folded = fold_text(name), out;
  bool dash = false;
  for (char c : folded) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (plain) {
      if (dash && !out.empty()) out += '-';
      out += c;
      dash = false;
    } else {
      dash = true;
    }
  }
  if (out.size() > 60) {
    out.resize(60);
    while (!out.empty() && out.back() == '-') out.pop_back();
  }
  return out;
}
} // namespace factcard
