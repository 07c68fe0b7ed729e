// Loading a story file or a bundle: read (story_reader), then checked as a
// whole (records, check), every problem at once as "file:line:col: message".
#include "factcard/load.hpp"

#include "stable_order.hpp"
#include "story_reader.hpp"

#include <algorithm>

namespace factcard {
namespace {

using detail::Problem;
using detail::Records;

Diagnostics to_diagnostics(std::vector<Problem> problems, std::string_view text, const std::string &file) {
  detail::stable_sort_by(problems, [](const Problem &p) { return p.at; });
  // One walk over the text for all problems, in file order
  // (columns in code points, after a byte order mark on line 1): 100,000 problems on one long
  // line must not cost 100,000 scans of that line.
  Diagnostics out;
  std::size_t line = 1, column = 1, offset = 0;
  bool bom = text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF";
  for (const Problem &p : problems) {
    std::size_t target = std::min<std::size_t>(p.at, text.size());
    if (bom && offset < 3 && target >= 3) {
      offset = 3;
      column = 1;
    }
    for (; offset < target; ++offset) {
      if (text[offset] == '\n') {
        ++line;
        column = 1;
      } else if ((static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80) {
        ++column;
      }
    }
    out.push_back({file, line, column, p.message});
  }
  return out;
}

// Reads a text: every record, then the file's own members. False when it is
// not a JSON object (a syntax error, or another value at the top level).
bool read_records(std::string_view text, Records &records, bool allow_bundle) {
  detail::TokenCursor cursor(text);
  detail::StoryReader reader(text, cursor, records);
  // A syntax error stops the read; duplicate keys are reported and skipped.
  bool parsed = reader.parse();
  parsed = parsed && detail::check_no_nul(text, reader.problems);
  if (parsed && !reader.file_read) reader.problems.push_back({0, "expected a JSON object at the top level"});
  detail::move_problems(reader.problems, records.problems);
  if (!parsed || !reader.file_read) return false;
  reader.finish_file();
  if (records.is_bundle && !allow_bundle) {
    records.problems.push_back({0, "this is a compiled bundle, not a story file"});
  }
  return true;
}

// The story-file path: read, then the rules that need the whole story.
Result<Records> run_loader(std::string_view text, const std::string &file, bool allow_bundle) {
  Records records;
  records.story_path();
  if (read_records(text, records, allow_bundle)) records.check_all();
  if (!records.problems.empty()) return to_diagnostics(std::move(records.problems), text, file);
  return records;
}

LoadedInput input_of(Records &&records) {
  LoadedInput input;
  input.kind = records.is_bundle ? InputKind::bundle : InputKind::story;
  input.story = std::move(records.story);
  input.cards = std::move(records.cards);
  return input;
}

} // namespace

Result<Story> load_story(std::string_view text, const std::string &file) {
  Result<Records> loaded = run_loader(text, file, false);
  if (!loaded) return loaded.errors();
  return std::move(loaded->story);
}

Result<LoadedInput> load_input(std::string_view text, const std::string &file) {
  Result<Records> loaded = run_loader(text, file, true);
  if (!loaded) return loaded.errors();
  return input_of(std::move(*loaded));
}

std::optional<Result<LoadedInput>> load_bundle(std::string_view text, const std::string &file) {
  Records records; // without story_path(): claims are skipped, names not resolved
  if (!read_records(text, records, true) || !records.is_bundle || records.has_claims) return std::nullopt;
  records.check_all();
  if (!records.problems.empty()) return Result<LoadedInput>(to_diagnostics(std::move(records.problems), text, file));
  return Result<LoadedInput>(input_of(std::move(records)));
}

LoadedInput cards_of(LoadedInput &&input) {
  LoadedInput out = std::move(input);
  if (out.kind == InputKind::story) out.cards = take_cards(out.story);
  return out;
}

} // namespace factcard
