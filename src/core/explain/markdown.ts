// Everything shown in a hover comes from text or glossary data that anyone can write, so it is
// escaped here: no link, image, HTML or command can come out of it.
const SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~&:"'$]/g;

export function escapeMarkdown(text: string, maxLength = 500): string {
  let s = text.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
  if (s.length > maxLength) s = s.slice(0, maxLength - 1) + '…';
  return s.replace(/\r?\n/g, ' ').replace(SPECIAL, (c) => '\\' + c);
}

/** A short excerpt of a long passage: the first words, ending on a word boundary. */
export function excerpt(text: string, maxLength = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxLength) return flat;
  const cut = flat.lastIndexOf(' ', maxLength - 1);
  return flat.slice(0, cut > maxLength / 2 ? cut : maxLength - 1) + '…';
}
