// What `factcard build` publishes: dates for readers, HTML that hostile
// story text cannot break out of, and schema.org JSON-LD.
#include "factcard/load.hpp"
#include "factcard/publish.hpp"

#include <catch2/catch.hpp>

#include <cctype>
#include <set>
#include <string>
#include <vector>

using namespace factcard;

TEST_CASE("format_date_en says what precision the date has") {
  auto fmt = [](const char *text) { return format_date_en(*parse_date(text)); };
  CHECK(fmt("2024") == "2024");
  CHECK(fmt("2023-03") == "March 2023");
  CHECK(fmt("2024-09-03") == "3 September 2024");
  CHECK(fmt("2024-01-31") == "31 January 2024");
  CHECK(fmt("2024-12") == "December 2024");
  CHECK(fmt("~2024") == "c. 2024");
  CHECK(fmt("~2024-09") == "c. September 2024");
  CHECK(fmt("~2024-09-03") == "c. 3 September 2024");
  CHECK(fmt("unknown") == "unknown date");
  CHECK(format_date_en(Date::unknown()) == "unknown date");
}

TEST_CASE("escape_html") {
  CHECK(escape_html("a & b") == "a &amp; b");
  CHECK(escape_html("<script>") == "&lt;script&gt;");
  CHECK(escape_html("\"double\" 'single'") == "&quot;double&quot; &#39;single&#39;");
  CHECK(escape_html(std::string("nul\0byte", 8)) == "nul\xEF\xBF\xBD"
                                                    "byte");
  CHECK(escape_html("&amp;") == "&amp;amp;"); // escaped text is text, not markup
  CHECK(escape_html("Khürelsükh 中文 😀") == "Khürelsükh 中文 😀");
  CHECK(escape_html("") == "");
}

TEST_CASE("is_web_url accepts absolute http and https only") {
  for (const char *good : {"https://example.org", "http://example.org/a?b=c#d", "HTTPS://EXAMPLE.ORG/", "HtTp://x.y",
                           "https://example.org/%E2%80%99", "https://user@example.org:8080/p",
                           "https://example.org/it's"}) { // "'" is allowed in a URL; escape_html quotes it
    INFO(good);
    CHECK(is_web_url(good));
  }
  for (const char *bad : {"javascript:alert(1)",
                          "JavaScript:alert(1)",
                          "data:text/html,<script>alert(1)</script>",
                          "vbscript:msgbox(1)",
                          "/relative/path",
                          "relative",
                          "//example.org/a",
                          "https://",
                          "http://",
                          "https:///path",
                          "https:example.org",
                          " https://example.org",
                          "https://example.org/a b",
                          "https://example.org/\t",
                          "https://example.org/\n",
                          "https://example.org/\"onmouseover=x",
                          "https://example.org/<script>",
                          "ftp://example.org",
                          "",
                          "https",
                          "https://example.org/\x7F"}) {
    INFO(bad);
    CHECK_FALSE(is_web_url(bad));
  }
}

namespace {

const char *const hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>'";

// A story holding hostile text everywhere a reader sees text. Built by
// hand, past the loader's checks, as a bug or a future format could.
Story hostile_story() {
  Story s;
  s.info.id = "t";
  s.info.language = "en\"><script>alert(1)</script>";
  Entity who;
  who.id = "who";
  who.name = std::string("Mr ") + hostile;
  s.entities.push_back(who);
  Source a;
  a.id = "a";
  a.publisher = std::string("Pub ") + hostile;
  a.url = "javascript:alert(1)";
  s.sources.push_back(a);
  Source b;
  b.id = "b";
  b.headline = std::string("Head ") + hostile;
  b.url = "https://example.org/\"><img src=x onerror=alert(1)>";
  s.sources.push_back(b);
  Source c;
  c.id = "c";
  c.publisher = "Fine & Dandy";
  c.url = "https://example.org/a?x=1&y=2";
  s.sources.push_back(c);
  Source d;
  d.id = "d";
  d.url = "data:text/html,<script>alert(1)</script>";
  s.sources.push_back(d);
  return s;
}

Card hostile_card(ClaimKind kind) {
  Card card;
  card.id = "c1";
  card.claims = {"c1"};
  card.kind = kind;
  card.status = Status::corroborated;
  card.corroboration = 3;
  card.who = 0;
  card.what = std::string("What ") + hostile;
  card.when = parse_date("2023-03");
  for (std::size_t i = 0; i < 4; ++i) card.evidence.push_back({i, hostile, Stance::supports, npos});
  return card;
}

struct Tag {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes; // values still escaped
};

std::string unescape(const std::string &v) {
  std::string out;
  for (std::size_t i = 0; i < v.size();) {
    bool matched = false;
    for (auto e : {std::make_pair("&amp;", '&'), std::make_pair("&lt;", '<'), std::make_pair("&gt;", '>'),
                   std::make_pair("&quot;", '"'), std::make_pair("&#39;", '\'')}) {
      std::string entity = e.first;
      if (v.compare(i, entity.size(), entity) == 0) {
        out += e.second;
        i += entity.size();
        matched = true;
        break;
      }
    }
    if (!matched) out += v[i++];
  }
  return out;
}

// A strict reader for the markup embed_snippet writes: every '<' opens a
// tag, every attribute is name="value" or a bare name. Anything else (a
// stray quote, '<' in text) fails the test.
std::vector<Tag> read_tags(const std::string &html) {
  std::vector<Tag> tags;
  for (std::size_t i = 0; i < html.size(); ++i) {
    if (html[i] == '>') FAIL("raw '>' in text at " << i << ": " << html);
    if (html[i] == '"') FAIL("raw '\"' in text at " << i << ": " << html);
    if (html[i] != '<') continue;
    Tag tag;
    std::size_t j = i + 1;
    while (j < html.size() && (std::isalnum(static_cast<unsigned char>(html[j])) || html[j] == '/'))
      tag.name += html[j++];
    while (j < html.size() && html[j] != '>') {
      if (html[j] == ' ') {
        ++j;
        continue;
      }
      std::string name;
      while (j < html.size() && html[j] != '=' && html[j] != ' ' && html[j] != '>') name += html[j++];
      std::string value;
      if (j < html.size() && html[j] == '=') {
        REQUIRE(html[j + 1] == '"');
        std::size_t close = html.find('"', j + 2);
        REQUIRE(close != std::string::npos);
        value = html.substr(j + 2, close - j - 2);
        REQUIRE(value.find('<') == std::string::npos);
        REQUIRE(value.find('>') == std::string::npos);
        j = close + 1;
      }
      tag.attributes.emplace_back(name, value);
    }
    REQUIRE(j < html.size());
    tags.push_back(tag);
    i = j;
  }
  return tags;
}

// The snippet without its JSON-LD element (tests/core/test_jsonld.cpp
// checks its content): its text has no '<', so nothing in it ends it early.
std::string without_jsonld(const std::string &html) {
  const std::string open = "<script type=\"application/ld+json\">";
  std::size_t at = html.find(open);
  REQUIRE(at != std::string::npos);
  std::size_t end = html.find("</script>\n", at);
  REQUIRE(end != std::string::npos);
  CHECK(html.substr(at + open.size(), end - at - open.size()).find('<') == std::string::npos);
  return html.substr(0, at) + html.substr(end + 10);
}

void check_markup(const std::string &html) {
  INFO(html);
  const std::set<std::string> allowed_tags = {"blockquote", "/blockquote", "p",  "/p",     "footer",
                                              "/footer",    "a",           "/a", "script", "/script"};
  const std::set<std::string> allowed_attributes = {"class", "data-story", "data-claim", "lang",
                                                    "href",  "src",        "async",      "fetchpriority"};
  int scripts = 0;
  for (const Tag &tag : read_tags(without_jsonld(html))) {
    INFO("<" << tag.name);
    CHECK(allowed_tags.count(tag.name) == 1);
    if (tag.name == "script") ++scripts;
    for (const auto &attribute : tag.attributes) {
      INFO(attribute.first << "=" << attribute.second);
      CHECK(allowed_attributes.count(attribute.first) == 1);
      if (attribute.first == "href") CHECK(is_web_url(unescape(attribute.second)));
    }
  }
  CHECK(scripts == 1); // the widget's own, nothing else
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("javascript:") == std::string::npos);
  CHECK(html.find("data:text") == std::string::npos);
}

} // namespace

TEST_CASE("embed_snippet: hostile text stays text") {
  Story s = hostile_story();
  for (ClaimKind kind : {ClaimKind::event, ClaimKind::quote}) {
    std::string html = embed_snippet(s, hostile_card(kind), EmbedOptions{});
    check_markup(html);
    // the text is there, escaped
    CHECK(html.find("What &lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;") !=
          std::string::npos);
    CHECK(html.find("Mr &lt;script&gt;") != std::string::npos);
    CHECK(html.find("Pub &lt;script&gt;") != std::string::npos);
    CHECK(html.find("Head &lt;script&gt;") != std::string::npos);
    // the only link is the one safe url, with its '&' escaped and a text
    // fragment for the hostile excerpt, percent-encoded (nothing for HTML to read)
    CHECK(html.find("href=") == html.rfind("href="));
    CHECK(html.find("<a href=\"https://example.org/a?x=1&amp;y=2#:~:text=%3Cscript%3Ealert%281%29%3C%2Fscript%3E%22%3E"
                    "%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E%27\">Fine &amp; Dandy</a>") != std::string::npos);
    CHECK(html.find("lang=\"en&quot;&gt;&lt;script&gt;") != std::string::npos);
  }
}

TEST_CASE("embed_snippet: fallback content, data attributes, script tag, base URL") {
  std::string text = R"({"factcard": 1, "story": {"id": "putin-mongolia-2024", "language": "en"},
    "entities": [{"id": "icc", "name": "International Criminal Court", "kind": "organization"},
                 {"id": "peskov", "name": "Dmitry Peskov"}],
    "sources": [{"id": "mt", "publisher": "The Moscow Times", "url": "https://www.themoscowtimes.com/a"},
                {"id": "iria", "publisher": "IRIA"},
                {"id": "anon", "headline": "Putin gets red carpet"},
                {"id": "bare"}],
    "claims": [
      {"id": "icc-warrant", "kind": "event", "who": "icc", "what": "The ICC issued an arrest warrant for Putin.",
       "when": "2023-03", "evidence": [{"source": "mt", "quote": "Q1"}, {"source": "iria", "quote": "Q2"}]},
      {"id": "calm", "kind": "quote", "who": "Peskov", "what": "We are not worried.",
       "evidence": [{"source": "anon", "quote": "We are not worried."}]},
      {"id": "denied", "kind": "statement", "who": "Peskov", "what": "Nothing happened.",
       "evidence": [{"source": "bare", "quote": "Q"}, {"source": "mt", "quote": "R", "stance": "refutes"}]}
    ]})";
  Result<Story> story = load_story(text, "t.json");
  REQUIRE(story.ok());
  std::vector<Card> cards = compute_cards(*story);
  REQUIRE(cards.size() == 3);

  std::string relative = embed_snippet(*story, cards[0], EmbedOptions{});
  check_markup(relative);
  CHECK(relative ==
        "<blockquote class=\"fact-card\" data-story=\"putin-mongolia-2024.cards.json\" data-claim=\"icc-warrant\" "
        "lang=\"en\">\n"
        "  <p>The ICC issued an arrest warrant for Putin.</p>\n"
        "  <footer>International Criminal Court \u00B7 March 2023 \u00B7 Reported by 2 outlets: "
        "<a href=\"https://www.themoscowtimes.com/a#:~:text=Q1\">The Moscow Times</a>, IRIA</footer>\n"
        "</blockquote>\n"
        R"(<script type="application/ld+json">{"@context":"https://schema.org","@type":"Claim",)"
        R"("@id":"#icc-warrant","identifier":"icc-warrant","text":"The ICC issued an arrest warrant for Putin.",)"
        R"("author":{"@type":"Organization","name":"International Criminal Court"},"temporalCoverage":"2023-03",)"
        R"("appearance":[{"@type":"NewsArticle","url":"https://www.themoscowtimes.com/a",)"
        R"("publisher":{"@type":"Organization","name":"The Moscow Times"}},)"
        R"({"@type":"NewsArticle","publisher":{"@type":"Organization","name":"IRIA"}}]}</script>)"
        "\n"
        "<script src=\"factcard/factcard.js\" async fetchpriority=\"low\"></script>\n");

  EmbedOptions cdn;
  cdn.base = "https://cdn.example/x/";
  std::string absolute = embed_snippet(*story, cards[0], cdn);
  check_markup(absolute);
  CHECK(absolute.find("data-story=\"https://cdn.example/x/putin-mongolia-2024.cards.json\"") != std::string::npos);
  CHECK(absolute.find(
            "<script src=\"https://cdn.example/x/factcard/factcard.js\" async fetchpriority=\"low\"></script>") !=
        std::string::npos);

  std::string quote = embed_snippet(*story, cards[1], EmbedOptions{});
  check_markup(quote);
  CHECK(quote.find("<p>\u201CWe are not worried.\u201D</p>") != std::string::npos);
  CHECK(quote.find("Single source: \u201CPutin gets red carpet\u201D (outlet unknown)") != std::string::npos);

  std::string contested = embed_snippet(*story, cards[2], EmbedOptions{});
  check_markup(contested);
  // the link lands on the card's excerpt from that source; the JSON-LD keeps the plain address
  CHECK(contested.find("Contested: sources disagree: Unknown outlet, "
                       "<a href=\"https://www.themoscowtimes.com/a#:~:text=R\">The Moscow Times</a>") !=
        std::string::npos);
  CHECK(contested.find(R"("url":"https://www.themoscowtimes.com/a")") != std::string::npos);
}

TEST_CASE("story_jsonld: one schema.org Claim per card") {
  std::string text = R"({"factcard": 1, "story": {"id": "s"},
    "entities": [{"id": "icc", "name": "International Criminal Court", "kind": "organization"},
                 {"id": "putin", "name": "Vladimir Putin"},
                 {"id": "ub", "name": "Ulaanbaatar", "kind": "place"}],
    "sources": [{"id": "late", "publisher": "Late News", "headline": "Later", "url": "https://late.example/a",
                 "published": "2024-09-03"},
                {"id": "early", "publisher": "Early News", "published": "2024-09-02"},
                {"id": "undated", "headline": "No date"},
                {"id": "vague", "published": "unknown"},
                {"id": "circa", "publisher": "Circa", "published": "~2024-08"}],
    "claims": [
      {"id": "warrant", "kind": "event", "who": "icc", "what": "A warrant.", "when": "2023-03",
       "evidence": [{"source": "late", "quote": "Q"}, {"source": "early", "quote": "Q"}, {"source": "undated", "quote": "Q"}]},
      {"id": "visit", "kind": "event", "who": "putin", "what": "A visit.", "when": "~2024",
       "evidence": [{"source": "undated", "quote": "Q"}, {"source": "vague", "quote": "Q"},
                    {"source": "circa", "quote": "Q"}]},
      {"id": "city", "kind": "statement", "who": "ub", "what": "A city.",
       "evidence": [{"source": "late", "quote": "Q"}]}
    ]})";
  Result<Story> story = load_story(text, "t.json");
  REQUIRE(story.ok());
  std::vector<Card> cards = compute_cards(*story);
  Json ld = story_jsonld(*story, cards);
  CHECK(ld["@context"] == "https://schema.org");
  REQUIRE(ld["@graph"].size() == cards.size());
  for (const Json &claim : ld["@graph"]) {
    CHECK(claim["@type"] == "Claim");
    CHECK(claim.contains("author"));
    CHECK(claim.contains("appearance"));
    CHECK(claim.contains("text"));
  }

  const Json &warrant = ld["@graph"][0];
  CHECK(warrant["@id"] == "#warrant");
  CHECK(warrant["identifier"] == "warrant");
  CHECK(warrant["text"] == "A warrant.");
  CHECK(warrant["author"] == Json::parse(R"({"@type": "Organization", "name": "International Criminal Court"})"));
  CHECK(warrant["temporalCoverage"] == "2023-03");
  REQUIRE(warrant["appearance"].size() == 3);
  CHECK(warrant["appearance"][0] ==
        Json::parse(R"({"@type": "NewsArticle", "headline": "Later", "url": "https://late.example/a",
                        "datePublished": "2024-09-03", "publisher": {"@type": "Organization", "name": "Late News"}})"));
  CHECK(warrant["appearance"][2] == Json::parse(R"({"@type": "NewsArticle", "headline": "No date"})"));
  // the earliest dated source is where the claim first appeared
  CHECK(warrant["datePublished"] == "2024-09-02");
  CHECK(warrant["firstAppearance"]["publisher"]["name"] == "Early News");

  const Json &visit = ld["@graph"][1];
  CHECK(visit["author"] == Json::parse(R"({"@type": "Person", "name": "Vladimir Putin"})"));
  // no source has an exact date: "~2024-08" is not an ISO 8601 date for schema.org
  CHECK_FALSE(visit.contains("datePublished"));
  CHECK_FALSE(visit.contains("firstAppearance"));
  CHECK_FALSE(visit.contains("temporalCoverage")); // "~2024" is not a coverage
  CHECK(visit["appearance"][1] == Json::parse(R"({"@type": "NewsArticle"})"));
  CHECK(visit["appearance"][2] ==
        Json::parse(R"({"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "Circa"}})"));

  const Json &city = ld["@graph"][2];
  CHECK(city["author"]["@type"] == "Place");
  CHECK(city["datePublished"] == "2024-09-03");
}

TEST_CASE("write_build: the outputs of a story without cards, and a sink that stops") {
  Result<Story> empty =
      load_story(R"({"factcard": 1, "story": {"id": "e"}, "entities": [], "sources": [], "claims": []})", "e.json");
  REQUIRE(empty.ok());
  std::string bundle, jsonld;
  int snippets = 0;
  BuildSink sink;
  sink.bundle = [&](std::string_view text) { return bundle.append(text), true; };
  sink.jsonld = [&](std::string_view text) { return jsonld.append(text), true; };
  sink.snippet = [&](const std::string &, std::string_view) { return ++snippets, true; };
  REQUIRE(write_build(*empty, {}, EmbedOptions{}, sink));
  CHECK(bundle == "{\"factcard_bundle\":1,\"story\":{\"id\":\"e\"},\"entities\":[],\"sources\":[],\"cards\":[]}\n");
  CHECK(jsonld == story_jsonld(*empty, {}).dump(2) + "\n");
  CHECK(snippets == 0);

  Result<Story> story = load_story(R"({"factcard": 1, "story": {"id": "s"},
    "entities": [{"id": "p", "name": "P </script>"}], "sources": [{"id": "a", "publisher": "A & B"}],
    "claims": [{"id": "one", "kind": "event", "who": "p", "what": "One.", "evidence": [{"source": "a", "quote": "Q"}]},
               {"id": "two", "kind": "quote", "who": "p", "what": "Two.", "evidence": [{"source": "a", "quote": "R"}]}]})",
                                   "s.json");
  REQUIRE(story.ok());
  std::vector<Card> cards = compute_cards(*story);
  REQUIRE(cards.size() == 2);
  sink.snippet = [&](const std::string &, std::string_view) { return ++snippets < 1; };
  CHECK_FALSE(write_build(*story, cards, EmbedOptions{}, sink));
  CHECK(snippets == 1);
}

TEST_CASE("build layout: the paths the CLI writes and the editor zips, and --base with its slash") {
  Story story;
  story.info.id = "putin-mongolia-2024";
  CHECK(bundle_path(story) == "putin-mongolia-2024.cards.json");
  CHECK(jsonld_path(story) == "putin-mongolia-2024.jsonld");
  CHECK(snippet_path("arrival") == "embed/arrival.html");
  CHECK(card_page_path("arrival") == "cards/arrival.html");
  CHECK(oembed_path("arrival") == "cards/arrival.oembed.json");
  CHECK(embed_options("https://cards.example.org/s", "").base == "https://cards.example.org/s/");
  CHECK(embed_options("https://cards.example.org/s/", "M").base == "https://cards.example.org/s/");
  CHECK(embed_options("", "M").base.empty());
  CHECK(embed_options("", "M").site_name == "M");
}
