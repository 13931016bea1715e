// RFC 4180 cells, safe to open in a spreadsheet: a cell a spreadsheet would read as a formula
// (starting with =, +, -, @, a tab or a carriage return) gets a leading apostrophe first (OWASP).
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (cells: Array<string | number | Date | null | undefined>) => `${cells.map(csvCell).join(",")}\r\n`;
