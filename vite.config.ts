import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
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

/** Files worth precompressing: text formats and TrueType (WOFF2 and images are compressed already). */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|ttf)$/;

/**
 * Precompressed copies of every compressible file of the build of at least 1 KB: `<file>.br`
 * (brotli, quality 11) and `<file>.gz` (gzip -9), the same bytes on every build, so the server
 * can send them as they are (`Content-Encoding`) instead of compressing per request.
 */
function precompress(): Plugin {
  let outDir = '';
  const walk = (dir: string): string[] => {
    try {
      return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
    } catch {
      return []; // emptied by another build meanwhile
    }
  };
  return {
    name: 'jobvej-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const file of walk(outDir)) {
        try {
          if (!COMPRESSIBLE.test(file) || statSync(file).size < 1024) continue;
          const data = readFileSync(file);
          writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: data.length } }));
          writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
        } catch (err) {
          // Another build emptied the folder meanwhile (dist/web is shared): that build writes its own.
          if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        }
      }
    },
  };
}

export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [react(), citizenFonts(), citizenInstrument(), precompress()],
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
