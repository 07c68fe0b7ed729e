// @ts-check
// The console table and docs/PERFORMANCE.md.
const STATUS = { true: 'met', false: 'MISSED', null: '' };

export const SECTIONS = {
  bytes: 'Widget bytes',
  page: 'Page cost (Lighthouse and a driven browser)',
  core: 'Core throughput and scaling (`factcard build`)',
  wasm: 'wasm against native',
  extraction: 'Extraction speed',
  heavy: 'Heavy page: 1,000 cards from 10 bundles (100 with --quick)',
};

const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderTable(figures) {
  const rows = figures.map((f) => [f.what, f.display, f.target || '', STATUS[f.met]]);
  const widths = [70, 70, 18, 6];
  const clip = (s, w) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
  const lines = [];
  let section = null;
  for (const [i, r] of rows.entries()) {
    if (figures[i].section !== section) {
      section = figures[i].section;
      lines.push('', `== ${SECTIONS[section] || section}`);
    }
    lines.push(r.map((c, k) => clip(c, widths[k])).join('  ').trimEnd());
  }
  return lines.join('\n');
}

export function renderMarkdown({ machine, options, figures, notes, method }) {
  const met = figures.filter((f) => f.met === true).length;
  const missed = figures.filter((f) => f.met === false);
  const out = [];
  out.push('# Performance', '');
  out.push('Written by `node tests/bench/perf/bench.mjs` (`./run bench`); do not edit by hand. '
    + 'The numbers are in [performance.json](performance.json). Each figure comes with the command that reproduces it. '
    + 'The profile notes at the end come from `tests/bench/perf/NOTES.md`, written by hand.', '');
  out.push(`**${met} targets met, ${missed.length} missed**${missed.length ? `: ${missed.map((f) => f.short || f.what.split(',')[0].split(' (')[0]).filter((v, i, a) => a.indexOf(v) === i).join('; ')}` : ''}.`, '');
  out.push('## Machine and tools', '');
  out.push(`${machine.date}, commit ${machine.commit}. ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB RAM, `
    + `load average (1, 5, 15 min) at start ${machine.loadAverage}, at end ${machine.loadAverageEnd}, ${machine.os}.${options.quick ? ' **Quick run (--quick): small sizes, one run each; a smoke test, not a measurement.**' : ''}`, '');
  out.push(Object.entries(machine.tools).map(([k, v]) => `${k} ${v}`).join(' · '), '');
  if (machine.warning) out.push(`**Warning:** ${machine.warning}.`, '');
  out.push('## Method', '');
  for (const line of method) out.push(`- ${line}`);
  out.push('');
  for (const [section, title] of Object.entries(SECTIONS)) {
    const list = figures.filter((f) => f.section === section);
    if (!list.length) continue;
    out.push(`## ${title}`, '');
    out.push('| figure | value | target | |', '|---|---|---|---|');
    for (const f of list) out.push(`| ${cell(f.what)} | ${cell(f.display)} | ${cell(f.target || '—')} | ${STATUS[f.met] || ''} |`);
    out.push('');
    // Each command once, with the figures it reproduces.
    const commands = new Map();
    for (const f of list) commands.set(f.command, [...(commands.get(f.command) || []), f.what]);
    out.push('Reproduce:', '');
    for (const [command, whats] of commands) {
      out.push(`- ${whats.join('; ')}:`, '', '  ```sh', ...command.split(/ {3}(?=# )/).map((l) => `  ${l}`), '  ```', '');
    }
  }
  if (notes) out.push(notes.trim(), '');
  return `${out.join('\n')}\n`;
}
