// A page per card and its oEmbed answer (card_page.hpp): the share tags say
// what the card says, hostile story text stays text in every place it is
// written (attributes, <title>, JSON-LD, the inline data), absolute URLs only
// with an absolute base, and write_build hands out the same pages.
#include "factcard/card_page.hpp"
#include "factcard/load.hpp"

#include "support.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <tuple>
#include <vector>

using namespace factcard;

namespace {

const char *const story_text = R"({"factcard": 1, "story": {"id": "s", "title": "The Story", "language": "en"},
  "entities": [{"id": "icc", "name": "International Criminal Court", "kind": "organization"},
               {"id": "peskov", "name": "Dmitry Peskov"}, {"id": "unused", "name": "Nobody"}],
  "sources": [{"id": "mt", "publisher": "The Moscow Times", "url": "https://www.themoscowtimes.com/a"},
              {"id": "iria", "publisher": "IRIA"}, {"id": "tass", "publisher": "TASS"},
              {"id": "other", "publisher": "Other"}],
  "claims": [
    {"id": "icc-warrant", "kind": "event", "who": "icc", "what": "The ICC issued an arrest warrant for Putin.",
     "when": "2023-03-17", "evidence": [{"source": "mt", "quote": "Q1"}, {"source": "iria", "quote": "Q2"}]},
    {"id": "talks-2", "kind": "quote", "who": "peskov", "what": "Talks start on the 2nd.", "topic": "talks",
     "value": "2024-09-02", "evidence": [{"source": "tass", "quote": "Q3"}]},
    {"id": "talks-3", "kind": "event", "who": "icc", "what": "Talks started on the 3rd.", "topic": "talks",
     "value": "2024-09-03", "evidence": [{"source": "iria", "quote": "Q4"}]},
    {"id": "elsewhere", "kind": "event", "who": "icc", "what": "Something else.",
     "evidence": [{"source": "other", "quote": "Q5"}]}
  ]})";

struct Loaded {
  Story story;
  std::vector<Card> cards;
};

Loaded load(const char *text) {
  Result<Story> story = load_story(text, "s.json");
  REQUIRE(story.ok());
  Loaded out{std::move(*story), {}};
  out.cards = compute_cards(out.story);
  return out;
}

const Card &card_of(const Loaded &loaded, const std::string &id) {
  for (const Card &card : loaded.cards)
    if (card.id == id) return card;
  FAIL("no card " << id);
  return loaded.cards.front();
}

EmbedOptions cdn() {
  EmbedOptions options;
  options.base = "https://cdn.example/x/";
  options.site_name = "The Meridian";
  return options;
}

bool has(const std::string &html, const std::string &part) { return html.find(part) != std::string::npos; }

std::size_t count(const std::string &html, const std::string &part) {
  std::size_t n = 0;
  for (std::size_t at = html.find(part); at != std::string::npos; at = html.find(part, at + 1)) ++n;
  return n;
}

// The text of the one <script> element that starts with `open`.
std::string script_text(const std::string &html, const std::string &open) {
  std::size_t at = html.find(open);
  REQUIRE(at != std::string::npos);
  std::size_t end = html.find("</script>", at);
  REQUIRE(end != std::string::npos);
  return html.substr(at + open.size(), end - at - open.size());
}

const char *const ld_open = "<script type=\"application/ld+json\">";
const char *const data_open = "<script type=\"application/json\" id=\"factcard-data\">";

} // namespace

TEST_CASE("card_page: the document, its share tags and its widget, with an absolute base") {
  Loaded s = load(story_text);
  std::string html = card_page(s.story, card_of(s, "icc-warrant"), s.cards, cdn());
  INFO(html);
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\" data-factcard-page>\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<base target=\"_top\">\n",
                   0) == 0);
  CHECK(has(html, "<title>The ICC issued an arrest warrant for Putin.</title>\n"));
  const std::string description = "International Criminal Court \u00B7 17 March 2023 \u00B7 Reported by 2 outlets";
  CHECK(card_summary(s.story, card_of(s, "icc-warrant")) == description);
  for (const std::string &tag :
       {"<meta name=\"description\" content=\"" + description + "\">",
        std::string("<link rel=\"canonical\" href=\"https://cdn.example/x/cards/icc-warrant.html\">"),
        std::string("<link rel=\"alternate\" type=\"application/json+oembed\" "
                    "href=\"https://cdn.example/x/cards/icc-warrant.oembed.json\" "
                    "title=\"The ICC issued an arrest warrant for Putin.\">"),
        std::string("<meta property=\"og:type\" content=\"article\">"),
        std::string("<meta property=\"og:title\" content=\"The ICC issued an arrest warrant for Putin.\">"),
        "<meta property=\"og:description\" content=\"" + description + "\">",
        std::string("<meta property=\"og:site_name\" content=\"The Meridian\">"),
        std::string("<meta property=\"og:url\" content=\"https://cdn.example/x/cards/icc-warrant.html\">"),
        std::string("<meta name=\"twitter:card\" content=\"summary\">"),
        std::string("<meta name=\"twitter:title\" content=\"The ICC issued an arrest warrant for Putin.\">"),
        "<meta name=\"twitter:description\" content=\"" + description + "\">",
        std::string("<script src=\"https://cdn.example/x/factcard/factcard.js\" async></script>\n</head>"),
        std::string("<main>\n<blockquote class=\"fact-card\" data-story=\"#factcard-data\" "
                    "data-claim=\"icc-warrant\" lang=\"en\">\n  <p>The ICC issued an arrest warrant for Putin.</p>"),
        std::string("</blockquote>\n</main>\n</body>\n</html>\n")}) {
    INFO(tag);
    CHECK(has(html, tag));
  }
  // no inline script: three elements, two of them data blocks
  CHECK(count(html, "<script") == 3);
  CHECK(count(html, "<style") == 0);
  CHECK(count(html, " style=") == 0);
  Json ld = Json::parse(script_text(html, ld_open));
  CHECK(ld == [&] {
    Json claim = claim_jsonld(s.story, card_of(s, "icc-warrant"));
    Json with_context = {{"@context", "https://schema.org"}};
    for (auto &item : claim.items()) with_context[item.key()] = item.value();
    return with_context;
  }());
}

TEST_CASE("card_page: no canonical link, og:url or oEmbed without an absolute base, the widget one folder up") {
  Loaded s = load(story_text);
  const Card &card = card_of(s, "icc-warrant");
  struct Case {
    const char *base, *script;
  };
  for (Case c : {Case{"", "../factcard/factcard.js"}, Case{"assets/", "../assets/factcard/factcard.js"},
                 Case{"/static/", "/static/factcard/factcard.js"}}) {
    EmbedOptions options;
    options.base = c.base;
    INFO(c.base);
    CHECK_FALSE(has_absolute_base(options));
    std::string html = card_page(s.story, card, s.cards, options);
    CHECK(has(html, std::string("<script src=\"") + c.script + "\" async></script>"));
    CHECK_FALSE(has(html, "canonical"));
    CHECK_FALSE(has(html, "og:url"));
    CHECK_FALSE(has(html, "oembed"));
    CHECK(has(html, "<meta property=\"og:title\""));
    CHECK(has(html, "<meta property=\"og:site_name\" content=\"The Story\">")); // the default: the story's title
    CHECK(card_oembed(s.story, card, options).is_null());
  }
  Story untitled = s.story;
  untitled.info.title.reset();
  CHECK(site_name(untitled, EmbedOptions{}) == "factcard");
  CHECK(has_absolute_base(cdn()));
}

TEST_CASE("card_page: hostile story text stays text in attributes, title, JSON-LD and data") {
  Loaded s = load(story_text);
  const std::string hostile = "\"><script>alert(1)</script><!--<img src=x onerror=alert(1)>'&";
  Card card = card_of(s, "icc-warrant");
  card.what = hostile;
  s.story.entities[card.who].name = "Mr " + hostile;
  s.story.sources[0].publisher = "Pub </script " + hostile;
  EmbedOptions options = cdn();
  options.site_name = "Site " + hostile;
  std::string html = card_page(s.story, card, s.cards, options);
  INFO(html);
  CHECK(count(html, "<script") == 3);
  CHECK(count(html, "</script") == 3);
  CHECK_FALSE(has(html, "<!--"));
  CHECK_FALSE(has(html, "<img"));
  CHECK_FALSE(has(html, "\"><"));
  const std::string escaped = "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!--&lt;img src=x "
                              "onerror=alert(1)&gt;&#39;&amp;";
  CHECK(has(html, "<meta property=\"og:title\" content=\"" + escaped + "\">"));
  CHECK(has(html, "<meta property=\"og:site_name\" content=\"Site " + escaped + "\">"));
  CHECK(has(html, "<meta name=\"twitter:description\" content=\"Mr " + escaped));
  // in <title>, only what element content needs, cut at a space to 70 units of markup
  CHECK(has(html, "<title>\"&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!--&lt;img src=x\u2026</title>"));
  // both script blocks hold the same values, their '<', '>' and '&' as \u escapes
  Json ld = Json::parse(script_text(html, ld_open));
  CHECK(ld["text"] == hostile);
  Json data = Json::parse(script_text(html, data_open));
  CHECK(data["cards"][0]["what"] == hostile);
  CHECK(data["sources"][0]["publisher"] == "Pub </script " + hostile);
}

TEST_CASE("card_page: a long claim's <title> is cut at a word, the share tags keep it whole") {
  Loaded s = load(story_text);
  Card card = card_of(s, "icc-warrant");
  card.what = "Mongolia's government said it would not arrest the Russian president during his visit because "
              "of its energy dependence.";
  std::string html = card_page(s.story, card, s.cards, cdn());
  std::string title = html.substr(html.find("<title>") + 7, html.find("</title>") - html.find("<title>") - 7);
  CHECK(title == "Mongolia's government said it would not arrest the Russian president\u2026");
  CHECK(has(html, "content=\"Mongolia&#39;s government said it would not arrest the Russian president during his "
                  "visit because of its energy dependence.\">"));
}

TEST_CASE("card_page: its data is a bundle of the card and the cards it contradicts, nothing else") {
  Loaded s = load(story_text);
  const Card &card = card_of(s, "talks-2");
  REQUIRE(card.contradicts == std::vector<std::string>{"talks-3"});
  std::string html = card_page(s.story, card, s.cards, cdn());
  CHECK(has(html, "<title>\u201CTalks start on the 2nd.\u201D</title>")); // a quote, in quotation marks
  std::string data = script_text(html, data_open);
  Result<LoadedInput> loaded = test::load_with_cards(data, "data");
  REQUIRE(loaded.ok());
  CHECK(loaded->kind == InputKind::bundle);
  REQUIRE(loaded->cards.size() == 2);
  CHECK(loaded->cards[0].id == "talks-2");
  CHECK(loaded->cards[0].what == "Talks start on the 2nd.");
  CHECK(loaded->cards[0].status == Status::contested);
  CHECK(loaded->cards[1].id == "talks-3");
  Json bundle = Json::parse(data);
  std::vector<std::string> entities, sources;
  for (const Json &e : bundle["entities"]) entities.push_back(e["id"]);
  for (const Json &e : bundle["sources"]) sources.push_back(e["id"]);
  CHECK(entities == std::vector<std::string>{"icc", "peskov"});
  CHECK(sources == std::vector<std::string>{"iria", "tass"});
}

TEST_CASE("card_oembed: a rich answer with the fallback and an iframe of the card page") {
  Loaded s = load(story_text);
  const Card &card = card_of(s, "icc-warrant");
  Json oembed = card_oembed(s.story, card, cdn());
  REQUIRE(oembed.is_object());
  CHECK(oembed["type"] == "rich");
  CHECK(oembed["version"] == "1.0");
  CHECK(oembed["title"] == "The ICC issued an arrest warrant for Putin.");
  CHECK(oembed["provider_name"] == "The Meridian");
  CHECK(oembed["provider_url"] == "https://cdn.example/x/");
  CHECK(oembed["cache_age"] == 300);
  CHECK(oembed["width"] == oembed_width);
  CHECK(oembed["height"] == oembed_height(card));
  std::string html = oembed["html"];
  std::string fallback = embed_snippet(s.story, card, cdn());
  fallback = fallback.substr(0, fallback.find("</blockquote>\n") + 14);
  CHECK(html == fallback + "<iframe src=\"https://cdn.example/x/cards/icc-warrant.html\" width=\"560\" height=\"" +
                    std::to_string(oembed_height(card)) +
                    "\" title=\"Fact card: The ICC issued an arrest warrant for Putin.\" frameborder=\"0\"></iframe>");
  // a collapsed card grows with its claim and its sources
  Card longer = card;
  longer.what += std::string(200, 'x');
  CHECK(oembed_height(longer) > oembed_height(card));
  CHECK(oembed_height(card_of(s, "elsewhere")) < oembed_height(card));
}

TEST_CASE("write_build: pages and oEmbed files through the sink, the other outputs unchanged") {
  Loaded s = load(story_text);
  auto build = [&](bool pages, const EmbedOptions &options) {
    std::string everything;
    std::vector<std::string> page_ids, oembed_ids;
    BuildSink sink;
    sink.bundle = [&](std::string_view text) { return everything.append(text), true; };
    sink.jsonld = [&](std::string_view text) { return everything.append(text), true; };
    sink.snippet = [&](const std::string &, std::string_view html) { return everything.append(html), true; };
    if (pages) {
      sink.page = [&](const std::string &id, std::string_view html) {
        CHECK(std::string(html) == card_page(s.story, card_of(s, id), s.cards, options));
        return page_ids.push_back(id), true;
      };
      sink.oembed = [&](const std::string &id, std::string_view json) {
        CHECK(Json::parse(json) == card_oembed(s.story, card_of(s, id), options));
        return oembed_ids.push_back(id), true;
      };
    }
    REQUIRE(write_build(s.story, s.cards, options, sink));
    return std::make_tuple(everything, page_ids, oembed_ids);
  };
  const std::vector<std::string> all = {"icc-warrant", "talks-2", "talks-3", "elsewhere"};
  auto with = build(true, cdn());
  auto without = build(false, cdn());
  CHECK(std::get<0>(with) == std::get<0>(without));
  CHECK(std::get<1>(with) == all);
  CHECK(std::get<2>(with) == all);
  auto relative = build(true, EmbedOptions{});
  CHECK(std::get<1>(relative) == all);
  CHECK(std::get<2>(relative).empty()); // oEmbed needs an absolute base

  BuildSink stops;
  stops.bundle = stops.jsonld = [](std::string_view) { return true; };
  stops.snippet = [](const std::string &, std::string_view) { return true; };
  stops.page = [](const std::string &, std::string_view) { return false; };
  CHECK_FALSE(write_build(s.story, s.cards, cdn(), stops));
}
