// What the test scripts' page.evaluate callbacks find in the pages they drive: the instruments
// their init scripts install, the demo editor's test hook and axe-core. Types for tsc only.

interface Window {
  __test: any; // tests/browser/run.mjs and i18n-a11y.mjs: renders, errors, layout shifts, CSP violations
  __lcp: number[]; // tests/browser/run.mjs (afterPaintChecks): the page's LCP entries, epoch ms
  __fc: any; // tests/bench/perf/browser.mjs: marks in the page's clock
  __sec: any; // tests/security/run.mjs: what an injection vector managed to call
  __heavy: any; // tests/browser/hostile.mjs: the 1,000-card page
  __wasm: any; // tests/browser/hostile.mjs: wasm compilations seen on the page
  __editorTest: any; // tests/browser/editor.mjs
  factcardEditor: any; // demo/editor/main.mjs's test hook
  __violations: string[]; // tests/browser/desk.mjs
  axe: any; // axe-core, injected by tests/browser/harness.mjs
}
