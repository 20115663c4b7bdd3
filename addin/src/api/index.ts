/** The typed client of the thidua HTTP API: `createApiClient({ baseUrl: '/api', getToken })`. */
export * from './client';
export * from './request-options';
export * from './chunk';
export * from './errors';
export * from './file';
export * from './save-merge';
export * from './idempotency';
export * from './retry';
export * from './org-client';
export * from './files-client';
export * from './statistics-client';
export * from './council-client';
