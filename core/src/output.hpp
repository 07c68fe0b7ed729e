// Pieces of the bundle that `factcard build` streams (publish.cpp) and
// cards.cpp writes whole.
#pragma once

#include "factcard/cards.hpp"

#include <string>
#include <vector>

namespace factcard {
namespace detail {

// The compact bundle's text up to the '[' that opens its "cards" array
// (the rest: the cards' compact dumps separated by ',', then "]}").
std::string bundle_head(const Story &story, const std::vector<Card> &cards);

// A card's bundle form; the card's text is moved into it.
Json bundle_card_taking(const Story &story, Card &card);

} // namespace detail
} // namespace factcard
