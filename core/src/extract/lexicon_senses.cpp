// Words that news writers use for one another when they report the same
// event: outlets paraphrase ("convicted" / "found guilty", "bought" /
// "acquired", "killed" / "died"), so "the same fact" compares senses, not
// spellings. Each class is one sense of English news vocabulary; a word that
// has two common senses ("title", "state", "lifted") is left out, because
// a wrong merge is worse than a missed one. A class of things ("#jury") is
// marked apart from a class of actions ("=win"): two facts about the same
// things are one fact only when they also share an action.
#include "lexicon.hpp"

#include "word_set.hpp"

#include <unordered_map>

namespace factcard {
namespace detail {
namespace {

struct Sense {
  const char *name;
  std::initializer_list<const char *> words;
};

// clang-format off
const Sense senses[] = {
    {"win", {"win", "wins", "won", "winning", "winner", "winners", "victory", "victories", "victorious", "beat",
             "beats", "beaten", "beating", "defeated", "triumph", "triumphed"}},
    {"lose", {"lose", "loses", "lost", "losing", "loss", "losses", "loser"}},
    {"guilty", {"guilty", "convicted", "convict", "convicts", "conviction", "convictions", "acquitted", "acquit",
                "acquits", "acquittal"}},
    {"#charge", {"charge", "charges", "charged", "count", "counts"}},
    {"#fraud", {"fraud", "frauds", "defraud", "defrauded", "defrauding", "fraudulent"}},
    {"#jury", {"jury", "juries", "juror", "jurors"}},
    {"#prison", {"prison", "jail", "jailed", "imprisoned", "imprisonment"}},
    {"buy", {"buy", "buys", "bought", "buying", "purchase", "purchased", "purchases", "acquire", "acquired",
             "acquires", "acquiring", "acquisition", "takeover"}},
    {"sell", {"sell", "sells", "sold", "selling", "sale"}},
    {"#deal", {"deal", "deals", "agreement", "agreements", "accord", "pact"}},
    {"death", {"dead", "death", "deaths", "die", "died", "dies", "dying", "kill", "killed", "kills", "killing",
               "fatalities", "fatality", "perished"}},
    {"injure", {"injured", "injuries", "injury", "injuring", "wounded", "wounding"}},
    {"#quake", {"quake", "quakes", "earthquake", "earthquakes", "tremor", "temblor"}},
    {"collapse", {"collapse", "collapsed", "collapses", "collapsing", "toppled", "crumbled", "flattened"}},
    {"arrest", {"arrest", "arrested", "arrests", "arresting", "detain", "detained", "detaining", "detention"}},
    {"rise", {"rise", "rises", "rose", "risen", "rising", "jumped", "climbed", "surged", "soared", "gained",
              "increase", "increased", "increases"}},
    {"fall", {"fall", "falls", "fell", "fallen", "falling", "dropped", "plunged", "slid", "tumbled", "declined"}},
    {"resign", {"resign", "resigned", "resigns", "resignation", "quit", "quits"}},
    {"elect", {"elect", "elected", "election", "elections", "reelected", "reelection"}},
    {"pledge", {"pledge", "pledged", "pledges", "vow", "vowed", "vows", "promise", "promised", "promises"}},
    {"send", {"send", "sent", "sends", "dispatch", "dispatched", "deploy", "deployed"}},
    {"ban", {"ban", "bans", "banned", "banning", "prohibit", "prohibited", "outlaw", "outlawed"}},
    {"cancel", {"cancel", "cancelled", "canceled", "cancels", "scrapped", "scrap"}},
    {"strike", {"strike", "strikes", "striking", "walkout", "walkouts", "stoppage", "stoppages"}},
    {"cut", {"cut", "cuts", "cutting", "reduce", "reduced", "reduces", "reduction", "slashed"}},
    {"attack", {"attack", "attacks", "attacked", "attacking", "shooting", "shootings", "massacre"}},
    {"investigate", {"investigate", "investigated", "investigating", "investigation", "investigations", "probe"}},
    {"release", {"release", "released", "releases", "freed"}},
    {"#weapon", {"weapon", "weapons", "gun", "guns", "firearm", "firearms", "rifle", "rifles"}},
    {"#worker", {"worker", "workers", "employee", "employees", "staff"}},
    {"#pay", {"pay", "wage", "wages", "salary", "salaries"}},
    {"#law", {"law", "laws", "legislation"}},
    {"#offer", {"offer", "offers", "offered", "proposal", "proposals"}},
    {"#protest", {"protest", "protests", "protesters", "protestors", "demonstrators", "demonstration",
                  "demonstrations", "rally", "rallies"}},
    {"#storm", {"storm", "storms", "hurricane", "typhoon", "cyclone"}},
    {"#fire", {"fire", "fires", "blaze", "blazes", "wildfire", "wildfires", "flames"}},
    {"#company", {"company", "companies", "firm", "firms"}},
    {"#stock", {"share", "shares", "stock", "stocks"}},
    {"visit", {"visit", "visits", "visited", "visiting", "trip", "trips", "travel", "travels", "traveled",
               "travelled", "traveling", "travelling"}},
    {"#country", {"country", "countries", "nation", "nations"}},
    {"meet", {"meet", "meets", "met", "meeting", "talks"}},
    {"vote", {"vote", "votes", "voted", "ballot", "ballots"}},
    {"celebrate", {"celebrate", "celebrated", "celebrating", "celebration", "celebrations", "cheered", "cheering"}},
    {"begin", {"begin", "began", "begun", "begins", "start", "started", "starts"}},
    {"end", {"end", "ended", "ends", "ending", "concluded"}},
    {"criticise", {"criticise", "criticised", "criticize", "criticized", "condemned", "condemn", "slammed"}},
    {"#concern", {"concern", "concerns", "concerned", "worry", "worries", "worried", "fear", "fears", "feared"}},
    {"arrive", {"arrive", "arrived", "arrives", "arriving", "arrival"}},
    {"confirm", {"confirm", "confirmed", "confirms", "confirmation", "verified"}},
    {"#child", {"child", "children", "kids", "minors"}},
    {"#member", {"member", "members", "membership", "signatory", "signatories"}},
    {"evacuate", {"evacuate", "evacuated", "evacuation", "evacuations", "fled", "flee", "fleeing"}},
    {"#rubble", {"rubble", "debris", "wreckage"}},
    {"destroy", {"destroy", "destroyed", "destroys", "razed", "demolished", "levelled", "leveled"}},
    {"#launch", {"launch", "launches", "launched", "launching", "liftoff", "blastoff"}},
    {"#astronaut", {"astronaut", "astronauts", "cosmonaut", "cosmonauts"}},
};
// clang-format on

} // namespace

std::string news_sense(const std::string &w) {
  static const std::unordered_map<std::string, std::string> index = [] {
    std::unordered_map<std::string, std::string> out;
    for (const Sense &sense : senses)
      for (const char *word : sense.words)
        out.emplace(word, sense.name[0] == '#' ? std::string(sense.name) : std::string("=") + sense.name);
    return out;
  }();
  auto found = index.find(w);
  return found == index.end() ? std::string() : found->second;
}

Negation negation_of(const std::string &w) {
  static const std::unordered_map<std::string, Negation> words = {
      {"not", Negation::following},     {"no", Negation::following},       {"never", Negation::following},
      {"nor", Negation::following},     {"without", Negation::following},  {"cannot", Negation::following},
      {"cant", Negation::following},    {"dont", Negation::following},     {"didnt", Negation::following},
      {"doesnt", Negation::following},  {"isnt", Negation::following},     {"wasnt", Negation::following},
      {"arent", Negation::following},   {"werent", Negation::following},   {"hasnt", Negation::following},
      {"havent", Negation::following},  {"hadnt", Negation::following},    {"couldnt", Negation::following},
      {"wouldnt", Negation::following}, {"shouldnt", Negation::following}, {"wont", Negation::following},
      {"denied", Negation::following},  {"denies", Negation::following},   {"rejected", Negation::following},
      {"rejects", Negation::following}, {"avoided", Negation::following},  {"avoids", Negation::following},
      {"refused", Negation::following}, {"refuses", Negation::following},  {"unable", Negation::following},
      {"acquitted", Negation::itself},  {"acquit", Negation::itself},      {"acquits", Negation::itself},
      {"acquittal", Negation::itself}};
  auto found = words.find(w);
  return found == words.end() ? Negation::none : found->second;
}

bool is_month_name(std::string_view w) {
  static const WordSet months = {"january",   "february", "march",    "april",    "may",  "june", "july", "august",
                                 "september", "october",  "november", "december", "jan",  "feb",  "mar",  "apr",
                                 "jun",       "jul",      "aug",      "sep",      "sept", "oct",  "nov",  "dec"};
  return months.count(w) > 0;
}

bool is_dateline_word(std::string_view w) {
  static const WordSet words = {
      "published", "updated", "posted", "modified", "last",      "first",    "on",     "at",       "date",  "am",
      "pm",        "a.m.",    "p.m.",   "gmt",      "bst",       "utc",      "et",     "est",      "edt",   "ct",
      "cst",       "cdt",     "pt",     "pst",      "pdt",       "cet",      "cest",   "ist",      "aest",  "aedt",
      "nzst",      "nzdt",    "mon",    "tue",      "tues",      "wed",      "thu",    "thur",     "thurs", "fri",
      "sat",       "sun",     "monday", "tuesday",  "wednesday", "thursday", "friday", "saturday", "sunday"};
  return words.count(w) > 0;
}

} // namespace detail
} // namespace factcard
