import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sheetsOfWorkbookXml, workbookSheets } from './workbook';

async function workbook(names: readonly string[], hidden: readonly string[] = []): Promise<Blob> {
  const book = new ExcelJS.Workbook();
  for (const name of names) {
    const sheet = book.addWorksheet(name, { state: hidden.includes(name) ? 'hidden' : 'visible' });
    sheet.addRow(['period', 'value']);
    for (let i = 1; i <= 200; i++) sheet.addRow([`2024-01-${String((i % 28) + 1).padStart(2, '0')}`, i]);
  }
  return new Blob([await book.xlsx.writeBuffer()]);
}

describe('workbookSheets', () => {
  it('lists the worksheets of an .xlsx file in order, names unescaped', async () => {
    const sheets = await workbookSheets(await workbook(['Notes', 'Falls & pressure ulcers', 'Data']));
    expect(sheets.map((s) => s.name)).toEqual(['Notes', 'Falls & pressure ulcers', 'Data']);
    expect(sheets.every((s) => !s.hidden)).toBe(true);
  });

  it('marks hidden sheets', async () => {
    const sheets = await workbookSheets(await workbook(['Visible', 'Lookup'], ['Lookup']));
    expect(sheets).toEqual([
      { name: 'Visible', hidden: false },
      { name: 'Lookup', hidden: true },
    ]);
  });

  it('answers nothing for a file that is not a zip archive', async () => {
    expect(await workbookSheets(new Blob(['period,value\n2024-01-01,3\n']))).toEqual([]);
  });

  it('reads sheet elements with or without a namespace prefix', () => {
    const xml =
      '<workbook><sheets><x:sheet name="A &lt;1&gt;" sheetId="1" r:id="rId1"/><sheet sheetId="2" name="B" state="veryHidden"/></sheets></workbook>';
    expect(sheetsOfWorkbookXml(xml)).toEqual([
      { name: 'A <1>', hidden: false },
      { name: 'B', hidden: true },
    ]);
  });
});
