export * from './columns';
export * from './excel-dates';
export * from './export';
export * from './labels';
export * from './parse-row';
export * from './row-hash';
