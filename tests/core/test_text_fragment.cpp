// Evidence deep links: text_fragment_url against the cases of
// tests/fixtures/text-fragments.json, which the widget's textFragmentUrl
// (web/src/fragment.mjs) answers too (tests/browser/text-fragments.mjs).
#include "factcard/text_fragment.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <string>

using namespace factcard;

namespace {

const std::string cases_path = FACTCARD_SOURCE_DIR "/tests/fixtures/text-fragments.json";

std::string text_of(const nlohmann::json &object, const char *key) {
  return object.contains(key) && object[key].is_string() ? object[key].get<std::string>() : std::string();
}

} // namespace

TEST_CASE("text fragments: every case of tests/fixtures/text-fragments.json") {
  std::ifstream in(cases_path, std::ios::binary);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  const std::string content = text.str();
  // no exceptions in the wasm build: a parse error is a discarded value
  const nlohmann::json doc = nlohmann::json::parse(content.begin(), content.end(), nullptr, false);
  REQUIRE(doc.is_object());
  REQUIRE(doc.contains("cases"));
  REQUIRE(doc["cases"].is_array());
  REQUIRE(doc["cases"].size() >= 10);
  for (const nlohmann::json &c : doc["cases"]) {
    REQUIRE(c.is_object());
    INFO(text_of(c, "name"));
    const std::string prefix = text_of(c, "prefix"), suffix = text_of(c, "suffix");
    CHECK(text_fragment_url(text_of(c, "url"), text_of(c, "excerpt"), {prefix, suffix}) == text_of(c, "expected"));
  }
}

TEST_CASE("text fragments: the result is still an address a link may carry") {
  // only unreserved bytes, percent escapes and the directive's own marks follow the '#'
  std::string url = text_fragment_url("https://example.org/a", "\"<script>\" & 'x' -- \x01 \xE2\x80\x9Cq\xE2\x80\x9D");
  std::string fragment = url.substr(url.find('#') + 1);
  CHECK(fragment.rfind(":~:text=", 0) == 0);
  CHECK(fragment.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~%:=,-") ==
        std::string::npos);
}
