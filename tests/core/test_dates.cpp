#include "factcard/date.hpp"

#include <catch2/catch.hpp>

using namespace factcard;

TEST_CASE("dates keep the precision they are written with") {
  REQUIRE(parse_date("2024")->precision == Precision::year);
  REQUIRE(parse_date("2024-09")->precision == Precision::month);
  REQUIRE(parse_date("2024-09-03")->precision == Precision::day);
  REQUIRE(parse_date("~2024-09")->approximate);
  REQUIRE_FALSE(parse_date("unknown")->known());
  CHECK(parse_date("2024-09-03")->to_string() == "2024-09-03");
  CHECK(parse_date("~2024")->to_string() == "~2024");
}

TEST_CASE("malformed dates are rejected") {
  for (const char *bad : {"", "24", "2024-9", "2024-13", "2024-00", "2023-02-29", "2024-09-31", "2024-09-03T10:00",
                          "2024/09/03", "~", "~~2024", "September 2024", "-2024", "20245"}) {
    INFO(bad);
    CHECK_FALSE(parse_date(bad).has_value());
  }
  CHECK(parse_date("2024-02-29").has_value()); // leap year
}

TEST_CASE("comparison respects precision") {
  auto agree = [](const char *a, const char *b) { return dates_agree(*parse_date(a), *parse_date(b)); };
  CHECK(agree("2024-09", "2024-09-03"));
  CHECK(agree("2024", "2024-09-03"));
  CHECK_FALSE(agree("2023", "2024"));
  CHECK_FALSE(agree("2024-09-02", "2024-09-03"));
  CHECK_FALSE(agree("2024-08", "2024-09-03"));
  CHECK(agree("unknown", "1939"));
  CHECK(agree("~2023", "2024"));
  CHECK_FALSE(agree("~2022", "2024"));
  CHECK(agree("~2024-09-02", "2024-09-03"));
  CHECK(agree("~2024-12-31", "2025-01-01")); // across a year boundary
}

TEST_CASE("an 'on or before' date is a bound, not an approximation") {
  std::optional<Date> by = parse_date("..2024-09-02");
  REQUIRE(by);
  CHECK(by->on_or_before);
  CHECK_FALSE(by->approximate);
  CHECK(by->precision == Precision::day);
  CHECK(by->to_string() == "..2024-09-02");
  for (const char *bad : {"..", "...2024", "..~2024", "~..2024", "..2024-02-30"}) {
    INFO(bad);
    CHECK_FALSE(parse_date(bad).has_value());
  }
  auto agree = [](const char *a, const char *b) { return dates_agree(*parse_date(a), *parse_date(b)); };
  CHECK(agree("..2024-09-02", "2024-09-02"));
  CHECK(agree("..2024-09-02", "2024-08"));
  CHECK(agree("2024-09", "..2024-09-02")); // the same month
  CHECK_FALSE(agree("..2024-09-02", "2024-09-03"));
  CHECK_FALSE(agree("2025", "..2024-09-02"));
  CHECK(agree("..2024-09-02", "..2020"));
}

TEST_CASE("calendar helpers") {
  CHECK(day_of_week(2024, 9, 2) == 1);  // a Monday
  CHECK(day_of_week(2024, 8, 30) == 5); // a Friday
  CHECK(days_in_month(2024, 2) == 29);
  CHECK(days_in_month(1900, 2) == 28);
}
