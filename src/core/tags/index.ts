export * from './types';
export * from './ids';
export * from './merge';
export * from './store';
