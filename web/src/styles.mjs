// The card's stylesheet: one constructable sheet adopted by every card's shadow root, so the page
// gets no <style> element and a strict style-src holds (web/README.md, "Theming" for the
// --factcard-* properties and ::part names it offers).

const CSS = `
:host{display:block;flex-grow:1;padding:0!important;border:0!important;background:none!important;box-shadow:none!important}
:host::before,:host::after{content:none!important;display:none!important}
[hidden]{display:none!important}
.card{all:initial;display:block;position:relative;box-sizing:border-box;min-height:inherit;overflow-wrap:break-word;
--bg:var(--factcard-bg,#fff);--fg:var(--factcard-fg,#1b1f24);--muted:var(--factcard-muted,#59636e);
--line:var(--factcard-border,#d5dae0);--accent:var(--factcard-accent,#0a58b0);--soft:var(--factcard-soft,#f3f5f8);
--ok:var(--factcard-corroborated,#1a7f37);--one:var(--factcard-single-source,#8a5a00);--bad:var(--factcard-contested,#c0302a);
--tone:var(--muted);color-scheme:light;
font:400 clamp(13px,var(--factcard-font-size,15px),18px)/1.45 var(--factcard-font,system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",Arial,sans-serif);
color:var(--fg);background:var(--bg);text-align:start;
border:1px solid var(--line);border-inline-start:.3em solid var(--tone);border-radius:var(--factcard-radius,.6em);
box-shadow:var(--factcard-shadow,0 1px 3px rgba(16,24,40,.08));padding:.95em 1.15em 1em}
.card.dark{color-scheme:dark;--bg:var(--factcard-bg,#171b21);--fg:var(--factcard-fg,#e6e9ed);--muted:var(--factcard-muted,#9ba5b1);
--line:var(--factcard-border,#323a44);--accent:var(--factcard-accent,#78b4ff);--soft:var(--factcard-soft,#20262e);
--ok:var(--factcard-corroborated,#4ac26b);--one:var(--factcard-single-source,#d9a53b);--bad:var(--factcard-contested,#ff7b72)}
.corroborated{--tone:var(--ok)}.single-source{--tone:var(--one)}.contested{--tone:var(--bad)}
*{box-sizing:border-box}
p,ul{margin:0;padding:0}ul{list-style:none}
.top{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:baseline;gap:.2em 1em;margin-bottom:.45em}
.status{font-size:.75em;font-weight:700;letter-spacing:.06em;text-transform:uppercase;color:var(--tone)}
.status::before{content:"";display:inline-block;width:.7em;height:.7em;margin-inline-end:.45em;border-radius:50%;background:currentColor}
.when{font-size:.85em;color:var(--muted)}
.what{font-size:1.13em;font-weight:650;line-height:1.35}
.who{margin-top:.35em;font-size:.88em;color:var(--muted)}.who b{font-weight:600;color:var(--fg)}
.updates{margin-top:.4em;font-size:.85em;color:var(--muted)}.updates summary{cursor:pointer;width:fit-content}
.update{margin-top:.3em;color:var(--fg)}.update time{font-weight:600;color:var(--muted)}
.label{margin-top:.85em;padding-top:.7em;border-top:1px solid var(--line);font-size:.72em;font-weight:700;letter-spacing:.08em;text-transform:uppercase;color:var(--muted)}
.source{margin-top:.45em;font-size:.88em;line-height:1.4}
.headline{display:block;overflow:hidden;white-space:nowrap;text-overflow:ellipsis;contain:inline-size}
.outlet{font-weight:650}.date,.speaker{color:var(--muted)}
.disputes{margin-inline-start:.5em;padding:0 .45em;border-radius:.3em;font-size:.85em;font-weight:600;color:var(--bad);border:1px solid currentColor}
a{color:var(--accent);text-decoration:underline;text-decoration-thickness:1px;text-underline-offset:.15em}
a:hover{text-decoration-thickness:2px}
.excerpts{display:none}.open .excerpts{display:block}
.excerpt{margin:.35em 0 .15em;padding:.4em .7em;border-inline-start:.2em solid var(--line);background:var(--soft);border-radius:.25em;font-style:italic}
.actions{display:flex;flex-wrap:wrap;gap:.5em;margin-top:.85em}
button{all:unset;box-sizing:border-box;cursor:pointer;font-size:.84em;font-weight:600;line-height:1.2;color:var(--accent);
border:1px solid var(--line);border-radius:99em;padding:.4em .9em;background:var(--bg)}
button:hover{background:var(--soft)}
button::after{content:"";display:inline-block;width:.4em;height:.4em;margin-inline-start:.5em;border:solid currentColor;border-width:0 .12em .12em 0;transform:translateY(-.15em) rotate(45deg)}
button[aria-expanded=true]::after{transform:translateY(.05em) rotate(-135deg)}
:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.conflict{margin-top:.2em}
.rival{margin-top:.5em;padding:.65em .8em;border:1px dashed var(--bad);border-radius:.4em;background:var(--soft)}
.rival .what{font-size:1em}
.cut,.compact .list-label,.compact .sources,.if-trimmed,.trimmed .if-full{display:none}.trimmed .if-trimmed{display:inline}
.clipped{overflow:hidden}
.more{position:absolute;inset:auto 0 0;display:flex;justify-content:flex-end;padding:1.4em .8em .55em;
border-radius:0 0 var(--factcard-radius,.6em) var(--factcard-radius,.6em);background:linear-gradient(transparent,var(--bg) 65%)}
`;

/** @type {CSSStyleSheet | null} */
let sheet = null;

/** The shared sheet, parsed on first use (warmUp in page.mjs pays that in a task of its own). */
export function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}
