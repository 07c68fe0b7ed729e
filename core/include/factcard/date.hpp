// Dates that keep their precision: "2024" is a year, "2024-09" a month,
// "2024-09-03" a day; "~2024" is approximate; "..2024-09-02" is on or before
// that day (a quote dated by the article that reports it); "unknown" is
// unknown.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace factcard {

enum class Precision { unknown, year, month, day };

struct Date {
  Precision precision = Precision::unknown;
  bool approximate = false;
  bool on_or_before = false; // "..2024-09-02": at the latest then
  int year = 0;
  int month = 0; // 1..12 when precision >= month
  int day = 0;   // 1..31 when precision == day

  static Date unknown() { return {}; }
  bool known() const { return precision != Precision::unknown; }

  // Canonical ISO text: "2024-09", "~2024", "..2024-09-02", "unknown".
  std::string to_string() const;
  friend bool operator==(const Date &a, const Date &b);
};

// Parses the canonical text; std::nullopt when it is not a valid date
// (bad shape, month 13, 31 February...).
std::optional<Date> parse_date(std::string_view text);

// True when the two dates can describe the same moment: equal at the coarser
// precision; an approximate date tolerates one unit; "on or before" agrees
// with every date up to its own; unknown agrees with all.
bool dates_agree(const Date &a, const Date &b);

// Days since 1970-01-01 of a valid day, and back (a day-precision Date): the
// calendar arithmetic that relative dates ("three days later") need.
long days_from_civil(int year, int month, int day);
Date civil_from_days(long days);

// Day of week for a valid day (0 = Sunday).
int day_of_week(int year, int month, int day);
int days_in_month(int year, int month);

} // namespace factcard
