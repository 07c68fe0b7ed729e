#include "args.hpp"

namespace factcard::cli {

std::optional<Args> parse_args(const std::vector<std::string> &argv, const std::map<std::string, std::string> &valued,
                               std::string &error) {
  Args args;
  bool only_files = false;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string &arg = argv[i];
    if (only_files || arg.empty() || arg[0] != '-' || arg == "-") {
      args.files.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_files = true;
      continue;
    }
    std::string name = arg, value;
    bool has_value = false;
    std::size_t eq = arg.find('=');
    if (arg.rfind("--", 0) == 0 && eq != std::string::npos) {
      name = arg.substr(0, eq);
      value = arg.substr(eq + 1);
      has_value = true;
    }
    auto option = valued.find(name);
    if (option == valued.end()) {
      error = "unknown option '" + name + "'";
      return std::nullopt;
    }
    if (!has_value) {
      if (i + 1 >= argv.size()) {
        error = "option '" + name + "' needs a value";
        return std::nullopt;
      }
      value = argv[++i];
    }
    args.options[option->second] = value;
  }
  return args;
}

} // namespace factcard::cli
