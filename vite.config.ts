// Two library builds: `vite build` writes per-module ES entry points (dependencies left to the
// host's bundler); `vite build --mode dropin` writes the one self-contained drop-in file.
import { minify } from 'terser';
import { defineConfig, type Plugin } from 'vite';
import { compactCataloguePlugin } from './scripts/compact-catalogue.mjs';
import { fflateInThread } from './scripts/fflate-in-thread.mjs';
import { minifyLiteralsPlugin } from './scripts/minify-literals.mjs';

const entries = {
  index: 'src/index.ts',
  define: 'src/define.ts',
  model: 'src/model/index.ts',
  store: 'src/store/index.ts',
  'ap-plan': 'src/components/plan/plan.ts',
  'ap-import-export': 'src/components/import-export/import-export.ts',
  'ap-report': 'src/components/report/report.ts',
  'ap-plan-admin': 'src/components/plan-admin/plan-admin.ts',
  'ap-action-card': 'src/components/action-card/action-card.ts',
  'ap-rag-summary': 'src/components/rag-summary/rag-summary.ts',
  'ap-priority-board': 'src/components/priority-board/priority-board.ts',
  'ap-audit-tracker': 'src/components/audit-tracker/audit-tracker.ts',
  'ap-sync-status': 'src/components/sync-status/sync-status.ts',
  sync: 'src/sync/index.ts',
};

// The final drop-in file is minified here with Terser (88.7 KB gzipped against esbuild's 91.3 on 23 Nov
// 2026). Vite's own minify pass is off for it (minify false, target esnext): in ES library builds that
// pass keeps whitespace for downstream bundlers, and it runs after every plugin.
const minifyDropin: Plugin = {
  name: 'ap-minify-dropin',
  renderChunk: async (code) => {
    const out = await minify(code, {
      ecma: 2020,
      module: true,
      sourceMap: true,
      compress: { passes: 3, pure_getters: true, unsafe_arrows: true },
      // Licence notices of the bundled packages stay in the file.
      format: { comments: /@license/ },
    });
    return { code: out.code!, map: out.map as string };
  },
};

export default defineConfig(({ mode }) => {
  const dropin = mode === 'dropin';
  return {
    // Lit's production build: no dev-mode warnings or checks in what councils ship.
    resolve: { conditions: ['production'] },
    plugins: [fflateInThread(), ...(dropin ? [compactCataloguePlugin(), minifyLiteralsPlugin(), minifyDropin] : [])],
    build: {
      target: dropin ? 'esnext' : 'es2022',
      outDir: 'dist',
      emptyOutDir: !dropin,
      sourcemap: true,
      minify: false,
      lib: dropin
        ? { entry: { 'action-plan-widgets': 'src/action-plan-widgets.ts' }, formats: ['es'] }
        : { entry: entries, formats: ['es'] },
      rollupOptions: dropin
        ? // The entry, and beside it the parts loaded on first use. The entry exports nothing, so
          // the code the chunks share with it may be exported from it rather than split off.
          {
            preserveEntrySignatures: 'allow-extension',
            output: {
              // Named for what they hold (sync, cy, report-view...), so tests and the bench can tell them apart: a
              // folder's index, and the part of sync that <ap-plan> fetches (live.ts), by their folder.
              chunkFileNames: ({ facadeModuleId }) => `action-plan-widgets-${/([\w-]+)\/(?:index|live)\.[jt]s$/.exec(facadeModuleId ?? '')?.[1] ?? '[name]'}-[hash].js`,
            },
          }
        : { external: (id: string) => /^(lit|@lit|idb|zod)(\/|$)/.test(id) },
    },
  };
});
