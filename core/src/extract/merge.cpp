#include "merge.hpp"

#include "factcard/names.hpp"
#include "lexicon.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace factcard {
namespace detail {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

std::string lower_word_at(std::string_view text, std::size_t at) {
  while (at < text.size() && text[at] == ' ') ++at;
  std::string w;
  while (at < text.size() && std::isalpha(static_cast<unsigned char>(text[at])))
    w += static_cast<char>(std::tolower(static_cast<unsigned char>(text[at++])));
  return w;
}

double multiplier(const std::string &w) {
  if (w == "bn" || w == "billion" || w == "b") return 1e9;
  if (w == "m" || w == "mn" || w == "million" || w == "millions") return 1e6;
  if (w == "k" || w == "thousand") return 1e3;
  if (w == "trillion" || w == "tn") return 1e12;
  return 1;
}

// The written number at `at` ("3,700", "54.20"): its value and how many
// decimals it has; `end` is past it.
double read_number(std::string_view text, std::size_t at, std::size_t &end, int &decimals) {
  std::string digits;
  decimals = -1;
  end = at;
  while (end < text.size()) {
    char c = text[end];
    bool inner = (c == ',' || c == '.') && end + 1 < text.size() && digit(text[end + 1]);
    if (digit(c)) {
      digits += c;
      if (decimals >= 0) ++decimals;
    } else if (inner && c == '.' && decimals < 0) {
      digits += '.';
      decimals = 0;
    } else if (!(inner && c == ',')) {
      break;
    }
    ++end;
  }
  if (decimals < 0) decimals = 0;
  return std::strtod(digits.c_str(), nullptr);
}

Amount classify(std::string_view text, std::size_t begin, std::size_t end, double value, int decimals) {
  Amount a;
  a.value = value;
  a.unit = std::pow(10.0, -decimals);
  bool currency = begin > 0 && (text[begin - 1] == '$' || (begin > 1 && text.substr(begin - 2, 2) == "\xC2\xA3") ||
                                (begin > 2 && text.substr(begin - 3, 3) == "\xE2\x82\xAC"));
  std::string glued = lower_word_at(text, end); // "3.7bn", "58%"? ('%' is no letter)
  bool spaced = end < text.size() && text[end] == ' ';
  double scale = multiplier(glued);
  std::size_t after = end + glued.size();
  if (spaced) {
    glued.clear();
    std::string next = lower_word_at(text, end);
    scale = multiplier(next);
    after = end + 1 + next.size();
    if (next == "percent" || next == "per") a.kind = Amount::percent;
    if (next == "dollars" || next == "pounds" || next == "euros") a.kind = Amount::money;
  }
  if (end < text.size() && text[end] == '%') a.kind = Amount::percent;
  if (scale > 1) {
    std::string then = lower_word_at(text, after);
    if (then == "dollars" || then == "pounds" || then == "euros") a.kind = Amount::money;
  }
  if (currency) a.kind = Amount::money;
  a.value *= scale;
  a.unit *= scale;
  bool year = a.kind == Amount::plain && decimals == 0 && scale == 1 && value >= 1800 && value <= 2100;
  a.distinctive = !year && (a.kind != Amount::plain || decimals > 0 || value > 12);
  return a;
}

// Irregular past forms, so that "bought" meets "buy" and "won" meets "win".
std::string base_form(const std::string &w) {
  static const std::pair<const char *, const char *> forms[] = {
      {"bought", "buy"},    {"sold", "sell"},   {"won", "win"},     {"lost", "lose"},  {"beat", "beat"},
      {"struck", "strike"}, {"hit", "hit"},     {"killed", "kill"}, {"died", "die"},   {"led", "lead"},
      {"rose", "rise"},     {"fell", "fall"},   {"met", "meet"},    {"took", "take"},  {"gave", "give"},
      {"made", "make"},     {"began", "begin"}, {"paid", "pay"},    {"left", "leave"}, {"held", "hold"},
      {"sent", "send"},     {"shook", "shake"}, {"built", "build"}, {"found", "find"}, {"became", "become"}};
  for (const auto &form : forms)
    if (w == form.first) return form.second;
  return w;
}

std::string stem(std::string w) {
  w = base_form(w);
  for (const char *suffix : {"ies", "ing", "ed", "es", "s", "ly"}) {
    std::size_t n = std::char_traits<char>::length(suffix);
    if (w.size() > n + 3 && w.compare(w.size() - n, n, suffix) == 0) {
      w.resize(w.size() - n);
      if (n == 3 && suffix[0] == 'i') w += 'y';
      break;
    }
  }
  return w.substr(0, 5); // "agreed"/"agreement", "acquire"/"acquisition"
}

std::vector<std::string> folded_words(std::string_view text) {
  std::vector<std::string> out;
  std::string folded = fold_text(text);
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    if (end > start) out.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// "four of 11 counts": counts written as words are amounts too.
void add_number_words(std::string_view text, std::vector<Amount> &out) {
  static const char *const numbers[] = {
      "one",    "two",    "three",    "four",     "five",    "six",     "seven",     "eight",    "nine",     "ten",
      "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
  for (const std::string &w : folded_words(text)) {
    for (int n = 1; n < 20; ++n) { // "one" is as often a pronoun ("one of the reasons") as a count
      if (w != numbers[n]) continue;
      Amount a;
      a.value = n + 1;
      a.distinctive = n + 1 > 12;
      out.push_back(a);
    }
  }
}

bool negated(std::string_view text) {
  for (const std::string &w : folded_words(text))
    if (w == "not" || w == "no" || w == "never" || w == "nor" || w == "acquitted" || w == "denied" || w == "rejected")
      return true;
  return text.find("n't") != std::string_view::npos || text.find("n\xE2\x80\x99t") != std::string_view::npos;
}

} // namespace

std::vector<Amount> amounts_in(std::string_view text) {
  std::vector<Amount> out;
  add_number_words(text, out);
  for (std::size_t i = 0; i < text.size();) {
    bool starts = digit(text[i]) && (i == 0 || !(std::isalnum(static_cast<unsigned char>(text[i - 1])) ||
                                                 text[i - 1] == '.' || text[i - 1] == ','));
    if (!starts) {
      ++i;
      continue;
    }
    std::size_t end = i;
    int decimals = 0;
    double value = read_number(text, i, end, decimals);
    bool score = end < text.size() && text[end] == '-' && end + 1 < text.size() && digit(text[end + 1]); // "3-2"
    if (score) { // a score ("3-2") is no amount: skip both sides
      std::size_t other = end + 1;
      int ignored = 0;
      read_number(text, other, end, ignored);
    } else {
      out.push_back(classify(text, i, end, value, decimals));
    }
    i = std::max(end, i + 1);
  }
  return out;
}

bool same_amount(const Amount &a, const Amount &b) {
  if (a.kind != b.kind) return false;
  double unit = std::max(a.unit, b.unit);
  return std::fabs(a.value - b.value) < unit * 0.999 || a.value == b.value;
}

// Names are left out: they are compared as entities, and two sentences
// about the same people must not look alike for that alone.
std::set<std::string> content_stems(std::string_view text) {
  std::set<std::string> names, out;
  for (std::size_t i = 0; i < text.size();) {
    bool starts = std::isupper(static_cast<unsigned char>(text[i])) && (i == 0 || text[i - 1] == ' ');
    std::size_t end = text.find(' ', i);
    if (end == std::string_view::npos) end = text.size();
    if (starts && i > 0) // the first word of a sentence is capitalised anyway
      for (const std::string &w : folded_words(text.substr(i, end - i))) names.insert(w);
    i = end + 1;
  }
  for (const std::string &w : folded_words(text)) {
    if (w.size() < 3 || is_stopword(w) || digit(w[0]) || names.count(w)) continue;
    out.insert(stem(w));
  }
  return out;
}

FactSignature signature_of(std::string_view text, std::size_t actor, const std::vector<std::size_t> &entities) {
  FactSignature s;
  s.actor = actor;
  s.entities.insert(entities.begin(), entities.end());
  s.amounts = amounts_in(text);
  s.stems = content_stems(text);
  s.negated = negated(text);
  return s;
}

double fact_similarity(const FactSignature &a, const FactSignature &b) {
  if (!same_fact(a, b)) return 0;
  std::size_t shared = 0;
  for (const std::string &w : a.stems) shared += b.stems.count(w);
  std::size_t smaller = std::max<std::size_t>(1, std::min(a.stems.size(), b.stems.size()));
  std::size_t entities = 0;
  for (std::size_t e : a.entities) entities += b.entities.count(e);
  return static_cast<double>(shared) / static_cast<double>(smaller) +
         0.2 * static_cast<double>(std::min<std::size_t>(entities, 3)) + (a.actor == b.actor ? 0.3 : 0);
}

bool same_fact(const FactSignature &a, const FactSignature &b) {
  std::size_t shared = 0;
  for (const std::string &w : a.stems) shared += b.stems.count(w);
  std::size_t smaller = std::min(a.stems.size(), b.stems.size());
  double overlap = smaller ? static_cast<double>(shared) / static_cast<double>(smaller) : 0;
  bool entity = std::any_of(a.entities.begin(), a.entities.end(), [&](std::size_t e) { return b.entities.count(e); });
  bool number = false, small_number = false, conflict = false;
  for (const Amount &x : a.amounts) {
    bool met = false, same_kind = false;
    for (const Amount &y : b.amounts) {
      if (y.distinctive != x.distinctive || y.kind != x.kind) continue;
      same_kind = true;
      met = met || same_amount(x, y);
    }
    (x.distinctive ? number : small_number) |= met;
    conflict = conflict || (x.distinctive && same_kind && !met);
  }
  if (a.negated != b.negated) return false; // "found guilty" and "found not guilty" are two facts
  if (number) return (entity || shared >= 3) && overlap >= 0.3;
  if (conflict) return false;                                               // two different figures are two facts
  if (small_number && entity && shared >= 3 && overlap >= 0.4) return true; // "guilty on four counts"
  // Short claims meet on all their words ("10 deaths confirmed"), longer ones on three.
  bool enough = shared >= 3 || (shared >= 2 && shared == smaller) || (small_number && shared >= 2);
  return a.actor == b.actor && enough && overlap >= 0.5;
}

bool same_quote(std::string_view a, std::string_view b) {
  std::vector<std::string> x = folded_words(a), y = folded_words(b);
  if (x.size() < 3 || y.size() < 3) return x == y;
  std::vector<std::size_t> row(y.size() + 1, 0), next(y.size() + 1, 0);
  for (std::size_t i = 0; i < x.size(); ++i) {
    for (std::size_t j = 0; j < y.size(); ++j) next[j + 1] = x[i] == y[j] ? row[j] + 1 : std::max(row[j + 1], next[j]);
    std::swap(row, next);
  }
  double aligned = static_cast<double>(row[y.size()]) / static_cast<double>(std::min(x.size(), y.size()));
  return aligned >= 0.75;
}

} // namespace detail
} // namespace factcard
