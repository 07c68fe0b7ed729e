// The columns of a story spreadsheet (docs/CSV.md) and how their cells read:
// shared by the import and the export.
#pragma once

#include "factcard/csv.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace factcard {
namespace csv_detail {

enum Col : std::size_t {
  c_claim_id,
  c_kind,
  c_who,
  c_what,
  c_when,
  c_when_text,
  c_where,
  c_topic,
  c_value,
  c_quote,
  c_source_id,
  c_stance,
  c_speaker,
  c_publisher,
  c_headline,
  c_url,
  c_published,
  c_authors,
  c_source_language,
  c_who_id,
  c_who_kind,
  c_who_description,
  c_who_aliases,
  c_story_id,
  c_story_title,
  c_story_language,
  c_updates, // last: export writes it only for a story with updates, so that other spreadsheets stay as they were
  col_count
};

extern const char *const column_names[col_count];

// Cells of code columns (ids, kinds, dates, lists) are trimmed; the others
// are prose and kept exactly as written.
bool is_code_column(Col c);

// Columns that say something about a claim or its evidence: a row with any of
// them needs a claim_id. Then the columns that describe a source and an entity.
extern const Col claim_columns[11];
extern const Col source_detail_columns[6];
extern const Col entity_detail_columns[3];

bool is_space(char c);
std::string trim(std::string_view s);
bool is_blank(std::string_view s);
std::string lower_ascii(std::string s);

// A header as compared: trimmed, lower case, spaces and '-' as '_'.
std::string header_key(std::string_view name);

// What a header names: a known column, an unknown (kept) column, or a
// mistake worth stopping for (a near miss of a known name).
struct HeaderKind {
  std::size_t column = col_count; // a known column, else col_count
  std::string error;              // not empty: reject
};
HeaderKind classify_header(std::string_view name);

// A value as messages show it: JSON-escaped, cut after 80 bytes (at a
// character boundary).
std::string quote_text(std::string_view text);

// The text of a list cell ("a | b|c") as items, trimmed, empty ones dropped; and back.
std::vector<std::string> split_list(std::string_view cell);
std::string join_list(const std::vector<std::string> &items);

// A `value` cell: a JSON number, true/false (any case), a JSON string in
// double quotes (for text that would otherwise read as a number), else text.
Json parse_value(const std::string &cell);
// The cell that gives a Json value back through parse_value.
std::string value_cell(const Json &value);

// An `updates` cell: one "YYYY-MM-DD: note" per line (blank lines skipped).
// False with `error` set, naming the line, when a line is not of that form.
bool parse_updates(std::string_view cell, std::vector<Update> &out, std::string &error);
// The cell that gives the updates back through parse_updates.
std::string updates_cell(const std::vector<Update> &updates);

} // namespace csv_detail
} // namespace factcard
