#!/usr/bin/env node
// Renders every processes/*.bpmn to docs/diagrams/<same base name>.svg with
// bpmn-js (the same renderer as Camunda Modeler) in headless system Chromium.
//
//   node docs/render/render.mjs        (or docs/render/render.sh, which installs first)
//
// Environment:
//   CHROMIUM_PATH  Chromium executable (default /usr/bin/chromium). No browser is
//                  ever downloaded: playwright-core only drives the system one.
//
// Nothing is fetched while rendering: the bpmn-js bundle and the font come from
// node_modules and are put into an about:blank page; every network request the
// page might still make is aborted.
//
// Determinism: the same BPMN gives a byte-identical SVG, whatever fonts and font
// settings the machine has (a different Chromium release could still move label
// positions by fractions of a pixel; CI and developers use Debian's chromium).
//  * bpmn-js measures label text in the browser to wrap and centre it, so the
//    result would depend on the machine's fonts and fontconfig settings. The
//    page therefore defines the font family "Arial" (bpmn-js's default label
//    font) as Arimo from @fontsource/arimo, which has Arial's metrics, and loads
//    all its faces before any model is imported; Chromium runs with a private
//    fontconfig (fixed hinting, no system fonts). Checked: the same SVG comes out
//    with an empty or a different user fontconfig.
//  * The Arimo subsets the labels use are embedded in the SVG (named before
//    Arial), so it looks as laid out in any browser, with or without Arial.
//  * bpmn-js gives arrow-head markers random ids; they are renamed after the
//    connection that owns them (see normalise()).
//  * Models are rendered in sorted order, each in a fresh page.
//
// Exit status: 0 when every model imported without warnings and was written;
// 1 otherwise (nothing is written for a model that failed).

import { chromium } from 'playwright-core';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const PROCESSES = join(ROOT, 'processes');
const OUT = join(ROOT, 'docs', 'diagrams');

const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const VIEWER_BUNDLE = require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js');
const FONT_DIR = dirname(require.resolve('@fontsource/arimo/400.css'));

const rel = (p) => relative(ROOT, p) || '.';

function fail(message) {
  console.error(`render: ${message}`);
  process.exitCode = 1;
}

// @fontsource/arimo's regular faces, one per unicode-range subset, each with
// its woff2 file as base64.
async function arimoFaces() {
  const css = await readFile(join(FONT_DIR, '400.css'), 'utf8');
  const faces = [];
  for (const [block] of css.matchAll(/@font-face\s*\{[^}]*\}/g)) {
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1].trim();
    if (!file || !range) continue;
    const ranges = range.split(',').map((r) => {
      const [lo, hi = lo] = r.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(lo, 16), parseInt(hi, 16)];
    });
    const base64 = (await readFile(join(FONT_DIR, 'files', file))).toString('base64');
    faces.push({ range, ranges, base64 });
  }
  if (faces.length === 0) throw new Error('no woff2 font faces found in @fontsource/arimo/400.css');
  return faces;
}

function fontFaceCss(faces, family) {
  return faces.map((f) => `@font-face{font-family:'${family}';font-style:normal;font-weight:400;` +
    `font-display:block;src:url(data:font/woff2;base64,${f.base64}) format('woff2');` +
    `unicode-range:${f.range};}`).join('\n');
}

// Label widths also depend on the font rendering settings (hinting rounds glyph
// advances), which come from fontconfig: the system's /etc/fonts and the user's
// ~/.config/fontconfig. Chromium gets a private configuration instead, with
// fixed settings and no system fonts at all, so only the inlined font is used.
function fontconfigXml(cacheDir) {
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <cachedir>${cacheDir}</cachedir>
  <match target="pattern">
    <edit name="antialias" mode="assign"><bool>true</bool></edit>
    <edit name="hinting" mode="assign"><bool>true</bool></edit>
    <edit name="hintstyle" mode="assign"><const>hintslight</const></edit>
    <edit name="rgba" mode="assign"><const>none</const></edit>
    <edit name="lcdfilter" mode="assign"><const>lcddefault</const></edit>
  </match>
</fontconfig>
`;
}

function pageHtml(fontCss) {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><style>
${fontCss}
html, body { margin: 0; padding: 0; }
#canvas { width: 1600px; height: 1200px; }
</style></head><body><div id="canvas"></div></body></html>`;
}

// Runs inside the page.
async function loadFonts() {
  await Promise.all([...document.fonts].map((face) => face.load()));
  await document.fonts.ready;
  const faces = [...document.fonts];
  return {
    total: faces.length,
    loaded: faces.filter((f) => f.status === 'loaded' && f.family.replace(/["']/g, '') === 'Arial').length,
  };
}

// Runs inside the page.
async function renderInPage(xml) {
  const viewer = new window.BpmnJS({ container: '#canvas' });
  const fmt = (w) => (w && w.message) || String(w);
  try {
    const { warnings } = await viewer.importXML(xml);
    if (warnings && warnings.length) {
      return { warnings: warnings.map(fmt) };
    }
    const { svg } = await viewer.saveSVG();
    return { svg };
  } catch (err) {
    return { error: fmt(err), warnings: (err.warnings || []).map(fmt) };
  } finally {
    viewer.destroy();
  }
}

// The SVG names "Arial, sans-serif"; a viewer without Arial (or a metric clone)
// would draw wider labels than they were wrapped for. So the Arimo subsets that
// the labels need are embedded and named first.
function embedFont(svg, faces) {
  const decode = (t) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
  const codePoints = new Set();
  for (const [, text] of svg.matchAll(/<tspan\b[^>]*>([^<]*)<\/tspan>/g)) {
    for (const ch of decode(text)) codePoints.add(ch.codePointAt(0));
  }
  const used = faces.filter((f) => [...codePoints].some((cp) => f.ranges.some(([lo, hi]) => cp >= lo && cp <= hi)));
  if (used.length === 0) return svg;
  const style = `<defs><style>\n${fontFaceCss(used, 'Arimo')}\n</style></defs>`;
  return svg
    .replace(/(<svg\b[^>]*>)/, `$1${style}`)
    .replace(/font-family: Arial, sans-serif;/g, 'font-family: Arimo, Arial, sans-serif;');
}

// bpmn-js gives every arrow-head marker a random id ("marker-<random>"), kept
// in the <defs> of the connection that uses it. Rename each to
// "marker-<connection element id>-<n>" (n counts within that connection), so
// ids are fixed and editing one flow changes only that flow's ids.
function normalise(svg) {
  const names = new Map();
  const perElement = new Map();
  for (const m of svg.matchAll(/<marker\b[^>]*?\bid="(marker-[a-z0-9]+)"/g)) {
    const id = m[1];
    if (names.has(id)) continue;
    const at = svg.lastIndexOf('data-element-id="', m.index);
    const owner = at < 0 ? 'diagram' : svg.slice(at + 17, svg.indexOf('"', at + 17));
    const n = (perElement.get(owner) || 0) + 1;
    perElement.set(owner, n);
    names.set(id, `marker-${owner}-${n}`);
  }
  return svg
    .replace(/marker-[a-z0-9]+/g, (id) => names.get(id) ?? id)
    .replace(/\r\n/g, '\n')
    .replace(/\s*$/, '\n');
}

async function main() {
  if (!existsSync(PROCESSES)) {
    fail(`no ${rel(PROCESSES)}/ directory under ${ROOT}`);
    return;
  }
  const models = (await readdir(PROCESSES)).filter((f) => f.endsWith('.bpmn')).sort();
  await mkdir(OUT, { recursive: true });

  // A rendered diagram whose model is gone is removed, so it shows as stale.
  const wanted = new Set(models.map((f) => `${basename(f, '.bpmn')}.svg`));
  for (const f of (await readdir(OUT)).filter((f) => f.endsWith('.svg')).sort()) {
    if (!wanted.has(f)) {
      await rm(join(OUT, f));
      console.log(`removed   ${rel(join(OUT, f))} (no processes/${basename(f, '.svg')}.bpmn)`);
    }
  }
  if (models.length === 0) {
    console.log(`no ${rel(PROCESSES)}/*.bpmn: nothing to render`);
    return;
  }
  if (!existsSync(CHROMIUM_PATH)) {
    fail(`Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH, or apt-get install chromium)`);
    return;
  }

  const faces = await arimoFaces();
  const html = pageHtml(fontFaceCss(faces, 'Arial'));
  const tmp = await mkdtemp(join(tmpdir(), 'bpmn-render-'));
  const userDataDir = join(tmp, 'profile');
  const fontconfigFile = join(tmp, 'fonts.conf');
  await writeFile(fontconfigFile, fontconfigXml(join(tmp, 'fontconfig-cache')));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 60_000,
      offline: true,
      env: { ...process.env, FONTCONFIG_FILE: fontconfigFile },
    });
    await context.route('**/*', (route) => route.abort());

    for (const file of models) {
      const src = join(PROCESSES, file);
      const dest = join(OUT, `${basename(file, '.bpmn')}.svg`);
      const page = await context.newPage();
      const pageErrors = [];
      const firstLine = (t) => String(t).split('\n')[0];
      page.on('pageerror', (e) => pageErrors.push(firstLine(e.message)));
      page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(firstLine(m.text())); });
      try {
        await page.setContent(html);
        const fonts = await page.evaluate(loadFonts);
        if (fonts.loaded === 0 || fonts.loaded !== fonts.total) {
          throw new Error(`label font did not load (${fonts.loaded}/${fonts.total} faces)`);
        }
        await page.addScriptTag({ path: VIEWER_BUNDLE });
        const result = await page.evaluate(renderInPage, await readFile(src, 'utf8'));
        if (result.error || result.warnings || pageErrors.length) {
          const lines = [
            ...(result.error ? [`import failed: ${result.error}`] : []),
            ...(result.warnings || []).map((w) => `import warning: ${w}`),
            ...pageErrors.map((e) => `page error: ${e}`),
          ];
          fail(`${rel(src)} was not rendered:\n  ${lines.join('\n  ')}`);
          continue;
        }
        const svg = embedFont(normalise(result.svg), faces);
        const before = existsSync(dest) ? await readFile(dest, 'utf8') : null;
        if (before === svg) {
          console.log(`unchanged ${rel(dest)}`);
        } else {
          await writeFile(dest, svg);
          console.log(`${before === null ? 'created  ' : 'updated  '} ${rel(dest)}`);
        }
      } catch (err) {
        fail(`${rel(src)} was not rendered: ${err.message}`);
      } finally {
        await page.close();
      }
    }
  } finally {
    if (context) await context.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  fail(err.stack || err.message);
});
