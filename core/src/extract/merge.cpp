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

// "winning" -> "win", "planned" -> "plan": the consonant an ending doubled
// goes, as it was never part of the word; "falling", "passed" and "buzzed"
// keep theirs.
void undouble(std::string &w) {
  std::size_t n = w.size();
  if (n < 3 || w[n - 1] != w[n - 2]) return;
  char c = w[n - 1];
  bool consonant =
      std::isalpha(static_cast<unsigned char>(c)) && std::string_view("aeiouylsz").find(c) == std::string_view::npos;
  if (consonant) w.pop_back();
}

std::string stem(std::string w) {
  std::string sense = news_sense(w); // "convicted" meets "guilty", "acquired" meets "bought"
  if (!sense.empty()) return sense;
  w = base_form(w);
  for (const char *suffix : {"ies", "ing", "ed", "es", "s", "ly"}) {
    std::size_t n = std::char_traits<char>::length(suffix);
    if (w.size() > n + 3 && w.compare(w.size() - n, n, suffix) == 0) {
      w.resize(w.size() - n);
      if (suffix[0] == 'i' && suffix[1] == 'e') w += 'y'; // "parties" -> "party", but "testing" -> "test"
      if (suffix[0] == 'i' || suffix[0] == 'e') undouble(w);
      break;
    }
  }
  return w.substr(0, 5); // "agreed"/"agreement", "acquire"/"acquisition"
}

// What a count counts: the first content words after it ("19 hours", "a
// 19-hour journey", "four other counts"), up to punctuation. Two outlets
// giving the same count of the same thing state one fact.
std::vector<std::string> counted_after(std::string_view text, std::size_t at) {
  std::vector<std::string> out;
  for (int words = 0; words < 3 && out.size() < 2; ++words) {
    if (at >= text.size() || (text[at] != ' ' && text[at] != '-')) break; // punctuation ends the phrase
    ++at;
    std::size_t end = at;
    while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
    std::string w = lower_word_at(text.substr(0, end), at);
    if (w.empty()) break;
    if (w.size() >= 3 && !is_stopword(w)) out.push_back(stem(w));
    at = end;
  }
  return out;
}

Amount classify(std::string_view text, std::size_t begin, std::size_t end, double value, int decimals) {
  Amount a;
  a.value = value;
  a.unit = std::pow(10.0, -decimals);
  std::size_t sign = begin > 1 && text[begin - 1] == ' ' ? begin - 1 : begin; // "$44" or "$ 44"
  bool currency = sign > 0 && (text[sign - 1] == '$' || (sign > 1 && text.substr(sign - 2, 2) == "\xC2\xA3") ||
                               (sign > 2 && text.substr(sign - 3, 3) == "\xE2\x82\xAC"));
  std::string glued = lower_word_at(text, end); // "3.7bn", "58%"? ('%' is no letter)
  bool spaced = end < text.size() && text[end] == ' ';
  double scale = number_scale(glued);
  std::size_t after = end + glued.size();
  if (spaced) {
    glued.clear();
    std::string next = lower_word_at(text, end);
    scale = number_scale(next);
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
  if (a.kind == Amount::plain && scale == 1 && !year) a.counted = counted_after(text, end);
  return a;
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

const char *const number_names[] = {"one",     "two",     "three",     "four",     "five",     "six",      "seven",
                                    "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen", "fourteen",
                                    "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};

bool number_name(const std::string &w) {
  return std::any_of(std::begin(number_names), std::end(number_names), [&](const char *n) { return w == n; });
}

// "four of 11 counts": counts written as words are amounts too.
void add_number_words(std::string_view text, std::vector<Amount> &out) {
  const char *const *numbers = number_names;
  std::vector<std::string> words = folded_words(text);
  for (std::size_t i = 0; i < words.size(); ++i) {
    for (int n = 1; n < 20; ++n) { // "one" is as often a pronoun ("one of the reasons") as a count
      if (words[i] != numbers[n]) continue;
      Amount a;
      a.value = n + 1;
      a.distinctive = n + 1 > 12;
      for (std::size_t k = i + 1; k < words.size() && k <= i + 3 && a.counted.size() < 2; ++k)
        if (words[k].size() >= 3 && !is_stopword(words[k])) a.counted.push_back(stem(words[k]));
      out.push_back(a);
    }
  }
}

// What a negation denies: the next three content words of its clause
// ("returned no verdict", "avoided travelling"), or the word itself
// ("acquitted"). A fact negated about other words ("had no issues with the
// visit, all of which was prepared") can still meet a plain one.
std::set<std::string> denied_stems(std::string_view text, bool &negated) {
  std::set<std::string> out;
  negated = false;
  int window = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t end = text.find(' ', i);
    if (end == std::string_view::npos) end = text.size();
    std::string_view raw = text.substr(i, end - i);
    for (const std::string &w : folded_words(raw)) {
      Negation n = negation_of(w);
      if (n == Negation::itself) out.insert(stem(w));
      // "arrived without facing charges" does not deny the arrival: "without"
      // denies its own words only, the sentence stays a plain statement.
      negated = negated || (n != Negation::none && w != "without");
      if (n == Negation::following) {
        window = 3;
      } else if (window > 0 && w.size() >= 3 && !is_stopword(w) && !number_name(w)) {
        out.insert(stem(w));
        --window;
      }
    }
    bool clause_ends = !raw.empty() && (raw.back() == ',' || raw.back() == ';' || raw.back() == '.');
    if (clause_ends) window = 0;
    i = end + 1;
  }
  return out;
}

// "Falcon 9", "Boeing 737": a number right after a capitalised word inside
// the sentence is part of a name, not an amount.
bool model_number(std::string_view text, std::size_t begin) {
  if (begin < 2 || text[begin - 1] != ' ') return false;
  std::size_t word = begin - 1;
  while (word > 0 && std::isalpha(static_cast<unsigned char>(text[word - 1]))) --word;
  return word < begin - 1 && word > 0 && text[word - 1] == ' ' && std::isupper(static_cast<unsigned char>(text[word]));
}

// "May 30" and "30 May" are a day: a date, compared as one, never an amount.
bool day_of_month(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t at = begin;
  while (at > 0 && text[at - 1] == ' ') --at;
  std::size_t word = at;
  while (word > 0 && (std::isalpha(static_cast<unsigned char>(text[word - 1])) || text[word - 1] == '.')) --word;
  std::string before = lower_word_at(text.substr(0, at), word);
  return is_month_name(before) || is_month_name(lower_word_at(text, end));
}

// "the 44-year-old centrist", "aged 53", "Le Pen, 53,": an age describes a
// person, so two different facts about one person share it.
bool age(std::string_view text, std::size_t begin, std::size_t end) {
  std::string_view after = text.substr(end, 12);
  if (after.rfind("-year-old", 0) == 0 || after.rfind(" years old", 0) == 0 || after.rfind("-year old", 0) == 0)
    return true;
  bool aged = begin >= 5 && text.substr(begin - 5, 5) == "aged ";
  bool apposition = begin >= 2 && text.substr(begin - 2, 2) == ", " && end < text.size() && text[end] == ',';
  return aged || apposition;
}

bool upper(char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }

// "last year", "a year and a half", "this week": when a fact happened is
// compared as its date, not as a word two sentences share.
bool period_word(const std::string &w) {
  return w == "day" || w == "days" || w == "week" || w == "weeks" || w == "month" || w == "months" || w == "year" ||
         w == "years";
}

// The first word of a sentence is capitalised anyway; it is a name when the
// next word is capitalised too ("Elizabeth Holmes said"), when it is written
// in capitals ("ORLANDO") or when it is possessive ("Halvern's board").
bool first_word_is_name(std::string_view word, std::string_view rest) {
  std::size_t next = rest.find_first_not_of(' ');
  bool caps = word.size() >= 2 && std::all_of(word.begin(), word.end(), [](char c) {
                return !std::isalpha(static_cast<unsigned char>(c)) || upper(c);
              });
  bool possessive = word.find("'s") != std::string_view::npos || word.find("\xE2\x80\x99s") != std::string_view::npos;
  return caps || possessive || (next != std::string_view::npos && upper(rest[next]) && word.back() != ',');
}

// The words of names: capitalised words, which are compared as entities.
std::set<std::string> capitalised_words(std::string_view text) {
  std::set<std::string> names;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t letter = i; // "(ICC)", "“Free"
    while (letter < text.size() && (text[letter] == '(' || text[letter] == '"')) ++letter;
    if (text.substr(letter, 3) == "\xE2\x80\x9C" || text.substr(letter, 3) == "\xE2\x80\x98") letter += 3;
    bool starts = letter < text.size() && upper(text[letter]) && (i == 0 || text[i - 1] == ' ');
    std::size_t end = text.find(' ', i);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(i, end - i);
    if (starts && (i > 0 || first_word_is_name(word, text.substr(end))))
      for (const std::string &w : folded_words(word)) names.insert(w);
    i = end + 1;
  }
  return names;
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
    if (day_of_month(text, i, end) || model_number(text, i) || age(text, i, end)) {
      i = end;
      continue;
    }
    bool paired = end + 1 < text.size() && (text[end] == '-' || text[end] == ':') && digit(text[end + 1]);
    if (paired) { // a score ("3-2") or a time of day ("3:22 p.m.") is no amount: skip both sides
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

std::set<std::string> scores_in(std::string_view text) {
  std::set<std::string> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool starts = digit(text[i]) && (i == 0 || !(std::isalnum(static_cast<unsigned char>(text[i - 1])) ||
                                                 text[i - 1] == '.' || text[i - 1] == ',' || text[i - 1] == '-'));
    if (!starts) continue;
    std::size_t end = i, after = 0;
    int decimals = 0;
    double home = read_number(text, i, end, decimals);
    std::size_t dash = text.substr(end, 3) == "\xE2\x80\x93" ? 3 : (end < text.size() && text[end] == '-' ? 1 : 0);
    if (dash == 0 || decimals > 0 || end + dash >= text.size() || !digit(text[end + dash])) continue;
    double away = read_number(text, end + dash, after, decimals);
    bool glued = after < text.size() && (std::isalnum(static_cast<unsigned char>(text[after])) || text[after] == '-');
    if (decimals > 0 || glued || home > 30 || away > 30) continue; // "2013-14" is a season, "3-2-1" no score
    auto [low, high] = std::minmax(home, away);
    out.insert(std::to_string(static_cast<int>(high)) + "-" + std::to_string(static_cast<int>(low)));
    i = after;
  }
  return out;
}

bool same_amount(const Amount &a, const Amount &b) {
  if (a.kind != b.kind) return false;
  double unit = std::max(a.unit, b.unit);
  return std::fabs(a.value - b.value) < unit * 0.999 || a.value == b.value;
}

namespace {

// content_stems, given the text's capitalised words (signature_of keeps them too).
std::set<std::string> content_stems(std::string_view text, const std::set<std::string> &names) {
  std::set<std::string> out;
  for (const std::string &w : folded_words(text)) {
    // A count written as a word is compared as an amount, not as a word.
    if (w.size() < 3 || is_stopword(w) || digit(w[0]) || names.count(w) || number_name(w) || period_word(w)) continue;
    out.insert(stem(w));
  }
  return out;
}

} // namespace

// Names are left out: they are compared as entities, and two sentences
// about the same people must not look alike for that alone.
std::set<std::string> content_stems(std::string_view text) { return content_stems(text, capitalised_words(text)); }

// The words that name an action: a past form ("departed", "won"), or a
// word of an action class ("convicted", "guilty", "dispatched").
std::set<std::string> action_stems(std::string_view text) {
  std::set<std::string> out;
  for (const std::string &w : folded_words(text)) {
    if (w.size() < 3 || is_stopword(w) || is_auxiliary(w)) continue;
    std::string s = stem(w);
    bool past = (w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0) || is_irregular_past(w);
    if (s[0] == '=' || (past && s[0] != '#')) out.insert(s);
  }
  return out;
}

FactSignature signature_of(std::string_view text, std::size_t actor, const std::vector<std::size_t> &entities,
                           std::string_view own) {
  std::string_view figures = own.empty() ? text : own;
  FactSignature s;
  s.actor = actor;
  s.entities.insert(entities.begin(), entities.end());
  s.amounts = amounts_in(text);
  s.names = capitalised_words(text);
  s.stems = content_stems(text, s.names);
  s.scores = scores_in(figures);
  s.actions = action_stems(text);
  s.denied = denied_stems(text, s.negated);
  return s;
}

namespace {

// What two facts share, the evidence every rule of same_fact weighs.
struct Agreement {
  std::size_t shared = 0, smaller = 0; // content stems in common, and in the smaller fact
  bool action = false;                 // an action in common: "convicted" / "found guilty"
  double overlap = 0;                  // shared / smaller
  bool entity = false, same_actor = false;
  std::size_t figures = 0;       // distinctive amounts that meet, each value once
  bool small_number = false;     // a count up to 12 that meets ("four counts")
  bool conflict = false;         // a distinctive figure the other fact gives otherwise (another value of its kind)
  bool counted_thing = false;    // a count above 12 that meets with the thing it counts ("19 hours")
  bool counted_small = false;    // the same for a small count ("four counts" / "four charges")
  bool counted_conflict = false; // a count of the same thing that differs ("eight charges" / "three counts")
  bool sum = false;              // money or a percentage that meets
  bool same_when = false;        // the same distinctive date ("issued in March 2023")
  bool same_names = false;       // most capitalised words in common, three at least
  bool score = false;            // a score both give ("2-2")
  bool score_conflict = false;   // both give scores, and none meets
};

// How many words two sorted sets share, in one pass over both: the merge
// compares every new fact with every claim, so this is the draft's hot loop.
std::size_t common(const std::set<std::string> &a, const std::set<std::string> &b, bool things = true) {
  std::size_t n = 0;
  for (auto x = a.begin(), y = b.begin(); x != a.end() && y != b.end();) {
    int order = x->compare(*y);
    if (order == 0) n += things || (*x)[0] != '#';
    if (order <= 0) ++x;
    if (order >= 0) ++y;
  }
  return n;
}

// Whether a distinctive figure meets none of `against`'s. A figure
// conflicts only with one the other fact gives instead: "$44bn" against
// "$43bn"; not "$54.20 a share, $44bn in all" against "$54.20 a share", nor
// "33 kilometers (20 miles)" against "20 miles".
bool unanswered(const Amount &y, const std::vector<Amount> &against) {
  return y.distinctive && std::none_of(against.begin(), against.end(), [&](const Amount &x) {
           return x.distinctive && x.kind == y.kind && same_amount(x, y);
         });
}

Agreement agreement(const FactSignature &a, const FactSignature &b) {
  Agreement g;
  g.shared = common(a.stems, b.stems);
  g.smaller = std::min(a.stems.size(), b.stems.size());
  // "returned no verdict" / "didn't reach a verdict": denying the same thing is what happened in both.
  g.action = common(a.actions, b.actions) > 0 || common(a.denied, b.denied, false) > 0;
  g.overlap = g.smaller ? static_cast<double>(g.shared) / static_cast<double>(g.smaller) : 0;
  g.entity = std::any_of(a.entities.begin(), a.entities.end(), [&](std::size_t e) { return b.entities.count(e); });
  g.same_actor = a.actor == b.actor;
  g.same_when = !a.when.empty() && a.when == b.when;
  std::size_t names = common(a.names, b.names);
  g.score = common(a.scores, b.scores) > 0;
  g.score_conflict = !g.score && !a.scores.empty() && !b.scores.empty();
  g.same_names = names >= 3 && names * 3 >= 2 * std::min(a.names.size(), b.names.size());
  std::vector<double> met_values;
  for (const Amount &x : a.amounts) {
    bool met = false, same_kind = false, other_count = false;
    for (const Amount &y : b.amounts) {
      if (y.distinctive != x.distinctive || y.kind != x.kind) continue;
      same_kind = same_kind || unanswered(y, a.amounts);
      bool thing = std::any_of(x.counted.begin(), x.counted.end(), [&](const std::string &w) {
        return std::find(y.counted.begin(), y.counted.end(), w) != y.counted.end();
      });
      if (!same_amount(x, y)) {
        other_count = other_count || thing;
        continue;
      }
      met = true;
      (x.distinctive ? g.counted_thing : g.counted_small) |= thing;
    }
    if (met && !x.distinctive) g.small_number = true;
    if (met && x.distinctive && std::find(met_values.begin(), met_values.end(), x.value) == met_values.end())
      met_values.push_back(x.value);
    g.sum = g.sum || (met && x.kind != Amount::plain);
    g.conflict = g.conflict || (x.distinctive && same_kind && !met);
    g.counted_conflict = g.counted_conflict || (other_count && !met);
  }
  g.figures = met_values.size();
  return g;
}

// A figure both facts give is the strongest anchor news has, but a figure
// alone is no fact: it must be about the same actor or named entity, and no
// other figure of the two may disagree. Then two figures that both meet
// ("58.5% to 41.5%"), a count of the same thing ("19 hours" / "a 19-hour
// journey"), or a sum given for the same actor with a word in common is
// one fact.
bool figures_agree(const Agreement &g) {
  if ((g.entity || g.shared >= 3) && g.overlap >= 0.3) return true;
  if (g.conflict || !(g.entity || g.same_actor)) return false;
  return g.figures >= 2 || g.counted_thing || (g.sum && g.same_actor && g.shared >= 1);
}

bool has_small_count(const FactSignature &f) {
  return std::any_of(f.amounts.begin(), f.amounts.end(), [](const Amount &x) { return !x.distinctive; });
}

} // namespace

namespace {

// same_fact, given the two facts' agreement (computed once for fact_similarity too).
bool same_fact(const FactSignature &a, const FactSignature &b, const Agreement &g) {
  // "found guilty" and "found not guilty" are two facts: a word both state,
  // denied by one of them only. Between two actors, whose sentences are
  // built apart, any negation one has and the other lacks keeps them apart.
  bool opposite = false;
  for (auto x = a.stems.begin(), y = b.stems.begin(); x != a.stems.end() && y != b.stems.end() && !opposite;) {
    int order = x->compare(*y);
    opposite = order == 0 && a.denied.count(*x) != b.denied.count(*x);
    if (order <= 0) ++x;
    if (order >= 0) ++y;
  }
  if (opposite || (a.negated != b.negated && a.actor != b.actor)) return false;
  // A match's score is its result: the same score between the same sides
  // ("held 2-2 by Chelsea" / "earned Chelsea a 2-2 draw") is one fact, and
  // another score another match.
  if (g.score_conflict) return false;
  if (g.score && (g.entity || g.same_actor) && !g.conflict) return true;
  if (g.figures > 0) return figures_agree(g);
  // Two different figures are two facts; so are two different counts of the
  // same thing ("eight of the charges" / "three of the counts") when no
  // other number meets.
  if (g.conflict || (g.counted_conflict && !g.small_number)) return false;
  // Both give small counts and none of them meets ("three wire fraud counts"
  // / "four out of 11 counts"): two different numbers, so two facts.
  if (!g.small_number && has_small_count(a) && has_small_count(b)) return false;
  // Each gives a count of the same thing that the other lacks ("acquitted on
  // four, mistrial on three counts" / "convicted on four of 11 counts"): two
  // sentences of several facts each, which share one of them at most.
  if (g.counted_conflict && agreement(b, a).counted_conflict) return false;
  // Without a figure, words alone decide, and the same people and things can
  // be in two facts ("X left with her partner" / "X's partner sat still"):
  // the two must also share what happened, or share more words.
  if (!g.action) return g.same_actor && g.shared >= 4 && g.overlap >= 0.5;
  // A date other than the news's own is an anchor as a figure is: the same
  // actor or entity, the same action and two more words, on that date.
  if (g.same_when && (g.same_actor || g.entity) && g.shared >= 3) return true;
  if (g.small_number && g.entity && g.shared >= 3 && g.overlap >= 0.4) return true; // "guilty on four counts"
  // A small count of the same thing is an anchor as a figure is ("convicted on
  // four counts" / "found guilty on four charges"), with the same threshold.
  if (g.counted_small && g.entity && g.shared >= 3 && g.overlap >= 0.3) return true;
  // Two outlets may make different words the subject of one fact ("This
  // marks Putin's first trip to an ICC member" / "The visit is Putin's first
  // to a member of the ICC"): a named entity, the action and most words.
  if (g.entity && g.shared >= 4 && g.overlap >= 0.5) return true;
  // Short claims meet on all their words ("10 deaths confirmed"), longer ones
  // on three, or on the names they give ("was voted PFA Players' Player").
  bool enough =
      g.shared >= 3 || (g.shared >= 2 && g.shared == g.smaller) || (g.small_number && g.shared >= 2) || g.same_names;
  return g.same_actor && enough && g.overlap >= 0.5;
}

} // namespace

bool same_fact(const FactSignature &a, const FactSignature &b) { return same_fact(a, b, agreement(a, b)); }

double fact_similarity(const FactSignature &a, const FactSignature &b) {
  Agreement g = agreement(a, b);
  if (!same_fact(a, b, g)) return 0;
  std::size_t entities = 0;
  for (std::size_t e : a.entities) entities += b.entities.count(e);
  return static_cast<double>(g.shared) / static_cast<double>(std::max<std::size_t>(1, g.smaller)) +
         0.2 * static_cast<double>(std::min<std::size_t>(entities, 3)) + (g.same_actor ? 0.3 : 0) +
         0.3 * static_cast<double>(std::min<std::size_t>(g.figures, 2)) + (g.same_when ? 0.5 : 0);
}

bool figures_conflict(const FactSignature &a, const FactSignature &b) {
  Agreement g = agreement(a, b), h = agreement(b, a);
  return g.conflict || h.conflict || (g.counted_conflict && !g.small_number) || (h.counted_conflict && !h.small_number);
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
