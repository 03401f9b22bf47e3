import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { excelCellText, readTable, sniffDelimiter, tableFormat } from './table-reader.js';
import type { TableRow } from './table-reader.js';

async function rows(
  bytes: Buffer | string,
  format: 'csv' | 'xlsx' = 'csv',
  sheet?: string,
): Promise<TableRow[]> {
  const out: TableRow[] = [];
  for await (const row of readTable(Readable.from([Buffer.from(bytes)]), format, { sheet })) out.push(row);
  return out;
}

describe('CSV', () => {
  it('reads comma, semicolon and tab files with quotes, numbering rows as a spreadsheet does', async () => {
    expect(await rows('a,b\n1,"x, y"\n\n2,"say ""hi"""\n')).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['1', 'x, y'] },
      { row: 3, cells: [''] },
      { row: 4, cells: ['2', 'say "hi"'] },
    ]);
    expect((await rows('a;b\r\n1,5;2\r\n')).map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1,5', '2'],
    ]);
    expect((await rows('a\tb\n1\t2\n')).map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('drops a UTF-8 byte-order mark and reads Windows-1252 as older Excel saves it', async () => {
    expect((await rows('\uFEFFMonth,Ward\n2024-01,Ward A\n'))[0]!.cells).toEqual(['Month', 'Ward']);
    const latin = Buffer.from([0x57, 0x61, 0x72, 0x64, 0x0a, 0x53, 0x74, 0x20, 0x4d, 0xe9, 0x6c, 0x0a]); // "Ward\nSt Mél\n"
    expect((await rows(latin))[1]!.cells).toEqual(['St Mél']);
  });

  it('keeps rows with more or fewer cells than the header (the preview reports them)', async () => {
    expect((await rows('a,b\n1\n1,2,3\n')).map((r) => r.cells.length)).toEqual([2, 1, 3]);
  });

  it('reports an unclosed quote with its line', async () => {
    await expect(rows('a,b\n1,2\n3,"oops\n')).rejects.toMatchObject({
      code: 'invalid_input',
      reason: 'invalid_csv',
      message: expect.stringMatching(/^The file is not valid CSV/) as unknown,
    });
  });

  it('sniffs the delimiter from the header, ignoring quoted text', () => {
    expect(sniffDelimiter('"a;b;c",d,e')).toBe(',');
    expect(sniffDelimiter('a;b;c')).toBe(';');
    expect(sniffDelimiter('a\tb')).toBe('\t');
    expect(sniffDelimiter('single')).toBe(',');
  });
});

describe('Excel', () => {
  it('reads the first sheet by default, fills empty rows so numbering matches Excel', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data');
    sheet.getCell('A1').value = 'Month';
    sheet.getCell('B1').value = 'Value';
    sheet.getCell('A2').value = new Date(Date.UTC(2024, 2, 1));
    sheet.getCell('B2').value = 12.5;
    sheet.getCell('A4').value = '2024-04';
    sheet.getCell('B4').value = { richText: [{ text: '1' }, { text: '3' }] };
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await rows(file, 'xlsx')).toEqual([
      { row: 1, cells: ['Month', 'Value'] },
      { row: 2, cells: ['2024-03-01', '12.5'] },
      { row: 3, cells: [] },
      { row: 4, cells: ['2024-04', '13'] },
    ]);
  });

  it('refuses a file that is not a workbook', async () => {
    await expect(rows('not a zip file at all', 'xlsx')).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('writes cells as text: dates as ISO, formulas as their results, errors as Excel shows them', () => {
    expect(excelCellText(new Date(Date.UTC(2024, 0, 31)))).toBe('2024-01-31');
    expect(excelCellText(new Date(Date.UTC(2024, 0, 31, 8, 30)))).toBe('2024-01-31T08:30:00Z');
    const formula: ExcelJS.CellFormulaValue = { formula: 'A1*2', result: 4, date1904: false };
    expect(excelCellText(formula)).toBe('4');
    const error: ExcelJS.CellErrorValue = { error: '#N/A' };
    expect(excelCellText(error)).toBe('#N/A');
    expect(excelCellText(true)).toBe('TRUE');
    expect(excelCellText(null)).toBe('');
  });
});

describe('tableFormat', () => {
  it('tells CSV from .xlsx and refuses the old binary .xls', () => {
    expect(tableFormat('a.csv', 'text/csv')).toBe('csv');
    expect(tableFormat('a.XLSX', undefined)).toBe('xlsx');
    expect(tableFormat('upload', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe(
      'xlsx',
    );
    expect(() => tableFormat('old.xls', 'application/octet-stream')).toThrow(
      /Excel 97–2003 .*save it as .*\.xlsx/,
    );
  });
});
