// Stories as CSV: RFC 4180 parsing, import with file:row:column errors (all
// at once, never a partial story), export, and the round trip on the demo
// story and the template (docs/CSV.md).
#include "factcard/cards.hpp"
#include "factcard/csv.hpp"
#include "factcard/load.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace factcard;

namespace {

const std::string demo_path = FACTCARD_SOURCE_DIR "/demo/stories/putin-mongolia-2024.json";
const std::string template_path = FACTCARD_SOURCE_DIR "/demo/template.csv";

std::string read_text(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  INFO("cannot read " << path);
  REQUIRE(in);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

using Records = std::vector<std::vector<std::string>>;

Records records(const std::string &text) {
  Result<CsvTable> table = parse_csv(text, "t.csv");
  for (const Diagnostic &d : table.errors()) UNSCOPED_INFO(d.to_string());
  REQUIRE(table.ok());
  return table->records;
}

// The diagnostics of a text that must not import, as "row:col: message".
std::vector<std::string> errors(const std::string &text, const CsvImportOptions &options = {}) {
  Result<Story> r = import_csv(text, "t.csv", options);
  CHECK_FALSE(r.ok());
  std::vector<std::string> out;
  for (const Diagnostic &d : r.errors()) {
    CHECK(d.file == "t.csv");
    out.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message);
  }
  return out;
}

std::vector<std::string> parse_errors(const std::string &text) {
  Result<CsvTable> r = parse_csv(text, "t.csv");
  CHECK_FALSE(r.ok());
  std::vector<std::string> out;
  for (const Diagnostic &d : r.errors())
    out.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message);
  return out;
}

bool has_error(const std::vector<std::string> &list, const std::string &start, const std::string &part) {
  return std::any_of(list.begin(), list.end(),
                     [&](const std::string &e) { return e.rfind(start, 0) == 0 && e.find(part) != std::string::npos; });
}

#define CHECK_ERROR(list, start, part)                                                                                 \
  do {                                                                                                                 \
    std::string all_;                                                                                                  \
    for (const std::string &e_ : list) all_ += e_ + "\n";                                                              \
    INFO(all_);                                                                                                        \
    CHECK(has_error(list, start, part));                                                                               \
  } while (false)

Story imported(const std::string &text, const CsvImportOptions &options = {}) {
  Result<Story> r = import_csv(text, "t.csv", options);
  for (const Diagnostic &d : r.errors()) UNSCOPED_INFO(d.to_string());
  REQUIRE(r.ok());
  return std::move(*r);
}

std::string exported(const Story &story) {
  Result<CsvExport> r = export_csv(story, "t.json");
  for (const Diagnostic &d : r.errors()) UNSCOPED_INFO(d.to_string());
  REQUIRE(r.ok());
  return r->text;
}

Story loaded(const std::string &text, const std::string &name) {
  Result<Story> r = load_story(text, name);
  for (const Diagnostic &d : r.errors()) UNSCOPED_INFO(d.to_string());
  REQUIRE(r.ok());
  return std::move(*r);
}

const std::string header = "claim_id,kind,who,what,quote,source_id\n";

// ---- what the CSV columns say about a story, for comparisons

std::string entity_id_of(const Story &s, std::size_t index) { return index == npos ? "?" : s.entities[index].id; }

Json claims_view(const Story &s) {
  Json out = Json::array();
  for (const Claim &c : s.claims) {
    Json claim = {{"id", c.id},
                  {"kind", to_string(c.kind)},
                  {"who", entity_id_of(s, c.who_index)},
                  {"what", c.what},
                  {"when", c.when ? c.when->to_string() : ""},
                  {"when_text", c.when_text.value_or("")},
                  {"where", c.where.value_or("")},
                  {"topic", c.topic.value_or("")},
                  {"value", c.value}};
    Json evidence = Json::array();
    for (const Evidence &ev : c.evidence) {
      evidence.push_back({{"source", ev.source},
                          {"quote", ev.quote},
                          {"stance", ev.stance ? to_string(*ev.stance) : "(absent)"},
                          {"speaker", ev.speaker.value_or("(absent)")},
                          {"speaker_entity", ev.speaker ? entity_id_of(s, ev.speaker_index) : ""}});
    }
    claim["evidence"] = evidence;
    out.push_back(claim);
  }
  return out;
}

std::map<std::string, Json> entities_view(const Story &s) {
  std::map<std::string, Json> out;
  for (const Entity &e : s.entities) {
    out[e.id] = {{"name", e.name},
                 {"kind", e.kind ? to_string(*e.kind) : "(absent)"},
                 {"description", e.description ? Json(*e.description) : Json()},
                 {"aliases", e.aliases}};
  }
  return out;
}

std::map<std::string, Json> sources_view(const Story &s) {
  std::map<std::string, Json> out;
  for (const Source &src : s.sources) {
    out[src.id] = {{"publisher", src.publisher ? Json(*src.publisher) : Json()},
                   {"headline", src.headline ? Json(*src.headline) : Json()},
                   {"url", src.url ? Json(*src.url) : Json()},
                   {"published", src.published ? Json(src.published->to_string()) : Json()},
                   {"authors", src.authors ? Json(*src.authors) : Json()},
                   {"language", src.language ? Json(*src.language) : Json()}};
  }
  return out;
}

std::string cards_text(const Story &s) { return cards_to_json(s, compute_cards(s)).dump(2); }

void check_same_story(const Story &a, const Story &b) {
  CHECK(a.info.id == b.info.id);
  CHECK(a.info.title == b.info.title);
  CHECK(a.info.language == b.info.language);
  CHECK(claims_view(a) == claims_view(b));
  CHECK(entities_view(a) == entities_view(b));
  CHECK(sources_view(a) == sources_view(b));
  CHECK(cards_text(a) == cards_text(b));
}

} // namespace

// ------------------------------------------------------------------ parsing

TEST_CASE("csv: plain records, with and without a final line end", "[csv]") {
  Records expected = {{"a", "b", "c"}, {"1", "2", "3"}};
  CHECK(records("a,b,c\n1,2,3") == expected);
  CHECK(records("a,b,c\n1,2,3\n") == expected);
  CHECK(records("a,b,c\r\n1,2,3\r\n") == expected);
  CHECK(records("a,b,c\r1,2,3\r") == expected); // old Mac line ends
  CHECK(records("a,,\n,,") == Records{{"a", "", ""}, {"", "", ""}});
  CHECK(records("").empty());
}

TEST_CASE("csv: quoted fields hold commas, quotes and line breaks", "[csv]") {
  CHECK(records("\"a,b\",c\n") == Records{{"a,b", "c"}});
  CHECK(records("\"she said \"\"hi\"\"\",x") == Records{{"she said \"hi\"", "x"}});
  CHECK(records("\"line 1\nline 2\",x\nnext,row") == Records{{"line 1\nline 2", "x"}, {"next", "row"}});
  CHECK(records("\"line 1\r\nline 2\",x\r\nnext,row\r\n") == Records{{"line 1\r\nline 2", "x"}, {"next", "row"}});
  CHECK(records("\"\",\"\"\"\"") == Records{{"", "\""}});
  CHECK(records("a,\"\"\n") == Records{{"a", ""}});
  // A quote inside an unquoted field is text, as spreadsheets read it.
  CHECK(records("12\" pipe,x") == Records{{"12\" pipe", "x"}});
}

TEST_CASE("csv: a byte order mark is skipped, blank lines are kept as rows", "[csv]") {
  CHECK(records("\xEF\xBB\xBF"
                "a,b\n1,2") == Records{{"a", "b"}, {"1", "2"}});
  CHECK(records("a,b\n\n1,2\n") == Records{{"a", "b"}, {""}, {"1", "2"}});
  CHECK(records("K\xC3\xBCrelsükh,\xE2\x80\x9Cx\xE2\x80\x9D") ==
        Records{{"K\xC3\xBCrelsükh", "\xE2\x80\x9Cx\xE2\x80\x9D"}});
}

TEST_CASE("csv: semicolon and tab separated files are recognised by their first line", "[csv]") {
  Result<CsvTable> semicolons = parse_csv("a;b;c\n1;\"2;3\";4\n", "t.csv");
  REQUIRE(semicolons.ok());
  CHECK(semicolons->delimiter == ';');
  CHECK(semicolons->records == Records{{"a", "b", "c"}, {"1", "2;3", "4"}});
  Result<CsvTable> tabs = parse_csv("a\tb\n1\t2\n", "t.csv");
  REQUIRE(tabs.ok());
  CHECK(tabs->records == Records{{"a", "b"}, {"1", "2"}});
  CHECK(records("a,b;c\n") == Records{{"a", "b;c"}}); // commas win
}

TEST_CASE("csv: syntax errors name row and column, all at once", "[csv]") {
  std::vector<std::string> e = parse_errors("a,b\n\"x\"y,2\n3,\"never closed\n4,5\n");
  REQUIRE(e.size() == 2);
  CHECK(e[0].rfind("2:1: text after the closing quote", 0) == 0);
  CHECK(e[1].rfind("3:2: a quoted field is never closed", 0) == 0);
  CHECK(parse_errors("\xFF\xFE"
                     "a\0,\0b\0")[0]
            .rfind("1:1: the file is UTF-16", 0) == 0);
}

TEST_CASE("csv: invalid UTF-8 is reported at its cell, with the header name", "[csv]") {
  // Latin-1 "é", a stray continuation byte, an overlong encoding, a surrogate.
  std::vector<std::string> e = parse_errors("what,who\nCaf\xE9,ok\nok,\x80x\n\xC0\xAF,\xED\xA0\x80\n");
  REQUIRE(e.size() == 4);
  CHECK(e[0] == "2:1: what: invalid UTF-8: byte 0xE9 after \"Caf\"; save the file as UTF-8 (in Excel: \"CSV UTF-8\")");
  CHECK(e[1].rfind("3:2: who: invalid UTF-8: byte 0x80 at the start of the cell", 0) == 0);
  CHECK(e[2].rfind("4:1: what: invalid UTF-8: byte 0xC0", 0) == 0);
  CHECK(e[3].rfind("4:2: who: invalid UTF-8: byte 0xED", 0) == 0);
  // Through import as well, and with a byte order mark in front.
  CHECK_ERROR(errors("\xEF\xBB\xBF" + header + "c1,event,Jane Doe,Caf\xE9,q,s\n"), "2:4: what: invalid UTF-8", "0xE9");
}

// ------------------------------------------------------------------ import

TEST_CASE("import: one row per evidence, claims over several rows", "[csv]") {
  std::string text = "claim_id,kind,who,what,when,quote,source_id,publisher\n"
                     "visit,event,Jane Doe,\"Doe visited the mill, twice\",2024-09,\"It was \"\"fine\"\", she said\",a,"
                     "The Gazette\n"
                     "visit,,,,,\"Doe came\nback\",b,Radio One\n"
                     "visit,event,,\"Doe visited the mill, twice\",,third,a,\n";
  Story s = imported(text, {"doe-visit", std::nullopt, std::nullopt, ""});
  CHECK(s.info.id == "doe-visit");
  REQUIRE(s.claims.size() == 1);
  const Claim &c = s.claims[0];
  CHECK(c.id == "visit");
  CHECK(c.kind == ClaimKind::event);
  CHECK(c.what == "Doe visited the mill, twice");
  CHECK(c.when->to_string() == "2024-09");
  REQUIRE(c.evidence.size() == 3);
  CHECK(c.evidence[0].quote == "It was \"fine\", she said");
  CHECK(c.evidence[1].quote == "Doe came\nback");
  CHECK(c.evidence[2].source == "a");
  REQUIRE(s.entities.size() == 1);
  CHECK(s.entities[0].id == "jane-doe"); // made from the name
  CHECK(s.entities[0].name == "Jane Doe");
  CHECK(c.who_index == 0);
  REQUIRE(s.sources.size() == 2);
  CHECK(s.sources[0].publisher == std::optional<std::string>("The Gazette"));
  CHECK(s.sources[1].publisher == std::optional<std::string>("Radio One"));
}

TEST_CASE("import: headers in any order and case, BOM and line ends make no difference", "[csv]") {
  std::string a = "claim_id,kind,who,what,quote,source_id\nc1,event,Jane Doe,Did it,\"q, q\",s1\n";
  std::string b = "\xEF\xBB\xBF"
                  "Source ID,QUOTE,What, Who ,Kind,Claim-ID\r\ns1,\"q, q\",Did it,Jane Doe,Event,c1\r\n";
  CsvImportOptions options;
  options.id = "x";
  Story sa = imported(a, options), sb = imported(b, options);
  CHECK(save_story(sa) == save_story(sb));
}

TEST_CASE("import: entities by who_id, by name, by alias, entity and source rows", "[csv]") {
  std::string text =
      "claim_id,kind,who,who_id,who_kind,who_description,who_aliases,what,quote,source_id,speaker,url,published\n"
      "c1,statement,Ukhnaagiin Khürelsükh,khurelsukh,person,President of Mongolia,Khurelsukh Ukhnaa | "
      "President Khurelsukh,Said a thing,q1,s1,Khurelsukh,https://example.org/a,2024-09-03\n"
      "c2,event,Khurelsukh,,,,,Did a thing,q2,s1,,,\n"         // a name of an entity defined below... and above
      "c3,event,President Khürelsükh,,,,,Did more,q3,s2,,,\n"  // an alias, with diacritics
      "c4,event,Town Council,,organization,,,Voted,q4,s2,,,\n" // a new entity, with details
      ",,Lake Office,lake,place,,,,,,,,\n"                     // an entity only a speaker needs
      "c5,quote,Town Council,,,,,\"We voted\",q5,s3,lake,,\n"
      ",,,,,,,,,s4,,https://example.org/unused,2023\n"; // a source no evidence uses
  CsvImportOptions options;
  options.id = "t";
  Story s = imported(text, options);
  REQUIRE(s.entities.size() == 3);
  CHECK(s.entities[0].id == "khurelsukh");
  CHECK(s.entities[0].aliases == std::vector<std::string>{"Khurelsukh Ukhnaa", "President Khurelsukh"});
  CHECK(s.entities[0].kind == EntityKind::person);
  CHECK(s.entities[1].id == "town-council");
  CHECK(s.entities[1].kind == EntityKind::organization);
  CHECK(s.entities[2].id == "lake");
  CHECK(s.entities[2].kind == EntityKind::place);
  for (std::size_t i = 0; i < 3; ++i) CHECK(s.claims[i].who == "khurelsukh");
  CHECK(s.claims[3].who == "town-council");
  CHECK(s.claims[4].who == "town-council");
  CHECK(s.claims[4].evidence[0].speaker == std::optional<std::string>("lake"));
  REQUIRE(s.sources.size() == 4);
  CHECK(s.sources[3].id == "s4");
  CHECK(s.sources[3].published->to_string() == "2023");
  CHECK(s.sources[0].url == std::optional<std::string>("https://example.org/a"));
}

TEST_CASE("import: value cells are numbers, booleans, or text", "[csv]") {
  std::string text = "claim_id,kind,who,what,quote,source_id,topic,value\n"
                     "c1,figure,Jane Doe,a,q,s,t,95\n"
                     "c2,figure,Jane Doe,b,q,s,t,-1.5e3\n"
                     "c3,figure,Jane Doe,c,q,s,t,TRUE\n"
                     "c4,figure,Jane Doe,d,q,s,t,\"\"\"95\"\"\"\n"
                     "c5,figure,Jane Doe,e,q,s,t,2024-09-02\n"
                     "c6,figure,Jane Doe,f,q,s,t,007\n"
                     "c7,figure,Jane Doe,g,q,s,t,\"1,000\"\n"
                     "c8,figure,Jane Doe,h,q,s,,\n";
  CsvImportOptions options;
  options.id = "t";
  Story s = imported(text, options);
  CHECK(s.claims[0].value == Json(95));
  CHECK(s.claims[1].value == Json(-1500.0));
  CHECK(s.claims[2].value == Json(true));
  CHECK(s.claims[3].value == Json("95"));
  CHECK(s.claims[4].value == Json("2024-09-02"));
  CHECK(s.claims[5].value == Json("007"));
  CHECK(s.claims[6].value == Json("1,000"));
  CHECK(s.claims[7].value.is_null());
  // Each comes back from the export as it went in.
  Story again = imported(exported(s));
  for (std::size_t i = 0; i < s.claims.size(); ++i) CHECK(again.claims[i].value == s.claims[i].value);
}

TEST_CASE("import: columns of one's own are kept on the evidence and exported back", "[csv]") {
  std::string text = "claim_id,kind,who,what,quote,source_id,Checked by,Notes\n"
                     "c1,event,Jane Doe,a,q1,s,Ann,\"call back, Tuesday\"\n"
                     "c1,,,,q2,s,,\n";
  CsvImportOptions options;
  options.id = "t";
  Story s = imported(text, options);
  CHECK(s.claims[0].evidence[0].extra ==
        Json::parse(R"({"csv": {"Checked by": "Ann", "Notes": "call back, Tuesday"}})"));
  CHECK(s.claims[0].evidence[1].extra.empty());
  std::string csv = exported(s);
  CHECK(csv.find(",story_language,Checked by,Notes\r\n") != std::string::npos);
  Story again = imported(csv);
  CHECK(again.claims[0].evidence[0].extra == s.claims[0].evidence[0].extra);
}

TEST_CASE("import: story columns, options over columns, the file name last", "[csv]") {
  std::string text = "claim_id,kind,who,what,quote,source_id,story_id,story_title,story_language\n"
                     "c1,event,Jane Doe,a,q,s,from-column,Title,en\n"
                     "c2,event,Jane Doe,b,q,s,,,\n";
  Story s = imported(text);
  CHECK(s.info.id == "from-column");
  CHECK(s.info.title == std::optional<std::string>("Title"));
  CHECK(s.info.language == std::optional<std::string>("en"));
  CsvImportOptions options;
  options.id = "from-option";
  options.language = "mn";
  Story o = imported(text, options);
  CHECK(o.info.id == "from-option");
  CHECK(o.info.title == std::optional<std::string>("Title"));
  CHECK(o.info.language == std::optional<std::string>("mn"));
  CsvImportOptions fallback;
  fallback.fallback_id = id_from_name("Town Budget");
  CHECK(imported(header + "c1,event,Jane Doe,a,q,s\n", fallback).info.id == "town-budget");
  CHECK_ERROR(errors(header + "c1,event,Jane Doe,a,q,s\n"), "0:0: ", "the story needs an id");
  CHECK_ERROR(errors(text, {"Bad Id", std::nullopt, std::nullopt, ""}), "0:0: ", "story id \"Bad Id\"");
}

TEST_CASE("import: blank rows and empty trailing columns are skipped", "[csv]") {
  std::string text = "\nclaim_id,kind,who,what,quote,source_id,,\n"
                     "c1,event,Jane Doe,a,q,s,,\n"
                     ",,,,,,,\n"
                     "\n"
                     "c2,event,Jane Doe,b,q,s\n"
                     ",,,,,,,,,,\n";
  CsvImportOptions options;
  options.id = "t";
  CHECK(imported(text, options).claims.size() == 2);
  // Errors keep the spreadsheet's row numbers, blank rows counted.
  CHECK_ERROR(errors(text + "c3,event,Jane Doe,c,,s\n", options), "8:5: quote: empty", "needs the words");
}

TEST_CASE("import: header problems", "[csv]") {
  CHECK_ERROR(errors(""), "1:1: the file is empty", "");
  CHECK_ERROR(errors("\xEF\xBB\xBF\r\n\r\n"), "1:1: the file is empty", "");
  std::vector<std::string> missing = errors("claim_id,who,what\nc1,Jane,a\n");
  REQUIRE(missing.size() == 1);
  CHECK(missing[0] == "1:1: missing columns \"kind\", \"quote\" and \"source_id\": the header row needs claim_id, "
                      "kind, who (or who_id), what, quote and source_id (see docs/CSV.md)");
  CHECK_ERROR(errors("claim_id,kind,what,quote,source_id\n"), "1:1: missing column \"who\"", "");
  CHECK_ERROR(errors("claim_id,kind,who,what,quote,source_id,Who\n"), "1:7: Who: the column appears twice",
              "also column 3");
  CHECK_ERROR(errors("claim_id,kind,who,what,quote,source_id,qoute\nc1,event,Jane Doe,a,q,s,x\n",
                     {"t", std::nullopt, std::nullopt, ""}),
              "1:7: qoute: unknown column, one typo away from \"quote\"", "");
  CHECK_ERROR(errors("claim_id,kind,who,what,quote,source_id,\nc1,event,Jane Doe,a,q,s,x\n",
                     {"t", std::nullopt, std::nullopt, ""}),
              "1:7: column 7 has no name, but row 2 has a value in it", "");
  CHECK_ERROR(errors(header + "c1,event,Jane Doe,a,q,s,extra\n", {"t", std::nullopt, std::nullopt, ""}),
              "2:7: a value beyond the last named column", "6 columns");
}

TEST_CASE("import: cell errors name row, column and header, every one at once", "[csv]") {
  std::string text = "Claim ID,Kind,Who,What,When,Quote,Source ID,Stance,Speaker,Who Kind,Published,URL,Topic,Value\n"
                     "c1,event,Jane Doe,a,2024-13,q,s1,,,,,,,\n"          // 2: bad date
                     "c1,figure,,,,q,s1,maybe,,,,,,\n"                    // 3: kind differs; bad stance
                     "c2,happening,Jane Doe,b,,,s1,,Nobody,,,,,\n"        // 4: bad kind; no quote; unknown speaker
                     "Bad Id,event,Jane Doe,c,,q,s1,,,,,,,\n"             // 5: bad claim id
                     "c3,event,Jane Doe,d,,q,,,,robot,,,,\n"              // 6: no source; bad who_kind
                     "c4,event,Jane Doe,e,,q,s2,,,,9/3/2024,ftp://x,,5\n" // 7: bad published; bad url; value, no topic
                     "c5,,,,,q,s1,,,,,,,\n"                               // 8: no kind, what, who
                     ",,,f,,,,,,,,,,\n";                                  // 9: no claim id
  std::vector<std::string> e = errors(text, {"t", std::nullopt, std::nullopt, ""});
  std::string all;
  for (const std::string &line : e) all += line + "\n";
  INFO(all);
  CHECK_ERROR(e, "2:5: When: bad date \"2024-13\"", "format the column as text");
  CHECK_ERROR(e, "3:2: Kind: \"figure\" differs from \"event\", given for claim \"c1\" in row 2",
              "leave the cell empty or repeat the value exactly");
  CHECK_ERROR(e, "3:8: Stance: must be supports or refutes, not \"maybe\"", "");
  CHECK_ERROR(e, "4:2: Kind: must be one of event, statement, quote, figure, not \"happening\"", "");
  CHECK_ERROR(e, "4:6: Quote: empty", "");
  CHECK_ERROR(e, "4:9: Speaker: unknown entity \"Nobody\"", ""); // found by load_story, mapped back
  CHECK_ERROR(e, "5:1: Claim ID: id \"Bad Id\" must use only", "");
  CHECK_ERROR(e, "6:7: Source ID: empty", "");
  CHECK_ERROR(e, "6:10: Who Kind: must be one of person, organization, place, other, not \"robot\"", "");
  CHECK_ERROR(e, "7:11: Published: bad date \"9/3/2024\"", "");
  CHECK_ERROR(e, "7:12: URL: url \"ftp://x\" must be an absolute http: or https: address", "");
  CHECK_ERROR(e, "7:14: Value: \"value\" needs a \"topic\"", "");
  CHECK_ERROR(e, "8:2: Kind: claim \"c5\" needs a kind", "");
  CHECK_ERROR(e, "8:3: Who: claim \"c5\" needs a who", "");
  CHECK_ERROR(e, "8:4: What: claim \"c5\" needs what it claims", "");
  CHECK_ERROR(e, "9:1: Claim ID: empty, but the row has a claim or evidence (what)", "");
  CHECK(e.size() == 16); // nothing reported twice
  CHECK(std::is_sorted(e.begin(), e.end(),
                       [](const std::string &a, const std::string &b) { return std::stoi(a) < std::stoi(b); }));
}

TEST_CASE("import: entity and source details must agree across rows", "[csv]") {
  std::string text = "claim_id,kind,who,who_id,who_description,what,quote,source_id,publisher\n"
                     "c1,event,Jane Doe,jane,Mayor,a,q,s1,Gazette\n"
                     "c2,event,Jane Roe,jane,Former mayor,b,q,s1,Radio\n"
                     "c3,event,,,Mayor,c,q,s1,\n"
                     "c4,event,Doe,,,d,q,s1,\n";
  std::vector<std::string> e = errors(text, {"t", std::nullopt, std::nullopt, ""});
  CHECK_ERROR(e, "3:3: who: \"Jane Roe\" differs from \"Jane Doe\", given for entity \"jane\" in row 2", "");
  CHECK_ERROR(e, "3:5: who_description: \"Former mayor\" differs from \"Mayor\"", "");
  CHECK_ERROR(e, "3:9: publisher: \"Radio\" differs from \"Gazette\", given for source \"s1\" in row 2", "");
  CHECK_ERROR(e, "4:5: who_description: needs a who or who_id on the same row", "");
  CHECK_ERROR(e, "4:3: who: claim \"c3\" needs a who", "");
  CHECK(e.size() == 5); // row 5: "Doe" is Jane Doe
}

TEST_CASE("import: a claim has one who, ambiguous and clashing names are reported", "[csv]") {
  std::string text = "claim_id,kind,who,who_id,who_aliases,what,quote,source_id\n"
                     "c1,event,John Smith,smith,,a,q,s\n"
                     "c2,event,John Brown,,,b,q,s\n"
                     "c3,event,John,,,c,q,s\n"                  // fits both
                     "c1,,John Brown,,,,q2,s\n"                 // c1 is about John Smith
                     "c4,event,Ann Lee,ann,Smith John,d,q,s\n"; // an alias that is John Smith's name
  std::vector<std::string> e = errors(text, {"t", std::nullopt, std::nullopt, ""});
  CHECK_ERROR(e, "4:3: who: \"John\" fits entities \"smith\", \"john-brown\"", "fill who_id");
  CHECK_ERROR(e, "5:3: who: names entity \"john-brown\", but claim \"c1\" is about entity \"smith\" (row 2)", "");
  CHECK_ERROR(e, "6:5: who_aliases: name \"Smith John\" of entity \"ann\" also names entity \"smith\"", "");
  CHECK(e.size() == 3);
}

TEST_CASE("import: an entity named only by who_id needs a name somewhere", "[csv]") {
  std::string text = "claim_id,kind,who,who_id,what,quote,source_id\n"
                     "c1,event,,jane,a,q,s\n"
                     "c2,event,Jane Doe,jane,b,q,s\n"
                     "c3,event,,bob,c,q,s\n";
  std::vector<std::string> e = errors(text, {"t", std::nullopt, std::nullopt, ""});
  REQUIRE(e.size() == 1);
  CHECK(e[0].rfind("4:4: who_id: entity \"bob\" has no name", 0) == 0);
}

TEST_CASE("id_from_name", "[csv]") {
  CHECK(id_from_name("Town Budget") == "town-budget");
  CHECK(id_from_name("  Zoë  Ruiz-Kłyszcz ") == "zoe-ruiz-klyszcz");
  CHECK(id_from_name("Владимир") == "");
  CHECK(id_from_name("2024: a year") == "2024-a-year");
  CHECK(is_valid_id(id_from_name(std::string(200, 'x'))));
}

// ------------------------------------------------------------------ export

TEST_CASE("export: BOM, CRLF, the documented header, quoting", "[csv]") {
  Story s = imported(header + "c1,event,Jane Doe,\"a, b\",\"she said \"\"no\"\"\nthen left\",s\n",
                     {"t", std::string("A title"), std::nullopt, ""});
  std::string csv = exported(s);
  CHECK(csv.rfind("\xEF\xBB\xBF"
                  "claim_id,kind,who,what,when,when_text,where,topic,value,quote,source_id,stance,"
                  "speaker,publisher,headline,url,published,authors,source_language,who_id,who_kind,who_description,"
                  "who_aliases,story_id,story_title,story_language\r\n",
                  0) == 0);
  CHECK(csv.find("c1,event,Jane Doe,\"a, b\",,,,,,\"she said \"\"no\"\"\nthen left\",s,") != std::string::npos);
  CHECK(csv.find(",t,A title,\r\n") != std::string::npos);
  std::size_t lf = std::count(csv.begin(), csv.end(), '\n');
  std::size_t crlf = 0;
  for (std::size_t i = 1; i < csv.size(); ++i) crlf += csv[i] == '\n' && csv[i - 1] == '\r';
  CHECK(lf == crlf + 1); // the line break inside the quote stays as it was
}

TEST_CASE("export: values that cannot survive a CSV cell are errors, not losses", "[csv]") {
  Story s = imported(header + "c1,event,Jane Doe,a,q,s\n", {"t", std::nullopt, std::nullopt, ""});
  s.entities[0].aliases = {"J|D"};
  Result<CsvExport> r = export_csv(s, "t.json");
  REQUIRE_FALSE(r.ok());
  CHECK(r.errors()[0].message.find("alias \"J|D\"") != std::string::npos);
}

TEST_CASE("export then import: the demo story comes back", "[csv]") {
  Story original = loaded(read_text(demo_path), demo_path);
  Result<CsvExport> csv = export_csv(original, demo_path);
  REQUIRE(csv.ok());
  CHECK(csv->not_exported == std::vector<std::string>{"$schema", "sources: cites", "sources: seed"});
  Story back = imported(csv->text);
  check_same_story(original, back);
  CHECK(back.claims.size() == original.claims.size());
  CHECK(back.entities.size() == original.entities.size());
  CHECK(back.sources.size() == original.sources.size());
  // A second trip changes nothing at all.
  CHECK(exported(back) == csv->text);
  // Without the byte order mark, with LF line ends: the same story.
  std::string plain = csv->text.substr(3);
  std::string lf;
  for (std::size_t i = 0; i < plain.size(); ++i)
    if (!(plain[i] == '\r' && i + 1 < plain.size() && plain[i + 1] == '\n')) lf += plain[i];
  CHECK(save_story(imported(lf)) == save_story(back));
}

TEST_CASE("export then import: every optional field, empty and full", "[csv]") {
  std::string json = R"({"factcard": 1, "story": {"id": "t"},
    "entities": [{"id": "a", "name": "Ann Lee"},
                 {"id": "b", "name": "Bo Chan", "kind": "organization", "description": "d, \"q\"", "aliases": ["B C", "Chan"]},
                 {"id": "c", "name": "Unused Place", "kind": "place"}],
    "sources": [{"id": "s"}, {"id": "t", "publisher": "P", "headline": "H\nline", "url": "https://e.org/?a=1,2",
                 "published": "~2024-09", "authors": ["X", "Y Z"], "language": "mn"}, {"id": "u", "published": "unknown"}],
    "claims": [
      {"id": "c1", "kind": "quote", "who": "Lee", "what": " spaced ", "evidence": [{"source": "s", "quote": "q"}]},
      {"id": "c2", "kind": "figure", "who": "b", "what": "w", "when": "2024", "when_text": "last year", "where": "Here",
       "topic": "t.x", "value": "12", "evidence": [{"source": "t", "quote": "q1", "stance": "supports", "speaker": "Chan"},
                                                     {"source": "s", "quote": "q2", "stance": "refutes"}]},
      {"id": "c3", "kind": "figure", "who": "b", "what": "w3", "topic": "t.x", "value": 12.5,
       "evidence": [{"source": "t", "quote": "q3"}]}]})";
  Story original = loaded(json, "t.json");
  Story back = imported(exported(original));
  check_same_story(original, back);
  CHECK(back.claims[1].value == Json("12"));
  CHECK(back.claims[2].value == Json(12.5));
}

// ------------------------------------------------------------------ template

TEST_CASE("demo/template.csv imports cleanly and makes the cards it promises", "[csv]") {
  std::string text = read_text(template_path);
  CHECK(text.rfind("\xEF\xBB\xBF"
                   "claim_id,",
                   0) == 0); // opens as UTF-8 in Excel
  Result<Story> r = import_csv(text, template_path, {});
  for (const Diagnostic &d : r.errors()) UNSCOPED_INFO(d.to_string());
  REQUIRE(r.ok());
  const Story &s = *r;
  CHECK(s.info.id == "alderbrook-library-2025");
  CHECK(s.claims.size() == 4);
  std::size_t rows = 0;
  for (const Claim &c : s.claims) rows += c.evidence.size();
  CHECK(rows == 6);
  CHECK(s.entities.size() == 3);
  CHECK(s.sources.size() == 2);
  std::vector<Card> cards = compute_cards(s);
  REQUIRE(cards.size() == 4);
  CHECK(cards[0].status == Status::corroborated);
  CHECK(cards[1].status == Status::contested);
  CHECK(cards[2].status == Status::contested);
  CHECK(cards[3].status == Status::corroborated);
  check_same_story(s, imported(exported(s)));
}
