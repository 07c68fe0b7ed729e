// The few word lists the extractor leans on: speech verbs, titles, role
// nouns, organisation and place words, and capitalised words that are not
// names. Small on purpose: context does the rest.
#pragma once

#include <string>
#include <string_view>

namespace factcard {
namespace detail {

bool is_speech_verb(std::string_view lower);    // said, told, warned, ...
bool is_title_word(std::string_view lower);     // president, minister, spokesman, ...
bool is_courtesy_title(std::string_view lower); // mr, mrs, ms, miss: a title that is no role
bool is_role_noun(std::string_view lower);      // director, expert, fellow, ...
bool is_org_word(std::string_view lower);       // court, ministry, union, ...
bool is_document_noun(std::string_view lower);  // statement, release: "the statement said", "a press release"
bool is_holding_noun(std::string_view lower);   // shares, profits: "Shares of Twitter rose": Twitter's figure
bool is_sub_body_word(std::string_view lower);  // board, directors, committee: "Twitter Board" is part of Twitter
bool is_place_word(std::string_view lower);     // square, river, lake, ...
bool is_known_org(std::string_view lower);      // kremlin, icc, nato, ...
bool is_known_place(std::string_view lower);    // countries and capitals
bool is_conjunction(std::string_view lower);    // "but", "and", "however": may open a sentence before its subject
bool is_us_state(std::string_view lower);       // "calif", "n.y.", "ohio": after "Town," it makes Town a place
bool is_not_name(std::string_view lower);       // the, however, monday, march, ...
bool is_nationality(std::string_view lower);    // russian, mongolian, ...
bool is_pronoun(std::string_view lower);        // he, she
bool is_chrome_line(std::string_view lower);    // "search", "leave a comment", ...
bool is_footer_line(std::string_view lower);    // after it, the page is chrome

// Clauses and claims.
bool is_auxiliary(std::string_view lower);        // is, was, has, will, would, ...
bool is_irregular_past(std::string_view lower);   // won, beat, struck, sold, ...
bool is_not_verb(std::string_view lower);         // words ending in -ed/-s that are no verbs
bool is_plural_present(std::string_view lower);   // believe, expect, fear: "Ministers believe"
bool is_subordinator(std::string_view lower);     // after, which, because, ...
bool is_partitive(std::string_view lower);        // "dozens", "group": the head of "dozens of people" is "people"
bool is_preposition(std::string_view lower);      // of, in, for, ...
bool is_stopword(std::string_view lower);         // words that say nothing of a fact's content
bool is_actor_noun(std::string_view lower);       // police, officials, company, jury, ...
bool is_sentence_adverb(std::string_view lower);  // however, meanwhile, earlier: "Earlier in the day, the jury ..."
bool is_clause_qualifier(std::string_view lower); // shortly, just, even: "shortly after ...", "even as ..."
bool is_speech_noun(std::string_view lower);      // warning, claim, remark: "Vogt's warning that ... “…”"

// Merging: the one sense that paraphrases share, "=" for an action
// ("convicted" and "guilty" are "=guilty"), "#" for a thing ("jurors" and
// "jury" are "#jury"), or "" for a word in no class (lexicon_senses.cpp).
std::string news_sense(const std::string &lower);
// "not", "never", "refused" deny the words after them; "acquitted" is
// itself the denial of "guilty" (its sense).
enum class Negation { none, following, itself };
Negation negation_of(const std::string &lower);
std::string possessive_stripped(const std::string &word); // "Putin's" -> "Putin"
double number_scale(std::string_view lower);              // "billion", "bn" -> 1e9; any other word 1
bool is_month_name(std::string_view lower);               // "may", "sept": "May 30" is a day, not an amount
bool is_plural_people_noun(std::string_view lower);       // "residents", "workers": never a verb in "-s"
bool is_dateline_word(std::string_view lower);
bool is_impersonal_report(std::string_view lower); // "emerged", "understood": "It emerged that …"              //
                                                   // "published", "updated", "gmt", "wed": a page's date line
std::string_view formal_given_name(std::string_view lower); // "bob" -> "robert"; any other word as it is

// Pronouns agree with the people they stand for (lexicon_names.cpp).
enum class Gender { unknown, female, male };
Gender given_name_gender(std::string_view lower);     // "jane": female; a name given to both: unknown
Gender pronoun_gender(std::string_view lower);        // "she", "her": female; "it": unknown
Gender courtesy_title_gender(std::string_view lower); // "ms": female; "mx", "dr": unknown

} // namespace detail
} // namespace factcard
