// factcard: the command-line tool. Reads story files, prints cards, builds
// what a site publishes. Exit status: 0 done, 1 the input has errors,
// 2 the command line or the file system is wrong.
#include "args.hpp"
#include "help.hpp"

#include "factcard/card_page.hpp"
#include "factcard/csv.hpp"
#include "factcard/extract.hpp"
#include "factcard/load.hpp"
#include "factcard/publish.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

namespace fs = std::filesystem;
using namespace factcard;
using namespace factcard::cli;

namespace {

constexpr int exit_ok = 0, exit_invalid = 1, exit_usage = 2;
const char *const version = FACTCARD_VERSION; // from the VERSION file (cli/CMakeLists.txt)

int usage_error(const std::string &message) {
  std::cerr << "factcard: " << message << "\nTry 'factcard --help'.\n";
  return exit_usage;
}

std::optional<std::string> read_file(const std::string &path, std::string &error) {
  std::ifstream in(path, std::ios::binary);
  if (!in || fs::is_directory(path)) {
    error = "cannot read '" + path + "': " + (fs::is_directory(path) ? "is a directory" : std::strerror(errno));
    return std::nullopt;
  }
  // A regular file is read into a string of its size: no second copy of a large story.
  std::error_code ec;
  std::uintmax_t size = fs::is_regular_file(path, ec) ? fs::file_size(path, ec) : 0;
  if (!ec && size > 0) {
    std::string content(static_cast<std::size_t>(size), '\0');
    in.read(&content[0], static_cast<std::streamsize>(size));
    content.resize(static_cast<std::size_t>(in.gcount()));
    if (in.gcount() == static_cast<std::streamsize>(size)) return content;
    in.clear();
    in.seekg(0);
  }
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

bool write_file(const fs::path &path, std::string_view content) {
  // POSIX calls rather than a stream or stdio (no buffer to allocate, no fstat):
  // a build writes one small file per card.
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  bool ok = fd >= 0;
  int error = errno;
  for (std::size_t done = 0; ok && done < content.size();) {
    ssize_t wrote = ::write(fd, content.data() + done, content.size() - done);
    if (wrote >= 0) {
      done += static_cast<std::size_t>(wrote);
    } else if (errno != EINTR) {
      ok = false;
      error = errno;
    }
  }
  if (fd >= 0 && ::close(fd) != 0 && ok) {
    ok = false;
    error = errno;
  }
  if (!ok) std::cerr << "factcard: cannot write '" << path.string() << "': " << std::strerror(error) << "\n";
  return ok;
}

void print_errors(const Diagnostics &errors) {
  for (const Diagnostic &d : errors) std::cerr << d.to_string() << "\n";
}

int run_validate(const Args &args) {
  if (args.files.empty()) return usage_error("validate needs at least one FILE");
  int status = exit_ok;
  for (const std::string &path : args.files) {
    std::string error;
    std::optional<std::string> text = read_file(path, error);
    if (!text) {
      std::cerr << "factcard: " << error << "\n";
      status = exit_usage;
      continue;
    }
    Result<LoadedInput> loaded = load_input(*text, path);
    if (!loaded) {
      print_errors(loaded.errors());
      std::cerr << path << ": " << loaded.errors().size() << (loaded.errors().size() == 1 ? " error\n" : " errors\n");
      if (status == exit_ok) status = exit_invalid;
      continue;
    }
    const std::size_t claims = loaded->story.claims.size();
    const LoadedInput set = cards_of(std::move(*loaded));
    const bool bundle = set.kind == InputKind::bundle;
    std::cout << path << ": valid " << (bundle ? "bundle" : "story") << " (" << set.story.entities.size()
              << " entities, " << set.story.sources.size() << " sources, ";
    if (!bundle) std::cout << claims << " claims, ";
    std::cout << set.cards.size() << " cards)\n";
  }
  return status;
}

// Loads one story file (or bundle) for a command, printing why when it cannot.
// The file is parsed once, and its text is freed before anything is computed.
std::optional<LoadedInput> load_for(const Args &args, const char *command, int &status) {
  if (args.files.size() != 1) {
    status = usage_error(std::string(command) + " needs exactly one STORY file");
    return std::nullopt;
  }
  std::string error;
  std::optional<std::string> text = read_file(args.files[0], error);
  if (!text) {
    std::cerr << "factcard: " << error << "\n";
    status = exit_usage;
    return std::nullopt;
  }
  Result<LoadedInput> loaded = load_input(*text, args.files[0]);
  std::string().swap(*text);
  if (!loaded) {
    print_errors(loaded.errors());
    status = exit_invalid;
    return std::nullopt;
  }
  return std::move(*loaded);
}

int run_cards(const Args &args) {
  int status = exit_ok;
  std::optional<LoadedInput> input = load_for(args, "cards", status);
  if (!input) return status;
  LoadedInput set = cards_of(std::move(*input));
  std::cout << cards_to_json(set.story, set.cards).dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
  return exit_ok;
}

int run_build(const Args &args) {
  auto output = args.options.find("output");
  if (output == args.options.end()) return usage_error("build needs -o DIR");
  int status = exit_ok;
  std::optional<LoadedInput> input = load_for(args, "build", status);
  if (!input) return status;
  if (input->kind == InputKind::bundle) {
    std::cerr << "factcard: build needs a story file, and '" << args.files[0] << "' is a compiled bundle\n";
    return exit_usage;
  }
  auto base = args.options.find("base"), site = args.options.find("site-name");
  EmbedOptions options =
      embed_options(base != args.options.end() ? base->second : "", site != args.options.end() ? site->second : "");

  fs::path dir(output->second);
  std::error_code ec;
  for (const char *folder : {"embed", "cards"}) {
    fs::create_directories(dir / folder, ec);
    if (ec) {
      std::cerr << "factcard: cannot create '" << (dir / folder).string() << "': " << ec.message() << "\n";
      return exit_usage;
    }
  }
  LoadedInput built = cards_of(std::move(*input)); // the claims' text moves into the cards
  const Story &story = built.story;
  std::vector<Card> cards = std::move(built.cards);
  const fs::path bundle_file = dir / bundle_path(story), jsonld_file = dir / jsonld_path(story);
  std::ofstream bundle(bundle_file, std::ios::binary), jsonld(jsonld_file, std::ios::binary);
  const std::size_t count = cards.size();
  BuildSink sink;
  sink.bundle = [&](std::string_view text) { return static_cast<bool>(bundle.write(text.data(), text.size())); };
  sink.jsonld = [&](std::string_view text) { return static_cast<bool>(jsonld.write(text.data(), text.size())); };
  sink.snippet = [&](const std::string &card, std::string_view html) {
    return write_file(dir / snippet_path(card), html);
  };
  sink.page = [&](const std::string &card, std::string_view html) {
    return write_file(dir / card_page_path(card), html);
  };
  sink.oembed = [&](const std::string &card, std::string_view json) {
    return write_file(dir / oembed_path(card), json);
  };
  if (!has_absolute_base(options)) {
    std::cerr << "factcard: no absolute --base URL: card pages are written without canonical links, og:url and "
                 "oEmbed files\n";
  }
  bool ok = write_build(story, std::move(cards), options, sink);
  bundle.close();
  jsonld.close();
  if (!bundle) std::cerr << "factcard: cannot write '" << bundle_file.string() << "': " << std::strerror(errno) << "\n";
  if (!jsonld) std::cerr << "factcard: cannot write '" << jsonld_file.string() << "'\n";
  ok = ok && bundle && jsonld;
  if (!ok) return exit_usage;
  std::cout << "wrote " << bundle_file.string() << ", " << jsonld_file.string() << ", " << count << " snippets in "
            << (dir / "embed").string() << " and " << count << " card pages"
            << (has_absolute_base(options) ? " with oEmbed files" : "") << " in " << (dir / "cards").string() << "\n";
  return exit_ok;
}

int run_extract(const std::vector<std::string> &argv) {
  std::vector<Article> articles;
  std::optional<Date> date;
  bool annotations = false, dates_only = false;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string &arg = argv[i];
    if (arg == "--annotations") {
      annotations = true;
    } else if (arg == "--only" || arg == "--only=dates") {
      std::string value = arg == "--only" ? (i + 1 < argv.size() ? argv[++i] : "") : "dates";
      if (value != "dates") return usage_error("--only takes 'dates', not '" + value + "'");
      dates_only = true;
    } else if (arg == "--date" || arg.rfind("--date=", 0) == 0) {
      std::string value = arg == "--date" ? (i + 1 < argv.size() ? argv[++i] : "") : arg.substr(7);
      date = parse_date(value);
      if (!date || date->precision != Precision::day || date->approximate) {
        return usage_error("--date needs a day as YYYY-MM-DD, not '" + value + "'");
      }
    } else if (arg.size() > 1 && arg[0] == '-') {
      return usage_error("unknown option '" + arg + "'");
    } else {
      std::string error;
      std::optional<std::string> text = read_file(arg, error);
      if (!text) {
        std::cerr << "factcard: " << error << "\n";
        return exit_usage;
      }
      if (std::optional<Diagnostic> bad = find_non_utf8(*text, arg)) {
        std::cerr << bad->to_string() << "\n";
        return exit_invalid;
      }
      articles.push_back({arg, std::move(*text), date});
    }
  }
  if (articles.empty()) return usage_error("extract needs at least one ARTICLE");
  const auto dump = [](const Json &j) { return j.dump(2, ' ', false, Json::error_handler_t::replace); };
  if (annotations) {
    Json all = Json::array();
    for (const Article &article : articles) {
      Json one = annotations_json(dates_only ? analyse_dates(article) : analyse_article(article));
      one["file"] = article.name;
      all.push_back(std::move(one));
    }
    std::cout << dump(all) << "\n";
    return exit_ok;
  }
  std::string draft = save_story(draft_story(articles));
  Result<Story> check = load_story(draft, "<draft>");
  if (!check) { // a bug in the extractor: say so rather than print a broken file
    std::cerr << "factcard: internal error: the draft does not validate\n";
    print_errors(check.errors());
    return exit_invalid;
  }
  std::cout << draft;
  return exit_ok;
}

int run_import(const Args &args) {
  if (args.files.size() != 1) return usage_error("import needs exactly one CSV file");
  const std::string &path = args.files[0];
  std::string error;
  std::optional<std::string> text = read_file(path, error);
  if (!text) {
    std::cerr << "factcard: " << error << "\n";
    return exit_usage;
  }
  CsvImportOptions options;
  auto option = [&](const char *key) -> std::optional<std::string> {
    auto found = args.options.find(key);
    if (found == args.options.end()) return std::nullopt;
    return found->second;
  };
  options.id = option("id");
  options.title = option("title");
  options.language = option("language");
  options.fallback_id = id_from_name(fs::path(path).stem().string());
  Result<Story> story = import_csv(*text, path, options);
  if (!story) {
    print_errors(story.errors());
    std::cerr << path << ": " << story.errors().size() << (story.errors().size() == 1 ? " error\n" : " errors\n");
    return exit_invalid;
  }
  std::string json = save_story(*story);
  auto output = args.options.find("output");
  if (output == args.options.end()) {
    std::cout << json;
    return exit_ok;
  }
  if (!write_file(output->second, json)) return exit_usage;
  std::cout << "wrote " << output->second << " (" << story->entities.size() << " entities, " << story->sources.size()
            << " sources, " << story->claims.size() << " claims)\n";
  return exit_ok;
}

int run_export(const Args &args, bool csv) {
  if (!csv) return usage_error("export needs a format: --csv");
  int status = exit_ok;
  std::optional<LoadedInput> input = load_for(args, "export", status);
  if (!input) return status;
  if (input->kind == InputKind::bundle) {
    std::cerr << "factcard: export needs a story file, and '" << args.files[0] << "' is a compiled bundle\n";
    return exit_usage;
  }
  Result<CsvExport> exported = export_csv(input->story, args.files[0]);
  if (!exported) {
    print_errors(exported.errors());
    return exit_invalid;
  }
  if (!exported->not_exported.empty()) {
    std::cerr << "factcard: note: left out, the CSV has no column for them:";
    const std::vector<std::string> &lost = exported->not_exported;
    for (std::size_t i = 0; i < lost.size(); ++i) std::cerr << (i ? ", " : " ") << lost[i];
    std::cerr << "\n";
  }
  auto output = args.options.find("output");
  if (output == args.options.end()) {
    std::cout << exported->text;
    return exit_ok;
  }
  if (!write_file(output->second, exported->text)) return exit_usage;
  std::cout << "wrote " << output->second << "\n";
  return exit_ok;
}

} // namespace

int main(int argc, char **argv) {
  std::vector<std::string> rest(argv + (argc > 0 ? 1 : 0), argv + argc);
  if (rest.empty()) {
    std::cerr << main_help;
    return exit_usage;
  }
  std::string command = rest[0];
  rest.erase(rest.begin());
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << main_help;
    return exit_ok;
  }
  if (command == "--version") {
    std::cout << "factcard " << version << "\n";
    return exit_ok;
  }
  auto help = command_help.find(command);
  bool wants_help =
      std::any_of(rest.begin(), rest.end(), [](const std::string &a) { return a == "--help" || a == "-h"; });
  if (command == "extract" && !wants_help) return run_extract(rest);
  if (help == command_help.end()) return usage_error("unknown command '" + command + "'");
  for (const std::string &arg : rest) {
    if (arg == "--help" || arg == "-h") {
      std::cout << help->second;
      return exit_ok;
    }
  }
  std::map<std::string, std::string> valued;
  if (command == "build")
    valued = {{"-o", "output"}, {"--output", "output"}, {"--base", "base"}, {"--site-name", "site-name"}};
  if (command == "import")
    valued = {
        {"-o", "output"}, {"--output", "output"}, {"--id", "id"}, {"--title", "title"}, {"--language", "language"}};
  if (command == "export") valued = {{"-o", "output"}, {"--output", "output"}};
  bool csv = false; // export's format flag
  if (command == "export") {
    auto flag = std::find(rest.begin(), rest.end(), "--csv");
    csv = flag != rest.end();
    if (csv) rest.erase(flag);
  }
  std::string error;
  std::optional<Args> args = parse_args(rest, valued, error);
  if (!args) return usage_error(error);
  if (command == "validate") return run_validate(*args);
  if (command == "cards") return run_cards(*args);
  if (command == "import") return run_import(*args);
  if (command == "export") return run_export(*args, csv);
  return run_build(*args);
}
