import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { citizenFontFaces } from './scripts/citizen-fonts.mjs';

const web = (file: string) => fileURLToPath(new URL(`./src/web/${file}`, import.meta.url));

/**
 * `virtual:citizen-fonts`: the citizen's mode's subset web fonts (scripts/citizen-fonts.mjs). In a
 * build each face is emitted as its own file under a content-hashed name; in the dev server the
 * faces come as data: URLs (the dev server has no CSP).
 */
function citizenFonts(): Plugin {
  const id = 'virtual:citizen-fonts';
  let build = false;
  let faces: ReturnType<typeof citizenFontFaces> | undefined;
  return {
    name: 'jobvej-citizen-fonts',
    configResolved(config) {
      build = config.command === 'build';
    },
    resolveId(source) {
      return source === id ? `\0${id}` : undefined;
    },
    async load(loaded) {
      if (loaded !== `\0${id}`) return undefined;
      faces ??= citizenFontFaces();
      const list = (await faces).map(({ data, fileName, ...face }) => {
        if (build) this.emitFile({ type: 'asset', fileName, source: data });
        return { ...face, url: build ? `/${fileName}` : `data:font/woff2;base64,${data.toString('base64')}` };
      });
      return `export default ${JSON.stringify(list)};`;
    },
  };
}

const LANGS = ['da', 'en', 'ar', 'fa', 'so', 'ti'];

/**
 * `virtual:citizen-instrument`: the current instrument version (the newest
 * content/instruments/fip-v<N>.json, the one new rounds start on) for the citizen's page, one
 * chunk per language holding only the citizen's items and only that language's texts and the
 * Danish (~4–6 KB instead of the API's 33 KB with all six). A round on another version asks the
 * API for its instrument.
 */
function citizenInstrument(): Plugin {
  const id = 'virtual:citizen-instrument';
  const dir = fileURLToPath(new URL('./content/instruments/', import.meta.url));
  const current = () => {
    const files = readdirSync(dir).filter((f) => /^fip-v\d+\.json$/.test(f));
    const n = Math.max(...files.map((f) => Number(/\d+/.exec(f)?.[0])));
    return `fip-v${n}`;
  };
  type Texts = Record<string, unknown>;
  const pick = (texts: Texts, lang: string): Texts => Object.fromEntries(Object.entries(texts).filter(([l]) => l === 'da' || l === lang));
  return {
    name: 'jobvej-citizen-instrument',
    resolveId(source) {
      return source === id || source.startsWith(`${id}/`) ? `\0${source}` : undefined;
    },
    load(loaded) {
      if (loaded === `\0${id}`) {
        const loaders = LANGS.map((l) => `${l}: () => import('${id}/${l}').then((m) => m.default)`).join(',\n  ');
        return `export const version = ${JSON.stringify(current())};\nexport const byLang = {\n  ${loaders},\n};\n`;
      }
      if (!loaded.startsWith(`\0${id}/`)) return undefined;
      const lang = loaded.slice(`\0${id}/`.length);
      const file = `${dir}${current()}.json`;
      this.addWatchFile(file);
      const inst = JSON.parse(readFileSync(file, 'utf8'));
      const slim = {
        id: inst.id,
        version: inst.version,
        title: pick(inst.title, lang),
        scale: {
          ...inst.scale,
          anchors: Object.fromEntries(Object.entries(inst.scale.anchors as Record<string, Texts>).map(([k, v]) => [k, pick(v, lang)])),
          dontKnow: pick(inst.scale.dontKnow, lang),
        },
        indices: [],
        items: (inst.items as { respondent: string; text: Texts }[]).filter((i) => i.respondent === 'citizen').map((i) => ({ ...i, text: pick(i.text, lang) })),
      };
      return `export default ${JSON.stringify(slim)};`;
    },
  };
}

export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [react(), citizenFonts(), citizenInstrument()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    // Two pages: the caseworkers' app (index.html) and the citizen's hand-over mode
    // (handover.html, decision 019), which shares no UI library with it.
    rollupOptions: { input: { main: web('index.html'), handover: web('handover.html') } },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
