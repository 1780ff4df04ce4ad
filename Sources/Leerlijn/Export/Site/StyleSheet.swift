/// `style.css`: the one stylesheet of every published page.
///
/// No framework and no inline styles (the pages' Content-Security-Policy says
/// `style-src 'self'`). System fonts; light and dark schemes by `prefers-color-scheme`; below
/// 40rem the catalogue table's rows become cards, each cell labelled by its `data-label`, so a
/// 390 px phone never scrolls sideways; a print stylesheet drops the filters and shows link
/// addresses. The plan reports' SVG takes its status and bar colours from here (classes
/// `status-*`, `status-symbol`, `timeline-bar`), so they follow the colour scheme too; every
/// status also has its symbol and word, so colour is never the only cue.
public enum StyleSheet {
    /// The published file name.
    public static let fileName = "style.css"

    /// The stylesheet's UTF-8 bytes.
    public static var bytes: [UInt8] { Array(source.utf8) }

    /// The stylesheet's text.
    public static let source = """
/* Leerlijn: one stylesheet for the catalogue, the programme pages and the plan reports. */
:root {
  color-scheme: light dark;
  --fg: #1b1b1b; --bg: #ffffff; --muted: #555555; --line: #c8c8c8; --accent: #0b4f8a; --card: #f4f6f8;
  --covered: #1e7b34; --verify: #8a5a00; --gap: #b3261e; --organisational: #4a4a9c; --na: #6b6b6b;
  --on-status: #ffffff; --bar: #0b4f8a;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #ececec; --bg: #121417; --muted: #b0b0b0; --line: #3c4148; --accent: #8cc4ff; --card: #1c2026;
    --covered: #6fd58a; --verify: #f2c46d; --gap: #ff8a80; --organisational: #b3b3ff; --na: #a0a0a0;
    --on-status: #121417; --bar: #8cc4ff;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; background: var(--bg); }
body {
  margin: 0 auto; max-width: 80rem; padding: 0 1rem 2rem;
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: var(--fg); background: var(--bg); overflow-wrap: anywhere;
}
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 1rem 0 0.5rem; }
h2 { font-size: 1.3rem; margin: 1.5rem 0 0.5rem; }
.skip-link { position: absolute; left: -999rem; }
.skip-link:focus { position: static; display: inline-block; padding: 0.5rem; }
header p, footer { color: var(--muted); }
.title-other { display: block; font-weight: normal; color: var(--muted); }
.basis-derived, .basis-rendered { text-decoration: none; margin-left: 0.15em; }
form#filters { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; align-items: end; padding: 0.75rem 1rem;
  background: var(--card); border: 1px solid var(--line); border-radius: 0.5rem; }
form#filters[hidden] { display: none; }
form#filters h2 { flex-basis: 100%; margin: 0; }
form#filters p { margin: 0.25rem 0; min-width: 0; max-width: 100%; }
form#filters label { display: inline-block; }
input, select, button { font: inherit; color: inherit; background: var(--bg); border: 1px solid var(--line);
  border-radius: 0.25rem; padding: 0.3rem 0.5rem; min-height: 2.25rem; max-width: 100%; }
#filter-status { flex-basis: 100%; font-weight: bold; }
table { border-collapse: collapse; width: 100%; margin-top: 1rem; }
caption { text-align: left; font-weight: bold; padding: 0.5rem 0; }
th, td { text-align: left; vertical-align: top; padding: 0.5rem; border-bottom: 1px solid var(--line); }
/* Wide enough screens give the fact columns room for a word, so they are never one letter wide. */
@media (min-width: 60rem) {
  #catalogue tr > :first-child { min-width: 8rem; }
  #catalogue tr > :nth-child(2) { min-width: 10rem; }
  #catalogue tr > :nth-child(n+3) { min-width: 5.5rem; }
}
@media (min-width: 75rem) {
  #catalogue tr > :first-child { min-width: 12rem; }
  #catalogue tr > :nth-child(2) { min-width: 16rem; }
  #catalogue tr > :nth-child(n+3) { min-width: 6.5rem; }
}
thead th { border-bottom: 2px solid var(--fg); }
tr[hidden] { display: none; }
dl.facts { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: 0.25rem 1rem; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
dl.facts ul { margin: 0; padding-left: 1.2rem; }
.summary { font-size: 1.1rem; }
.report svg { max-width: 100%; height: auto; display: block; }
.report svg .status { stroke: none; }
.report svg .status-covered { fill: var(--covered); }
.report svg .status-verify { fill: var(--verify); }
.report svg .status-gap { fill: var(--gap); }
.report svg .status-organisational { fill: var(--organisational); }
.report svg .status-na { fill: var(--na); }
.report svg .status-symbol { fill: var(--on-status); font-weight: bold; }
.report svg .timeline-bar { fill: var(--bar); }
.language-switch { text-align: right; margin: 0.5rem 0 0; }
.language-switch a { display: inline-block; padding: 0.25rem 0; }
.status-list li { margin: 0.25rem 0; }
@media (max-width: 40rem) {
  table, thead, tbody, tr, th, td, caption { display: block; width: 100%; }
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  tbody tr { margin: 0 0 1rem; padding: 0.5rem 0.75rem; background: var(--card); border: 1px solid var(--line); border-radius: 0.5rem; }
  tbody th, tbody td { border: 0; padding: 0.2rem 0; }
  tbody th { font-size: 1.1rem; }
  tbody td::before { content: attr(data-label) ": "; font-weight: bold; }
  tbody td:empty { display: none; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: 0.5rem; }
}
@media print {
  :root { --fg: #000000; --bg: #ffffff; --accent: #000000; --card: #ffffff; --line: #999999;
    --covered: #1e7b34; --verify: #8a5a00; --gap: #b3261e; --organisational: #4a4a9c; --na: #6b6b6b;
    --on-status: #ffffff; --bar: #0b4f8a; }
  form#filters, .skip-link, nav[aria-label="Downloads"], .language-switch { display: none; }
  body { max-width: none; font-size: 10pt; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: 0.85em; }
  tr, li, .programme { break-inside: avoid; }
}

"""
}
