// PLACEHOLDER — replaced by the glossary work.
import type { GlossaryEntry } from './types';
export class Glossary {
  constructor(readonly entries: readonly GlossaryEntry[]) {}
  get(id: string): GlossaryEntry | undefined {
    return this.entries.find((e) => e.id === id);
  }
}
let builtin: Glossary | undefined;
export function builtinGlossary(): Glossary {
  return (builtin ??= new Glossary([]));
}
