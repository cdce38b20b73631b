// Chinese numerals ↔ Arabic for the small whole numbers that ordinals and dates use.

const DIGITS = '零一二三四五六七八九';

/** 十三 → 13, 二十 → 20, 一百零五 → 105, 二〇二三 → 2023 (digit by digit); null when not a numeral. */
export function chineseToNumber(text: string): number | null {
  if (!text) return null;
  // Digit by digit (years): 二〇二三.
  if (/^[〇零一二三四五六七八九]{2,}$/u.test(text)) {
    return Number([...text].map((c) => (c === '〇' ? 0 : DIGITS.indexOf(c))).join(''));
  }
  if (!/^[零一二两三四五六七八九十百]+$/u.test(text)) return null;
  let total = 0;
  let digit = 0;
  for (const c of text) {
    if (c === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (c === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else if (c === '两') digit = 2;
    else digit = DIGITS.indexOf(c);
  }
  return total + digit;
}

/** 13 → 十三, 20 → 二十, 105 → 一百零五 (1–999). */
export function numberToChinese(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 999) return String(value);
  const hundreds = Math.floor(value / 100);
  const tens = Math.floor((value % 100) / 10);
  const ones = value % 10;
  let out = '';
  if (hundreds) out += DIGITS[hundreds] + '百';
  if (tens) out += (tens === 1 && !hundreds ? '' : DIGITS[tens]) + '十';
  else if (hundreds && ones) out += '零';
  if (ones) out += DIGITS[ones];
  return out;
}
