// Several articles into one story draft: entities clustered across
// articles, the same quote or statement merged with evidence from each,
// wordings and dates that disagree marked as contested.
#include "factcard/extract.hpp"
#include "factcard/names.hpp"

#include "lexicon.hpp"
#include "merge.hpp"
#include "tokens.hpp"

#include <algorithm>
#include <set>
#include <tuple>
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

struct DraftClaim {
  ClaimKind kind;
  std::size_t who;
  std::string what;
  std::optional<Date> when;
  std::optional<std::string> when_text;
  std::string verb; // events
  std::vector<Evidence> evidence;
  std::size_t rival = npos;                        // a claim it contests
  bool rival_speaker = false;                      // the same quote given to another speaker
  std::size_t paragraph = 0;                       // where it first appeared: 0 is the lead
  std::vector<detail::FactSignature> signatures{}; // one per excerpt: a new outlet may match any of them
  mutable std::string folded_what{};               // fold_text(what), made once: merging compares it often
};

// A claim's words folded, computed on first use (`what` never changes).
const std::string &folded(const DraftClaim &claim) {
  if (claim.folded_what.empty() && !claim.what.empty()) claim.folded_what = fold_text(claim.what);
  return claim.folded_what;
}

// The earlier of two days, months or years (compared at their own fields).
bool earlier(const Date &a, const Date &b) {
  return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
}

// The date a merged claim keeps: an exact date beats "on or before", and of
// two bounds the earlier is the tighter.
void merge_when(DraftClaim &claim, const std::optional<Date> &when, const std::optional<std::string> &text) {
  if (!when || !when->known()) return;
  bool replace = !claim.when || !claim.when->known() || (claim.when->on_or_before && !when->on_or_before) ||
                 (claim.when->on_or_before && when->on_or_before && earlier(*when, *claim.when));
  if (!replace) return;
  claim.when = when;
  claim.when_text = text;
}

bool exact(const std::optional<Date> &d) { return d && d->known() && !d->on_or_before; }

// A fact's date that tells it apart from the rest of the news: stated, and
// outside the month the article was written in ("issued in March 2023" in
// a September 2024 story); the days of the event itself are every fact's.
std::string distinctive_date(const std::optional<Date> &when, const std::optional<Date> &published) {
  if (!exact(when) || when->approximate || !published || !published->known()) return "";
  bool this_month = when->year == published->year && (when->month == 0 || when->month == published->month);
  return this_month ? "" : when->to_string();
}

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
    for (const FoundStatement &s : analysis.statements) {
      std::vector<std::size_t> named = {global[s.who]};
      for (std::size_t e : s.mentioned) named.push_back(global[e]);
      add_statement(global[s.who], s, src, named, analysis.date);
    }
  }

  static bool is_http(const std::string &url) { return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0; }

  // "Bob Behnken" and "Robert Behnken": a name's words with a short given
  // name compared as the formal one.
  static std::vector<std::string> formal_name_words(const std::string &name) {
    std::string folded = fold_text(name), formal;
    std::size_t last_space = folded.rfind(' ');
    if (last_space == std::string::npos) return name_words(name);
    for (std::size_t start = 0; start < last_space;) { // every word before the surname
      std::size_t end = folded.find(' ', start);
      formal += std::string(detail::formal_given_name(folded.substr(start, end - start))) + " ";
      start = end + 1;
    }
    return name_words(formal + folded.substr(last_space + 1));
  }

  // "Leicester" and "Leicester City" (one name's words inside the other's)
  // are one club or place when both are named as one, or one of them is a
  // bare noun phrase; a lone generic word ("City") never is. The caller
  // also asks that only one long name hold the short one.
  static bool same_body(EntityKind a, EntityKind b, const std::vector<std::string> &x,
                        const std::vector<std::string> &y) {
    auto named = [](EntityKind k) { return k == EntityKind::organization || k == EntityKind::place; };
    bool kinds = (a == b && named(a)) || (a == EntityKind::other && named(b)) || (named(a) && b == EntityKind::other);
    const std::vector<std::string> &shorter = x.size() < y.size() ? x : y;
    const std::vector<std::string> &longer = x.size() < y.size() ? y : x;
    bool generic = shorter.size() == 1 && (detail::is_org_word(shorter[0]) || detail::is_place_word(shorter[0]));
    // "Twitter Board of Directors", "Leicester City Council": a part of the body, or another one.
    bool part = std::any_of(longer.begin(), longer.end(), [&](const std::string &w) {
      return detail::is_sub_body_word(w) && std::find(shorter.begin(), shorter.end(), w) == shorter.end();
    });
    return kinds && !shorter.empty() && !generic && !part;
  }

  // "Elon Mask" in one outlet for "Elon Musk" in another, "Zelenskyy" for
  // "Zelensky": the same given names, and surnames of four letters or more
  // one letter apart.
  static bool spelling_variant(const std::vector<std::string> &x, const std::vector<std::string> &y) {
    if (x.size() < 2 || x.size() != y.size()) return false;
    for (std::size_t k = 0; k + 1 < x.size(); ++k)
      if (x[k] != y[k]) return false;
    const std::string &a = x.back(), &b = y.back();
    return std::min(a.size(), b.size()) >= 4 && a != b && one_edit_apart(a, b);
  }

  static bool one_edit_apart(const std::string &a, const std::string &b) {
    const std::string &shorter = a.size() <= b.size() ? a : b, &longer = a.size() <= b.size() ? b : a;
    if (longer.size() - shorter.size() > 1) return false;
    std::size_t i = 0;
    while (i < shorter.size() && shorter[i] == longer[i]) ++i;
    std::size_t skip = shorter.size() == longer.size() ? 1 : 0; // a letter changed, or one added
    return shorter.compare(i + skip, std::string::npos, longer, i + 1, std::string::npos) == 0;
  }

  // "Leicester City", "Bank of England": every word capitalised but the
  // small ones that join names. "His time in Mongolia", a phrase the draft
  // made an actor of, is none, and never takes in the place it names.
  static bool proper_name(const std::string &name) {
    std::size_t start = 0;
    while (start < name.size()) {
      std::size_t end = std::min(name.find(' ', start), name.size());
      std::string_view word = std::string_view(name).substr(start, end - start);
      bool joiner = word == "of" || word == "the" || word == "and" || word == "for" || word == "de" || word == "&";
      if (!joiner && !word.empty() && std::islower(static_cast<unsigned char>(word[0]))) return false;
      start = end + 1;
    }
    return true;
  }

  std::size_t cluster(const FoundEntity &found) {
    std::vector<std::string> words = formal_name_words(found.name);
    std::size_t organisation = npos; // the one organisation (or place) whose name holds this one's, or is in it
    for (std::size_t i = 0; i < entities_.size(); ++i) {
      std::vector<std::string> mine = formal_name_words(entities_[i].name);
      bool same = mine == words || std::any_of(entities_[i].aliases.begin(), entities_[i].aliases.end(),
                                               [&](const std::string &a) { return formal_name_words(a) == words; });
      bool nested = std::includes(mine.begin(), mine.end(), words.begin(), words.end()) ||
                    std::includes(words.begin(), words.end(), mine.begin(), mine.end());
      bool people = found.kind == EntityKind::person && entities_[i].kind == EntityKind::person;
      bool partial = people && (nested || spelling_variant(words, mine));
      if (!same && !partial) {
        if (nested && same_body(found.kind, entities_[i].kind.value_or(EntityKind::other), words, mine) &&
            proper_name(found.name) && proper_name(entities_[i].name))
          organisation = organisation == npos ? i : static_cast<std::size_t>(-2);
        continue;
      }
      merge_names(entities_[i], found);
      return i;
    }
    if (organisation != npos && organisation != static_cast<std::size_t>(-2)) {
      merge_names(entities_[organisation], found);
      return organisation;
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

  static bool has_source(const DraftClaim &claim, std::size_t source) {
    return std::any_of(claim.evidence.begin(), claim.evidence.end(),
                       [&](const Evidence &e) { return e.source_index == source; });
  }

  // One quote transcribed by several outlets, maybe with a word changed, is
  // one claim; the same words given to another speaker contest it.
  void add_quote(std::size_t who, const FoundQuote &q, std::size_t source) {
    Evidence ev = evidence(source, q.sentence);
    ev.speaker_index = who;
    std::size_t rival = npos;
    const std::string b = fold_text(q.quote);
    for (std::size_t c = 0; c < claims_.size(); ++c) {
      DraftClaim &claim = claims_[c];
      if (claim.kind != ClaimKind::quote) continue;
      const std::string &a = folded(claim);
      bool contained = !a.empty() && !b.empty() && (a.find(b) != std::string::npos || b.find(a) != std::string::npos);
      bool same = contained || (!has_source(claim, source) && detail::same_quote(claim.what, q.quote));
      if (!same) continue;
      if (claim.who == who) {
        merge_when(claim, q.when, q.when_text);
        add_evidence(claim, std::move(ev));
        return;
      }
      bool long_enough = word_set(q.quote).size() >= 4;
      if (!has_source(claim, source) && long_enough && rival == npos) rival = c;
    }
    std::size_t reported = rival == npos ? reported_by(who, q.quote, source) : npos;
    if (reported != npos) {
      merge_when(claims_[reported], q.when, q.when_text);
      add_evidence(claims_[reported], std::move(ev));
      return;
    }
    DraftClaim claim{ClaimKind::quote, who, q.quote, q.when, q.when_text, "", {std::move(ev)}, rival};
    claim.signatures.push_back(detail::signature_of(q.quote, who, {who}));
    claim.rival_speaker = rival != npos;
    claim.paragraph = q.paragraph;
    claims_.push_back(std::move(claim));
  }

  // Another outlet may have reported in its own words what this one quotes,
  // or quoted the words inside its sentence: the same speaker and the quote's
  // words in its excerpt, or the same fact (detail::same_fact), is one claim.
  std::size_t reported_by(std::size_t who, const std::string &quote, std::size_t source) const {
    detail::FactSignature signature = detail::signature_of(quote, who, {who});
    std::string words = fold_text(quote);
    bool long_enough = word_set(quote).size() >= 3;
    for (std::size_t c = 0; c < claims_.size(); ++c) {
      const DraftClaim &claim = claims_[c];
      if (claim.kind == ClaimKind::quote || claim.who != who || has_source(claim, source)) continue;
      bool verbatim = long_enough && std::any_of(claim.evidence.begin(), claim.evidence.end(), [&](const Evidence &e) {
                        return fold_text(e.quote).find(words) != std::string::npos;
                      });
      bool same =
          verbatim || std::any_of(claim.signatures.begin(), claim.signatures.end(),
                                  [&](const detail::FactSignature &f) { return detail::same_fact(f, signature); });
      if (same) return c;
    }
    return npos;
  }

  // A fact or reported statement joins the claim of another outlet that
  // states the same thing (detail::same_fact); two exact dates that
  // disagree make it a rival instead.
  void add_statement(std::size_t who, const FoundStatement &s, std::size_t source,
                     const std::vector<std::size_t> &named, const std::optional<Date> &published) {
    std::string what = s.what.empty() ? s.sentence : s.what;
    const std::string &compared = s.clause.empty() ? what : s.clause;
    detail::FactSignature signature = detail::signature_of(compared, who, named, s.own_words);
    signature.when = distinctive_date(s.when, published);
    std::size_t best = npos;
    double best_score = 0;
    const std::string folded_new = fold_text(what);
    for (std::size_t c = 0; c < claims_.size(); ++c) {
      const DraftClaim &claim = claims_[c];
      if (has_source(claim, source)) continue;
      // A statement or an event can report what another outlet quotes: same
      // speaker, same words ("teams were dispatched" / "X dispatched teams").
      bool paraphrase = claim.kind == ClaimKind::quote && claim.who == who;
      if (claim.kind == ClaimKind::quote && !paraphrase) continue;
      double score = claim.who == who && folded(claim) == folded_new ? 10 : 0;
      for (const detail::FactSignature &seen : claim.signatures)
        score = std::max(score, detail::fact_similarity(seen, signature));
      if (score <= best_score) continue;
      // checked last, and only for a better candidate: it compares every excerpt of the claim again
      bool conflict =
          std::any_of(claim.signatures.begin(), claim.signatures.end(),
                      [&](const detail::FactSignature &f) { return detail::figures_conflict(f, signature); });
      if (!conflict) best = c, best_score = score;
    }
    if (best == npos) {
      DraftClaim claim{s.kind, who, what, s.when, s.when_text, s.topic, {evidence(source, s.sentence)}, npos};
      claim.paragraph = s.paragraph;
      claim.signatures.push_back(std::move(signature));
      claims_.push_back(std::move(claim));
      return;
    }
    DraftClaim &claim = claims_[best];
    if (exact(claim.when) && exact(s.when) && !dates_agree(*claim.when, *s.when)) {
      DraftClaim rival{s.kind, claim.who, what, s.when, s.when_text, claim.verb, {evidence(source, s.sentence)}, best};
      rival.paragraph = s.paragraph;
      rival.signatures.push_back(std::move(signature));
      claims_.push_back(std::move(rival));
      return;
    }
    merge_when(claim, s.when, s.when_text);
    add_evidence(claim, evidence(source, s.sentence));
    claim.signatures.push_back(std::move(signature));
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

  // "the Prime Minister" in one outlet is "Prime Minister Boris Johnson" in
  // another: a description made of title words goes to the one person whose
  // role holds those words, and its quotes meet that person's.
  void resolve_descriptions() {
    std::vector<std::size_t> target(entities_.size(), npos);
    for (std::size_t d = 0; d < entities_.size(); ++d) {
      if (!name_words(entities_[d].name).empty()) continue;
      std::vector<std::string> wanted;
      for (const std::string &w : detail::tokenize_words(fold_text(entities_[d].name)))
        if (w != "the" && w != "a" && w != "an" && w != "one") wanted.push_back(w);
      if (wanted.empty()) continue;
      for (std::size_t p = 0; p < entities_.size(); ++p) {
        const Entity &person = entities_[p];
        if (p == d || person.kind_or_default() != EntityKind::person || !person.description) continue;
        std::vector<std::string> role = detail::tokenize_words(fold_text(*person.description));
        bool fits = std::all_of(wanted.begin(), wanted.end(), [&](const std::string &w) {
          return std::find(role.begin(), role.end(), w) != role.end();
        });
        bool qualified = std::any_of(role.begin(), role.end(), [&](const std::string &w) {
          return (w == "vice" || w == "deputy" || w == "former") &&
                 std::find(wanted.begin(), wanted.end(), w) == wanted.end();
        });
        if (!fits || qualified) continue;
        target[d] = target[d] == npos ? p : static_cast<std::size_t>(-2); // two fit: stays unresolved
      }
    }
    for (DraftClaim &claim : claims_) {
      if (claim.who < target.size() && target[claim.who] < entities_.size()) claim.who = target[claim.who];
      for (Evidence &e : claim.evidence)
        if (e.speaker_index < target.size() && target[e.speaker_index] < entities_.size())
          e.speaker_index = target[e.speaker_index];
    }
    merge_resolved_quotes();
  }

  // Quotes of one speaker that only now share a speaker.
  void merge_resolved_quotes() {
    for (std::size_t i = 0; i < claims_.size(); ++i) {
      for (std::size_t j = i + 1; j < claims_.size(); ++j) {
        DraftClaim &a = claims_[i], &b = claims_[j];
        if (a.kind != ClaimKind::quote || b.kind != ClaimKind::quote || a.who != b.who || b.evidence.empty()) continue;
        bool overlap = std::any_of(b.evidence.begin(), b.evidence.end(),
                                   [&](const Evidence &e) { return has_source(a, e.source_index); });
        const std::string &x = folded(a), &y = folded(b);
        bool contained = !x.empty() && !y.empty() && (x.find(y) != std::string::npos || y.find(x) != std::string::npos);
        bool same = contained || detail::same_quote(a.what, b.what);
        if (overlap || !same) continue;
        for (Evidence &e : b.evidence) add_evidence(a, std::move(e));
        merge_when(a, b.when, b.when_text);
        b.evidence.clear(); // emptied: left out of the story
        for (DraftClaim &other : claims_)
          if (other.rival == j) other.rival = i;
      }
    }
  }

  Story assemble() {
    resolve_descriptions();
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
    for (std::size_t c : salience_order())
      if (!claims_[c].evidence.empty()) story.claims.push_back(to_claim(c, claim_ids));
    story.entities = std::move(entities_);
    return story;
  }

  // The strongest first, so that a reviewer reads them first: facts several
  // outlets state, then the lead, then claims with figures, then named actors.
  std::vector<std::size_t> salience_order() const {
    std::vector<std::size_t> order(claims_.size());
    for (std::size_t c = 0; c < order.size(); ++c) order[c] = c;
    auto outlets = [&](const DraftClaim &d) {
      std::set<std::size_t> seen;
      for (const Evidence &e : d.evidence) seen.insert(e.source_index);
      return seen.size();
    };
    auto rank = [&](std::size_t c) {
      const DraftClaim &d = claims_[c];
      bool figure = !d.signatures.empty() && std::any_of(d.signatures[0].amounts.begin(), d.signatures[0].amounts.end(),
                                                         [](const detail::Amount &a) { return a.distinctive; });
      bool named = entities_[d.who].kind != EntityKind::other;
      return std::make_tuple(-static_cast<long>(outlets(d)), d.paragraph == 0 ? 0 : 1, figure ? 0 : 1, named ? 0 : 1);
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rank(a) < rank(b); });
    return order;
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
    bool speaker = d.rival_speaker, contested = d.rival != npos;
    for (const DraftClaim &o : claims_) {
      if (o.rival != c) continue;
      contested = true;
      speaker = speaker || o.rival_speaker;
    }
    if (!contested) {
      // one claim, nothing to compare
    } else if (speaker) {
      claim.topic = "speaker." + ids[family]; // the same words, another speaker
      claim.value = entities_[d.who].id;
    } else if (d.kind != ClaimKind::quote && exact(d.when)) {
      claim.topic = "when." + ids[family]; // the same fact, another date
      claim.value = d.when->to_string();
    } else {
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
