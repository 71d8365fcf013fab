// The text of a printed PDF, as pdftotext reads it, with every run of whitespace folded to one
// space: where a line breaks depends on the fonts installed (a fresh machine has only DejaVu),
// so print tests assert on the words, never on the line breaks.
import { execFileSync } from 'node:child_process';

export function pdfText(path) {
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}
