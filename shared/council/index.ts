export * from './minutes';
export * from './round';
export * from './rules';
export * from './tally';
export * from './voting-round';
export * from './candidates';
export * from './confirm-plan';
export * from './refusal';
