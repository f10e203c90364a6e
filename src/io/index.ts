export * from './csv.js';
export * from './actions-csv.js';
export * from './snapshot.js';
export * from './timescale.js';
export * from './sheet.js';
export * from './actions-xlsx.js';
