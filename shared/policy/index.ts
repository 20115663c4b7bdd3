/**
 * Every "who may" of the product, answered with a refusal code (an ApiErrorCode) or undefined. The
 * handlers, the store and the add-in ask here; none decides on a role itself.
 */
export * from './campaign-stage';
export * from './council';
export * from './documents';
export * from './files';
export * from './nominations';
export * from './org';
export * from './roles';
export * from './statistics';
export * from './register';
