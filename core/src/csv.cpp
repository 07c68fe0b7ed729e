// Stories as CSV (docs/CSV.md). Import: parse the records, read the header,
// gather entities (by who_id, then by name), sources and claims from the
// rows, build the Story, then let load_story check it as it checks a story
// file, mapping what it finds back to cells through the positions of the
// saved JSON. Export: the inverse, one row per evidence.
#include "factcard/csv.hpp"
#include "factcard/load.hpp"
#include "factcard/names.hpp"

#include "json_reader.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <initializer_list>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

namespace factcard {
namespace {

// ---------------------------------------------------------------- columns

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
  col_count
};

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
                                             "story_language"};

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
const Col claim_columns[] = {c_kind,  c_what,  c_when,  c_when_text, c_where,
                             c_topic, c_value, c_quote, c_stance,    c_speaker};
const Col source_detail_columns[] = {c_publisher, c_headline, c_url, c_published, c_authors, c_source_language};
const Col entity_detail_columns[] = {c_who_kind, c_who_description, c_who_aliases};

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

// What a header names: a known column, an unknown (kept) column, or a
// mistake worth stopping for (a near miss of a known name).
struct HeaderKind {
  std::size_t column = col_count; // a known column, else col_count
  std::string error;              // not empty: reject
};

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

// A `value` cell: a JSON number, true/false (any case), a JSON string in
// double quotes (for text that would otherwise read as a number), else text.
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

// ---------------------------------------------------------------- import

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
  Agreed kind, what, when, when_text, where, topic, value;
  std::size_t entity = npos;
  Cell who_cell;
  bool who_given = false, kind_reported = false;
  std::vector<EvidenceRow> evidence;
};

// JSON pointer (relative to a record) -> the cell its value came from.
using Provenance = std::vector<std::pair<std::string, Cell>>;

class Importer {
public:
  Importer(const CsvTable &table, const std::string &file, const CsvImportOptions &options)
      : records_(table.records), file_(file), options_(options) {}

  Result<Story> run() {
    if (records_.empty() || std::all_of(records_.begin(), records_.end(), [](const std::vector<std::string> &r) {
          return std::all_of(r.begin(), r.end(), [](const std::string &f) { return is_blank(f); });
        })) {
      return Diagnostics{{file_, 1, 1, "the file is empty: its first row must name the columns (see docs/CSV.md)"}};
    }
    if (!read_header()) return errors_;
    row_entity_.assign(records_.size(), npos);
    for (std::size_t r = 1; r < records_.size(); ++r) {
      if (!row_blank(r)) check_width(r);
    }
    entities_by_id();
    entities_by_name();
    for (std::size_t r = 1; r < records_.size(); ++r) {
      if (!row_blank(r)) read_row(r);
    }
    check_complete();
    Story story = build();
    return validate(story);
  }

private:
  // ------------------------------------------------------------ cells

  const std::string &raw(std::size_t r, Col c) const {
    static const std::string empty;
    std::size_t at = at_[c];
    if (at == npos || at >= records_[r].size()) return empty;
    return records_[r][at];
  }
  // The cell as read: codes trimmed, text as written, blank as "".
  std::string cell(std::size_t r, Col c) const {
    const std::string &s = raw(r, c);
    if (is_blank(s)) return "";
    return is_code_column(c) ? trim(s) : s;
  }
  Cell cell_at(std::size_t r, Col c) const { return {r + 1, at_[c]}; }

  void error_at(Cell cell, const std::string &message) {
    std::string text = message;
    if (cell.column != npos && cell.column < header_.size() && !is_blank(header_[cell.column]))
      text = trim(header_[cell.column]) + ": " + message;
    errors_.push_back({file_, cell.row, cell.column == npos ? 0 : cell.column + 1, text});
  }
  void error(std::size_t r, Col c, const std::string &message) {
    if (at_[c] == npos) return; // a missing column is reported once, at the header
    error_at(cell_at(r, c), message);
  }

  void agree(Agreed &a, const std::string &value, std::size_t r, Col c, const std::string &owner) {
    if (value.empty() || at_[c] == npos) return;
    if (!a.given()) {
      a.value = value;
      a.cell = cell_at(r, c);
      return;
    }
    if (a.value != value) {
      error(r, c,
            quote_text(value) + " differs from " + quote_text(a.value) + ", given for " + owner + " in row " +
                std::to_string(a.cell.row) + "; leave the cell empty or repeat the value exactly");
    }
  }

  bool row_blank(std::size_t r) const {
    if (r == header_row_) return true;
    return std::all_of(records_[r].begin(), records_[r].end(), [](const std::string &f) { return is_blank(f); });
  }

  // ------------------------------------------------------------ header

  bool read_header() {
    while (header_row_ < records_.size() && std::all_of(records_[header_row_].begin(), records_[header_row_].end(),
                                                        [](const std::string &f) { return is_blank(f); }))
      ++header_row_;
    // Rows above the header are blank: they keep their numbers and are skipped.
    const std::vector<std::string> &names = records_[header_row_];
    header_ = names;
    at_.fill(npos);
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < names.size(); ++i) {
      Cell here{header_row_ + 1, i};
      if (is_blank(names[i])) {
        for (std::size_t r = header_row_ + 1; r < records_.size(); ++r) {
          if (i < records_[r].size() && !is_blank(records_[r][i])) {
            error_at(here, "column " + std::to_string(i + 1) + " has no name, but row " + std::to_string(r + 1) +
                               " has a value in it: name the column");
            break;
          }
        }
        continue;
      }
      std::string key = header_key(names[i]);
      auto dup = seen.emplace(key, i);
      if (!dup.second) {
        error_at(here, "the column appears twice (also column " + std::to_string(dup.first->second + 1) + ")");
        continue;
      }
      HeaderKind kind = classify_header(names[i]);
      if (!kind.error.empty()) {
        error_at(here, kind.error);
      } else if (kind.column < col_count) {
        at_[kind.column] = i;
      } else {
        unknown_.push_back(i);
      }
    }
    std::vector<std::string> missing;
    for (Col required : {c_claim_id, c_kind, c_who, c_what, c_quote, c_source_id}) {
      bool absent = at_[required] == npos && (required != c_who || at_[c_who_id] == npos);
      if (absent) missing.push_back(quote_text(column_names[required]));
    }
    if (!missing.empty()) {
      std::string list;
      for (std::size_t i = 0; i < missing.size(); ++i)
        list += (i == 0 ? "" : i + 1 == missing.size() ? " and " : ", ") + missing[i];
      errors_.push_back({file_, header_row_ + 1, 1,
                         std::string("missing ") + (missing.size() == 1 ? "column " : "columns ") + list +
                             ": the header row needs claim_id, kind, who (or who_id), what, quote and source_id "
                             "(see docs/CSV.md)"});
    }
    // A misnamed column is reported and left out; without a required column
    // the rows cannot be read.
    return missing.empty();
  }

  void check_width(std::size_t r) {
    for (std::size_t i = header_.size(); i < records_[r].size(); ++i) {
      if (!is_blank(records_[r][i])) {
        errors_.push_back({file_, r + 1, i + 1,
                           "a value beyond the last named column (the header row has " +
                               std::to_string(header_.size()) + " columns)"});
        return;
      }
    }
  }

  // ------------------------------------------------------------ entities

  std::string entity_owner(std::size_t e) const { return "entity " + quote_text(entities_[e].id); }

  void entity_details(std::size_t r, std::size_t e) {
    std::string kind = lower_ascii(cell(r, c_who_kind));
    if (!kind.empty() && !parse_entity_kind(kind)) {
      error(r, c_who_kind, "must be one of person, organization, place, other, not " + quote_text(cell(r, c_who_kind)));
    } else {
      agree(entities_[e].kind, kind, r, c_who_kind, entity_owner(e));
    }
    agree(entities_[e].description, cell(r, c_who_description), r, c_who_description, entity_owner(e));
    agree(entities_[e].aliases, join_list(split_list(cell(r, c_who_aliases))), r, c_who_aliases, entity_owner(e));
  }

  std::size_t add_entity(const std::string &id, Cell id_cell, std::size_t r) {
    entity_index_.emplace(id, entities_.size());
    EntityRows e;
    e.id = id;
    e.id_cell = id_cell;
    e.first_row = r + 1;
    entities_.push_back(std::move(e));
    return entities_.size() - 1;
  }

  // Rows with a who_id: each id is one entity, `who` is its name.
  void entities_by_id() {
    for (std::size_t r = 1; r < records_.size(); ++r) {
      if (row_blank(r)) continue;
      std::string id = cell(r, c_who_id);
      if (id.empty()) continue;
      if (!is_valid_id(id)) {
        error(r, c_who_id,
              "id " + quote_text(id) + " must use only a-z, 0-9, '-', '_' and '.', and not start with '.'");
        continue;
      }
      auto found = entity_index_.find(id);
      std::size_t e = found != entity_index_.end() ? found->second : add_entity(id, cell_at(r, c_who_id), r);
      row_entity_[r] = e;
      agree(entities_[e].name, cell(r, c_who), r, c_who, entity_owner(e));
      entity_details(r, e);
    }
  }

  void index_entity_names(NameIndex &names, std::size_t e) {
    names.add_id(entities_[e].id, e);
    if (entities_[e].name.given()) names.add_name(entities_[e].name.value, e);
    for (const std::string &alias : split_list(entities_[e].aliases.value)) names.add_name(alias, e);
  }

  // Rows with a `who` but no who_id: the name finds an entity (as a story
  // file's "who" would), or makes one with an id from the name.
  void entities_by_name() {
    NameIndex names;
    for (std::size_t e = 0; e < entities_.size(); ++e) index_entity_names(names, e);
    std::unordered_map<std::string, std::size_t> made; // names that made an entity
    for (std::size_t r = 1; r < records_.size(); ++r) {
      if (row_blank(r) || !cell(r, c_who_id).empty()) continue;
      std::string who = cell(r, c_who);
      if (who.empty()) continue;
      auto again = made.find(who);
      NameMatch match;
      if (again != made.end()) {
        match.kind = NameMatch::found;
        match.entity = again->second;
      } else {
        match = names.resolve(who);
      }
      if (match.kind == NameMatch::ambiguous) {
        std::string ids;
        for (std::size_t c : match.candidates) ids += (ids.empty() ? "" : ", ") + quote_text(entities_[c].id);
        error(r, c_who, quote_text(who) + " fits entities " + ids + "; write a fuller name or fill who_id");
        continue;
      }
      std::size_t e = match.entity;
      if (match.kind == NameMatch::unknown) {
        std::string base = id_from_name(who);
        if (base.empty()) base = "entity";
        std::string id = base;
        for (int n = 2; entity_index_.count(id); ++n) id = base + "-" + std::to_string(n);
        e = add_entity(id, cell_at(r, c_who), r);
        agree(entities_[e].name, who, r, c_who, entity_owner(e));
        made.emplace(who, e);
        entity_details(r, e);
        index_entity_names(names, e);
      } else {
        entity_details(r, e);
      }
      row_entity_[r] = e;
    }
  }

  // ------------------------------------------------------------ rows

  std::string source_owner(std::size_t s) const { return "source " + quote_text(sources_[s].id); }

  void read_source(std::size_t r) {
    std::string id = cell(r, c_source_id);
    if (id.empty()) {
      for (Col c : source_detail_columns) {
        if (!cell(r, c).empty()) {
          error(r, c, "needs a source_id on the same row, to say which source it describes");
          break;
        }
      }
      return;
    }
    if (!is_valid_id(id)) {
      error(r, c_source_id,
            "id " + quote_text(id) + " must use only a-z, 0-9, '-', '_' and '.', and not start with '.'");
      return;
    }
    auto found = source_index_.find(id);
    std::size_t s = found != source_index_.end() ? found->second : sources_.size();
    if (found == source_index_.end()) {
      source_index_.emplace(id, s);
      SourceRows rows;
      rows.id = id;
      rows.id_cell = cell_at(r, c_source_id);
      rows.first_row = r + 1;
      sources_.push_back(std::move(rows));
    }
    SourceRows &src = sources_[s];
    std::string owner = source_owner(s);
    agree(src.publisher, cell(r, c_publisher), r, c_publisher, owner);
    agree(src.headline, cell(r, c_headline), r, c_headline, owner);
    agree(src.url, cell(r, c_url), r, c_url, owner);
    std::string published = cell(r, c_published);
    if (!published.empty() && !parse_date(published)) {
      error(r, c_published, bad_date(published));
    } else {
      agree(src.published, published, r, c_published, owner);
    }
    agree(src.authors, join_list(split_list(cell(r, c_authors))), r, c_authors, owner);
    agree(src.language, cell(r, c_source_language), r, c_source_language, owner);
  }

  static std::string bad_date(const std::string &text) {
    return "bad date " + quote_text(text) +
           ": expected YYYY, YYYY-MM or YYYY-MM-DD (optionally with a leading ~), or \"unknown\"; a spreadsheet "
           "may have reformatted it: format the column as text";
  }

  void read_row(std::size_t r) {
    agree(story_id_, cell(r, c_story_id), r, c_story_id, "the story");
    agree(story_title_, cell(r, c_story_title), r, c_story_title, "the story");
    agree(story_language_, cell(r, c_story_language), r, c_story_language, "the story");
    read_source(r);

    bool has_who = !cell(r, c_who).empty() || !cell(r, c_who_id).empty();
    if (!has_who) {
      for (Col c : entity_detail_columns) {
        if (!cell(r, c).empty()) {
          error(r, c, "needs a who or who_id on the same row, to say which entity it describes");
          break;
        }
      }
    }

    std::string id = cell(r, c_claim_id);
    if (id.empty()) {
      const char *what = nullptr;
      for (Col c : claim_columns)
        if (!what && !cell(r, c).empty()) what = column_names[c];
      for (std::size_t u : unknown_)
        if (!what && u < records_[r].size() && !is_blank(records_[r][u])) what = "a column of your own";
      if (what) {
        error(r, c_claim_id,
              std::string("empty, but the row has a claim or evidence (") + what +
                  "): give it the id of its claim; rows without a claim_id only describe entities and sources");
      }
      return;
    }
    if (!is_valid_id(id)) {
      error(r, c_claim_id,
            "id " + quote_text(id) + " must use only a-z, 0-9, '-', '_' and '.', and not start with '.'");
      return;
    }
    auto found = claim_index_.find(id);
    std::size_t k = found != claim_index_.end() ? found->second : claims_.size();
    if (found == claim_index_.end()) {
      claim_index_.emplace(id, k);
      ClaimRows rows;
      rows.id = id;
      rows.id_cell = cell_at(r, c_claim_id);
      claims_.push_back(std::move(rows));
    }
    ClaimRows &claim = claims_[k];
    std::string owner = "claim " + quote_text(id);

    std::string kind = lower_ascii(cell(r, c_kind));
    if (!kind.empty() && !parse_claim_kind(kind)) {
      error(r, c_kind, "must be one of event, statement, quote, figure, not " + quote_text(cell(r, c_kind)));
      claim.kind_reported = true;
    } else {
      agree(claim.kind, kind, r, c_kind, owner);
    }
    agree(claim.what, cell(r, c_what), r, c_what, owner);
    std::string when = cell(r, c_when);
    if (!when.empty() && !parse_date(when)) {
      error(r, c_when, bad_date(when));
    } else {
      agree(claim.when, when, r, c_when, owner);
    }
    agree(claim.when_text, cell(r, c_when_text), r, c_when_text, owner);
    agree(claim.where, cell(r, c_where), r, c_where, owner);
    agree(claim.topic, cell(r, c_topic), r, c_topic, owner);
    agree(claim.value, cell(r, c_value), r, c_value, owner);

    if (has_who) {
      claim.who_given = true;
      Col who_col = !cell(r, c_who_id).empty() ? c_who_id : c_who;
      std::size_t e = row_entity_[r];
      if (claim.who_cell.row == 0) claim.who_cell = cell_at(r, who_col);
      if (e != npos && claim.entity == npos) {
        claim.entity = e;
      } else if (e != npos && claim.entity != e) {
        error(r, who_col,
              "names entity " + quote_text(entities_[e].id) + ", but " + owner + " is about entity " +
                  quote_text(entities_[claim.entity].id) + " (row " + std::to_string(claim.who_cell.row) +
                  "); a claim has one who");
      }
    }

    EvidenceRow ev;
    ev.row = r + 1;
    ev.source = cell(r, c_source_id);
    ev.source_cell = cell_at(r, c_source_id);
    if (ev.source.empty())
      error(r, c_source_id, "empty: each row of a claim is one piece of evidence and needs the id of its source");
    ev.quote = cell(r, c_quote);
    ev.quote_cell = cell_at(r, c_quote);
    if (ev.quote.empty())
      error(r, c_quote, "empty: each row of a claim is one piece of evidence and needs the words the source printed");
    std::string stance = lower_ascii(cell(r, c_stance));
    ev.stance_cell = cell_at(r, c_stance);
    if (!stance.empty()) {
      ev.stance = parse_stance(stance);
      if (!ev.stance) error(r, c_stance, "must be supports or refutes, not " + quote_text(cell(r, c_stance)));
    }
    ev.speaker = cell(r, c_speaker);
    ev.speaker_cell = cell_at(r, c_speaker);
    Json own = Json::object();
    for (std::size_t u : unknown_) {
      if (u < records_[r].size() && !is_blank(records_[r][u])) own[trim(header_[u])] = records_[r][u];
    }
    if (!own.empty()) ev.extra["csv"] = std::move(own);
    claim.evidence.push_back(std::move(ev));
  }

  void check_complete() {
    for (const EntityRows &e : entities_) {
      if (!e.name.given()) {
        error_at(e.id_cell,
                 "entity " + quote_text(e.id) + " has no name: write it in the who column of one of its rows");
      }
    }
    for (const ClaimRows &claim : claims_) {
      std::size_t r = claim.id_cell.row - 1;
      if (!claim.kind.given() && !claim.kind_reported)
        error(r, c_kind, "claim " + quote_text(claim.id) + " needs a kind: event, statement, quote or figure");
      if (!claim.what.given()) error(r, c_what, "claim " + quote_text(claim.id) + " needs what it claims");
      if (!claim.who_given)
        error(r, at_[c_who] != npos ? c_who : c_who_id,
              "claim " + quote_text(claim.id) + " needs a who: the entity it is about");
    }
  }

  // ------------------------------------------------------------ story

  static std::optional<std::string> absent_if_not_given(const Agreed &a) {
    if (!a.given()) return std::nullopt;
    return a.value;
  }

  Story build() {
    Story story;
    Cell story_id_cell;
    if (options_.id) {
      story.info.id = *options_.id;
    } else if (story_id_.given()) {
      story.info.id = story_id_.value;
      story_id_cell = story_id_.cell;
    } else {
      story.info.id = options_.fallback_id;
    }
    if (story.info.id.empty()) {
      errors_.push_back(
          {file_, 0, 0, "the story needs an id: fill a story_id column or give one (factcard import --id ID)"});
    } else if (!is_valid_id(story.info.id)) {
      std::string message =
          "story id " + quote_text(story.info.id) + " must use only a-z, 0-9, '-', '_' and '.', and not start with '.'";
      if (story_id_cell.row)
        error_at(story_id_cell, message);
      else
        errors_.push_back({file_, 0, 0, message});
    }
    if (story_id_cell.row) story_provenance_.push_back({"/story/id", story_id_cell});
    story.info.title = options_.title ? options_.title : absent_if_not_given(story_title_);
    story.info.language = options_.language ? options_.language : absent_if_not_given(story_language_);

    // Entities and sources in the order of the rows that first name them.
    std::vector<std::size_t> order(entities_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return entities_[a].first_row < entities_[b].first_row; });
    for (std::size_t i : order) {
      const EntityRows &rows = entities_[i];
      Provenance where;
      Entity e;
      e.id = rows.id;
      e.name = rows.name.given() ? rows.name.value : rows.id; // a placeholder only when reported above
      if (rows.kind.given()) e.kind = parse_entity_kind(rows.kind.value);
      e.description = absent_if_not_given(rows.description);
      e.aliases = split_list(rows.aliases.value);
      where.push_back({"", rows.id_cell});
      where.push_back({"/id", rows.id_cell});
      where.push_back({"/name", rows.name.given() ? rows.name.cell : rows.id_cell});
      where.push_back({"/kind", rows.kind.cell});
      where.push_back({"/description", rows.description.cell});
      where.push_back({"/aliases", rows.aliases.cell});
      for (std::size_t a = 0; a < e.aliases.size(); ++a)
        where.push_back({"/aliases/" + std::to_string(a), rows.aliases.cell});
      story.entities.push_back(std::move(e));
      entity_provenance_.push_back(std::move(where));
    }
    for (const SourceRows &rows : sources_) {
      Provenance where;
      Source s;
      s.id = rows.id;
      s.publisher = absent_if_not_given(rows.publisher);
      s.headline = absent_if_not_given(rows.headline);
      s.url = absent_if_not_given(rows.url);
      if (rows.published.given()) s.published = parse_date(rows.published.value);
      if (rows.authors.given()) s.authors = split_list(rows.authors.value);
      s.language = absent_if_not_given(rows.language);
      where.push_back({"", rows.id_cell});
      where.push_back({"/id", rows.id_cell});
      where.push_back({"/publisher", rows.publisher.cell});
      where.push_back({"/headline", rows.headline.cell});
      where.push_back({"/url", rows.url.cell});
      where.push_back({"/published", rows.published.cell});
      where.push_back({"/authors", rows.authors.cell});
      for (std::size_t a = 0; s.authors && a < s.authors->size(); ++a)
        where.push_back({"/authors/" + std::to_string(a), rows.authors.cell});
      where.push_back({"/language", rows.language.cell});
      story.sources.push_back(std::move(s));
      source_provenance_.push_back(std::move(where));
    }
    for (const ClaimRows &rows : claims_) {
      Provenance where;
      Claim c;
      c.id = rows.id;
      if (rows.kind.given()) c.kind = parse_claim_kind(rows.kind.value).value_or(ClaimKind::event);
      c.who = rows.entity != npos ? entities_[rows.entity].id : "";
      c.what = rows.what.given() ? rows.what.value : "?";
      if (rows.when.given()) c.when = parse_date(rows.when.value);
      c.when_text = absent_if_not_given(rows.when_text);
      c.where = absent_if_not_given(rows.where);
      c.topic = absent_if_not_given(rows.topic);
      c.value = parse_value(rows.value.value);
      where.push_back({"", rows.id_cell});
      where.push_back({"/id", rows.id_cell});
      where.push_back({"/kind", rows.kind.given() ? rows.kind.cell : rows.id_cell});
      where.push_back({"/who", rows.who_cell.row
                                   ? rows.who_cell
                                   : Cell{rows.id_cell.row, at_[c_who] != npos ? at_[c_who] : at_[c_who_id]}});
      where.push_back({"/what", rows.what.given() ? rows.what.cell : rows.id_cell});
      where.push_back({"/when", rows.when.cell});
      where.push_back({"/when_text", rows.when_text.cell});
      where.push_back({"/where", rows.where.cell});
      where.push_back({"/topic", rows.topic.cell});
      where.push_back({"/value", rows.value.cell});
      where.push_back({"/evidence", rows.id_cell});
      for (std::size_t j = 0; j < rows.evidence.size(); ++j) {
        const EvidenceRow &row = rows.evidence[j];
        Evidence ev;
        // Placeholders keep a reported problem from being reported twice.
        ev.source = row.source.empty() ? "?" : row.source;
        ev.quote = row.quote.empty() ? "?" : row.quote;
        ev.stance = row.stance;
        if (!row.speaker.empty()) ev.speaker = row.speaker;
        ev.extra = row.extra;
        std::string at = "/evidence/" + std::to_string(j);
        where.push_back({at, {row.row, at_[c_claim_id]}});
        where.push_back({at + "/source", row.source_cell});
        where.push_back({at + "/quote", row.quote_cell});
        where.push_back({at + "/stance", row.stance_cell});
        where.push_back({at + "/speaker", row.speaker_cell});
        c.evidence.push_back(std::move(ev));
      }
      story.claims.push_back(std::move(c));
      claim_provenance_.push_back(std::move(where));
    }
    return story;
  }

  // Checks the story as a story file is checked; load_story's diagnostics
  // point into the saved JSON, and the reader's positions of the same text
  // say which value (so which cell) each one is about.
  Result<Story> validate(const Story &story) {
    std::string text = save_story(story);
    Result<Story> loaded = load_story(text, file_);
    if (loaded && errors_.empty()) return loaded;

    std::map<std::pair<std::size_t, std::size_t>, Cell> cells;
    detail::LineIndex lines(text);
    auto note = [&](const detail::Positions &positions, const Provenance &where) {
      for (const auto &entry : where) {
        if (entry.second.row == 0) continue;
        Offset at = positions.at(entry.first, no_offset);
        if (at != no_offset) cells.emplace(lines.locate(at), entry.second);
      }
    };
    if (!loaded) {
      detail::ReadResult read =
          detail::read_json(text, {"entities", "sources", "claims"}, [&](detail::Record &&record) {
            const std::vector<Provenance> *table = record.section == "entities"  ? &entity_provenance_
                                                   : record.section == "sources" ? &source_provenance_
                                                                                 : &claim_provenance_;
            if (record.index < table->size()) note(record.positions, (*table)[record.index]);
          });
      note(read.positions, story_provenance_);
    }

    Diagnostics out = errors_;
    std::set<std::pair<std::size_t, std::size_t>> reported;
    for (const Diagnostic &d : errors_) reported.insert({d.line, d.column});
    if (!loaded) {
      for (const Diagnostic &d : loaded.errors()) {
        auto found = cells.find({d.line, d.column});
        if (found == cells.end()) {
          // Not about a cell: about the story as a whole, or a consequence
          // of a problem already reported.
          if (errors_.empty()) out.push_back({file_, 0, 0, d.message});
          continue;
        }
        const Cell &c = found->second;
        if (!reported.insert({c.row, c.column + 1}).second) continue;
        std::size_t before = errors_.size();
        error_at(c, d.message);
        out.push_back(errors_.back());
        errors_.resize(before);
      }
    }
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic &a, const Diagnostic &b) {
      return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    if (out.empty()) out.push_back({file_, 0, 0, "internal error: the story made from the CSV does not load"});
    return out;
  }

  const std::vector<std::vector<std::string>> &records_;
  const std::string &file_;
  const CsvImportOptions &options_;
  Diagnostics errors_;

  std::size_t header_row_ = 0; // the first non-blank record
  std::vector<std::string> header_;
  std::array<std::size_t, col_count> at_{};
  std::vector<std::size_t> unknown_;

  std::vector<std::size_t> row_entity_;
  std::vector<EntityRows> entities_;
  std::unordered_map<std::string, std::size_t> entity_index_;
  std::vector<SourceRows> sources_;
  std::unordered_map<std::string, std::size_t> source_index_;
  std::vector<ClaimRows> claims_;
  std::unordered_map<std::string, std::size_t> claim_index_;
  Agreed story_id_, story_title_, story_language_;

  Provenance story_provenance_;
  std::vector<Provenance> entity_provenance_, source_provenance_, claim_provenance_;
};

// ---------------------------------------------------------------- export

std::string csv_field(const std::string &value) {
  bool quote = value.find_first_of(",\"\r\n;\t") != std::string::npos ||
               (!value.empty() && (is_space(value.front()) || is_space(value.back())));
  if (!quote) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

class Exporter {
public:
  Exporter(const Story &story, const std::string &file) : story_(story), file_(file) {}

  Result<CsvExport> run() {
    collect_extra_columns();
    note_lost_fields();
    std::vector<bool> entity_done(story_.entities.size(), false), source_done(story_.sources.size(), false);
    std::unordered_map<std::string, std::size_t> source_ids, entity_ids;
    for (std::size_t i = 0; i < story_.sources.size(); ++i) source_ids.emplace(story_.sources[i].id, i);
    for (std::size_t i = 0; i < story_.entities.size(); ++i) entity_ids.emplace(story_.entities[i].id, i);

    for (const Claim &claim : story_.claims) {
      std::string owner = "claim " + quote_text(claim.id);
      std::size_t e = claim.who_index;
      if (e == npos || e >= story_.entities.size()) {
        auto found = entity_ids.find(claim.who);
        e = found != entity_ids.end() ? found->second : npos;
      }
      if (e == npos) error(owner + ": who " + quote_text(claim.who) + " names no entity by id (load the story first)");
      if (claim.evidence.empty()) error(owner + " has no evidence, so no row");
      for (std::size_t j = 0; j < claim.evidence.size(); ++j) {
        const Evidence &ev = claim.evidence[j];
        start_row();
        put(c_claim_id, claim.id, owner);
        if (j == 0) {
          put(c_kind, to_string(claim.kind), owner);
          if (e != npos) {
            put(c_who, story_.entities[e].name, owner);
            put(c_who_id, story_.entities[e].id, owner);
          }
          put(c_what, claim.what, owner);
          if (claim.when) put(c_when, claim.when->to_string(), owner);
          put_optional(c_when_text, claim.when_text, owner);
          put_optional(c_where, claim.where, owner);
          put_optional(c_topic, claim.topic, owner);
          if (!claim.value.is_null()) {
            if (claim.value.is_object() || claim.value.is_array())
              error(owner + ": value must be a string, a number or a boolean");
            else
              row_[c_value] = value_cell(claim.value);
          }
          if (e != npos && !entity_done[e]) {
            entity_done[e] = true;
            put_entity_details(story_.entities[e]);
          }
        }
        std::size_t s = ev.source_index;
        if (s == npos || s >= story_.sources.size()) {
          auto found = source_ids.find(ev.source);
          s = found != source_ids.end() ? found->second : npos;
        }
        put(c_source_id, ev.source, owner);
        if (s != npos && !source_done[s]) {
          source_done[s] = true;
          put_source_details(story_.sources[s]);
        }
        put(c_quote, ev.quote, owner);
        if (ev.stance) put(c_stance, to_string(*ev.stance), owner);
        put_optional(c_speaker, ev.speaker, owner);
        auto own = ev.extra.find("csv");
        if (own != ev.extra.end() && own->is_object()) {
          for (auto it = own->begin(); it != own->end(); ++it) {
            if (it->is_string()) row_[col_count + extra_index_[it.key()]] = it->get<std::string>();
          }
        }
        end_row();
      }
    }
    // Entities and sources no claim row described: rows of their own.
    for (std::size_t e = 0; e < story_.entities.size(); ++e) {
      if (entity_done[e]) continue;
      start_row();
      put(c_who, story_.entities[e].name, "entity " + quote_text(story_.entities[e].id));
      put(c_who_id, story_.entities[e].id, "entity " + quote_text(story_.entities[e].id));
      put_entity_details(story_.entities[e]);
      end_row();
    }
    for (std::size_t s = 0; s < story_.sources.size(); ++s) {
      if (source_done[s]) continue;
      start_row();
      put(c_source_id, story_.sources[s].id, "source " + quote_text(story_.sources[s].id));
      put_source_details(story_.sources[s]);
      end_row();
    }
    if (rows_.empty()) { // a story with nothing in it still keeps its id
      start_row();
      end_row();
    }
    if (!errors_.empty()) return errors_;

    CsvExport out;
    out.text = "\xEF\xBB\xBF";
    std::vector<std::string> header(csv_columns());
    header.insert(header.end(), extra_columns_.begin(), extra_columns_.end());
    write_line(out.text, header);
    for (const std::vector<std::string> &row : rows_) write_line(out.text, row);
    out.not_exported.assign(lost_.begin(), lost_.end());
    return out;
  }

private:
  void error(const std::string &message) { errors_.push_back({file_, 0, 0, message + " (in the CSV export)"}); }

  void start_row() { row_.assign(col_count + extra_columns_.size(), ""); }
  void end_row() {
    if (rows_.empty()) {
      const std::string owner = "the story";
      put(c_story_id, story_.info.id, owner);
      put_optional(c_story_title, story_.info.title, owner);
      put_optional(c_story_language, story_.info.language, owner);
    }
    rows_.push_back(std::move(row_));
  }

  // Sets a cell, reporting a value that would not read back the same.
  void put(Col c, const std::string &value, const std::string &owner) {
    if (is_code_column(c) ? trim(value) != value : (!value.empty() && is_blank(value))) {
      error(owner + ": " + column_names[c] + " " + quote_text(value) +
            " would not read back the same from its CSV cell (spaces at its ends, or only spaces)");
    }
    row_[c] = value;
  }
  void put_optional(Col c, const std::optional<std::string> &value, const std::string &owner) {
    if (value) put(c, *value, owner);
  }
  void put_list(Col c, const std::vector<std::string> &items, const std::string &owner, const char *noun) {
    for (const std::string &item : items) {
      if (item.empty() || trim(item) != item || item.find('|') != std::string::npos) {
        error(owner + ": " + noun + " " + quote_text(item) +
              " is empty, has spaces at its ends or contains '|', which separates items in the " + column_names[c] +
              " column");
      }
    }
    row_[c] = join_list(items);
  }

  void put_entity_details(const Entity &e) {
    std::string owner = "entity " + quote_text(e.id);
    if (e.kind) put(c_who_kind, to_string(*e.kind), owner);
    put_optional(c_who_description, e.description, owner);
    put_list(c_who_aliases, e.aliases, owner, "alias");
  }

  void put_source_details(const Source &s) {
    std::string owner = "source " + quote_text(s.id);
    put_optional(c_publisher, s.publisher, owner);
    put_optional(c_headline, s.headline, owner);
    put_optional(c_url, s.url, owner);
    if (s.published) put(c_published, s.published->to_string(), owner);
    if (s.authors) {
      if (s.authors->empty()) lost_.insert("sources: authors (an empty list)");
      put_list(c_authors, *s.authors, owner, "author");
    }
    put_optional(c_source_language, s.language, owner);
  }

  // Columns of the evidence's own "csv" fields, in order of appearance.
  void collect_extra_columns() {
    std::set<std::string> keys;
    for (const Claim &claim : story_.claims) {
      for (const Evidence &ev : claim.evidence) {
        auto own = ev.extra.find("csv");
        if (own == ev.extra.end() || !own->is_object()) continue;
        for (auto it = own->begin(); it != own->end(); ++it) {
          if (!it->is_string()) {
            lost_.insert("evidence: csv." + it.key() + " (not text)");
            continue;
          }
          if (extra_index_.count(it.key())) continue;
          HeaderKind kind = classify_header(it.key());
          std::string key = header_key(it.key());
          if (key.empty() || kind.column < col_count || !kind.error.empty() || !keys.insert(key).second) {
            error("claim " + quote_text(claim.id) + ": evidence field csv." + it.key() +
                  " cannot be a column of its own (its name is empty, taken or too close to a factcard column)");
            continue;
          }
          extra_index_.emplace(it.key(), extra_columns_.size());
          extra_columns_.push_back(it.key());
        }
      }
    }
  }

  void note_extra(const Json &extra, const std::string &where, const char *except = nullptr) {
    for (auto it = extra.begin(); it != extra.end(); ++it) {
      if (except && it.key() == except && it->is_object()) continue;
      lost_.insert(where + it.key());
    }
  }

  void note_lost_fields() {
    if (story_.schema) lost_.insert("$schema");
    note_extra(story_.extra, "");
    note_extra(story_.info.extra, "story: ");
    for (const Entity &e : story_.entities) note_extra(e.extra, "entities: ");
    for (const Source &s : story_.sources) note_extra(s.extra, "sources: ");
    for (const Claim &c : story_.claims) {
      note_extra(c.extra, "claims: ");
      for (const Evidence &ev : c.evidence) note_extra(ev.extra, "evidence: ", "csv");
    }
  }

  static void write_line(std::string &out, const std::vector<std::string> &cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) out += ',';
      out += csv_field(cells[i]);
    }
    out += "\r\n";
  }

  const Story &story_;
  const std::string &file_;
  Diagnostics errors_;
  std::vector<std::string> extra_columns_;
  std::map<std::string, std::size_t> extra_index_;
  std::set<std::string> lost_;
  std::vector<std::string> row_;
  std::vector<std::vector<std::string>> rows_;
};

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
  // Cells must be UTF-8; say which, and after what, so it can be found.
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
  if (!errors.empty()) {
    std::stable_sort(errors.begin(), errors.end(), [](const Diagnostic &a, const Diagnostic &b) {
      return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    return errors;
  }
  return table;
}

Result<Story> import_csv(std::string_view text, const std::string &file, const CsvImportOptions &options) {
  Result<CsvTable> table = parse_csv(text, file);
  if (!table) return table.errors();
  return Importer(*table, file, options).run();
}

Result<CsvExport> export_csv(const Story &story, const std::string &file) { return Exporter(story, file).run(); }

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
