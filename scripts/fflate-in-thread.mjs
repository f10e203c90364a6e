// Points read-excel-file's and write-excel-file's `fflate` at src/io/fflate-in-thread.ts, whose zip and
// unzip need no blob: Worker (blocked by the strict CSP). One plugin for Vite/Rollup and Web Dev Server.
import { fileURLToPath } from 'node:url';

const SHIM = 'src/io/fflate-in-thread.ts';
const fromExcelLibrary = (importer = '') => /[\\/]node_modules[\\/](read|write)-excel-file[\\/]/.test(importer);

export function fflateInThread() {
  return {
    name: 'ap-fflate-in-thread',
    // Before Vite's own resolver, which would find the real fflate first.
    enforce: 'pre',
    // Vite and Rollup: importer is a file path.
    resolveId(source, importer) {
      if (source === 'fflate' && fromExcelLibrary(importer)) return fileURLToPath(new URL(`../${SHIM}`, import.meta.url));
    },
    // Web Dev Server (tests, bench): importer is the served path.
    resolveImport({ source, context }) {
      if (source === 'fflate' && fromExcelLibrary(context.path)) return `/${SHIM}`;
    },
  };
}
