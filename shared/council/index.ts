export * from './round';
export * from './tally';
