export * from '../modules/identity/identity.codes.js';
