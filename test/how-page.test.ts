// "How it works" (how.html, scripts/how-page.ts from docs/how/<lang>.md): the page a class reads,
// as NetLogo's Info tab taught teachers to expect. In every language of the explorer: the same
// sections; one paragraph for each cause, prevention and co-governance mechanism, named as its
// control in the explorer is, with its source sentence quoted word for word from the papers; no
// file paths and no review notes; the researchers' documentation one link away. What the page
// says the model does is checked against runs in test/how-claims.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { howPage, howSource } from '../scripts/how-page.ts';
import { panelParams } from '../viz/controls.ts';

const ROOT = join(import.meta.dirname, '..');
const page = parseHTML(howPage(ROOT)).document;
const catalogs = Object.fromEntries(
  readdirSync(join(ROOT, 'viz', 'i18n', 'messages')).map((f) => [
    f.slice(0, -5),
    JSON.parse(readFileSync(join(ROOT, 'viz', 'i18n', 'messages', f), 'utf8')) as Record<string, string>,
  ]),
);
const LANGS = Object.keys(catalogs);
const article = (lang: string) => page.querySelector(`article[data-lang=${lang}]`)!;
/** The causes, preventions and co-governance mechanisms: the explorer's panel, less the world. */
const MECHANISMS = panelParams().filter((p) => p.group !== 'world');

/** The two source papers' abstracts (docs/sources/, as published), as one text without line breaks. */
const SOURCES = join(ROOT, 'docs', 'sources');
const papers = readdirSync(SOURCES)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(SOURCES, f), 'utf8'))
  .join('\n')
  .replace(/\s+/g, ' ');

/** The sentence a quotation quotes: the text between its quotation marks, with `[word]` standing for an editor's correction. */
function quoted(blockquote: Element): RegExp {
  const text = blockquote.textContent!.replace(/\s+/g, ' ');
  const inner = /“([^”]+)”/.exec(text)?.[1] ?? '';
  const escaped = inner.replace(/[.*+?^${}()|\\]/g, '\\$&').replace(/\\?\[[^\]]*\\?\]/g, '\\S+');
  return new RegExp(escaped.replace(/ /g, '\\s+'));
}

describe('"How it works"', () => {
  it("has an article in every language of the explorer, each with the Info tab's five sections in the same order", () => {
    const shape = (lang: string) => [...article(lang).querySelectorAll('h1, h2, h3, h4')].map((h) => h.tagName);
    for (const lang of LANGS) {
      expect(article(lang), lang).toBeTruthy();
      expect([...article(lang).querySelectorAll('h2')].length, lang).toBe(5);
      expect(shape(lang), lang).toEqual(shape('en'));
    }
    // English is shown when the link names no language (the script shows the one it names).
    expect(article('en').hasAttribute('hidden')).toBe(false);
    for (const lang of LANGS.filter((l) => l !== 'en')) expect(article(lang).hasAttribute('hidden')).toBe(true);
  });

  for (const lang of LANGS) {
    it(`(${lang}) gives each cause, prevention and co-governance mechanism a paragraph named as its control, with its source sentence`, () => {
      const headings = [...article(lang).querySelectorAll('h4')];
      for (const p of MECHANISMS) {
        // Its label on the panel, from the registry (English for a language the registry does not hold).
        const name = (p.label as Record<string, string> | undefined)?.[lang] ?? p.label!.en;
        const h = headings.find((e) => e.textContent!.trim().startsWith(name));
        expect(h, `${lang}: a paragraph for ${p.name} (${name})`).toBeTruthy();
        // Under its heading: the quotation, then at least one paragraph of explanation.
        const body: Element[] = [];
        for (let e = h!.nextElementSibling; e && !/^H\d$/.test(e.tagName); e = e.nextElementSibling) body.push(e);
        expect(body[0]?.tagName, `${p.name}: the source first`).toBe('BLOCKQUOTE');
        expect(
          body
            .filter((e) => e.tagName === 'P')
            .map((e) => e.textContent!.length)
            .reduce((a, b) => a + b, 0),
          `${p.name}: explained`,
        ).toBeGreaterThan(3 * Number(catalogs[lang]._minExplanationChars));
      }
    });

    it(`(${lang}) quotes the papers word for word`, () => {
      const quotes = [...article(lang).querySelectorAll('blockquote')];
      expect(quotes.length).toBeGreaterThanOrEqual(MECHANISMS.length);
      for (const q of quotes) expect(papers, q.textContent!).toMatch(quoted(q));
    });

    it(`(${lang}) shows no file path and no review note, and links the researchers' documentation`, () => {
      const text = howSource(ROOT, lang).text;
      expect(text).not.toMatch(/\b[\w-]+\/[\w./-]+\.(ts|md|json|js|mjs|csv)\b/);
      expect(text).not.toMatch(/\b(sim|lab|cli|viz|docs|test|scripts|scenarios)\//);
      expect(text).not.toMatch(/`/);
      expect(text).not.toMatch(/review|referee|REVIEW|TODO|npm /i);
      expect([...article(lang).querySelectorAll('a')].map((a) => a.getAttribute('href'))).toContain('model.html');
    });
  }

  it('is where the explorer\'s "How it works" link goes; the way back is filled in from its own link', () => {
    const index = parseHTML(readFileSync(join(ROOT, 'index.html'), 'utf8')).document;
    expect(index.getElementById('docs-link')!.getAttribute('href')).toBe('./how.html');
    expect(index.getElementById('docs-link')!.hasAttribute('target')).toBe(false);
    const script = page.querySelector('script')!.textContent!;
    expect(script).toContain("back.href = './' + location.search");
  });
});
