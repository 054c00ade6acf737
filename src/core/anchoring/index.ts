export * from './context';
export * from './edits';
export * from './reanchor';
export { alignWithin, approximateFind, GramIndex, type Alignment } from './fuzzy';
