// The drop-in file: registers every element and exposes the public API, with nothing left to load.
import './define.js';
export * from './index.js';
