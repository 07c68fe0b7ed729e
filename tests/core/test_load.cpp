// Loading story files and bundles: every error with its position, all at
// once, never a partial story; saving loses nothing.
#include "factcard/cards.hpp"
#include "factcard/load.hpp"
#include "factcard/publish.hpp"

#include "support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

using namespace factcard;

namespace {

// `text` with the first occurrence of `from` replaced by `to`.
std::string with(std::string text, const std::string &from, const std::string &to) {
  std::size_t at = text.find(from);
  INFO("replacing " << from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

// "line:col" of the nth occurrence of `needle`: 1-based, columns in code
// points. Written apart from the loader's own LineIndex on purpose.
std::string where(const std::string &text, const std::string &needle, int nth = 0) {
  std::size_t at = text.find(needle);
  for (int i = 0; i < nth && at != std::string::npos; ++i) at = text.find(needle, at + 1);
  INFO("looking for " << needle);
  REQUIRE(at != std::string::npos);
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < at; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

// `pos` ("line:col") moved right by `columns`.
std::string shift(const std::string &pos, int columns) {
  std::size_t colon = pos.find(':');
  return pos.substr(0, colon + 1) + std::to_string(std::stoi(pos.substr(colon + 1)) + columns);
}

// The diagnostics of a text that must not load, as "line:col: message".
std::vector<std::string> errors(const std::string &text) {
  Result<Story> r = load_story(text, "t.json");
  CHECK_FALSE(r.ok());
  std::vector<std::string> out;
  for (const Diagnostic &d : r.errors()) {
    CHECK(d.file == "t.json");
    CHECK(d.to_string() == "t.json:" + std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message);
    out.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message);
  }
  return out;
}

using Lines = std::vector<std::string>;

bool is_valid_utf8(const std::string &s) {
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

// Order-insensitive JSON (objects compared as maps).
nlohmann::json plain(const std::string &text) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  return j;
}

const std::string base = R"({
  "factcard": 1,
  "story": {"id": "s", "title": "T", "language": "en"},
  "entities": [
    {"id": "putin", "name": "Vladimir Putin", "kind": "person", "aliases": ["President Putin"]},
    {"id": "khurelsukh", "name": "Ukhnaagiin Khürelsükh", "description": "President of Mongolia"},
    {"id": "navalny", "name": "Alexei Navalny"},
    {"id": "overchuk", "name": "Alexei Overchuk"}
  ],
  "sources": [
    {"id": "mt", "publisher": "The Moscow Times", "url": "https://www.themoscowtimes.com/a", "published": "2024-09-02"},
    {"id": "iria", "headline": "Red carpet", "authors": ["A. Writer"]}
  ],
  "claims": [
    {"id": "visit", "kind": "event", "who": "Putin", "what": "Putin visited Mongolia.", "when": "2024-09-03",
     "topic": "visit.date", "value": "2024-09-03",
     "evidence": [{"source": "mt", "quote": "Putin arrived."}, {"source": "iria", "quote": "He landed.", "speaker": "Khurelsukh Ukhnaa"}]}
  ]
}
)";

} // namespace

TEST_CASE("a valid story loads with every reference resolved") {
  Result<Story> r = load_story(base, "t.json");
  REQUIRE(r.ok());
  REQUIRE(r.errors().empty());
  const Story &s = *r;
  CHECK(s.info.id == "s");
  CHECK(s.info.title == std::optional<std::string>("T"));
  REQUIRE(s.entities.size() == 4);
  CHECK(s.entities[0].aliases == std::vector<std::string>{"President Putin"});
  CHECK(s.entities[1].kind_or_default() == EntityKind::person);
  CHECK_FALSE(s.entities[1].kind.has_value());
  REQUIRE(s.sources.size() == 2);
  CHECK(s.sources[0].published->to_string() == "2024-09-02");
  CHECK_FALSE(s.sources[1].publisher.has_value());
  REQUIRE(s.claims.size() == 1);
  const Claim &c = s.claims[0];
  CHECK(c.who == "Putin"); // kept as written
  CHECK(c.who_index == 0);
  CHECK(c.value == Json("2024-09-03"));
  REQUIRE(c.evidence.size() == 2);
  CHECK(c.evidence[0].source_index == 0);
  CHECK(c.evidence[1].source_index == 1);
  CHECK(c.evidence[1].speaker_index == 1);
  CHECK(c.evidence[0].speaker_index == npos);
  CHECK(c.evidence[0].stance_or_default() == Stance::supports);
}

TEST_CASE("Diagnostic::to_string prints file:line:col: message") {
  Diagnostic d{"dir/story.json", 3, 14, "something is wrong"};
  CHECK(d.to_string() == "dir/story.json:3:14: something is wrong");
  Diagnostic nowhere{"x.json", 0, 0, "no position"};
  CHECK(nowhere.to_string() == "x.json: no position");
}

TEST_CASE("syntax errors are reported where they are") {
  SECTION("a missing value") {
    CHECK(errors("{\n  \"factcard\": 1,\n  \"story\": ,\n}") ==
          Lines{"3:12: syntax error while parsing value - unexpected ','; expected '[', '{', or a literal"});
  }
  SECTION("a missing comma on a later line") {
    CHECK(errors("{\n  \"factcard\": 1\n  \"story\": {}\n}") ==
          Lines{"3:3: syntax error while parsing object - unexpected string literal; expected '}'"});
  }
  SECTION("a misplaced token is reported at its first byte") {
    CHECK(errors("{\"a\": 1 12345}") ==
          Lines{"1:9: syntax error while parsing object - unexpected number literal; expected '}'"});
    CHECK(errors("{\"a\": 1 false}") ==
          Lines{"1:9: syntax error while parsing object - unexpected false literal; expected '}'"});
    CHECK(errors("{\"a\": 1 null}") ==
          Lines{"1:9: syntax error while parsing object - unexpected null literal; expected '}'"});
    CHECK(errors("{\"a\": 1,, \"b\": 2}") ==
          Lines{"1:9: syntax error while parsing object key - unexpected ','; expected string literal"});
    CHECK(errors("{\"a\" \"long key\": 1}") ==
          Lines{"1:6: syntax error while parsing object separator - unexpected string literal; expected ':'"});
    // the lexer stops at the byte it cannot read
    CHECK(errors("{\"a\": tru}").at(0).rfind("1:10: syntax error while parsing value - invalid literal", 0) == 0);
  }
  SECTION("trailing garbage") {
    CHECK(errors("{\"factcard\":1} x") ==
          Lines{"1:16: syntax error while parsing value - invalid literal; last read: '1} x'; expected end of input"});
    CHECK(errors("{\"factcard\":1}\n{}") ==
          Lines{"2:1: syntax error while parsing value - unexpected '{'; expected end of input"});
  }
  SECTION("a truncated file") {
    CHECK(errors("{\"factcard\":1") ==
          Lines{"1:14: syntax error while parsing object - unexpected end of input; expected '}'"});
    CHECK(errors("{\n  \"story\": {\"id\": \"s") ==
          Lines{"2:21: syntax error while parsing value - invalid string: missing closing quote; last read: "
                "'\"s'"});
  }
  SECTION("an empty file") {
    CHECK(errors("") ==
          Lines{"1:1: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal"});
    CHECK(errors("\n\n") ==
          Lines{"3:1: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal"});
  }
  SECTION("not an object at the top level") {
    CHECK(errors("[]") == Lines{"1:1: expected a JSON object at the top level"});
    CHECK(errors("\n  [1, 2]") == Lines{"2:3: expected a JSON object at the top level"});
    CHECK(errors("  \"story\"") == Lines{"1:3: expected a JSON object at the top level"});
    CHECK(errors("null") == Lines{"1:1: expected a JSON object at the top level"});
  }
  SECTION("a duplicate key") {
    std::string t = "{\n  \"factcard\": 1,\n  \"story\": {\"id\": \"s\"},\n  \"factcard\": 1\n}";
    CHECK(errors(t) == Lines{"4:3: duplicate key \"factcard\""});
    std::string inner = with(base, "\"kind\": \"person\",", "\"kind\": \"person\", \"kind\": \"place\",");
    CHECK(errors(inner) == Lines{where(inner, "\"kind\": \"place\"") + ": duplicate key \"kind\""});
  }
  SECTION("nesting deeper than 64 levels") {
    auto nest = [](int depth) { return std::string(depth, '[') + std::string(depth, ']'); };
    // the top-level object is one level: 63 arrays inside it make 64
    std::string ok = with(base, "\"factcard\": 1,", "\"factcard\": 1, \"deep\": " + nest(63) + ",");
    CHECK(load_story(ok, "t.json").ok());
    std::string deep = with(base, "\"factcard\": 1,", "\"factcard\": 1, \"deep\": " + nest(64) + ",");
    CHECK(errors(deep) == Lines{shift(where(deep, "[[["), 63) + ": nesting deeper than 64 levels"});
    // inside a streamed record too: file, "claims", the claim, 61 arrays
    std::string in_claim = with(base, "\"kind\": \"event\",", "\"kind\": \"event\", \"x\": " + nest(70) + ",");
    CHECK(errors(in_claim) == Lines{shift(where(in_claim, "[[["), 61) + ": nesting deeper than 64 levels"});
  }
}

TEST_CASE("positions count code points and skip a byte order mark") {
  SECTION("byte order mark") {
    std::string t = "{\"factcard\":1,\"story\":{\"id\":\"S\"}}";
    CHECK(errors(t) == Lines{"1:29: id \"S\" must use only a-z, 0-9, '-', '_' and '.', and not start with '.'"});
    CHECK(errors("\xEF\xBB\xBF" + t) ==
          Lines{"1:29: id \"S\" must use only a-z, 0-9, '-', '_' and '.', and not start with '.'"});
    CHECK(errors("\xEF\xBB\xBF{\"factcard\":1,}") ==
          Lines{"1:15: syntax error while parsing object key - unexpected '}'; expected string literal"});
    CHECK(errors("\xEF\xBB\xBF{\n\"factcard\":1,\"story\":{\"id\":\"S\"}}").at(0).substr(0, 5) == "2:28:");
  }
  SECTION("CRLF line ends count like LF") {
    CHECK(errors("{\r\n  \"factcard\": 1\r\n  \"story\": {}\r\n}") ==
          Lines{"3:3: syntax error while parsing object - unexpected string literal; expected '}'"});
    CHECK(errors("{\r\n  \"factcard\": 1,\r\n  \"story\": {\"id\": \"S\"}\r\n}") ==
          Lines{"3:19: id \"S\" must use only a-z, 0-9, '-', '_' and '.', and not start with '.'"});
  }
  SECTION("multi-byte UTF-8 before the error") {
    // "Хүрэлсүх" is 8 code points in 16 bytes, the emoji 1 code point in 4
    std::string t = "{\"factcard\":1,\"story\":{\"id\":\"s\",\"title\":\"Хүрэлсүх 😀\",\"language\":5}}";
    CHECK(errors(t) == Lines{"1:65: \"language\" must be a string"});
    std::string syntax = "{\"title\":\"Khürelsükh\" \"x\"}";
    CHECK(errors(syntax) == Lines{"1:23: syntax error while parsing object - unexpected string literal; expected '}'"});
  }
  SECTION("invalid UTF-8") {
    std::string t = "{\"factcard\":1,\"story\":{\"id\":\"s\",\"title\":\"ab\xFF\"}}";
    Lines e = errors(t);
    REQUIRE(e.size() == 1);
    CHECK(e[0].rfind("1:44: syntax error while parsing value - invalid string: ill-formed UTF-8 byte", 0) == 0);
    CHECK(is_valid_utf8(e[0])); // the message never carries the bad byte
    // a sequence cut short, on the second line
    std::string cut = "{\n\"story\":{\"title\":\"\xD0\"}}";
    Lines e2 = errors(cut);
    REQUIRE(e2.size() == 1);
    CHECK(e2[0].rfind("2:20: syntax error while parsing value - invalid string: ill-formed UTF-8 byte", 0) == 0);
    CHECK(is_valid_utf8(e2[0]));
  }
}

TEST_CASE("the top level: version, story, sections") {
  SECTION("wrong format version") {
    std::string t = with(base, "\"factcard\": 1", "\"factcard\": 2");
    CHECK(errors(t) == Lines{"2:15: \"factcard\" must be 1, the only format version this tool reads"});
    t = with(base, "\"factcard\": 1", "\"factcard\": \"1\"");
    CHECK(errors(t) == Lines{"2:15: \"factcard\" must be 1, the only format version this tool reads"});
    t = with(base, "\"factcard\": 1,", "");
    CHECK(errors(t) == Lines{"1:1: missing \"factcard\": 1 (the story format version)"});
  }
  SECTION("story") {
    std::string t = with(base, R"("story": {"id": "s", "title": "T", "language": "en"},)", "");
    CHECK(errors(t) == Lines{"1:1: missing \"story\": {\"id\": ...}"});
    t = with(base, R"({"id": "s", "title": "T", "language": "en"})", "\"s\"");
    CHECK(errors(t) == Lines{"3:12: expected \"story\" to be a JSON object"});
    t = with(base, R"("id": "s", )", "");
    CHECK(errors(t) == Lines{"3:12: \"story\" is missing \"id\""});
  }
  SECTION("sections must be arrays") {
    std::string t = with(base, "\"sources\": [", "\"sources\": {\"list\": [");
    t = with(t, "[\"A. Writer\"]}\n  ],", "[\"A. Writer\"]}\n  ]},");
    // and with no sources, the evidence points nowhere
    CHECK(errors(t) == Lines{"10:14: \"sources\" must be an array",
                             where(t, "\"mt\"", 1) + ": evidence points at unknown source \"mt\"",
                             where(t, "\"iria\"", 1) + ": evidence points at unknown source \"iria\""});
    t = with(base, "\"claims\": [", "\"claims\": 5, \"x\": [");
    CHECK(errors(t) == Lines{"14:13: \"claims\" must be an array"});
  }
  SECTION("a bundle is not a story file") {
    std::string t = R"({"factcard_bundle": 1, "story": {"id": "s"}, "entities": [], "sources": [], "cards": []})";
    CHECK(errors(t) == Lines{"1:1: this is a compiled bundle, not a story file"});
    CHECK(test::load_with_cards(t, "t.json").ok()); // but a page may hand it to load_input
  }
  SECTION("claims and cards do not mix") {
    std::string t = with(base, "\"claims\": [", "\"cards\": [],\n  \"claims\": [");
    CHECK(errors(t) == Lines{"14:12: a story file has \"claims\", not \"cards\" (bundles say \"factcard_bundle\": 1)"});
    std::string b =
        R"({"factcard_bundle": 1, "story": {"id": "s"}, "entities": [], "sources": [], "cards": [], "claims": []})";
    Result<LoadedInput> r = test::load_with_cards(b, "b.json");
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.errors().size() == 1);
    CHECK(r.errors()[0].to_string() == "b.json:1:100: a bundle has \"cards\", not \"claims\"");
  }
}

TEST_CASE("bad ids, duplicate ids") {
  SECTION("id charset") {
    for (const char *bad : {"Putin", "a b", "a/b", ".hidden", "..", "ü", "x:y"}) {
      INFO(bad);
      std::string id = std::string("\"") + bad + "\"";
      std::string t = with(base, "\"id\": \"navalny\"", "\"id\": " + id);
      CHECK(errors(t) ==
            Lines{where(t, id) + ": id " + id + " must use only a-z, 0-9, '-', '_' and '.', and not start with '.'"});
    }
    CHECK(load_story(with(base, "\"id\": \"navalny\"", "\"id\": \"a.b_c-9\""), "t.json").ok());
  }
  SECTION("duplicate entity id") {
    std::string t = with(base, "\"id\": \"navalny\"", "\"id\": \"putin\"");
    CHECK(errors(t) == Lines{"7:12: duplicate entity id \"putin\""});
  }
  SECTION("duplicate source id") {
    std::string t = with(base, "\"id\": \"iria\"", "\"id\": \"mt\"");
    // the evidence that named "iria" now points nowhere
    CHECK(errors(t) == Lines{"12:12: duplicate source id \"mt\"",
                             where(t, "\"iria\"") + ": evidence points at unknown source \"iria\""});
  }
  SECTION("duplicate claim id") {
    std::string second = R"(,
    {"id": "visit", "kind": "statement", "who": "putin", "what": "Again.", "evidence": [{"source": "mt", "quote": "Q."}]}
  ])";
    std::string t = with(base, "\n  ]\n}", second + "\n}");
    CHECK(errors(t) == Lines{"18:12: duplicate claim id \"visit\""});
  }
  SECTION("ids may repeat across tables") {
    std::string t = with(base, "\"id\": \"iria\"", "\"id\": \"putin\"");
    t = with(t, "\"source\": \"iria\"", "\"source\": \"putin\"");
    t = with(t, "\"id\": \"visit\"", "\"id\": \"putin\"");
    CHECK(load_story(t, "t.json").ok());
  }
}

TEST_CASE("missing fields are reported at their object") {
  std::string t = with(base, R"({"id": "navalny", "name": "Alexei Navalny"})", "{}");
  CHECK(errors(t) == Lines{"7:5: an entity is missing \"id\"", "7:5: an entity is missing \"name\""});

  t = with(base, R"({"id": "iria", "headline": "Red carpet", "authors": ["A. Writer"]})", R"({"headline": "H"})");
  CHECK(errors(t) == Lines{"12:5: a source is missing \"id\"",
                           where(t, "\"iria\"") + ": evidence points at unknown source \"iria\""});

  std::string claim = R"(,
    {"id": "bare"},
    {"kind": "quote", "who": "putin", "what": "W", "evidence": [{"quote": "Q"}, {"source": "mt"}, {}]}
  ])";
  t = with(base, "\n  ]\n}", claim + "\n}");
  CHECK(errors(t) == Lines{
                         "18:5: a claim is missing \"kind\"",
                         "18:5: a claim is missing \"who\"",
                         "18:5: a claim is missing \"what\"",
                         "18:5: a claim is missing \"evidence\" (at least one source)",
                         "19:5: a claim is missing \"id\"",
                         where(t, "{\"quote\": \"Q\"}") + ": evidence is missing \"source\"",
                         where(t, "{\"source\": \"mt\"}") + ": evidence is missing \"quote\"",
                         where(t, "{}]") + ": evidence is missing \"source\"",
                         where(t, "{}]") + ": evidence is missing \"quote\"",
                     });
}

TEST_CASE("empty strings and wrong types") {
  SECTION("empty strings") {
    std::string t = with(base, "\"name\": \"Alexei Navalny\"", "\"name\": \"  \"");
    t = with(t, "\"what\": \"Putin visited Mongolia.\"", "\"what\": \"\"");
    t = with(t, "\"quote\": \"Putin arrived.\"", "\"quote\": \"\\n\"");
    t = with(t, "\"aliases\": [\"President Putin\"]", "\"aliases\": [\"President Putin\", \"\"]");
    CHECK(errors(t) == Lines{where(t, "\"\"]") + ": items of \"aliases\" must be non-empty strings",
                             where(t, "\"  \"") + ": \"name\" must not be empty",
                             where(t, "\"\",") + ": \"what\" must not be empty",
                             where(t, "\"\\n\"") + ": \"quote\" must not be empty"});
  }
  SECTION("wrong types") {
    std::string t = with(base, "\"name\": \"Alexei Navalny\"", "\"name\": 5");
    t = with(t, "\"aliases\": [\"President Putin\"]", "\"aliases\": \"President Putin\"");
    t = with(t, "\"authors\": [\"A. Writer\"]", "\"authors\": [\"A. Writer\", 7]");
    t = with(t, "\"headline\": \"Red carpet\"", "\"headline\": [\"Red carpet\"]");
    t = with(t, "\"who\": \"Putin\"", "\"who\": {\"id\": \"putin\"}");
    t = with(t, "\"evidence\": [", "\"evidence\": [7, ");
    CHECK(errors(t) == Lines{
                           where(t, "\"President Putin\"") + ": \"aliases\" must be an array of strings",
                           where(t, "5}") + ": \"name\" must be a string",
                           where(t, "[\"Red carpet\"]") + ": \"headline\" must be a string",
                           where(t, "7]") + ": items of \"authors\" must be non-empty strings",
                           where(t, "{\"id\": \"putin\"}") + ": \"who\" must be a string",
                           where(t, "7, ") + ": expected evidence to be a JSON object",
                       });
    std::string e = with(base, "\"evidence\": [{\"source\": \"mt\", \"quote\": \"Putin arrived.\"}, ",
                         "\"evidence\": {\"source\": \"mt\", \"quote\": \"Putin arrived.\", \"x\": [");
    e = with(e, "\"Khurelsukh Ukhnaa\"}]}", "\"Khurelsukh Ukhnaa\"}]}}");
    CHECK(errors(e) == Lines{where(e, "{\"source\": \"mt\"") + ": \"evidence\" must be a non-empty array"});
    std::string entity = with(base, R"({"id": "navalny", "name": "Alexei Navalny"})", "\"navalny\"");
    CHECK(errors(entity) == Lines{"7:5: expected an entity to be a JSON object"});
  }
}

TEST_CASE("bad values: dates, kinds, stances, urls, topic values") {
  SECTION("dates") {
    std::string t = with(base, "\"when\": \"2024-09-03\"", "\"when\": \"2024-02-30\"");
    t = with(t, "\"published\": \"2024-09-02\"", "\"published\": \"Sept 2024\"");
    const std::string tail = ": expected YYYY, YYYY-MM or YYYY-MM-DD (optionally with a leading ~ for approximate or "
                             ".. for on or before), or \"unknown\"";
    CHECK(errors(t) == Lines{where(t, "\"Sept 2024\"") + ": bad date \"Sept 2024\"" + tail,
                             where(t, "\"2024-02-30\"") + ": bad date \"2024-02-30\"" + tail});
    // good dates of every shape
    for (const char *good : {"2024", "2024-09", "~2024-09", "unknown", "2024-02-29"}) {
      INFO(good);
      CHECK(
          load_story(with(base, "\"when\": \"2024-09-03\"", std::string("\"when\": \"") + good + "\""), "t.json").ok());
    }
  }
  SECTION("kinds and stances") {
    std::string t = with(base, "\"kind\": \"person\"", "\"kind\": \"robot\"");
    t = with(t, "\"kind\": \"event\"", "\"kind\": \"rumor\"");
    t = with(t, "\"quote\": \"Putin arrived.\"", "\"quote\": \"Putin arrived.\", \"stance\": \"maybe\"");
    CHECK(errors(t) ==
          Lines{where(t, "\"robot\"") + ": \"kind\" must be one of person, organization, place, other, not \"robot\"",
                where(t, "\"rumor\"") + ": \"kind\" must be one of event, statement, quote, figure, not \"rumor\"",
                where(t, "\"maybe\"") + ": \"stance\" must be one of supports, refutes, not \"maybe\""});
    CHECK(
        load_story(with(base, "\"quote\": \"Putin arrived.\"", "\"quote\": \"P.\", \"stance\": \"refutes\""), "t.json")
            .ok());
  }
  SECTION("urls") {
    for (const char *bad : {"javascript:alert(1)", " https://x", "https://", "ftp://x.org/a", "//x.org/a", "/a/b",
                            "data:text/html,<b>x</b>", "https://x.org/a b", "JAVASCRIPT:alert(1)"}) {
      INFO(bad);
      std::string url = Json(bad).dump();
      std::string t = with(base, "\"https://www.themoscowtimes.com/a\"", url);
      CHECK(errors(t) == Lines{where(t, url) + ": url " + url + " must be an absolute http: or https: address"});
    }
    CHECK(load_story(with(base, "\"https://www.themoscowtimes.com/a\"", "\"HTTP://x.org/\""), "t.json").ok());
  }
  SECTION("values") {
    std::string t = with(base, "\"topic\": \"visit.date\", ", "");
    CHECK(errors(t) == Lines{where(t, "\"2024-09-03\",", 1) + ": \"value\" needs a \"topic\" to compare it on"});
    for (const char *bad : {"{\"date\": \"2024-09-03\"}", "[1, 2]"}) {
      INFO(bad);
      t = with(base, "\"value\": \"2024-09-03\"", std::string("\"value\": ") + bad);
      CHECK(errors(t) == Lines{where(t, bad) + ": \"value\" must be a string, a number or a boolean"});
    }
    for (const char *good : {"95", "-1.5e3", "true", "\"text\""}) {
      INFO(good);
      CHECK(load_story(with(base, "\"value\": \"2024-09-03\"", std::string("\"value\": ") + good), "t.json").ok());
    }
  }
}

TEST_CASE("references: unknown and ambiguous entities, missing sources, name collisions") {
  SECTION("unknown entity") {
    std::string t = with(base, "\"who\": \"Putin\"", "\"who\": \"Vladimir Peskov\"");
    t = with(t, "\"speaker\": \"Khurelsukh Ukhnaa\"", "\"speaker\": \"Nobody\"");
    CHECK(errors(t) ==
          Lines{where(t, "\"Vladimir Peskov\"") +
                    ": unknown entity \"Vladimir Peskov\" in \"who\": no entity has this id or name",
                where(t, "\"Nobody\"") + ": unknown entity \"Nobody\" in \"speaker\": no entity has this id or name"});
  }
  SECTION("ambiguous name") {
    std::string t = with(base, "\"who\": \"Putin\"", "\"who\": \"Alexei\"");
    CHECK(errors(t) == Lines{where(t, "\"Alexei\"") +
                             ": ambiguous \"who\" \"Alexei\": it fits entities \"navalny\", \"overchuk\"; use an id "
                             "or a fuller name"});
    CHECK(load_story(with(base, "\"who\": \"Putin\"", "\"who\": \"Alexei Navalny\""), "t.json").ok());
  }
  SECTION("evidence at a missing source") {
    std::string t = with(base, "\"source\": \"iria\"", "\"source\": \"tass\"");
    CHECK(errors(t) == Lines{where(t, "\"tass\"") + ": evidence points at unknown source \"tass\""});
  }
  SECTION("two entities with one name") {
    std::string t = with(base, "\"name\": \"Alexei Overchuk\"",
                         "\"name\": \"Alexei Overchuk\", \"aliases\": "
                         "[\"Putin Vladimir\"]");
    CHECK(errors(t) == Lines{where(t, "\"Putin Vladimir\"") +
                             ": name \"Putin Vladimir\" of entity \"overchuk\" also names entity \"putin\"; give one "
                             "of them a fuller name"});
  }
}

TEST_CASE("every problem at once, sorted by position, never a partial story") {
  // Found in three different passes: the unknown "who" while resolving
  // references (after the whole file), the bad kind while streaming
  // entities, the version at the end while reading the top level.
  std::string t = R"({
  "claims": [
    {"id": "c1", "kind": "event", "who": "nobody", "what": "w",
     "evidence": [{"source": "s1", "quote": "q"}]}
  ],
  "entities": [{"id": "e1", "name": "Emma Example", "kind": "robot"}],
  "sources": [{"id": "s1"}],
  "story": {"id": "s"},
  "factcard": 2
})";
  Result<Story> r = load_story(t, "three.json");
  REQUIRE_FALSE(r.ok());
  std::vector<std::string> got;
  for (const Diagnostic &d : r.errors()) got.push_back(d.to_string());
  CHECK(got == Lines{
                   "three.json:3:42: unknown entity \"nobody\" in \"who\": no entity has this id or name",
                   "three.json:6:61: \"kind\" must be one of person, organization, place, other, not \"robot\"",
                   "three.json:9:15: \"factcard\" must be 1, the only format version this tool reads",
               });
  // a file with both semantic errors and a later syntax error: both
  std::string both = "{\"factcard\":1,\"story\":{\"id\":\"s\"},\"entities\":[{\"id\":\"E\",\"name\":\"x\"}],}";
  CHECK(errors(both) == Lines{"1:52: id \"E\" must use only a-z, 0-9, '-', '_' and '.', and not start with '.'",
                              "1:69: syntax error while parsing object key - unexpected '}'; expected string literal"});
  Result<LoadedInput> cards = test::load_with_cards(t, "three.json");
  CHECK_FALSE(cards.ok());
  CHECK(cards.errors().size() == 3);
}

// ---------------------------------------------------------------------------
// Saving

TEST_CASE("load -> save -> load -> save is byte-identical and keeps unknown fields") {
  std::string t = R"({
  "$schema": "../schema/story.schema.json",
  "factcard": 1,
  "x-top": {"nested": [1, 2.5, {"deep": ["ä", null, true]}], "empty": {}},
  "story": {"id": "s", "x-story": "Ünïcödé 中文 😀", "title": "T"},
  "entities": [
    {"x-first": [], "id": "putin", "name": "Vladimir Putin", "x-entity": {"wikidata": "Q7747"}}
  ],
  "sources": [
    {"id": "mt", "publisher": "The Moscow Times", "x-source": [{"a": "b"}, [[]]], "published": "2024-09"}
  ],
  "claims": [
    {"id": "c", "kind": "figure", "who": "Putin", "what": "A \"quoted\" \\ line\nbreak", "topic": "t",
     "value": 95.0, "x-claim": -12345678901234,
     "evidence": [{"source": "mt", "quote": "Q", "x-evidence": {"offsets": [3, 9], "note": "\u00e9\u2028"}}]}
  ],
  "x-last": "end"
})";
  Result<Story> first = load_story(t, "t.json");
  REQUIRE(first.ok());
  const Story &s = *first;
  CHECK(s.extra["x-top"]["nested"][2]["deep"][0] == "ä");
  CHECK(s.extra["x-last"] == "end");
  CHECK(s.info.extra["x-story"] == "Ünïcödé 中文 😀");
  CHECK(s.entities[0].extra["x-entity"]["wikidata"] == "Q7747");
  CHECK(s.entities[0].extra["x-first"] == Json::array());
  Json nested_empty = Json::array();
  nested_empty.push_back(Json::array());
  CHECK(s.sources[0].extra["x-source"][1] == nested_empty);
  CHECK(s.claims[0].extra["x-claim"] == -12345678901234LL);
  CHECK(s.claims[0].evidence[0].extra["x-evidence"]["note"] == "\xC3\xA9\xE2\x80\xA8");

  std::string saved = save_story(s);
  CHECK(plain(saved) == plain(t)); // nothing lost, nothing added
  CHECK(saved.find("95.0") != std::string::npos);
  CHECK(saved.back() == '\n');
  Result<Story> second = load_story(saved, "saved.json");
  REQUIRE(second.ok());
  CHECK(save_story(*second) == saved);
  // known fields first in a fixed order, unknown ones after, in file order
  CHECK(saved.find("\"$schema\"") < saved.find("\"factcard\""));
  CHECK(saved.find("\"claims\"") < saved.find("\"x-top\""));
  CHECK(saved.find("\"x-top\"") < saved.find("\"x-last\""));
  CHECK(saved.find("\"name\"") < saved.find("\"x-first\""));
}

namespace {

// Random stories of varied shape: optional fields present or absent,
// unicode, escapes, unknown fields everywhere, random key order.
class StoryGenerator {
public:
  explicit StoryGenerator(unsigned seed) : rng_(seed) {}

  Json story() {
    Json out = Json::object();
    if (coin()) out["$schema"] = "../schema/story.schema.json";
    out["factcard"] = 1;
    Json info = Json::object();
    info["id"] = "story-" + std::to_string(pick(1000));
    if (coin()) info["title"] = text();
    if (coin()) info["language"] = pick_of({"en", "mn", "ru", "de-CH"});
    extras(info);
    out["story"] = shuffled(info);

    int entity_count = 1 + pick(6), source_count = 1 + pick(4), claim_count = pick(9);
    Json entities = Json::array();
    for (int i = 0; i < entity_count; ++i) {
      Json e = Json::object();
      e["id"] = "e" + std::to_string(i) + pick_of({"", "-x", ".y", "_z"});
      e["name"] = pick_of({"Given", "Zoë", "Хүрэл", "Kłyszcz", "Ali"}) + std::string(" N") + letters(i);
      if (coin()) e["kind"] = pick_of({"person", "organization", "place", "other"});
      if (coin()) e["description"] = text();
      if (coin()) {
        Json aliases = Json::array();
        for (int a = 0, n = 1 + pick(3); a < n; ++a) aliases.push_back("Alias " + letters(i) + " V" + letters(a));
        e["aliases"] = aliases;
      }
      extras(e);
      entities.push_back(shuffled(e));
    }
    Json sources = Json::array();
    for (int i = 0; i < source_count; ++i) {
      Json s = Json::object();
      s["id"] = "src-" + std::to_string(i);
      if (coin()) s["publisher"] = pick_of({"The Moscow Times", "the moscow times", "IRIA", "Montsame ÜB"});
      if (coin()) s["headline"] = text();
      if (coin()) s["url"] = std::string(pick_of({"https", "http", "HTTPS"})) + "://example.org/a/" + letters(i);
      if (coin()) s["published"] = date();
      if (coin()) {
        Json authors = Json::array();
        for (int a = 0, n = pick(3); a < n; ++a) authors.push_back(text());
        s["authors"] = authors;
      }
      if (coin()) s["language"] = "en";
      extras(s);
      sources.push_back(shuffled(s));
    }
    Json claims = Json::array();
    for (int i = 0; i < claim_count; ++i) {
      Json c = Json::object();
      c["id"] = "c" + std::to_string(i);
      c["kind"] = pick_of({"event", "statement", "quote", "figure"});
      c["who"] = who(entities);
      c["what"] = pick(3) == 0 ? std::string("The same thing.") : text();
      if (coin()) c["when"] = date();
      if (coin()) c["when_text"] = text();
      if (coin()) c["where"] = text();
      if (coin()) {
        c["topic"] = pick_of({"visit.date", "count", "name"});
        if (coin(70)) c["value"] = value();
      }
      Json evidence = Json::array();
      for (int k = 0, n = 1 + pick(3); k < n; ++k) {
        Json ev = Json::object();
        ev["source"] = "src-" + std::to_string(pick(source_count));
        ev["quote"] = text();
        if (coin(30)) ev["stance"] = pick_of({"supports", "refutes"});
        if (coin(30)) ev["speaker"] = who(entities);
        extras(ev);
        evidence.push_back(shuffled(ev));
      }
      c["evidence"] = evidence;
      extras(c);
      claims.push_back(shuffled(c));
    }
    out["entities"] = entities;
    out["sources"] = sources;
    out["claims"] = claims;
    extras(out);
    return shuffled(out);
  }

  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  bool coin(int percent = 50) { return pick(100) < percent; }

private:
  const char *pick_of(std::initializer_list<const char *> items) { return items.begin()[pick(int(items.size()))]; }

  static std::string letters(int i) {
    std::string out;
    do {
      out += static_cast<char>('a' + i % 26);
      i /= 26;
    } while (i > 0);
    return out;
  }

  std::string text() {
    static const char *const pieces[] = {"Putin",
                                         "Mongolia",
                                         " ",
                                         "é",
                                         "Khürelsükh",
                                         "中文",
                                         "😀",
                                         "\"quoted\"",
                                         "back\\slash",
                                         "line\nbreak",
                                         "tab\t",
                                         "\x01",
                                         "</script>",
                                         "مرحبا",
                                         "&amp;",
                                         "\xE2\x80\xA8",
                                         "'",
                                         "ß",
                                         "{\"not\": \"json\"}"};
    std::string out = "T";
    for (int i = 0, n = pick(5); i < n; ++i) out += pieces[pick(int(sizeof pieces / sizeof *pieces))];
    return out;
  }

  std::string date() {
    return pick_of({"2024", "2024-09", "2024-09-03", "~2024-09", "~2023", "unknown", "1999-12-31", "2024-02-29"});
  }

  Json value() {
    switch (pick(6)) {
    case 0:
      return date();
    case 1:
      return pick(200) - 100;
    case 2:
      return pick_of({0.1, 95.0, -2.5e10, 1e-7});
    case 3:
      return coin();
    case 4:
      return 9007199254740993ULL; // beyond a double's precision
    default:
      return text();
    }
  }
  double pick_of(std::initializer_list<double> items) { return items.begin()[pick(int(items.size()))]; }

  std::string who(const Json &entities) {
    const Json &e = entities[static_cast<std::size_t>(pick(int(entities.size())))];
    if (coin()) return e["id"].get<std::string>();
    if (e.contains("aliases") && coin()) return e["aliases"][0].get<std::string>();
    return e["name"].get<std::string>();
  }

  Json extra_value(int depth) {
    switch (depth > 3 ? pick(4) : pick(7)) {
    case 0:
      return nullptr;
    case 1:
      return text();
    case 2:
      return pick(1000000) - 500;
    case 3:
      return coin();
    case 4: {
      Json a = Json::array();
      for (int i = 0, n = pick(4); i < n; ++i) a.push_back(extra_value(depth + 1));
      return a;
    }
    default: {
      Json o = Json::object();
      for (int i = 0, n = pick(4); i < n; ++i) o[key()] = extra_value(depth + 1);
      return o;
    }
    }
  }

  std::string key() { return std::string("x-") + pick_of({"a", "ключ", "note", "b c", "with\"quote", "~/"}); }

  void extras(Json &object) {
    for (int i = 0, n = coin(60) ? pick(3) + 1 : 0; i < n; ++i) object[key()] = extra_value(0);
  }

  Json shuffled(const Json &object) {
    std::vector<std::pair<std::string, Json>> items;
    for (auto it = object.begin(); it != object.end(); ++it) items.emplace_back(it.key(), it.value());
    std::shuffle(items.begin(), items.end(), rng_);
    Json out = Json::object();
    for (auto &item : items) out[item.first] = std::move(item.second);
    return out;
  }

  std::mt19937 rng_;
};

} // namespace

TEST_CASE("random stories round-trip without loss") {
  int merged = 0, contested = 0, with_cards = 0;
  for (unsigned seed = 1; seed <= 50; ++seed) {
    INFO("seed " << seed);
    StoryGenerator gen(seed);
    Json generated = gen.story();
    int indent = seed % 3 == 0 ? -1 : int(seed % 3) * 2;
    std::string input = generated.dump(indent);
    Result<Story> loaded = load_story(input, "random.json");
    if (!loaded.ok()) {
      for (const Diagnostic &d : loaded.errors()) UNSCOPED_INFO(d.to_string());
      UNSCOPED_INFO(input);
    }
    REQUIRE(loaded.ok());
    std::string saved = save_story(*loaded);
    CHECK(plain(saved) == plain(input));
    Result<Story> again = load_story(saved, "saved.json");
    REQUIRE(again.ok());
    CHECK(save_story(*again) == saved);

    // the bundle gives the same cards as the story
    std::vector<Card> cards = compute_cards(*loaded);
    std::string bundle = test::bundle_json(*loaded, cards).dump();
    Result<LoadedInput> from_bundle = test::load_with_cards(bundle, "bundle.json");
    if (!from_bundle.ok()) {
      for (const Diagnostic &d : from_bundle.errors()) UNSCOPED_INFO(d.to_string());
      UNSCOPED_INFO(bundle);
    }
    REQUIRE(from_bundle.ok());
    CHECK(from_bundle->kind == InputKind::bundle);
    CHECK(cards_to_json(from_bundle->story, from_bundle->cards) == cards_to_json(*loaded, cards));

    // take_cards: the same cards, the claims' text moved into them
    Story taken = *loaded;
    CHECK(cards_to_json(taken, take_cards(taken)) == cards_to_json(*loaded, cards));
    CHECK(taken.claims.empty());

    // write_build: the bytes of the whole-DOM outputs, a card at a time
    std::string built_bundle, built_jsonld;
    std::vector<std::pair<std::string, std::string>> snippets;
    BuildSink sink;
    sink.bundle = [&](std::string_view text) { return built_bundle.append(text), true; };
    sink.jsonld = [&](std::string_view text) { return built_jsonld.append(text), true; };
    sink.snippet = [&](const std::string &id, std::string_view html) {
      snippets.emplace_back(id, std::string(html));
      return true;
    };
    EmbedOptions options;
    options.base = seed % 2 ? "" : "https://cdn.example/f/";
    REQUIRE(write_build(*loaded, cards, options, sink));
    CHECK(built_bundle == bundle + "\n");
    CHECK(built_jsonld == story_jsonld(*loaded, cards).dump(2) + "\n");
    REQUIRE(snippets.size() == cards.size());
    for (std::size_t i = 0; i < cards.size(); ++i) {
      CHECK(snippets[i].first == cards[i].id);
      CHECK(snippets[i].second == embed_snippet(*loaded, cards[i], options));
    }
    with_cards += cards.empty() ? 0 : 1;
    for (const Card &c : cards) {
      merged += c.claims.size() > 1 ? 1 : 0;
      contested += c.status == Status::contested ? 1 : 0;
    }
  }
  // the generator covers the interesting shapes
  CHECK(with_cards >= 30);
  CHECK(merged >= 3);
  CHECK(contested >= 10);
}

// ---------------------------------------------------------------------------
// Bundles

namespace {

const std::string bundle_story = R"({
  "factcard": 1,
  "story": {"id": "b", "title": "Bundle"},
  "entities": [
    {"id": "putin", "name": "Vladimir Putin"},
    {"id": "kremlin", "name": "Kremlin", "kind": "organization"},
    {"id": "unused", "name": "Nobody Used"}
  ],
  "sources": [
    {"id": "mt", "publisher": "The Moscow Times", "url": "https://mt.example/a", "published": "2024-09-02"},
    {"id": "mt2", "publisher": "the moscow times"},
    {"id": "iria", "publisher": "IRIA"},
    {"id": "anon"}
  ],
  "claims": [
    {"id": "arrival", "kind": "event", "who": "putin", "what": "Putin arrived.", "topic": "arrival", "value": "2024-09-02",
     "evidence": [{"source": "mt", "quote": "He arrived on Monday."}]},
    {"id": "arrival-2", "kind": "event", "who": "Putin", "what": "Putin arrived!", "topic": "arrival", "value": "2024-09-02",
     "evidence": [{"source": "mt2", "quote": "Arrived."}, {"source": "anon", "quote": "Landed."}]},
    {"id": "arrival-3", "kind": "event", "who": "Putin", "what": "Putin arrived late.", "topic": "arrival", "value": "2024-09-03",
     "evidence": [{"source": "iria", "quote": "He came on Tuesday."}]},
    {"id": "denial", "kind": "quote", "who": "kremlin", "what": "No worries.",
     "evidence": [{"source": "iria", "quote": "No worries.", "speaker": "putin"}, {"source": "anon", "quote": "Not so.", "stance": "refutes"}]}
  ]
})";

} // namespace

TEST_CASE("a bundle loads to the same cards as its story") {
  Result<Story> story = load_story(bundle_story, "b.json");
  REQUIRE(story.ok());
  std::vector<Card> cards = compute_cards(*story);
  REQUIRE(cards.size() == 3);
  Json expected = cards_to_json(*story, cards);
  Json bundle = test::bundle_json(*story, cards);
  // entities and sources stored once, only those the cards use
  CHECK(bundle["factcard_bundle"] == 1);
  CHECK(bundle["entities"].size() == 2);
  CHECK(bundle["sources"].size() == 4);

  Result<LoadedInput> from_story = test::load_with_cards(bundle_story, "b.json");
  REQUIRE(from_story.ok());
  CHECK_FALSE(from_story->kind == InputKind::bundle);
  CHECK(cards_to_json(from_story->story, from_story->cards) == expected);

  for (int indent : {-1, 2}) {
    Result<LoadedInput> from_bundle = test::load_with_cards(bundle.dump(indent), "b.cards.json");
    REQUIRE(from_bundle.ok());
    CHECK(from_bundle->kind == InputKind::bundle);
    CHECK(from_bundle->story.claims.empty());
    CHECK(cards_to_json(from_bundle->story, from_bundle->cards) == expected);
    // and a second trip gives the same bundle
    CHECK(test::bundle_json(from_bundle->story, from_bundle->cards) == bundle);
  }
}

TEST_CASE("load_input says what a file is, from one parse") {
  Result<Story> story = load_story(bundle_story, "b.json");
  REQUIRE(story.ok());
  const std::string bundle = test::bundle_json(*story, compute_cards(*story)).dump();

  Result<LoadedInput> as_story = load_input(bundle_story, "b.json");
  REQUIRE(as_story.ok());
  CHECK(as_story->kind == InputKind::story);
  CHECK(as_story->story.claims.size() == story->claims.size());
  CHECK(as_story->cards.empty()); // computed by the caller, once it has freed the text

  Result<LoadedInput> as_bundle = load_input(bundle, "b.cards.json");
  REQUIRE(as_bundle.ok());
  CHECK(as_bundle->kind == InputKind::bundle);
  CHECK(as_bundle->story.claims.empty());
  CHECK(cards_to_json(as_bundle->story, as_bundle->cards) == cards_to_json(*story, compute_cards(*story)));

  // load_story refuses a bundle; load_input takes it
  Result<Story> refused = load_story(bundle, "b.cards.json");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.errors().back().message == "this is a compiled bundle, not a story file");

  // errors: the same whether or not the cards are computed after, for stories and bundles
  for (const std::string &text : {with(bundle_story, "\"who\": \"kremlin\"", "\"who\": 5"),
                                  with(bundle, "\"corroboration\":2", "\"corroboration\":3"), std::string("[1]")}) {
    Result<LoadedInput> input = load_input(text, "t.json");
    Result<LoadedInput> cards = test::load_with_cards(text, "t.json");
    REQUIRE_FALSE(input.ok());
    REQUIRE_FALSE(cards.ok());
    REQUIRE(input.errors().size() == cards.errors().size());
    for (std::size_t i = 0; i < input.errors().size(); ++i)
      CHECK(input.errors()[i].to_string() == cards.errors()[i].to_string());
  }
}

TEST_CASE("a tampered bundle is rejected with positions") {
  Result<Story> story = load_story(bundle_story, "b.json");
  REQUIRE(story.ok());
  const std::string bundle = test::bundle_json(*story, compute_cards(*story)).dump(2);
  REQUIRE(test::load_with_cards(bundle, "b.cards.json").ok());
  auto bundle_errors = [](const std::string &text) {
    Result<LoadedInput> r = test::load_with_cards(text, "t.json");
    CHECK_FALSE(r.ok());
    std::vector<std::string> out;
    for (const Diagnostic &d : r.errors())
      out.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message);
    return out;
  };

  SECTION("unknown source id") {
    std::string t = with(bundle, "\"source\": \"iria\"", "\"source\": \"tass\"");
    CHECK(bundle_errors(t) == Lines{where(t, "\"tass\"") + ": evidence points at unknown source \"tass\""});
  }
  SECTION("unknown contradicts id") {
    std::string t = with(bundle, "\"arrival-3\"\n", "\"arrival-9\"\n");
    CHECK(bundle_errors(t) ==
          Lines{where(t, "[\n        \"arrival-9\"") + ": \"contradicts\" names unknown card \"arrival-9\""});
  }
  SECTION("wrong corroboration count") {
    std::string t = with(bundle, "\"corroboration\": 2", "\"corroboration\": 3");
    CHECK(bundle_errors(t) == Lines{shift(where(t, "\"corroboration\": 3"), 17) +
                                    ": card \"arrival\" says 3 outlets but its evidence comes from 2"});
  }
  SECTION("unknown entity id (bundles use ids, not names)") {
    std::string t = with(bundle, "\"who\": \"kremlin\"", "\"who\": \"Kremlin\"");
    CHECK(bundle_errors(t) ==
          Lines{shift(where(t, "\"who\": \"Kremlin\""), 7) + ": \"who\" names unknown entity id \"Kremlin\""});
  }
  SECTION("bad status and version") {
    std::string t = with(bundle, "\"status\": \"contested\"", "\"status\": \"true\"");
    t = with(t, "\"factcard_bundle\": 1", "\"factcard_bundle\": 2");
    CHECK(bundle_errors(t) ==
          Lines{shift(where(t, "\"factcard_bundle\""), 19) +
                    ": \"factcard_bundle\" must be 1, the only format version this tool reads",
                where(t, "\"true\"") +
                    ": \"status\" must be one of corroborated, single-source, contested, not \"true\""});
  }
}

TEST_CASE("load_bundle answers as load_input for bundles, and leaves everything else to it") {
  Result<Story> story = load_story(bundle_story, "b.json");
  REQUIRE(story.ok());
  const std::string bundle = test::bundle_json(*story, compute_cards(*story)).dump(2);

  // bundles, valid or not: the same cards or the same errors
  for (const std::string &text :
       {bundle, with(bundle, "\"corroboration\": 2", "\"corroboration\": 3"),
        with(bundle, "\"source\": \"iria\"", "\"source\": \"tass\""),
        with(bundle, "\"who\": \"kremlin\"", "\"who\": \"Kremlin\""),
        with(bundle, "\"factcard_bundle\": 1", "\"factcard_bundle\": 2"),
        std::string(R"({"factcard_bundle": 1, "story": {"id": "s"}, "entities": [{"id": "a", "name": "Ann Lee"},)"
                    R"( {"id": "b", "name": "Ann Lee"}], "sources": [], "cards": []})")}) {
    std::optional<Result<LoadedInput>> only = load_bundle(text, "t.json");
    Result<LoadedInput> input = load_input(text, "t.json");
    REQUIRE(only.has_value());
    REQUIRE(only->ok() == input.ok());
    if (input.ok()) {
      CHECK(only->value().kind == InputKind::bundle);
      CHECK(cards_to_json(only->value().story, only->value().cards) == cards_to_json(input->story, input->cards));
    } else {
      REQUIRE(only->errors().size() == input.errors().size());
      for (std::size_t i = 0; i < input.errors().size(); ++i)
        CHECK(only->errors()[i].to_string() == input.errors()[i].to_string());
    }
  }

  // a story file, a bundle with claims, and what is not a JSON object: load_input's to judge
  for (const std::string &text : {std::string(bundle_story), with(bundle, "\"cards\":", "\"claims\": [], \"cards\":"),
                                  bundle.substr(0, bundle.size() / 2), std::string("[1]"), std::string("")}) {
    CHECK_FALSE(load_bundle(text, "t.json").has_value());
  }
}
