#include "clean.hpp"

#include "factcard/extract.hpp"
#include "factcard/names.hpp"
#include "lexicon.hpp"
#include "tokens.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <unordered_set>

namespace factcard {
namespace detail {
namespace {

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char &c : out) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; // std::tolower in the "C" locale
  return out;
}

bool ends_sentence(const std::string &line) {
  static const char *const endings[] = {".", "!",           "?", ":", "\"", "'", "\xE2\x80\x9D", "\xE2\x80\x99",
                                        ")", "\xE2\x80\xA6"};
  return std::any_of(std::begin(endings), std::end(endings), [&](const char *e) {
    std::string end(e);
    return line.size() >= end.size() && line.compare(line.size() - end.size(), end.size(), end) == 0;
  });
}

bool has_quote_mark(const std::string &line) {
  return line.find("\xE2\x80\x9C") != std::string::npos || line.find('"') != std::string::npos;
}

std::size_t word_count(const std::string &line) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : line) {
    bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

// "Copyright © 2014-2025 IRIA - International ... & Analysis" -> the outlet.
std::optional<std::string> outlet_of_copyright(const std::string &line) {
  std::vector<Token> tokens = tokenize(line);
  std::size_t i = 0;
  while (i < tokens.size()) {
    const Token &t = tokens[i];
    bool year_range = !t.text.empty() && std::all_of(t.text.begin(), t.text.end(),
                                                     [](char c) { return (c >= '0' && c <= '9') || c == '-'; });
    bool skip = t.lower == "copyright" || t.text == "\xC2\xA9" || year_range || t.text == "-" || t.text == "(" ||
                t.text == ")" || t.lower == "c" || t.text == "\xE2\x80\x93";
    if (!skip) break;
    ++i;
  }
  if (i >= tokens.size()) return std::nullopt;
  std::string rest = trim(std::string_view(line).substr(tokens[i].begin));
  std::size_t reserved = ascii_lower(rest).find("all rights reserved");
  if (reserved != std::string::npos) rest = trim(rest.substr(0, reserved));
  while (!rest.empty() && (rest.back() == '.' || rest.back() == ',')) rest.pop_back();
  if (rest.empty()) return std::nullopt;
  return rest;
}

std::optional<std::string> url_in(const std::string &line) {
  std::size_t at = line.find("http");
  if (at == std::string::npos) return std::nullopt;
  std::size_t end = at;
  while (end < line.size() && line[end] != '>' && line[end] != ' ' && line[end] != ')') ++end;
  return line.substr(at, end - at);
}

struct Dateline {
  std::optional<Date> date;
  bool updated = false; // "Updated …", "Last modified …": not the day it was published
  std::string line;     // as read, month abbreviations with their periods
};

// "2024-03-06", "2024-03-06T12:30:00Z": an ISO day, which only a page's
// own date line writes.
std::optional<Date> iso_day(std::string_view word) {
  if (word.size() < 10 || word[4] != '-' || word[7] != '-') return std::nullopt;
  std::optional<Date> d = parse_date(std::string(word.substr(0, 10)));
  return d && d->precision == Precision::day ? d : std::nullopt;
}

// "6 Mar 2024" in a date line: the month abbreviation that running text
// writes with a period ("Mar." as against "mar"), so that it reads as one.
std::string with_month_periods(const std::string &line) {
  std::string out;
  for (const Token &t : tokenize(line)) {
    if (!out.empty() && t.begin > 0 && line[t.begin - 1] == ' ') out += ' ';
    out += t.text;
    if (t.lower.size() == 3 && is_month_name(t.lower)) out += '.';
  }
  return out;
}

// A line about the page, not a sentence of it: a date at day precision and
// nothing else but the words of a date line ("Published", "Updated 12:30
// GMT", "Wed", "by Jane Doe").
std::optional<Dateline> dateline(const std::string &line) {
  // a day is written with digits: most lines are let go before reading them
  if (line.find_first_of("0123456789") == std::string::npos || word_count(line) > 16) return std::nullopt;
  Dateline found;
  found.line = with_month_periods(line);
  std::vector<Token> tokens = tokenize(found.line);
  std::vector<FoundDate> dates = find_dates(found.line, std::nullopt);
  std::vector<bool> covered(tokens.size(), false);
  for (const FoundDate &d : dates) {
    if (d.date.precision == Precision::day && d.date.known() && !found.date) found.date = d.date;
    for (std::size_t k = 0; k < tokens.size(); ++k)
      covered[k] = covered[k] || (tokens[k].begin >= d.begin && tokens[k].end <= d.end);
  }
  bool byline = false;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const Token &t = tokens[k];
    std::optional<Date> iso = iso_day(t.lower);
    if (iso && !found.date) found.date = iso;
    byline = byline || t.lower == "by";
    found.updated = found.updated || t.lower == "updated" || t.lower == "modified";
    bool figure = std::isdigit(static_cast<unsigned char>(t.lower[0])); // "12", "00Z"
    bool allowed = covered[k] || iso || !t.word || figure || is_dateline_word(t.lower) || t.lower == "by" ||
                   (byline && t.capitalized);
    if (!allowed) return std::nullopt;
  }
  if (!found.date) return std::nullopt;
  return found;
}

// What a numeric entity names, U+FFFD when it names no character.
void append_code_point(std::string &out, unsigned long code) {
  bool valid = code != 0 && code <= 0x10FFFF && !(code >= 0xD800 && code <= 0xDFFF);
  append_utf8(out, valid ? static_cast<char32_t>(code) : U'\uFFFD');
}

// "&amp;", "&#8217;", "&rsquo;": the characters pasted HTML escapes most.
std::size_t decode_entity(std::string_view text, std::size_t at, std::string &out) {
  std::size_t end = text.find(';', at);
  if (end == std::string_view::npos || end - at > 10) return 0;
  std::string name(text.substr(at + 1, end - at - 1));
  static const std::pair<const char *, unsigned long> named[] = {
      {"amp", '&'},      {"lt", '<'},       {"gt", '>'},        {"quot", '"'},     {"apos", '\''},
      {"nbsp", ' '},     {"rsquo", 0x2019}, {"lsquo", 0x2018},  {"ldquo", 0x201C}, {"rdquo", 0x201D},
      {"mdash", 0x2014}, {"ndash", 0x2013}, {"hellip", 0x2026}, {"pound", 0xA3},   {"euro", 0x20AC}};
  for (const auto &entity : named) {
    if (name != entity.first) continue;
    append_code_point(out, entity.second);
    return end - at + 1;
  }
  if (name.size() < 2 || name[0] != '#') return 0;
  bool hex = name[1] == 'x' || name[1] == 'X';
  char *stop = nullptr;
  unsigned long code = std::strtoul(name.c_str() + (hex ? 2 : 1), &stop, hex ? 16 : 10);
  if (!stop || *stop != '\0') return 0;
  append_code_point(out, code);
  return end - at + 1;
}

bool block_tag(const std::string &tag) {
  static const std::unordered_set<std::string> blocks = {
      "p",     "div",        "br",      "h1",      "h2",     "h3",     "h4",         "h5", "h6", "li",
      "tr",    "blockquote", "article", "section", "header", "footer", "figcaption", "hr", "ul", "ol",
      "table", "td",         "th",      "main",    "figure", "time",   "dd",         "dt", "pre"};
  return blocks.count(tag) > 0;
}

// Elements whose text is never the article's: the page's head (its title
// carries the site's name), navigation, code and forms.
bool skipped_tag(const std::string &tag) {
  static const std::unordered_set<std::string> skipped = {"script",   "style",    "head", "nav",
                                                          "noscript", "template", "svg",  "button"};
  return skipped.count(tag) > 0;
}

// Pasted HTML: block elements become paragraph breaks, other tags go,
// skipped elements go with their content, entities are decoded.
std::string html_to_text(std::string_view html) {
  std::string out;
  for (std::size_t i = 0; i < html.size(); ++i) {
    char c = html[i];
    if (c == '&') {
      if (std::size_t used = decode_entity(html, i, out)) {
        i += used - 1;
        continue;
      }
    }
    if (c != '<') {
      out += c == '\n' ? ' ' : c; // HTML's line breaks are spaces
      continue;
    }
    std::size_t close = html.find('>', i);
    if (close == std::string_view::npos) break;
    std::size_t from = i + 1 + (i + 1 < html.size() && html[i + 1] == '/');
    std::string tag;
    while (from < close && std::isalnum(static_cast<unsigned char>(html[from])))
      tag += static_cast<char>(std::tolower(html[from++]));
    bool self_closing = close > i && html[close - 1] == '/';
    if (skipped_tag(tag) && html[i + 1] != '/' && !self_closing) {
      // An unclosed script or style hides the rest; any other unclosed element only itself.
      std::size_t end = html.find("</" + tag, close);
      bool code = tag == "script" || tag == "style";
      if (end != std::string_view::npos)
        close = html.find('>', end);
      else if (code)
        close = html.size() - 1;
      if (close == std::string_view::npos) break;
    }
    if (block_tag(tag)) out += "\n\n";
    i = close;
  }
  return out;
}

// Pasted HTML, not text that mentions a tag: a closing tag of a block.
bool is_html(std::string_view text) {
  for (const char *tag : {"</p>", "</P>", "<br", "<BR", "</div>", "</h1>", "</li>"})
    if (text.find(tag) != std::string_view::npos) return true;
  return false;
}

// A headline is one short line, not a sentence of the body: pages that open
// with the lead paragraph, or articles pasted as one block, have none.
bool looks_like_headline(const std::string &line) {
  std::size_t words = word_count(line);
  if (words > 30) return false;
  bool lead_sentence = line.back() == '.' && words >= 8; // headlines rarely end with a period
  return !lead_sentence && split_sentences(line).size() <= 1;
}

// "Jan. 3 " or "May 30, 2020 " opening a wire dateline ("Jan. 3 (UPI) —").
std::size_t month_day_length(const std::string &line) {
  std::size_t word = 0;
  while (word < line.size() && std::isalpha(static_cast<unsigned char>(line[word]))) ++word;
  if (!is_month_name(ascii_lower(line.substr(0, word)))) return 0;
  std::size_t at = word + (word < line.size() && line[word] == '.' ? 1 : 0);
  if (at >= line.size() || line[at] != ' ') return 0;
  std::size_t digits = ++at;
  while (at < line.size() && std::isdigit(static_cast<unsigned char>(line[at]))) ++at;
  if (at == digits || at - digits > 2) return 0;
  if (line.compare(at, 2, ", ") == 0 && at + 6 <= line.size() &&
      std::all_of(line.begin() + static_cast<std::ptrdiff_t>(at + 2),
                  line.begin() + static_cast<std::ptrdiff_t>(at + 6),
                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    at += 6;
  return at < line.size() && line[at] == ' ' && line.find('(', at) == at + 1 ? at + 1 : 0;
}

// "Ankara, Turkey — ", "Cape Canaveral, Fla. (AP) — ": a dateline in title
// case, which only its comma and the dash after it tell from a subject.
std::size_t title_case_dateline_length(const std::string &line) {
  auto upper = [&](std::size_t i) { return i < line.size() && std::isupper(static_cast<unsigned char>(line[i])); };
  std::size_t at = 0;
  for (int part = 0; part < 2; ++part) { // the place, then its state or country
    std::size_t words = 0;
    while (upper(at) && words < 3) {
      while (at < line.size() &&
             (std::isalpha(static_cast<unsigned char>(line[at])) || line[at] == '.' || line[at] == '-'))
        ++at;
      ++words;
      if (line.compare(at, 1, " ") != 0 || !upper(at + 1)) break;
      ++at;
    }
    if (words == 0) return 0;
    if (part == 0 && line.compare(at, 2, ", ") != 0) return 0;
    if (part == 0) at += 2;
  }
  while (at < line.size() && line[at] == ' ') ++at;
  if (at < line.size() && line[at] == '(') { // "(AP)"
    std::size_t close = line.find(')', at);
    if (close == std::string::npos || close - at > 30) return 0;
    for (at = close + 1; at < line.size() && line[at] == ' ';) ++at;
  }
  for (const char *dash : {"\xE2\x80\x94", "\xE2\x80\x93", "--"}) {
    std::size_t n = std::char_traits<char>::length(dash);
    if (line.compare(at, n, dash) == 0 && at + n + 1 < line.size() && line[at + n] == ' ') return at + n + 1;
  }
  return 0;
}

// Length of a wire-style place dateline that opens a story ("CAPE CANAVERAL,
// Fla. (AP) — ", "LONDON (Reuters) - ", "(CNN) — ", "BERLIN: "), or 0. It
// says where the reporter filed from, not who acted: left in, the place
// becomes the actor of the lead sentence.
std::size_t place_dateline_length(const std::string &line) {
  if (std::size_t title = title_case_dateline_length(line)) return title;
  std::size_t at = month_day_length(line), capitals = 0;
  auto skip_spaces = [&] {
    while (at < line.size() && line[at] == ' ') ++at;
  };
  // The place, in capitals: "ST. LOUIS", "NEW YORK".
  for (std::size_t words = 0; words < 4 && at < line.size() && std::isupper(static_cast<unsigned char>(line[at]));
       ++words) {
    while (at < line.size() && (std::isupper(static_cast<unsigned char>(line[at])) || line[at] == '.' ||
                                line[at] == '-' || line[at] == '\''))
      capitals += std::isupper(static_cast<unsigned char>(line[at++])) ? 1 : 0;
    if (at < line.size() && std::islower(static_cast<unsigned char>(line[at]))) return 0; // "London", a word
    skip_spaces();
  }
  bool place = capitals >= 2;
  if (place && at < line.size() && line[at] == ',') { // ", Fla." / ", England"
    std::size_t close = line.find_first_of("(\xE2-:", at);
    if (close == std::string::npos || close - at > 24) return 0;
    at = close;
    skip_spaces();
  }
  bool agency = at < line.size() && line[at] == '(';
  if (agency) { // "(AP)", "(Reuters)"
    std::size_t close = line.find(')', at);
    if (close == std::string::npos || close - at > 30) return 0;
    at = close + 1;
    skip_spaces();
  }
  if (!place && !agency) return 0;
  for (const char *dash : {"\xE2\x80\x94", "\xE2\x80\x93", "--", "-", ":"}) {
    std::size_t n = std::char_traits<char>::length(dash);
    if (line.compare(at, n, dash) == 0 && at + n < line.size() && line[at + n] == ' ') {
      // "NASA — the agency — delayed it": a second dash in the sentence makes
      // the first one open an aside, and the capitals its subject.
      std::size_t closing = line.find(dash, at + n), stop = line.find(". ", at + n);
      if (n > 1 && closing != std::string::npos && closing < stop) return 0;
      at += n;
      skip_spaces();
      return at < line.size() ? at : 0;
    }
  }
  return 0;
}

} // namespace

std::string strip_markdown(std::string_view input) {
  std::string line = trim(input);
  while (!line.empty() && (line[0] == '#' || line[0] == '>')) line = trim(line.substr(1));
  for (const char *bullet : {"\xE2\x80\xA2", "- ", "* "}) {
    std::string b(bullet);
    if (line.compare(0, b.size(), b) == 0) line = trim(line.substr(b.size()));
  }
  std::string out;
  out.reserve(line.size());
  for (std::size_t i = 0; i < line.size(); ++i) {
    std::size_t plain = i; // up to a mark, copied as it is
    while (plain < line.size() && line[plain] != '[' && line[plain] != '<' && line[plain] != '*' && line[plain] != '_')
      ++plain;
    out.append(line, i, plain - i);
    if ((i = plain) == line.size()) break;
    if (line[i] == '[') { // [text](url) -> text
      std::size_t close = line.find("](", i);
      std::size_t end = close == std::string::npos ? std::string::npos : line.find(')', close);
      if (end != std::string::npos) {
        out += line.substr(i + 1, close - i - 1);
        i = end;
        continue;
      }
    }
    if (line[i] == '<' && line.compare(i + 1, 4, "http") == 0) { // <https://...> -> url
      std::size_t end = line.find('>', i);
      if (end != std::string::npos) {
        out += line.substr(i + 1, end - i - 1);
        i = end;
        continue;
      }
    }
    if ((line[i] == '*' || line[i] == '_') && i + 1 < line.size() && line[i + 1] == line[i]) {
      ++i; // **bold**, __bold__
      continue;
    }
    out += line[i];
  }
  return trim(out);
}

CleanArticle clean_article(std::string_view input) {
  std::string converted = is_html(input) ? html_to_text(input) : std::string();
  std::string_view text = converted.empty() ? input : std::string_view(converted);
  CleanArticle article;
  std::string heading_line; // a heading waiting for the paragraph below it
  std::unordered_set<std::string> seen;
  bool footer = false, embed = false, placed = false, updated_date = false;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line = strip_markdown(text.substr(start, end - start));
    start = end + 1;
    if (line.empty()) continue;
    std::string lower = ascii_lower(line);
    if (lower.rfind("copyright", 0) == 0 || lower.rfind("\xC2\xA9", 0) == 0) {
      if (auto outlet = outlet_of_copyright(line)) article.publisher = outlet;
    }
    if (footer || lower.rfind("original url", 0) == 0) {
      if (auto url = url_in(line)) article.url = url;
    }
    if (is_footer_line(lower)) footer = true;
    if (footer) continue;
    if (lower == "embed:" || lower == "embed") { // an embedded post until its "— author" line
      embed = true;
      continue;
    }
    if (embed) {
      if (line.rfind("\xE2\x80\x94", 0) == 0 || line.rfind("--", 0) == 0) embed = false;
      continue;
    }
    if (is_chrome_line(lower)) continue;
    if (auto date = dateline(line)) {
      // The day it was published, rather than the day it was last updated.
      if (!article.stated_date || (updated_date && !date->updated)) article.stated_date = date->date;
      updated_date = article.stated_date == date->date && date->updated;
      article.datelines.push_back(date->line);
      continue;
    }
    if (lower.rfind("by ", 0) == 0 && word_count(line) <= 6) continue; // byline
    if (!seen.insert(line).second) continue;                           // repeated headline
    if (article.headline.empty() && article.paragraphs.empty() && looks_like_headline(line)) {
      article.headline = line;
      continue;
    }
    bool credit = line.rfind("\xE2\x80\x94", 0) == 0 || line.rfind("\xE2\x80\x93", 0) == 0; // "— Name, title"
    bool heading = !ends_sentence(line) && !has_quote_mark(line) && word_count(line) < 14 && !credit;
    bool question_heading = line.back() == '?' && word_count(line) < 10;
    if (heading || question_heading) {
      heading_line = line;
      continue;
    }
    // Once, near the top: a lead quote or a standfirst may come before it.
    if (!placed && article.paragraphs.size() < 3) {
      std::size_t place = place_dateline_length(line);
      article.place_dateline = line.substr(0, place);
      line.erase(0, place);
      placed = place > 0;
    }
    article.paragraphs.push_back(line);
    article.headings_before.push_back(heading_line);
    heading_line.clear();
  }
  return article;
}

} // namespace detail
} // namespace factcard
