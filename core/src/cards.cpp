#include "factcard/cards.hpp"
#include "factcard/names.hpp"

#include "json_reader.hpp"
#include "json_writer.hpp"
#include "output.hpp"
#include "stable_order.hpp"
#include "string_index.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

namespace factcard {
namespace {

// A form of a topic value under which equal means "the same value".
std::string canonical_value(const Json &value) {
  if (value.is_string()) {
    const std::string &text = value.get_ref<const std::string &>();
    if (std::optional<Date> date = parse_date(text)) return "d:" + date->to_string();
    return "t:" + fold_text(text);
  }
  if (value.is_null()) return "";
  // 95.0 is the value 95: numbers that are equal share one form
  if (value.is_number_float()) {
    double number = value.get<double>();
    if (std::floor(number) == number && std::fabs(number) < 9007199254740992.0)
      return "n:" + std::to_string(static_cast<long long>(number));
  }
  return "n:" + detail::dump_json(value);
}

std::string merge_key(const Claim &claim) {
  std::string key = std::to_string(claim.who_index) + '\x1f';
  if (claim.topic) return key + "t:" + *claim.topic + '\x1f' + canonical_value(claim.value);
  return key + "w:" + fold_text(claim.what);
}

bool has_refutation(const Card &card) {
  return std::any_of(card.evidence.begin(), card.evidence.end(),
                     [](const CardEvidence &e) { return e.stance == Stance::refutes; });
}

// Whether the text of claims and cards is copied into what is made of them, or
// moved (the caller is done with them). Named by the caller at the top:
// compute_cards and cards_to_json copy, take_cards and the bundle writer move.
enum class Use { copy, move };
template <Use use, class T> using Passed = std::conditional_t<use == Use::move, T &&, const T &>;
template <Use use, class T> Passed<use, T> pass(T &value) {
  static_assert(use == Use::copy || !std::is_const<T>::value, "only what the caller owns is moved");
  return static_cast<Passed<use, T>>(value);
}

template <Use use, class ClaimT> Card start_card(ClaimT &claim) {
  Card card;
  card.id = claim.id;
  card.kind = claim.kind;
  card.who = claim.who_index;
  card.what = pass<use>(claim.what);
  card.when = claim.when;
  card.when_text = pass<use>(claim.when_text);
  card.where = pass<use>(claim.where);
  card.topic = pass<use>(claim.topic);
  card.value = pass<use>(claim.value);
  return card;
}

// Evidence already on a card, as (card, index in its evidence), hashed by
// source and quote. Only cards with many items are indexed: merging 100,000
// evidence items into one card stays linear instead of quadratic, and the
// usual card of a few items costs no hashing.
struct EvidenceRef {
  std::size_t card, index;
};
constexpr std::size_t indexed_from = 16;

class EvidenceIndex {
public:
  explicit EvidenceIndex(const std::vector<Card> &cards) : set_(0, Hash{&cards}, Equal{&cards}) {}
  bool insert(std::size_t card, std::size_t index) { return set_.insert({card, index}).second; }

private:
  static const CardEvidence &at(const std::vector<Card> *cards, EvidenceRef r) {
    return (*cards)[r.card].evidence[r.index];
  }
  struct Hash {
    const std::vector<Card> *cards;
    std::size_t operator()(EvidenceRef r) const {
      const CardEvidence &e = at(cards, r);
      return std::hash<std::string>()(e.quote) ^ (r.card * 0x9E3779B97F4A7C15ull + e.source * 0xC2B2AE3D27D4EB4Full);
    }
  };
  struct Equal {
    const std::vector<Card> *cards;
    bool operator()(EvidenceRef a, EvidenceRef b) const {
      const CardEvidence &x = at(cards, a), &y = at(cards, b);
      return a.card == b.card && x.source == y.source && x.quote == y.quote;
    }
  };
  std::unordered_set<EvidenceRef, Hash, Equal> set_;
};

template <Use use, class EvidenceT>
void add_evidence(Card &card, std::size_t card_index, EvidenceT &ev, EvidenceIndex &index) {
  std::vector<CardEvidence> &list = card.evidence;
  if (list.size() < indexed_from) {
    bool seen = std::any_of(list.begin(), list.end(),
                            [&](const CardEvidence &e) { return e.source == ev.source_index && e.quote == ev.quote; });
    if (seen) return;
    list.push_back({ev.source_index, pass<use>(ev.quote), ev.stance_or_default(), ev.speaker_index});
    if (list.size() == indexed_from)
      for (std::size_t i = 0; i < list.size(); ++i) index.insert(card_index, i);
    return;
  }
  list.push_back({ev.source_index, pass<use>(ev.quote), ev.stance_or_default(), ev.speaker_index});
  if (!index.insert(card_index, list.size() - 1)) list.pop_back();
}

// Adds a claim to its card; `first`: the claim the card started from.
template <Use use, class ClaimT>
void add_claim(Card &card, std::size_t card_index, ClaimT &claim, bool first, EvidenceIndex &index) {
  card.claims.push_back(pass<use>(claim.id));
  if (!first && (!card.when || !card.when->known())) {
    card.when = claim.when;
    card.when_text = pass<use>(claim.when_text);
  }
  if (!first && !card.where) card.where = pass<use>(claim.where);
  for (auto &ev : claim.evidence) add_evidence<use>(card, card_index, ev, index);
  // the union of the claims' entries: the same correction noted on two merged claims is shown once
  for (auto &u : claim.updates) {
    bool seen = std::any_of(card.updates.begin(), card.updates.end(),
                            [&](const Update &e) { return e.date == u.date && e.note == u.note; });
    if (seen) continue;
    Update entry;
    entry.date = u.date;
    entry.note = pass<use>(u.note);
    entry.at = u.at;
    card.updates.push_back(std::move(entry));
  }
}

// Cards on one topic whose values cannot all be true contradict each other.
// Cards are first grouped by value, so the pairwise step runs over distinct
// values only.
void mark_contradictions(std::vector<Card> &cards) {
  std::unordered_map<std::string, std::vector<std::size_t>> by_topic;
  for (std::size_t i = 0; i < cards.size(); ++i) {
    if (cards[i].topic && !cards[i].value.is_null()) by_topic[*cards[i].topic].push_back(i);
  }
  for (auto &topic : by_topic) {
    std::vector<std::pair<std::string, std::vector<std::size_t>>> groups;
    std::unordered_map<std::string, std::size_t> group_of;
    for (std::size_t card : topic.second) {
      std::string canon = canonical_value(cards[card].value);
      auto inserted = group_of.emplace(canon, groups.size());
      if (inserted.second) groups.push_back({canon, {}});
      groups[inserted.first->second].second.push_back(card);
    }
    for (std::size_t a = 0; a < groups.size(); ++a) {
      for (std::size_t b = a + 1; b < groups.size(); ++b) {
        const Json &va = cards[groups[a].second[0]].value;
        const Json &vb = cards[groups[b].second[0]].value;
        if (values_agree(va, vb)) continue;
        for (std::size_t x : groups[a].second)
          for (std::size_t y : groups[b].second) {
            cards[x].contradicts.push_back(cards[y].id);
            cards[y].contradicts.push_back(cards[x].id);
          }
      }
    }
  }
}

Status status_of(const Card &card) {
  if (!card.contradicts.empty() || has_refutation(card)) return Status::contested;
  return card.corroboration >= 2 ? Status::corroborated : Status::single_source;
}

template <Use use, class Strings> Json strings_json(Strings &strings) {
  Json out = Json::array();
  out.get_ref<Json::array_t &>().reserve(strings.size());
  for (auto &s : strings) out.push_back(pass<use>(s));
  return out;
}

template <Use use, class Text> void put(Json &out, const char *key, Text &value) {
  if (value) detail::append_member(out, key, pass<use>(*value));
}

Json source_json(const Source &s) {
  Json out = Json::object();
  out.get_ref<Json::object_t &>().reserve(5);
  detail::append_member(out, "id", s.id);
  put<Use::copy>(out, "publisher", s.publisher);
  put<Use::copy>(out, "headline", s.headline);
  put<Use::copy>(out, "url", s.url);
  if (s.published && s.published->known()) detail::append_member(out, "published", s.published->to_string());
  return out;
}

Json entity_json(const Entity &e) {
  Json out = Json::object();
  out.get_ref<Json::object_t &>().reserve(4);
  detail::append_member(out, "id", e.id);
  detail::append_member(out, "name", e.name);
  detail::append_member(out, "kind", to_string(e.kind_or_default()));
  put<Use::copy>(out, "description", e.description);
  return out;
}

// The fields every card carries, with its references in the form of the caller.
template <Use use, class CardT> Json card_json(CardT &card, Json &&who, Json &&evidence) {
  Json out = Json::object();
  out.get_ref<Json::object_t &>().reserve(15);
  detail::append_member(out, "id", pass<use>(card.id));
  detail::append_member(out, "claims", strings_json<use>(card.claims));
  detail::append_member(out, "kind", to_string(card.kind));
  detail::append_member(out, "status", to_string(card.status));
  detail::append_member(out, "corroboration", card.corroboration);
  detail::append_member(out, "who", std::move(who));
  detail::append_member(out, "what", pass<use>(card.what));
  if (card.when && card.when->known()) detail::append_member(out, "when", card.when->to_string());
  put<use>(out, "when_text", card.when_text);
  put<use>(out, "where", card.where);
  put<use>(out, "topic", card.topic);
  if (!card.value.is_null()) detail::append_member(out, "value", pass<use>(card.value));
  detail::append_member(out, "contradicts", strings_json<use>(card.contradicts));
  detail::append_member(out, "evidence", std::move(evidence));
  if (!card.updates.empty()) { // absent when none: cards without updates stay as they were
    Json updates = Json::array();
    for (auto &u : card.updates) {
      Json item = Json::object();
      detail::append_member(item, "date", u.date.to_string());
      detail::append_member(item, "note", pass<use>(u.note));
      updates.push_back(std::move(item));
    }
    detail::append_member(out, "updates", std::move(updates));
  }
  return out;
}

Json story_info_json(const Story &story) {
  Json info = Json::object();
  detail::append_member(info, "id", story.info.id);
  put<Use::copy>(info, "title", story.info.title);
  put<Use::copy>(info, "language", story.info.language);
  return info;
}

} // namespace

namespace {

template <Use use, class Claims> std::vector<Card> merge_claims(const Story &story, Claims &claims) {
  std::vector<Card> cards;
  std::unordered_map<std::string, std::size_t> card_of;
  card_of.reserve(claims.size());
  // At most one card per claim; pages of the room never used are never touched.
  cards.reserve(claims.size());
  EvidenceIndex index(cards);
  for (auto &claim : claims) {
    auto inserted = card_of.emplace(merge_key(claim), cards.size());
    if (inserted.second) cards.push_back(start_card<use>(claim));
    add_claim<use>(cards[inserted.first->second], inserted.first->second, claim, inserted.second, index);
  }
  decltype(card_of)().swap(card_of); // before the next steps allocate
  for (Card &card : cards) {
    card.corroboration = count_outlets(story, card.evidence);
    detail::stable_sort_by(card.updates, detail::newer_first);
  }
  mark_contradictions(cards);
  for (Card &card : cards) card.status = status_of(card);
  return cards;
}

} // namespace

std::vector<Card> compute_cards(const Story &story) { return merge_claims<Use::copy>(story, story.claims); }

std::vector<Card> take_cards(Story &story) {
  std::vector<Card> cards = merge_claims<Use::move>(story, story.claims);
  std::vector<Claim>().swap(story.claims);
  return cards;
}

int count_outlets(const Story &story, const std::vector<CardEvidence> &evidence) {
  detail::StringIndex outlets;
  for (const CardEvidence &e : evidence) {
    if (e.stance != Stance::supports || e.source >= story.sources.size()) continue;
    const Source &source = story.sources[e.source];
    std::string publisher = source.publisher ? fold_text(*source.publisher) : "";
    outlets.insert(publisher.empty() ? "source:" + source.id : "outlet:" + publisher);
  }
  return static_cast<int>(outlets.size());
}

bool values_agree(const Json &a, const Json &b) {
  if (a.is_null() || b.is_null()) return true;
  if (a.is_string() && b.is_string()) {
    std::optional<Date> da = parse_date(a.get_ref<const std::string &>());
    std::optional<Date> db = parse_date(b.get_ref<const std::string &>());
    if (da && db) return dates_agree(*da, *db);
  }
  if (a.is_number() && b.is_number()) {
    if (a.is_number_float() || b.is_number_float()) return a.get<double>() == b.get<double>();
    return a == b;
  }
  return canonical_value(a) == canonical_value(b);
}

Json cards_to_json(const Story &story, const std::vector<Card> &cards) {
  Json list = Json::array();
  list.get_ref<Json::array_t &>().reserve(cards.size());
  for (const Card &card : cards) {
    Json evidence = Json::array();
    evidence.get_ref<Json::array_t &>().reserve(card.evidence.size());
    for (const CardEvidence &e : card.evidence) {
      Json item = Json::object();
      detail::append_member(item, "source", source_json(story.sources[e.source]));
      detail::append_member(item, "quote", e.quote);
      detail::append_member(item, "stance", to_string(e.stance));
      if (e.speaker < story.entities.size()) {
        detail::append_member(item, "speaker",
                              {{"id", story.entities[e.speaker].id}, {"name", story.entities[e.speaker].name}});
      }
      evidence.push_back(std::move(item));
    }
    Json who = card.who < story.entities.size() ? entity_json(story.entities[card.who]) : Json(nullptr);
    list.push_back(card_json<Use::copy>(card, std::move(who), std::move(evidence)));
  }
  Json out = Json::object();
  out["story"] = story_info_json(story);
  out["cards"] = std::move(list);
  return out;
}

namespace detail {

namespace {

// The bundle's form of one card: entities and sources by id.
template <Use use, class CardT> Json bundle_card_json(const Story &story, CardT &card) {
  Json evidence = Json::array();
  evidence.get_ref<Json::array_t &>().reserve(card.evidence.size());
  for (auto &e : card.evidence) {
    Json item = Json::object();
    item.get_ref<Json::object_t &>().reserve(4);
    detail::append_member(item, "source", story.sources[e.source].id);
    detail::append_member(item, "quote", pass<use>(e.quote));
    if (e.stance != Stance::supports) detail::append_member(item, "stance", to_string(e.stance));
    if (e.speaker < story.entities.size()) detail::append_member(item, "speaker", story.entities[e.speaker].id);
    evidence.push_back(std::move(item));
  }
  return card_json<use>(card, Json(story.entities[card.who].id), std::move(evidence));
}

Json frame_json(const Story &story, Json &&entities, Json &&sources) {
  Json out = Json::object();
  detail::append_member(out, "factcard_bundle", 1);
  detail::append_member(out, "story", story_info_json(story));
  detail::append_member(out, "entities", std::move(entities));
  detail::append_member(out, "sources", std::move(sources));
  return out;
}

} // namespace

Json bundle_card_taking(const Story &story, Card &card) { return bundle_card_json<Use::move>(story, card); }

Json bundle_card(const Story &story, const Card &card) { return bundle_card_json<Use::copy>(story, card); }

Json bundle_frame(const Story &story, const std::vector<Card> &cards) {
  std::vector<bool> entity_used(story.entities.size()), source_used(story.sources.size());
  for (const Card &card : cards) {
    entity_used[card.who] = true;
    for (const CardEvidence &e : card.evidence) {
      source_used[e.source] = true;
      if (e.speaker < story.entities.size()) entity_used[e.speaker] = true;
    }
  }
  Json entities = Json::array(), sources = Json::array();
  for (std::size_t i = 0; i < story.entities.size(); ++i)
    if (entity_used[i]) entities.push_back(entity_json(story.entities[i]));
  for (std::size_t i = 0; i < story.sources.size(); ++i)
    if (source_used[i]) sources.push_back(source_json(story.sources[i]));
  return frame_json(story, std::move(entities), std::move(sources));
}

// As bundle_frame for a few cards, without a pass over the whole story: a
// build makes one per card page.
Json bundle_frame_of(const Story &story, const std::vector<const Card *> &cards) {
  std::vector<std::size_t> entity_used, source_used;
  for (const Card *card : cards) {
    entity_used.push_back(card->who);
    for (const CardEvidence &e : card->evidence) {
      source_used.push_back(e.source);
      if (e.speaker < story.entities.size()) entity_used.push_back(e.speaker);
    }
  }
  Json entities = Json::array(), sources = Json::array();
  for (auto *used : {&entity_used, &source_used}) {
    std::sort(used->begin(), used->end());
    used->erase(std::unique(used->begin(), used->end()), used->end());
  }
  for (std::size_t i : entity_used) entities.push_back(entity_json(story.entities[i]));
  for (std::size_t i : source_used) sources.push_back(source_json(story.sources[i]));
  return frame_json(story, std::move(entities), std::move(sources));
}

} // namespace detail

} // namespace factcard
