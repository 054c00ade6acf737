// PLACEHOLDER — replaced by the dates work.
import type { DateAnnotation } from './types';
export function findDates(_text: string, _articleDate?: string): DateAnnotation[] {
  return [];
}
