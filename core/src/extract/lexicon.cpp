#include "lexicon.hpp"

#include "word_set.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_set>

namespace factcard {
namespace detail {
namespace {

using Words = WordSet;

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// possessive_stripped without a copy.
std::string_view stripped(std::string_view word) {
  for (std::string_view suffix :
       {std::string_view("'s"), std::string_view("\xE2\x80\x99s"), std::string_view("\xCA\xBCs")}) {
    if (word.size() > suffix.size() && word.substr(word.size() - suffix.size()) == suffix)
      return word.substr(0, word.size() - suffix.size());
  }
  return word;
}

} // namespace

// "Putin's", "Putin’s" and "Putinʼs" (the modifier letter some sites type as
// an apostrophe) are looked up as "putin".
std::string possessive_stripped(const std::string &word) {
  for (const char *suffix : {"'s", "\xE2\x80\x99s", "\xCA\xBCs"}) {
    std::string s(suffix);
    if (word.size() > s.size() && word.compare(word.size() - s.size(), s.size(), s) == 0)
      return word.substr(0, word.size() - s.size());
  }
  return word;
}

bool is_speech_verb(std::string_view w) {
  static const Words words = {
      "said",         "says",          "say",       "told",     "tells",      "added",      "adds",
      "warned",       "warns",         "explained", "explains", "stated",     "states",     "noted",
      "notes",        "wrote",         "writes",    "argued",   "argues",     "asked",      "replied",
      "insisted",     "insists",       "continued", "claimed",  "claims",     "announced",  "declared",
      "remarked",     "observed",      "commented", "urged",    "reiterated", "stressed",   "emphasized",
      "emphasised",   "acknowledged",  "admitted",  "conceded", "confirmed",  "cautioned",  "predicted",
      "recalled",     "tweeted",       "posted",    "assured",  "promised",   "vowed",      "suggested",
      "answered",     "maintained",    "concluded", "pointed",  "responded",  "complained", "boasted",
      "countered",    "joked",         "saying",    "telling",  "adding",     "warning",    "explaining",
      "noting",       "reported",      "admits",    "concedes", "reveals",    "revealed",   "pledged",
      "acknowledges", "acknowledging", "insisting", "arguing",  "stressing",  "describes",  "described",
      "testified",    "recalls",       "laments",   "lamented", "quipped",    "pleaded",    "demanded",
      "demands",      "asserted",      "asserts",   "texted",   "chanted",    "shouted",    "exclaimed",
      "retorted",     "recounted",     "continues", "cautions", "stresses",   "urges",      "predicts",
      "shrugged",     "laughed",       "sighed",    "scoffed",  "snapped",    "mused",      "fumed",
      "gushed",       "groaned",       "wondered"};
  return words.count(w) > 0;
}

bool is_courtesy_title(std::string_view w) {
  return w == "mr" || w == "mr." || w == "mrs" || w == "mrs." || w == "ms" || w == "ms." || w == "miss" || w == "mx";
}

bool is_title_word(std::string_view w) {
  static const Words words = {
      "administrator", "cllr", "coun", "councillor", "councilor", "president", "vice", "prime", "minister", "deputy",
      "chancellor", "premier", "king", "queen", "prince", "princess", "senator", "sen.", "governor", "gov.", "mayor",
      "judge", "justice", "general", "gen.", "dr.", "dr", "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "prof.", "professor",
      "pope", "ambassador", "secretary", "secretary-general", "spokesman", "spokeswoman", "spokesperson", "foreign",
      "defense", "defence", "finance", "interior", "justice", "economy", "health", "education", "chief", "executive",
      "director", "chairman", "chairwoman", "chair", "ceo", "coach", "captain", "expert", "former", "lt.", "col.",
      "capt.", "sgt.", "rep.", "representative", "speaker", "commissioner", "attorney", "prosecutor", "head", "leader",
      "officer", "analyst", "lawmaker", "mp", "envoy", "official", "sheriff", "manager", "founder", "inspector",
      // police and military ranks as Canadian and British outlets abbreviate them
      "det.", "supt.", "insp.", "const.", "cst.", "cpl.", "maj.", "adm.", "cmdr.", "coun.", "cllr.", "detective",
      "sergeant", "constable", "superintendent", "corporal"};
  return words.count(w) > 0;
}

bool is_role_noun(std::string_view w) {
  static const Words words = {
      "director", "expert", "fellow", "ambassador", "president", "minister", "spokesman", "spokesperson", "spokeswoman",
      "professor", "analyst", "researcher", "chief", "head", "leader", "official", "chairman", "chairwoman", "ceo",
      "founder", "editor", "negotiator", "lawyer", "judge", "prosecutor", "secretary", "adviser", "advisor", "member",
      "senator", "governor", "mayor", "coach", "captain", "player", "manager", "executive", "economist", "scientist",
      "author", "reporter", "correspondent", "commander", "officer", "diplomat", "activist", "campaigner", "historian",
      "lecturer", "strategist", "consultant", "owner", "chancellor", "premier", "king", "queen", "general", "mp",
      "lawmaker", "deputy", "dean", "principal", "teacher", "doctor", "spokesmen", "officials", "partner", "engineer",
      "investor", "founder", "inspector", "superintendent", "astronaut", "cosmonaut", "commissioner", "striker",
      "midfielder", "goalkeeper", "defender", "trainer", "chair", "source", "sources", "insider", "aide", "ally",
      "official", "witness", "resident", "friend", "colleague", "figure", "boss",
      // unnamed people news quotes: "said one resident", "the family said"
      "family", "relative", "relatives", "neighbour", "neighbor", "passenger", "survivor", "student", "parent",
      "mother", "father", "wife", "husband", "brother", "sister", "son", "daughter", "fan", "supporter", "protester",
      "voter", "worker", "employee", "organiser", "organizer", "volunteer", "nurse", "investigator", "detective",
      "observer", "critic", "residents", "witnesses", "experts", "analysts", "critics", "inspectors", "investigators",
      "uncle", "aunt", "cousin", "nephew", "niece", "grandmother", "grandfather", "grandson", "granddaughter",
      "stepfather", "stepmother", "girlfriend", "boyfriend", "fiancee", "fiance"};
  w = stripped(w);
  // "brother-in-law", "sister-in-law": the kin the phrase names
  const std::string_view in_law = "-in-law";
  if (w.size() > in_law.size() && w.substr(w.size() - in_law.size()) == in_law) w.remove_suffix(in_law.size());
  return words.count(w) > 0;
}

// "residents", "workers", "officials": people in the plural, which a
// sentence never uses as a verb; "heads" and "chairs" are verbs too.
bool is_plural_people_noun(std::string_view w) {
  static const Words verbs_too = {"heads",    "chairs",  "coaches", "captains", "judges", "witnesses",
                                  "partners", "figures", "sources", "bosses",   "shares", "fathers"};
  if (w.size() < 4 || w.back() != 's' || verbs_too.count(w)) return false;
  return is_actor_noun(w) || is_role_noun(w.substr(0, w.size() - 1));
}

// What "It … that" reports without anyone acting: "It emerged that", "It
// became clear that", "It is understood that".
bool is_impersonal_report(std::string_view w) {
  static const Words words = {"emerged",  "clear",   "understood", "revealed", "announced",  "confirmed",
                              "believed", "thought", "reported",   "known",    "transpired", "appears",
                              "appeared", "seems",   "seemed",     "apparent", "evident",    "emerges"};
  return words.count(w) > 0;
}

bool is_document_noun(std::string_view w) {
  static const Words words = {"statement", "report", "letter", "filing",  "release",
                              "notice",    "post",   "tweet",  "document"};
  return words.count(w) > 0;
}

// The word after a figure that scales it ("$3.7bn", "44 billion dollars"): its factor, else 1.
double number_scale(std::string_view w) {
  if (w == "bn" || w == "billion" || w == "b") return 1e9;
  if (w == "m" || w == "mn" || w == "million" || w == "millions") return 1e6;
  if (w == "k" || w == "thousand") return 1e3;
  if (w == "trillion" || w == "tn") return 1e12;
  return 1;
}

bool is_holding_noun(std::string_view w) {
  static const Words words = {"shares", "stock",   "stocks",  "price",    "prices", "value",    "valuation",
                              "profit", "profits", "revenue", "revenues", "sales",  "earnings", "bonds"};
  return words.count(w) > 0;
}

bool is_sub_body_word(std::string_view w) {
  static const Words words = {"board",        "directors",  "trustees",   "committee",  "ministry", "department",
                              "cabinet",      "council",    "office",     "management", "staff",    "employees",
                              "shareholders", "executives", "subsidiary", "division",   "unit",     "branch"};
  return words.count(w) > 0;
}

bool is_org_word(std::string_view w) {
  static const Words words = {
      "air",           "airways",      "labs",        "lab",          "resources",    "athletic",
      "rovers",        "rangers",      "hotspur",     "albion",       "palace",       "dynamo",
      "united",        "wanderers",    "marathon",    "conservatory", "microbiology", "biology",
      "chemistry",     "physics",      "sciences",    "science",      "research",     "patients",
      "workers",       "securities",   "capital",     "industries",   "pharma",       "pharmaceuticals",
      "mining",        "minerals",     "foods",       "solutions",    "ventures",     "studios",
      "records",       "theatre",      "theater",     "orchestra",    "choir",        "church",
      "cathedral",     "trust",        "clinic",      "pharmacy",     "insurance",    "railways",
      "rail",          "telecom",      "software",    "tech",         "technology",   "logistics",
      "shipping",      "steel",        "oil",         "gas",          "power",        "water",
      "health",        "union's",      "brigade",     "regiment",     "battalion",    "squad",
      "team",          "orchestra",    "band",        "court",        "ministry",     "watch",
      "international", "union",        "council",     "assembly",     "embassy",      "government",
      "agency",        "bank",         "company",     "corp",         "corp.",        "inc",
      "inc.",          "ltd",          "ltd.",        "university",   "universiteit", "institute",
      "academy",       "center",       "centre",      "party",        "committee",    "commission",
      "office",        "department",   "times",       "news",         "post",         "journal",
      "organization",  "organisation", "association", "foundation",   "fund",         "group",
      "army",          "forces",       "police",      "club",         "fc",           "league",
      "federation",    "school",       "hospital",    "museum",       "airlines",     "chamber",
      "chambers",      "parliament",   "congress",    "senate",       "tribunal",     "network",
      "alliance",      "coalition",    "authority",   "board",        "bureau",       "service",
      "services",      "press",        "media",       "tv",           "radio",        "society",
      "institution",   "corporation",  "holdings",    "partners",     "labs",         "systems",
      "technologies",  "motors",       "energy",      "gazprom",      "kremlin",      "pentagon",
      "cabinet",       "secretariat",  "prosecutors", "reuters",      "politico",     "tass",
      "afp",           "amnesty",      "rights",      "nations",      "guard",        "navy",
      "directorate",   "inspectorate", "observatory", "laboratory",   "council's"};
  return words.count(stripped(w)) > 0;
}

bool is_place_word(std::string_view w) {
  static const Words words = {"square",   "river",     "lake",     "street",  "avenue",    "road",     "city",
                              "province", "region",    "island",   "islands", "mountains", "mountain", "sea",
                              "ocean",    "gol",       "valley",   "bay",     "park",      "bridge",   "airport",
                              "station",  "county",    "district", "north",   "south",     "east",     "west",
                              "desert",   "peninsula", "palace",   "hall",    "stadium",   "arena",    "plaza",
                              "gulf",     "strait",    "coast",    "state",   "republic",  "kingdom",  "capital"};
  return words.count(stripped(w)) > 0;
}

bool is_conjunction(std::string_view w) {
  static const Words words = {"but", "and", "yet", "so", "then", "however", "meanwhile", "also", "later", ","};
  return words.count(w) > 0;
}

bool is_known_org(std::string_view w) {
  static const Words words = {"kremlin", "icc",  "eu",   "un",       "nato",     "brics",    "who",  "imf",
                              "opec",    "fbi",  "cia",  "pentagon", "politico", "reuters",  "tass", "afp",
                              "ap",      "bbc",  "cnn",  "unesco",   "unicef",   "interpol", "hrw",  "amnesty",
                              "gazprom", "nasa", "fifa", "uefa",     "wto",      "oecd"};
  return words.count(stripped(w)) > 0;
}

bool is_known_place(std::string_view w) {
  static const Words words = {
      "mongolia",  "russia",      "china",       "ukraine",    "japan",      "korea",       "azerbaijan",
      "jordan",    "sudan",       "africa",      "estonia",    "hungary",    "netherlands", "brazil",
      "india",     "france",      "germany",     "italy",      "spain",      "poland",      "britain",
      "england",   "scotland",    "ireland",     "canada",     "mexico",     "australia",   "turkey",
      "iran",      "iraq",        "syria",       "israel",     "egypt",      "kenya",       "nigeria",
      "ethiopia",  "ulaanbaatar", "moscow",      "beijing",    "kyiv",       "kiev",        "washington",
      "london",    "paris",       "berlin",      "brussels",   "hague",      "manchuria",   "europe",
      "asia",      "america",     "baikal",      "selenga",    "siberia",    "crimea",      "geneva",
      "vienna",    "tokyo",       "seoul",       "pyongyang",  "baku",       "pretoria",    "johannesburg",
      "amman",     "khartoum",    "tallinn",     "budapest",   "warsaw",     "rome",        "madrid",
      "lisbon",    "athens",      "oslo",        "stockholm",  "helsinki",   "copenhagen",  "dublin",
      "ottawa",    "sydney",      "delhi",       "mumbai",     "shanghai",   "minsk",       "belarus",
      "georgia",   "armenia",     "kazakhstan",  "uzbekistan", "kyrgyzstan", "tajikistan",  "vietnam",
      "thailand",  "indonesia",   "philippines", "malaysia",   "singapore",  "pakistan",    "afghanistan",
      "saudi",     "qatar",       "emirates",    "lebanon",    "libya",      "tunisia",     "morocco",
      "algeria",   "chile",       "argentina",   "peru",       "colombia",   "venezuela",   "cuba",
      "norway",    "sweden",      "finland",     "denmark",    "austria",    "switzerland", "belgium",
      "portugal",  "greece",      "romania",     "bulgaria",   "serbia",     "croatia",     "latvia",
      "lithuania", "moldova",     "slovakia",    "czechia",    "slovenia",   "zealand",     "us",
      "u.s.",      "uk",          "u.k.",        "usa",        "gobi",       "darkhan",     "erdenet",
      "texas",     "california",  "york",        "chicago",    "boston",     "lyon",        "munich",
      "hamburg",   "milan",       "naples",      "barcelona",  "valencia",   "seville",     "porto",
      "krakow",    "gdansk",      "lagos",       "nairobi",    "cairo",      "dubai",       "doha",
      "riyadh",    "tehran",      "baghdad",     "damascus",   "beirut",     "ankara",      "istanbul",
      "yerevan",   "tbilisi",     "astana",      "almaty",     "tashkent",   "bishkek",     "hanoi",
      "bangkok",   "jakarta",     "manila",      "karachi",    "kabul",      "havana",      "lima",
      "bogota",    "caracas",     "santiago",    "quito"};
  return words.count(stripped(w)) > 0;
}

std::string_view formal_given_name(std::string_view w) {
  // Short forms that stand for one formal name only ("Sam", "Alex", "Pat"
  // stand for two and are left out).
  static const std::pair<const char *, const char *> forms[] = {
      {"bob", "robert"},      {"bobby", "robert"},      {"rob", "robert"},     {"bill", "william"},
      {"billy", "william"},   {"jim", "james"},         {"jimmy", "james"},    {"mike", "michael"},
      {"mick", "michael"},    {"tom", "thomas"},        {"tommy", "thomas"},   {"dick", "richard"},
      {"rick", "richard"},    {"dave", "david"},        {"dan", "daniel"},     {"danny", "daniel"},
      {"joe", "joseph"},      {"chris", "christopher"}, {"matt", "matthew"},   {"tony", "anthony"},
      {"nick", "nicholas"},   {"andy", "andrew"},       {"ben", "benjamin"},   {"ed", "edward"},
      {"ted", "edward"},      {"greg", "gregory"},      {"jeff", "jeffrey"},   {"ken", "kenneth"},
      {"larry", "lawrence"},  {"pete", "peter"},        {"ron", "ronald"},     {"tim", "timothy"},
      {"liz", "elizabeth"},   {"beth", "elizabeth"},    {"jenny", "jennifer"}, {"sue", "susan"},
      {"maggie", "margaret"}, {"charlie", "charles"},   {"chuck", "charles"},  {"fred", "frederick"},
      {"steve", "steven"},    {"doug", "douglas"},      {"don", "donald"},     {"jerry", "gerald"}};
  for (const auto &[short_form, formal] : forms)
    if (w == short_form) return formal;
  return w;
}

bool is_us_state(std::string_view w) {
  // The news agencies' abbreviations (the period is a token of its own when it is not inside one), and the states they
  // spell out.
  static const Words words = {"ala",          "ariz",        "ark",        "calif",
                              "colo",         "conn",        "del",        "fla",
                              "ga",           "ill",         "ind",        "kan",
                              "ky",           "la",          "md",         "mass",
                              "mich",         "minn",        "miss",       "mo",
                              "mont",         "neb",         "nev",        "okla",
                              "ore",          "pa",          "tenn",       "vt",
                              "va",           "wash",        "wis",        "wyo",
                              "n.h.",         "n.j.",        "n.m.",       "n.y.",
                              "n.c.",         "n.d.",        "s.c.",       "s.d.",
                              "r.i.",         "d.c.",        "alaska",     "hawaii",
                              "idaho",        "iowa",        "maine",      "ohio",
                              "texas",        "utah",        "california", "florida",
                              "georgia",      "virginia",    "michigan",   "arizona",
                              "colorado",     "oregon",      "nevada",     "kentucky",
                              "tennessee",    "alabama",     "louisiana",  "minnesota",
                              "wisconsin",    "missouri",    "maryland",   "massachusetts",
                              "pennsylvania", "illinois",    "indiana",    "oklahoma",
                              "kansas",       "nebraska",    "montana",    "wyoming",
                              "vermont",      "connecticut", "delaware"};
  return words.count(w) > 0;
}

bool is_not_name(std::string_view w) {
  static const Words words = {"the",
                              "a",
                              "an",
                              "this",
                              "that",
                              "these",
                              "those",
                              "it",
                              "its",
                              "he",
                              "she",
                              "they",
                              "we",
                              "i",
                              "you",
                              "his",
                              "her",
                              "their",
                              "our",
                              "my",
                              "in",
                              "on",
                              "at",
                              "for",
                              "from",
                              "with",
                              "by",
                              "as",
                              "but",
                              "and",
                              "or",
                              "if",
                              "while",
                              "despite",
                              "however",
                              "although",
                              "though",
                              "under",
                              "after",
                              "before",
                              "during",
                              "since",
                              "until",
                              "both",
                              "like",
                              "unlike",
                              "according",
                              "last",
                              "next",
                              "earlier",
                              "later",
                              "why",
                              "what",
                              "when",
                              "where",
                              "who",
                              "how",
                              "monday",
                              "tuesday",
                              "wednesday",
                              "thursday",
                              "friday",
                              "saturday",
                              "sunday",
                              "january",
                              "february",
                              "march",
                              "april",
                              "may",
                              "june",
                              "july",
                              "august",
                              "september",
                              "october",
                              "november",
                              "december",
                              "sept.",
                              "jan.",
                              "feb.",
                              "mar.",
                              "apr.",
                              "jun.",
                              "jul.",
                              "aug.",
                              "oct.",
                              "nov.",
                              "dec.",
                              "there",
                              "here",
                              "then",
                              "now",
                              "today",
                              "yesterday",
                              "tomorrow",
                              "also",
                              "even",
                              "still",
                              "yet",
                              "so",
                              "thus",
                              "meanwhile",
                              "instead",
                              "then",
                              "not",
                              "no",
                              "yes",
                              "all",
                              "some",
                              "many",
                              "most",
                              "several",
                              "each",
                              "every",
                              "one",
                              "two",
                              "three",
                              "key",
                              "photo",
                              "image",
                              "credit",
                              "war",
                              "cold",
                              "statute",
                              "treaty",
                              "agreement",
                              "act",
                              "law",
                              "convention",
                              "protocol",
                              "plan",
                              "project",
                              "program",
                              "programme",
                              "initiative",
                              "memorandum",
                              "understanding",
                              "summit",
                              "games",
                              "cup",
                              "prize",
                              "award",
                              "festival",
                              "revolution",
                              "global",
                              "western",
                              "eastern",
                              "northern",
                              "southern",
                              "soviet",
                              "pre-trial",
                              "appeals",
                              "articles",
                              "article",
                              "section",
                              "chapter",
                              "page",
                              "contradictions",
                              "embed",
                              "search",
                              "close",
                              "related",
                              "leave",
                              "reply",
                              "comment",
                              "subscribe",
                              "copyright",
                              "original",
                              "url",
                              "breaking",
                              "update",
                              "updated",
                              "read",
                              "more",
                              "share",
                              "follow",
                              "sign",
                              "tpp-3",
                              "covid",
                              "covid-19",
                              "mr",
                              "mrs",
                              "ms",
                              "dr",
                              "to",
                              "of",
                              "is",
                              "was",
                              "are",
                              "were",
                              "be",
                              "has",
                              "have",
                              "had",
                              "will",
                              "would",
                              "could",
                              "should",
                              "can",
                              "did",
                              "do",
                              "does",
                              "after",
                              "about",
                              "over",
                              "into",
                              "against",
                              "among",
                              "between",
                              "through",
                              "within",
                              "without",
                              "around",
                              "near",
                              "across",
                              "along",
                              "behind",
                              "beyond",
                              "toward",
                              "towards",
                              "upon",
                              "via",
                              "per",
                              "than",
                              "because",
                              "whether",
                              "which",
                              "whose",
                              "other",
                              "another",
                              "such",
                              "only",
                              "just",
                              "very",
                              "much",
                              "own",
                              "same",
                              "new",
                              "old",
                              "first",
                              "second",
                              "third",
                              "any",
                              "ahead",
                              "following",
                              "any",
                              "few",
                              "more",
                              "less",
                              "former",
                              "late",
                              "early"};
  return words.count(w) > 0;
}

bool is_nationality(std::string_view w) {
  static const Words words = {
      "russian",   "mongolian",   "ukrainian", "american",   "chinese",  "british",   "french",    "german",
      "japanese",  "korean",      "sudanese",  "hungarian",  "estonian", "dutch",     "south",     "african",
      "brazilian", "indian",      "italian",   "spanish",    "polish",   "canadian",  "mexican",   "australian",
      "turkish",   "iranian",     "iraqi",     "syrian",     "israeli",  "egyptian",  "kenyan",    "nigerian",
      "european",  "azerbaijani", "jordanian", "belarusian", "georgian", "kazakh",    "u.s.",      "us",
      "uk",        "eu",          "un",        "soviet",     "finnish",  "swedish",   "norwegian", "danish",
      "austrian",  "swiss",       "belgian",   "portuguese", "greek",    "romanian",  "czech",     "serbian",
      "croatian",  "irish",       "scottish",  "welsh",      "english",  "pakistani", "afghan",    "saudi",
      "qatari",    "kremlin",     "white",     "house",      "state",    "federal",   "national",  "regional",
      "local",     "city"};
  return words.count(w) > 0;
}

bool is_pronoun(std::string_view w) { return w == "he" || w == "she"; }

bool is_chrome_line(std::string_view w) {
  static constexpr std::string_view exact[] = {"search",
                                               "close this search box.",
                                               "menu",
                                               "home",
                                               "share",
                                               "print",
                                               "email",
                                               "advertisement",
                                               "back to top",
                                               "related articles",
                                               "related posts",
                                               "related",
                                               "leave a comment",
                                               "leave a reply",
                                               "key points",
                                               "embed:",
                                               "embed",
                                               "original url:",
                                               "skip to content",
                                               "tweet",
                                               "comments"};
  for (std::string_view e : exact) {
    if (w == e) return true;
  }
  static constexpr std::string_view prefixes[] = {"copyright",
                                                  "\xC2\xA9",
                                                  "all rights reserved",
                                                  "subscribe",
                                                  "sign up",
                                                  "enter your email",
                                                  "your email address",
                                                  "required fields",
                                                  "follow us",
                                                  "share this",
                                                  "share on",
                                                  "click here",
                                                  "read more",
                                                  "posted in",
                                                  "filed under",
                                                  "tags:",
                                                  "photo:",
                                                  "image credit",
                                                  "(photo",
                                                  "(image",
                                                  "original url",
                                                  "pic.twitter.com",
                                                  "newsletter",
                                                  "by [",
                                                  "published by",
                                                  "back to",
                                                  "listen to this"};
  for (std::string_view p : prefixes) {
    if (starts_with(w, p)) return true;
  }
  static constexpr std::string_view inside[] = {"minute read",
                                                "min read",
                                                "no comments on",
                                                "photo:",
                                                "image credit",
                                                "(photo:",
                                                "/ afp",
                                                "/ tass",
                                                "/ reuters",
                                                "/ ap",
                                                "getty images",
                                                "all rights reserved",
                                                "(\xD1\x84\xD0\xBE\xD1\x82\xD0\xBE:",
                                                "\xC2\xA9"};
  for (std::string_view p : inside) {
    if (w.find(p) != std::string::npos) return true;
  }
  return false;
}

bool is_footer_line(std::string_view w) {
  return w == "related articles" || w == "related posts" || w == "leave a comment" || w == "leave a reply" ||
         starts_with(w, "copyright") || starts_with(w, "\xC2\xA9") || w == "original url:";
}

// clang-format off
bool is_auxiliary(std::string_view w) {
  static const Words words = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
    "may", "might", "must", "shall", "should", "did", "does", "do", "won't", "wouldn't", "didn't", "hasn't",
    "haven't", "wasn't", "isn't", "aren't", "weren't", "can't", "cannot", "doesn't", "don't", "couldn't",
    "shouldn't", "hadn't", "mustn't"};
  if (words.count(w)) return true;
  // The same with a typographic apostrophe: "didn’t".
  static const std::string_view curly = "\xE2\x80\x99";
  std::size_t at = w.find(curly);
  if (at == std::string_view::npos) return false;
  std::string plain(w.substr(0, at));
  plain += '\'';
  plain += w.substr(at + curly.size());
  return words.count(plain) > 0;
}

bool is_irregular_past(std::string_view w) {
  static const Words words = {"said", "told", "won", "beat", "lost", "met", "went", "came", "took", "made", "gave",
    "held", "began", "struck", "hit", "sold", "bought", "paid", "left", "led", "rose", "fell", "sent", "spent",
    "brought", "found", "thought", "became", "ran", "shook", "chose", "drew", "fought", "kept", "set", "put", "cut",
    "quit", "knew", "grew", "saw", "wrote", "spoke", "flew", "stood", "sat", "built", "felt", "heard", "meant", "got",
    "let", "shut", "spread", "swept", "threw", "broke", "drove", "rode", "sank", "stole", "swore", "withdrew",
    "overtook", "upheld", "overcame", "forgave", "sought", "taught", "caught", "bore", "dealt", "lit", "slid",
    "sprang", "swung", "underwent", "wound", "tore", "woke", "wore", "bid", "hung", "led", "lent", "shot", "slept",
    "burst", "cast", "cost", "hurt", "split", "upset", "froze", "dug", "fed", "fled", "stuck", "spun", "rebuilt",
    "overthrew", "undertook", "withheld", "arose", "blew", "bent", "clung", "hid", "leapt", "sped", "strode", "wept",
    "forgot", "drank", "ate", "swam", "rang", "sang", "shrank", "oversaw", "foresaw", "mistook"};
  return words.count(w) > 0;
}

bool is_not_verb(std::string_view w) {
  static const Words words = {"hundred", "red", "bed", "need", "speed", "seed", "indeed", "feed", "greed", "shed",
    "sacred", "naked", "wicked", "rugged", "ragged", "kindred", "breed", "deed", "wed", "embed", "bled",
    "thousands", "hundreds", "millions", "billions", "years", "days", "months", "weeks", "hours", "minutes", "news",
    "politics", "this", "his", "its", "as", "us", "yes", "less", "unless", "always", "perhaps",
    "across", "thus", "plus", "various", "previous", "serious", "famous", "numerous", "its", "series", "species"};
  return words.count(w) > 0;
}

bool is_plural_present(std::string_view w) {
  // "Ministers believe", "Analysts expect", "Officials fear": verbs of
  // stance and report in the plural present, whose base form is rarely a
  // noun a plural could stand before.
  static const Words words = {"believe", "expect", "fear", "hope", "warn", "know", "think", "argue", "insist",
    "estimate", "predict", "suspect", "doubt", "accuse", "deny", "oppose", "urge", "agree", "disagree", "remain",
    "continue", "plan", "intend", "want", "worry", "say", "claim", "contend", "maintain", "acknowledge", "admit"};
  return words.count(w) > 0;
}

bool is_partitive(std::string_view w) {
  static const Words words = {"dozens", "hundreds", "thousands", "millions", "scores", "tens",     "some",
                              "many",   "most",     "several",   "handful",  "group",  "crowd",    "number",
                              "couple", "lot",      "lots",      "majority", "minority", "members", "rest"};
  return words.count(w) > 0;
}

bool is_subordinator(std::string_view w) {
  static const Words words = {"after", "before", "because", "since", "although", "though", "until", "while", "as",
    "whereas", "which", "who", "whom", "whose", "where", "when", "if", "unless", "once", "whether"};
  return words.count(w) > 0;
}

bool is_preposition(std::string_view w) {
  static const Words words = {"of", "in", "for", "at", "on", "from", "by", "with", "to", "into", "onto", "about",
    "against", "over", "under", "between", "among", "through", "during", "near", "like", "than", "via", "per",
    "including", "within", "without", "toward", "towards", "outside", "inside", "despite", "upon", "amid",
    "across", "along", "beyond", "behind", "throughout", "alongside", "unlike", "beside", "besides"};
  return words.count(w) > 0;
}

bool is_stopword(std::string_view w) {
  static const Words words = {"the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from",
    "by", "with", "as", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
    "can", "could", "may", "might", "must", "shall", "should", "do", "does", "did", "that", "this", "these", "those",
    "it", "its", "he", "she", "they", "them", "his", "her", "their", "we", "our", "you", "i", "me", "my", "not",
    "no", "so", "than", "then", "there", "here", "also", "just", "into", "about", "after", "before", "over",
    "said", "says", "say", "told", "tells", "according", "who", "which", "what", "when", "where", "while", "more",
    "most", "some", "any", "all", "one", "two", "its", "s", "mr", "mrs", "ms", "dr", "up", "out", "if", "now",
    "new", "very", "such", "other", "only", "being", "both", "each", "per", "cent", "percent", "added", "around",
    "about", "nearly", "almost", "approximately", "roughly", "some", "least", "off", "away", "onto", "upon",
    "toward", "towards", "him", "himself", "herself", "themselves", "us", "your", "despite", "although", "though",
    "however", "because", "until", "during", "still", "even", "yet", "including", "time", "times"};
  return words.count(w) > 0;
}

bool is_sentence_adverb(std::string_view w) {
  static const Words words = {"however", "meanwhile", "notably", "separately", "still", "also", "then", "now",
    "instead", "finally", "earlier", "later", "previously", "additionally", "moreover", "nevertheless",
    "nonetheless", "overall", "initially", "eventually", "ultimately", "currently", "recently", "similarly",
    "likewise", "consequently", "thus", "therefore", "indeed", "crucially", "importantly", "ironically",
    "officially", "yesterday", "today", "tonight", "elsewhere", "afterwards", "afterward", "subsequently"};
  return words.count(w) > 0;
}

bool is_clause_qualifier(std::string_view w) {
  static const Words words = {"shortly", "just", "soon", "long", "even", "only", "right", "immediately", "hours",
    "days", "weeks", "months", "years", "minutes", "moments", "not"};
  return words.count(w) > 0;
}

bool is_speech_noun(std::string_view w) {
  static const Words words = {"warning", "warnings", "claim", "claims", "remark", "remarks", "comment", "comments",
    "statement", "assertion", "insistence", "description", "accusation", "admission", "suggestion", "promise",
    "pledge", "vow", "threat", "boast", "complaint", "prediction", "tweet", "post", "message", "words"};
  return words.count(w) > 0;
}

bool is_actor_noun(std::string_view w) {
  static const Words words = {"police", "officials", "authorities", "government", "company", "firm", "board",
    "jury", "judge", "prosecutors", "court", "union", "ministry", "army", "military", "rescuers", "investigators",
    "regulators", "lawmakers", "parliament", "council", "agency", "group", "team", "club", "party", "workers",
    "members", "voters", "residents", "protesters", "players", "fans", "shares", "shareholders", "investors",
    "scientists", "researchers", "doctors", "administration", "cabinet", "senate", "congress", "committee"};
  return words.count(w) > 0;
}
// clang-format on

} // namespace detail
} // namespace factcard
