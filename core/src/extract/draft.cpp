// Several articles into one story draft: entities clustered across
// articles, the same quote or statement merged with evidence from each,
// wordings and dates that disagree marked as contested.
#include "factcard/extract.hpp"
#include "factcard/names.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace factcard {
namespace {

// A readable id: "Ukhnaagiin Khürelsükh" -> "ukhnaagiin-khurelsukh".
std::string slug(std::string_view text, std::size_t max_words = 6) {
  std::string folded = fold_text(text), out;
  std::size_t words = 0;
  for (char c : folded) {
    bool ascii = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c == ' ') {
      if (++words >= max_words) break;
      if (!out.empty() && out.back() != '-') out += '-';
    } else if (ascii) {
      out += c;
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.substr(0, 60);
}

class IdMaker {
public:
  std::string make(const std::string &wanted, const char *fallback) {
    std::string base = wanted.empty() || !is_valid_id(wanted) ? fallback : wanted;
    std::string id = base;
    for (int n = 2; !used_.insert(id).second; ++n) id = base + "-" + std::to_string(n);
    return id;
  }

private:
  std::unordered_set<std::string> used_;
};

// Content words (four letters or more), so "the" and "by" do not make two
// quotes look alike.
std::set<std::string> word_set(const std::string &text) {
  std::set<std::string> words;
  std::string folded = fold_text(text);
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    if (end - start >= 4) words.insert(folded.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// Shared words over the smaller set: 1 when one text contains the other.
double overlap(const std::string &a, const std::string &b) {
  std::set<std::string> wa = word_set(a), wb = word_set(b);
  if (wa.empty() || wb.empty()) return 0;
  std::size_t shared = 0;
  for (const std::string &w : wa) shared += wb.count(w);
  return static_cast<double>(shared) / static_cast<double>(std::min(wa.size(), wb.size()));
}

struct DraftClaim {
  ClaimKind kind;
  std::size_t who;
  std::string what;
  std::optional<Date> when;
  std::optional<std::string> when_text;
  std::string verb; // events
  std::vector<Evidence> evidence;
  std::size_t rival = npos; // a claim it contests
};

class Drafter {
public:
  Story run(const std::vector<Article> &articles) {
    for (std::size_t a = 0; a < articles.size(); ++a) read(articles[a], a);
    return assemble();
  }

private:
  void read(const Article &article, std::size_t index) {
    ArticleAnalysis analysis = analyse_article(article);
    if (title_.empty()) title_ = analysis.headline;
    Source source;
    std::string stem = article.name.substr(article.name.find_last_of('/') + 1);
    stem = stem.substr(0, stem.find_last_of('.'));
    source.id = ids_.make(slug(stem), ("article-" + std::to_string(index + 1)).c_str());
    if (!analysis.headline.empty()) source.headline = analysis.headline;
    source.publisher = analysis.publisher;
    if (analysis.url && is_http(*analysis.url)) source.url = analysis.url;
    if (analysis.date && analysis.date->known()) source.published = analysis.date;
    source.language = "en";
    sources_.push_back(std::move(source));
    std::size_t src = sources_.size() - 1;

    std::vector<std::size_t> global(analysis.entities.size());
    for (std::size_t e = 0; e < analysis.entities.size(); ++e) global[e] = cluster(analysis.entities[e]);
    for (const FoundQuote &q : analysis.quotes) add_quote(global[q.speaker], q, src);
    for (const FoundStatement &s : analysis.statements) add_statement(global[s.who], s, src);
  }

  static bool is_http(const std::string &url) { return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0; }

  std::size_t cluster(const FoundEntity &found) {
    std::vector<std::string> words = name_words(found.name);
    for (std::size_t i = 0; i < entities_.size(); ++i) {
      std::vector<std::string> mine = name_words(entities_[i].name);
      bool same = mine == words || std::any_of(entities_[i].aliases.begin(), entities_[i].aliases.end(),
                                               [&](const std::string &a) { return name_words(a) == words; });
      bool partial = found.kind == EntityKind::person && entities_[i].kind == EntityKind::person &&
                     (std::includes(mine.begin(), mine.end(), words.begin(), words.end()) ||
                      std::includes(words.begin(), words.end(), mine.begin(), mine.end()));
      if (!same && !partial) continue;
      merge_names(entities_[i], found);
      return i;
    }
    Entity e;
    e.name = found.name;
    e.kind = found.kind;
    e.description = found.role;
    for (const std::string &alias : found.aliases) add_alias(e, alias);
    entities_.push_back(std::move(e));
    return entities_.size() - 1;
  }

  static void add_alias(Entity &e, const std::string &name) {
    if (name != e.name && std::find(e.aliases.begin(), e.aliases.end(), name) == e.aliases.end())
      e.aliases.push_back(name);
  }

  static void merge_names(Entity &e, const FoundEntity &found) {
    if (!e.description && found.role) e.description = found.role;
    if (name_words(found.name).size() > name_words(e.name).size()) {
      std::string old = e.name;
      e.name = found.name;
      add_alias(e, old);
    } else {
      add_alias(e, found.name);
    }
    for (const std::string &alias : found.aliases) add_alias(e, alias);
  }

  static Evidence evidence(std::size_t source, const std::string &excerpt) {
    Evidence ev;
    ev.source_index = source;
    ev.quote = excerpt;
    return ev;
  }

  static void add_evidence(DraftClaim &claim, Evidence ev) {
    bool seen = std::any_of(claim.evidence.begin(), claim.evidence.end(), [&](const Evidence &e) {
      return e.source_index == ev.source_index && e.quote == ev.quote;
    });
    if (!seen) claim.evidence.push_back(std::move(ev));
  }

  void add_quote(std::size_t who, const FoundQuote &q, std::size_t source) {
    Evidence ev = evidence(source, q.sentence);
    ev.speaker_index = who;
    std::size_t rival = npos;
    for (std::size_t c = 0; c < claims_.size(); ++c) {
      DraftClaim &claim = claims_[c];
      if (claim.kind != ClaimKind::quote || claim.who != who) continue;
      std::string a = fold_text(claim.what), b = fold_text(q.quote);
      if (a == b || a.find(b) != std::string::npos || b.find(a) != std::string::npos) {
        add_evidence(claim, std::move(ev));
        return;
      }
      // The same quote worded otherwise by another outlet.
      bool other_source = std::none_of(claim.evidence.begin(), claim.evidence.end(),
                                       [&](const Evidence &e) { return e.source_index == source; });
      bool long_enough = word_set(q.quote).size() >= 4 && word_set(claim.what).size() >= 4;
      if (other_source && long_enough && overlap(claim.what, q.quote) >= 0.6 && rival == npos) rival = c;
    }
    claims_.push_back({ClaimKind::quote, who, q.quote, std::nullopt, std::nullopt, "", {std::move(ev)}, rival});
  }

  void add_statement(std::size_t who, const FoundStatement &s, std::size_t source) {
    for (DraftClaim &claim : claims_) {
      if (claim.kind != s.kind || claim.who != who) continue;
      bool same = s.kind == ClaimKind::event ? claim.verb == s.topic : overlap(claim.what, s.sentence) >= 0.7;
      if (!same) continue;
      bool dates_ok = !claim.when || !s.when || dates_agree(*claim.when, *s.when);
      if (dates_ok) {
        if (!claim.when) claim.when = s.when, claim.when_text = s.when_text;
        add_evidence(claim, evidence(source, s.sentence));
        return;
      }
      claims_.push_back({s.kind,
                         who,
                         s.sentence,
                         s.when,
                         s.when_text,
                         s.topic,
                         {evidence(source, s.sentence)},
                         static_cast<std::size_t>(&claim - claims_.data())});
      return;
    }
    claims_.push_back({s.kind, who, s.sentence, s.when, s.when_text, s.topic, {evidence(source, s.sentence)}, npos});
  }

  // A spelling shared by two entities ("Lindgren" for Marta and for Robert
  // Lindgren) would make the draft ambiguous: it stays with the first only.
  void drop_shared_aliases() {
    std::unordered_map<std::string, std::size_t> owner;
    for (std::size_t i = 0; i < entities_.size(); ++i) owner.emplace(name_key(entities_[i].name), i);
    for (std::size_t i = 0; i < entities_.size(); ++i) {
      std::vector<std::string> kept;
      for (const std::string &alias : entities_[i].aliases) {
        std::string key = name_key(alias);
        auto claimed = owner.emplace(key, i);
        if (key.empty() || claimed.first->second == i) kept.push_back(alias);
      }
      entities_[i].aliases = std::move(kept);
    }
  }

  Story assemble() {
    drop_shared_aliases();
    Story story;
    story.info.id = ids_.make(slug(title_, 5), "draft");
    if (!title_.empty()) story.info.title = title_;
    story.info.language = "en";
    IdMaker entity_ids;
    for (Entity &e : entities_) e.id = entity_ids.make(slug(e.name, 4), "entity");
    story.sources = sources_;
    std::vector<std::string> claim_ids(claims_.size());
    IdMaker ids;
    for (std::size_t c = 0; c < claims_.size(); ++c) {
      claim_ids[c] = ids.make(slug(entities_[claims_[c].who].id + " " + claims_[c].what, 7), "claim");
    }
    for (std::size_t c = 0; c < claims_.size(); ++c) story.claims.push_back(to_claim(c, claim_ids));
    story.entities = std::move(entities_);
    return story;
  }

  Claim to_claim(std::size_t c, const std::vector<std::string> &ids) {
    const DraftClaim &d = claims_[c];
    Claim claim;
    claim.id = ids[c];
    claim.kind = d.kind;
    claim.who = entities_[d.who].id;
    claim.who_index = d.who;
    claim.what = d.what;
    claim.when = d.when;
    claim.when_text = d.when_text;
    std::size_t family = d.rival != npos ? d.rival : c;
    bool contested = d.rival != npos ||
                     std::any_of(claims_.begin(), claims_.end(), [&](const DraftClaim &o) { return o.rival == c; });
    if (d.kind == ClaimKind::event && d.when) {
      claim.topic = entities_[d.who].id + "." + d.verb;
      claim.value = d.when->to_string();
    } else if (contested) {
      claim.topic = "wording." + ids[family];
      claim.value = d.what;
    }
    for (Evidence ev : d.evidence) {
      ev.source = sources_[ev.source_index].id;
      if (ev.speaker_index != npos) ev.speaker = entities_[ev.speaker_index].id;
      claim.evidence.push_back(std::move(ev));
    }
    return claim;
  }

  std::string title_;
  IdMaker ids_;
  std::vector<Entity> entities_;
  std::vector<Source> sources_;
  std::vector<DraftClaim> claims_;
};

} // namespace

Story draft_story(const std::vector<Article> &articles) { return Drafter().run(articles); }

} // namespace factcard
