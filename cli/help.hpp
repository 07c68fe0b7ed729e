// The text of `factcard --help` and of each `factcard COMMAND --help`.
#pragma once

#include <map>
#include <string>

namespace factcard::cli {

extern const char *const main_help;
// Every command's help, keyed by the command's name: the list of commands.
extern const std::map<std::string, const char *> command_help;

} // namespace factcard::cli
