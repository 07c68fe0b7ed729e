#include "story_reader.hpp"

namespace factcard {
namespace detail {

StoryReader::StoryReader(std::string_view text, TokenCursor &cursor, Records &records)
    : text_(text), cursor_(cursor), records_(records), frames_(max_depth + 1) {}

void StoryReader::finish_file() {
  records_.finish_file(file_slots_, file_at_, std::move(file_extra_), info_slots_, std::move(info_extra_));
}

bool StoryReader::key(std::string &k) {
  Location at = cursor_.next();
  Frame &f = frames_[depth_ - 1];
  f.field = f.kind == FrameKind::record ? field_of(f.record, k) : f_unknown;
  if (f.field != f_unknown) {
    // a record's known members are told apart by a bit each; only other keys are kept
    std::uint64_t bit = std::uint64_t(1) << f.field;
    f.discard = (f.known & bit) != 0;
    f.known |= bit;
  } else {
    f.discard = seen_key(f, k);
    f.key.assign(k);
  }
  if (f.discard) problems.push_back({at, "duplicate key \"" + k + "\""});
  return true;
}

bool StoryReader::parse_error(std::size_t position, const std::string &last_token,
                              const nlohmann::detail::exception &ex) {
  problems.push_back(syntax_problem(text_, position, last_token, ex));
  return false;
}

StoryReader::Frame &StoryReader::push(FrameKind kind, bool object, Location at) {
  Frame &f = frames_[depth_++];
  f.kind = kind;
  f.object = object;
  f.target = nullptr;
  f.not_object = false;
  f.at = at;
  f.items = 0;
  f.slot = nullptr;
  f.keys.clear();
  f.discard = false;
  f.field = f_unknown;
  f.known = 0;
  return f;
}

StoryReader::Frame &StoryReader::push_record(Kind kind, Location at) {
  Frame &f = push(FrameKind::record, true, at);
  f.record = kind;
  switch (kind) {
  case Kind::file:
    f.slots = file_slots_, f.extra = &file_extra_;
    break;
  case Kind::info:
    f.slots = info_slots_, f.extra = &info_extra_;
    break;
  case Kind::evidence:
    f.slots = evidence_slots_, f.extra = &evidence_extra_;
    break;
  case Kind::update:
    f.slots = update_slots_, f.extra = &update_extra_;
    break;
  default:
    f.slots = slots_, f.extra = &extra_;
    nested_.evidence.clear();
    nested_.evidence_problems.clear();
    nested_.updates.clear();
    nested_.update_problems.clear();
    break;
  }
  for (std::size_t i = 0; i < field_count; ++i) f.slots[i].state = Slot::absent;
  *f.extra = Json();
  return f;
}

bool StoryReader::seen_key(Frame &f, const std::string &k) { return !f.keys.insert(k); }

std::vector<Problem> &StoryReader::item_problems(Kind item) {
  return item == Kind::update ? nested_.update_problems : nested_.evidence_problems;
}

bool StoryReader::not_an_object(Location at) {
  problems.push_back({at, "expected a JSON object at the top level"});
  return false;
}

Json &StoryReader::extra_of(const Frame &f) {
  if (f.extra->is_null()) *f.extra = Json(Json::value_t::object);
  return *f.extra;
}

void StoryReader::text_item(Frame &p, Location at, const std::string *text) {
  ++p.items;
  Slot &s = *p.slot;
  if (text)
    s.texts.push_back(*text);
  else
    s.texts.emplace_back();
  s.text_ok.push_back(text != nullptr);
  s.text_at.push_back(at);
}

// Places a value in a dom frame (dropped when the frame keeps nothing, or
// under a repeated key).
void StoryReader::place(Frame &p, Json &&v) {
  ++p.items;
  if ((p.object && p.discard) || !p.target) return;
  if (p.object) {
    auto &members = p.target->get_ref<Json::object_t &>();
    // keys are checked for duplicates as they come, so append without a search
    static_cast<std::vector<std::pair<const std::string, Json>> &>(members).emplace_back(p.key, std::move(v));
  } else {
    p.target->push_back(std::move(v));
  }
}

// A value that is neither an object nor an array; `text` is the string's, if it is one. The JSON
// value is made only where it is kept (a text field keeps the text alone).
template <class MakeJson> bool StoryReader::leaf(Slot::State state, const std::string *text, MakeJson make) {
  Location at = cursor_.next();
  if (depth_ == 0) return not_an_object(at);
  Frame &p = frames_[depth_ - 1];
  switch (p.kind) {
  case FrameKind::record:
    if (p.discard) return true;
    if (p.field == f_unknown) {
      auto &members = extra_of(p).get_ref<Json::object_t &>();
      static_cast<std::vector<std::pair<const std::string, Json>> &>(members).emplace_back(p.key, make());
    } else {
      Slot &s = p.slots[p.field];
      s.state = state;
      s.at = at;
      if (shape_of(p.record, p.field) == Shape::scalar)
        s.value = make();
      else if (text)
        s.text.assign(*text);
    }
    return true;
  case FrameKind::texts:
    text_item(p, at, text);
    return true;
  case FrameKind::items:
    ++p.items;
    item_problems(p.record).push_back({at, std::string("expected ") + noun_of(p.record) + " to be a JSON object"});
    return true;
  case FrameKind::section:
    records_.problems.push_back({at, std::string("expected ") + noun_of(p.record) + " to be a JSON object"});
    return true;
  case FrameKind::dom:
    place(p, make());
    return true;
  }
  return true;
}

bool StoryReader::open(bool object) {
  Location at = cursor_.next();
  if (depth_ == 0) {
    if (!object) return not_an_object(at);
    file_read = true;
    file_at_ = at;
    push_record(Kind::file, at);
    return true;
  }
  if (depth_ >= max_depth) {
    problems.push_back({at, "nesting deeper than " + std::to_string(max_depth) + " levels"});
    return false;
  }
  Frame &p = frames_[depth_ - 1];
  switch (p.kind) {
  case FrameKind::dom: {
    Json *placed = nullptr;
    if (p.target && !(p.object && p.discard)) {
      place(p, object ? Json(Json::value_t::object) : Json(Json::value_t::array));
      placed = p.object ? &p.target->get_ref<Json::object_t &>().back().second : &p.target->back();
    } else {
      ++p.items;
    }
    push(FrameKind::dom, object, at).target = placed;
    return true;
  }
  case FrameKind::section:
    if (object) {
      push_record(p.record, at);
    } else {
      Frame &f = push(FrameKind::dom, false, at);
      f.not_object = true;
      f.record = p.record;
    }
    return true;
  case FrameKind::record:
    open_member(p, object, at);
    return true;
  case FrameKind::texts:
    text_item(p, at, nullptr);
    push(FrameKind::dom, object, at);
    return true;
  case FrameKind::items:
    ++p.items;
    if (object) {
      push_record(p.record, at);
    } else {
      item_problems(p.record).push_back({at, std::string("expected ") + noun_of(p.record) + " to be a JSON object"});
      push(FrameKind::dom, false, at);
    }
    return true;
  }
  return true;
}

// An object or array as the value of a member of an object read into slots.
void StoryReader::open_member(Frame &p, bool object, Location at) {
  if (p.discard) {
    push(FrameKind::dom, object, at);
    return;
  }
  if (p.field == f_unknown) {
    Json &extra = extra_of(p);
    auto &members = extra.get_ref<Json::object_t &>();
    static_cast<std::vector<std::pair<const std::string, Json>> &>(members).emplace_back(
        p.key, object ? Json(Json::value_t::object) : Json(Json::value_t::array));
    push(FrameKind::dom, object, at).target = &members.back().second;
    return;
  }
  Slot &s = p.slots[p.field];
  s.state = Slot::container;
  s.array = !object;
  s.at = at;
  s.items = 0;
  Shape shape = shape_of(p.record, p.field);
  if (!object && shape == Shape::texts) {
    s.texts.clear();
    s.text_ok.clear();
    s.text_at.clear();
    push(FrameKind::texts, false, at).slot = &s;
  } else if (!object && (shape == Shape::evidence || shape == Shape::updates)) {
    Frame &f = push(FrameKind::items, false, at);
    f.slot = &s;
    f.record = shape == Shape::evidence ? Kind::evidence : Kind::update;
  } else if (object && shape == Shape::record) {
    push_record(Kind::info, at);
  } else if (!object && shape == Shape::records) {
    push(FrameKind::section, false, at).record = p.field == f_entities  ? Kind::entity
                                                 : p.field == f_sources ? Kind::source
                                                 : p.field == f_cards   ? Kind::card
                                                                        : Kind::claim;
  } else {
    push(FrameKind::dom, object, at);
  }
}

bool StoryReader::close() {
  cursor_.next();
  Frame &f = frames_[--depth_];
  switch (f.kind) {
  case FrameKind::record:
    if (f.record == Kind::evidence) {
      nested_.evidence.push_back(
          Records::finish_evidence(f.slots, f.at, std::move(*f.extra), nested_.evidence_problems));
      *f.extra = Json();
    } else if (f.record == Kind::update) {
      nested_.updates.push_back(Records::finish_update(f.slots, f.at, std::move(*f.extra), nested_.update_problems));
      *f.extra = Json();
    } else if (f.record != Kind::file && f.record != Kind::info) { // those two wait for the end of the file
      records_.finish_record(f.record, f.slots, f.at, std::move(*f.extra), nested_);
      *f.extra = Json();
    }
    break;
  case FrameKind::items:
  case FrameKind::texts:
    f.slot->items = f.items;
    break;
  case FrameKind::dom:
    if (f.not_object)
      records_.problems.push_back({f.at, std::string("expected ") + noun_of(f.record) + " to be a JSON object"});
    break;
  case FrameKind::section:
    break;
  }
  return true;
}

bool StoryReader::scalar(Json &&v, Slot::State state) {
  return leaf(state, nullptr, [&v] { return std::move(v); });
}
bool StoryReader::null() { return scalar(Json(nullptr), Slot::null); }
bool StoryReader::boolean(bool v) { return scalar(Json(v), Slot::scalar); }
bool StoryReader::number_integer(Json::number_integer_t v) { return scalar(Json(v), Slot::scalar); }
bool StoryReader::number_unsigned(Json::number_unsigned_t v) { return scalar(Json(v), Slot::scalar); }
bool StoryReader::number_float(Json::number_float_t v, const std::string &) { return scalar(Json(v), Slot::scalar); }
bool StoryReader::binary(Json::binary_t &) { return scalar(Json(nullptr), Slot::null); }
bool StoryReader::start_object(std::size_t) { return open(true); }
bool StoryReader::start_array(std::size_t) { return open(false); }
bool StoryReader::end_object() { return close(); }
bool StoryReader::end_array() { return close(); }
// Strings are copied, not moved: the lexer keeps its buffer, and the copy is no larger than the text.
bool StoryReader::string(std::string &v) {
  return leaf(Slot::string, &v, [&v] { return Json(v); });
}

bool StoryReader::parse() { return sax_parse(text_, cursor_, *this); }

} // namespace detail
} // namespace factcard
