// PLACEHOLDER — replaced by the glossary/terms work.
import type { TermAnnotation } from './types';
import type { Glossary } from '../glossary/glossary';
export function findTerms(_text: string, _glossary: Glossary): TermAnnotation[] {
  return [];
}
