// The JSON-LD an embed snippet carries: one schema.org Claim per snippet,
// readable by crawlers that do not run the widget, and no way for story text
// to end the <script> element that holds it.
#include "factcard/load.hpp"
#include "factcard/publish.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace factcard;

namespace {

const std::string ld_open = "<script type=\"application/ld+json\">";

// The text of the snippet's one JSON-LD script element, as HTML reads it:
// from the opening tag to the first "</script" in any case.
std::string ld_body(const std::string &html) {
  std::size_t open = html.find(ld_open);
  REQUIRE(open != std::string::npos);
  REQUIRE(html.find(ld_open, open + 1) == std::string::npos); // only one
  std::size_t start = open + ld_open.size();
  std::string lower = html;
  for (char &c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  std::size_t end = lower.find("</script", start);
  REQUIRE(end != std::string::npos);
  return html.substr(start, end - start);
}

std::size_t count(const std::string &text, const std::string &part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

const char *const story_text = R"({"factcard": 1, "story": {"id": "s", "language": "en"},
  "entities": [{"id": "icc", "name": "International Criminal Court", "kind": "organization"},
               {"id": "peskov", "name": "Dmitry Peskov"}],
  "sources": [{"id": "mt", "publisher": "The Moscow Times", "headline": "Putin in Mongolia",
               "url": "https://www.themoscowtimes.com/a", "published": "2024-09-03"},
              {"id": "iria", "publisher": "IRIA", "published": "2024-09-02"},
              {"id": "anon", "headline": "No outlet"}],
  "claims": [
    {"id": "icc-warrant", "kind": "event", "who": "icc", "what": "The ICC issued an arrest warrant for Putin.",
     "when": "2023-03", "evidence": [{"source": "mt", "quote": "Q1"}, {"source": "iria", "quote": "Q2"}]},
    {"id": "hostile", "kind": "quote", "who": "Peskov", "what": "</script><script>alert(1)</script>",
     "evidence": [{"source": "anon", "quote": "</script><script>alert(1)</script>"}]},
    {"id": "comment", "kind": "statement", "who": "Peskov", "what": "<!-- <script> & </SCRIPT > \u2028 \"x\"",
     "evidence": [{"source": "anon", "quote": "Q"}]}
  ]})";

} // namespace

TEST_CASE("embed_snippet carries the card's schema.org Claim as JSON-LD") {
  Result<Story> story = load_story(story_text, "t.json");
  REQUIRE(story.ok());
  std::vector<Card> cards = compute_cards(*story);
  REQUIRE(cards.size() == 3);
  Json graph = story_jsonld(*story, cards)["@graph"];

  for (std::size_t i = 0; i < cards.size(); ++i) {
    const Card &card = cards[i];
    INFO("card " << card.id);
    std::string html = embed_snippet(*story, card, EmbedOptions{});
    std::string body = ld_body(html);
    Json ld = Json::parse(body); // throws, and fails the test, if it does not parse
    CHECK(ld["@context"] == "https://schema.org");
    CHECK(ld["@type"] == "Claim");
    CHECK(ld["@id"] == "#" + card.id);
    CHECK(ld["identifier"] == card.id);
    CHECK(ld["text"] == card.what);
    CHECK(ld["author"]["name"] == story->entities[card.who].name);
    CHECK(ld["appearance"].is_array());
    CHECK(ld["appearance"].size() >= 1);
    // the same Claim as in the story's <id>.jsonld, with its own @context
    Json node = ld;
    node.erase("@context");
    CHECK(node == graph[i]);
    // after the blockquote, before the widget's script
    CHECK(html.find(ld_open) > html.find("</blockquote>"));
    CHECK(html.find(ld_open) < html.find("<script src="));
  }

  std::string warrant = ld_body(embed_snippet(*story, cards[0], EmbedOptions{}));
  Json ld = Json::parse(warrant);
  CHECK(ld["author"] == Json::parse(R"({"@type": "Organization", "name": "International Criminal Court"})"));
  CHECK(ld["temporalCoverage"] == "2023-03");
  CHECK(ld["datePublished"] == "2024-09-02");
  CHECK(ld["firstAppearance"]["publisher"]["name"] == "IRIA");
  CHECK(ld["appearance"][0]["url"] == "https://www.themoscowtimes.com/a");
}

TEST_CASE("embed_snippet JSON-LD: story text cannot end the script element") {
  Result<Story> story = load_story(story_text, "t.json");
  REQUIRE(story.ok());
  std::vector<Card> cards = compute_cards(*story);
  REQUIRE(cards.size() == 3);
  for (std::size_t i : {std::size_t(1), std::size_t(2)}) {
    const Card &card = cards[i];
    INFO("card " << card.id << ": " << card.what);
    std::string html = embed_snippet(*story, card, EmbedOptions{});
    INFO(html);
    std::string body = ld_body(html);
    // no '<' at all in the script's text: no "</script", no "<!--", no "<script"
    CHECK(body.find('<') == std::string::npos);
    CHECK(body.find('>') == std::string::npos);
    CHECK(body.find('&') == std::string::npos);
    // the text survives, as the same string, once parsed
    Json ld = Json::parse(body);
    CHECK(ld["text"] == card.what);
    // two script elements: the JSON-LD and the widget; no third one
    CHECK(count(html, "<script") == 2);
    CHECK(count(html, "</script>") == 2);
    CHECK(html.find("<script>alert(1)") == std::string::npos);
    // the JSON-LD element ends where it should: right before the widget's script
    CHECK(html.find(ld_open) + ld_open.size() + body.size() == html.find("</script>"));
  }
  Json hostile = Json::parse(ld_body(embed_snippet(*story, cards[1], EmbedOptions{})));
  CHECK(hostile["text"] == "</script><script>alert(1)</script>");
  CHECK(hostile["author"] == Json::parse(R"({"@type": "Person", "name": "Dmitry Peskov"})"));
  CHECK(hostile["appearance"] == Json::parse(R"([{"@type": "NewsArticle", "headline": "No outlet"}])"));
  CHECK_FALSE(hostile.contains("datePublished")); // no dated source
}

TEST_CASE("embed_snippet JSON-LD: hostile names, headlines and bytes stay inside strings") {
  // Built by hand, past the loader's checks, as a bug or a future format could.
  Story s;
  s.info.id = "t";
  Entity who;
  who.id = "who";
  who.name = "Mr </script><img src=x onerror=alert(1)>";
  s.entities.push_back(who);
  Source a;
  a.id = "a";
  a.publisher = "Pub </ScRiPt ><!--";
  a.headline = std::string("Head \xFF\xFE invalid UTF-8 </script>");
  a.url = "javascript:alert('</script>')";
  s.sources.push_back(a);
  Card card;
  card.id = "c1";
  card.claims = {"c1"};
  card.kind = ClaimKind::statement;
  card.status = Status::single_source;
  card.corroboration = 1;
  card.who = 0;
  card.what = "What </script>";
  card.evidence.push_back({0, "Q", Stance::supports, npos});

  std::string html = embed_snippet(s, card, EmbedOptions{});
  INFO(html);
  std::string body = ld_body(html);
  CHECK(body.find('<') == std::string::npos);
  CHECK(count(html, "<script") == 2);
  CHECK(html.find("<img") == std::string::npos);
  Json ld = Json::parse(body);
  CHECK(ld["author"]["name"] == "Mr </script><img src=x onerror=alert(1)>");
  CHECK(ld["appearance"][0]["publisher"]["name"] == "Pub </ScRiPt ><!--");
  CHECK_FALSE(ld["appearance"][0].contains("url")); // only http(s), as the footer's links
  // invalid UTF-8 is replaced (U+FFFD), never thrown on
  std::string headline = ld["appearance"][0]["headline"];
  CHECK(headline.find("\xEF\xBF\xBD") != std::string::npos);
  CHECK(headline.find("</script>") != std::string::npos);
}
