// Every command id in one place; user-facing ones match package.json.
export const COMMANDS = {
  tagSelection: 'diplomaticAnnotator.tagSelection',
  removeTag: 'diplomaticAnnotator.removeTag',
  editTagNote: 'diplomaticAnnotator.editTagNote',
  linkQuoteToSpeaker: 'diplomaticAnnotator.linkQuoteToSpeaker',
  acceptSuggestion: 'diplomaticAnnotator.acceptSuggestion',
  nextTag: 'diplomaticAnnotator.nextTag',
  previousTag: 'diplomaticAnnotator.previousTag',
  showTags: 'diplomaticAnnotator.showTags',
  confirmAnchor: 'diplomaticAnnotator.confirmAnchor',
  rejectAnchor: 'diplomaticAnnotator.rejectAnchor',
  exportTags: 'diplomaticAnnotator.exportTags',
  importBrat: 'diplomaticAnnotator.importBrat',
  toggleHighlighting: 'diplomaticAnnotator.toggleHighlighting',
  showLog: 'diplomaticAnnotator.showLog',
  /** In the palette while the active file has tag conflicts (`diplomaticAnnotator.hasTagConflicts`); also the status bar item's. */
  resolveTagConflicts: 'diplomaticAnnotator.resolveTagConflicts',
} as const;

/** Internal commands, not in the palette: used by tests and by views. */
export const INTERNAL = {
  /** Returns the current analysis of a document as plain data (for tests and the CLI parity check). */
  analysisOf: 'diplomaticAnnotator.internal.analysisOf',
  revealTag: 'diplomaticAnnotator.internal.revealTag',
  /** Returns a document's tags (UTF-16 offsets), or `{ broken }` when its sidecar is broken. */
  tagsOf: 'diplomaticAnnotator.internal.tagsOf',
  /** Settles a file's tag conflicts: `(uri, 'ours' | 'theirs')` decides at once, as tests do; returns how many. */
  resolveTagConflicts: 'diplomaticAnnotator.internal.resolveTagConflicts',
  /** Drops all tags from memory, as a killed extension host would (tests of what survives a lost window). */
  forgetTags: 'diplomaticAnnotator.internal.forgetTags',
} as const;
