// Nouns that head the name of an instrument (`Договор о …`, `Уголовный кодекс`, `Закон Украины «…»`).
// The glossary index marks them in the same pass that matches entries, so finding them costs nothing.

export type Gender = 'm' | 'f' | 'n';

export const INSTRUMENT_HEADS: readonly { lemma: string; gender: Gender }[] = [
  { lemma: 'договор', gender: 'm' },
  { lemma: 'конвенция', gender: 'f' },
  { lemma: 'соглашение', gender: 'n' },
  { lemma: 'пакт', gender: 'm' },
  { lemma: 'протокол', gender: 'm' },
  { lemma: 'устав', gender: 'm' },
  { lemma: 'статут', gender: 'm' },
  { lemma: 'хартия', gender: 'f' },
  { lemma: 'меморандум', gender: 'm' },
  { lemma: 'декларация', gender: 'f' },
  { lemma: 'кодекс', gender: 'm' },
  { lemma: 'закон', gender: 'm' },
  { lemma: 'законопроект', gender: 'm' },
  { lemma: 'конституция', gender: 'f' },
  { lemma: 'указ', gender: 'm' },
  { lemma: 'директива', gender: 'f' },
  // A Security Council resolution binds like a treaty in diplomatic news; in NEREL it is not LAW.
  { lemma: 'резолюция', gender: 'f' },
  { lemma: 'акт', gender: 'm' },
];
