// The SAX handler that reads a story file or bundle: nlohmann's parser reports
// each token, and the handler puts each known member's value into its
// object's slots, with where it starts. Objects are handed to Records as they
// close, so a large file never exists as a DOM; only members this version
// does not know are kept as JSON, to be written back as they were. Every
// object is checked for duplicate keys (the first value stands) and nesting
// is limited.
#pragma once

#include "json_reader.hpp"
#include "record_fields.hpp"
#include "records.hpp"
#include "string_index.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace factcard {
namespace detail {

class StoryReader {
public:
  StoryReader(std::string_view text, TokenCursor &cursor, Records &records);

  std::vector<Problem> problems; // the reader's: duplicate keys, nesting, syntax
  bool file_read = false;        // the document is an object

  // Runs nlohmann's SAX parser over the text with this handler; false after a
  // syntax error (the records read before it are kept).
  bool parse();
  // The file's own members and "story", once the parse is over.
  void finish_file();

  // The SAX events.
  bool null();
  bool boolean(bool v);
  bool number_integer(Json::number_integer_t v);
  bool number_unsigned(Json::number_unsigned_t v);
  bool number_float(Json::number_float_t v, const std::string &);
  bool binary(Json::binary_t &);
  bool start_object(std::size_t);
  bool start_array(std::size_t);
  bool end_object();
  bool end_array();
  bool string(std::string &v);
  bool key(std::string &k);
  bool parse_error(std::size_t position, const std::string &last_token, const nlohmann::detail::exception &ex);

private:
  enum class FrameKind : unsigned char {
    dom,     // a container kept as JSON (an unknown member's), or one whose values are dropped
    section, // a top-level array of records
    record,  // an object read into slots: the file, "story", a record, an evidence item
    items,   // a record's "evidence" or "updates" array
    texts,   // an array member of Shape::texts
  };
  struct Frame {
    FrameKind kind = FrameKind::dom;
    bool object = false;
    Kind record = Kind::entity; // section, record, items: which objects
    Slot *slots = nullptr;      // record: its slots
    Json *extra = nullptr;      // record: its unknown members
    Json *target = nullptr;     // dom: the container being built, or null to drop the values
    bool not_object = false;    // dom: a record that is an array (reported when it closes)
    Location at = no_location;  // where it starts
    std::size_t items = 0;      // arrays: items so far
    Slot *slot = nullptr;       // texts, items: the member it is the value of
    StringIndex keys;           // objects: keys seen (only unknown ones in a record)
    std::string key;            // objects: the pending member
    bool discard = false;
    Field field = f_unknown;
    std::uint64_t known = 0; // record: the known members seen
  };

  Frame &push(FrameKind kind, bool object, Location at);
  Frame &push_record(Kind kind, Location at);
  static bool seen_key(Frame &f, const std::string &k);
  bool not_an_object(Location at);
  Json &extra_of(const Frame &f);
  void text_item(Frame &p, Location at, const std::string *text);
  void place(Frame &p, Json &&v);
  bool scalar(Json &&v, Slot::State state);
  template <class MakeJson> bool leaf(Slot::State state, const std::string *text, MakeJson make);
  bool open(bool object);
  void open_member(Frame &p, bool object, Location at);
  bool close();

  std::string_view text_;
  TokenCursor &cursor_;
  Records &records_;
  std::vector<Frame> frames_; // frames_[0, depth_) are open; sized once, so references stay valid
  std::size_t depth_ = 0;
  // The objects being read, a set of slots per level: the file, its "story"
  // (kept until the file is finished), a record, an evidence item, an update.
  Slot file_slots_[field_count], info_slots_[field_count], slots_[field_count], evidence_slots_[field_count],
      update_slots_[field_count];
  Json file_extra_, info_extra_, extra_, evidence_extra_, update_extra_;
  Location file_at_ = 0;
  NestedItems nested_;
  // The problems of an item of the kind (evidence or an update) in nested_.
  std::vector<Problem> &item_problems(Kind item);
};

} // namespace detail
} // namespace factcard
