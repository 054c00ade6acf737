export * from './types';
export * from './parse';
export * from './serialize';
export * from './convert';
export * from './check';
export * from './paths';
export * from './formats';
