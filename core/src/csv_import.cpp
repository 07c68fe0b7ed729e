#include "csv_import.hpp"

#include "factcard/check.hpp"

#include <algorithm>
#include <set>

namespace factcard {
namespace csv_detail {
namespace {

std::optional<std::string> absent_if_not_given(const Agreed &a) {
  if (!a.given()) return std::nullopt;
  return a.value;
}

// The story the rows describe, each value's Location an index into `cells`.
class StoryBuilder {
public:
  StoryBuilder(Rows &rows, const CsvImportOptions &options) : r_(rows), options_(options) {}

  Result<Story> run() {
    Story story;
    info(story);
    // Entities and sources in the order of the rows that first name them.
    std::vector<std::size_t> order(r_.entities.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return r_.entities[a].first_row < r_.entities[b].first_row; });
    for (std::size_t i : order) story.entities.push_back(entity(r_.entities[i]));
    for (const SourceRows &rows : r_.sources) story.sources.push_back(source(rows));
    for (const ClaimRows &rows : r_.claims) story.claims.push_back(claim(rows));
    return report(std::move(story));
  }

private:
  Location here(Cell cell) {
    if (cell.row == 0) return no_location;
    cells_.push_back(cell);
    return static_cast<Location>(cells_.size() - 1);
  }

  void info(Story &story) {
    Cell story_id_cell;
    if (options_.id) {
      story.info.id = *options_.id;
    } else if (r_.story_id.given()) {
      story.info.id = r_.story_id.value;
      story_id_cell = r_.story_id.cell;
    } else {
      story.info.id = options_.fallback_id;
    }
    if (story.info.id.empty()) {
      r_.errors.push_back(
          {r_.file, 0, 0, "the story needs an id: fill a story_id column or give one (factcard import --id ID)"});
    } else if (!is_valid_id(story.info.id)) {
      std::string message =
          "story id " + quote_text(story.info.id) + " must use only a-z, 0-9, '-', '_' and '.', and not start with '.'";
      if (story_id_cell.row)
        r_.error_at(story_id_cell, message);
      else
        r_.errors.push_back({r_.file, 0, 0, message});
    }
    story.info.title = options_.title ? options_.title : absent_if_not_given(r_.story_title);
    story.info.language = options_.language ? options_.language : absent_if_not_given(r_.story_language);
  }

  Entity entity(const EntityRows &rows) {
    Entity e;
    e.id = rows.id;
    e.name = rows.name.given() ? rows.name.value : rows.id; // a placeholder only when reported
    if (rows.kind.given()) e.kind = parse_entity_kind(rows.kind.value);
    e.description = absent_if_not_given(rows.description);
    e.aliases = split_list(rows.aliases.value);
    e.at = e.id_at = here(rows.id_cell);
    for (std::size_t a = 0; a < e.aliases.size(); ++a) e.alias_at.push_back(here(rows.aliases.cell));
    return e;
  }

  Source source(const SourceRows &rows) {
    Source s;
    s.id = rows.id;
    s.publisher = absent_if_not_given(rows.publisher);
    s.headline = absent_if_not_given(rows.headline);
    s.url = absent_if_not_given(rows.url);
    if (rows.published.given()) s.published = parse_date(rows.published.value);
    if (rows.authors.given()) s.authors = split_list(rows.authors.value);
    s.language = absent_if_not_given(rows.language);
    s.at = s.id_at = here(rows.id_cell);
    s.url_at = here(rows.url.cell);
    return s;
  }

  Claim claim(const ClaimRows &rows) {
    Claim c;
    c.id = rows.id;
    if (rows.kind.given()) c.kind = parse_claim_kind(rows.kind.value).value_or(ClaimKind::event);
    c.who = rows.entity != npos ? r_.entities[rows.entity].id : "";
    c.what = rows.what.given() ? rows.what.value : "?";
    if (rows.when.given()) c.when = parse_date(rows.when.value);
    c.when_text = absent_if_not_given(rows.when_text);
    c.where = absent_if_not_given(rows.where);
    c.topic = absent_if_not_given(rows.topic);
    c.value = parse_value(rows.value.value);
    c.at = c.id_at = here(rows.id_cell);
    std::size_t who_column = r_.at[c_who] != npos ? r_.at[c_who] : r_.at[c_who_id];
    c.who_at = here(rows.who_cell.row ? rows.who_cell : Cell{rows.id_cell.row, who_column});
    c.value_at = here(rows.value.cell);
    if (rows.updates.given()) {
      std::string why; // the rows reported a cell that does not parse, and gave no value
      parse_updates(rows.updates.value, c.updates, why);
      for (Update &u : c.updates) u.at = here(rows.updates.cell);
    }
    for (const EvidenceRow &row : rows.evidence) {
      Evidence ev;
      // Placeholders keep a reported problem from being reported twice.
      ev.source = row.source.empty() ? "?" : row.source;
      ev.quote = row.quote.empty() ? "?" : row.quote;
      ev.stance = row.stance;
      if (!row.speaker.empty()) ev.speaker = row.speaker;
      ev.extra = row.extra;
      ev.at = here({row.row, r_.at[c_claim_id]});
      ev.source_at = here(row.source_cell);
      ev.speaker_at = here(row.speaker_cell);
      c.evidence.push_back(std::move(ev));
    }
    return c;
  }

  // The story when neither the rows nor check() found anything; else every
  // problem, those of check() at their cells, each cell reported once.
  Result<Story> report(Story story) {
    std::vector<Finding> findings = check_and_resolve(story);
    if (findings.empty() && r_.errors.empty()) return story;
    Diagnostics out = r_.errors;
    std::set<std::pair<std::size_t, std::size_t>> reported;
    for (const Diagnostic &d : r_.errors) reported.insert({d.line, d.column});
    for (const Finding &f : findings) {
      if (f.at == no_location) {
        // about the story as a whole, or a consequence of a problem already reported
        if (r_.errors.empty()) out.push_back({r_.file, 0, 0, f.message});
        continue;
      }
      const Cell &c = cells_[f.at];
      if (!reported.insert({c.row, c.column + 1}).second) continue;
      out.push_back(r_.at_cell(c, f.message));
    }
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic &a, const Diagnostic &b) {
      return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    return out;
  }

  Rows &r_;
  const CsvImportOptions &options_;
  std::vector<Cell> cells_; // by Location
};

} // namespace
} // namespace csv_detail

Result<Story> import_csv(std::string_view text, const std::string &file, const CsvImportOptions &options) {
  Result<CsvTable> table = parse_csv(text, file);
  if (!table) return table.errors();
  csv_detail::Rows rows;
  rows.file = file;
  if (!csv_detail::read_rows(*table, rows)) return std::move(rows.errors);
  return csv_detail::StoryBuilder(rows, options).run();
}

} // namespace factcard
