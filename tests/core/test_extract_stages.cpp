// The extraction stages one at a time (core/src/extract/*.hpp): quotes,
// clauses, amounts and "the same fact", plus the article-level behaviours
// they add up to. Each case is a construction of English news, not a
// sentence of the corpus.
#include "../../core/src/extract/clauses.hpp"
#include "../../core/src/extract/dates.hpp"
#include "../../core/src/extract/merge.hpp"
#include "../../core/src/extract/quotes.hpp"
#include "factcard/extract.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>

using namespace factcard;
using namespace factcard::detail;

namespace {

std::string quoted(std::string_view text, const Quote &q) { return std::string(text.substr(q.begin, q.end - q.begin)); }

const Date monday = *parse_date("2024-09-02");

// The first claim whose text holds `words`, or nullptr.
const Claim *claim_with(const Story &story, const char *words) {
  auto c = std::find_if(story.claims.begin(), story.claims.end(),
                        [&](const Claim &claim) { return claim.what.find(words) != std::string::npos; });
  return c == story.claims.end() ? nullptr : &*c;
}

// The name of the `q`th quote's speaker, or "none".
std::string speaker_name(const ArticleAnalysis &a, std::size_t q) {
  if (q >= a.quotes.size() || a.quotes[q].speaker >= a.entities.size()) return "none";
  return a.entities[a.quotes[q].speaker].name;
}

// The role found for the entity named `name`, or "missing".
std::string role_of(const ArticleAnalysis &a, const char *name) {
  for (const FoundEntity &e : a.entities)
    if (e.name == name) return e.role.value_or("");
  return "missing";
}

} // namespace

TEST_CASE("tokens: a paragraph's tokens taken from the body's are its own") {
  // Tails where the tokenizer looks past a paragraph's end: an abbreviation
  // cut short, a joiner, a multi-byte letter, a lead byte with nothing after it.
  std::vector<std::string> parts = {"The vote in the U.S", "Talks went on.", "It was Sept.", "al-",
                                    "Zoë said: Ж",         "bad \xF0",       "Next one."};
  std::string body;
  std::vector<std::size_t> begin, size;
  for (const std::string &p : parts) {
    begin.push_back(body.size());
    size.push_back(p.size());
    body += p + "\n\n";
  }
  std::vector<std::vector<Token>> taken = tokens_of_parts(tokenize(body), body, begin, size);
  REQUIRE(taken.size() == parts.size());
  for (std::size_t p = 0; p < parts.size(); ++p) {
    std::vector<Token> own = tokenize(parts[p]);
    REQUIRE(taken[p].size() == own.size());
    for (std::size_t k = 0; k < own.size(); ++k) {
      CHECK(taken[p][k].text == own[k].text);
      CHECK(taken[p][k].begin == own[k].begin);
      CHECK(taken[p][k].end == own[k].end);
    }
  }
}

TEST_CASE("dates: over tokens made before, as over the text") {
  std::string text = "The council met on Friday and will vote next week, a day after the March 3, 2024 report.";
  std::vector<FoundDate> direct = find_dates(text, monday), given = find_dates_in(text, tokenize(text), monday);
  REQUIRE(direct.size() == given.size());
  for (std::size_t k = 0; k < direct.size(); ++k) {
    CHECK(direct[k].text == given[k].text);
    CHECK(direct[k].date.to_string() == given[k].date.to_string());
  }
  CHECK(direct.size() == 4); // Friday, next week, a day after, March 3, 2024
}

TEST_CASE("quotes: single marks are quotations, apostrophes are not") {
  std::string text = "‘It’s clear we’ve got a mole,’ a Minister tells me. The workers’ rights were cut.";
  std::vector<Quote> quotes = find_quotes(text);
  REQUIRE(quotes.size() == 1);
  CHECK(quoted(text, quotes[0]) == "It’s clear we’ve got a mole,");
  std::string plain = "Musk’s deal and 'the bedrock' of it.";
  REQUIRE(find_quotes(plain).size() == 1);
  CHECK(quoted(plain, find_quotes(plain)[0]) == "the bedrock");
}

TEST_CASE("quotes: a single mark after an s closes the quote when another opens next, or none closes later") {
  std::string two = "Noting that ‘numerous’ voters backed him, he vowed to heal a town ‘filled with doubts’.";
  std::vector<Quote> quotes = find_quotes(two);
  REQUIRE(quotes.size() == 2);
  CHECK(quoted(two, quotes[0]) == "numerous");
  CHECK(quoted(two, quotes[1]) == "filled with doubts");
  std::string one = "Noting that ‘numerous’ voters backed him, he vowed to heal the town.";
  REQUIRE(find_quotes(one).size() == 1);
  CHECK(quoted(one, find_quotes(one)[0]) == "numerous");
  std::string possessive = "He called it ‘an attack on workers’ rights and pay’.";
  REQUIRE(find_quotes(possessive).size() == 1);
  CHECK(quoted(possessive, find_quotes(possessive)[0]) == "an attack on workers’ rights and pay");
}

TEST_CASE("clauses: one claim per main clause, subordinate clauses apart") {
  std::string text = "The council opened the bridge on Monday after it was approved last month, and the mayor "
                     "cut the ribbon.";
  std::vector<Token> t = tokenize(text);
  std::vector<bool> quoted(t.size(), false);
  std::vector<Clause> clauses = main_clauses(t, 0, t.size() - 1, quoted);
  REQUIRE(clauses.size() == 2);
  CHECK(t[clauses[0].verb].lower == "opened");
  REQUIRE(clauses[0].subordinate.size() == 1);
  CHECK(t[clauses[0].subordinate[0].first].lower == "after");
  CHECK(t[clauses[1].verb].lower == "cut");
}

TEST_CASE("clauses: a colon ends a clause, but not inside a time or a score") {
  std::string text = "The rocket lifted off at 3:22 p.m. and the crowd cheered: it was a first.";
  std::vector<Token> t = tokenize(text);
  std::vector<Clause> clauses = main_clauses(t, 0, t.size() - 1, std::vector<bool>(t.size(), false));
  REQUIRE(clauses.size() == 2);
  CHECK(t[clauses[0].verb].lower == "lifted");
  CHECK(t[clauses[0].last].lower == "cheered");
  CHECK(t[clauses[1].verb].lower == "was");
}

TEST_CASE("clauses: no finite verb, no clause") {
  std::string text = "A red-letter day for the club.";
  std::vector<Token> t = tokenize(text);
  CHECK(main_clauses(t, 0, t.size() - 1, std::vector<bool>(t.size(), false)).empty());
}

TEST_CASE("amounts: one value however it is written, at its precision") {
  auto first = [](const char *text) {
    std::vector<Amount> a = amounts_in(text);
    REQUIRE_FALSE(a.empty());
    return a[0];
  };
  CHECK(same_amount(first("a $3.7bn deal"), first("3.7 billion dollars")));
  CHECK(same_amount(first("a $3.7bn deal"), first("$3,700m")));
  CHECK(same_amount(first("58% of the vote"), first("58.5% of the vote")));
  CHECK_FALSE(same_amount(first("58% of the vote"), first("41.5% of the vote")));
  CHECK_FALSE(same_amount(first("$44 billion"), first("44 percent")));
  CHECK_FALSE(first("in 2019").distinctive);         // a year is a date
  CHECK(amounts_in("won 3-2 on penalties").empty()); // a score
}

TEST_CASE("the same fact: shared entities and numbers, never two different figures") {
  FactSignature deal = signature_of("Halvern Corp agreed to buy Tessaly for $3.7bn", 1, {1, 2});
  FactSignature same = signature_of("Tessaly will be bought by Halvern for 3.7 billion dollars", 2, {1, 2});
  FactSignature other_figure = signature_of("Halvern Corp agreed to buy Tessaly for $2.9bn", 1, {1, 2});
  FactSignature other_fact = signature_of("Halvern Corp shares fell 4% on the news", 1, {1});
  FactSignature same_people = signature_of("Ana Ruiz met Tomás Ebner in Lisbon to discuss the budget", 3, {3, 4});
  FactSignature other_meeting = signature_of("Tomás Ebner criticised Ana Ruiz over the budget cuts", 4, {3, 4});
  CHECK(same_fact(deal, same));
  CHECK_FALSE(same_fact(deal, other_figure));
  CHECK_FALSE(same_fact(deal, other_fact));
  CHECK_FALSE(same_fact(same_people, other_meeting)); // the same people, another fact
}

TEST_CASE("amounts: times of day, days of a month and model numbers are no amounts") {
  CHECK(amounts_in("the rocket took off at 3:22 p.m.").empty());
  CHECK(amounts_in("the vote on May 30 was close").empty());
  CHECK(amounts_in("signed on 30 May in Lisbon").empty());
  CHECK(amounts_in("aboard a Falcon 9 rocket").empty());
  std::vector<Amount> spaced = amounts_in("is buying it for $ 44 billion");
  REQUIRE(spaced.size() == 1);
  CHECK(spaced[0].kind == Amount::money);
}

TEST_CASE("content words: names, pronouns and periods are no content, inflections meet") {
  std::set<std::string> lead = content_stems("Dara Kell, the 41-year-old, told him last year that the plan failed");
  CHECK(lead.count("dara") == 0); // a name at the start of a sentence, followed by another
  CHECK(lead.count("him") == 0);
  CHECK(lead.count("year") == 0); // compared as a date
  CHECK(lead.count("plan") == 1);
  CHECK(content_stems("ORLANDO (UPI) -- rockets").count("orlan") == 0);
  CHECK(content_stems("Leaders tested it") == content_stems("leaders testing it"));
  CHECK(content_stems("jurors convicted her") == content_stems("the jury convicted her"));
}

TEST_CASE("the same fact: paraphrases of one action meet through their sense") {
  FactSignature convicted = signature_of("A jury convicted Dara Kell on four counts of fraud on Monday", 1, {1, 2});
  FactSignature guilty = signature_of("Dara Kell was found guilty on four charges of defrauding lenders", 2, {2});
  FactSignature acquitted = signature_of("Dara Kell was acquitted on four counts of fraud", 2, {2});
  CHECK(same_fact(convicted, guilty));
  CHECK_FALSE(same_fact(guilty, acquitted)); // "acquitted" is "not guilty"
  FactSignature sent = signature_of("Governor Ebner has dispatched rescue teams to the valley", 3, {3});
  FactSignature dispatched = signature_of("Rescue teams were immediately sent to the valley", 3, {3});
  CHECK(same_fact(sent, dispatched));
}

TEST_CASE("the same fact: a count with what it counts, two figures, a sum for the same actor") {
  FactSignature hours = signature_of("The two pilots will now spend 19 hours in the air before landing", 1, {1});
  FactSignature journey = signature_of("The take-off began a 19-hour journey for the pilots", 2, {1});
  CHECK(same_fact(hours, journey));
  FactSignature result = signature_of("Ruiz won with 58.5% of the vote to Ebner's 41.5%", 1, {1, 2});
  FactSignature projection =
      signature_of("Ruiz was set to score around 58 per cent in the run-off against Ebner on 42 per cent", 1, {1, 2});
  FactSignature other_result = signature_of("Ruiz won with 51.5% of the vote to Ebner's 48.5%", 1, {1, 2});
  CHECK(same_fact(result, projection));
  CHECK_FALSE(same_fact(result, other_result));
  FactSignature deal = signature_of("Halvern clinched a deal to buy Tessaly for $3.7bn, giving control of the "
                                    "largest brewer in the region to its rival",
                                    1, {1, 2});
  FactSignature buying = signature_of("Halvern has reached an agreement and is buying it for $ 3.7 billion", 1, {1});
  CHECK(same_fact(deal, buying));
}

TEST_CASE("the same fact: a date other than the news's own is an anchor") {
  FactSignature issued = signature_of(
      "the tribunal issued an arrest warrant for Kell, who fled to the coast with her brother and two aides", 1,
      {1, 2});
  FactSignature charges =
      signature_of("The court's arrest warrant, issued last spring, accuses Kell of fraud", 1, {1, 2});
  CHECK_FALSE(same_fact(issued, charges)); // few words in common
  issued.when = charges.when = "2023-03";  // the draft sets it: "in March 2023" in a 2024 story
  CHECK(same_fact(issued, charges));
  charges.when = "2023-05";
  CHECK_FALSE(same_fact(issued, charges));
  FactSignature ruling = signature_of("the tribunal issued a ruling on the dispute", 1, {1, 2});
  ruling.when = "2023-03";
  CHECK_FALSE(same_fact(issued, ruling)); // the same actor and date, another thing issued
}

TEST_CASE("the same fact: never two counts of one thing, nor the same people doing two things") {
  FactSignature deliberated = signature_of("The jury deliberated for 50 hours before returning a verdict on eight of "
                                           "the 11 charges",
                                           1, {1});
  FactSignature deadlocked = signature_of("The jury returned no verdict on three of the counts", 1, {1});
  FactSignature unable = signature_of("The jury said it was unable to reach a verdict on three of the counts", 1, {1});
  CHECK_FALSE(same_fact(deliberated, deadlocked)); // eight charges, three counts
  CHECK_FALSE(same_fact(deliberated, unable));
  FactSignature left =
      signature_of("Ruiz left the hall hand in hand with her partner, her mother and her father", 2, {2});
  FactSignature sat = signature_of("Ruiz's partner, her mother and father sat still in the front row", 2, {2});
  CHECK_FALSE(same_fact(left, sat)); // the same people, no action in common
}

TEST_CASE("the same fact: two sentences of several facts, each with a count the other lacks, are apart") {
  FactSignature split = signature_of("Ortega was convicted on five of 12 charges and cleared of five charges", 1, {1});
  FactSignature other =
      signature_of("He was cleared of five other charges while the jury split on two charges", 1, {1});
  FactSignature plain = signature_of("Ortega was convicted on five charges", 1, {1});
  CHECK_FALSE(same_fact(split, other)); // 12 and two: each has a count the other lacks
  CHECK(same_fact(split, plain));       // only one side adds a count
}

TEST_CASE("the same fact: a negation denies the words after it, \"without\" only its own") {
  FactSignature lost = signature_of("Ortega did not win the title, but the club signed three new players", 1, {1});
  FactSignature won = signature_of("Ortega won the title and the club did not sign new players", 1, {1});
  CHECK_FALSE(same_fact(lost, won)); // both negated, about different words
  FactSignature without = signature_of("Kell arrived in Lisbon for a state visit without facing arrest", 2, {2});
  FactSignature defying =
      signature_of("Kell arrived in Lisbon on Monday for a state visit, defying the warrant", 2, {2});
  CHECK(same_fact(without, defying));
  // The same speaker, a negation about other words: one fact; another actor
  // with a negation the first lacks stays apart.
  FactSignature prepared = signature_of("all aspects of the tour were carefully prepared", 3, {3});
  FactSignature stated = signature_of(
      "Ruiz stated that all aspects of the tour were thoroughly prepared and that she had no concerns about the talks",
      3, {3});
  FactSignature other = signature_of(
      "Ebner stated that all aspects of the tour were thoroughly prepared and that he had no concerns about the talks",
      4, {3, 4});
  CHECK(same_fact(prepared, stated));
  CHECK_FALSE(same_fact(prepared, other));
}

TEST_CASE("the same fact: any text, however short or odd, has a signature") {
  for (const char *text : {"",    " ",        "(",  "\xE2\x80\x9C", "$",         "$ ", "3:", "-5",  "May", "9 May",
                           "A 9", "Falcon 9", "no", "not not",      "acquitted", "’s", "1,", "19-", "$ 4", "U.S."}) {
    FactSignature s = signature_of(text, 0, {});
    CHECK(same_fact(s, s) == same_fact(s, s)); // deterministic, and no read past the text
  }
}

TEST_CASE("the same quote: words that mostly align") {
  CHECK(same_quote("We will keep every job at this plant", "We will keep every single job at this plant"));
  CHECK_FALSE(same_quote("We will keep every job at this plant", "We will close the plant next year"));
}

TEST_CASE("drafts: plain factual sentences become dated claims") {
  Story story = draft_story({{"a.txt",
                              "Deal agreed\n\nHalvern Corp agreed to buy Tessaly for $3.7bn on Friday. The judge "
                              "sentenced Ortega to nine years.\n",
                              monday}});
  auto find = [&](const char *words) {
    const Claim *c = claim_with(story, words);
    REQUIRE(c);
    return *c;
  };
  Claim deal = find("agreed to buy");
  REQUIRE(deal.when);
  CHECK(deal.when->to_string() == "2024-08-30"); // the Friday before a Monday article
  Claim sentence = find("sentenced Ortega");
  REQUIRE(sentence.when);
  CHECK(sentence.when->to_string() == "..2024-09-02"); // no date in its clause: on or before the article's
}

TEST_CASE("drafts: a quote with no stated day is dated on or before the article") {
  Story story = draft_story({{"a.txt", "Talks\n\n“We are close,” Ana Ruiz said.\n", monday}});
  REQUIRE(story.claims.size() == 1);
  REQUIRE(story.claims[0].when);
  CHECK(story.claims[0].when->to_string() == "..2024-09-02");
}

TEST_CASE("drafts: one long paragraph, or a lead with no headline, is read as body") {
  std::string block = "Ana Ruiz, the finance minister, said on Monday that the budget would pass. “We have the "
                      "votes,” she said. The opposition leader Tomás Ebner called the plan “a victory for "
                      "accountants over patients”.";
  ArticleAnalysis one = analyse_article({"a.txt", block, monday});
  CHECK(one.headline.empty());
  CHECK(one.quotes.size() == 2);
  ArticleAnalysis lead =
      analyse_article({"b.txt", "Ana Ruiz said the budget would pass on Friday.\n\nMore text.\n", monday});
  CHECK(lead.headline.empty());
  CHECK_FALSE(lead.statements.empty());
}

TEST_CASE("drafts: pasted HTML and CRLF line ends") {
  ArticleAnalysis html = analyse_article(
      {"a.html", "<h1>Budget vote</h1><p>“We have the votes,” Ana Ruiz said.</p><p>It passed &amp; won.</p>", monday});
  CHECK(html.headline == "Budget vote");
  REQUIRE(html.quotes.size() == 1);
  CHECK(html.quotes[0].quote == "We have the votes");
  ArticleAnalysis crlf =
      analyse_article({"a.txt", "Budget vote\r\n\r\n“We have the votes,” Ana Ruiz said.\r\n", monday});
  CHECK(crlf.headline == "Budget vote");
  CHECK(crlf.quotes.size() == 1);
}

TEST_CASE("articles that are not UTF-8 are refused at their first bad byte") {
  std::optional<Diagnostic> bad = find_non_utf8("caf\xC3\xA9\nna\xEFve", "a.txt");
  REQUIRE(bad);
  CHECK(bad->to_string().rfind("a.txt:2:3: not UTF-8", 0) == 0);
  CHECK_FALSE(find_non_utf8("café ‘ok’", "a.txt"));
  CHECK(find_non_utf8("\xED\xA0\x80", "a.txt")); // a surrogate
  CHECK(find_non_utf8("\xC0\xAF", "a.txt"));     // an overlong form
}

TEST_CASE("drafts: a description in one outlet is the person another outlet names with that role") {
  Story story = draft_story({
      {"a.txt", "Rail strike\n\nPrime Minister Boris Johnson told his Cabinet: “We need to stay the course.”\n",
       monday},
      {"b.txt", "Strike day\n\n“We need to stay the course,” the Prime Minister said.\n", monday},
  });
  auto quote =
      std::find_if(story.claims.begin(), story.claims.end(), [](const Claim &c) { return c.kind == ClaimKind::quote; });
  REQUIRE(quote != story.claims.end());
  CHECK(quote->evidence.size() == 2);
  auto who =
      std::find_if(story.entities.begin(), story.entities.end(), [&](const Entity &e) { return e.id == quote->who; });
  REQUIRE(who != story.entities.end());
  CHECK(who->name == "Boris Johnson");
}

TEST_CASE("drafts: a town before its US state is a place, and stays one in an outlet's name") {
  std::string text = "Jury convicts founder\n\n"
                     "The jury met in a Santa Rosa, Calif., courtroom, the Associated Press reported.\n\n"
                     "Judge Tom Reyes read the instructions to the jurors, The (Santa Rosa) Press Democrat "
                     "reported.\n\n"
                     "\"Take as much time as you need,\" he said.\n";
  ArticleAnalysis a = analyse_article({"a.txt", text, monday});
  REQUIRE(a.quotes.size() == 1);
  CHECK(a.entities[a.quotes[0].speaker].name == "Tom Reyes");
  for (const auto &e : a.entities)
    if (e.name == "Santa Rosa") CHECK(e.kind == EntityKind::place);
}

TEST_CASE("drafts: \"He said:\" opening a paragraph is the subject of the one before, not its last name") {
  std::string text = "Council row\n\n"
                     "Cllr Dana Whitlock was asked about her group at the meeting.\n\n"
                     "But Cllr Owen Pryce proposed that Cllr Whitlock should not be heard.\n\n"
                     "He said: \"Nobody has ever seen this group at work.\"\n";
  ArticleAnalysis a = analyse_article({"a.txt", text, monday});
  REQUIRE(a.quotes.size() == 1);
  CHECK(a.entities[a.quotes[0].speaker].name == "Owen Pryce");
}

TEST_CASE("quotes: a colon introduces the words of the person its sentence opens with") {
  std::string text =
      "Launch day\n\n"
      "Senator Ruth Okafor spoke to reporters after the launch: \"This is a proud day for the state.\"\n\n"
      "Tomas Ek\xCA\xBCs last message before the vote: \"Count every ballot.\"\n";
  ArticleAnalysis a = analyse_article({"a.txt", text, monday});
  REQUIRE(a.quotes.size() == 2);
  CHECK(a.entities[a.quotes[0].speaker].name == "Ruth Okafor");
  CHECK(a.entities[a.quotes[1].speaker].name == "Tomas Ek"); // a modifier-letter apostrophe is a possessive too
}

TEST_CASE("quotes: 'thanked … for “…”' speaks, and only with a quotation close after it") {
  std::string text = "Launch day\n\n"
                     "Mayor Lena Hart thanked the crews for \"keeping the city dry all winter.\"\n\n"
                     "Hart praised the crews. Residents called the plan \"overdue\" at the meeting.\n";
  ArticleAnalysis a = analyse_article({"a.txt", text, monday});
  REQUIRE(a.quotes.size() >= 1);
  CHECK(a.quotes[0].quote == "keeping the city dry all winter.");
  CHECK(a.entities[a.quotes[0].speaker].name == "Lena Hart");
}

TEST_CASE("quotes: 'he said' after another man was named as a sentence's subject, behind his role") {
  std::string text = "Talks stall\n\n"
                     "\"We will not be moved,\" union leader Mick Lane said. Rail minister Kevin Howe, who chairs the "
                     "talks, left early. \"It is a shame,\" he said.\n";
  ArticleAnalysis a = analyse_article({"a.txt", text, monday});
  REQUIRE(a.quotes.size() == 2);
  CHECK(a.entities[a.quotes[0].speaker].name == "Mick Lane");
  CHECK(a.entities[a.quotes[1].speaker].name == "Kevin Howe");
}

TEST_CASE("drafts: after a title, a place's word is a surname: 'Judge Ann Park' is a person") {
  std::string text = "Appeal heard\n\n"
                     "\"The ruling stands,\" Judge Ann Park said on Wednesday. Crowds gathered in Hyde Park.\n";
  ArticleAnalysis a = analyse_article({"a.txt", text, monday});
  REQUIRE(a.quotes.size() == 1);
  const FoundEntity &judge = a.entities[a.quotes[0].speaker];
  CHECK(judge.name == "Ann Park");
  CHECK(judge.kind == EntityKind::person);
  for (const FoundEntity &e : a.entities)
    if (e.name == "Hyde Park") CHECK(e.kind == EntityKind::place);
}

TEST_CASE("quotes: a quote paragraph that runs on takes the speaker the next paragraph names") {
  std::string text = "Storm hits coast\n\n"
                     "\xE2\x80\x9CThe water came in so fast. We had no time to move the cars.\n\n"
                     "\xE2\x80\x9C"
                     "By morning the street was flooded,\xE2\x80\x9D resident Maria Gomez said.\n";
  ArticleAnalysis a = analyse_article({"a.txt", text, monday});
  REQUIRE(a.quotes.size() == 2);
  CHECK(a.quotes[0].quote == "The water came in so fast. We had no time to move the cars.");
  CHECK(a.entities[a.quotes[0].speaker].name == "Maria Gomez");
}

TEST_CASE("drafts: unnamed sources, lone surnames, listeners and titled names") {
  std::string text = "Strike talks\n\n"
                     "A Whitehall source said: \"This is not a fight we picked.\"\n\n"
                     "\"It is the best we can do,\" one insider told the BBC.\n\n"
                     "Ardern tells reporters the ban will start in April. \"Every such weapon will be banned,\" she "
                     "said.\n\n"
                     "Police Commissioner Mike Bush, who led the inquiry, praised officers. \"They ran towards "
                     "danger,\" he said.\n";
  ArticleAnalysis a = analyse_article({"a.txt", text, monday});
  REQUIRE(a.quotes.size() == 4);
  CHECK(speaker_name(a, 0) == "Whitehall source");
  CHECK(speaker_name(a, 1) == "insider"); // never the BBC, who was told
  CHECK(speaker_name(a, 2) == "Ardern");  // a lone surname before a speech verb
  CHECK(speaker_name(a, 3) == "Mike Bush");
}

TEST_CASE("drafts: an em-dash credit line below a quote names its speaker") {
  ArticleAnalysis a = analyse_article(
      {"a.txt", "Letters\n\n“The bridge is a scandal and the council knows it.”\n\n— Jane Smith, mayor of Harwick\n",
       monday});
  REQUIRE(a.quotes.size() == 1);
  CHECK(a.entities[a.quotes[0].speaker].name == "Jane Smith");
  CHECK(a.entities[a.quotes[0].speaker].role == std::optional<std::string>("mayor of Harwick"));
}

TEST_CASE("drafts: a wire-style place dateline is where the story was filed, not its actor") {
  auto actor_of = [](const std::string &lead) {
    Story story = draft_story({{"a.txt", "Port reopens\n\n" + lead + "\n", monday}});
    REQUIRE_FALSE(story.claims.empty());
    const Claim &claim = story.claims[0];
    auto who =
        std::find_if(story.entities.begin(), story.entities.end(), [&](const Entity &e) { return e.id == claim.who; });
    REQUIRE(who != story.entities.end());
    CHECK(claim.what.rfind("The harbour authority", 0) == 0); // the dateline is cut from the claim
    return who->name;
  };
  CHECK(actor_of("PORT TALBOT, Wales (AP) — The harbour authority reopened the port on Sunday.") ==
        "Harbour authority");
  CHECK(actor_of("LISBON (Reuters) - The harbour authority reopened the port on Sunday.") == "Harbour authority");
  CHECK(actor_of("(CNN) — The harbour authority reopened the port on Sunday.") == "Harbour authority");
  CHECK(actor_of("KIEL: The harbour authority reopened the port on Sunday.") == "Harbour authority");
  CHECK(actor_of("Sept. 1 (AP) — The harbour authority reopened the port on Sunday.") == "Harbour authority");
  CHECK(actor_of("Port Talbot, Wales — The harbour authority reopened the port on Sunday.") == "Harbour authority");
  CHECK(actor_of("Kiel, Germany (AP) -- The harbour authority reopened the port on Sunday.") == "Harbour authority");
  // A day in the dateline dates the story, in the article's year.
  ArticleAnalysis dated =
      analyse_article({"b.txt", "Port reopens\n\nVIGO, Spain, Sept. 1 (AP) -- The port reopened.\n", monday});
  CHECK(std::any_of(dated.dates.begin(), dated.dates.end(),
                    [](const FoundDate &d) { return d.date.to_string() == "2024-09-01"; }));
  // Capitals that begin a sentence are its subject, dash or not.
  for (const char *lead : {"NASA said the launch would go ahead.", "NASA — the agency — delayed the launch."}) {
    ArticleAnalysis nasa = analyse_article({"c.txt", std::string("Launch\n\n") + lead + "\n", monday});
    REQUIRE_FALSE(nasa.statements.empty());
    CHECK(nasa.statements[0].sentence.rfind("NASA", 0) == 0);
  }
}

TEST_CASE("drafts: 'they' and 'their …' as subjects stand for the organisation that last acted") {
  Story story = draft_story({{"a.txt",
                              "Title won\n\nHalvern Rovers won the league title on Monday.\n\nThey are the first new "
                              "champions since 1978. Their previous best finish was second place in 1929.\n",
                              monday}});
  auto who_of = [&](const char *words) {
    const Claim *c = claim_with(story, words);
    REQUIRE(c);
    return c->who;
  };
  CHECK(who_of("won the league title") == "halvern-rovers");
  CHECK(who_of("first new champions") == "halvern-rovers");
  CHECK(who_of("previous best finish") == "halvern-rovers");
  // With no organisation acting nearby, "they" stays no one's: no claim is better than a wrong actor.
  Story alone = draft_story({{"b.txt", "Vote\n\nThey are the first new champions since 1978.\n", monday}});
  CHECK_FALSE(claim_with(alone, "first new champions"));
}

TEST_CASE("amounts: an age describes a person, it is no figure of a fact") {
  CHECK(amounts_in("the 44-year-old centrist").empty());
  CHECK(amounts_in("Ruiz, 53, said").empty());
  CHECK(amounts_in("she died aged 99").empty());
  CHECK(amounts_in("a 44-year-old, 12 years in office").size() == 1);
  FactSignature term =
      signature_of("The second term for the 44-year-old centrist spared the country an upheaval", 1, {1});
  FactSignature vote = signature_of("The 44-year-old president faces a vote in his second term", 1, {1});
  CHECK_FALSE(same_fact(term, vote));
}

TEST_CASE("drafts: subjects with a number, an inner 'of'/'in'/'and', or an aside before the verb") {
  Story story = draft_story({{"a.txt",
                              "Markets\n\nShares in Tessaly rose 12% on Monday. More than 40,000 people died in the "
                              "quake. The deal, worth $44bn, was approved by the board. The jury of eight men and "
                              "four women deliberated for 50 hours.\n",
                              monday}});
  for (const char *words :
       {"Shares in Tessaly rose", "40,000 people died", "was approved by the board", "deliberated for 50 hours"}) {
    CAPTURE(words);
    CHECK(claim_with(story, words));
  }
}

TEST_CASE("quotes: a participle after the main clause speaks for the sentence's subject") {
  ArticleAnalysis a = analyse_article({"a.txt",
                                       "Tributes\n\nAna Ruiz paid tribute to the team, saying “the result belongs "
                                       "to the fans”.\n\nPeter Lang praised the coach, saying his “thoughts are with "
                                       "the family”.\n",
                                       monday});
  auto speaker = [&](const char *words) {
    for (const FoundQuote &q : a.quotes)
      if (q.quote.find(words) != std::string::npos && q.speaker < a.entities.size()) return a.entities[q.speaker].name;
    return std::string("none");
  };
  CHECK(speaker("belongs to the fans") == "Ana Ruiz");
  CHECK(speaker("thoughts are with") == "Peter Lang");
}

TEST_CASE("drafts: 'the 41-year-old' as a subject is the person named before") {
  Story story = draft_story(
      {{"a.txt", "Appeal\n\nThe former mayor, Ana Ruiz, lost the case. The 41-year-old plans to appeal.\n", monday}});
  const Claim *appeal = claim_with(story, "plans to appeal");
  REQUIRE(appeal);
  CHECK(appeal->who == "ana-ruiz");
}

TEST_CASE("dates: whether a date comes wholly after another, at their precisions") {
  const Date article = *parse_date("2024-04-24");
  CHECK(starts_after(*parse_date("2024-06"), article));
  CHECK(starts_after(*parse_date("2024-04-25"), article));
  CHECK_FALSE(starts_after(*parse_date("2024-04"), article)); // the month holds the article's day
  CHECK_FALSE(starts_after(*parse_date("2024"), article));
  CHECK_FALSE(starts_after(*parse_date("2024-04-24"), article));
  CHECK(starts_after(*parse_date("2025"), *parse_date("2024-12")));
}

TEST_CASE("drafts: a past clause is never dated after the article, a span's end never dates it") {
  Story story = draft_story({{"a.txt",
                              "Vote\n\nThe senator vowed to fight on in the runoff in June. The storm closed the "
                              "port as the region braces for rain that is forecast to last through Thursday.\n",
                              monday}});
  const Claim *vow = claim_with(story, "vowed to fight on");
  REQUIRE(vow);
  REQUIRE(vow->when);
  CHECK(vow->when->to_string() == "..2024-09-02"); // June is the runoff's, not the vow's
  const Claim *storm = claim_with(story, "closed the port");
  REQUIRE(storm);
  REQUIRE(storm->when);
  CHECK(storm->when->to_string() == "..2024-09-02");
}

TEST_CASE("clauses: an absolute phrase is a span of its own, and a claim of its own") {
  std::vector<Token> t = tokenize("Northfield lost only twice this season, with Eastport beating them in March.");
  std::vector<Clause> clauses = main_clauses(t, 0, t.size() - 1, std::vector<bool>(t.size(), false));
  REQUIRE(clauses.size() == 1);
  REQUIRE(clauses[0].subordinate.size() == 1);
  CHECK(t[clauses[0].subordinate[0].first].lower == "with");
  std::vector<Token> plain = tokenize("The club was charged with misleading fans in March.");
  std::vector<Clause> one = main_clauses(plain, 0, plain.size() - 1, std::vector<bool>(plain.size(), false));
  REQUIRE(one.size() == 1);
  CHECK(one[0].subordinate.empty()); // "with" and a gerund: no phrase of its own

  Story story = draft_story(
      {{"a.txt", "Season\n\nNorthfield lost only twice this season, with Eastport beating them in March.\n", monday}});
  const Claim *season = claim_with(story, "lost only twice");
  REQUIRE(season);
  REQUIRE(season->when);
  CHECK(season->when->to_string() == "..2024-09-02"); // March is Eastport's win, not the season's
  auto win = std::find_if(story.claims.begin(), story.claims.end(),
                          [](const Claim &c) { return c.what.rfind("Eastport beating", 0) == 0; });
  REQUIRE(win != story.claims.end());
  REQUIRE(win->when);
  CHECK(win->when->to_string() == "2024-03");
}

TEST_CASE("drafts: an opening phrase before its comma is no part of the subject") {
  Story story = draft_story({{"a.txt",
                              "Storm\n\nIn the north, the storm flooded two villages. After the vote, the council "
                              "raised the levy.\n",
                              monday}});
  const Claim *flood = claim_with(story, "flooded two villages");
  REQUIRE(flood);
  CHECK(flood->who == "storm");
  const Claim *levy = claim_with(story, "raised the levy");
  REQUIRE(levy);
  CHECK(levy->who == "council");
}

TEST_CASE("drafts: a sentence's 'It' is the thing that acted last, an 'it' that stands for nothing is no one") {
  Story story = draft_story({{"a.txt",
                              "Quake\n\nThe tremor struck before dawn. It was centered 12 kilometers deep. It "
                              "is unclear whether the dam held. It became clear that the bridge was closed.\n",
                              monday}});
  const Claim *depth = claim_with(story, "centered 12 kilometers");
  REQUIRE(depth);
  CHECK(depth->who == "tremor");
  CHECK_FALSE(claim_with(story, "unclear whether"));
  CHECK_FALSE(claim_with(story, "became clear"));
}

TEST_CASE("entities: a town before a US state is a place, and stays one inside a paper's name") {
  ArticleAnalysis a = analyse_article({"a.txt",
                                       "Verdict\n\nThe jury ruled in a Fort Kellam, Ariz., courtroom, The (Fort "
                                       "Kellam) Ledger reported.\n\nJudge Rosa Imbert thanked the jurors.\n\n“You "
                                       "took the time you needed,” she said.\n",
                                       monday});
  for (const FoundEntity &e : a.entities)
    if (e.name == "Fort Kellam") CHECK(e.kind == EntityKind::place);
  REQUIRE(a.quotes.size() == 1);
  CHECK(a.entities[a.quotes[0].speaker].name == "Rosa Imbert");
}

TEST_CASE("quotes: a 'he' opening a paragraph is the subject of the paragraph before, not its last name") {
  auto speaker_of_first_quote = [](const char *text) {
    ArticleAnalysis a = analyse_article({"a.txt", text, monday});
    REQUIRE(a.quotes.size() == 1);
    return a.entities[a.quotes[0].speaker].name;
  };
  CHECK(speaker_of_first_quote("Vote\n\nCllr Ana Ruiz was questioned by councillors.\n\nBut Cllr Tomas Ebner made a "
                               "proposal for Cllr Ruiz not to speak.\n\nHe said: “You will not find the group "
                               "anywhere.”\n") == "Tomas Ebner");
  CHECK(speaker_of_first_quote("Vote\n\nDuring a rally at the Harbour Hall in Leith, Tomas Ebner vowed to fight "
                               "on.\n\nHe said, “An answer must be found to this anger.”\n") == "Tomas Ebner");
}

TEST_CASE("quotes: 'said X's lawyer, Y' is Y's, a quote after a colon is the words of the person named before it") {
  ArticleAnalysis a = analyse_article({"a.txt",
                                       "Appeal\n\n“We will appeal,” said Ortega's lawyer, Carla Mendes.\n\nAna Ruiz "
                                       "was blunt: “This bridge is unsafe.”\n\nIn Leith, the mood was grim: “Nobody "
                                       "came.”\n",
                                       monday});
  std::map<std::string, std::string> by_quote;
  for (const FoundQuote &q : a.quotes) by_quote[q.quote] = a.entities[q.speaker].name;
  CHECK(by_quote["We will appeal"] == "Carla Mendes");
  CHECK(by_quote["This bridge is unsafe."] == "Ana Ruiz");
  CHECK_FALSE(by_quote.count("Nobody came.")); // no one named before the colon
}

TEST_CASE("quotes: a quote inside a named person's warning or claim is that person's words") {
  ArticleAnalysis a = analyse_article({"a.txt",
                                       "Scheme\n\nAsked about Lena Vogt's warning that the town faced “years of "
                                       "disruption”, Ana Ruiz said she disagreed.\n\nRuiz dismissed Vogt's claim "
                                       "that the scheme was “fully funded”.\n\n“We disagree,” Ruiz said of Vogt's "
                                       "remarks.\n",
                                       monday});
  std::map<std::string, std::string> by_quote;
  for (const FoundQuote &q : a.quotes) by_quote[q.quote] = a.entities[q.speaker].name;
  CHECK(by_quote["years of disruption"] == "Lena Vogt");
  CHECK(by_quote["fully funded"] == "Lena Vogt");
  CHECK(by_quote["We disagree"] == "Ana Ruiz"); // the remarks come after the quote
}

TEST_CASE("drafts: an adverbial clause is a claim even when its main clause has no actor") {
  Story story = draft_story({{"a.txt",
                              "Title\n\nThere was joy in the town on Monday, as Northfield were held 1-1 by "
                              "Eastport.\n",
                              monday}});
  const Claim *draw = claim_with(story, "Northfield were held");
  REQUIRE(draw);
  CHECK(draw->who == "northfield");
}

TEST_CASE("drafts: 'They' after a club or crowd named only by a subject is that subject") {
  Story story = draft_story(
      {{"a.txt", "Title\n\nNorthfield won the league on Monday. They had lost only twice all season.\n", monday}});
  const Claim *lost = claim_with(story, "lost only twice");
  REQUIRE(lost);
  CHECK(lost->who == "northfield");
}

TEST_CASE("clauses: a negative auxiliary with a typographic apostrophe is a finite verb") {
  for (const char *text : {"The jury didn’t reach a verdict.", "The firm doesn't expect a deal."}) {
    std::vector<Token> t = tokenize(text);
    CHECK(main_clauses(t, 0, t.size() - 1, std::vector<bool>(t.size(), false)).size() == 1);
  }
}

TEST_CASE("drafts: a sentence adverb and its phrase before the subject are no part of it") {
  Story story = draft_story({{"a.txt",
                              "Verdict\n\nEarlier in the day, the jury told the judge it was stuck. Then, finally, "
                              "the scandal broke.\n",
                              monday}});
  const Claim *jury = claim_with(story, "the jury told the judge");
  REQUIRE(jury);
  CHECK(jury->who == "jury");
  const Claim *broke = claim_with(story, "the scandal broke");
  REQUIRE(broke);
  CHECK(broke->who == "scandal");
}

TEST_CASE("quotes: 'thanked X for “…”', 'accused X of “…”': the subject's words") {
  ArticleAnalysis a = analyse_article({"a.txt",
                                       "Launch\n\nLena Vogt thanked the crews for “putting the town back on the "
                                       "map.”\n\nTomas Ebner accused Vogt of “playing politics with our "
                                       "jobs”.\n\nVogt thanked everyone who came.\n",
                                       monday});
  REQUIRE(a.quotes.size() == 2);
  CHECK(a.entities[a.quotes[0].speaker].name == "Lena Vogt");
  CHECK(a.entities[a.quotes[1].speaker].name == "Tomas Ebner");
}

TEST_CASE("drafts: a quote that speaks of its own day ('Tonight we …') is dated that day") {
  Story story = draft_story(
      {{"a.txt", "Rally\n\nAna Ruiz spoke to the crowd. She added: “Tonight we are launching the great battle.”\n",
        monday}});
  const Claim *rally = claim_with(story, "Tonight we are launching");
  REQUIRE(rally);
  REQUIRE(rally->when);
  CHECK(rally->when->to_string() == "2024-09-02");
}

TEST_CASE("dates: 'earlier in the day' and 'later in the day' are the reference day") {
  std::vector<FoundDate> dates =
      find_dates("Earlier in the day, the jury sent a note; later in the day it ruled.", monday);
  REQUIRE(dates.size() == 2);
  CHECK(dates[0].text == "Earlier in the day");
  CHECK(dates[0].date.to_string() == "2024-09-02");
  CHECK(dates[1].date.to_string() == "2024-09-02");
}

TEST_CASE("clauses: a participle phrase after a comma is a clause of its own, with no subject") {
  std::string text = "The storm hit the coast on Monday, cutting power to 40,000 homes, according to officials.";
  std::vector<Token> t = tokenize(text);
  std::vector<Clause> clauses = main_clauses(t, 0, t.size() - 1, std::vector<bool>(t.size(), false));
  REQUIRE(clauses.size() == 2);
  CHECK(t[clauses[0].verb].lower == "hit");
  CHECK(t[clauses[0].last].lower == "monday");
  CHECK(clauses[1].shares_subject);
  CHECK(t[clauses[1].first].lower == "cutting");
  // Prepositions in -ing and speech verbs open no clause.
  std::string other = "The board met on Monday, including two new members, saying it was pleased.";
  std::vector<Token> o = tokenize(other);
  CHECK(main_clauses(o, 0, o.size() - 1, std::vector<bool>(o.size(), false)).size() == 1);
}

TEST_CASE("drafts: a participle phrase is a claim of the clause's actor, dated by that clause") {
  Story story = draft_story({{"a.txt",
                              "Storm\n\nThe storm hit the coast on Monday, cutting power to 40,000 homes. Halvern "
                              "Corp bought Tessaly, ending a year of talks since the regulator approved it in "
                              "March 2023.\n",
                              monday}});
  const Claim *hit = claim_with(story, "The storm hit the coast");
  const Claim *cut = claim_with(story, "cutting power");
  REQUIRE(hit);
  REQUIRE(cut);
  CHECK(cut->who == hit->who);
  CHECK(cut->when->to_string() == "2024-09-02");
  CHECK(hit->what.find("cutting") == std::string::npos);
  // A subordinate clause inside the phrase dates only itself.
  const Claim *ending = claim_with(story, "ending a year of talks");
  REQUIRE(ending);
  CHECK(ending->when->to_string() != "2023-03");
  auto approved =
      std::find_if(story.claims.begin(), story.claims.end(), [](const Claim &c) { return c.who == "regulator"; });
  REQUIRE(approved != story.claims.end());
  CHECK(approved->when->to_string() == "2023-03");
}

TEST_CASE("drafts: a subject with a decimal figure or a count before its noun") {
  Story story = draft_story({{"a.txt",
                              "Quake\n\nA 7.8-magnitude earthquake shook the region on Monday. At least 10 deaths "
                              "were reported. About 40,000 people were evacuated.\n",
                              monday}});
  const Claim *shook = claim_with(story, "earthquake shook the region");
  REQUIRE(shook);
  CHECK(shook->who.find("earthquake") != std::string::npos);
  const Claim *deaths = claim_with(story, "10 deaths were reported");
  REQUIRE(deaths);
  CHECK(deaths->who.find("deaths") != std::string::npos); // "deaths" is no verb after a count
  const Claim *fled = claim_with(story, "40,000 people were evacuated");
  REQUIRE(fled);
  CHECK(fled->who.find("40-000-people") != std::string::npos); // "About" opens no phrase before a figure
}

TEST_CASE("drafts: an 'it' inside a sentence is the organisation named before it there") {
  Story story = draft_story({{"a.txt",
                              "Court\n\nThe storm hit the coast. Ortega appealed to the Supreme Tribunal after it "
                              "upheld the fine in March 2023.\n",
                              monday}});
  const Claim *upheld = claim_with(story, "it upheld the fine");
  REQUIRE(upheld);
  CHECK(upheld->who == "supreme-tribunal");
  CHECK(upheld->when->to_string() == "2023-03");
}

TEST_CASE("drafts: 'This was …' goes on with the actor of the clause before") {
  Story story = draft_story({{"a.txt",
                              "Visit\n\nAna Ruiz arrived in Lisbon on Monday.\n\nThis was her first visit to a "
                              "member state since the court fined her.\n",
                              monday}});
  const Claim *first = claim_with(story, "This was her first visit");
  REQUIRE(first);
  CHECK(first->who == "ana-ruiz");
}

TEST_CASE("clauses: a second verb after 'and' is a clause of the same subject, unless a verb came between") {
  auto clauses_of = [](const std::string &text, std::vector<Token> &t) {
    t = tokenize(text);
    return main_clauses(t, 0, t.size() - 1, std::vector<bool>(t.size(), false));
  };
  std::vector<Token> t;
  std::vector<Clause> split =
      clauses_of("Ortega was convicted of four counts of fraud and acquitted of two counts.", t);
  REQUIRE(split.size() == 2);
  CHECK(t[split[0].last].lower == "fraud");
  CHECK(split[1].shares_subject);
  CHECK(t[split[1].verb].lower == "acquitted");
  // "and was" after an object: the auxiliary opens the second predicate.
  CHECK(clauses_of("The jury found her not guilty of two charges and was deadlocked on three.", t).size() == 2);
  // The second verb belongs to the reported clause, whose subject is "the quake".
  CHECK(clauses_of("The agency said the quake measured 7.4 and was centred in Pazarcik.", t).size() == 1);
  // A verb followed by a plain noun stays with the first ("killed and injured people").
  CHECK(clauses_of("The storm destroyed roads and damaged homes.", t).size() == 1);
  // ", and <verb>" shares the subject too, but not after a subordinate clause's verb.
  std::vector<Clause> comma = clauses_of("Ortega lost the vote, and resigned on Monday.", t);
  REQUIRE(comma.size() == 2);
  CHECK(comma[1].shares_subject);
  std::vector<Clause> after_since =
      clauses_of("Ruiz flew to Lisbon after the court fined her in May, and paid the fine.", t);
  REQUIRE(after_since.size() == 2);
  CHECK_FALSE(after_since[1].shares_subject);
}

TEST_CASE("drafts: a second predicate is a claim of the subject, its excerpt from the subject on") {
  Story story = draft_story({{"a.txt",
                              "Verdict\n\nOrtega was convicted of four counts of fraud on Monday and acquitted of two "
                              "counts. Ruiz was acquitted on three charges while a mistrial was declared on two.\n",
                              monday}});
  const Claim *acquitted = claim_with(story, "acquitted of two counts");
  REQUIRE(acquitted);
  CHECK(acquitted->who == "ortega");
  REQUIRE(acquitted->when);
  CHECK(acquitted->when->to_string() == "2024-09-02");
  REQUIRE(acquitted->evidence.size() == 1);
  CHECK(acquitted->evidence[0].quote.rfind("Ortega was convicted", 0) == 0);
  // A closing "while" clause is a fact of its own, not part of the first one's excerpt.
  const Claim *ruiz = claim_with(story, "Ruiz was acquitted on three charges");
  REQUIRE(ruiz);
  CHECK(ruiz->evidence[0].quote.find("mistrial") == std::string::npos);
}

TEST_CASE("merge: different small counts, or a claim holding a different figure, keep facts apart") {
  FactSignature three = signature_of("Ortega was found guilty of three wire fraud counts", 1, {1});
  FactSignature four = signature_of("Ortega was convicted of four out of 11 counts of wire fraud", 1, {1});
  FactSignature four_again = signature_of("Ortega was found guilty on four counts of wire fraud", 1, {1});
  CHECK_FALSE(same_fact(three, four));
  CHECK(same_fact(four, four_again));
  CHECK(figures_conflict(three, four));
  CHECK_FALSE(figures_conflict(four, four_again));
}

TEST_CASE("merge: the same actor and action with the same names is one fact") {
  FactSignature award = signature_of("was voted PFA Players' Player of the Season for his performances", 1, {1});
  FactSignature same = signature_of("was voted PFA Players' Player of the Season", 1, {1});
  FactSignature other = signature_of("was voted FWA Footballer of the Year", 1, {1});
  CHECK(same_fact(award, same));
  CHECK_FALSE(same_fact(award, other));
}

TEST_CASE("merge: a score is a match's result, told from either side") {
  CHECK(scores_in("Tottenham were held 2-2 by Chelsea") == std::set<std::string>{"2-2"});
  CHECK(scores_in("a 1\xE2\x80\x93"
                  "3 defeat") == std::set<std::string>{"3-1"});
  CHECK(scores_in("in 2013-14, at 3:22 p.m.").empty()); // a season and a time of day
  FactSignature held = signature_of("Tottenham were held 2-2 by Chelsea", 1, {1, 2});
  FactSignature earned = signature_of("Hazard's late goal earned Chelsea a 2-2 draw", 3, {3, 2});
  FactSignature other = signature_of("Chelsea beat Tottenham 3-1 in the reverse fixture", 2, {2, 1});
  CHECK(same_fact(held, earned));
  CHECK_FALSE(same_fact(held, other));
  // A score inside an adverbial clause is that clause's fact, not the main one's.
  std::string text = "Leicester had reason to celebrate, as Tottenham were held 2-2 by Chelsea";
  CHECK(signature_of(text, 4, {4, 1, 2}, "Leicester had reason to celebrate,").scores.empty());
}

TEST_CASE("claims: a fact's own words leave out its adverbial clauses") {
  ArticleAnalysis a = analyse_article(
      {"a.txt", "Title\n\nLeicester had reason to celebrate on Monday, as Tottenham were held 2-2 by Chelsea.\n",
       monday});
  auto celebrate = std::find_if(a.statements.begin(), a.statements.end(),
                                [](const FoundStatement &s) { return s.what.rfind("Leicester had", 0) == 0; });
  REQUIRE(celebrate != a.statements.end());
  CHECK(celebrate->own_words == "Leicester had reason to celebrate on Monday");
}

TEST_CASE("quotes: the evidence runs through every sentence of the quote, and stops at the next quote") {
  ArticleAnalysis a =
      analyse_article({"a.txt",
                       "Launch\n\n\"It was incredible. Thanks for the great ride,\" Ana Ruiz said.\n\n"
                       "\"Free speech matters,\" Tomas Ebner said, adding, \"Twitter has potential.\"\n",
                       monday});
  REQUIRE(a.quotes.size() == 3);
  CHECK(a.quotes[0].sentence == "\"It was incredible. Thanks for the great ride,\" Ana Ruiz said.");
  CHECK(a.quotes[1].sentence == "\"Free speech matters,\" Tomas Ebner said, adding");
  CHECK(a.quotes[2].sentence == "Tomas Ebner said, adding, \"Twitter has potential.\"");
}

TEST_CASE("drafts: a short given name is the formal one ('Bob' and 'Robert Behnken' are one person)") {
  Story story = draft_story({{"a.txt", "Launch\n\nNASA's Bob Behnken flew to the station on Monday.\n", monday},
                             {"b.txt", "Launch\n\nRobert Behnken flew to the station on Monday.\n", monday},
                             {"c.txt", "Launch\n\nSam Behnken, his son, watched from Florida.\n", monday}});
  std::size_t behnkens = 0;
  for (const Entity &e : story.entities) behnkens += e.name.find("Behnken") != std::string::npos;
  CHECK(behnkens == 2); // Bob and Robert are one; Sam is another
}

TEST_CASE("entities: a role noun before a name is the person's role, not a first name") {
  ArticleAnalysis a = analyse_article(
      {"a.txt", "Title\n\nStriker Jamie Vardy scored twice. Dean Smith watched from the stands.\n", monday});
  std::vector<std::string> names;
  for (const FoundEntity &e : a.entities) names.push_back(e.name);
  CHECK(std::find(names.begin(), names.end(), "Jamie Vardy") != names.end());
  CHECK(std::find(names.begin(), names.end(), "Dean Smith") != names.end()); // "Dean" is a given name as often
  auto vardy =
      std::find_if(a.entities.begin(), a.entities.end(), [](const FoundEntity &e) { return e.name == "Jamie Vardy"; });
  REQUIRE(vardy != a.entities.end());
  CHECK(vardy->role == std::optional<std::string>("Striker"));
}

TEST_CASE("statements: a report before its speech verb ('…, police said on Monday.') is the speaker's") {
  Story story = draft_story({{"a.txt",
                              "Storm\n\nAna Ruiz visited the coast.\n\nThe storm destroyed 40 homes last year, Ana "
                              "Ruiz said on Monday.\n\nThe bridge was closed, he said, and traffic stopped.\n",
                              monday}});
  const Claim *homes = claim_with(story, "destroyed 40 homes");
  REQUIRE(homes);
  CHECK(homes->kind == ClaimKind::statement);
  CHECK(homes->who == "ana-ruiz");
  REQUIRE(homes->when);
  CHECK(homes->when->to_string() == "2024-09-02"); // said on Monday; "last year" is the report's
  const Claim *bridge = claim_with(story, "The bridge was closed");
  REQUIRE(bridge);
  CHECK(bridge->kind != ClaimKind::statement); // a comma after the verb: not a plain trailing attribution
}

TEST_CASE("merge: denying the same thing is a shared action ('returned no verdict' / 'didn't reach a verdict')") {
  FactSignature none = signature_of("The jury returned no verdict on three of the charges", 1, {1});
  FactSignature reach = signature_of("The jury didn't reach a verdict on three of the counts", 1, {1});
  FactSignature reached = signature_of("The jury reached a verdict on three of the counts", 1, {1});
  CHECK(same_fact(none, reach));
  CHECK_FALSE(same_fact(none, reached));
}

TEST_CASE("quotes: 'he' and 'she' stand for the last person whose given name agrees") {
  ArticleAnalysis a = analyse_article({"a.txt",
                                       "Title\n\nJane Smith visited the site with Tom Reed. “It is a disgrace,” he "
                                       "said.\n\nTom Reed left with Jane Smith. “We will rebuild,” she said.\n\n"
                                       "Reed disagreed. “We will not,” the councillor said.\n",
                                       monday});
  REQUIRE(a.quotes.size() == 3);
  CHECK(a.entities[a.quotes[0].speaker].name == "Tom Reed");
  CHECK(a.entities[a.quotes[1].speaker].name == "Jane Smith");
  CHECK(a.entities[a.quotes[2].speaker].name == "councillor"); // a title word is a description that speaks
}

TEST_CASE("merge: one fact with different subjects meets on a named entity, the action and most words") {
  FactSignature marks = signature_of(
      "This marks the first time Putin will travel to an ICC member nation since the court accused him", 1, {1, 2});
  FactSignature was = signature_of(
      "This was Putin's first state visit to a member nation of the ICC since it issued a warrant", 3, {1, 2});
  FactSignature other = signature_of("Putin's visit to the ICC member was cut short by protests", 3, {1, 2});
  CHECK(same_fact(marks, was));
  CHECK_FALSE(same_fact(marks, other));
}

TEST_CASE("drafts: a clause in the present tense is not dated by an earlier year it names") {
  Story story = draft_story({{"a.txt",
                              "Visit\n\nThe visit coincides with the anniversary of the victory over Japan in 1939. "
                              "Ruiz won the title in 2019.\n",
                              monday}});
  const Claim *coincides = claim_with(story, "The visit coincides");
  REQUIRE(coincides);
  REQUIRE(coincides->when);
  CHECK(coincides->when->to_string() == "..2024-09-02");
  const Claim *won = claim_with(story, "Ruiz won the title");
  REQUIRE(won);
  CHECK(won->when->to_string() == "2019");
}

TEST_CASE("claims: a paragraph that opens with an adverbial clause keeps the main clause's own words") {
  ArticleAnalysis a =
      analyse_article({"a.txt", "Title\n\nAfter the vote was held, the council approved the plan.\n", monday});
  auto approved = std::find_if(a.statements.begin(), a.statements.end(),
                               [](const FoundStatement &s) { return s.what.find("approved") != std::string::npos; });
  REQUIRE(approved != a.statements.end());
  CHECK(approved->own_words.find("vote") == std::string::npos);
  CHECK(approved->own_words.find("the council approved the plan") != std::string::npos);
}

TEST_CASE("entities: a role stated with 'is' after a name resolves the description later") {
  ArticleAnalysis a = analyse_article({"a.txt",
                                       "Title\n\nJane Smith is the mayor of Eastport. Tom Reed leads the council.\n\n"
                                       "“We will rebuild the bridge,” the mayor said.\n",
                                       monday});
  REQUIRE(a.quotes.size() == 1);
  CHECK(a.entities[a.quotes[0].speaker].name == "Jane Smith");
  CHECK(a.entities[a.quotes[0].speaker].role == std::optional<std::string>("mayor of Eastport"));
}

TEST_CASE("quotes: 'he said' is the one person the sentence before introduced, or its subject behind a role") {
  ArticleAnalysis a = analyse_article({"a.txt",
                                       "Title\n\n“We will rebuild,” said Tom Smith.\n\nThe plan was opposed by Bill "
                                       "Reed, the council leader. “It is a waste,” he said.\n\n“We start in May,” "
                                       "said Tom Smith.\n\nBut council leader Bill Reed disagreed. “It is late,” he "
                                       "said.\n",
                                       monday});
  REQUIRE(a.quotes.size() == 4);
  CHECK(a.entities[a.quotes[1].speaker].name == "Bill Reed");
  CHECK(a.entities[a.quotes[3].speaker].name == "Bill Reed");
}

TEST_CASE("dates: a time of day ('10:29 a.m.') does not end the clause whose tense dates a weekday") {
  Date saturday = *parse_date("2020-05-30");
  std::vector<FoundDate> dates =
      find_dates("They will spend 19 hours in space before reaching the station at 10:29 a.m. Sunday.", saturday);
  REQUIRE(dates.size() == 1);
  CHECK(dates[0].date.to_string() == "2020-05-31");
}

TEST_CASE("drafts: an organisation's short name is the long one, when only one long name holds it") {
  Story one = draft_story({{"a.txt", "Title\n\nLeicester City beat Everton 3-1 on Monday.\n", monday},
                           {"b.txt", "Title\n\nLeicester beat Everton 3-1 on Monday.\n", monday}});
  auto named = [](const Story &s, const std::string &name) {
    return std::count_if(s.entities.begin(), s.entities.end(),
                         [&](const Entity &e) { return e.name.find(name) != std::string::npos; });
  };
  CHECK(named(one, "Leicester") == 1);
  // Two clubs hold "Manchester": it stays a name of its own.
  Story two = draft_story({{"a.txt", "Title\n\nManchester United beat Manchester City on Monday.\n", monday},
                           {"b.txt", "Title\n\nManchester celebrated on Monday.\n", monday}});
  CHECK(named(two, "Manchester") == 3);
}

TEST_CASE("clauses: plural present verbs of stance and more irregular pasts are finite verbs") {
  Story story = draft_story({{"a.txt",
                              "Title\n\nMinisters believe the plan will fail in June. Thousands fled the city on "
                              "Monday. Everyone burst into tears.\n",
                              monday}});
  const Claim *believe = claim_with(story, "Ministers believe the plan will fail");
  REQUIRE(believe);
  CHECK(believe->when->to_string() == "..2024-09-02"); // the stance, not the failure it expects
  const Claim *fled = claim_with(story, "Thousands fled the city");
  REQUIRE(fled);
  CHECK(fled->when->to_string() == "2024-09-02");
  CHECK(claim_with(story, "Everyone burst into tears"));
  // A base form after a singular noun is no verb: "the fear" is not "fear".
  std::vector<Token> t = tokenize("The minister's fear grew.");
  auto fear = std::find_if(t.begin(), t.end(), [](const Token &k) { return k.lower == "fear"; });
  REQUIRE(fear != t.end());
  CHECK_FALSE(is_finite_verb(t, static_cast<std::size_t>(fear - t.begin()), true));
}

TEST_CASE("dates: a season across two years ('in 2019-20', 'the 2022/23 year') is the year it ends in") {
  Story story = draft_story({{"a.txt",
                              "Club\n\nThe club won the cup in 2019-20 and reached the final. The charity raised "
                              "money in 2021/22 for the hospital. The mayor opened the park in 2019-21.\n",
                              monday}});
  const Claim *cup = claim_with(story, "won the cup");
  REQUIRE(cup);
  REQUIRE(cup->when);
  CHECK(cup->when->to_string() == "~2020");
  const Claim *money = claim_with(story, "raised money");
  REQUIRE(money);
  REQUIRE(money->when);
  CHECK(money->when->to_string() == "~2022");
  const Claim *park = claim_with(story, "opened the park"); // not two consecutive years: no season
  REQUIRE(park);
  REQUIRE(park->when);
  CHECK(park->when->to_string() == "..2024-09-02");
}

TEST_CASE("drafts: a participle phrase after the verb ('before reaching … on Friday') does not date the clause") {
  Story story = draft_story({{"a.txt",
                              "Trip\n\nThe crew will spend two days at sea before reaching the port on Friday. "
                              "The minister met the envoy on Sunday after landing in the capital.\n",
                              monday}});
  const Claim *crew = claim_with(story, "spend two days at sea");
  REQUIRE(crew);
  REQUIRE(crew->when);
  CHECK(crew->when->to_string() == "..2024-09-02"); // Friday is the arrival's
  const Claim *met = claim_with(story, "met the envoy");
  REQUIRE(met);
  REQUIRE(met->when);
  CHECK(met->when->to_string() == "2024-09-01"); // its own date, before the phrase
}

TEST_CASE("drafts: a second predicate with an ordinal is a claim, one with its own vague time borrows no date") {
  Story story = draft_story({{"a.txt",
                              "Table\n\nRovers won the title in May 2023 and finished 9th in the league last "
                              "season.\n",
                              monday}});
  const Claim *title = claim_with(story, "won the title");
  REQUIRE(title);
  REQUIRE(title->when);
  CHECK(title->when->to_string() == "2023-05");
  const Claim *ninth = claim_with(story, "finished 9th");
  REQUIRE(ninth);
  CHECK(ninth->what.find("won the title") == std::string::npos);
  REQUIRE(ninth->when);
  CHECK(ninth->when->to_string() == "..2024-09-02"); // "last season" is its own time, not May 2023
}

TEST_CASE("quotes: 'the mayor of the city said' is a described speaker, 'the leader of …' is the one just named") {
  auto speaker = [](const std::string &credit) {
    ArticleAnalysis a = analyse_article({"a.txt",
                                         "Tribute\n\nMaria Lopez praised the rescue team, saying it had \"worked "
                                         "without rest\".\n\n\"They saved many lives in the storm this week,\" " +
                                             credit + ".\n",
                                         monday});
    auto found = std::find_if(a.quotes.begin(), a.quotes.end(), [](const FoundQuote &q) {
      return q.quote.find("saved many lives") != std::string::npos;
    });
    REQUIRE(found != a.quotes.end());
    REQUIRE(found->speaker < a.entities.size());
    return a.entities[found->speaker];
  };
  CHECK(speaker("the mayor of the city said").name == "mayor");
  CHECK(speaker("the leader of the island nation tweeted").name == "Maria Lopez");
  FoundEntity leeds = speaker("the mayor of Leeds said"); // the description, not the place
  CHECK(leeds.name == "mayor of Leeds");
}

TEST_CASE("entities: one unknown word after a title and 'of' is a place") {
  ArticleAnalysis a = analyse_article({"a.txt", "Visit\n\nThe president of Varnia arrived on Monday.\n", monday});
  auto varnia =
      std::find_if(a.entities.begin(), a.entities.end(), [](const FoundEntity &e) { return e.name == "Varnia"; });
  REQUIRE(varnia != a.entities.end());
  CHECK(varnia->kind == EntityKind::place);
}

TEST_CASE("drafts: a possessive before another name owns it, the name after it acts") {
  Story story = draft_story({{"a.txt",
                              "Launch\n\nSkyward said on Friday that the capsule was ready.\n\nMaria Lopez’s "
                              "Skyward made history on Saturday with its first crewed flight.\n",
                              monday}});
  const Claim *history = claim_with(story, "made history");
  REQUIRE(history);
  CHECK(history->who == "skyward");
}

TEST_CASE("quotes: unnamed and described speakers, and the person after a body and a role") {
  auto speaker = [](const std::string &paragraph) -> std::string {
    ArticleAnalysis a = analyse_article(
        {"a.txt", "Story\n\nHalvern Corp issued a statement after Maria Lopez and Tom Reed met.\n\n" + paragraph + "\n",
         monday});
    if (a.quotes.empty() || a.quotes.back().speaker >= a.entities.size()) return "(none)";
    return a.entities[a.quotes.back().speaker].name;
  };
  CHECK(speaker("The plan is “dead in the water and will never pass”, according to a senior official.") ==
        "senior official");
  CHECK(speaker("“It was terrifying, the whole house shook,” said one resident, who declined to give her name.") ==
        "resident");
  CHECK(speaker("“The deal is done and the money arrives next week,” a source close to the talks said.") == "source");
  CHECK(speaker("“The company regrets the delay to its customers,” the statement said.") == "Halvern Corp");
  CHECK(speaker("“We welcome the decision and thank the court,” said the family in a statement.") == "family");
  CHECK(speaker("The inspectors described the prison as “appalling and unsafe for staff”.") == "inspectors");
  CHECK(speaker("“I never expected to win this many votes,” she said.") == "Maria Lopez"); // Tom was named last
  CHECK(speaker("“We hope both sides keep calm,” said Foreign Ministry spokesperson Li Wei at a briefing.") ==
        "Li Wei");
  // Not a description: a speech verb's "that" clause.
  CHECK(speaker("He called it “a leap of faith with our money” and said that the council had erred.") == "Tom Reed");
}

TEST_CASE("drafts: a surname spelled one letter apart in another outlet, with the same given name, is one person") {
  Story story = draft_story({{"a.txt", "Deal\n\nElena Varga signed the deal on Monday, her office said.\n", monday},
                             {"b.txt", "Deal\n\nElena Vargas signed the deal on Monday, her office said.\n", monday},
                             {"c.txt", "Deal\n\nElena Vega signed the deal on Monday, her office said.\n", monday}});
  auto named = [&](const char *name) {
    return std::count_if(story.entities.begin(), story.entities.end(), [&](const Entity &e) {
      return e.name == name || std::find(e.aliases.begin(), e.aliases.end(), name) != e.aliases.end();
    });
  };
  CHECK(named("Elena Varga") == 1);
  CHECK(named("Elena Vargas") == 1);
  auto varga = std::find_if(story.entities.begin(), story.entities.end(),
                            [](const Entity &e) { return e.name == "Elena Varga" || e.name == "Elena Vargas"; });
  REQUIRE(varga != story.entities.end());
  CHECK(varga->aliases.size() == 1); // the other spelling
  CHECK(std::none_of(story.entities.begin(), story.entities.end(), [](const Entity &e) {
    return e.name == "Elena Varga" && std::find(e.aliases.begin(), e.aliases.end(), "Elena Vega") != e.aliases.end();
  })); // two letters apart: another person
}

TEST_CASE("drafts: 'the Varnian leader' is the person whose role is Varnian President") {
  Story story = draft_story({{"a.txt",
                              "Visit\n\nVarnian President Ivan Petrov arrived in Kiel on Monday. The Varnian leader "
                              "was greeted by an honour guard.\n",
                              monday}});
  const Claim *greeted = claim_with(story, "greeted by an honour guard");
  REQUIRE(greeted);
  CHECK(greeted->who == "ivan-petrov");
}

TEST_CASE("drafts: a phrase made an actor ('His time in Mongolia') never takes in the place it names") {
  Story story = draft_story({{"a.txt", "Visit\n\nHis time in Mongolia is expected to be brief.\n", monday},
                             {"b.txt", "Visit\n\nMongolia is not expected to arrest the envoy.\n", monday}});
  const Claim *arrest = claim_with(story, "not expected to arrest");
  REQUIRE(arrest);
  CHECK(arrest->who == "mongolia");
}

TEST_CASE("drafts: a plain noun phrase with a phrase after its head, or after 'this', is a claim's actor") {
  Story story = draft_story({{"a.txt",
                              "Deal\n\nHalvern Corp agreed to buy Tessaly Ltd on Monday.\n\nThe cash deal at $12.50 "
                              "per share is valued at around $3.7 billion.\n\nThis deal will see Tessaly shareholders "
                              "receive $12.50 per share in cash.\n\nDiscussions over the deal, which last week "
                              "appeared uncertain, accelerated over the weekend.\n\nMore than seven days of talks "
                              "and a four-month review in which lawyers argued ended the matter.\n",
                              monday}});
  const Claim *valued = claim_with(story, "valued at around");
  REQUIRE(valued);
  CHECK(valued->who == "cash-deal");
  const Claim *see = claim_with(story, "will see Tessaly shareholders");
  REQUIRE(see);
  CHECK(see->who == "deal");
  const Claim *accelerated = claim_with(story, "accelerated over the weekend");
  REQUIRE(accelerated);
  CHECK(accelerated->who == "discussions");
  CHECK(std::none_of(story.entities.begin(), story.entities.end(), [](const Entity &e) { return e.name == "More"; }));
}

TEST_CASE("drafts: 'according to a press release' names no speaker, the clause's actor stands") {
  Story story = draft_story(
      {{"a.txt",
        "Deal\n\nHalvern Corp agreed to buy Tessaly Ltd on Monday.\n\nUnder pressure, Tessaly Ltd started talks with "
        "Halvern Corp, according to a press release.\n",
        monday}});
  const Claim *talks = claim_with(story, "started talks");
  REQUIRE(talks);
  CHECK(talks->who == "tessaly-ltd");
  CHECK(std::none_of(story.entities.begin(), story.entities.end(), [](const Entity &e) { return e.name == "press"; }));
}

TEST_CASE("drafts: 'Shares of X' are X's figure, and X's board is not X") {
  Story story = draft_story(
      {{"a.txt", "Deal\n\nThe Halvern Corp Board of Directors approved the purchase on Monday.\n", monday},
       {"b.txt",
        "Deal\n\nHalvern Corp agreed to buy Tessaly Ltd on Monday.\n\nShares of Halvern Corp rose 5% on Monday.\n",
        monday}});
  const Claim *rose = claim_with(story, "rose 5%");
  REQUIRE(rose);
  CHECK(rose->who == "halvern-corp");
  const Claim *agreed = claim_with(story, "agreed to buy");
  REQUIRE(agreed);
  CHECK(agreed->who == "halvern-corp");
}

TEST_CASE("quotes: a quote paragraph that names the person of the paragraph before is not theirs") {
  ArticleAnalysis a = analyse_article({"a.txt",
                                       "Story\n\nDana Ortiz is an analyst at Brightwater.\n\n“The board wanted the "
                                       "money, and it got the money.”\n\nTom Reed has said the firm must grow "
                                       "fast.\n\n“But Reed just bet half his fortune on it.”\n",
                                       monday});
  REQUIRE(a.quotes.size() == 2);
  REQUIRE(a.quotes.back().speaker < a.entities.size());
  CHECK(a.entities[a.quotes.back().speaker].name == "Dana Ortiz");
}

TEST_CASE("drafts: an aside between commas ending in a plural noun or a figure leaves the subject its verb") {
  Story story = draft_story({{"a.txt",
                              "Title\n\nThe club, long outsiders, will lift the trophy on Saturday.\n\nThe deal, worth "
                              "44 billion dollars, was approved on Monday.\n\nThe team, 5,000-1 outsiders, will "
                              "parade on Sunday.\n",
                              monday}});
  const Claim *lift = claim_with(story, "will lift the trophy");
  REQUIRE(lift);
  CHECK(lift->who == "club");
  const Claim *approved = claim_with(story, "was approved");
  REQUIRE(approved);
  CHECK(approved->who == "deal");
  const Claim *parade = claim_with(story, "will parade");
  REQUIRE(parade);
  CHECK(parade->who == "team");
}

TEST_CASE("drafts: an adverbial clause told as a claim of its own leaves the main claim, with its own date") {
  Story story = draft_story(
      {{"a.txt",
        "Title\n\nHalvern collapsed in June 2019, shortly after Ana Ruiz was charged with fraud.\n\nNorthfield have "
        "lost two games all season, with Westbury beating them at Kellan Park in March.\n\nNorthfield ended a "
        "long wait on Sunday when Joel Kamau scored twice.\n\nThis marks the first time Ana Ruiz will travel since the "
        "court charged her, including with fraud.\n",
        monday}});
  // a clause in the middle stays: the words after it only make sense with it
  const Claim *travel = claim_with(story, "will travel");
  REQUIRE(travel);
  CHECK(travel->what.find("since the court charged her, including") != std::string::npos);
  const Claim *collapsed = claim_with(story, "Halvern collapsed");
  REQUIRE(collapsed);
  CHECK(collapsed->what == "Halvern collapsed in June 2019");
  REQUIRE(collapsed->when);
  CHECK(collapsed->when->to_string() == "2019-06");
  const Claim *charged = claim_with(story, "was charged with fraud");
  REQUIRE(charged);
  REQUIRE(charged->when);
  CHECK(charged->when->to_string() == "..2024-09-02"); // its own clause gives no date: not June 2019
  const Claim *lost = claim_with(story, "have lost two games");
  REQUIRE(lost);
  CHECK(lost->what == "Northfield have lost two games all season");
  const Claim *beating = claim_with(story, "Westbury beating them");
  REQUIRE(beating);
  REQUIRE(beating->when);
  CHECK(beating->when->to_string() == "2024-03");
  // "when": what happens as the main clause happens takes its date
  const Claim *scored = claim_with(story, "Joel Kamau scored twice");
  REQUIRE(scored);
  REQUIRE(scored->when);
  CHECK(scored->when->to_string() == "2024-09-01");
}

TEST_CASE("merge: a figure conflicts only with another value the other fact gives instead") {
  FactSignature both = signature_of("The cash deal at $54.20 per share is valued at around $44 billion", 1, {1});
  FactSignature price = signature_of("The deal will see shareholders receive $54.20 per share in cash", 1, {1});
  FactSignature other = signature_of("The cash deal at $54.20 per share is valued at around $43 billion", 1, {1});
  CHECK_FALSE(figures_conflict(both, price)); // $44bn is not given otherwise
  CHECK(figures_conflict(both, other));       // $44bn against $43bn
  FactSignature metric = signature_of("The quake was centered about 33 kilometers (20 miles) from Gaziantep", 1, {1});
  FactSignature miles = signature_of("The earthquake was centered about 20 miles from Gaziantep", 2, {1});
  CHECK_FALSE(figures_conflict(metric, miles));
  CHECK(same_fact(metric, miles));
}

TEST_CASE("merge: an ending's doubled consonant is not part of the stem") {
  CHECK(content_stems("winning") == content_stems("win"));
  CHECK(content_stems("planned") == content_stems("plan"));
  CHECK(content_stems("falling") == content_stems("fall"));
  CHECK(content_stems("passed") == content_stems("pass"));
}

TEST_CASE("quotes: 'a spokesman for X' speaks as that description, and 'went on' and 'calling' speak") {
  ArticleAnalysis a = analyse_article(
      {"a.txt",
       "Row\n\nPat Moore and Ray Dunn clashed on Monday.\n\n“We deny it,” a spokesman for Pat Moore said.\n\n“We "
       "will appeal,” the spokesman added.\n\n“The offer is fair,” Dunn went on.\n\nMoore hit back, calling the "
       "claim “utter nonsense”.\n",
       monday});
  REQUIRE(a.quotes.size() == 4);
  CHECK(speaker_name(a, 0) == "spokesman for Pat Moore");
  CHECK(speaker_name(a, 1) == "spokesman for Pat Moore");
  CHECK(speaker_name(a, 2) == "Ray Dunn");
  CHECK(speaker_name(a, 3) == "Pat Moore");
}

TEST_CASE("quotes: a verb after 'and' shares the subject before it, and says a quote only when nothing else does") {
  ArticleAnalysis a = analyse_article(
      {"a.txt",
       "Row\n\nMick Lynch and Grant Shapps clashed on Monday.\n\nLynch said Shapps had called the offer “generous” "
       "and claimed the union was “holding the country to ransom”.\n\nLynch felt he had been the target of “abuse” "
       "and claimed the talks were “a sham”.\n",
       monday});
  REQUIRE(a.quotes.size() == 4);
  CHECK(speaker_name(a, 0) == "Grant Shapps");
  CHECK(speaker_name(a, 1) == "Grant Shapps");
  CHECK(speaker_name(a, 2) == "Mick Lynch");
  CHECK(speaker_name(a, 3) == "Mick Lynch");
}

TEST_CASE("speakers: 'she' with no one named is the titled speaker of the paragraph") {
  ArticleAnalysis a = analyse_article(
      {"a.txt",
       "Gun law\n\nParliament passed the bill on Wednesday.\n\nThe prime minister said the law would save lives. "
       "“It is the right thing to do,” she said.\n\nThe company said it would comply. “We are ready,” she said.\n",
       monday});
  REQUIRE(a.quotes.size() == 1);
  CHECK(speaker_name(a, 0) == "The prime minister");
}

TEST_CASE("speakers: a speech verb's spelling inside a name is no speech verb ('the United States')") {
  ArticleAnalysis a = analyse_article({"a.txt",
                                       "Talks\n\nOfficials met on Friday.\n\nHenry Paulson said the United States "
                                       "\"welcomes China's continued growth\".\n",
                                       monday});
  REQUIRE(a.quotes.size() == 1);
  CHECK(speaker_name(a, 0) == "Henry Paulson");
}

TEST_CASE("speakers: an aside between dashes before the verb, and 'shrugged', attribute quotes") {
  ArticleAnalysis a = analyse_article(
      {"a.txt",
       "Budget\n\nFinance Minister Omar Reza and Sam Hale clashed on Monday.\n\nHale \xE2\x80\x93 who was visibly "
       "angry \xE2\x80\x93 said: \xE2\x80\x9CThis is a con.\xE2\x80\x9D\n\n\xE2\x80\x9CIt is what it is,\xE2\x80\x9D "
       "Reza shrugged.\n",
       monday});
  REQUIRE(a.quotes.size() == 2);
  CHECK(speaker_name(a, 0) == "Sam Hale");
  CHECK(speaker_name(a, 1) == "Omar Reza");
}

TEST_CASE("speakers: a sentence after a quote that points back at it names its speaker") {
  ArticleAnalysis a =
      analyse_article({"a.txt",
                       "Budget\n\nOmar Reza defended the budget on Monday. \xE2\x80\x9CIt works,\xE2\x80"
                       "\x9D he said.\n\n\xE2\x80\x9CIt\xE2\x80\x99s a disgrace.\xE2\x80\x9D That was "
                       "the verdict of union boss Kate Lyle.\n",
                       monday});
  REQUIRE(a.quotes.size() == 2);
  CHECK(speaker_name(a, 1) == "Kate Lyle");
}

TEST_CASE("speakers: a description opening the sentence says a quote after 'but said'") {
  ArticleAnalysis a =
      analyse_article({"a.txt",
                       "Budget\n\nThe council met on Monday.\n\nA council spokesperson declined to comment on the "
                       "cost, but said: \xE2\x80\x9CThe budget is published.\xE2\x80\x9D\n",
                       monday});
  REQUIRE(a.quotes.size() == 1);
  CHECK(speaker_name(a, 0) == "council");
}

TEST_CASE("quotes: a short quote that is a sentence of its own is speech, a short phrase a scare quote") {
  ArticleAnalysis a = analyse_article({"a.txt",
                                       "Strike\n\n\xE2\x80\x9CI have been waiting two hours,\xE2\x80\x9D said "
                                       "Jade Lin. \xE2\x80\x9CIt's ridiculous.\xE2\x80\x9D\n\nThe so-called "
                                       "\xE2\x80\x9C"
                                       "fair deal\xE2\x80\x9D was rejected.\n",
                                       monday});
  REQUIRE(a.quotes.size() == 2);
  CHECK(a.quotes[1].quote == "It's ridiculous.");
  CHECK(speaker_name(a, 1) == "Jade Lin");
}

TEST_CASE("speakers: the subject of 'cheered and chanted' says the quote after them") {
  ArticleAnalysis a = analyse_article({"a.txt",
                                       "Launch\n\nAs the rocket rose, hundreds of fans along the beach cheered and "
                                       "chanted, \xE2\x80\x9CGo, go, go!\xE2\x80\x9D\n",
                                       monday});
  REQUIRE(a.quotes.size() == 1);
  CHECK(speaker_name(a, 0) == "Hundreds of fans");
}

TEST_CASE("descriptions: 'one Minister' keeps its determiner, as 'a Minister' does") {
  ArticleAnalysis a = analyse_article({"a.txt",
                                       "Row\n\nThe row grew on Monday.\n\n\xE2\x80\x9CIt has been "
                                       "destabilising,\xE2\x80\x9D one Minister told me.\n",
                                       monday});
  REQUIRE(a.quotes.size() == 1);
  CHECK(speaker_name(a, 0) == "one Minister");
}

TEST_CASE("speakers: 'has dismissed X as “…”' after 'and' is the sentence subject's naming") {
  ArticleAnalysis a = analyse_article({"a.txt",
                                       "Row\n\nThe court ruled on Monday.\n\nRussia is not a member of the court "
                                       "and has dismissed the court's charges against its leader as "
                                       "\xE2\x80\x9Coutrageous.\xE2\x80\x9D\n",
                                       monday});
  REQUIRE(a.quotes.size() == 1);
  CHECK(a.quotes[0].quote == "outrageous.");
  CHECK(speaker_name(a, 0) == "Russia");
  // "rejected the “final offer”": words of the other side, not the union's; "as “…”" are the union's
  ArticleAnalysis b = analyse_article({"b.txt",
                                       "Strike\n\nTalks failed on Monday.\n\nThe union rejected the "
                                       "\xE2\x80\x9C"
                                       "final offer\xE2\x80\x9D from the firm. The union also rejected "
                                       "the pay rise as \xE2\x80\x9C"
                                       "an insult\xE2\x80\x9D.\n",
                                       monday});
  REQUIRE(b.quotes.size() == 1);
  CHECK(b.quotes[0].quote == "an insult");
  ArticleAnalysis c = analyse_article({"c.txt",
                                       "Flood\n\nRuth Kell appealed for \xE2\x80\x9C"
                                       "calm and patience\xE2\x80\x9D on Monday.\n",
                                       monday});
  REQUIRE(c.quotes.size() == 1);
  CHECK(speaker_name(c, 0) == "Ruth Kell");
}

TEST_CASE("speakers: a courtesy title gives a surname its gender for 'he' and 'she'") {
  ArticleAnalysis a = analyse_article({"a.txt",
                                       "Row\n\nMs Ruiz and Mr Baker met on Monday.\n\n\xE2\x80\x9CIt was rude,"
                                       "\xE2\x80\x9D he said.\n\n\xE2\x80\x9CIt was fine,\xE2\x80\x9D she "
                                       "said.\n",
                                       monday});
  REQUIRE(a.quotes.size() == 2);
  CHECK(speaker_name(a, 0) == "Baker");
  CHECK(speaker_name(a, 1) == "Ruiz");
}

TEST_CASE("speakers: a dash credit line may give a role before the name") {
  ArticleAnalysis a = analyse_article({"a.txt",
                                       "Strike\n\nCrews walked out on Monday.\n\n\xE2\x80\x9CThis is about "
                                       "pay\xE2\x80\x9D \xE2\x80\x93 union leader Tom Dorran.\n",
                                       monday});
  REQUIRE(a.quotes.size() == 1);
  CHECK(speaker_name(a, 0) == "Tom Dorran");
}

TEST_CASE("descriptions: a title word or owner the person's role lacks keeps a description from them") {
  ArticleAnalysis a = analyse_article({"a.txt",
                                       "Strike\n\nTransport Secretary Helen Marlow spoke on Monday. \xE2\x80\x9CIt "
                                       "is wrong,\xE2\x80\x9D she said.\n\n\xE2\x80\x9CMembers are "
                                       "angry,\xE2\x80\x9D the union's general secretary said.\n",
                                       monday});
  REQUIRE(a.quotes.size() == 2);
  CHECK(speaker_name(a, 0) == "Helen Marlow");
  CHECK(speaker_name(a, 1) != "Helen Marlow");
}

TEST_CASE("descriptions: 'the transport secretary' is the person whose role holds its plain words") {
  ArticleAnalysis a = analyse_article(
      {"a.txt",
       "Rail strike\n\nTransport Secretary Grant Shapps and general secretary Mick Lynch clashed on Tuesday.\n\nThe "
       "transport secretary said the walkout was \xE2\x80\x9C"
       "a gift to Labour\xE2\x80\x9D.\n\nThe RMT boss told Sky "
       "News: \xE2\x80\x9CWe have no choice.\xE2\x80\x9D\n",
       monday});
  REQUIRE(a.quotes.size() == 2);
  CHECK(speaker_name(a, 0) == "Grant Shapps");
  CHECK(speaker_name(a, 1) == "RMT boss"); // a described speaker of its own, not lost
}

TEST_CASE("entities: the body before a title is part of the role, a courtesy title is none") {
  ArticleAnalysis a = analyse_article({"a.txt",
                                       "Strike\n\nRMT general secretary Mick Lynch met Labour leader Keir Starmer on "
                                       "Monday.\n\nMs Louise Haigh was there too.\n",
                                       monday});
  CHECK(role_of(a, "Mick Lynch") == "RMT general secretary");
  CHECK(role_of(a, "Keir Starmer") == "Labour leader");
  CHECK(role_of(a, "Louise Haigh").empty());
}

TEST_CASE("entities: a phrase after a comma that runs into a speech verb is no appositive") {
  ArticleAnalysis a = analyse_article({"a.txt",
                                       "Strike\n\nWriting in the Telegraph, Transport Secretary Helen Marlow said "
                                       "the strike was wrong.\n\nAna Ruiz, a senior lecturer at Leeds, agreed.\n",
                                       monday});
  for (const FoundEntity &e : a.entities) CHECK(e.role.value_or("").find("Marlow") == std::string::npos);
  CHECK(role_of(a, "Helen Marlow") == "Transport Secretary");
  CHECK(role_of(a, "Ana Ruiz") == "senior lecturer at Leeds");
}

TEST_CASE("clauses: a clause opened by a phrase on 'upon' or 'amid' still has its subject") {
  Story story = draft_story({{"a.txt",
                              "Deal\n\nHalvern agreed a deal with Tessaly on Monday.\n\nUpon completion of the deal, "
                              "Tessaly will become a private company.\n\nAmid the talks, Halvern shares rose "
                              "4%.\n",
                              monday}});
  const Claim *private_company = claim_with(story, "will become a private company");
  REQUIRE(private_company);
  CHECK(private_company->who == "tessaly");
  const Claim *shares = claim_with(story, "shares rose");
  REQUIRE(shares);
}

TEST_CASE("clauses: a phrase before 'was' or 'were' and a name after it: the name is the subject") {
  Story story = draft_story({{"a.txt",
                              "Opening\n\nThe bridge opened on Saturday.\n\nOn hand for the opening were Mayor Ana "
                              "Ruiz and Governor Tom Reed.\n\nAmong the crowd was Joel Kamau, a 52-year-old welder.\n",
                              monday}});
  const Claim *on_hand = claim_with(story, "On hand for the opening");
  REQUIRE(on_hand);
  CHECK(on_hand->who == "ana-ruiz");
  const Claim *among = claim_with(story, "Among the crowd");
  REQUIRE(among);
  CHECK(among->who == "joel-kamau");
}

TEST_CASE("clauses: a cleft ('It was X who ...') has X as its actor") {
  Story story = draft_story(
      {{"a.txt", "Row\n\nThe leak came out on Monday.\n\nIt was Ana Ruiz who won the vote.\n\nIt was a cold day.\n",
        monday}});
  const Claim *cleft = claim_with(story, "who won the vote");
  REQUIRE(cleft);
  CHECK(cleft->who == "ana-ruiz");
  CHECK_FALSE(claim_with(story, "cold day"));
}

TEST_CASE("clauses: 'There was/were X' is a claim whose actor is X") {
  Story story = draft_story({{"a.txt",
                              "Quake\n\nA strong earthquake hit Varna on Monday.\n\nThere were at least 6 aftershocks "
                              "in the following hours.\n\nThere was little reaction in the city.\n\nThere have "
                              "been no arrests.\n",
                              monday}});
  const Claim *aftershocks = claim_with(story, "6 aftershocks");
  REQUIRE(aftershocks);
  CHECK(aftershocks->who == "at-least-6-aftershocks");
  const Claim *reaction = claim_with(story, "little reaction");
  REQUIRE(reaction);
  CHECK(reaction->who == "little-reaction");
  const Claim *arrests = claim_with(story, "no arrests");
  REQUIRE(arrests);
  CHECK(arrests->who == "no-arrests");
}

TEST_CASE("clauses: 'since' or 'after' before a year is a preposition; 'her work' is about her") {
  Story story =
      draft_story({{"a.txt",
                    "Title\n\nHarbour City FC won the league on Saturday.\n\nThey are the first new champions "
                    "since 1978 and their rise will be remembered.\n\nAna Ruiz wrote three operas, but much "
                    "of her work from before 1945 is lost.\n",
                    monday}});
  CHECK(claim_with(story, "champions since 1978"));
  const Claim *lost = claim_with(story, "1945 is lost");
  REQUIRE(lost);
  CHECK(lost->who == "ana-ruiz");
}

TEST_CASE("clauses: the last verb of a series after ', and' shares the subject") {
  Story story = draft_story({{"a.txt",
                              "Title\n\nAna Ruiz has become the town's biggest employer, turned down a seat on the "
                              "council, and tried to buy the stadium in less than a year.\n",
                              monday}});
  const Claim *tried = claim_with(story, "tried to buy the stadium");
  REQUIRE(tried);
  CHECK(tried->who == "ana-ruiz");
}

TEST_CASE("actors: 'It is a …' stands for the thing that last acted; 'It is a shame that' for nothing") {
  Story story = draft_story({{"a.txt",
                              "Title\n\nThe new ferry sailed from Dover on Monday. It is also a test for the "
                              "harbour.\n\nIt is a shame that nobody came.\n",
                              monday}});
  const Claim *test = claim_with(story, "test for the harbour");
  REQUIRE(test);
  CHECK(test->who == "new-ferry");
  CHECK_FALSE(claim_with(story, "shame"));
}

TEST_CASE("actors: a long subject is named by its head, or by what a count of it counts") {
  Story story = draft_story({{"a.txt",
                              "Title\n\nAcme rose on Monday.\n\nThe net worth of the head of Acme and Zenith has "
                              "risen to $300 billion.\n\nDozens of people along the river in downtown Leeds cheered "
                              "the result.\n",
                              monday}});
  const Claim *worth = claim_with(story, "net worth");
  REQUIRE(worth);
  CHECK(worth->who == "net-worth");
  const Claim *cheered = claim_with(story, "cheered the result");
  REQUIRE(cheered);
  CHECK(cheered->who == "dozens-of-people");
}

TEST_CASE("clauses: a plural noun after odds or a score ('500-1 outsiders') is no verb") {
  Story story =
      draft_story({{"a.txt",
                    "Title\n\nHarbour City FC won the league on Saturday.\n\nThe Gulls, 500-1 outsiders who "
                    "avoided relegation, will hold a parade.\n\nAna Ruiz lost her appeal. The 37-year-old faces a long "
                    "ban.\n",
                    monday}});
  CHECK(claim_with(story, "will hold a parade"));
  CHECK(claim_with(story, "faces a long ban"));
}

TEST_CASE("clauses: an opening 'With X gathered …' holds no verb of the main clause") {
  Story story = draft_story({{"a.txt",
                              "Title\n\nHarbour City FC won the league on Saturday.\n\nWith the players gathered at "
                              "the home of Tom Reed, the club celebrated the title.\n",
                              monday}});
  const Claim *celebrated = claim_with(story, "celebrated the title");
  REQUIRE(celebrated);
  CHECK(celebrated->who == "club");
}

TEST_CASE("actors: an opening 'Their' with no group named is the thing that last acted") {
  Story story = draft_story({{"a.txt",
                              "Title\n\nThe underdogs won the cup on Saturday.\n\nTheir previous best season was a "
                              "third-place finish in 1999.\n",
                              monday}});
  const Claim *best = claim_with(story, "third-place finish");
  REQUIRE(best);
  CHECK(best->who == "underdogs");
}

TEST_CASE("clauses: a participle opening an aside between commas is not the clause's verb") {
  Story story = draft_story({{"a.txt",
                              "Title\n\nThe council met on Monday.\n\nThe town pool, closed since the spring of 2020, "
                              "will reopen in June.\n",
                              monday}});
  const Claim *reopen = claim_with(story, "will reopen in June");
  REQUIRE(reopen);
  CHECK(reopen->who == "town-pool");
}

TEST_CASE("entities: a lone surname opening a sentence speaks across an aside before 'said'") {
  ArticleAnalysis a = analyse_article({"a.txt",
                                       "Strike\n\nCrews walked out on Monday.\n\nLynch, the union's general "
                                       "secretary, said: \xE2\x80\x9COur members have had enough.\xE2\x80\x9D\n\n"
                                       "Reed, 45, said: \xE2\x80\x9CIt hurts.\xE2\x80\x9D\n\nHowever, the minister "
                                       "said: \xE2\x80\x9CThe offer stands.\xE2\x80\x9D\n\nBrightloom, the "
                                       "software company, said: \xE2\x80\x9CWe are sorry.\xE2\x80\x9D\n",
                                       monday});
  REQUIRE(a.quotes.size() == 4);
  CHECK(speaker_name(a, 0) == "Lynch");
  CHECK(speaker_name(a, 1) == "Reed");
  CHECK(speaker_name(a, 2) != "However");
  REQUIRE(speaker_name(a, 3) == "Brightloom");
  CHECK(a.entities[a.quotes[3].speaker].kind == EntityKind::organization);
}

TEST_CASE("entities: 'the Transport Secretary' after a name is a description, not a person of that name") {
  ArticleAnalysis a = analyse_article({"a.txt",
                                       "Strike\n\nCrews walked out on Monday.\n\nGrant Shapps, the Transport "
                                       "Secretary, said: \xE2\x80\x9CIt is wrong.\xE2\x80\x9D\n",
                                       monday});
  REQUIRE(a.quotes.size() == 1);
  CHECK(speaker_name(a, 0) == "Grant Shapps");
}

TEST_CASE("speakers: a relative by marriage named after the verb speaks ('said his brother-in-law, X')") {
  ArticleAnalysis a = analyse_article({"a.txt",
                                       "Crash\n\nThe driver died on Monday.\n\n\xE2\x80\x9CHe was "
                                       "kind,\xE2\x80\x9D said his brother-in-law, Ali Khan.\n",
                                       monday});
  REQUIRE(a.quotes.size() == 1);
  CHECK(speaker_name(a, 0) == "Ali Khan");
}

TEST_CASE("speakers: 'it added' speaks for the body that spoke last, 'they said' for a body or group") {
  ArticleAnalysis a = analyse_article({"a.txt",
                                       "Strike\n\nThe union said in a statement: \xE2\x80\x9COur members have no "
                                       "choice.\xE2\x80\x9D It added: \xE2\x80\x9CWe regret the "
                                       "disruption.\xE2\x80\x9D\n\nAna Ruiz, a commuter, said she was angry. "
                                       "\xE2\x80\x9CIt is a mess,\xE2\x80\x9D it said.\n",
                                       monday});
  REQUIRE(a.quotes.size() >= 2);
  CHECK(speaker_name(a, 0) == "union");
  CHECK(speaker_name(a, 1) == "union");
  for (std::size_t i = 2; i < a.quotes.size(); ++i) CHECK(speaker_name(a, i) != "Ana Ruiz");
}

TEST_CASE("dates: a period before a straight closing quote ends the quote's clause") {
  Date wednesday = *parse_date("2024-03-06");
  std::vector<FoundDate> dates = find_dates("\"We will change our laws.\"\n\nShe met families on Tuesday.", wednesday);
  REQUIRE(dates.size() == 1);
  CHECK(dates[0].date.to_string() == "2024-03-05");
}

TEST_CASE("entities: a lone surname that a speech verb after a quote credits is a name") {
  ArticleAnalysis a = analyse_article(
      {"a.txt", "Vigil\n\nCrowds gathered on Monday.\n\n\xE2\x80\x9CThis is a day of shame,\xE2\x80\x9D said Ardern.\n",
       monday});
  REQUIRE(a.quotes.size() == 1);
  CHECK(speaker_name(a, 0) == "Ardern");
}

TEST_CASE("dates: a day of a month just ahead, with no tense, is the coming one") {
  Date wednesday = *parse_date("2024-03-06");
  std::vector<FoundDate> dates =
      find_dates("The ban comes into force on April 11. He resigned on April 11.", wednesday);
  REQUIRE(dates.size() == 2);
  CHECK(dates[0].date.to_string() == "2024-04-11");
  CHECK(dates[1].date.to_string() == "2023-04-11");
}

TEST_CASE("tokens: a pronoun's contracted auxiliary is a token of its own ('They'll stay')") {
  std::vector<Token> t = tokenize("They\xE2\x80\x99ll stay, we're told; Bill's car won't.");
  REQUIRE(t.size() >= 5);
  CHECK(t[0].text == "They");
  CHECK(t[1].lower == "will");
  CHECK(t[2].lower == "stay");
  CHECK(t[5].lower == "are");
  CHECK(std::any_of(t.begin(), t.end(), [](const Token &x) { return x.lower == "bill's"; }));
  Story story = draft_story({{"a.txt",
                              "Title\n\nThe crew reached orbit on Monday.\n\nBehnken and Hurley flew the capsule. "
                              "They\xE2\x80\x99ll stay there for six weeks.\n",
                              monday}});
  const Claim *stay = claim_with(story, "stay there for six weeks");
  REQUIRE(stay);
  CHECK(stay->who == "behnken-and-hurley");
}

TEST_CASE("actors: a time of day inside the subject ('The 3:22 launch') does not end it") {
  Story story = draft_story({{"a.txt",
                              "Title\n\nThe crew reached orbit on Monday.\n\nThe 3:22 launch marked the first time "
                              "since 2011 that the agency flew from home.\n",
                              monday}});
  const Claim *marked = claim_with(story, "marked the first time since 2011");
  REQUIRE(marked);
  CHECK(marked->who.find("launch") != std::string::npos);
}

TEST_CASE("descriptions: a named person's spokesperson is someone of their own, a body's speaks for it") {
  ArticleAnalysis a = analyse_article({"a.txt",
                                       "Talks\n\nJacinda Ardern met the unions on Monday.\n\nArdern's spokesman said: "
                                       "\xE2\x80\x9CNo decision has been made.\xE2\x80\x9D\n\nA Network Rail "
                                       "spokesman said: \xE2\x80\x9CWe are sorry.\xE2\x80\x9D\n",
                                       monday});
  REQUIRE(a.quotes.size() == 2);
  CHECK(speaker_name(a, 0) == "Ardern's spokesman");
  CHECK(speaker_name(a, 1) == "Network Rail");
}

TEST_CASE("clean: a date line with the words pages put around a date dates the article, published before updated") {
  const char *lines[] = {"Updated 12:30 GMT, 6 March 2024", "Wed 6 Mar 2024 12.30 GMT",
                         "Posted on March 6, 2024 by Jane Doe", "Wednesday, March 6, 2024", "2024-03-06T12:30:00Z"};
  for (const char *line : lines) {
    ArticleAnalysis a = analyse_article(
        {"a.txt", std::string("Strike\n") + line + "\n\nCrews walked out on Tuesday, the union said.\n", std::nullopt});
    INFO(line);
    REQUIRE(a.date);
    CHECK(a.date->to_string() == "2024-03-06");
  }
  ArticleAnalysis both = analyse_article(
      {"a.txt", "Strike\nUpdated 7 March 2024\nPublished 5 March 2024\n\nCrews walked out.\n", std::nullopt});
  REQUIRE(both.date);
  CHECK(both.date->to_string() == "2024-03-05");
  ArticleAnalysis sentence =
      analyse_article({"a.txt", "Strike\n\nTalks resumed on 6 March 2024\n\nCrews walked out.\n", std::nullopt});
  CHECK(!sentence.date);
}

TEST_CASE("clauses: a plural noun of people before the verb is the subject's head, not a verb") {
  Story story = draft_story({{"a.txt",
                              "Strike\n\nThe talks failed on Monday.\n\nRail workers will strike on Friday. Junior "
                              "doctors struck on Tuesday. Smith heads the panel.\n",
                              monday}});
  const Claim *rail = claim_with(story, "Rail workers will strike");
  const Claim *doctors = claim_with(story, "Junior doctors struck");
  const Claim *heads = claim_with(story, "Smith heads the panel");
  REQUIRE(rail);
  REQUIRE(doctors);
  REQUIRE(heads);
  CHECK(rail->who == "rail-workers");
  CHECK(doctors->who == "junior-doctors");
  CHECK(heads->who == "smith");
}

TEST_CASE("clean: a whole pasted page loses its head and navigation, and its time element is a date line") {
  ArticleAnalysis a = analyse_article(
      {"a.html",
       "<html><head><title>Budget vote | The Paper</title></head><body><nav><a href=\"/\">Home</a> News</nav>"
       "<article><h1>Budget vote</h1><time datetime=\"2024-03-06\">6 March 2024</time><button>Share<svg/></button>"
       "<p>\xE2\x80\x9CWe have the votes,\xE2\x80\x9D Ana Ruiz said.</p></article></body></html>",
       std::nullopt});
  CHECK(a.headline == "Budget vote");
  REQUIRE(a.date);
  CHECK(a.date->to_string() == "2024-03-06");
  REQUIRE(a.quotes.size() == 1);
  CHECK(speaker_name(a, 0) == "Ana Ruiz");
}

TEST_CASE("claims: 'It emerged that X …' is X's claim; the opening 'It' stands for nothing") {
  Story story = draft_story({{"a.txt",
                              "Deal\n\nThe council met on Monday.\n\nIt emerged on Tuesday that the company had paid "
                              "a fine. It is understood that ministers will meet next week.\n",
                              monday}});
  const Claim *paid = claim_with(story, "the company had paid a fine");
  const Claim *meet = claim_with(story, "ministers will meet next week");
  REQUIRE(paid);
  REQUIRE(meet);
  CHECK(paid->who == "company");
  CHECK(meet->who == "ministers");
}

TEST_CASE("entities: a name of two words written twice in a row is one name ('Goldman Sachs Goldman Sachs')") {
  ArticleAnalysis a = analyse_article(
      {"a.txt", "Deal\n\nGoldman Sachs Goldman Sachs advised the board on Monday, Ana Ruiz said.\n", monday});
  bool once =
      std::any_of(a.entities.begin(), a.entities.end(), [](const FoundEntity &e) { return e.name == "Goldman Sachs"; });
  bool twice = std::any_of(a.entities.begin(), a.entities.end(),
                           [](const FoundEntity &e) { return e.name.find("Sachs Goldman") != std::string::npos; });
  CHECK(once);
  CHECK(!twice);
}

TEST_CASE("speakers: a speech verb after 'while' belongs to its own clause, not the quote before it") {
  ArticleAnalysis a = analyse_article({"a.txt",
                                       "Summit\n\nHu Jintao met Barack Obama on Tuesday.\n\nHu said the ties were "
                                       "\xE2\x80\x9Cof great importance\xE2\x80\x9D, while Obama said they were "
                                       "\xE2\x80\x9Cvital\xE2\x80\x9D.\n",
                                       monday});
  REQUIRE(a.quotes.size() == 2);
  CHECK(speaker_name(a, 0) == "Hu Jintao");
  CHECK(speaker_name(a, 1) == "Barack Obama");
}

TEST_CASE("entities: abbreviated police ranks ('Det. Supt.', 'Const.') are titles, not names or sentence ends") {
  ArticleAnalysis a = analyse_article({"a.txt",
                                       "Attack\n\nA man was charged on Monday.\n\n\xE2\x80\x9CIt was a hate "
                                       "crime,\xE2\x80\x9D said Det. Supt. Paul Waight.\n\nConst. Jane Roe said: "
                                       "\xE2\x80\x9CWe are investigating.\xE2\x80\x9D\n",
                                       monday});
  REQUIRE(a.quotes.size() == 2);
  CHECK(speaker_name(a, 0) == "Paul Waight");
  CHECK(speaker_name(a, 1) == "Jane Roe");
}

TEST_CASE("quotes: marks around a name or a label ('the so-called “…”', 'the “Islamic State” group') are no speech") {
  ArticleAnalysis a = analyse_article({"a.txt",
                                       "Attack\n\nA man was charged on Monday.\n\nThe men backed the "
                                       "\xE2\x80\x9CIslamic State\xE2\x80\x9D group, police said. Lynch dismissed "
                                       "the so-called \xE2\x80\x9C"
                                       "final offer\xE2\x80\x9D, the union said. Lynch "
                                       "said the plan was \xE2\x80\x9COrwellian\xE2\x80\x9D.\n\n\xE2\x80\x9C"
                                       "Islamic State\xE2\x80\x9D fighters fled, police said.\n",
                                       monday});
  REQUIRE(a.quotes.size() == 1);
  CHECK(a.quotes[0].quote == "Orwellian");
}

TEST_CASE("dates: 'two days after the attack' counts from the last date said, and with none gives none") {
  Date wednesday = *parse_date("2024-03-06");
  std::vector<FoundDate> none = find_dates("Two days after the attack, Ardern announced the ban.", wednesday);
  CHECK(none.empty());
  std::vector<FoundDate> anchored =
      find_dates("Police raided the offices on March 1. He resigned a day before the raid.", wednesday);
  REQUIRE(anchored.size() == 2);
  CHECK(anchored[1].date.to_string() == "2024-02-29");
  std::vector<FoundDate> later = find_dates("The talks began on Monday. Two days later, they ended.", wednesday);
  REQUIRE(later.size() == 2);
  CHECK(later[1].date.to_string() == "2024-03-06");
}

TEST_CASE("clauses: a participle aside's date is not the clause's ('The ban, announced on Thursday, takes effect …')") {
  Story story = draft_story({{"a.txt",
                              "Ban\n\nThe council met on Monday.\n\nThe ban, announced on Thursday, takes effect on "
                              "April 11. The vote, originally planned for Monday, was postponed.\n",
                              monday}});
  const Claim *ban = claim_with(story, "takes effect on April 11");
  const Claim *vote = claim_with(story, "was postponed");
  REQUIRE(ban);
  REQUIRE(vote);
  CHECK(ban->who == "ban");
  REQUIRE(ban->when);
  CHECK(ban->when->to_string() == "2024-04-11");
  CHECK(vote->who == "vote");
}

TEST_CASE("speakers: 'as X put it' and 'in X's words' credit the quote to X") {
  ArticleAnalysis a = analyse_article({"a.txt",
                                       "Strike\n\nMick Lynch met ministers on Monday.\n\nAs Lynch put it, "
                                       "\xE2\x80\x9Cthe dispute is about respect\xE2\x80\x9D.\n\nIn Lynch's words, "
                                       "\xE2\x80\x9Cnobody wants a strike\xE2\x80\x9D.\n",
                                       monday});
  REQUIRE(a.quotes.size() == 2);
  CHECK(speaker_name(a, 0) == "Mick Lynch");
  CHECK(speaker_name(a, 1) == "Mick Lynch");
}
