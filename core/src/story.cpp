#include "factcard/story.hpp"
#include "factcard/cards.hpp"

namespace factcard {
namespace {

template <class Enum, std::size_t N>
std::optional<Enum> parse_enum(std::string_view text, const char *const (&names)[N]) {
  for (std::size_t i = 0; i < N; ++i) {
    if (text == names[i]) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

const char *const entity_kinds[] = {"person", "organization", "place", "other"};
const char *const claim_kinds[] = {"event", "statement", "quote", "figure"};
const char *const stances[] = {"supports", "refutes"};
const char *const statuses[] = {"corroborated", "single-source", "contested"};

} // namespace

const char *to_string(EntityKind k) { return entity_kinds[static_cast<int>(k)]; }
const char *to_string(ClaimKind k) { return claim_kinds[static_cast<int>(k)]; }
const char *to_string(Stance s) { return stances[static_cast<int>(s)]; }
const char *to_string(Status s) { return statuses[static_cast<int>(s)]; }

std::optional<EntityKind> parse_entity_kind(std::string_view t) { return parse_enum<EntityKind>(t, entity_kinds); }
std::optional<ClaimKind> parse_claim_kind(std::string_view t) { return parse_enum<ClaimKind>(t, claim_kinds); }
std::optional<Stance> parse_stance(std::string_view t) { return parse_enum<Stance>(t, stances); }
std::optional<Status> parse_status(std::string_view t) { return parse_enum<Status>(t, statuses); }

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > 200) return false;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return id[0] != '.'; // no "..", no hidden files when ids become file names
}

bool newer(const Update &a, const Update &b) {
  const Date &x = a.date, &y = b.date;
  if (x.year != y.year) return x.year > y.year;
  if (x.month != y.month) return x.month > y.month;
  return x.day > y.day;
}

} // namespace factcard
