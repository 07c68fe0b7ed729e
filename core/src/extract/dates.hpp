// Dates (dates.cpp): find_dates (factcard/extract.hpp) over tokens the
// caller has already made of the text.
#pragma once

#include "factcard/extract.hpp"

#include "tokens.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace factcard {
namespace detail {

// `tokens` are tokenize(text).
std::vector<FoundDate> find_dates_in(std::string_view text, const std::vector<Token> &tokens,
                                     const std::optional<Date> &reference);

// Whether all of `d` comes after all of `reference`, each at its precision:
// "June 2022" after "2022-04-24", not "April 2022" nor "2022".
bool starts_after(const Date &d, const Date &reference);

} // namespace detail
} // namespace factcard
