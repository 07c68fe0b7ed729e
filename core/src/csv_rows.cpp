#include "csv_import.hpp"

#include "factcard/names.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace factcard {
namespace csv_detail {
namespace {

class RowReader {
public:
  RowReader(const CsvTable &table, Rows &rows) : records_(table.records), r_(rows) {}

  bool run() {
    if (records_.empty() || std::all_of(records_.begin(), records_.end(), [](const std::vector<std::string> &r) {
          return std::all_of(r.begin(), r.end(), [](const std::string &f) { return is_blank(f); });
        })) {
      r_.errors = {{r_.file, 1, 1, "the file is empty: its first row must name the columns (see docs/CSV.md)"}};
      return false;
    }
    if (!read_header()) return false;
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
    return true;
  }

private:
  // ------------------------------------------------------------ cells

  const std::string &raw(std::size_t r, Col c) const {
    static const std::string empty;
    std::size_t at = r_.at[c];
    if (at == npos || at >= records_[r].size()) return empty;
    return records_[r][at];
  }
  // The cell as read: codes trimmed, text as written, blank as "".
  std::string cell(std::size_t r, Col c) const {
    const std::string &s = raw(r, c);
    if (is_blank(s)) return "";
    return is_code_column(c) ? trim(s) : s;
  }
  Cell cell_at(std::size_t r, Col c) const { return {r + 1, r_.at[c]}; }

  void error_at(Cell cell, const std::string &message) { r_.error_at(cell, message); }
  void error(std::size_t r, Col c, const std::string &message) {
    if (r_.at[c] == npos) return; // a missing column is reported once, at the header
    error_at(cell_at(r, c), message);
  }

  void agree(Agreed &a, const std::string &value, std::size_t r, Col c, const std::string &owner) {
    if (value.empty() || r_.at[c] == npos) return;
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
    r_.header = names;
    r_.at.fill(npos);
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
        r_.at[kind.column] = i;
      } else {
        unknown_.push_back(i);
      }
    }
    std::vector<std::string> missing;
    for (Col required : {c_claim_id, c_kind, c_who, c_what, c_quote, c_source_id}) {
      bool absent = r_.at[required] == npos && (required != c_who || r_.at[c_who_id] == npos);
      if (absent) missing.push_back(quote_text(column_names[required]));
    }
    if (!missing.empty()) {
      std::string list;
      for (std::size_t i = 0; i < missing.size(); ++i)
        list += (i == 0 ? "" : i + 1 == missing.size() ? " and " : ", ") + missing[i];
      r_.errors.push_back({r_.file, header_row_ + 1, 1,
                           std::string("missing ") + (missing.size() == 1 ? "column " : "columns ") + list +
                               ": the header row needs claim_id, kind, who (or who_id), what, quote and source_id "
                               "(see docs/CSV.md)"});
    }
    // A misnamed column is reported and left out; without a required column
    // the rows cannot be read.
    return missing.empty();
  }

  void check_width(std::size_t r) {
    for (std::size_t i = r_.header.size(); i < records_[r].size(); ++i) {
      if (!is_blank(records_[r][i])) {
        r_.errors.push_back({r_.file, r + 1, i + 1,
                             "a value beyond the last named column (the header row has " +
                                 std::to_string(r_.header.size()) + " columns)"});
        return;
      }
    }
  }

  // ------------------------------------------------------------ entities

  std::string entity_owner(std::size_t e) const { return "entity " + quote_text(r_.entities[e].id); }

  void entity_details(std::size_t r, std::size_t e) {
    std::string kind = lower_ascii(cell(r, c_who_kind));
    if (!kind.empty() && !parse_entity_kind(kind)) {
      error(r, c_who_kind, "must be one of person, organization, place, other, not " + quote_text(cell(r, c_who_kind)));
    } else {
      agree(r_.entities[e].kind, kind, r, c_who_kind, entity_owner(e));
    }
    agree(r_.entities[e].description, cell(r, c_who_description), r, c_who_description, entity_owner(e));
    agree(r_.entities[e].aliases, join_list(split_list(cell(r, c_who_aliases))), r, c_who_aliases, entity_owner(e));
  }

  std::size_t add_entity(const std::string &id, Cell id_cell, std::size_t r) {
    entity_index_.emplace(id, r_.entities.size());
    EntityRows e;
    e.id = id;
    e.id_cell = id_cell;
    e.first_row = r + 1;
    r_.entities.push_back(std::move(e));
    return r_.entities.size() - 1;
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
      agree(r_.entities[e].name, cell(r, c_who), r, c_who, entity_owner(e));
      entity_details(r, e);
    }
  }

  void index_entity_names(NameIndex &names, std::size_t e) {
    names.add_id(r_.entities[e].id, e);
    if (r_.entities[e].name.given()) names.add_name(r_.entities[e].name.value, e);
    for (const std::string &alias : split_list(r_.entities[e].aliases.value)) names.add_name(alias, e);
  }

  // Rows with a `who` but no who_id: the name finds an entity (as a story
  // file's "who" would), or makes one with an id from the name.
  void entities_by_name() {
    NameIndex names;
    for (std::size_t e = 0; e < r_.entities.size(); ++e) index_entity_names(names, e);
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
        for (std::size_t c : match.candidates) ids += (ids.empty() ? "" : ", ") + quote_text(r_.entities[c].id);
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
        agree(r_.entities[e].name, who, r, c_who, entity_owner(e));
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

  std::string source_owner(std::size_t s) const { return "source " + quote_text(r_.sources[s].id); }

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
    std::size_t s = found != source_index_.end() ? found->second : r_.sources.size();
    if (found == source_index_.end()) {
      source_index_.emplace(id, s);
      SourceRows rows;
      rows.id = id;
      rows.id_cell = cell_at(r, c_source_id);
      rows.first_row = r + 1;
      r_.sources.push_back(std::move(rows));
    }
    SourceRows &src = r_.sources[s];
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
           ": expected YYYY, YYYY-MM or YYYY-MM-DD (optionally with a leading ~ for approximate or .. for on or "
           "before), or \"unknown\"; a spreadsheet "
           "may have reformatted it: format the column as text";
  }

  void read_row(std::size_t r) {
    agree(r_.story_id, cell(r, c_story_id), r, c_story_id, "the story");
    agree(r_.story_title, cell(r, c_story_title), r, c_story_title, "the story");
    agree(r_.story_language, cell(r, c_story_language), r, c_story_language, "the story");
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

    ClaimRows *claim = claim_of(r);
    if (!claim) return;
    claim_fields(r, *claim);
    if (has_who) claim_who(r, *claim);
    claim->evidence.push_back(evidence(r));
  }

  // The claim a row belongs to, or null when it has none (reported when it says something of one).
  ClaimRows *claim_of(std::size_t r) {
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
      return nullptr;
    }
    if (!is_valid_id(id)) {
      error(r, c_claim_id,
            "id " + quote_text(id) + " must use only a-z, 0-9, '-', '_' and '.', and not start with '.'");
      return nullptr;
    }
    auto found = claim_index_.find(id);
    std::size_t k = found != claim_index_.end() ? found->second : r_.claims.size();
    if (found == claim_index_.end()) {
      claim_index_.emplace(id, k);
      ClaimRows rows;
      rows.id = id;
      rows.id_cell = cell_at(r, c_claim_id);
      r_.claims.push_back(std::move(rows));
    }
    return &r_.claims[k];
  }

  void claim_fields(std::size_t r, ClaimRows &claim) {
    std::string owner = "claim " + quote_text(claim.id);
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
    std::string updates = cell(r, c_updates), why;
    std::vector<Update> parsed;
    if (!updates.empty() && !parse_updates(updates, parsed, why))
      error(r, c_updates, why);
    else
      agree(claim.updates, updates, r, c_updates, owner);
  }

  void claim_who(std::size_t r, ClaimRows &claim) {
    std::string owner = "claim " + quote_text(claim.id);
    claim.who_given = true;
    Col who_col = !cell(r, c_who_id).empty() ? c_who_id : c_who;
    std::size_t e = row_entity_[r];
    if (claim.who_cell.row == 0) claim.who_cell = cell_at(r, who_col);
    if (e != npos && claim.entity == npos) {
      claim.entity = e;
    } else if (e != npos && claim.entity != e) {
      error(r, who_col,
            "names entity " + quote_text(r_.entities[e].id) + ", but " + owner + " is about entity " +
                quote_text(r_.entities[claim.entity].id) + " (row " + std::to_string(claim.who_cell.row) +
                "); a claim has one who");
    }
  }

  EvidenceRow evidence(std::size_t r) {
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
      if (u < records_[r].size() && !is_blank(records_[r][u])) own[trim(r_.header[u])] = records_[r][u];
    }
    if (!own.empty()) ev.extra["csv"] = std::move(own);
    return ev;
  }

  void check_complete() {
    for (const EntityRows &e : r_.entities) {
      if (!e.name.given()) {
        error_at(e.id_cell,
                 "entity " + quote_text(e.id) + " has no name: write it in the who column of one of its rows");
      }
    }
    for (const ClaimRows &claim : r_.claims) {
      std::size_t r = claim.id_cell.row - 1;
      if (!claim.kind.given() && !claim.kind_reported)
        error(r, c_kind, "claim " + quote_text(claim.id) + " needs a kind: event, statement, quote or figure");
      if (!claim.what.given()) error(r, c_what, "claim " + quote_text(claim.id) + " needs what it claims");
      if (!claim.who_given)
        error(r, r_.at[c_who] != npos ? c_who : c_who_id,
              "claim " + quote_text(claim.id) + " needs a who: the entity it is about");
    }
  }

  const std::vector<std::vector<std::string>> &records_;
  Rows &r_;
  std::size_t header_row_ = 0; // the first non-blank record
  std::vector<std::size_t> unknown_;
  std::vector<std::size_t> row_entity_;
  std::unordered_map<std::string, std::size_t> entity_index_, source_index_, claim_index_;
};

} // namespace

Diagnostic Rows::at_cell(Cell cell, const std::string &message) const {
  std::string text = message;
  if (cell.column != npos && cell.column < header.size() && !is_blank(header[cell.column]))
    text = trim(header[cell.column]) + ": " + message;
  return {file, cell.row, cell.column == npos ? 0 : cell.column + 1, text};
}

bool read_rows(const CsvTable &table, Rows &rows) { return RowReader(table, rows).run(); }

} // namespace csv_detail
} // namespace factcard
