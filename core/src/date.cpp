#include "factcard/date.hpp"

#include <cstdlib>

namespace factcard {
namespace {

bool read_digits(std::string_view text, std::size_t at, std::size_t count, int &out) {
  if (at + count > text.size()) return false;
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    char c = text[i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  out = value;
  return true;
}

std::string pad(int value, int width) {
  std::string digits = std::to_string(value);
  return std::string(digits.size() < static_cast<std::size_t>(width) ? width - digits.size() : 0, '0') + digits;
}

// The date as a count of units of the given precision, to measure distance.
long ordinal(const Date &d, Precision p) {
  switch (p) {
  case Precision::year:
    return d.year;
  case Precision::month:
    return d.year * 12L + (d.month - 1);
  case Precision::day:
    return days_from_civil(d.year, d.month, d.day);
  case Precision::unknown:
    break;
  }
  return 0;
}

} // namespace

// Howard Hinnant's algorithms for the proleptic Gregorian calendar.
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  Date d;
  d.precision = Precision::day;
  d.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  d.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  d.year = static_cast<int>(yoe + era * 400 + (d.month <= 2));
  return d;
}

int days_in_month(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2) {
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return days[month - 1];
}

int day_of_week(int year, int month, int day) {
  long days = days_from_civil(year, month, day);
  return static_cast<int>(((days % 7) + 11) % 7); // 1970-01-01 was a Thursday
}

std::optional<Date> parse_date(std::string_view text) {
  if (text == "unknown") return Date::unknown();
  Date date;
  if (!text.empty() && text[0] == '~') {
    date.approximate = true;
    text.remove_prefix(1);
  } else if (text.size() > 2 && text.compare(0, 2, "..") == 0) {
    date.on_or_before = true;
    text.remove_prefix(2);
  }
  if (!read_digits(text, 0, 4, date.year)) return std::nullopt;
  date.precision = Precision::year;
  if (text.size() == 4) return date;
  if (text.size() < 7 || text[4] != '-' || !read_digits(text, 5, 2, date.month)) return std::nullopt;
  if (date.month < 1 || date.month > 12) return std::nullopt;
  date.precision = Precision::month;
  if (text.size() == 7) return date;
  if (text.size() != 10 || text[7] != '-' || !read_digits(text, 8, 2, date.day)) return std::nullopt;
  if (date.day < 1 || date.day > days_in_month(date.year, date.month)) return std::nullopt;
  date.precision = Precision::day;
  return date;
}

std::string Date::to_string() const {
  if (!known()) return "unknown";
  std::string out = approximate ? "~" : on_or_before ? ".." : "";
  out += pad(year, 4);
  if (precision >= Precision::month) out += '-' + pad(month, 2);
  if (precision == Precision::day) out += '-' + pad(day, 2);
  return out;
}

bool operator==(const Date &a, const Date &b) { return a.to_string() == b.to_string(); }

bool dates_agree(const Date &a, const Date &b) {
  if (!a.known() || !b.known()) return true;
  Precision p = a.precision < b.precision ? a.precision : b.precision;
  if (a.on_or_before && b.on_or_before) return true;
  if (a.on_or_before || b.on_or_before) { // the other date must not be later
    const Date &bound = a.on_or_before ? a : b, &other = a.on_or_before ? b : a;
    long slack = other.approximate ? 1 : 0;
    return ordinal(other, p) - slack <= ordinal(bound, p);
  }
  long distance = std::labs(ordinal(a, p) - ordinal(b, p));
  long tolerance = (a.approximate || b.approximate) ? 1 : 0;
  return distance <= tolerance;
}

} // namespace factcard
