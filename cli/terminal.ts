/**
 * Text from pages, file names and shared ledgers is printed for people in a terminal, which acts
 * on control characters: clearing the screen, setting the window title, faking colours, hiding
 * links (OSC 8), reordering text (bidi overrides). Everything printed for humans goes through
 * here; `--json` output does not (JSON.stringify escapes what JSON needs, and stays exact).
 */

/**
 * Whole escape sequences, so that no parameters are left behind: string sequences (OSC, DCS, SOS,
 * PM, APC; 7-bit and C1 forms) up to their terminator or the end of the text, CSI sequences, and
 * other ESC sequences. Every branch is linear: no nested quantifiers.
 */
const ESCAPE_SEQUENCE = /(?:\x1b[\]PX^_]|[\x90\x98\x9d-\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?|\x1b[\x20-\x2f]*[\x30-\x7e]?/g;
/** White space controls and line separators: a space, so words stay apart on one line. */
const SPACING = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
/** What remains of C0, DEL, C1, and the bidi controls (embeddings, overrides, isolates, marks). */
const CONTROL = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** One field, safe to print: one line, no control characters. */
export function forTerminal(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(SPACING, ' ').replace(CONTROL, '');
}

/** Output made of lines: each line cleaned, the line breaks kept. */
export function linesForTerminal(text: string): string {
  return text.split('\n').map(forTerminal).join('\n');
}

/** The one-line error for an input: `shutout: FILE: REASON`. */
export function inputError(file: string, reason: string): string {
  return `shutout: ${forTerminal(file)}: ${forTerminal(reason.split('\n')[0]!)}\n`;
}
