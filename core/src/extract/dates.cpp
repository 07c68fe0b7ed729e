// Date expressions: absolute ("September 3, 2024", "Sept. 2", "March 2023",
// "1939") and relative ("last year", "on Friday", "a day before"), each
// resolved at the precision its words carry.
#include "factcard/extract.hpp"

#include "dates.hpp"
#include "tokens.hpp"
#include "word_set.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <limits>
#include <unordered_map>

namespace factcard {
namespace {

using detail::Token;

using detail::WordSet;

const std::unordered_map<std::string, int> &months() {
  static const std::unordered_map<std::string, int> months = {
      {"january", 1}, {"february", 2},  {"march", 3},    {"april", 4},     {"may", 5},       {"june", 6}, {"july", 7},
      {"august", 8},  {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12}, {"jan.", 1}, {"feb.", 2},
      {"mar.", 3},    {"apr.", 4},      {"may.", 5},     {"jun.", 6},      {"jul.", 7},      {"aug.", 8}, {"sep.", 9},
      {"sept.", 9},   {"sept", 9},      {"oct.", 10},    {"nov.", 11},     {"dec.", 12}};
  return months;
}

int month_of(const std::string &lower) {
  auto it = months().find(lower);
  return it == months().end() ? 0 : it->second;
}

int weekday_of(std::string_view lower) {
  static const char *const names[] = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
  for (int d = 0; d < 7; ++d) {
    if (lower == names[d]) return d;
  }
  return -1;
}

const std::unordered_map<std::string, int> &number_words() {
  static const std::unordered_map<std::string, int> numbers = {
      {"a", 1},         {"an", 1},       {"one", 1},      {"two", 2},        {"three", 3},
      {"four", 4},      {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},
      {"nine", 9},      {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13},
      {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18},
      {"nineteen", 19}, {"twenty", 20},  {"thirty", 30},  {"forty", 40},     {"fifty", 50}};
  return numbers;
}

int number_word(const std::string &lower) {
  auto it = number_words().find(lower);
  if (it != number_words().end()) return it->second;
  if (lower.size() <= 3 && !lower.empty() && std::all_of(lower.begin(), lower.end(), ::isdigit))
    return std::atoi(lower.c_str());
  return -1;
}

long to_days(const Date &d) { return days_from_civil(d.year, d.month, d.day); }

Date make(int year, int month = 0, int day = 0) {
  Date d;
  d.year = year;
  d.month = month;
  d.day = day;
  d.precision = day ? Precision::day : month ? Precision::month : Precision::year;
  return d;
}

Date add_days(const Date &d, long n) { return civil_from_days(to_days(d) + n); }

Date add_months(const Date &d, int n) {
  int index = d.year * 12 + (d.month - 1) + n;
  return make(index / 12, index % 12 + 1);
}

// A month (and day) without a year: the most recent one on or before the
// reference, or the next one after it when the sentence speaks of the future.
Date year_for(int month, int day, const Date &ref, bool future) {
  int ref_day = ref.precision == Precision::day ? ref.day : 1;
  int ref_month = std::max(ref.month, 1);
  bool after = month > ref_month || (month == ref_month && day > ref_day);
  bool before = month < ref_month || (month == ref_month && day < ref_day);
  if (!day) before = month<ref_month, after = month> ref_month;
  int year = ref.year;
  if (future && !after && (before || day)) year += before ? 1 : 0;
  if (!future && after) year -= 1;
  if (day && day > days_in_month(year, month)) return Date::unknown();
  return make(year, month, day);
}

bool future_word(const std::vector<Token> &t, std::size_t i) {
  std::string_view w = t[i].lower;
  static const WordSet cues = {"will",      "would",    "upcoming", "scheduled", "tomorrow", "plans", "planned",
                               "expects",   "expected", "intends",  "shall",     "due",      "until", "next",
                               "vowed",     "vows",     "pledged",  "promised",  "faces",    "face",  "ahead",
                               "preparing", "prepare",  "aims",     "intend"};
  if (cues.count(w)) return true;
  if (std::string_view(w) == "set" && i + 1 < t.size() && std::string_view(t[i + 1].lower) == "to")
    return true; // "is set to visit"
  auto ends_with = [&](std::string_view suffix) {
    return w.size() > suffix.size() && w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return w.size() > 3 && (ends_with("'ll") || ends_with("\xE2\x80\x99ll")); // "we'll"
}

// A relative clause ("a deal on Monday in a transaction that will shift")
// has a tense of its own.
bool clause_boundary(const Token &t) {
  if (!t.word) {
    std::string_view m = t.text;
    return m == "," || m == ";" || m == ":" || m == "." || m == "?" || m == "!" || m == "\xE2\x80\x9C" ||
           m == "\xE2\x80\x9D";
  }
  std::string_view w = t.lower;
  return w == "and" || w == "but" || w == "that" || w == "which" || w == "who";
}

// A verb in the past: "was", "had", "won", "collapsed".
bool past_word(const std::vector<Token> &t, std::size_t i) {
  std::string_view w = t[i].lower;
  static const WordSet cues = {"was",  "were", "had",   "did",  "ago",  "last", "previous", "earlier", "won",  "lost",
                               "said", "told", "began", "came", "went", "took", "made",     "got",     "left", "held"};
  if (cues.count(w)) return true;
  return w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0 &&
         !std::isupper(static_cast<unsigned char>(t[i].text[0]));
}

// Whether the clause around each token has a cue word other than the token
// itself: "the recount would begin on Monday" speaks of what is to come, but
// not "I won on Tuesday, and I will". One pass: count the cues of each clause.
std::vector<bool> clauses_with(const std::vector<Token> &t, const std::vector<bool> &boundary,
                               bool (*cue)(const std::vector<Token> &, std::size_t)) {
  std::vector<bool> out(t.size(), false), is_cue(t.size(), false);
  std::size_t from = 0;
  while (from < t.size()) {
    std::size_t to = from;
    int cues = 0;
    for (; to < t.size() && !boundary[to]; ++to) {
      is_cue[to] = cue(t, to);
      cues += is_cue[to] ? 1 : 0;
    }
    for (std::size_t k = from; k < to; ++k) out[k] = cues - (is_cue[k] ? 1 : 0) > 0;
    from = to + 1;
  }
  return out;
}

// Words a date expression can start with; every other token is skipped at once.
bool may_start_date(const Token &t) {
  static const WordSet starts = [] {
    WordSet words = {"yesterday", "today",   "tomorrow",  "tonight",  "last",   "this",     "next",  "past",
                     "coming",    "earlier", "later",     "early",    "late",   "the",      "a",     "an",
                     "more",      "less",    "nearly",    "almost",   "about",  "around",   "some",  "on",
                     "monday",    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    for (const auto &month : months()) words.insert(month.first);
    for (const auto &number : number_words()) words.insert(number.first);
    return words;
  }();
  if (t.number || (!t.lower.empty() && t.lower[0] >= '0' && t.lower[0] <= '9')) return true;
  return starts.count(t.lower) > 0; // with the months and the number words
}

class DateFinder {
  // "10:29", "3,700", "a.m": a mark with no space on either side is inside
  // a word or a figure; "laws." before a closing '"' still ends a clause.
  bool glued(std::size_t i) const {
    return i > 0 && i + 1 < t_.size() && t_[i - 1].end == t_[i].begin && t_[i].end == t_[i + 1].begin &&
           t_[i - 1].word && t_[i + 1].word;
  }

public:
  DateFinder(std::string_view text, const std::vector<Token> &tokens, const std::optional<Date> &reference)
      : text_(text), t_(tokens) {
    if (reference && reference->known()) ref_ = *reference;
  }

  std::vector<FoundDate> run() {
    std::vector<bool> boundary(t_.size());
    for (std::size_t i = 0; i < t_.size(); ++i) boundary[i] = clause_boundary(t_[i]) && !glued(i);
    std::vector<bool> future = clauses_with(t_, boundary, future_word), past = clauses_with(t_, boundary, past_word);
    for (std::size_t i = 0; i < t_.size();) {
      if (!t_[i].word || !may_start_date(t_[i])) {
        ++i;
        continue;
      }
      future_ = future[i];
      past_ = past[i];
      std::size_t used = match(i);
      i += used ? used : 1;
    }
    return std::move(found_);
  }

private:
  bool word(std::size_t i, std::string_view w) const { return i < t_.size() && t_[i].lower == w; }
  bool is_year(std::size_t i) const {
    if (i >= t_.size() || !t_[i].number || t_[i].text.size() != 4) return false;
    int y = std::atoi(t_[i].text.c_str());
    return y >= 1000 && y <= 2199;
  }
  int day_at(std::size_t i) const {
    if (i >= t_.size()) return 0;
    std::string digits = t_[i].lower;
    for (const char *suffix : {"st", "nd", "rd", "th"}) {
      if (digits.size() > 2 && digits.compare(digits.size() - 2, 2, suffix) == 0) digits.resize(digits.size() - 2);
    }
    if (digits.empty() || digits.size() > 2 || !std::all_of(digits.begin(), digits.end(), ::isdigit)) return 0;
    int d = std::atoi(digits.c_str());
    return d >= 1 && d <= 31 ? d : 0;
  }
  bool comma(std::size_t i) const { return i < t_.size() && t_[i].text == ","; }
  bool sentence_start(std::size_t i) const {
    return i == 0 || t_[i - 1].text == "." || t_[i - 1].text == "\xE2\x80\x9C" || t_[i - 1].text == "\"" ||
           t_[i - 1].text == "\n";
  }
  int month_at(std::size_t i) const {
    if (i >= t_.size() || !t_[i].capitalized) return 0;
    return month_of(t_[i].lower);
  }

  void add(std::size_t first, std::size_t last, Date date) {
    FoundDate f;
    f.begin = t_[first].begin;
    f.end = t_[last].end;
    f.text = std::string(text_.substr(f.begin, f.end - f.begin));
    f.date = date;
    if (date.precision == Precision::day && !date.approximate) anchor_ = date;
    found_.push_back(std::move(f));
  }

  // Tries every pattern at token i; returns the tokens consumed (0: none).
  std::size_t match(std::size_t i) {
    if (std::size_t n = absolute(i)) return n;
    if (std::size_t n = relative_named(i)) return n;
    if (std::size_t n = weekday(i)) return n;
    if (std::size_t n = offset_from_anchor(i)) return n;
    if (std::size_t n = ago(i)) return n;
    if (std::size_t n = season(i)) return n;
    if (is_year(i) && plain_year_context(i)) {
      add(i, i, make(std::atoi(t_[i].text.c_str())));
      return 1;
    }
    return 0;
  }

  // "in 2013-14", "the 2022/23 fiscal year": a season or a year across two
  // calendar years is dated by the year it ends in, approximately (a season
  // decided in spring: promotion "in 2013-14" came in 2014).
  std::size_t season(std::size_t i) {
    std::string_view w = t_[i].text;
    std::size_t used = 1;
    int first = 0, second = -1;
    if (w.size() == 7 && w[4] == '-' && !t_[i].number) { // one token: "2013-14"
      first = std::atoi(std::string(w.substr(0, 4)).c_str());
      second = std::atoi(std::string(w.substr(5)).c_str());
      bool digits = std::all_of(w.begin(), w.begin() + 4, ::isdigit) && std::all_of(w.begin() + 5, w.end(), ::isdigit);
      if (!digits) return 0;
    } else if (is_year(i) && i + 2 < t_.size() && (t_[i + 1].text == "/" || t_[i + 1].text == "\xE2\x80\x93") &&
               t_[i + 2].number && t_[i + 2].text.size() == 2 && t_[i + 1].begin == t_[i].end &&
               t_[i + 2].begin == t_[i + 1].end) { // "2022/23", "2013–14"
      first = std::atoi(t_[i].text.c_str());
      second = std::atoi(t_[i + 2].text.c_str());
      used = 3;
    }
    if (first < 1000 || first > 2199 || second != (first + 1) % 100) return 0;
    Date d = make(first + 1);
    d.approximate = true;
    add(i, i + used - 1, d);
    return used;
  }

  bool plain_year_context(std::size_t i) const {
    bool before_money =
        i > 0 && (t_[i - 1].text == "$" || t_[i - 1].text == "\xE2\x82\xAC" || t_[i - 1].text == "\xC2\xA3");
    bool after_percent = i + 1 < t_.size() && (t_[i + 1].text == "%" || t_[i + 1].lower == "percent");
    bool in_number = i + 1 < t_.size() && t_[i + 1].text == "," && i + 2 < t_.size() && t_[i + 2].number &&
                     t_[i + 1].end == t_[i + 2].begin;
    return !before_money && !after_percent && !in_number;
  }

  std::size_t absolute(std::size_t i) {
    int month = month_at(i);
    if (month) {
      // "May" is also a verb: only as a date after a preposition or before a day/year.
      bool may = t_[i].lower == "may";
      int day = day_at(i + 1);
      if (day) {
        if (comma(i + 2) && is_year(i + 3)) return finish_day(i, i + 3, std::atoi(t_[i + 3].text.c_str()), month, day);
        if (is_year(i + 2)) return finish_day(i, i + 2, std::atoi(t_[i + 2].text.c_str()), month, day);
        if (ref_) return finish_day(i, i + 1, 0, month, day);
        add(i, i + 1, Date::unknown());
        return 2;
      }
      if (is_year(i + 1)) {
        add(i, i + 1, make(std::atoi(t_[i + 1].text.c_str()), month));
        return 2;
      }
      bool after_preposition =
          i > 0 && (word(i - 1, "in") || word(i - 1, "since") || word(i - 1, "until") || word(i - 1, "by") ||
                    word(i - 1, "from") || word(i - 1, "early") || word(i - 1, "late") || word(i - 1, "mid") ||
                    word(i - 1, "last") || word(i - 1, "next") || word(i - 1, "this") || word(i - 1, "of") ||
                    word(i - 1, "through"));
      if (may && !after_preposition) return 0;
      std::size_t first = i;
      bool last = i > 0 && word(i - 1, "last"), next = i > 0 && word(i - 1, "next");
      if (last || next) first = i - 1;
      if (!ref_) {
        add(first, i, Date::unknown());
        return 1;
      }
      // With no tense either way, a month just ahead is the coming one: news
      // says "last June" for a month nine months back, "in June" for the next.
      int ahead = month - ref_->month;
      bool coming = !future_ && !past_ && !last && ahead > 0 && ahead <= 3;
      Date d = year_for(month, 0, *ref_, future_ || next || coming);
      if (last && d.year * 12 + d.month >= ref_->year * 12 + ref_->month) d = make(d.year - 1, d.month);
      if (next && d.year * 12 + d.month <= ref_->year * 12 + ref_->month) d = make(d.year + 1, d.month);
      add(first, i, d);
      return 1;
    }
    // "3 September 2024", "on 4 May"
    int day = day_at(i);
    if (day && (month = month_at(i + 1)) != 0) {
      if (is_year(i + 2)) return finish_day(i, i + 2, std::atoi(t_[i + 2].text.c_str()), month, day);
      if (ref_) return finish_day(i, i + 1, 0, month, day);
      add(i, i + 1, Date::unknown());
      return 2;
    }
    return 0;
  }

  std::size_t finish_day(std::size_t first, std::size_t last, int year, int month, int day) {
    Date d;
    if (year) {
      if (day > days_in_month(year, month)) return 0;
      d = make(year, month, day);
    } else { // as for a month alone: "comes into force on April 11", said in March, is this April
      int ahead = month - ref_->month;
      bool later = ahead > 0 || (ahead == 0 && ref_->precision == Precision::day && day > ref_->day);
      bool coming = !future_ && !past_ && later && ahead <= 3;
      d = year_for(month, day, *ref_, future_ || coming);
    }
    add(first, last, d);
    return last - first + 1;
  }

  // Vague periods at their precision: "this morning" and "last night" are
  // days, "(over) the weekend" is its Saturday (approximately), "this
  // fiscal year" is a year.
  std::size_t vague_period(std::size_t i) {
    std::string_view w = t_[i].lower;
    bool lead = w == "this" || w == "last" || w == "next" || w == "the";
    if (!lead || i + 1 >= t_.size()) return 0;
    std::string_view unit = t_[i + 1].lower;
    if (w != "the" && (unit == "morning" || unit == "afternoon" || unit == "evening" || unit == "night")) {
      if (w == "next") return 0;
      long shift = w == "last" ? -1 : 0;
      if (w == "last" && unit == "night") shift = -1;
      add(i, i + 1, ref_ ? add_days(day_ref(), shift) : Date::unknown());
      return 2;
    }
    if (unit == "weekend") {
      if (!ref_) {
        add(i, i + 1, Date::unknown());
        return 2;
      }
      Date r = day_ref();
      int today = day_of_week(r.year, r.month, r.day);
      long back = (today - 6 + 7) % 7; // days since the last Saturday (0 on a Saturday)
      long delta = w == "next" || (future_ && w != "last") ? (6 - today + 7) % 7 : -back;
      Date d = add_days(r, delta);
      d.approximate = true;
      add(i, i + 1, d);
      return 2;
    }
    bool fiscal = (unit == "fiscal" || unit == "financial") && word(i + 2, "year") && w != "the";
    if (!fiscal) return 0;
    add(i, i + 2, ref_ ? make(ref_->year + (w == "last" ? -1 : w == "next" ? 1 : 0)) : Date::unknown());
    return 3;
  }

  // yesterday / today / tomorrow; last|this|next week|month|year;
  // earlier|later this week|month|year.
  std::size_t relative_named(std::size_t i) {
    std::string_view w = t_[i].lower;
    // "Today, they have reached..." means nowadays; "Pharma Today" is a name.
    bool nowadays = w == "today" && t_[i].capitalized &&
                    (i + 1 >= t_.size() || t_[i + 1].text == "," || sentence_start(i) == false);
    if (nowadays) return 1;
    if (w == "the" && word(i + 1, "end") && word(i + 2, "of") && word(i + 3, "the") &&
        (word(i + 4, "month") || word(i + 4, "year"))) {
      add(i, i + 4,
          !ref_                 ? Date::unknown()
          : word(i + 4, "year") ? make(ref_->year)
                                : make(ref_->year, std::max(ref_->month, 1)));
      return 5;
    }
    if (std::size_t used = vague_period(i)) return used;
    // "earlier in the day", "later in the day": the reference day.
    if ((w == "earlier" || w == "later") && word(i + 1, "in") && word(i + 2, "the") && word(i + 3, "day")) {
      add(i, i + 3, ref_ ? day_ref() : Date::unknown());
      return 4;
    }
    if (w == "yesterday" || w == "today" || w == "tomorrow" || w == "tonight") {
      long shift = w == "yesterday" ? -1 : w == "tomorrow" ? 1 : 0;
      add(i, i, ref_ ? add_days(day_ref(), shift) : Date::unknown());
      return 1;
    }
    std::size_t first = i, at = i;
    if ((w == "earlier" || w == "later" || w == "early" || w == "late") && word(i + 1, "this")) at = i + 1;
    std::string_view lead = t_[at].lower;
    if (lead != "last" && lead != "this" && lead != "next" && lead != "past" && lead != "coming") return 0;
    if (at + 1 >= t_.size()) return 0;
    std::string_view unit = t_[at + 1].lower;
    if (unit != "week" && unit != "month" && unit != "year") return 0;
    int step = lead == "last" || lead == "past" ? -1 : lead == "next" || lead == "coming" ? 1 : 0;
    if (!ref_) {
      add(first, at + 1, Date::unknown());
      return at + 2 - first;
    }
    Date d;
    if (unit == "year") {
      d = make(ref_->year + step);
    } else if (unit == "month") {
      d = add_months(make(ref_->year, std::max(ref_->month, 1)), step);
    } else {
      Date r = day_ref();
      int from_monday = (day_of_week(r.year, r.month, r.day) + 6) % 7;
      d = add_days(r, -from_monday + 7L * step);
      d.approximate = true; // a week is a span: its Monday, approximately
    }
    add(first, at + 1, d);
    return at + 2 - first;
  }

  Date day_ref() const {
    if (ref_->precision == Precision::day) return *ref_;
    return make(ref_->year, std::max(ref_->month, 1), 1);
  }

  // [last|next|this|on|late|early] Monday [morning|evening|night]
  std::size_t weekday(std::size_t i) {
    const std::size_t start = i;
    int wd = weekday_of(t_[i].lower);
    std::size_t first = i;
    int direction = future_ ? 1 : -1;
    bool strict = false;
    if (wd < 0) {
      std::string_view w = t_[i].lower;
      if ((w == "last" || w == "next" || w == "this" || w == "on" || w == "late" || w == "early") &&
          i + 1 < t_.size() && (wd = weekday_of(t_[i + 1].lower)) >= 0 && t_[i + 1].capitalized) {
        if (w == "last") direction = -1, strict = true;
        if (w == "next") direction = 1, strict = true;
        first = (w == "on") ? i + 1 : i;
        i += 1;
      } else {
        return 0;
      }
    } else if (!t_[i].capitalized) {
      return 0;
    }
    std::size_t last = i;
    if (i + 1 < t_.size()) {
      std::string_view part = t_[i + 1].lower;
      if (part == "morning" || part == "afternoon" || part == "evening" || part == "night") last = i + 1;
    }
    if (!ref_) {
      add(first, last, Date::unknown());
      return last + 1 - start;
    }
    Date r = day_ref();
    int today = day_of_week(r.year, r.month, r.day);
    long delta = direction < 0 ? -((today - wd + 7) % 7) : (wd - today + 7) % 7;
    if ((strict || direction > 0) && delta == 0) delta = 7L * direction; // "next Tuesday" on a Tuesday
    add(first, last, add_days(r, delta));
    return last + 1 - start;
  }

  // "a day before", "the day after", "two days later", "the next day".
  std::size_t offset_from_anchor(std::size_t i) {
    std::size_t at = i;
    long n = -1;
    if (word(i, "the") && (word(i + 1, "next") || word(i + 1, "following")) && word(i + 2, "day")) {
      return resolve_offset(i, i + 2, 1);
    }
    if (word(i, "the") && word(i + 1, "day") && (word(i + 2, "before") || word(i + 2, "after"))) {
      if (names_event(i + 3) && !anchor_) return 3;
      return resolve_offset(i, i + 2, word(i + 2, "before") ? -1 : 1);
    }
    n = number_word(t_[at].lower);
    if (n <= 0 || at + 2 >= t_.size()) return 0;
    std::string_view unit = t_[at + 1].lower;
    if (unit != "day" && unit != "days") return 0;
    std::string_view dir = t_[at + 2].lower;
    if (dir != "before" && dir != "after" && dir != "later" && dir != "earlier") return 0;
    if ((dir == "before" || dir == "after") && names_event(at + 3) && !anchor_) return 3;
    return resolve_offset(i, at + 2, dir == "before" || dir == "earlier" ? -n : n);
  }

  // "two days after the attack", "the day before his arrest": counted from
  // an event the words name. When a date was said before ("raided on March
  // 14 … a day before the raid"), that is the event's; with none, the words
  // give no date, and the article's own is not the event's.
  bool names_event(std::size_t k) const {
    static const WordSet determiners = {"the", "a", "an", "his", "her", "their", "its", "this", "that"};
    if (k + 1 >= t_.size() || !determiners.count(t_[k].lower)) return false;
    std::string_view next = t_[k + 1].lower;
    return !month_of(std::string(next)) && weekday_of(next) < 0 && next != "weekend" && next != "day" && next != "end";
  }

  std::size_t resolve_offset(std::size_t first, std::size_t last, long days) {
    std::optional<Date> from = anchor_ ? anchor_ : (ref_ ? std::optional<Date>(day_ref()) : std::nullopt);
    add(first, last, from ? add_days(*from, days) : Date::unknown());
    return last + 1 - first;
  }

  // "two years ago", "a month ago", "more than 10 years ago" (approximate).
  std::size_t ago(std::size_t i) {
    std::size_t first = i, at = i;
    bool fuzzy = false;
    if ((word(i, "more") || word(i, "less")) && word(i + 1, "than"))
      at = i + 2, fuzzy = true;
    else if (word(i, "nearly") || word(i, "almost") || word(i, "about") || word(i, "around") || word(i, "some"))
      at = i + 1, fuzzy = true;
    if (at + 2 >= t_.size()) return 0;
    long n = number_word(t_[at].lower);
    std::string_view unit = t_[at + 1].lower;
    if (n <= 0 || !word(at + 2, "ago")) return 0;
    if (!ref_) {
      add(first, at + 2, Date::unknown());
      return at + 3 - first;
    }
    Date d;
    if (unit == "year" || unit == "years")
      d = make(ref_->year - static_cast<int>(n));
    else if (unit == "month" || unit == "months")
      d = add_months(make(ref_->year, std::max(ref_->month, 1)), -static_cast<int>(n));
    else if (unit == "day" || unit == "days")
      d = add_days(day_ref(), -n);
    else if (unit == "week" || unit == "weeks")
      d = add_days(day_ref(), -7 * n), d.approximate = true;
    else
      return 0;
    d.approximate = d.approximate || fuzzy;
    add(first, at + 2, d);
    return at + 3 - first;
  }

  std::string_view text_;
  const std::vector<Token> &t_;
  std::optional<Date> ref_;
  std::optional<Date> anchor_;
  std::vector<FoundDate> found_;
  bool future_ = false, past_ = false;
};

} // namespace

std::vector<FoundDate> find_dates(std::string_view text, const std::optional<Date> &reference) {
  std::vector<Token> tokens = detail::tokenize(text);
  return DateFinder(text, tokens, reference).run();
}

namespace detail {

bool starts_after(const Date &d, const Date &reference) {
  if (!d.known() || !reference.known()) return false;
  long first =
      days_from_civil(d.year, d.precision == Precision::year ? 1 : d.month, d.precision == Precision::day ? d.day : 1);
  int last_month = reference.precision == Precision::year ? 12 : reference.month;
  long last = days_from_civil(reference.year, last_month,
                              reference.precision == Precision::day ? reference.day
                                                                    : days_in_month(reference.year, last_month));
  return first > last;
}

std::vector<FoundDate> find_dates_in(std::string_view text, const std::vector<Token> &tokens,
                                     const std::optional<Date> &reference) {
  return DateFinder(text, tokens, reference).run();
}

} // namespace detail

} // namespace factcard
