// Reading the records of a CSV text (RFC 4180, as spreadsheets write it).
#include "factcard/csv.hpp"

#include "csv_columns.hpp"

#include <algorithm>

namespace factcard {

using namespace csv_detail;

namespace {

// Index of the first byte that is not part of valid UTF-8, or npos.
std::size_t invalid_utf8_at(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t length;
    unsigned min;
    unsigned code;
    if ((c & 0xE0) == 0xC0) {
      length = 2, min = 0x80, code = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3, min = 0x800, code = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4, min = 0x10000, code = c & 0x07;
    } else {
      return i;
    }
    if (i + length > s.size()) return i;
    for (std::size_t k = 1; k < length; ++k) {
      unsigned char next = static_cast<unsigned char>(s[i + k]);
      if ((next & 0xC0) != 0x80) return i;
      code = (code << 6) | (next & 0x3F);
    }
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return i;
    i += length;
  }
  return npos;
}

char detect_delimiter(std::string_view text) {
  std::size_t commas = 0, semicolons = 0, tabs = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    if (c == ',') ++commas;
    if (c == ';') ++semicolons;
    if (c == '\t') ++tabs;
  }
  if (commas > 0) return ',';
  if (semicolons > 0) return ';';
  if (tabs > 0) return '\t';
  return ',';
}

// Cells must be UTF-8; says which is not, and after what, so it can be found.
void check_utf8(const std::vector<std::vector<std::string>> &records, const std::string &file, Diagnostics &errors) {
  for (std::size_t r = 0; r < records.size(); ++r) {
    for (std::size_t c = 0; c < records[r].size(); ++c) {
      const std::string &field = records[r][c];
      std::size_t bad = invalid_utf8_at(field);
      if (bad == npos) continue;
      static const char hex[] = "0123456789ABCDEF";
      unsigned char byte = static_cast<unsigned char>(field[bad]);
      std::string before = field.substr(bad > 20 ? bad - 20 : 0, bad > 20 ? 20 : bad);
      while (!before.empty() && invalid_utf8_at(before) != npos) before.erase(0, 1);
      std::string message = std::string("invalid UTF-8: byte 0x") + hex[byte >> 4] + hex[byte & 15] +
                            (before.empty() ? " at the start of the cell" : " after " + quote_text(before)) +
                            "; save the file as UTF-8 (in Excel: \"CSV UTF-8\")";
      if (r > 0 && !records.empty() && c < records[0].size() && invalid_utf8_at(records[0][c]) == npos &&
          !is_blank(records[0][c]))
        message = trim(records[0][c]) + ": " + message;
      errors.push_back({file, r + 1, c + 1, message});
    }
  }
}

} // namespace

Result<CsvTable> parse_csv(std::string_view text, const std::string &file) {
  CsvTable table;
  Diagnostics errors;
  if (text.size() >= 2 && (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF")) {
    return Diagnostics{{file, 1, 1, "the file is UTF-16: save it as UTF-8 (in Excel: \"CSV UTF-8\")"}};
  }
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (text.empty()) return table;
  const char delimiter = table.delimiter = detect_delimiter(text);
  auto &records = table.records;
  std::vector<std::string> record;
  std::size_t i = 0, n = text.size();
  auto ends_field = [&](char c) { return c == delimiter || c == '\r' || c == '\n'; };
  while (true) {
    std::string field;
    std::size_t row = records.size() + 1, column = record.size() + 1;
    if (i < n && text[i] == '"') {
      ++i;
      bool closed = false;
      while (i < n) {
        if (text[i] == '"') {
          if (i + 1 < n && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          closed = true;
          break;
        }
        field += text[i++];
      }
      if (!closed) {
        errors.push_back({file, row, column, "a quoted field is never closed: the \" that opens it has no closing \""});
      } else if (i < n && !ends_field(text[i])) {
        errors.push_back(
            {file, row, column, "text after the closing quote of a quoted field: write a \" inside one as \"\""});
        while (i < n && !ends_field(text[i])) field += text[i++];
      }
    } else {
      while (i < n && !ends_field(text[i])) field += text[i++];
    }
    record.push_back(std::move(field));
    if (i >= n) {
      records.push_back(std::move(record));
      break;
    }
    if (text[i] == delimiter) {
      ++i;
      continue;
    }
    i += (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') ? 2 : 1;
    records.push_back(std::move(record));
    record.clear();
    if (i >= n) break;
  }
  check_utf8(table.records, file, errors);
  if (!errors.empty()) {
    std::stable_sort(errors.begin(), errors.end(), [](const Diagnostic &a, const Diagnostic &b) {
      return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    return errors;
  }
  return table;
}

} // namespace factcard
