import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { Marked } from 'marked';
import { howPage, slug } from './scripts/how-page.ts';

/**
 * The model's documentation for researchers as pages of the app, beside index.html, so that "How it
 * works" (how.html) links to it on any host: the ODD (docs/model.md → model.html) and the pages it
 * points to — calibration, validation, what changed. Links between these pages lead to each other;
 * links to other files become plain text. The way back to the explorer keeps the link the page was
 * opened with (language, scenario, run).
 */
const DOC_PAGES: Record<string, string> = {
  model: 'the model',
  calibration: 'calibration',
  validation: 'validation',
  'model-changes': 'what changed in the model',
};

function docPage(name: string): string {
  const md = new Marked({
    renderer: {
      heading({ tokens, depth }) {
        const html = this.parser.parseInline(tokens);
        return `<h${depth} id="${slug(html)}">${html}</h${depth}>\n`;
      },
      link({ href, tokens }) {
        const text = this.parser.parseInline(tokens);
        if (href.startsWith('#') || /^https?:/.test(href)) return `<a href="${href}">${text}</a>`;
        const doc = /^([a-z-]+)\.md(#.*)?$/.exec(href);
        if (doc && doc[1] in DOC_PAGES) return `<a href="${doc[1]}.html${doc[2] ?? ''}">${text}</a>`;
        return `<span class="file" title="${href}">${text}</span>`;
      },
    },
  });
  const body = md.parse(readFileSync(join(import.meta.dirname, 'docs', `${name}.md`), 'utf8')) as string;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<title>Involution Lab — ${DOC_PAGES[name]}</title>
<style>body{font:16px/1.55 system-ui,"Noto Sans SC",sans-serif;max-width:52rem;margin:0 auto;padding:1rem 1.2rem 3rem;color:#1b1b1b}table{border-collapse:collapse;display:block;overflow-x:auto;font-size:.9rem}td,th{border:1px solid #ccc;padding:.2rem .4rem;vertical-align:top}code{font-size:.88em;background:#f3f3f3;padding:0 .2em}pre{overflow-x:auto;background:#f3f3f3;padding:.6rem}.back{display:inline-block;margin:.5rem 0}</style>
</head><body><a class="back" href="./">← Involution Lab / 内卷实验室</a>
<main>${body}</main>
<script>document.querySelector('.back').href = './' + location.search;</script>
</body></html>
`;
}

/** The pages written from the docs: the model's documentation, and "How it works" for a class (scripts/how-page.ts). */
const PAGES: Record<string, () => string> = {
  ...Object.fromEntries(Object.keys(DOC_PAGES).map((name) => [`${name}.html`, () => docPage(name)])),
  'how.html': () => howPage(import.meta.dirname),
};

/** Serves the docs' pages in development and writes them into the build. */
function modelDocs(): Plugin {
  return {
    name: 'involution-model-docs',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const page = PAGES[req.url?.split('?')[0].slice(1) ?? ''];
        if (!page) return next();
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end(page());
      });
    },
    generateBundle() {
      for (const [fileName, page] of Object.entries(PAGES)) this.emitFile({ type: 'asset', fileName, source: page() });
    },
  };
}

// `vite build --mode cli` builds the headless runner and its experiment worker for Node (SSR build,
// deps external).
export default defineConfig(({ mode }): UserConfig =>
  mode === 'cli'
    ? {
        build: {
          ssr: true,
          outDir: 'dist',
          emptyOutDir: false,
          target: 'node20',
          rollupOptions: {
            // The experiment and calibration workers are entries of their own: worker_threads load it as a file of its own.
            input: { cli: 'cli/index.ts', 'experiment-worker': 'cli/experiment/worker.ts', 'calibrate-worker': 'cli/calibrate/worker.ts' },
            // Code both entries share goes to dist/chunks/, named without a hash so rebuilds overwrite it.
            output: { entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name].mjs', format: 'es' },
          },
        },
      }
    : {
        // Relative asset paths: the built app works from any sub-path of any static host (a school's
        // website, a shared drive served over HTTP), not only from the root of a domain.
        base: './',
        plugins: [modelDocs()],
        // Three pages: the explorer, the classroom's (served by `involution-lab classroom`) and the guided story.
        build: {
          outDir: 'dist/app',
          rollupOptions: {
            input: {
              main: join(import.meta.dirname, 'index.html'),
              classroom: join(import.meta.dirname, 'classroom.html'),
              story: join(import.meta.dirname, 'story.html'),
            },
          },
        },
        server: { host: '127.0.0.1' },
        preview: { host: '127.0.0.1' },
      },
);
