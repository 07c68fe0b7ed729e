#include "factcard/cards.hpp"
#include "factcard/extract.hpp"
#include "factcard/load.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace factcard;

namespace {

const Date tuesday = *parse_date("2024-09-03"); // the article date in these tests

ArticleAnalysis analyse(const std::string &text, std::optional<Date> date = tuesday) {
  return analyse_article({"test.txt", "Headline of the test article\n\n" + text, date});
}

// The speaker's name of the quote that contains `words`, or "" when absent.
std::string speaker_of(const ArticleAnalysis &a, const std::string &words) {
  for (const FoundQuote &q : a.quotes)
    if (q.quote.find(words) != std::string::npos)
      return q.speaker < a.entities.size() ? a.entities[q.speaker].name : "?";
  return "";
}

const FoundEntity *entity(const ArticleAnalysis &a, const std::string &name) {
  for (const FoundEntity &e : a.entities)
    if (e.name == name) return &e;
  return nullptr;
}

std::string date_of(const std::string &text, std::optional<Date> reference = tuesday) {
  std::vector<FoundDate> found = find_dates(text, reference);
  return found.empty() ? "none" : found[0].date.to_string();
}

} // namespace

TEST_CASE("quote forms and their speakers") {
  SECTION("“Q,” said S, with an appositive role") {
    auto a = analyse("“We will balance the budget,” said Ana Ruiz, the finance minister of Spain.");
    CHECK(speaker_of(a, "balance the budget") == "Ana Ruiz");
    REQUIRE(entity(a, "Ana Ruiz"));
    CHECK(entity(a, "Ana Ruiz")->role.value_or("") == "finance minister of Spain");
  }
  SECTION("S said: “Q”") {
    auto a = analyse("Marta Kowalski said: “The bridge will reopen in spring.”");
    CHECK(speaker_of(a, "bridge will reopen") == "Marta Kowalski");
  }
  SECTION("“Q,” S told X") {
    auto a = analyse("“Nobody expected the vote to be this close,” Peter Lang told Reuters.");
    CHECK(speaker_of(a, "Nobody expected") == "Peter Lang");
  }
  SECTION("“Q1,” S said, “Q2” is one quote") {
    auto a = analyse("“We tried everything,” Peter Lang said, “but the money ran out in the end.”");
    REQUIRE(a.quotes.size() == 1);
    CHECK(a.quotes[0].quote.find("tried everything") != std::string::npos);
    CHECK(a.quotes[0].quote.find("money ran out") != std::string::npos);
    CHECK(speaker_of(a, "money ran out") == "Peter Lang");
  }
  SECTION("a following quote carries over to the same speaker") {
    auto a = analyse("“The first phase is finished,” said engineer Sofia Berg.\n\n“The second phase starts after the "
                     "winter break.”");
    CHECK(speaker_of(a, "second phase") == "Sofia Berg");
  }
  SECTION("he and she resolve to the named speaker") {
    auto a = analyse("Finance Minister Ana Ruiz spoke to reporters on Monday. “The deficit is shrinking,” she said.");
    CHECK(speaker_of(a, "deficit is shrinking") == "Ana Ruiz");
    REQUIRE(entity(a, "Ana Ruiz"));
    CHECK(entity(a, "Ana Ruiz")->role.value_or("") == "Finance Minister");
  }
  SECTION("the ministry resolves to the organisation named before") {
    auto a = analyse("Ukraine's foreign ministry urged Mongolia to act. “We hope Mongolia honours its duty,” the "
                     "ministry said in a statement.");
    CHECK(speaker_of(a, "honours its duty") == "Ukraine's foreign ministry");
  }
  SECTION("an unnamed spokesperson speaks for the organisation, also as “the spokesperson”") {
    auto a = analyse("The International Criminal Court has no police. An ICC spokesperson reiterated that members must "
                     "cooperate. “Judges may make a finding to that effect,” the spokesperson explained.");
    CHECK(speaker_of(a, "Judges may make") == "International Criminal Court");
  }
  SECTION("a company spokesperson speaks for the company named, not for a union") {
    auto a = analyse("The Aviation Staff Union called a strike. A company spokesperson said Halvard Air was “deeply "
                     "disappointed” by it. “We remain at the table,” the spokesperson said.");
    CHECK(speaker_of(a, "deeply disappointed") == "Halvard Air");
    CHECK(speaker_of(a, "remain at the table") == "Halvard Air");
  }
  SECTION("without an organisation, the spokesperson's description names the speaker") {
    auto a = analyse("“Supplies are critical,” according to a Mongolian government spokesperson.");
    CHECK(speaker_of(a, "Supplies are critical") == "Mongolian government");
  }
  SECTION("a partial quote inside reported speech, and a role before the name") {
    auto a =
        analyse("Kremlin spokesman Dmitry Peskov told reporters that Moscow had “no worries at all” about the trip.");
    CHECK(speaker_of(a, "no worries at all") == "Dmitry Peskov");
    REQUIRE(entity(a, "Dmitry Peskov"));
    CHECK(entity(a, "Dmitry Peskov")->role.value_or("") == "Kremlin spokesman");
  }
  SECTION("organisations and unnamed officials speak") {
    auto a = analyse("“We are watching closely,” an ICC spokesperson said. Russian officials said they were "
                     "“unconcerned by the threat”.");
    CHECK(speaker_of(a, "watching closely") == "ICC");
    CHECK(speaker_of(a, "unconcerned") == "Russian officials");
  }
  SECTION("straight quotes work too") {
    auto a = analyse("\"It was a fair trial,\" said Judge Helen Marsh.");
    CHECK(speaker_of(a, "fair trial") == "Helen Marsh");
  }
  SECTION("scare quotes are not quotes") {
    auto a = analyse("The deal was described as “historic” in the press.");
    CHECK(a.quotes.empty());
  }
}

TEST_CASE("reported speech becomes statements") {
  auto a = analyse("Mayor Lena Fischer said that the tram line would open in May. According to Lena Fischer, costs "
                   "rose by a third.");
  REQUIRE(a.statements.size() >= 1);
  CHECK(a.statements[0].kind == ClaimKind::statement);
  CHECK(a.entities[a.statements[0].who].name == "Lena Fischer");
  CHECK(a.statements[0].sentence.find("tram line") != std::string::npos);
}

TEST_CASE("absolute dates keep their precision") {
  CHECK(date_of("on September 3, 2024, the talks began") == "2024-09-03");
  CHECK(date_of("He arrived on Sept. 2 at noon") == "2024-09-02");
  CHECK(date_of("the warrant was issued in March 2023") == "2023-03");
  CHECK(date_of("the battle of 1939 was won") == "1939");
  CHECK(date_of("the vote on 4 May was close") == "2024-05-04");
  CHECK(date_of("signed on 12 October 2021 in Paris") == "2021-10-12");
  CHECK(date_of("It may rain") == "none");
  CHECK(date_of("revenue of 2024,500 units") == "none");
}

TEST_CASE("a month without a year: the coming one when the clause has no tense, else by its tense") {
  // The article is of 3 September 2024.
  CHECK(date_of("The council faces a budget, beginning with a vote in November.") == "2024-11");
  CHECK(date_of("Turnout in November was the lowest on record.") == "2023-11");
  CHECK(date_of("The bridge reopened in October.") == "2023-10");
  CHECK(date_of("A final report in August gives the figures.") == "2024-08");
  CHECK(date_of("A final report in March gives the figures.") == "2024-03");
  CHECK(date_of("Elections in February decide the matter.") == "2024-02"); // five months ahead is too far
}

TEST_CASE("relative dates resolve against the article's date") {
  CHECK(date_of("the visit next week") == "~2024-09-09");
  CHECK(date_of("a warrant issued last year") == "2023");
  CHECK(date_of("earlier this year he cancelled") == "2024");
  CHECK(date_of("the ministry said on Friday") == "2024-08-30");
  CHECK(date_of("arriving late Monday evening") == "2024-09-02");
  CHECK(date_of("She resigned yesterday") == "2024-09-02");
  CHECK(date_of("sales fell last month") == "2024-08");
  CHECK(date_of("prices this month") == "2024-09");
  CHECK(date_of("two years ago the plant closed") == "2022");
  CHECK(date_of("The committee will meet on Friday") == "2024-09-06");
  CHECK(date_of("more than 10 years ago") == "~2014");
  auto found = find_dates("Talks ended on September 3, 2024. Protesters had gathered a day before.", tuesday);
  REQUIRE(found.size() == 2);
  CHECK(found[1].text == "a day before");
  CHECK(found[1].date.to_string() == "2024-09-02");
  CHECK(find_dates("the phrase \"last year\" is a year", tuesday)[0].date.precision == Precision::year);
}

TEST_CASE("without an article date, relative dates keep their text and stay unknown") {
  auto found = find_dates("The court ruled last year and again on Friday.", std::nullopt);
  REQUIRE(found.size() == 2);
  CHECK(found[0].text == "last year");
  CHECK_FALSE(found[0].date.known());
  CHECK(found[1].text == "Friday");
  CHECK_FALSE(found[1].date.known());
  CHECK(date_of("in March 2023", std::nullopt) == "2023-03"); // absolute dates need no reference
}

TEST_CASE("name variants cluster into one entity") {
  auto a =
      analyse("Mongolian President Ukhnaagiin Khurelsukh welcomed the guests. Later, President Khurelsukh Ukhnaa said: "
              "“Our neighbours are our friends.” Khurelsukh also visited the museum.");
  int khurelsukh = 0;
  for (const FoundEntity &e : a.entities) khurelsukh += e.name.find("Khurelsukh") != std::string::npos ? 1 : 0;
  CHECK(khurelsukh == 1);
  CHECK(speaker_of(a, "neighbours") != "");
}

TEST_CASE("page chrome never becomes a claim") {
  std::string page =
      "Search\nClose this search box.\nCity council approves new budget\nCity council approves new budget\n"
      "Politics, News No Comments on City council approves new budget\n5 minute read\n"
      "“The budget protects schools,” said Mayor Lena Fischer on Monday.\n"
      "(Photo: Jan Novak / AFP)\nLeave a comment\nSubscribe to our newsletter\nEnter your email address:\n"
      "Copyright © 2014-2024 Daily Planet News\n“Chrome quote after the footer,” said Nobody Atall.\n";
  ArticleAnalysis a = analyse_article({"page.txt", page, tuesday});
  CHECK(a.headline == "City council approves new budget");
  REQUIRE(a.quotes.size() == 1);
  CHECK(speaker_of(a, "protects schools") == "Lena Fischer");
  CHECK(a.publisher.value_or("") == "Daily Planet News");
  CHECK_FALSE(entity(a, "Jan Novak"));
  CHECK_FALSE(entity(a, "Nobody Atall"));
}

TEST_CASE("a date the text states about itself is the article date") {
  ArticleAnalysis a = analyse_article(
      {"a.md", "# A headline here\n\nSeptember 02, 2024\n\nThe vote was held yesterday in the city hall.",
       std::nullopt});
  REQUIRE(a.date);
  CHECK(a.date->to_string() == "2024-09-02");
  REQUIRE(a.dates.size() == 2); // the dateline itself, then "yesterday" resolved against it
  CHECK(a.dates[0].text == "September 02, 2024");
  CHECK(a.dates[1].date.to_string() == "2024-09-01");
}

TEST_CASE("across articles: one quote transcribed differently is one claim with both wordings") {
  std::vector<Article> articles = {
      {"first.txt",
       "Minister visits plant\n\n“We will keep every job at this plant,” said Ana Ruiz, the industry minister.\n",
       tuesday},
      {"second.txt",
       "Plant jobs safe, says minister\n\n“We will keep every job at this plant,” Ana Ruiz said on Monday.\n", tuesday},
      {"third.txt", "Plant news\n\n“We will keep every single job at this plant,” said Ana Ruiz.\n", tuesday},
  };
  Story story = draft_story(articles);
  Result<Story> reloaded = load_story(save_story(story), "draft");
  REQUIRE(reloaded.ok());
  std::vector<Card> cards = compute_cards(*reloaded);
  auto shared =
      std::find_if(cards.begin(), cards.end(), [](const Card &c) { return c.what.find("We will keep") == 0; });
  REQUIRE(shared != cards.end());
  CHECK(shared->corroboration == 3);
  CHECK(shared->status == Status::corroborated);
  bool both_wordings = std::any_of(shared->evidence.begin(), shared->evidence.end(), [](const CardEvidence &e) {
    return e.quote.find("every single job") != std::string::npos;
  });
  CHECK(both_wordings);
  // said on Monday in one outlet: the quote takes that day, not "on or before"
  REQUIRE(shared->when);
  CHECK(shared->when->to_string() == "2024-09-02");
  REQUIRE(story.sources.size() == 3);
  CHECK(story.sources[0].id == "first");
  CHECK(story.sources[0].published->to_string() == "2024-09-03");
}

TEST_CASE("across articles: a quote meets the report of it by the same speaker") {
  std::vector<Article> articles = {
      {"a.txt",
       "Report A\n\nGovernor Tomás Ebner dispatched rescue teams to the flooded valley overnight, officials "
       "confirmed.\n",
       tuesday},
      {"b.txt", "Report B\n\n“Rescue teams were immediately dispatched to the valley,” Governor Tomás Ebner said.\n",
       tuesday},
      {"c.txt", "Report C\n\nAna Ruiz said that the region was tired of so many broken promises.\n", tuesday},
      {"d.txt", "Report D\n\n“The region is tired of so many broken promises,” Ana Ruiz said.\n", tuesday},
  };
  Story story = draft_story(articles);
  auto outlets_of = [&](const std::string &words) {
    for (const Claim &c : story.claims) {
      bool has = std::any_of(c.evidence.begin(), c.evidence.end(),
                             [&](const Evidence &e) { return e.quote.find(words) != std::string::npos; });
      if (has) return c.evidence.size();
    }
    return std::size_t{0};
  };
  CHECK(outlets_of("dispatched") == 2);
  CHECK(outlets_of("broken promises") == 2);
}

TEST_CASE("across articles: dates that disagree once resolved are contested") {
  std::vector<Article> articles = {
      {"a.txt", "Report A\n\nPrime Minister Kenji Sato arrived in Seoul on Monday after a long flight.\n", tuesday},
      {"b.txt", "Report B\n\nJapan's prime minister Kenji Sato arrived in Seoul on Tuesday after a long flight.\n",
       tuesday},
  };
  Story story = draft_story(articles);
  Result<Story> reloaded = load_story(save_story(story), "draft");
  REQUIRE(reloaded.ok());
  std::vector<Card> cards = compute_cards(*reloaded);
  int contested = static_cast<int>(
      std::count_if(cards.begin(), cards.end(), [](const Card &c) { return c.status == Status::contested; }));
  CHECK(contested == 2);
}

TEST_CASE("a surname shared by two people stays with one of them, so the draft validates") {
  std::vector<Article> articles = {
      {"a.txt", "Report A\n\nMarta Lindgren chairs the board. “We are ready,” Lindgren said.\n", tuesday},
      {"b.txt", "Report B\n\nRobert Lindgren runs the port. “Ships are waiting,” Lindgren said.\n", tuesday},
  };
  Story story = draft_story(articles);
  Result<Story> reloaded = load_story(save_story(story), "draft");
  REQUIRE(reloaded.ok());
  CHECK(reloaded->entities.size() >= 2);
}
