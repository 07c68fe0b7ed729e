#include "quotes.hpp"

#include <algorithm>
#include <string>

namespace factcard {
namespace detail {
namespace {

const std::string open_double = "\xE2\x80\x9C", close_double = "\xE2\x80\x9D";
const std::string open_single = "\xE2\x80\x98", close_single = "\xE2\x80\x99";

bool letter_at(std::string_view s, std::size_t i) {
  if (i >= s.size()) return false;
  unsigned char c = static_cast<unsigned char>(s[i]);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// Before an opening mark: the start, a space, a bracket or a dash.
bool opens_here(std::string_view s, std::size_t at) {
  if (at == 0) return true;
  char c = s[at - 1];
  return c == ' ' || c == '(' || c == '[' || c == '\t' || (at >= 3 && s.substr(at - 3, 3) == "\xE2\x80\x94");
}

std::vector<Quote> double_quotes(std::string_view s) {
  std::vector<Quote> quotes;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t open = s.find(open_double, i), straight = s.find('"', i);
    if (open == std::string_view::npos && straight == std::string_view::npos) break;
    bool curly = open != std::string_view::npos && (straight == std::string_view::npos || open < straight);
    std::size_t at = curly ? open : straight;
    std::size_t inner = at + (curly ? open_double.size() : 1);
    std::size_t close = curly ? s.find(close_double, inner) : s.find('"', inner);
    std::size_t close_len = curly ? close_double.size() : 1;
    if (close == std::string_view::npos) {
      quotes.push_back({inner, s.size(), at, s.size()});
      break;
    }
    quotes.push_back({inner, close, at, close + close_len});
    i = close + close_len;
  }
  return quotes;
}

// A closing single mark ends a word and is not followed by a letter:
// "mole’," closes, "Musk’s" and "we’ve" do not; "workers’ rights" (an s
// before, a lower-case word after) is a plural possessive, whose position
// goes to `possessive` (the first one) in case the quote closes there.
std::size_t single_close(std::string_view s, std::size_t from, std::size_t &possessive) {
  possessive = std::string_view::npos;
  for (std::size_t k = from; k < s.size(); ++k) {
    std::size_t len = s[k] == close_single[0] && s.compare(k, close_single.size(), close_single) == 0
                          ? close_single.size()
                      : s[k] == '\'' ? 1
                                     : 0;
    if (len == 0 || k == from) continue;
    if (letter_at(s, k + len)) continue;
    bool plural = s[k - 1] == 's' && k + len + 1 < s.size() && s[k + len] == ' ' && s[k + len + 1] >= 'a' &&
                  s[k + len + 1] <= 'z';
    if (!plural) return k;
    if (possessive == std::string_view::npos) possessive = k;
  }
  return std::string_view::npos;
}

// Whether an opening single mark stands in [from, to): quotes of one kind
// do not nest, so a quote that another opens after must have closed before.
bool opens_between(std::string_view s, std::size_t from, std::size_t to) {
  for (std::size_t k = s.find(open_single, from); k < to && k != std::string_view::npos; k = s.find(open_single, k + 1))
    if (opens_here(s, k)) return true;
  return false;
}

bool inside(const std::vector<Quote> &quotes, std::size_t byte) {
  return std::any_of(quotes.begin(), quotes.end(), [&](const Quote &q) { return byte >= q.open && byte < q.close; });
}

std::vector<Quote> single_quotes(std::string_view s, const std::vector<Quote> &doubles) {
  std::vector<Quote> quotes;
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool curly = s[i] == open_single[0] && s.compare(i, open_single.size(), open_single) == 0;
    bool straight = s[i] == '\'';
    if ((!curly && !straight) || inside(doubles, i) || !opens_here(s, i)) continue;
    std::size_t inner = i + (curly ? open_single.size() : 1);
    if (!letter_at(s, inner)) continue;
    std::size_t possessive = std::string_view::npos;
    std::size_t close = single_close(s, inner, possessive);
    // "that ‘numerous’ voters … had been ‘filled with doubts’": an s and a
    // mark that looked like a plural possessive closed the quote, as the
    // next quote's opening (or a sentence with no other close) shows.
    bool closes_early = possessive != std::string_view::npos &&
                        (close == std::string_view::npos ? i > 0 : opens_between(s, possessive, close));
    if (closes_early) close = possessive;
    if (close == std::string_view::npos) {
      if (i == 0) quotes.push_back({inner, s.size(), i, s.size()}); // a quote paragraph that runs on
      break;
    }
    std::size_t close_len = s[close] == '\'' ? 1 : close_single.size();
    quotes.push_back({inner, close, i, close + close_len});
    i = close + close_len - 1;
  }
  return quotes;
}

} // namespace

std::vector<Quote> find_quotes(std::string_view paragraph) {
  std::vector<Quote> quotes = double_quotes(paragraph);
  std::vector<Quote> singles = single_quotes(paragraph, quotes);
  quotes.insert(quotes.end(), singles.begin(), singles.end());
  std::sort(quotes.begin(), quotes.end(), [](const Quote &a, const Quote &b) { return a.open < b.open; });
  return quotes;
}

} // namespace detail
} // namespace factcard
