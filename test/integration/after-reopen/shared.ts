// What the two halves of the reopen test share (../reopen.test.ts before VS Code is closed,
// checks.ts after it started again): the news file, the edit typed and never saved, the words
// tagged in it, and the note the first half leaves for the second.
import { readFileSync, writeFileSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { workspacePath } from '../support';

export const NEWS_FILE = 'reopened.txt';

export const NEWS_TEXT =
  ' date 2025-10-03 Переговоры по Чёрному морю\n\n' +
  'СТАМБУЛ, 3 окт – РИА Новости. Делегации России и Турции завершили второй раунд консультаций по безопасности судоходства.\n\n' +
  'По словам источника в МИД России, стороны условились продолжить работу экспертных групп до конца года.\n';

/** Typed at the start of the third line and never saved: only hot exit can bring it back. */
export const TYPED = 'Дополнено в 16:40: в консультациях приняли участие представители ВМФ.\n\n';
export const TYPED_AT = { line: 2, character: 0 } as const;

/** Tagged after the typing, so its offsets fit only the unsaved text. */
export const TAGGED = { words: 'продолжить работу экспертных групп', label: 'commitment' } as const;

/** The line that asks test/harness/run.mjs to close this window and start VS Code again. */
export const CLOSE_REQUEST = '[reopen] close this window and open the next';

/** What the first half did, for the second: the tag's id. */
export interface BeforeClose {
  id: string;
}

const note = (): string => workspacePath('.da-reopen', 'before-close.json');

/** Written whole (renamed into place): the second half never reads half a note. */
export function leaveNote(value: BeforeClose): void {
  mkdirSync(path.dirname(note()), { recursive: true });
  const temp = `${note()}.${process.pid}.part`;
  writeFileSync(temp, JSON.stringify(value));
  renameSync(temp, note());
}

/** The first half's note, or undefined when it never got as far as asking to close. */
export function readNote(): BeforeClose | undefined {
  try {
    return JSON.parse(readFileSync(note(), 'utf8')) as BeforeClose;
  } catch {
    return undefined;
  }
}
