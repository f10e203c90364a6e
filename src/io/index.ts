export * from './csv.js';
export * from './actions-csv.js';
export * from './snapshot.js';
export * from './actions-xlsx.js';
