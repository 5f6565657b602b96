/** The client alone: no elements, no lit. */
export * from './client/index.js';
