// The pieces of the bundle that write_build (publish.cpp) streams.
#pragma once

#include "factcard/cards.hpp"

#include <string>
#include <vector>

namespace factcard {
namespace detail {

// The bundle's members before "cards": its format, the story's info, and
// the entities and sources the cards use, in story order.
Json bundle_frame(const Story &story, const std::vector<Card> &cards);

// As bundle_frame, for the few cards of a card page's inline bundle.
Json bundle_frame_of(const Story &story, const std::vector<const Card *> &cards);

// A card's bundle form; the card's text is moved into it.
Json bundle_card_taking(const Story &story, Card &card);
// The same, copied.
Json bundle_card(const Story &story, const Card &card);

} // namespace detail
} // namespace factcard
