// Names: folding, keys and the index that resolves "who" references.
#include "factcard/names.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace factcard;

TEST_CASE("fold_text removes Latin diacritics and lower-cases") {
  CHECK(fold_text("Khürelsükh") == "khurelsukh");
  CHECK(fold_text("Kłyszcz") == "klyszcz");
  CHECK(fold_text("KŁYSZCZ") == "klyszcz");
  CHECK(fold_text("Tamás") == "tamas");
  CHECK(fold_text("Mönhnaran") == "monhnaran");
  CHECK(fold_text("Ukhnaagiin Khürelsükh") == "ukhnaagiin khurelsukh");
  CHECK(fold_text("Zoë Ñandú Đorđe") == "zoe nandu dorde");
  // letters that fold to two ASCII letters
  CHECK(fold_text("Ærø Straße Œuvre Þór") == "aero strasse oeuvre thor");
  // decomposed accents (NFD): the combining mark is dropped
  CHECK(fold_text("Tama\xCC\x81s") == "tamas");
  CHECK(fold_text("Khu\xCC\x88relsu\xCC\x88kh") == "khurelsukh");
}

TEST_CASE("fold_text lower-cases Cyrillic and keeps it") {
  CHECK(fold_text("ВЛАДИМИР Путин") == "владимир путин");
  CHECK(fold_text("Ёлка") == "ёлка");
  // Mongolian Cyrillic letters outside the Russian alphabet
  CHECK(fold_text("Өлзий Үүр") == "өлзий үүр");
  CHECK(fold_text("Ухнаагийн Хүрэлсүх") == "ухнаагийн хүрэлсүх");
}

TEST_CASE("fold_text turns punctuation and spacing into single spaces") {
  CHECK(fold_text("  Hello,   World!  ") == "hello world");
  CHECK(fold_text("Putin's visit") == "putins visit");
  CHECK(fold_text("O\xE2\x80\x99"
                  "Brien") == "obrien"); // typographic apostrophe
  CHECK(fold_text("Oyun-Erdene") == "oyun erdene");
  CHECK(fold_text("a\xC2\xA0"
                  "b") == "a b"); // no-break space
  CHECK(fold_text("") == "");
  CHECK(fold_text("...") == "");
  CHECK(fold_text("2024-09-03") == "2024 09 03");
}

TEST_CASE("name_key: every spelling of Khurelsukh's full name meets") {
  const std::string full = name_key("Ukhnaagiin Khürelsükh");
  CHECK(full == "khurelsukh ukhnaa");
  CHECK(name_key("Ukhnaagiin Khurelsukh") == full);
  CHECK(name_key("Khurelsukh Ukhnaa") == full);
  CHECK(name_key("KHURELSUKH, Ukhnaa") == full);
  CHECK(name_key("President Ukhnaagiin Khürelsükh") == full);
  // the short forms meet each other, not the full name
  CHECK(name_key("Khürelsükh") == "khurelsukh");
  CHECK(name_key("President Khurelsukh") == name_key("Khürelsükh"));
  CHECK(name_key("President Khurelsukh") != full);
}

TEST_CASE("name_key drops titles and ignores word order") {
  CHECK(name_key("President Vladimir Putin") == name_key("Vladimir Putin"));
  CHECK(name_key("Mr. Putin") == "putin");
  CHECK(name_key("Dr. Prof. Tamás Hoffmann") == "hoffmann tamas");
  CHECK(name_key("Putin Vladimir") == name_key("Vladimir Putin"));
  CHECK(name_key("Former Prime Minister Oyun-Erdene") == "erdene oyun");
  CHECK(name_key("President") == "");
  CHECK(name_words("The Vice President").empty());
  CHECK(name_key("Vladimir Putin") != name_key("Vladimir Putina"));
  // the patronymic suffix is only removed from a first word of several
  CHECK(name_key("Ukhnaagiin") == "ukhnaagiin");
  // name_words is sorted and without repeats
  std::vector<std::string> words = name_words("Putin Vladimir Putin");
  CHECK(words == std::vector<std::string>{"putin", "vladimir"});
}

namespace {

struct People {
  NameIndex index;
  std::vector<std::string> ids;
  std::size_t add(const std::string &id, const std::vector<std::string> &names) {
    std::size_t entity = ids.size();
    ids.push_back(id);
    index.add_id(id, entity);
    for (const std::string &n : names) REQUIRE(index.add_name(n, entity) == static_cast<std::size_t>(-1));
    return entity;
  }
};

} // namespace

TEST_CASE("NameIndex resolves ids, keys and partial names") {
  People p;
  std::size_t putin = p.add("putin", {"Vladimir Putin", "Russian President Vladimir Putin"});
  std::size_t khurelsukh = p.add("khurelsukh", {"Ukhnaagiin Khürelsükh", "Khurelsukh Ukhnaa", "Ukhnaagiin Khurelsukh"});
  std::size_t navalny = p.add("navalny", {"Alexei Navalny"});
  std::size_t overchuk = p.add("overchuk", {"Alexei Overchuk"});

  SECTION("by id") {
    NameMatch m = p.index.resolve("putin");
    REQUIRE(m.kind == NameMatch::found);
    CHECK(m.entity == putin);
    CHECK(p.index.resolve("overchuk").entity == overchuk);
  }
  SECTION("by exact key, any spelling") {
    for (const char *name : {"Vladimir Putin", "putin vladimir", "VLADIMIR PUTIN", "Khurelsukh Ukhnaa",
                             "Ukhnaagiin Khurelsukh", "Ukhnaagiin Khürelsükh", "President Ukhnaagiin Khurelsukh"}) {
      INFO(name);
      NameMatch m = p.index.resolve(name);
      REQUIRE(m.kind == NameMatch::found);
      CHECK(m.candidates.empty());
    }
    CHECK(p.index.resolve("Khurelsukh Ukhnaa").entity == khurelsukh);
  }
  SECTION("by a partial name") {
    NameMatch m = p.index.resolve("Putin");
    REQUIRE(m.kind == NameMatch::found);
    CHECK(m.entity == putin);
    CHECK(p.index.resolve("President Putin").entity == putin);
    CHECK(p.index.resolve("President Khurelsukh").entity == khurelsukh);
    CHECK(p.index.resolve("Khürelsükh").entity == khurelsukh);
    CHECK(p.index.resolve("Navalny").entity == navalny);
  }
  SECTION("ambiguous: both candidates, no guess") {
    NameMatch m = p.index.resolve("Alexei");
    REQUIRE(m.kind == NameMatch::ambiguous);
    std::vector<std::size_t> candidates = m.candidates;
    std::sort(candidates.begin(), candidates.end());
    CHECK(candidates == std::vector<std::size_t>{navalny, overchuk});
    CHECK(p.index.resolve("Mr Alexei").kind == NameMatch::ambiguous);
  }
  SECTION("unknown") {
    CHECK(p.index.resolve("Dmitry Peskov").kind == NameMatch::unknown);
    CHECK(p.index.resolve("Vladimir Peskov").kind == NameMatch::unknown); // one word known, one not
    CHECK(p.index.resolve("Alexei Putin").kind == NameMatch::unknown);    // words from two names
    CHECK(p.index.resolve("President").kind == NameMatch::unknown);       // titles only
    CHECK(p.index.resolve("").kind == NameMatch::unknown);
    CHECK(p.index.resolve("PUTIN").kind == NameMatch::found); // an id is exact, but the name still fits
    CHECK(p.index.resolve("Putinov").kind == NameMatch::unknown);
  }
}

TEST_CASE("NameIndex::add_name reports a name owned by another entity") {
  NameIndex index;
  index.add_id("putin", 0);
  index.add_id("other-putin", 1);
  CHECK(index.add_name("Vladimir Putin", 0) == static_cast<std::size_t>(-1));
  // the same entity may repeat a spelling
  CHECK(index.add_name("Putin, Vladimir", 0) == static_cast<std::size_t>(-1));
  // another entity may not, in any spelling
  CHECK(index.add_name("President Vladimir Putin", 1) == 0);
  CHECK(index.add_name("putin vladimir", 1) == 0);
  // a name of only titles adds nothing and collides with nothing
  CHECK(index.add_name("President", 1) == static_cast<std::size_t>(-1));
  // the first owner keeps the name
  NameMatch m = index.resolve("Vladimir Putin");
  REQUIRE(m.kind == NameMatch::found);
  CHECK(m.entity == 0);
}
