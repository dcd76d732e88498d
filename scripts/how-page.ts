// "How it works" (how.html): the page a class reads about the model, as NetLogo's Info tab taught
// teachers to expect — what it is, how it works, things to notice, things to try, credits and
// sources. Written in docs/how/<lang>.md, one file a language of the explorer (viz/i18n/messages/);
// a language without its file shows the English one. Vite writes it beside index.html
// (vite.config.ts). The page shows the language of its link (`?lang=`), and its way back to the
// explorer is the explorer's own link, which it was opened with: the language, the scenario and the
// run come back as they were. The model's documentation for researchers (model.html) is one link away.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Marked } from 'marked';

/** A heading's id: its words, lower case, joined by dashes (GitHub's, which the model's page uses too). */
export const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/<[^>]+>/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/g, '-');

interface Language {
  code: string;
  locale: string;
  name: string;
  messages: Record<string, string>;
}

/** The explorer's languages, English first (as viz/i18n/index.ts lists them). */
function languages(root: string): Language[] {
  const dir = join(root, 'viz', 'i18n', 'messages');
  const codes = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5));
  return ['en', ...codes.filter((c) => c !== 'en').sort()].map((code) => {
    const messages = JSON.parse(readFileSync(join(dir, `${code}.json`), 'utf8')) as Record<string, string>;
    return { code, locale: messages._locale ?? code, name: messages._language ?? code, messages };
  });
}

/** The page's text in a language: its own file, or the English one. */
export function howSource(root: string, lang: string): { file: string; text: string } {
  const own = join(root, 'docs', 'how', `${lang}.md`);
  const file = existsSync(own) ? own : join(root, 'docs', 'how', 'en.md');
  return { file, text: readFileSync(file, 'utf8') };
}

/** One language's article: its headings with ids of their own (`<lang>-<words>`), its links kept. */
function article(markdown: string, lang: Language): string {
  const md = new Marked({
    renderer: {
      heading({ tokens, depth }) {
        const html = this.parser.parseInline(tokens);
        return `<h${depth} id="${lang.code}-${slug(html)}">${html}</h${depth}>\n`;
      },
    },
  });
  return `<article lang="${lang.locale}" data-lang="${lang.code}"${lang.code === 'en' ? '' : ' hidden'}>\n${md.parse(markdown) as string}</article>`;
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);

/** The scenarios' titles by id, in every language they have, for the way back ("Back to the explorer: Baseline"). */
function scenarioTitles(root: string): Record<string, Record<string, string>> {
  const dir = join(root, 'scenarios');
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => {
        const s = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { id: string; title: Record<string, string> };
        return [s.id, s.title];
      }),
  );
}

/** The page: every language's article (the one of `?lang=` shown), the language switch and the way back. */
export function howPage(root: string): string {
  const langs = languages(root);
  const words = Object.fromEntries(
    langs.map((l) => [l.code, { back: l.messages['how.back'] ?? '', backTo: l.messages['how.backTo'] ?? '', nav: l.messages['how.nav'] ?? '', title: '' }]),
  );
  const articles = langs.map((l) => {
    const text = howSource(root, l.code).text;
    words[l.code].title = /^# (.+)$/m.exec(text)?.[1] ?? 'Involution Lab';
    return article(text, l);
  });
  const data = JSON.stringify({ langs: langs.map((l) => ({ code: l.code, locale: l.locale })), words, scenarios: scenarioTitles(root) }).replace(
    /</g,
    '\\u003c',
  );
  const en = words.en;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<title>${escape(en.title)}</title>
<style>
body{font:17px/1.6 system-ui,"Noto Sans SC","PingFang SC",sans-serif;max-width:46rem;margin:0 auto;padding:0 1.1rem 3rem;color:#1b1b1b;background:#fff}
nav{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;justify-content:space-between;align-items:center;padding:.7rem 0;border-bottom:1px solid #d0d0d0}
nav ul{display:flex;gap:.8rem;list-style:none;margin:0;padding:0}
nav a{color:#005a8c}
nav a[aria-current]{font-weight:700;color:#1b1b1b;text-decoration:none}
h1{font-size:1.6rem;margin:1.2rem 0 .4rem}h2{font-size:1.3rem;margin:2rem 0 .4rem;border-bottom:2px solid #0072B2;padding-bottom:.15rem}h3{font-size:1.08rem;margin:1.4rem 0 .2rem}
blockquote{margin:.5rem 0;padding:.2rem .9rem;border-left:4px solid #0072B2;background:#eef5fb;font-size:.95rem}
blockquote p{margin:.3rem 0}
a{color:#005a8c}
li{margin:.3rem 0}
</style>
</head><body>
<nav aria-label="${escape(en.nav)}"><a id="back" href="./">${escape(en.back)}</a><ul id="langs">${langs
    .map((l) => `<li><a href="?lang=${l.code}" hreflang="${l.locale}" lang="${l.locale}" data-lang="${l.code}">${escape(l.name)}</a></li>`)
    .join('')}</ul></nav>
<main>
${articles.join('\n')}
</main>
<script>
// The language of the link, the way back to the explorer as it was (its link is this page's), and
// the language switch keeping everything else.
(() => {
  const data = ${data};
  const q = new URLSearchParams(location.search);
  const lang = data.langs.some((l) => l.code === q.get('lang')) ? q.get('lang') : data.langs[0].code;
  const w = data.words[lang];
  for (const a of document.querySelectorAll('article')) a.hidden = a.dataset.lang !== lang;
  document.documentElement.lang = data.langs.find((l) => l.code === lang).locale;
  document.title = w.title;
  const back = document.getElementById('back');
  back.href = './' + location.search;
  const title = (data.scenarios[q.get('scenario') || 'baseline-involution'] || {});
  back.textContent = title[lang] || title.en ? w.backTo.replace('{scenario}', title[lang] || title.en) : w.back;
  document.querySelector('nav').setAttribute('aria-label', w.nav);
  for (const a of document.querySelectorAll('#langs a')) {
    const to = new URLSearchParams(location.search);
    to.set('lang', a.dataset.lang);
    a.href = '?' + to;
    if (a.dataset.lang === lang) a.setAttribute('aria-current', 'true');
  }
  for (const a of document.querySelectorAll('a[href="model.html"]')) a.href = 'model.html' + location.search;
})();
</script>
</body></html>
`;
}
