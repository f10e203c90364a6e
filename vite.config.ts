// Two library builds: `vite build` writes per-module ES entry points (dependencies left to the
// host's bundler); `vite build --mode dropin` writes the one self-contained drop-in file.
import { defineConfig, transformWithEsbuild, type Plugin } from 'vite';
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

// Vite keeps whitespace in ES library builds (for bundlers downstream); the drop-in file is final.
const minifyWhitespace: Plugin = {
  name: 'ap-minify-dropin',
  renderChunk: (code, chunk) => transformWithEsbuild(code, chunk.fileName, { minify: true, format: 'esm', sourcemap: true }),
};

export default defineConfig(({ mode }) => {
  const dropin = mode === 'dropin';
  return {
    // Lit's production build: no dev-mode warnings or checks in what councils ship.
    resolve: { conditions: ['production'] },
    plugins: dropin ? [minifyLiteralsPlugin(), minifyWhitespace] : [],
    build: {
      target: 'es2022',
      outDir: 'dist',
      emptyOutDir: !dropin,
      sourcemap: true,
      minify: dropin ? 'esbuild' : false,
      lib: dropin
        ? { entry: { 'action-plan-widgets': 'src/action-plan-widgets.ts' }, formats: ['es'] }
        : { entry: entries, formats: ['es'] },
      rollupOptions: dropin
        ? // One file: the virtualizer's lazily loaded layout goes inside it too.
          { output: { inlineDynamicImports: true } }
        : { external: (id: string) => /^(lit|@lit|@lit-labs|idb|zod)(\/|$)/.test(id) },
    },
  };
});
