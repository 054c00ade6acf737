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
} as const;

/** Internal commands, not in the palette: used by tests and by views. */
export const INTERNAL = {
  /** Returns the current analysis of a document as plain data (for tests and the CLI parity check). */
  analysisOf: 'diplomaticAnnotator.internal.analysisOf',
  revealTag: 'diplomaticAnnotator.internal.revealTag',
  /** Returns a document's tags (UTF-16 offsets), or `{ broken }` when its sidecar is broken. */
  tagsOf: 'diplomaticAnnotator.internal.tagsOf',
} as const;
