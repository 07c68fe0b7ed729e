#include "help.hpp"

namespace factcard::cli {

const char *const main_help = R"(factcard - fact cards from claims and sources

Usage:
  factcard validate FILE...                 check story files and bundles
  factcard cards STORY                      print the computed cards as JSON
  factcard build STORY -o DIR [--base URL] [--site-name NAME]
                                            write the bundle, embed snippets, JSON-LD and card pages
  factcard extract [--date D] ARTICLE...    draft a story from article texts
  factcard import FILE.csv [-o STORY]       a story file from a spreadsheet (CSV)
  factcard export --csv STORY [-o FILE]     a story as a spreadsheet (CSV)
  factcard COMMAND --help                   help for one command
  factcard --version

Exit status: 0 success, 1 invalid input, 2 usage or file errors.
)";

const std::map<std::string, const char *> command_help = {
    {"validate", R"(Usage: factcard validate FILE...

Checks each story file (or compiled bundle) and prints every problem as
FILE:LINE:COLUMN: message. Exits 0 when all are valid, 1 otherwise.
)"},
    {"cards", R"(Usage: factcard cards STORY

Prints the cards computed from STORY as JSON: claims that state the same thing
merged, their corroboration (distinct outlets), status and contradictions.
)"},
    {"build", R"(Usage: factcard build STORY -o DIR [--base URL] [--site-name NAME]

Writes, for a story whose id is ID:
  DIR/ID.cards.json            the compact bundle a page loads
  DIR/embed/CARD.html          one paste-ready snippet per card, with fallback text
  DIR/ID.jsonld                the story's claims as schema.org JSON-LD
  DIR/cards/CARD.html          a page per card: the card with its data inline,
                               share previews (Open Graph, Twitter) and JSON-LD
  DIR/cards/CARD.oembed.json   its oEmbed answer, when URL is absolute
Snippets load the widget from URL + "factcard/factcard.js" and the bundle from
URL + "ID.cards.json". URL defaults to "" (relative: DIR plus a copy of the
widget in DIR/factcard/ is a working site). Canonical links, og:url, oEmbed
discovery and the oEmbed files need an absolute URL (https://...): without
one, card pages are written without them.

Options:
  -o, --output DIR    where to write (created if missing)
  --base URL          prefix for the widget and bundle URLs; where DIR is served
  --site-name NAME    the site's name in card pages and oEmbed (default: the
                      story's title, else "factcard")
)"},
    {"extract", R"(Usage: factcard extract [--date YYYY-MM-DD] ARTICLE... > story.json

Drafts a story file from plain-text or Markdown news articles: quotes and
their speakers, reported speech, dated events, people and organisations with
their spellings clustered, the same claim across articles merged, differing
wordings and dates marked as contested. The draft validates; an editor
corrects it.

Each --date sets the publication date of the articles after it; without one,
a date the article states about itself is used, else the date is unknown and
relative dates ("last year") stay unresolved.

Options:
  --date YYYY-MM-DD   publication date of the following articles
  --annotations       print what was found per article (dates, people,
                      quotes) instead of a story, as a JSON array
  --only dates        with --annotations: find the dates only (for
                      comparisons with date-only tools)
)"},
    {"import", R"(Usage: factcard import FILE.csv [--id ID] [--title T] [--language L] [-o STORY]

Reads a spreadsheet saved as CSV (UTF-8, with or without a byte order mark):
one row per piece of evidence, a claim over several rows repeating its
claim_id, entities and sources described inline. Prints the story file, or
writes it to STORY. Every problem is printed as FILE:ROW:COLUMN: message (the
header is row 1, columns count from 1). The columns are in docs/CSV.md;
demo/template.csv is an example to start from.

Options:
  --id ID            the story id (else the story_id column, else the file name)
  --title T          the story title (else the story_title column)
  --language L       the story language (else the story_language column)
  -o, --output STORY where to write the story file
)"},
    {"export", R"(Usage: factcard export --csv STORY [-o FILE]

Writes STORY as CSV (UTF-8 with a byte order mark, CRLF line ends, as
spreadsheet programs expect), one row per piece of evidence; factcard import
reads it back with every field that has a column. Fields without a column are
listed on standard error.

Options:
  --csv              the format (the only one so far)
  -o, --output FILE  where to write (default: standard output)
)"},
};

} // namespace factcard::cli
