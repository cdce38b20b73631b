// Widths on the print grid, shared by the layout estimates, title breaking and paste.

/**
 * Width in grid cells: CJK and other full-width characters take 1, ASCII and half-width forms
 * 0.5, zero-width and control characters 0. Curly quotes, dashes, ellipses and bullets are set
 * full-width in Chinese text, so everything outside the Latin blocks counts as 1.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char.codePointAt(0) ?? 0);
  return width;
}

export function charWidth(code: number): number {
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return 0; // C0/C1 controls, incl. \n \t
  if ((code >= 0x300 && code <= 0x36f) || (code >= 0x200b && code <= 0x200f) || code === 0xfeff) {
    return 0; // combining marks, zero-width space/joiners, direction marks, BOM
  }
  if (code === 0xd7 || code === 0xf7) return 1; // × ÷ are full-width in GB 2312 fonts
  if (code < 0x300) return 0.5; // ASCII, Latin-1, Latin Extended, IPA
  if ((code >= 0xff61 && code <= 0xffdc) || (code >= 0xffe8 && code <= 0xffee)) return 0.5; // half-width forms
  return 1;
}

