// Given names that are nearly always one gender, so that "she said" after
// "Jane Smith ... with Tom Reed" is Jane Smith. Names that are given to both
// ("Alex", "Jordan", "Sasha", "Andrea") are left out: an unknown gender
// agrees with any pronoun. Common in English-language news, and the names of
// public figures it quotes most.
#include "lexicon.hpp"

#include "word_set.hpp"

namespace factcard {
namespace detail {

Gender given_name_gender(std::string_view w) {
  // clang-format off
  static const WordSet female = {
      "abigail", "ada", "agnes", "aisha", "alice", "alicia", "alison", "amanda", "amber", "amelia", "amy", "ana",
      "angela", "angelina", "ann", "anna", "anne", "annalena", "annette", "antonia", "barbara", "beatrice", "beth",
      "betty", "brenda", "bridget", "carla", "carmen", "carol", "caroline", "catherine", "charlotte",
      "chloe", "christina", "christine", "claire", "claudia", "cynthia", "daphne", "deborah", "denise", "diana",
      "diane", "donna", "dorothy", "elena", "elisabeth", "elizabeth", "ella", "ellen", "emily", "emma", "eva", "eve",
      "fatima", "fiona", "frances", "francesca", "gabriela", "giorgia", "grace", "hannah", "heather", "helen",
      "helena", "hillary", "ilhan", "ingrid", "irene", "isabel", "isabella", "jacinda", "jane", "janet", "jennifer",
      "jessica", "joan", "joanna", "josephine", "joyce", "judith", "judy", "julia", "julie", "karen", "kate",
      "katherine", "kathleen", "kathryn", "katie", "kelly", "kemi", "kristi", "kristina", "laura", "lauren", "lena",
      "linda", "lisa", "liz", "liza", "lucy", "lydia", "margaret", "maria", "marie", "marina", "marine", "marta",
      "martha", "mary", "megan", "melania", "melissa", "mia", "michelle", "monica", "nadia", "nancy", "natalia",
      "natalie", "nicola", "nicole", "nikki", "olga", "olivia", "pamela", "patricia", "paula", "penny", "priya",
      "rachel", "rebecca", "rosa", "rose", "ruth", "sandra", "sara", "sarah", "sharon", "sophia", "sophie",
      "stephanie", "susan", "suzanne", "svetlana", "tatiana", "teresa", "theresa", "tulsi", "ursula", "valerie",
      "vanessa", "victoria", "virginia", "wendy", "yulia", "zoe"};
  static const WordSet male = {
      "aaron", "abdul", "adam", "ahmed", "alan", "albert", "alberto", "alejandro", "alexander", "alexei", "ali",
      "andrew", "andrei", "angus", "anthony", "antonio", "antony", "arthur", "barack", "ben", "benjamin", "bernard",
      "bill", "bob", "boris", "brian", "bruce", "carl", "carlos", "charles", "chris", "christian", "christopher",
      "colin", "craig", "daniel", "david", "dennis", "dmitry", "donald", "doug", "douglas", "edward", "elon", "emmanuel",
      "eric", "frank", "fred", "gary", "george", "gerald", "giorgos", "gordon", "greg", "gregory", "harry", "henry",
      "hugh", "ian", "isaac", "ivan", "jack", "jacob", "james", "jason", "javier", "jeff", "jeffrey",
      "jeremy", "jerome", "jim", "joe", "john", "jonathan", "jorge", "jose", "joseph", "juan", "justin", "keir",
      "keith", "ken", "kenneth", "kevin", "kurt", "larry", "liam", "luis", "marco", "mark", "martin",
      "matthew", "max", "michael", "miguel", "mike", "mohammed", "muhammad", "narendra", "neil", "nicholas", "nick",
      "olaf", "oliver", "omar", "patrick", "paul", "pedro", "peter", "philip", "pierre", "rahul", "ramesh", "raymond",
      "richard", "rick", "rishi", "robert", "roger", "ron", "ronald", "ryan", "samuel", "scott", "sean", "sebastian",
      "sergei", "sergey", "simon", "stephen", "steve", "steven", "stuart", "thomas", "tim", "timothy", "tom", "tony",
      "vladimir", "volodymyr", "walter", "wayne", "william", "yuri"};
  // clang-format on
  if (female.count(w)) return Gender::female;
  if (male.count(w)) return Gender::male;
  return Gender::unknown;
}

Gender courtesy_title_gender(std::string_view w) {
  if (w == "mr" || w == "mr.") return Gender::male;
  if (w == "ms" || w == "ms." || w == "mrs" || w == "mrs." || w == "miss") return Gender::female;
  return Gender::unknown;
}

Gender pronoun_gender(std::string_view w) {
  if (w == "he" || w == "him" || w == "his" || w == "himself") return Gender::male;
  if (w == "she" || w == "her" || w == "hers" || w == "herself") return Gender::female;
  return Gender::unknown;
}

} // namespace detail
} // namespace factcard
