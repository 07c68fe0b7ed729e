// The few word lists the extractor leans on: speech verbs, titles, role
// nouns, organisation and place words, and capitalised words that are not
// names. Small on purpose: context does the rest.
#pragma once

#include <string>

namespace factcard {
namespace detail {

bool is_speech_verb(const std::string &lower); // said, told, warned, ...
bool is_title_word(const std::string &lower);  // president, minister, spokesman, ...
bool is_role_noun(const std::string &lower);   // director, expert, fellow, ...
bool is_org_word(const std::string &lower);    // court, ministry, union, ...
bool is_place_word(const std::string &lower);  // square, river, lake, ...
bool is_known_org(const std::string &lower);   // kremlin, icc, nato, ...
bool is_known_place(const std::string &lower); // countries and capitals
bool is_conjunction(const std::string &lower); // "but", "and", "however": may open a sentence before its subject
bool is_us_state(const std::string &lower);    // "calif", "texas": "San Jose, Calif." is a place
bool is_not_name(const std::string &lower);    // the, however, monday, march, ...
bool is_nationality(const std::string &lower); // russian, mongolian, ...
bool is_pronoun(const std::string &lower);     // he, she
bool is_chrome_line(const std::string &lower); // "search", "leave a comment", ...
bool is_footer_line(const std::string &lower); // after it, the page is chrome

// Clauses and claims.
bool is_auxiliary(const std::string &lower);      // is, was, has, will, would, ...
bool is_irregular_past(const std::string &lower); // won, beat, struck, sold, ...
bool is_not_verb(const std::string &lower);       // words ending in -ed/-s that are no verbs
bool is_subordinator(const std::string &lower);   // after, which, because, ...
bool is_preposition(const std::string &lower);    // of, in, for, ...
bool is_stopword(const std::string &lower);       // words that say nothing of a fact's content
bool is_actor_noun(const std::string &lower);     // police, officials, company, jury, ...

// Merging: the one sense that paraphrases share, "=" for an action
// ("convicted" and "guilty" are "=guilty"), "#" for a thing ("jurors" and
// "jury" are "#jury"), or "" for a word in no class (lexicon_senses.cpp).
std::string news_sense(const std::string &lower);
// "not", "never", "refused" deny the words after them; "acquitted" is
// itself the denial of "guilty" (its sense).
enum class Negation { none, following, itself };
Negation negation_of(const std::string &lower);
std::string possessive_stripped(const std::string &word); // "Putin's" -> "Putin"
bool is_month_name(const std::string &lower);             // "may", "sept": "May 30" is a day, not an amount

} // namespace detail
} // namespace factcard
