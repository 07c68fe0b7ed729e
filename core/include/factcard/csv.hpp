// Spreadsheet authoring: a story as CSV, one row per piece of evidence, and
// back. The layout (columns, repeated claim ids, inline entities and sources)
// is described in docs/CSV.md. As everywhere in the core: no I/O, no
// exceptions; problems come back as Diagnostics, "file:row:column: message",
// with row the 1-based CSV record (the header is row 1) and column the
// 1-based field index.
#pragma once

#include "factcard/diagnostic.hpp"
#include "factcard/story.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace factcard {

// RFC 4180 records: fields separated by commas (or by ';' or tabs when the
// first line has no comma but has those), quoted fields may hold the
// separator, doubled quotes and CR/LF or LF line breaks; records end with
// CRLF, LF or CR; the last line ending is optional; a UTF-8 byte order mark
// is skipped. Fields must be UTF-8. Every record is kept, blank ones too, so
// records[i] is row i + 1 of a spreadsheet.
struct CsvTable {
  std::vector<std::vector<std::string>> records;
  char delimiter = ',';
};
Result<CsvTable> parse_csv(std::string_view text, const std::string &file);

struct CsvImportOptions {
  // Override the story_id, story_title and story_language columns.
  std::optional<std::string> id, title, language;
  // The story id when neither `id` nor a story_id cell gives one (the CLI
  // passes id_from_name of the file name).
  std::string fallback_id;
};

// A story from a CSV: parsed, each cell checked, built, then checked by
// check() as a story file is, each problem at the cell it is about.
// Every problem at once; never a partial story.
Result<Story> import_csv(std::string_view text, const std::string &file, const CsvImportOptions &options = {});

struct CsvExport {
  std::string text; // UTF-8 with a byte order mark, CRLF line ends
  // Fields of the story the CSV has no column for, e.g. "sources: seed".
  std::vector<std::string> not_exported;
};

// The CSV of a loaded story (references resolved). import_csv of the text
// gives back every field that has a column. Fails, naming the record, when a
// value cannot survive the trip (an alias containing '|', ...).
Result<CsvExport> export_csv(const Story &story, const std::string &file);

// The columns export_csv writes, in order: the documented header row.
const std::vector<std::string> &csv_columns();

// A plain id made of a name or a file name: "Town Hall.csv" stem "Town Hall"
// -> "town-hall", "Zoë Ruiz" -> "zoe-ruiz"; "" when nothing usable is left.
std::string id_from_name(std::string_view name);

} // namespace factcard
