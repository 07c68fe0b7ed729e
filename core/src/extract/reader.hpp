// ArticleReader reads one article, paragraph by paragraph, into an
// ArticleAnalysis. Its stages live in files named after what they do:
//   article.cpp   run() and read_paragraph(): the order of the stages; the entry points
//   entities.cpp  names to entities (Registry, registry.cpp), with their roles
//   speakers.cpp  who speaks: speech verbs, quotes without one, "he"/"she"
//   descriptions.cpp  speakers named by description: "the ministry", "a source close to the talks"
//   claims.cpp    quotes, reported statements and main clauses as claims; actors; dates
// What one paragraph leaves for the next is in ReaderState, and only there.
#pragma once

#include "factcard/extract.hpp"

#include "clauses.hpp"
#include "lexicon.hpp"
#include "quotes.hpp"
#include "registry.hpp"
#include "tokens.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace factcard {
namespace detail {

// Word helpers every stage uses (entities.cpp).
bool is_possessive(const std::string &word);
std::string join_words(const std::vector<Token> &t, std::size_t first, std::size_t last, std::string_view text);

struct Mention {
  std::size_t first, last; // token range of the name
  std::size_t entity;
};

struct Attribution {
  std::size_t verb;                                    // token index of the speech verb
  std::size_t speaker;                                 // entity
  bool reported = false;                               // "said that", "according to", "…, police said."
  std::size_t trailing = static_cast<std::size_t>(-1); // "…, police said.": the token of its comma
};

// What the reader carries from one paragraph to the next. Entities are
// indices into the registry; npos is "none".
struct ReaderState {
  std::size_t paragraph = 0; // the paragraph being read, counted from 0
  // The last person who spoke or was quoted, and where: "he said" a
  // paragraph later still means them.
  std::size_t last_person = npos;
  std::size_t last_person_paragraph = 0;
  std::size_t last_speaker = npos; // the speaker of the last speech verb, person or not
  std::size_t last_speaker_paragraph = 0;
  std::size_t last_named_person = npos; // the last person named, speaking or not: "he" when no one spoke
  // The last organisation or place that acted in a clause, and where: what
  // "they" or "its shares" stand for in this or the next paragraph.
  std::size_t last_group = npos;
  std::size_t last_group_paragraph = 0;
  // The last thing, not a person, that acted in a clause, named or described
  // ("The quake"), and where: what a sentence's "It" stands for.
  std::size_t last_thing = npos;
  std::size_t last_thing_paragraph = 0;
  // Whoever acted in the last clause, and where: "This was his first visit"
  // goes on with the event that actor just did.
  std::size_t last_actor = npos;
  std::size_t last_actor_paragraph = 0;
  // Who said the last quote, and where: a quote standing alone in the next
  // paragraph goes on with the same speech.
  std::size_t last_quote_speaker = npos;
  std::size_t last_quote_paragraph = 0;
  std::size_t heading_speaker = npos;           // named by the last heading line
  std::size_t credit_speaker = npos;            // named by a credit line right below this paragraph
  std::size_t previous_paragraph_person = npos; // the one person the paragraph before named
  // The person who is the subject of the last sentence of the paragraph
  // before: what a "he" or "she" opening this paragraph stands for.
  std::size_t previous_paragraph_subject = npos;
  // A quote paragraph that runs on with no speaker yet: the news convention
  // names the speaker in the next paragraph, which goes on with the quote.
  std::optional<FoundQuote> running_quote;
  std::size_t spokesperson_of = npos; // who "the spokesperson" speaks for
  // Entities made from descriptions ("the ministry", "The quake"): never
  // what "he" or "they" stand for.
  std::unordered_set<std::size_t> unnamed;
  std::vector<std::size_t> recent; // entities in the order they are named
  // People whose gender a courtesy title gave ("Ms Ardern", "Mr Lynch").
  std::unordered_map<std::size_t, detail::Gender> titled;
};

class ArticleReader {
public:
  explicit ArticleReader(const Article &article) : article_(article) {}

  ArticleAnalysis run();

private:
  // in article.cpp: the paragraph being read
  void read_paragraph(const std::string &text, std::size_t offset, std::vector<Token> tokens);
  bool in_quote(std::size_t byte) const;
  std::size_t last_sentence_subject() const;
  std::size_t sentence_of(std::size_t byte) const;

  // in entities.cpp: credit and heading lines, names in a paragraph to entities with their roles
  std::size_t credit_line(const std::string &line);
  std::size_t heading_person(const std::string &heading);
  bool adjacent(std::size_t a, std::size_t b) const;
  bool name_token(std::size_t i) const;
  void find_mentions();
  bool owns_org(std::size_t next) const;
  bool doubled(std::size_t first, std::size_t last) const;
  bool titles_only(std::size_t first, std::size_t last) const;
  bool org_sequence(std::size_t first, std::size_t last) const;
  void classify(std::size_t first, std::size_t last);
  bool titled_person(std::size_t first, std::size_t last);
  static bool public_body(const std::string &name);
  bool lone_name_speaks(std::size_t token) const;
  bool credited_after_quote(std::size_t token) const;
  bool sentence_initial(std::size_t token) const;
  std::size_t sentence_start(std::size_t token) const;
  std::size_t opening_person(std::size_t sentence) const;
  bool opens_sentence(const Mention &m) const;
  void add_mention(std::size_t first, std::size_t last, std::size_t entity);
  std::optional<std::string> role_before(std::size_t first, std::size_t name_first);
  std::optional<std::string> role_after(std::size_t last);
  std::optional<std::string> role_stated(std::size_t last) const;
  std::optional<std::string> role_framing(std::size_t first, std::size_t last);
  struct Aside {
    enum Kind { none, person, body } kind = none;
    std::size_t next = 0;
  };
  Aside aside_after(std::size_t last) const;
  bool speaker_position(std::size_t last) const;
  const Mention *mention_ending_at(std::size_t token) const;
  const Mention *mention_starting_at(std::size_t token) const;

  // in speakers.cpp: who says each speech verb and each quote; what "he", "she" and
  // descriptions ("the ministry", "the NASA chief") refer to
  std::vector<Attribution> find_attributions();
  bool takes_listener(std::size_t v) const;
  std::size_t words_of(std::size_t v) const;
  std::size_t subject_of_pair(std::size_t v);
  bool naming_verb(std::size_t v) const;
  std::size_t first_person_after(std::size_t v) const;
  std::size_t sentence_subject(std::size_t v) const;
  std::size_t participle_subject(std::size_t v) const;
  bool inverted(std::size_t v) const;
  bool reported(std::size_t v) const;
  std::size_t trailing_attribution(std::size_t v) const;
  void remember_speaker(std::size_t entity);
  std::size_t pronoun_referent(std::size_t token) const;
  std::size_t pronoun_referent(std::size_t token, bool by_gender) const;
  std::string given_name(std::size_t entity) const;
  bool agrees(std::size_t entity, std::size_t token) const;
  detail::Gender gender_of(std::size_t entity) const;
  std::size_t colon_speaker(const Quote &q) const;
  void keep_running_quote(const Quote &q, const std::string &words);
  void finish_running_quote(std::size_t speaker);
  std::size_t speaker_after(std::size_t i);
  std::size_t speaker_before(std::size_t v);
  std::size_t opening_name(std::size_t v) const;
  std::size_t head_of_phrase(const Mention &named) const;

  // in descriptions.cpp: speakers named by a description, and whom each stands for
  std::size_t descriptive_speaker_backward(std::size_t end);
  std::size_t described_with_of(std::size_t end);
  std::size_t descriptive_speaker_forward(std::size_t i);
  std::size_t opening_description(std::size_t v);
  std::size_t post_modified_speaker(std::size_t end);
  bool document_phrase(std::size_t at, bool forward) const;
  bool named_inside(const Quote &q, std::size_t entity) const;
  std::size_t document_author() const;
  static bool is_determiner_word(std::string_view w);
  static bool is_noun_determiner(std::string_view w);
  bool plain_head(std::size_t from, std::size_t end) const;
  static bool speaker_head(std::string_view w);
  static bool qualifier(std::string_view w);
  std::size_t descriptive_entity(std::size_t first, std::size_t last);
  static bool is_head_of_body(const std::string &w);
  std::size_t resolve_description(std::size_t from, std::size_t last) const;
  bool strays_from(std::size_t from, std::size_t last, const std::vector<std::string> &have) const;
  std::size_t organisation_in(std::size_t from, std::size_t last) const;

  // in speakers.cpp again: quotes without a speech verb
  const Attribution *nearest(const std::vector<Attribution> &attributions, const Quote &q) const;
  bool opens_predicate(std::size_t close, std::size_t verb_at) const;
  std::size_t described_person_speaking() const;
  std::size_t body_referent(std::size_t token) const;
  std::size_t pointed_back(std::size_t close) const;
  std::size_t plain_description(std::size_t end);
  bool body_before_title(std::size_t k) const;
  std::size_t existential_subject(const detail::Clause &c);
  std::size_t inverted_subject(const detail::Clause &c) const;
  bool has_relative_after(const detail::Clause &c) const;
  std::size_t unattributed_speaker(const Quote &q, const std::vector<Attribution> &attributions) const;
  std::size_t colon_subject(const Quote &q) const;
  std::size_t credit_after(std::size_t close) const;

  // in claims.cpp: quotes, reported statements and main clauses as claims, their
  // actors and their dates
  bool whole_sentence(const Quote &q) const;
  std::size_t words_owner(const Quote &q) const;
  void said_today(FoundQuote &quote, const Quote &q) const;
  void read_quotes(const std::vector<Attribution> &attributions, std::vector<bool> &sentence_quoted);
  bool split_between(std::size_t from, std::size_t to) const;
  void read_statements(const std::vector<Attribution> &attributions, const std::vector<bool> &sentence_quoted);
  // "said on Monday", "told reporters on Friday": how far after its speech
  // verb a date still says when something was said.
  static constexpr std::size_t near_verb = 30;
  std::size_t reported_gap(std::size_t verb) const;
  std::string sentence_text(std::size_t s) const;
  std::string quote_evidence(std::size_t from, const Quote &q, const Quote *next) const;
  FoundStatement statement(ClaimKind kind, std::size_t who, std::size_t s) const;
  enum class Tense { other, past, present }; // of a clause: "won", "faces", "will meet" or "has won"
  template <class When>
  void set_when(When &claim, std::size_t begin, std::size_t end,
                const std::vector<std::pair<std::size_t, std::size_t>> &skip, Tense tense) const;
  bool past_verb(std::size_t v) const;
  Tense clause_tense(const detail::Clause &c) const;
  bool modifies_noun(std::size_t byte) const;
  void read_facts(std::size_t s);
  bool read_adverbial(const detail::Clause &span, std::size_t s, const std::vector<bool> &quoted);
  void share_date(const detail::Clause &span, const FoundStatement &main, FoundStatement &adverbial) const;
  std::size_t organization_before(std::size_t token) const;
  std::vector<std::pair<std::size_t, std::size_t>> subordinate_bytes(const detail::Clause &c) const;
  std::string words_outside_adverbials(const detail::Clause &c) const;
  std::string words_outside(const detail::Clause &c, const std::vector<detail::Clause> &spans) const;
  bool closes(const detail::Clause &span, const detail::Clause &c) const;
  bool names_own_time(const detail::Clause &c) const;
  void read_second_predicate(const detail::Clause &c, std::size_t who, std::size_t subject_from, std::size_t s);
  bool future_clause(const detail::Clause &c) const;
  std::string clause_text(const detail::Clause &c, bool whole_sentence) const;
  std::size_t clause_actor(const detail::Clause &c);
  std::size_t group_referent() const;
  bool names_what_it_was(const detail::Clause &c) const;
  std::size_t thing_referent(const detail::Clause &c) const;
  std::size_t recent_thing() const;
  std::size_t subject_of(const detail::Clause &c);
  bool age_description(std::size_t first, std::size_t before) const;
  std::size_t before_aside(std::size_t first, std::size_t before) const;
  std::size_t first_word(const detail::Clause &c) const;
  std::size_t impersonal_that(const detail::Clause &c) const;
  bool names_something(const Quote &q) const;
  std::size_t named_actor(const detail::Clause &c) const;
  bool object_of_preposition(const Mention &m, std::size_t clause_first) const;
  static bool inside(const std::vector<detail::Clause> &spans, std::size_t token);
  std::size_t noun_phrase_actor(std::size_t first, std::size_t verb);
  std::size_t approximation_end(std::size_t from, std::size_t verb) const;
  bool glued_digits(std::size_t k) const;
  static std::string verb_stem(const std::string &w);

  const Article &article_;
  ArticleAnalysis out_;
  Registry registry_;
  std::vector<std::size_t> paragraph_offsets_;
  ReaderState state_;

  // The paragraph being read; read_paragraph() sets these afresh.
  std::string text_;
  std::size_t offset_ = 0; // of text_ in the body that dates are found in
  std::vector<Token> t_;
  std::vector<Bounds> sentences_;
  std::vector<Quote> quotes_;
  std::vector<Mention> mentions_;
  std::size_t last_speech_byte_ = 0; // in this paragraph, after the last speech verb
};

} // namespace detail
} // namespace factcard
