// From a page's text to the article: Markdown removed, page chrome (search
// boxes, captions, subscribe forms, footers, repeated headlines) dropped,
// and what the page says about itself kept (headline, date, outlet, URL).
#pragma once

#include "factcard/date.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace factcard {
namespace detail {

struct CleanArticle {
  std::string headline;
  std::vector<std::string> paragraphs;      // body text only
  std::vector<std::string> headings_before; // per paragraph: the heading line right before it, or ""
  std::optional<Date> stated_date;          // a dateline such as "September 02, 2024"
  std::vector<std::string> datelines;       // the lines that state a date about the page
  std::string place_dateline;               // "ORLANDO, Fla., May 30 (UPI) -- ", cut from the lead
  std::optional<std::string> publisher, url;
};

std::string strip_markdown(std::string_view line);
CleanArticle clean_article(std::string_view text);

} // namespace detail
} // namespace factcard
