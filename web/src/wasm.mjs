// The JS side of the wasm boundary, the one copy used by the widget, the editor's worker and the
// benchmarks (docs/ARCHITECTURE.md, "The wasm boundary"). The core's modules export fc_alloc and
// fc_free plus functions that take (pointer, length) of a NUL-terminated UTF-8 input and return a
// pointer the caller frees. What that pointer holds is the caller's business: `call` hands it to a
// reader, and readText (NUL-terminated UTF-8 JSON) is only the default. factcard.wasm, the page's
// module, answers no text at all: cards.mjs reads its cards field by field (withInput, then its
// accessors).

/**
 * The exports every factcard module has, plus its entry points (fc_cards, fc_extract, ...).
 * @typedef {{
 *   memory: WebAssembly.Memory,
 *   fc_alloc: (size: number) => number,
 *   fc_free: (pointer: number) => void,
 *   _initialize?: () => void,
 *   [entry: string]: unknown,
 * }} CoreExports
 */

/**
 * Turns the pointer an entry point returned into a value; the pointer is freed after it returns.
 * @template T
 * @typedef {(x: CoreExports, pointer: number) => T} Reader
 */

/**
 * Fetches and compiles a module. Throws a plain Error ("HTTP 404", a network or compile error):
 * callers say what it means for them.
 * @param {string} url
 * @param {RequestInit} [init] for the fetch (the widget asks for a low priority on an article page)
 * @returns {Promise<WebAssembly.Module>}
 */
export async function compileUrl(url, init) {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  // Streaming compilation needs the application/wasm MIME type; some servers get it wrong.
  return /^application\/wasm\b/.test(res.headers.get('content-type') || '')
    ? WebAssembly.compileStreaming(res)
    : WebAssembly.compile(await res.arrayBuffer());
}

/**
 * A live instance of a compiled module, its C runtime initialised.
 * @param {WebAssembly.Module} module
 * @returns {Promise<CoreExports>}
 */
export async function instantiate(module) {
  // The stubs need the memory, which exists only once the instance does.
  /** @type {{ x: CoreExports | null }} */
  const made = { x: null };
  const memory = () => /** @type {CoreExports} */ (made.x).memory;
  const instance = await WebAssembly.instantiate(module, quietImports(module, memory));
  const x = made.x = /** @type {CoreExports} */ (/** @type {unknown} */ (instance.exports));
  if (x._initialize) x._initialize();
  return x;
}

/**
 * The module imports a few Emscripten/WASI functions. Each gets a quiet stub: the core must not
 * print into a host page's console, and exiting or aborting becomes an ordinary JS error.
 * @param {WebAssembly.Module} module
 * @param {() => WebAssembly.Memory} memory the instance's memory, once there is one
 * @returns {WebAssembly.Imports}
 */
export function quietImports(module, memory) {
  /** @type {Record<string, Record<string, Function>>} */
  const imports = {};
  for (const { module: ns, name, kind } of WebAssembly.Module.imports(module)) {
    if (kind !== 'function') continue;
    /** @type {Function} */
    let stub = () => 0;
    if (/exit|abort/.test(name)) {
      stub = () => { throw new Error(`core called ${name}`); };
    } else if (name === 'fd_write') {
      // Report every byte as written (and drop it): libc retries a short write forever.
      stub = (/** @type {number} */ fd, /** @type {number} */ iovs, /** @type {number} */ count, /** @type {number} */ writtenPtr) => {
        const view = new DataView(memory().buffer);
        let total = 0;
        for (let i = 0; i < count; i++) total += view.getUint32(iovs + 8 * i + 4, true);
        view.setUint32(writtenPtr, total, true);
        return 0;
      };
    }
    (imports[ns] ||= {})[name] = stub;
  }
  return imports;
}

/**
 * Calls entry point `fn` on `input` (text, or UTF-8 bytes) and returns what `read` makes of its
 * result. Both buffers are freed whatever happens. A trap or a stub's throw propagates: the
 * instance may then be broken, which the caller decides how to handle.
 * @template [T=string]
 * @param {CoreExports} x
 * @param {string} fn
 * @param {string | Uint8Array} input
 * @param {Reader<T>} [read]
 * @returns {T}
 */
export function call(x, fn, input, read = /** @type {Reader<any>} */ (readText)) {
  return withInput(x, input, (pointer, length) => {
    const output = /** @type {(pointer: number, length: number) => number} */ (x[fn])(pointer, length);
    if (!output) throw new Error('out of memory');
    try {
      return read(x, output);
    } finally {
      x.fc_free(output);
    }
  });
}

/**
 * Copies `input` (text, or UTF-8 bytes) into wasm memory, NUL-terminated, and returns what `use`
 * makes of its pointer and byte length; the copy is freed whatever happens.
 * @template T
 * @param {CoreExports} x
 * @param {string | Uint8Array} input
 * @param {(pointer: number, length: number) => T} use
 * @returns {T}
 */
export function withInput(x, input, use) {
  // A string is encoded straight into wasm memory: a UTF-16 code unit takes at most 3 UTF-8 bytes.
  const capacity = typeof input === 'string' ? 3 * input.length + 1 : input.length + 1;
  const pointer = x.fc_alloc(capacity);
  if (!pointer) throw new Error('out of memory');
  try {
    let length = input.length;
    if (typeof input === 'string') {
      length = /** @type {number} */ (new TextEncoder().encodeInto(input, new Uint8Array(x.memory.buffer, pointer, capacity - 1)).written);
    } else {
      new Uint8Array(x.memory.buffer).set(input, pointer);
    }
    new Uint8Array(x.memory.buffer)[pointer + length] = 0;
    return use(pointer, length);
  } finally {
    x.fc_free(pointer);
  }
}

/**
 * The default reader: the NUL-terminated UTF-8 text at `pointer` (the JSON every entry point
 * returns today).
 * @type {Reader<string>}
 */
export function readText(x, pointer) {
  const memory = new Uint8Array(x.memory.buffer); // read after the call: it may have grown memory
  return new TextDecoder().decode(memory.subarray(pointer, memory.indexOf(0, pointer)));
}
