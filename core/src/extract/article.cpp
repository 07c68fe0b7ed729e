// One article: who is named, who says what (quotes and reported speech),
// and which dated events it reports. The reader's stages are in
// entities.cpp, speakers.cpp and claims.cpp (see reader.hpp).
#include "reader.hpp"

#include "clean.hpp"
#include "dates.hpp"

#include <algorithm>

namespace factcard {
namespace detail {

ArticleAnalysis ArticleReader::run() {
  detail::CleanArticle clean = detail::clean_article(article_.text);
  out_.headline = clean.headline;
  out_.publisher = clean.publisher;
  out_.url = clean.url;
  out_.date = article_.date ? article_.date : clean.stated_date;
  std::string body;
  for (const std::string &p : clean.paragraphs) {
    paragraph_offsets_.push_back(body.size());
    body += p + "\n\n";
  }
  // A dateline is no sentence of the body: its offsets point nowhere.
  for (const std::string &line : clean.datelines)
    for (FoundDate &d : find_dates(line, std::nullopt)) {
      d.begin = d.end = static_cast<std::size_t>(-1);
      out_.dates.push_back(std::move(d));
    }
  // A place dateline may date the story too ("ORLANDO, May 30 (UPI) --"): a day of the article's year.
  for (FoundDate &d : find_dates(clean.place_dateline, out_.date)) {
    d.begin = d.end = static_cast<std::size_t>(-1);
    out_.dates.push_back(std::move(d));
  }
  // The body is tokenized once: for its dates, then for each paragraph.
  std::vector<Token> body_tokens = detail::tokenize(body);
  for (FoundDate &d : detail::find_dates_in(body, body_tokens, out_.date)) out_.dates.push_back(std::move(d));
  std::vector<std::size_t> sizes;
  for (const std::string &p : clean.paragraphs) sizes.push_back(p.size());
  std::vector<std::vector<Token>> tokens =
      detail::tokens_of_parts(std::move(body_tokens), body, paragraph_offsets_, sizes);
  for (std::size_t p = 0; p < clean.paragraphs.size(); ++p) {
    if (!clean.headings_before[p].empty()) {
      state_.heading_speaker = heading_person(clean.headings_before[p]);
      if (state_.heading_speaker != npos) state_.last_quote_speaker = npos; // a new speaker's section
    }
    state_.credit_speaker = p + 1 < clean.paragraphs.size() ? credit_line(clean.paragraphs[p + 1]) : npos;
    read_paragraph(clean.paragraphs[p], paragraph_offsets_[p], std::move(tokens[p]));
  }
  out_.entities = std::move(registry_.entities);
  return std::move(out_);
}

void ArticleReader::read_paragraph(const std::string &text, std::size_t offset, std::vector<Token> tokens) {
  text_ = text;
  offset_ = offset;
  t_ = std::move(tokens); // tokenize(text)
  sentences_ = detail::split_sentences(text);
  quotes_ = detail::find_quotes(text);
  mentions_.clear();
  last_speech_byte_ = 0;
  find_mentions();
  std::vector<Attribution> attributions = find_attributions();
  std::vector<bool> sentence_quoted(sentences_.size(), false);
  read_quotes(attributions, sentence_quoted);
  read_statements(attributions, sentence_quoted);
  state_.previous_paragraph_person = npos;
  bool several = false;
  for (const Mention &m : mentions_) {
    if (registry_.entities[m.entity].kind != EntityKind::person || state_.unnamed.count(m.entity)) continue;
    several = several || (state_.previous_paragraph_person != npos && state_.previous_paragraph_person != m.entity);
    state_.previous_paragraph_person = m.entity;
    state_.last_named_person = m.entity;
  }
  if (several || !quotes_.empty()) state_.previous_paragraph_person = npos;
  state_.previous_paragraph_subject = last_sentence_subject();
  ++state_.paragraph;
}

// "But Cllr Bernie Attridge made a proposal for Cllr Armstrong-Braun ...":
// the person named last before the last sentence's first verb, and not
// after a preposition ("During a speech on the Champ de Mars, Macron
// vowed"), in a paragraph without quotes.
std::size_t ArticleReader::last_sentence_subject() const {
  if (sentences_.empty() || !quotes_.empty()) return npos;
  const Bounds &last = sentences_.back();
  std::size_t verb = t_.size();
  for (std::size_t k = 0; k < t_.size(); ++k)
    if (t_[k].begin >= last.begin && t_[k].begin < last.end && k > 0 && t_[k - 1].begin >= last.begin &&
        detail::is_finite_verb(t_, k, true)) {
      verb = k;
      break;
    }
  std::size_t first = verb;
  while (first > 0 && t_[first - 1].begin >= last.begin) --first;
  std::size_t subject = npos; // the last name before the verb that is no object of a preposition
  for (const Mention &m : mentions_) {
    if (t_[m.first].begin < last.begin || m.last >= verb || object_of_preposition(m, first)) continue;
    bool person = registry_.entities[m.entity].kind == EntityKind::person && !state_.unnamed.count(m.entity);
    subject = person ? m.entity : npos;
  }
  return subject;
}

bool ArticleReader::in_quote(std::size_t byte) const {
  return std::any_of(quotes_.begin(), quotes_.end(), [&](const Quote &q) { return byte >= q.open && byte < q.close; });
}

std::size_t ArticleReader::sentence_of(std::size_t byte) const {
  for (std::size_t s = 0; s < sentences_.size(); ++s)
    if (byte < sentences_[s].end) return s;
  return sentences_.empty() ? 0 : sentences_.size() - 1;
}

} // namespace detail

ArticleAnalysis analyse_article(const Article &article) { return detail::ArticleReader(article).run(); }

ArticleAnalysis analyse_dates(const Article &article) {
  detail::CleanArticle clean = detail::clean_article(article.text);
  ArticleAnalysis out;
  out.headline = clean.headline;
  out.date = article.date ? article.date : clean.stated_date;
  for (const std::string &line : clean.datelines)
    for (FoundDate &d : find_dates(line, std::nullopt)) out.dates.push_back(std::move(d));
  for (FoundDate &d : find_dates(clean.place_dateline, out.date)) out.dates.push_back(std::move(d));
  std::string body;
  for (const std::string &p : clean.paragraphs) body += p + "\n\n";
  for (FoundDate &d : find_dates(body, out.date)) out.dates.push_back(std::move(d));
  return out;
}

Json annotations_json(const ArticleAnalysis &analysis) {
  Json dates = Json::array(), people = Json::array(), quotes = Json::array();
  for (const FoundDate &d : analysis.dates) dates.push_back({{"text", d.text}, {"value", d.date.to_string()}});
  for (const FoundEntity &e : analysis.entities)
    if (e.kind == EntityKind::person) people.push_back(e.name);
  for (const FoundQuote &q : analysis.quotes) {
    quotes.push_back({{"quote", q.quote},
                      {"speaker", q.speaker < analysis.entities.size() ? analysis.entities[q.speaker].name : ""}});
  }
  Json out = Json::object();
  out["dates"] = std::move(dates);
  out["people"] = std::move(people);
  out["quotes"] = std::move(quotes);
  return out;
}

} // namespace factcard
