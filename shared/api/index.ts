/**
 * Every body the HTTP API takes or answers, as zod schemas with their types inferred: the handlers
 * parse with them, the add-in reads their types, and the OpenAPI document is generated from them.
 */
export * from './audit';
export * from './campaign';
export * from './campaign-stage';
export * from './documents';
export * from './files';
export * from './error';
export * from './health';
export * from './issue';
export * from './minutes';
export * from './nomination';
export * from './office';
export * from './org';
export * from './page';
export * from './quota';
export * from './round';
export * from './save';
export * from './tally';
export * from './validation';
export * from './params';
export * from './org-sheets';
export * from './statistics';
export * from './register';
export * from './ballot-upload';
