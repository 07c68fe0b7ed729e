// Importing a story spreadsheet, in two steps: the rows are gathered per
// entity, source and claim (csv_rows.cpp), reporting what is wrong with each
// cell; then the story is built from them with each value's cell as its
// Location, and check() applies the rules every story follows, its findings
// reported at those cells (csv_import.cpp).
#pragma once

#include "factcard/csv.hpp"

#include "csv_columns.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace factcard {
namespace csv_detail {

// A cell of the spreadsheet.
struct Cell {
  std::size_t row = 0;       // 1-based; 0 = nowhere
  std::size_t column = npos; // 0-based field index
};

// A field that several rows may fill: the first non-empty value wins, the
// others must repeat it.
struct Agreed {
  std::string value;
  Cell cell;
  bool given() const { return cell.row != 0; }
};

struct EntityRows {
  std::string id;
  Cell id_cell;
  std::size_t first_row = 0;
  Agreed name, kind, description, aliases;
};

struct SourceRows {
  std::string id;
  Cell id_cell;
  std::size_t first_row = 0;
  Agreed publisher, headline, url, published, authors, language;
};

struct EvidenceRow {
  std::size_t row = 0;
  Cell source_cell, quote_cell, stance_cell, speaker_cell;
  std::string source, quote, speaker;
  std::optional<Stance> stance;
  Json extra = Json::object();
};

struct ClaimRows {
  std::string id;
  Cell id_cell;
  Agreed kind, what, when, when_text, where, topic, value, updates;
  std::size_t entity = npos;
  Cell who_cell;
  bool who_given = false, kind_reported = false;
  std::vector<EvidenceRow> evidence;
};

// What the rows of a spreadsheet say.
struct Rows {
  std::string file;
  Diagnostics errors;
  std::vector<std::string> header;
  std::array<std::size_t, col_count> at{}; // the field index of each known column, or npos
  std::vector<EntityRows> entities;        // in the order their ids were first seen
  std::vector<SourceRows> sources;
  std::vector<ClaimRows> claims;
  Agreed story_id, story_title, story_language;

  // "file:row:column: header: message" about a cell.
  Diagnostic at_cell(Cell cell, const std::string &message) const;
  void error_at(Cell cell, const std::string &message) { errors.push_back(at_cell(cell, message)); }
};

// Gathers the rows of a table; false when they cannot be read at all (an
// empty file, a header without the required columns).
bool read_rows(const CsvTable &table, Rows &rows);

} // namespace csv_detail
} // namespace factcard
