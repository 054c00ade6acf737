// PLACEHOLDER — replaced by the quotes/speakers work.
import type { QuoteAnnotation, SpeakerAnnotation, TermAnnotation } from './types';
export interface QuoteContext {
  terms?: TermAnnotation[];
}
export function findQuotes(_text: string, _context: QuoteContext = {}): { quotes: QuoteAnnotation[]; speakers: SpeakerAnnotation[] } {
  return { quotes: [], speakers: [] };
}
