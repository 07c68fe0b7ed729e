// Cards: merging, corroboration, contradictions, status, and their JSON.
#include "factcard/cards.hpp"
#include "factcard/load.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

using namespace factcard;

namespace {

// A claim as JSON text. Sources prefixed with '!' refute.
std::string claim(const std::string &id, const std::string &who, const std::string &what,
                  const std::vector<std::string> &sources, const std::string &more = "") {
  Json c = Json::object();
  c["id"] = id;
  c["kind"] = "event";
  c["who"] = who;
  c["what"] = what;
  Json evidence = Json::array();
  for (const std::string &s : sources) {
    bool refutes = s[0] == '!';
    Json e = Json::object();
    e["source"] = refutes ? s.substr(1) : s;
    e["quote"] = "Quote from " + s + ".";
    if (refutes) e["stance"] = "refutes";
    evidence.push_back(e);
  }
  c["evidence"] = evidence;
  std::string text = c.dump();
  if (!more.empty()) text.insert(text.size() - 1, "," + more);
  return text;
}

std::string topic(const std::string &name, const std::string &value_json) {
  return "\"topic\":\"" + name + "\",\"value\":" + value_json;
}

struct Built {
  Story story;
  std::vector<Card> cards;

  const Card &card(const std::string &claim_id) const {
    for (const Card &c : cards) {
      if (std::find(c.claims.begin(), c.claims.end(), claim_id) != c.claims.end()) return c;
    }
    FAIL("no card holds claim " << claim_id);
    return cards.front();
  }
  bool same_card(const std::string &a, const std::string &b) const { return card(a).id == card(b).id; }
};

Built build(const std::vector<std::string> &claims) {
  std::string list;
  for (const std::string &c : claims) list += (list.empty() ? "" : ",\n") + c;
  std::string text = R"({"factcard": 1, "story": {"id": "t", "title": "Test", "language": "en"},
  "entities": [
    {"id": "putin", "name": "Vladimir Putin", "aliases": ["President Putin"]},
    {"id": "kremlin", "name": "Kremlin", "kind": "organization", "description": "Russian presidency"},
    {"id": "peskov", "name": "Dmitry Peskov"}
  ],
  "sources": [
    {"id": "mt", "publisher": "The Moscow Times", "headline": "H1", "url": "https://mt.example/1", "published": "2024-09-02"},
    {"id": "mt-b", "publisher": "the  MOSCOW times!"},
    {"id": "iria", "publisher": "IRIA", "published": "unknown"},
    {"id": "anon1"},
    {"id": "anon2", "headline": "Anonymous"}
  ],
  "claims": [
)" + list + "]}";
  Result<Story> r = load_story(text, "cards.json");
  if (!r.ok()) {
    for (const Diagnostic &d : r.errors()) UNSCOPED_INFO(d.to_string());
  }
  REQUIRE(r.ok());
  Built b{std::move(*r), {}};
  b.cards = compute_cards(b.story);
  return b;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

} // namespace

TEST_CASE("claims merge on the same who and the same folded what") {
  Built b = build({
      claim("a", "putin", "Putin visited Mongolia.", {"mt"}),
      claim("b", "President Putin", "putin  visited MONGOLIA", {"iria"}), // same who, other spelling
      claim("c", "kremlin", "Putin visited Mongolia.", {"anon1"}),        // other who
      claim("d", "putin", "Putin visited Mongolia twice.", {"anon2"}),    // other what
  });
  REQUIRE(b.cards.size() == 3);
  CHECK(b.same_card("a", "b"));
  CHECK_FALSE(b.same_card("a", "c"));
  CHECK_FALSE(b.same_card("a", "d"));
  const Card &merged = b.card("b");
  CHECK(merged.id == "a"); // the id of its first claim
  CHECK(merged.claims == std::vector<std::string>{"a", "b"});
  CHECK(merged.what == "Putin visited Mongolia."); // the first claim's words
  CHECK(merged.evidence.size() == 2);
  CHECK(merged.corroboration == 2);
  CHECK(merged.status == Status::corroborated);
  // cards keep the order of their first claims
  CHECK(b.cards[0].id == "a");
  CHECK(b.cards[1].id == "c");
  CHECK(b.cards[2].id == "d");
}

TEST_CASE("claims merge on the same who, topic and value") {
  Built b = build({
      claim("a", "putin", "Putin arrived on 3 September.", {"mt"}, topic("arrival", "\"2024-09-03\"")),
      claim("b", "putin", "He landed in Ulaanbaatar.", {"iria"}, topic("arrival", "\"2024-09-03\"")),
      claim("c", "kremlin", "The visit began.", {"anon1"}, topic("arrival", "\"2024-09-03\"")), // other who
      claim("d", "putin", "Putin's delegation counted", {"anon1"}, topic("delegation", "95")),
      claim("e", "putin", "A delegation of 95.", {"anon2"}, topic("delegation", "95.0")), // the same number
      claim("f", "putin", "Named the city", {"anon1"}, topic("city", "\"Ulaanbaatar\"")),
      claim("g", "putin", "Named the city again", {"anon2"}, topic("city", "\"ulaanbaatar!\"")), // folded text
      claim("h", "putin", "Putin arrived on 3 September.", {"anon2"}, topic("other", "\"2024-09-03\"")),
  });
  CHECK(b.same_card("a", "b"));
  CHECK_FALSE(b.same_card("a", "c"));
  CHECK(b.same_card("d", "e"));
  CHECK(b.same_card("f", "g"));
  CHECK_FALSE(b.same_card("a", "h")); // a topic is compared by topic, not by words
  CHECK(b.card("b").claims == std::vector<std::string>{"a", "b"});
  CHECK(b.card("e").claims == std::vector<std::string>{"d", "e"});
  CHECK(b.cards.size() == 5);
  for (const Card &c : b.cards) {
    INFO(c.id);
    CHECK(c.contradicts.empty());
  }
}

TEST_CASE("a merged card takes a known date and dedupes evidence") {
  Built b = build({
      claim("a", "putin", "Putin visited Mongolia.", {"mt"}),
      claim("b", "putin", "Putin visited Mongolia.", {"mt", "iria"},
            "\"when\":\"2024-09-03\",\"when_text\":\"on Tuesday\",\"where\":\"Ulaanbaatar\""),
  });
  REQUIRE(b.cards.size() == 1);
  const Card &c = b.cards[0];
  REQUIRE(c.when.has_value());
  CHECK(c.when->to_string() == "2024-09-03");
  CHECK(c.when_text == std::optional<std::string>("on Tuesday"));
  CHECK(c.where == std::optional<std::string>("Ulaanbaatar"));
  REQUIRE(c.evidence.size() == 2); // the same quote from "mt" once
  CHECK(b.story.sources[c.evidence[0].source].id == "mt");
  CHECK(b.story.sources[c.evidence[1].source].id == "iria");
}

TEST_CASE("corroboration counts distinct outlets") {
  SECTION("two sources of one publisher, case and punctuation folded, are one outlet") {
    Built b = build({claim("a", "putin", "W", {"mt", "mt-b"})});
    CHECK(b.cards[0].corroboration == 1);
    CHECK(b.cards[0].status == Status::single_source);
  }
  SECTION("sources with no publisher are outlets of their own") {
    Built b = build({claim("a", "putin", "W", {"anon1", "anon2"})});
    CHECK(b.cards[0].corroboration == 2);
    CHECK(b.cards[0].status == Status::corroborated);
  }
  SECTION("all together") {
    Built b = build({claim("a", "putin", "W", {"mt", "mt-b", "iria", "anon1", "anon2"})});
    CHECK(b.cards[0].corroboration == 4);
  }
  SECTION("refuting evidence is not counted") {
    Built b = build({claim("a", "putin", "W", {"mt", "!iria", "!anon1"})});
    CHECK(b.cards[0].corroboration == 1);
    CHECK(b.cards[0].status == Status::contested);
  }
  SECTION("count_outlets directly") {
    Built b = build({claim("a", "putin", "W", {"mt"})});
    std::vector<CardEvidence> ev = {{0, "q", Stance::supports, npos},
                                    {1, "q", Stance::supports, npos},
                                    {3, "q", Stance::supports, npos},
                                    {4, "q", Stance::refutes, npos}};
    CHECK(count_outlets(b.story, ev) == 2);
    CHECK(count_outlets(b.story, {}) == 0);
  }
}

TEST_CASE("status: corroborated, single-source, contested") {
  Built b = build({
      claim("two", "putin", "Two outlets.", {"mt", "iria"}),
      claim("one", "putin", "One outlet.", {"mt", "mt-b"}),
      claim("refuted", "putin", "Refuted.", {"mt", "iria", "anon1", "!anon2"}),
  });
  CHECK(b.card("two").status == Status::corroborated);
  CHECK(b.card("one").status == Status::single_source);
  CHECK(b.card("refuted").status == Status::contested);
  CHECK(b.card("refuted").corroboration == 3);
  CHECK(b.card("refuted").contradicts.empty());
  CHECK(std::string(to_string(Status::single_source)) == "single-source");
  CHECK(parse_status("contested") == std::optional<Status>(Status::contested));
  CHECK_FALSE(parse_status("Contested").has_value());
}

TEST_CASE("contradictions on a topic") {
  SECTION("dates compare with their precision") {
    Built b = build({
        claim("month", "putin", "In September.", {"mt", "iria"}, topic("arrival", "\"2024-09\"")),
        claim("day", "kremlin", "On the third.", {"anon1"}, topic("arrival", "\"2024-09-03\"")),
        claim("y2023", "putin", "In 2023.", {"mt"}, topic("warrant", "\"2023\"")),
        claim("y2024", "peskov", "In 2024.", {"iria"}, topic("warrant", "\"2024\"")),
    });
    CHECK(b.card("month").contradicts.empty());
    CHECK(b.card("day").contradicts.empty());
    CHECK(b.card("month").status == Status::corroborated);
    CHECK(b.card("y2023").contradicts == std::vector<std::string>{"y2024"});
    CHECK(b.card("y2024").contradicts == std::vector<std::string>{"y2023"});
    CHECK(b.card("y2023").status == Status::contested);
    CHECK(b.card("y2024").status == Status::contested);
  }
  SECTION("the same who with two dates contradicts itself") {
    Built b = build({
        claim("mon", "putin", "Arrived Monday.", {"mt", "iria"}, topic("arrival", "\"2024-09-02\"")),
        claim("tue", "putin", "Arrived Tuesday.", {"anon1"}, topic("arrival", "\"2024-09-03\"")),
    });
    REQUIRE(b.cards.size() == 2);
    CHECK(b.card("mon").contradicts == std::vector<std::string>{"tue"});
    CHECK(b.card("tue").contradicts == std::vector<std::string>{"mon"});
    CHECK(b.card("mon").status == Status::contested); // even with two outlets
  }
  SECTION("numbers compare exactly") {
    Built b = build({
        claim("n95", "putin", "95 people.", {"mt"}, topic("delegation", "95")),
        claim("n95f", "kremlin", "95.0 people.", {"iria"}, topic("delegation", "95.0")),
        claim("n96", "peskov", "96 people.", {"anon1"}, topic("delegation", "96")),
    });
    CHECK(sorted(b.card("n96").contradicts) == std::vector<std::string>{"n95", "n95f"});
    CHECK(b.card("n95").contradicts == std::vector<std::string>{"n96"});
    CHECK(b.card("n95f").contradicts == std::vector<std::string>{"n96"});
  }
  SECTION("text compares folded") {
    Built b = build({
        claim("ub", "putin", "In UB.", {"mt"}, topic("city", "\"Ulaanbaatar\"")),
        claim("ub2", "kremlin", "In UB.", {"iria"}, topic("city", "\"ULAANBAATAR.\"")),
        claim("moscow", "peskov", "In Moscow.", {"anon1"}, topic("city", "\"Moscow\"")),
    });
    CHECK(b.card("ub").contradicts == std::vector<std::string>{"moscow"});
    CHECK(b.card("ub2").contradicts == std::vector<std::string>{"moscow"});
    CHECK(sorted(b.card("moscow").contradicts) == std::vector<std::string>{"ub", "ub2"});
  }
  SECTION("contradicts names merged cards by their id") {
    Built b = build({
        claim("first", "putin", "Arrived Monday.", {"mt"}, topic("arrival", "\"2024-09-02\"")),
        claim("second", "putin", "Came on Monday.", {"iria"}, topic("arrival", "\"2024-09-02\"")),
        claim("third", "kremlin", "Arrived Tuesday.", {"anon1"}, topic("arrival", "\"2024-09-03\"")),
    });
    REQUIRE(b.cards.size() == 2);
    CHECK(b.card("second").id == "first");
    CHECK(b.card("third").contradicts == std::vector<std::string>{"first"});
    CHECK(b.card("first").contradicts == std::vector<std::string>{"third"});
  }
  SECTION("other topics and claims without a value are left alone") {
    Built b = build({
        claim("a", "putin", "A.", {"mt"}, topic("x", "1")),
        claim("b", "putin", "B.", {"iria"}, topic("y", "2")),
        claim("c", "kremlin", "C.", {"anon1"}, "\"topic\":\"x\""),
        claim("d", "peskov", "D.", {"anon2"}),
    });
    for (const Card &c : b.cards) {
      INFO(c.id);
      CHECK(c.contradicts.empty());
      CHECK(c.status == Status::single_source);
    }
  }
}

TEST_CASE("values_agree") {
  auto j = [](const char *text) { return Json::parse(text); };
  // dates with precision
  CHECK(values_agree(j("\"2024-09\""), j("\"2024-09-03\"")));
  CHECK(values_agree(j("\"2024\""), j("\"2024-09-03\"")));
  CHECK_FALSE(values_agree(j("\"2023\""), j("\"2024\"")));
  CHECK_FALSE(values_agree(j("\"2024-09-02\""), j("\"2024-09-03\"")));
  CHECK(values_agree(j("\"~2024-09-02\""), j("\"2024-09-03\"")));
  CHECK(values_agree(j("\"unknown\""), j("\"1999\"")));
  // numbers exactly
  CHECK(values_agree(j("95"), j("95.0")));
  CHECK(values_agree(j("95"), j("95")));
  CHECK_FALSE(values_agree(j("95"), j("96")));
  CHECK_FALSE(values_agree(j("95"), j("95.5")));
  CHECK_FALSE(values_agree(j("0.1"), j("0.10000001")));
  CHECK(values_agree(j("-0.0"), j("0")));
  CHECK_FALSE(values_agree(j("9007199254740993"), j("9007199254740992")));
  // text folded
  CHECK(values_agree(j("\"Ulaanbaatar\""), j("\"  ulaanbaatar!\"")));
  CHECK(values_agree(j("\"Khürelsükh\""), j("\"KHURELSUKH\"")));
  CHECK_FALSE(values_agree(j("\"Ulaanbaatar\""), j("\"Moscow\"")));
  // different types disagree; nothing agrees with everything
  CHECK_FALSE(values_agree(j("\"95\""), j("95")));
  CHECK_FALSE(values_agree(j("true"), j("1")));
  CHECK_FALSE(values_agree(j("true"), j("false")));
  CHECK(values_agree(j("true"), j("true")));
  CHECK_FALSE(values_agree(j("\"2024\""), j("\"the year 2024\"")));
  // an absent value agrees with all
  CHECK(values_agree(Json(), j("1")));
  CHECK(values_agree(j("\"x\""), Json()));
}

TEST_CASE("cards_to_json has the shape of docs/FORMAT.md") {
  Built b = build({
      claim("full", "putin", "Putin visited Mongolia.", {"mt", "iria"},
            "\"when\":\"2024-09\",\"when_text\":\"in September\",\"where\":\"Ulaanbaatar\"," +
                topic("arrival", "\"2024-09\"")),
      claim("bare", "kremlin", "A statement.", {"anon2"}),
      claim("quote", "Dmitry Peskov", "We are not worried.", {"!anon1"}),
  });
  Json out = cards_to_json(b.story, b.cards);
  auto keys = [](const Json &object) {
    std::vector<std::string> k;
    for (auto it = object.begin(); it != object.end(); ++it) k.push_back(it.key());
    return k;
  };
  CHECK(keys(out) == std::vector<std::string>{"story", "cards"});
  CHECK(out["story"] == Json::parse(R"({"id": "t", "title": "Test", "language": "en"})"));
  REQUIRE(out["cards"].size() == 3);

  const Json &full = out["cards"][0];
  CHECK(keys(full) == std::vector<std::string>{"id", "claims", "kind", "status", "corroboration", "who", "what", "when",
                                               "when_text", "where", "topic", "value", "contradicts", "evidence"});
  CHECK(full["id"] == "full");
  CHECK(full["claims"] == Json::parse(R"(["full"])"));
  CHECK(full["kind"] == "event");
  CHECK(full["status"] == "corroborated");
  CHECK(full["corroboration"] == 2);
  CHECK(full["who"] == Json::parse(R"({"id": "putin", "name": "Vladimir Putin", "kind": "person"})"));
  CHECK(full["when"] == "2024-09");
  CHECK(full["value"] == "2024-09");
  CHECK(full["contradicts"] == Json::array());
  REQUIRE(full["evidence"].size() == 2);
  const Json &ev = full["evidence"][0];
  CHECK(keys(ev) == std::vector<std::string>{"source", "quote", "stance"});
  CHECK(ev["source"] == Json::parse(R"({"id": "mt", "publisher": "The Moscow Times", "headline": "H1",
                                        "url": "https://mt.example/1", "published": "2024-09-02"})"));
  CHECK(ev["quote"] == "Quote from mt.");
  CHECK(ev["stance"] == "supports");
  // an unknown date is absent, like every unknown field
  CHECK(full["evidence"][1]["source"] == Json::parse(R"({"id": "iria", "publisher": "IRIA"})"));

  const Json &bare = out["cards"][1];
  CHECK(keys(bare) == std::vector<std::string>{"id", "claims", "kind", "status", "corroboration", "who", "what",
                                               "contradicts", "evidence"});
  CHECK(bare["who"] == Json::parse(R"({"id": "kremlin", "name": "Kremlin", "kind": "organization",
                                       "description": "Russian presidency"})"));
  CHECK(bare["evidence"][0]["source"] == Json::parse(R"({"id": "anon2", "headline": "Anonymous"})"));
  CHECK(bare["status"] == "single-source");

  const Json &refuted = out["cards"][2];
  CHECK(refuted["status"] == "contested");
  CHECK(refuted["corroboration"] == 0);
  CHECK(refuted["evidence"][0]["stance"] == "refutes");
}

TEST_CASE("cards_to_json names the speaker") {
  std::string q = claim("q", "kremlin", "We are calm.", {"mt"});
  q = q.substr(0, q.find("\"quote\":")) + "\"speaker\":\"Peskov\"," + q.substr(q.find("\"quote\":"));
  Built b = build({q});
  REQUIRE(b.cards[0].evidence.size() == 1);
  CHECK(b.story.entities[b.cards[0].evidence[0].speaker].id == "peskov");
  Json out = cards_to_json(b.story, b.cards);
  CHECK(out["cards"][0]["evidence"][0]["speaker"] == Json::parse(R"({"id": "peskov", "name": "Dmitry Peskov"})"));
}

TEST_CASE("merging many evidence items into one card keeps each (source, quote) once") {
  // 2,000 items over 3 sources in one claim, then a claim with the same items and 2 new ones:
  // past the size where a card's evidence is indexed by a hash set.
  auto item = [](int i) {
    return "{\"source\":\"" +
           std::string(i % 3 == 0   ? "mt"
                       : i % 3 == 1 ? "iria"
                                    : "anon1") +
           "\",\"quote\":\"Quote " + std::to_string(i % 1000) + ".\"}";
  };
  std::string list1, list2;
  for (int i = 0; i < 2000; ++i) list1 += (i ? "," : "") + item(i); // i and i+1000: same quote, other source
  for (int i = 0; i < 2000; ++i) list2 += item(i) + ",";
  list2 += R"({"source":"mt","quote":"New."},{"source":"iria","quote":"Quote 1."},{"source":"mt","quote":"New."})";
  Built b = build({R"({"id":"c1","kind":"event","who":"putin","what":"Did it","evidence":[)" + list1 + "]}",
                   R"({"id":"c2","kind":"event","who":"Vladimir Putin","what":"did  it","evidence":[)" + list2 + "]}"});
  REQUIRE(b.cards.size() == 1);
  const Card &card = b.cards[0];
  // Quote k comes from two sources (items k and k + 1000); c2 repeats them all, adds "New." from
  // mt twice and "Quote 1." from iria, which item 1 already is.
  std::set<std::pair<std::size_t, std::string>> distinct;
  for (const CardEvidence &e : card.evidence) distinct.insert({e.source, e.quote});
  CHECK(distinct.size() == card.evidence.size());
  CHECK(card.evidence.size() == 2000 + 1);
  // First-seen order is kept: the first items are c1's, in its order.
  CHECK(card.evidence[0].quote == "Quote 0.");
  CHECK(card.evidence[1].quote == "Quote 1.");
  CHECK(card.evidence[1000].quote == "Quote 0.");
  CHECK(card.evidence[2000].quote == "New.");
}
