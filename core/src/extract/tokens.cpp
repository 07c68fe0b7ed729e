#include "tokens.hpp"

#include <algorithm>

namespace factcard {
namespace detail {
namespace {

bool ascii_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool digit(unsigned char c) { return c >= '0' && c <= '9'; }
// ASCII lower case, as std::tolower in the "C" locale, without the call.
char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Length of the UTF-8 letter at `i` (Latin-1 Supplement, Latin Extended,
// Cyrillic, ...), or 0 when it is punctuation or space.
std::size_t letter_length(std::string_view s, std::size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (ascii_alpha(c) || digit(c)) return 1;
  if (c < 0xC0) return 0;
  std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  if (i + n > s.size()) return 0;
  if (c == 0xE2 || c == 0xC2) return 0; // general punctuation, NBSP, quotes, dashes, Latin-1 symbols
  if (c == 0xC3 && (static_cast<unsigned char>(s[i + 1]) == 0x97 || static_cast<unsigned char>(s[i + 1]) == 0xB7))
    return 0;                           // × ÷
  if (c == 0xEF || c == 0xF0) return 0; // BOM, emoji
  return n;
}

bool upper_at(std::string_view s, std::size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c >= 'A' && c <= 'Z') return true;
  if (c == 0xC3 && i + 1 < s.size()) return static_cast<unsigned char>(s[i + 1]) < 0x9F; // À..Þ
  if ((c == 0xC4 || c == 0xC5) && i + 1 < s.size()) return (static_cast<unsigned char>(s[i + 1]) & 1) == 0;
  if (c == 0xD0 && i + 1 < s.size()) return static_cast<unsigned char>(s[i + 1]) < 0xB0; // Cyrillic А..Я, Ѐ..Џ
  return false;
}

constexpr std::string_view abbreviations[] = {
    "mr.",  "mrs.", "ms.",     "dr.",   "prof.", "st.",  "jr.",   "sr.",   "gen.",  "lt.",    "col.", "capt.",
    "sgt.", "gov.", "sen.",    "rep.",  "rev.",  "no.",  "vs.",   "etc.",  "inc.",  "ltd.",   "co.",  "corp.",
    "jan.", "feb.", "mar.",    "apr.",  "jun.",  "jul.", "aug.",  "sep.",  "sept.", "oct.",   "nov.", "dec.",
    "mon.", "tue.", "wed.",    "thu.",  "fri.",  "sat.", "sun.",  "u.s.",  "u.k.",  "u.n.",   "e.g.", "i.e.",
    "a.m.", "p.m.", "approx.", "dept.", "est.",  "fig.", "det.",  "supt.", "insp.", "const.", "cst.", "cpl.",
    "maj.", "adm.", "cmdr.",   "coun.", "cllr.", "hon.", "atty.", "pte."};

bool is_closing_quote_at(std::string_view s, std::size_t i, std::size_t &length) {
  if (s[i] == '"' || s[i] == '\'') {
    length = 1;
    return true;
  }
  if (s.compare(i, 3, "\xE2\x80\x9D") == 0 || s.compare(i, 3, "\xE2\x80\x99") == 0) {
    length = 3;
    return true;
  }
  return false;
}

bool sentence_start_at(std::string_view s, std::size_t i) {
  if (i >= s.size()) return true;
  if (upper_at(s, i) || digit(static_cast<unsigned char>(s[i]))) return true;
  return s[i] == '"' || s.compare(i, 3, "\xE2\x80\x9C") == 0 || s.compare(i, 3, "\xE2\x80\x98") == 0;
}

// "They'll", "we're", "you've": a pronoun and the auxiliary it carries, as
// two tokens, so that "They'll stay" has a subject and a verb like "They
// will stay". The auxiliary's `lower` is the full word.
void split_contraction(std::vector<Token> &tokens) {
  static constexpr std::pair<std::string_view, std::string_view> endings[] = {
      {"'ll", "will"}, {"\xE2\x80\x99ll", "will"}, {"'re", "are"}, {"\xE2\x80\x99re", "are"},
      {"'ve", "have"}, {"\xE2\x80\x99ve", "have"}};
  static constexpr std::string_view pronouns[] = {"i", "you", "we", "they", "he", "she", "it", "who", "that", "there"};
  Token &t = tokens.back();
  for (const auto &[ending, full] : endings) {
    std::size_t cut = t.lower.size() - std::min(t.lower.size(), ending.size());
    std::string_view head = std::string_view(t.lower).substr(0, cut);
    if (cut == 0 || std::string_view(t.lower).substr(cut) != ending ||
        std::none_of(std::begin(pronouns), std::end(pronouns), [&](std::string_view p) { return p == head; }))
      continue;
    Token aux;
    aux.begin = t.begin + cut;
    aux.end = t.end;
    aux.word = true;
    aux.text = TokenText(t.text.substr(cut));
    aux.lower = TokenText(std::string(full));
    t.end = aux.begin;
    t.text = TokenText(t.text.substr(0, cut));
    t.lower = TokenText(std::string(head));
    tokens.push_back(std::move(aux));
    return;
  }
}

} // namespace

bool is_dash(std::string_view text) { return text == "\xE2\x80\x93" || text == "\xE2\x80\x94"; }

bool is_abbreviation(std::string_view word) {
  return std::any_of(std::begin(abbreviations), std::end(abbreviations), [&](std::string_view a) { return word == a; });
}

std::string trim(std::string_view text) {
  std::size_t b = 0, e = text.size();
  auto space = [&](std::size_t i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  };
  while (b < e && space(b)) ++b;
  while (e > b && space(e - 1)) --e;
  return std::string(text.substr(b, e - b));
}

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> tokens;
  tokens.reserve(s.size() / 4 + 1);
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    Token t;
    t.begin = i;
    std::size_t n = letter_length(s, i);
    if (n == 0) {
      std::size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      i = std::min(s.size(), i + len);
    } else {
      t.word = true;
      t.capitalized = upper_at(s, i);
      while (i < s.size()) {
        std::size_t m = letter_length(s, i);
        if (m > 0) {
          i += m;
          continue;
        }
        // Inner apostrophes and hyphens join words: "al-Bashir", "Putin's".
        bool joiner = s[i] == '-' || s[i] == '\'' || s.compare(i, 3, "\xE2\x80\x99") == 0;
        std::size_t jl = s[i] == '-' || s[i] == '\'' ? 1 : 3;
        if (joiner && i + jl < s.size() && letter_length(s, i + jl) > 0) {
          i += jl;
          continue;
        }
        // Periods inside abbreviations ("U.S.") or after known ones ("Sept.").
        if (s[i] == '.') {
          std::string word(s.substr(t.begin, i + 1 - t.begin));
          std::string lower = word;
          for (char &ch : lower) ch = lower_ascii(ch);
          bool inner = i + 1 < s.size() && ascii_alpha(static_cast<unsigned char>(s[i + 1])) && i + 2 <= s.size() &&
                       (i + 2 == s.size() || s[i + 2] == '.');
          if (inner || is_abbreviation(lower)) {
            ++i;
            continue;
          }
        }
        break;
      }
    }
    t.end = i;
    t.text = TokenText(std::string(s.substr(t.begin, t.end - t.begin)));
    t.lower = t.text;
    for (char &ch : t.lower) ch = lower_ascii(ch);
    t.number = t.word &&
               std::all_of(t.text.begin(), t.text.end(), [](char ch) { return digit(static_cast<unsigned char>(ch)); });
    bool apostrophe = t.word && t.text.size() > 3 && t.text.find_first_of("'\x99") != std::string::npos;
    tokens.push_back(std::move(t));
    if (apostrophe) split_contraction(tokens);
  }
  return tokens;
}

std::vector<std::vector<Token>> tokens_of_parts(std::vector<Token> &&text_tokens, std::string_view text,
                                                const std::vector<std::size_t> &begin,
                                                const std::vector<std::size_t> &size) {
  // The tokenizer looks a few bytes past a token's end (a joiner and the
  // letter after it, "U.S."): a token that ends this close to its part's end
  // may differ from the part's own, and is tokenized again with the rest.
  constexpr std::size_t lookahead = 8;
  std::vector<std::vector<Token>> out(begin.size());
  std::size_t k = 0;
  for (std::size_t p = 0; p < begin.size(); ++p) {
    const std::size_t from = begin[p], to = from + size[p];
    while (k < text_tokens.size() && text_tokens[k].begin < from) ++k;
    std::size_t again = 0; // where tokenize(part) takes over, from the part's start
    // A token of the text that runs into the part (bytes that are no UTF-8): the part's own.
    if (k == 0 || text_tokens[k - 1].end <= from) {
      std::size_t last = k;
      while (last < text_tokens.size() && text_tokens[last].begin < to && text_tokens[last].end + lookahead <= to)
        ++last;
      out[p].reserve(last - k + 2);
      for (; k < last; ++k) {
        out[p].push_back(std::move(text_tokens[k]));
        out[p].back().begin -= from;
        out[p].back().end -= from;
      }
      again = k < text_tokens.size() && text_tokens[k].begin < to ? text_tokens[k].begin - from : size[p];
    }
    for (Token &t : tokenize(text.substr(from + again, size[p] - again))) {
      t.begin += again;
      t.end += again;
      out[p].push_back(std::move(t));
    }
  }
  return out;
}

std::vector<std::string> tokenize_words(std::string_view text) {
  std::vector<std::string> words;
  for (const Token &t : tokenize(text))
    if (t.word) words.push_back(t.lower);
  return words;
}

std::vector<Bounds> split_sentences(std::string_view s) {
  std::vector<Bounds> out;
  std::size_t start = 0;
  auto push = [&](std::size_t end) {
    std::string piece = trim(s.substr(start, end - start));
    if (!piece.empty()) {
      std::size_t b = start;
      while (b < end && (s[b] == ' ' || s[b] == '\n' || s[b] == '\t' || s[b] == '\r')) ++b;
      std::size_t e = end;
      while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\n' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
      out.push_back({b, e});
    }
    start = end;
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c != '.' && c != '!' && c != '?') continue;
    // The word before the period, to skip abbreviations.
    if (c == '.') {
      std::size_t w = i;
      while (w > start && s[w - 1] != ' ' && s[w - 1] != '\n' && s[w - 1] != '(') --w;
      std::string word(s.substr(w, i + 1 - w));
      for (char &ch : word) ch = lower_ascii(ch);
      while (!word.empty() && (word[0] == '"' || word[0] == '\'')) word.erase(0, 1);
      if (is_abbreviation(word)) continue;
      if (word.size() == 2 && ascii_alpha(static_cast<unsigned char>(word[0]))) continue; // initials: "J. Smith"
      if (i + 1 < s.size() && digit(static_cast<unsigned char>(s[i + 1]))) continue;      // 3.5
    }
    std::size_t end = i + 1;
    std::size_t ql;
    while (end < s.size() && is_closing_quote_at(s, end, ql)) end += ql;
    while (end < s.size() && s[end] == ')') ++end;
    bool spaced = end < s.size() && (s[end] == ' ' || s[end] == '\n');
    std::size_t next = end;
    while (next < s.size() && (s[next] == ' ' || s[next] == '\n')) ++next;
    unsigned char before = i > 0 ? static_cast<unsigned char>(s[i - 1]) : ' ';
    bool glued = !spaced && c == '.' && end < s.size() && upper_at(s, end) &&
                 (digit(before) || (before >= 'a' && before <= 'z')); // "in 1939.Putin's visit"
    if (end >= s.size()) continue;
    if ((spaced && sentence_start_at(s, next)) || glued) push(end);
  }
  push(s.size());
  return out;
}

} // namespace detail
} // namespace factcard
