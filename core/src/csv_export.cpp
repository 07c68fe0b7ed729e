// A story as a spreadsheet: one row per piece of evidence, entities and
// sources described on the first row that names them (docs/CSV.md).
#include "factcard/csv.hpp"

#include "csv_columns.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace factcard {

using namespace csv_detail;

namespace {

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
    entity_done_.assign(story_.entities.size(), false);
    source_done_.assign(story_.sources.size(), false);
    for (std::size_t i = 0; i < story_.sources.size(); ++i) source_ids_.emplace(story_.sources[i].id, i);
    for (std::size_t i = 0; i < story_.entities.size(); ++i) entity_ids_.emplace(story_.entities[i].id, i);

    for (const Claim &claim : story_.claims) claim_rows(claim);
    // Entities and sources no claim row described: rows of their own.
    for (std::size_t e = 0; e < story_.entities.size(); ++e) {
      if (entity_done_[e]) continue;
      start_row();
      put(c_who, story_.entities[e].name, "entity " + quote_text(story_.entities[e].id));
      put(c_who_id, story_.entities[e].id, "entity " + quote_text(story_.entities[e].id));
      put_entity_details(story_.entities[e]);
      end_row();
    }
    for (std::size_t s = 0; s < story_.sources.size(); ++s) {
      if (source_done_[s]) continue;
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
    // without updates, no updates column: such a story's spreadsheet stays as it was before the column existed
    bool updates =
        std::any_of(story_.claims.begin(), story_.claims.end(), [](const Claim &c) { return !c.updates.empty(); });
    std::size_t skip = updates ? npos : std::size_t(c_updates);
    write_line(out.text, header, skip);
    for (const std::vector<std::string> &row : rows_) write_line(out.text, row, skip);
    out.not_exported.assign(lost_.begin(), lost_.end());
    return out;
  }

private:
  // One row per piece of evidence; the first row carries the claim, and an
  // entity's or a source's details go on the first row that names it.
  void claim_rows(const Claim &claim) {
    std::string owner = "claim " + quote_text(claim.id);
    std::size_t e = claim.who_index;
    if (e == npos || e >= story_.entities.size()) {
      auto found = entity_ids_.find(claim.who);
      e = found != entity_ids_.end() ? found->second : npos;
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
        put_updates(claim, owner);
        if (e != npos && !entity_done_[e]) {
          entity_done_[e] = true;
          put_entity_details(story_.entities[e]);
        }
      }
      std::size_t s = ev.source_index;
      if (s == npos || s >= story_.sources.size()) {
        auto found = source_ids_.find(ev.source);
        s = found != source_ids_.end() ? found->second : npos;
      }
      put(c_source_id, ev.source, owner);
      if (s != npos && !source_done_[s]) {
        source_done_[s] = true;
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

  // One "YYYY-MM-DD: note" per line: a note with a line break would read back as two.
  void put_updates(const Claim &claim, const std::string &owner) {
    for (const Update &u : claim.updates) {
      if (u.note.find_first_of("\r\n") != std::string::npos || trim(u.note) != u.note || u.note.empty())
        error(owner + ": update note " + quote_text(u.note) +
              " has a line break, spaces at its ends or nothing in it, which an updates cell cannot hold");
    }
    if (!claim.updates.empty()) row_[c_updates] = updates_cell(claim.updates);
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
    if (story_.info.published) lost_.insert("story: published (the date the editor published it)");
    note_extra(story_.extra, "");
    note_extra(story_.info.extra, "story: ");
    for (const Entity &e : story_.entities) note_extra(e.extra, "entities: ");
    for (const Source &s : story_.sources) note_extra(s.extra, "sources: ");
    for (const Claim &c : story_.claims) {
      note_extra(c.extra, "claims: ");
      for (const Evidence &ev : c.evidence) note_extra(ev.extra, "evidence: ", "csv");
      for (const Update &u : c.updates) note_extra(u.extra, "updates: ");
    }
  }

  static void write_line(std::string &out, const std::vector<std::string> &cells, std::size_t skip) {
    bool first = true;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i == skip) continue;
      if (!first) out += ',';
      first = false;
      out += csv_field(cells[i]);
    }
    out += "\r\n";
  }

  const Story &story_;
  const std::string &file_;
  Diagnostics errors_;
  std::vector<bool> entity_done_, source_done_;
  std::unordered_map<std::string, std::size_t> source_ids_, entity_ids_;
  std::vector<std::string> extra_columns_;
  std::map<std::string, std::size_t> extra_index_;
  std::set<std::string> lost_;
  std::vector<std::string> row_;
  std::vector<std::vector<std::string>> rows_;
};

} // namespace

Result<CsvExport> export_csv(const Story &story, const std::string &file) { return Exporter(story, file).run(); }

} // namespace factcard
