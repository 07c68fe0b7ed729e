// Errors as values: every problem found in an input becomes a Diagnostic with
// its position, and operations return them instead of throwing (the wasm build
// has exceptions off, so a throw would abort the module).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace factcard {

struct Diagnostic {
  std::string file;     // as the caller named the input
  std::size_t line = 0; // 1-based; 0 when the problem has no position
  std::size_t column = 0;
  std::string message;

  // "file:line:col: message", as compilers print them.
  std::string to_string() const;
};

using Diagnostics = std::vector<Diagnostic>;

// A value or the reasons there is none. Never both: a partial result is
// not returned when anything went wrong.
template <class T> class Result {
public:
  Result(T value) : value_(std::move(value)) {}
  Result(Diagnostics errors) : errors_(std::move(errors)) {}

  bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }
  T &value() { return *value_; }
  const T &value() const { return *value_; }
  T &operator*() { return *value_; }
  const T &operator*() const { return *value_; }
  T *operator->() { return &*value_; }
  const T *operator->() const { return &*value_; }
  const Diagnostics &errors() const { return errors_; }

private:
  std::optional<T> value_;
  Diagnostics errors_;
};

} // namespace factcard
