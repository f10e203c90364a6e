// fflate for read-excel-file and write-excel-file, with zip and unzip run in the page: fflate's own
// start a Worker from a blob: URL for any part over 160-512 KB, which a strict CSP blocks (the
// callback then never comes). scripts/fflate-in-thread.mjs points their `fflate` imports here.
import { unzipSync, zipSync, type AsyncTerminable, type AsyncUnzipOptions, type AsyncZipOptions, type AsyncZippable, type FlateCallback, type FlateError, type UnzipCallback } from 'fflate';

export * from 'fflate';

// The callback comes after the caller has its terminator, as fflate's own does.
function later<T>(work: () => T, callback: (error: FlateError | null, result: T) => void): AsyncTerminable {
  let result: T;
  try {
    result = work();
  } catch (error) {
    setTimeout(() => callback(error as FlateError, null as T));
    return () => undefined;
  }
  setTimeout(() => callback(null, result));
  return () => undefined;
}

export function unzip(data: Uint8Array, opts: AsyncUnzipOptions | UnzipCallback, cb?: UnzipCallback): AsyncTerminable {
  const [options, callback] = typeof opts === 'function' ? [{}, opts] : [opts, cb!];
  return later(() => unzipSync(data, options), callback);
}

export function zip(data: AsyncZippable, opts: AsyncZipOptions | FlateCallback, cb?: FlateCallback): AsyncTerminable {
  const [options, callback] = typeof opts === 'function' ? [{}, opts] : [opts, cb!];
  return later(() => zipSync(data, options), callback);
}
