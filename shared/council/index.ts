export * from './minutes';
export * from './round';
export * from './tally';
export * from './voting-round';
