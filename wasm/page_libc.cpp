// strtod, strtoull, strtoll and snprintf for factcard.wasm, the module every page of cards
// loads. libc's strtod reads through 128-bit long double arithmetic, and its
// snprintf carries every conversion (floating point in long double too): 7 KB
// and 3.5 KB of the module's gzip bytes (tests/bench/perf/NOTES.md), for what
// nlohmann/json asks of them here: a JSON number with a fraction or an
// exponent (its lexer), and "<U+%.4X>" for a control character in its error
// messages (its serializer, which also wrote "\u%04x", is no longer linked:
// page_quote.cpp); and an integer in base 10 (its lexer: libc's strtol.o,
// whose general strtox is 400 bytes of code). These answer those exactly as libc
// does, and anything else is declined (libc_declined): the page module then
// hands the input to factcard-story.wasm, which links libc's own. Only the
// page module links this file; nothing in core/ knows of it.
#include "page_libc.hpp"

#include <cerrno>
#include <cstdarg>
#include <cstddef>
#include <cstdint>

namespace factcard_wasm {

bool libc_declined = false;

namespace {

// 10^0 .. 10^22: every one is a double exactly.
constexpr double powers_of_ten[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
constexpr std::uint64_t max_exact = std::uint64_t(1) << 53;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A decimal number as digits x 10^exponent, up to 19 significant digits.
struct Decimal {
  std::uint64_t digits = 0;
  int significant = 0;
  long exponent = 0;
  bool lost = false; // a non-zero digit past the 19th

  void add(char c, bool fraction) {
    if (digits == 0 && c == '0') { // a leading zero
      exponent -= fraction;
    } else if (significant < 19) {
      digits = digits * 10 + static_cast<std::uint64_t>(c - '0');
      ++significant;
      exponent -= fraction;
    } else {
      lost = lost || c != '0';
      exponent += !fraction;
    }
  }
};

// Clinger's fast path: digits and 10^|exponent| are both exact doubles, so
// one multiplication or division rounds correctly, as libc's strtod does.
bool exact_value(Decimal d, double &out) {
  if (d.lost) return false;
  if (d.digits == 0) return out = 0, true;
  while (d.digits % 10 == 0) d.digits /= 10, ++d.exponent;
  while (d.exponent > 22 && d.digits <= max_exact / 10) d.digits *= 10, --d.exponent;
  if (d.digits > max_exact || d.exponent > 22 || d.exponent < -22) return false;
  double value = static_cast<double>(d.digits);
  out = d.exponent >= 0 ? value * powers_of_ten[d.exponent] : value / powers_of_ten[-d.exponent];
  return true;
}

// An integer as JSON writes it, in base 10: what nlohmann/json's lexer asks
// (it has checked the form: digits, after a '-' for strtoll). Out of range,
// ERANGE and the nearest limit, as libc answers; the lexer then reads the
// number with strtod. Any other text or base is declined. `limit` is the
// largest magnitude: ULLONG_MAX, or LLONG_MAX (+ 1 when negative).
unsigned long long read_integer(const char *text, char **end, int base, bool sign, unsigned long long limit) {
  const char *p = text;
  bool negative = sign && *p == '-';
  if (negative) ++p;
  if (base != 10 || !is_digit(*p)) {
    if (end) *end = const_cast<char *>(text);
    libc_declined = true;
    return 0;
  }
  limit += negative;
  unsigned long long value = 0;
  bool over = false;
  for (; is_digit(*p); ++p) {
    unsigned digit = static_cast<unsigned>(*p - '0');
    if (value > (limit - digit) / 10)
      over = true;
    else
      value = value * 10 + digit;
  }
  if (end) *end = const_cast<char *>(p);
  if (over) errno = ERANGE, value = limit;
  return negative ? 0 - value : value;
}

} // namespace
} // namespace factcard_wasm

using factcard_wasm::libc_declined;

extern "C" {

// A number as JSON writes it (nlohmann/json's lexer has checked its form).
double strtod(const char *text, char **end) {
  const char *p = text;
  bool negative = *p == '-';
  if (*p == '-' || *p == '+') ++p;
  factcard_wasm::Decimal d;
  for (; factcard_wasm::is_digit(*p); ++p) d.add(*p, false);
  if (*p == '.')
    for (++p; factcard_wasm::is_digit(*p); ++p) d.add(*p, true);
  if (*p == 'e' || *p == 'E') {
    ++p;
    bool minus = *p == '-';
    if (*p == '-' || *p == '+') ++p;
    long e = 0;
    for (; factcard_wasm::is_digit(*p); ++p) e = e < 100000 ? e * 10 + (*p - '0') : e;
    d.exponent += minus ? -e : e;
  }
  if (end) *end = const_cast<char *>(p);
  double value = 0;
  if (!factcard_wasm::exact_value(d, value)) libc_declined = true; // the value is not used then
  return negative ? -value : value;
}

unsigned long long strtoull(const char *text, char **end, int base) {
  return factcard_wasm::read_integer(text, end, base, false, ~0ull);
}

long long strtoll(const char *text, char **end, int base) {
  // two's complement: LLONG_MIN's magnitude, negated as unsigned, converts back to LLONG_MIN
  return static_cast<long long>(factcard_wasm::read_integer(text, end, base, true, ~0ull >> 1));
}

// libc's strtol.o also defines these, so they are replaced with it (long is
// 32 bits in wasm32, intmax_t 64).
unsigned long strtoul(const char *text, char **end, int base) {
  return static_cast<unsigned long>(factcard_wasm::read_integer(text, end, base, false, ~0ul));
}

long strtol(const char *text, char **end, int base) {
  return static_cast<long>(factcard_wasm::read_integer(text, end, base, true, ~0ul >> 1));
}

std::uintmax_t strtoumax(const char *text, char **end, int base) { return strtoull(text, end, base); }

std::intmax_t strtoimax(const char *text, char **end, int base) { return strtoll(text, end, base); }

// libc's strtod.o also defines these, so they are replaced with it; nothing
// here parses a float or a long double, and a call is declined.
float strtof(const char *text, char **end) {
  if (end) *end = const_cast<char *>(text);
  libc_declined = true;
  return 0;
}

long double strtold(const char *text, char **end) {
  if (end) *end = const_cast<char *>(text);
  libc_declined = true;
  return 0;
}

// %x and %X with a width, a zero flag or a precision: what nlohmann/json
// formats. Any other conversion is declined.
int snprintf(char *out, std::size_t size, const char *format, ...) {
  std::va_list args;
  va_start(args, format);
  std::size_t n = 0;
  auto put = [&](char c) {
    if (n + 1 < size) out[n] = c;
    ++n;
  };
  for (const char *p = format; *p; ++p) {
    if (*p != '%') {
      put(*p);
      continue;
    }
    bool zero = *++p == '0';
    int width = 0, precision = 0;
    for (; factcard_wasm::is_digit(*p); ++p) width = width * 10 + (*p - '0');
    if (*p == '.')
      for (++p; factcard_wasm::is_digit(*p); ++p) precision = precision * 10 + (*p - '0');
    if (*p != 'x' && *p != 'X') {
      libc_declined = true;
      break;
    }
    const char *hex = *p == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    unsigned value = va_arg(args, unsigned);
    char digits[8];
    int count = 0;
    do digits[count++] = hex[value & 15];
    while (value >>= 4);
    int least = precision > count ? precision : count;
    if (zero && precision == 0 && width > least) least = width;
    for (int pad = least; pad < width; ++pad) put(' ');
    for (int pad = count; pad < least; ++pad) put('0');
    while (count) put(digits[--count]);
  }
  va_end(args);
  if (size) out[n < size ? n : size - 1] = '\0';
  return static_cast<int>(n);
}

} // extern "C"
