// A claim's "updates" (docs/FORMAT.md, Updates): dated notes of what changed,
// read with errors at their values, saved back losslessly, merged into cards
// newest first, and published in the bundle, the JSON-LD (dateModified,
// correction), the snippet's fallback and CSV.
#include "factcard/cards.hpp"
#include "factcard/csv.hpp"
#include "factcard/load.hpp"
#include "factcard/publish.hpp"

#include "support.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace factcard;

namespace {

// Two claims of the same fact (one card), each with updates; one entry is on both.
const std::string story_text = R"({"factcard": 1, "story": {"id": "s", "language": "en"},
  "entities": [{"id": "putin", "name": "Vladimir Putin"}],
  "sources": [{"id": "mt", "publisher": "The Moscow Times"}, {"id": "ap", "publisher": "AP"}],
  "claims": [
    {"id": "a", "kind": "event", "who": "putin", "what": "Putin arrived.",
     "evidence": [{"source": "mt", "quote": "He arrived."}],
     "updates": [{"date": "2024-09-03", "note": "Date corrected"}, {"date": "2024-09-01", "note": "First <b>"}]},
    {"id": "b", "kind": "event", "who": "putin", "what": "Putin arrived.",
     "evidence": [{"source": "ap", "quote": "He landed."}],
     "updates": [{"date": "2024-09-05", "note": "AP added", "by": "desk"}, {"date": "2024-09-03", "note": "Date corrected"}]}
  ]})";

Story loaded(const std::string &text) {
  Result<Story> r = load_story(text, "t.json");
  if (!r.ok())
    for (const Diagnostic &d : r.errors()) INFO(d.to_string());
  REQUIRE(r.ok());
  return std::move(*r);
}

std::vector<std::string> errors(const std::string &text) {
  Result<Story> r = load_story(text, "t.json");
  REQUIRE_FALSE(r.ok());
  std::vector<std::string> out;
  for (const Diagnostic &d : r.errors()) out.push_back(d.to_string());
  return out;
}

} // namespace

TEST_CASE("updates: loaded as written, unknown members kept, absent when the file has none") {
  Story story = loaded(story_text);
  REQUIRE(story.claims[1].updates.size() == 2);
  CHECK(story.claims[1].updates[0].date.to_string() == "2024-09-05");
  CHECK(story.claims[1].updates[0].note == "AP added");
  CHECK(story.claims[1].updates[0].extra == Json({{"by", "desk"}}));
  Story old = loaded(R"({"factcard": 1, "story": {"id": "s"}, "entities": [{"id": "p", "name": "P"}],
    "sources": [{"id": "mt"}], "claims": [{"id": "a", "kind": "event", "who": "p", "what": "W.",
    "evidence": [{"source": "mt", "quote": "Q."}], "updates": null}]})");
  CHECK(old.claims[0].updates.empty());
}

TEST_CASE("updates: every problem at its line and column") {
  const std::string text =
      "{\"factcard\": 1, \"story\": {\"id\": \"s\"}, \"entities\": [{\"id\": \"p\", \"name\": \"P\"}],\n"
      "\"sources\": [{\"id\": \"mt\"}], \"claims\": [\n"
      "{\"id\": \"a\", \"kind\": \"event\", \"who\": \"p\", \"what\": \"W.\",\n"
      " \"evidence\": [{\"source\": \"mt\", \"quote\": \"Q.\"}],\n"
      " \"updates\": [{\"date\": \"2024-09\", \"note\": \"n\"}, {\"date\": \"2024-09-03\", "
      "\"note\": \"  \"}, 7, {\"note\": \"n\"}]},\n"
      "{\"id\": \"b\", \"kind\": \"event\", \"who\": \"p\", \"what\": \"X.\",\n"
      " \"evidence\": [{\"source\": \"mt\", \"quote\": \"Q.\"}], \"updates\": \"2024-09-03\"}]}\n";
  CHECK(errors(text) == std::vector<std::string>{
                            "t.json:5:23: bad update date \"2024-09\": expected a day, YYYY-MM-DD",
                            "t.json:5:79: \"note\" must not be empty",
                            "t.json:5:86: expected an update to be a JSON object",
                            "t.json:5:89: an update is missing \"date\"",
                            "t.json:7:60: \"updates\" must be an array of {\"date\", \"note\"} objects",
                        });
}

TEST_CASE("updates: save_story keeps them, unknown members included") {
  Story story = loaded(story_text);
  std::string saved = save_story(story);
  Story again = loaded(saved);
  CHECK(save_story(again) == saved);
  Json claim = Json::parse(saved)["claims"][1];
  CHECK(claim["updates"] == Json::parse(R"([{"date": "2024-09-05", "note": "AP added", "by": "desk"},
                                           {"date": "2024-09-03", "note": "Date corrected"}])"));
  CHECK_FALSE(Json::parse(save_story(loaded(R"({"factcard": 1, "story": {"id": "s"},
    "entities": [{"id": "p", "name": "P"}], "sources": [{"id": "mt"}], "claims": [{"id": "a", "kind": "event",
    "who": "p", "what": "W.", "evidence": [{"source": "mt", "quote": "Q."}]}]})")))["claims"][0]
                  .contains("updates"));
}

TEST_CASE("updates: a merged card shows the union of its claims' entries, newest first, each once") {
  Story story = loaded(story_text);
  std::vector<Card> cards = compute_cards(story);
  REQUIRE(cards.size() == 1);
  Json json = cards_to_json(story, cards)["cards"][0]["updates"];
  CHECK(json == Json::parse(R"([{"date": "2024-09-05", "note": "AP added"},
                               {"date": "2024-09-03", "note": "Date corrected"},
                               {"date": "2024-09-01", "note": "First <b>"}])"));
  // the bundle carries them, and reading it back gives the same cards
  Json bundle = test::bundle_json(story, cards);
  CHECK(bundle["cards"][0]["updates"] == json);
  Result<LoadedInput> back = test::load_with_cards(bundle.dump(), "s.cards.json");
  REQUIRE(back.ok());
  CHECK(cards_to_json(back->story, back->cards)["cards"][0]["updates"] == json);
  CHECK_FALSE(cards_to_json(story, {}).dump().empty());
}

TEST_CASE("updates: a bundle's entries are put newest first, those of one day in the file's order") {
  Story story = loaded(story_text);
  Json bundle = test::bundle_json(story, compute_cards(story));
  bundle["cards"][0]["updates"] =
      Json::parse(R"([{"date": "2024-09-03", "note": "b"}, {"date": "2024-09-05", "note": "a"},
      {"date": "2024-09-03", "note": "c"}, {"date": "2023-12-31", "note": "e"}, {"date": "2024-09-03", "note": "d"}])");
  Result<LoadedInput> back = test::load_with_cards(bundle.dump(), "s.cards.json");
  REQUIRE(back.ok());
  std::string notes;
  for (const Update &u : back->cards[0].updates) notes += u.note;
  CHECK(notes == "abcde");
}

TEST_CASE("updates: JSON-LD dateModified is the newest, each entry a CorrectionComment") {
  Story story = loaded(story_text);
  std::vector<Card> cards = compute_cards(story);
  Json claim = claim_jsonld(story, cards[0]);
  CHECK(claim["dateModified"] == "2024-09-05");
  REQUIRE(claim["correction"].size() == 3);
  CHECK(claim["correction"][0] ==
        Json::parse(R"({"@type": "CorrectionComment", "text": "AP added", "datePublished": "2024-09-05"})"));
  CHECK(claim["correction"][2]["datePublished"] == "2024-09-01");
  Story plain = loaded(R"({"factcard": 1, "story": {"id": "s"}, "entities": [{"id": "p", "name": "P"}],
    "sources": [{"id": "mt"}], "claims": [{"id": "a", "kind": "event", "who": "p", "what": "W.",
    "evidence": [{"source": "mt", "quote": "Q."}]}]})");
  Json none = claim_jsonld(plain, compute_cards(plain)[0]);
  CHECK_FALSE(none.contains("dateModified"));
  CHECK_FALSE(none.contains("correction"));
}

TEST_CASE("updates: the fallback says when the card was updated and lists the notes, escaped") {
  Story story = loaded(story_text);
  std::string html = embed_snippet(story, compute_cards(story)[0], {});
  CHECK(html.find("<p>Updated 5 September 2024</p>") != std::string::npos);
  CHECK(html.find("<li><time datetime=\"2024-09-05\">5 September 2024</time>: AP added</li>") != std::string::npos);
  CHECK(html.find("First &lt;b&gt;</li>") != std::string::npos);
  CHECK(html.find("First <b>") == std::string::npos);
  CHECK(html.find("Updated") < html.find("</blockquote>"));
}

TEST_CASE("updates: CSV cells in and out") {
  Story story = loaded(story_text);
  Result<CsvExport> csv = export_csv(story, "s.csv");
  REQUIRE(csv.ok());
  CHECK(csv->text.find(",updates\r\n") != std::string::npos);
  CHECK(csv->text.find("\"2024-09-05: AP added\n2024-09-03: Date corrected\"") != std::string::npos);
  CHECK(csv->not_exported == std::vector<std::string>{"updates: by"});
  Result<Story> back = import_csv(csv->text, "s.csv");
  REQUIRE(back.ok());
  REQUIRE(back->claims[1].updates.size() == 2);
  CHECK(back->claims[1].updates[0].date.to_string() == "2024-09-05");
  CHECK(back->claims[1].updates[1].note == "Date corrected");
  CHECK(cards_to_json(*back, compute_cards(*back)) == cards_to_json(story, compute_cards(story)));

  const std::string bad = "claim_id,kind,who,what,quote,source_id,updates\n"
                          "a,event,Putin,P came.,He came.,mt,\"2024-09-03: fine\n3 Sep: bad\"\n"
                          "b,event,Putin,P left.,He left.,mt,2024-09-04:   \n";
  CsvImportOptions options;
  options.id = "s";
  Result<Story> wrong = import_csv(bad, "s.csv", options);
  REQUIRE_FALSE(wrong.ok());
  std::string all;
  for (const Diagnostic &d : wrong.errors()) all += d.to_string() + "\n";
  INFO(all);
  REQUIRE(wrong.errors().size() == 2);
  CHECK(wrong.errors()[0].to_string() ==
        "s.csv:2:7: updates: line 2: expected \"YYYY-MM-DD: note\", not \"3 Sep: bad\"");
  CHECK(wrong.errors()[1].to_string() ==
        "s.csv:3:7: updates: line 1: expected \"YYYY-MM-DD: note\", not \"2024-09-04:\"");
}

TEST_CASE("updates: a story without them exports no updates column") {
  Story plain = loaded(R"({"factcard": 1, "story": {"id": "s"}, "entities": [{"id": "p", "name": "P"}],
    "sources": [{"id": "mt"}], "claims": [{"id": "a", "kind": "event", "who": "p", "what": "W.",
    "evidence": [{"source": "mt", "quote": "Q."}]}]})");
  Result<CsvExport> csv = export_csv(plain, "s.csv");
  REQUIRE(csv.ok());
  CHECK(csv->text.find("updates") == std::string::npos);
}

TEST_CASE("published: the story's day is read, checked at its line and column, saved back, and named by CSV") {
  const std::string base = R"({"factcard": 1, "story": {"id": "s", "published": PUBLISHED},
"entities": [{"id": "p", "name": "P"}], "sources": [{"id": "mt"}],
"claims": [{"id": "a", "kind": "event", "who": "p", "what": "W.", "evidence": [{"source": "mt", "quote": "Q."}]}]})";
  auto with = [&](const std::string &value) { return std::string(base).replace(base.find("PUBLISHED"), 9, value); };
  Story story = loaded(with("\"2024-09-03\""));
  REQUIRE(story.info.published);
  CHECK(story.info.published->to_string() == "2024-09-03");
  std::string saved = save_story(story);
  CHECK(Json::parse(saved)["story"]["published"] == "2024-09-03");
  CHECK(save_story(loaded(saved)) == saved);
  CHECK_FALSE(loaded(with("null")).info.published);
  CHECK(errors(with("\"2024-09\"")) ==
        std::vector<std::string>{"t.json:1:51: bad story published date \"2024-09\": expected a day, YYYY-MM-DD"});
  CHECK(errors(with("\"~2024-09-03\"")).size() == 1);
  CHECK(errors(with("20240903")).size() == 1);
  Result<CsvExport> csv = export_csv(story, "s.csv");
  REQUIRE(csv.ok());
  CHECK(csv->not_exported == std::vector<std::string>{"story: published (the date the editor published it)"});
}
