import type { ChartFormat } from './spec.js';

/** How a chart writes numbers: the format, the currency symbol and the decimals. */
export interface NumberStyle {
  readonly format: ChartFormat;
  readonly currency: string;
  readonly decimals: number;
}

const SYMBOLS: Readonly<Record<string, string>> = {
  USD: '$',
  CAD: 'C$',
  AUD: 'A$',
  NZD: 'NZ$',
  HKD: 'HK$',
  EUR: '€',
  GBP: '£',
  CNY: '¥',
  RMB: '¥',
  JPY: '¥',
  INR: '₹',
  KRW: '₩',
};

/** The symbol of an ISO currency code, or the text as given when it is already a symbol. */
export function currencySymbol(currency: string): string {
  return SYMBOLS[currency.toUpperCase()] ?? currency;
}

/**
 * Writes a number the same way on every machine and in every locale: thousands separated by commas,
 * a fixed number of decimals, a currency symbol before or a percent sign after.
 */
export function formatNumber(value: number, style: NumberStyle): string {
  const fixed = Math.abs(value).toFixed(style.decimals);
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const digits = fraction ? `${grouped}.${fraction}` : grouped;
  // "-0" after rounding is zero.
  const sign = value < 0 && Number(fixed) !== 0 ? '−' : '';
  if (style.format === 'percent') return `${sign}${digits}%`;
  if (style.format === 'currency') return `${sign}${style.currency}${digits}`;
  return `${sign}${digits}`;
}

/** The same format as a spreadsheet number format code, for the deck's native charts. */
export function formatCode(style: NumberStyle): string {
  const digits = style.decimals > 0 ? `#,##0.${'0'.repeat(style.decimals)}` : '#,##0';
  const quoted = (text: string) => `"${text.replace(/"/g, '')}"`;
  if (style.format === 'percent') return `${digits}${quoted('%')}`;
  if (style.format === 'currency') return `${quoted(style.currency)}${digits}`;
  return digits;
}
