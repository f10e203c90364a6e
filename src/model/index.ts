export * from './dates.js';
export * from './errors.js';
export * from './rag.js';
export * from './schemas.js';
