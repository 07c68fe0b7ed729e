// @ts-check
// The biggest function bodies of a wasm module, named from the symbol map that
// emcc's --emit-symbol-map writes beside it (MODULE.symbols), for the size
// tables of tests/bench/perf/NOTES.md:
//   node tests/bench/perf/wasm-funcs.mjs MODULE.wasm [--top N] [--grep TEXT]
// Reads the binary itself (no wabt needed): a function's size is its body's
// bytes in the code section, which is what a name-stripped release ships.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** @param {Uint8Array} bytes @param {number} at @returns {[number, number]} value, next offset */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

/** The imported functions come first in the index space, so bodies start after them. */
function importedFunctions(bytes, start, end) {
  let [count, at] = leb(bytes, start);
  let functions = 0;
  for (; count > 0 && at < end; count--) {
    for (let name = 0; name < 2; name++) {
      const [length, next] = leb(bytes, at);
      at = next + length;
    }
    const kind = bytes[at++];
    if (kind === 0) functions++;
    if (kind === 0 || kind === 3) [, at] = leb(bytes, at); // type index; global: type + mutability
    if (kind === 3) at++;
    if (kind === 1) at += 1; // table: element type, then limits
    if (kind === 1 || kind === 2) {
      const flags = bytes[at++];
      [, at] = leb(bytes, at);
      if (flags & 1) [, at] = leb(bytes, at);
    }
  }
  return functions;
}

/** @param {Uint8Array} bytes @returns {{ index: number, size: number }[]} */
function bodies(bytes) {
  let at = 8;
  let imported = 0;
  /** @type {{ index: number, size: number }[]} */
  const out = [];
  while (at < bytes.length) {
    const id = bytes[at++];
    const [size, start] = leb(bytes, at);
    if (id === 2) imported = importedFunctions(bytes, start, start + size);
    if (id === 10) {
      let [count, p] = leb(bytes, start);
      for (let i = 0; i < count; i++) {
        const [length, body] = leb(bytes, p);
        out.push({ index: imported + i, size: body - p + length });
        p = body + length;
      }
    }
    at = start + size;
  }
  return out;
}

/** emcc's symbol map escapes punctuation as \XX; the long template arguments are shortened for a table. */
function shorten(name) {
  return name
    .replace(/\\([0-9a-f]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/nlohmann::json_abi_v3_11_2::/g, 'nlohmann::')
    .replace(/std::__2::/g, 'std::')
    .replace(/basic_string<char, std::char_traits<char>, std::allocator<char> >/g, 'string')
    .replace(/nlohmann::basic_json<[^()]*?adl_serializer, std::vector<unsigned char, std::allocator<unsigned char> > >/g, 'json')
    .replace(/nlohmann::basic_json<nlohmann::ordered_map[^()]*?> >/g, 'json');
}

const args = process.argv.slice(2);
const file = args.find((a) => a.endsWith('.wasm'));
if (!file) {
  console.error('usage: node tests/bench/perf/wasm-funcs.mjs MODULE.wasm [--top N] [--grep TEXT]');
  process.exit(2);
}
const top = Number(args[args.indexOf('--top') + 1]) || 25;
const grep = args.includes('--grep') ? args[args.indexOf('--grep') + 1] : '';
const bytes = new Uint8Array(readFileSync(file));
/** @type {Map<number, string>} */
const names = new Map();
if (existsSync(`${file}.symbols`)) {
  for (const line of readFileSync(`${file}.symbols`, 'utf8').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) names.set(Number(line.slice(0, colon)), shorten(line.slice(colon + 1)));
  }
}
const all = bodies(bytes).map((f) => ({ ...f, name: names.get(f.index) ?? `func[${f.index}]` }));
const code = all.reduce((sum, f) => sum + f.size, 0);
console.log(
  `${file}: ${bytes.length} bytes, ${gzipSync(bytes, { level: 9 }).length} gzip; ` +
    `${all.length} functions, code ${code} bytes`,
);
const shown = all.filter((f) => f.name.includes(grep)).sort((a, b) => b.size - a.size);
if (grep) console.log(`"${grep}": ${shown.length} functions, ${shown.reduce((s, f) => s + f.size, 0)} bytes`);
console.log('| bytes | function |\n|---:|---|');
for (const f of shown.slice(0, top)) console.log(`| ${f.size} | \`${f.name.slice(0, 110)}\` |`);
