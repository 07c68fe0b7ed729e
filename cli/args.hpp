// The command line split into files and options.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace factcard::cli {

struct Args {
  std::vector<std::string> files;
  std::map<std::string, std::string> options;
};

// Splits arguments into files and the options a command accepts: `valued`
// maps each spelling of an option ("-o", "--output") to its name ("output");
// each takes the next argument or "=value". "--" ends options.
std::optional<Args> parse_args(const std::vector<std::string> &argv, const std::map<std::string, std::string> &valued,
                               std::string &error);

} // namespace factcard::cli
