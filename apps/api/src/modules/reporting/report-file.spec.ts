import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { tableWriter } from './report-file.js';

describe('report files', () => {
  it('CSV: quotes what needs quoting and defuses cells a spreadsheet would run as formulas', async () => {
    const csv = tableWriter('csv', ['name', 'amount', 'note'], 'Sheet');
    csv.add([
      ['Plain', 1500, null],
      ['Comma, "quoted"', -250, 'two\nlines'],
      ['=HYPERLINK("http://evil")', 0, '+1 cmd'],
    ]);
    const text = (await csv.finish()).toString('utf8');
    expect(text.split('\r\n')).toEqual([
      'name,amount,note',
      'Plain,1500,',
      '"Comma, ""quoted""",-250,"two\nlines"',
      `"'=HYPERLINK(""http://evil"")",0,'+1 cmd`,
      '',
    ]);
  });

  it('XLSX: a header row and the rows, numbers kept as numbers', async () => {
    const xlsx = tableWriter('xlsx', ['event', 'gross_minor'], 'Sales');
    xlsx.add([
      ['Concert', 28500],
      ['Match', 4000],
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsx.finish()) as unknown as Parameters<typeof book.xlsx.load>[0]);
    const sheet = book.getWorksheet('Sales');
    expect(sheet?.getRow(1).values).toEqual([undefined, 'event', 'gross_minor']);
    expect(sheet?.getRow(2).values).toEqual([undefined, 'Concert', 28500]);
    expect(sheet?.getRow(3).getCell(2).value).toBe(4000);
    expect(sheet?.rowCount).toBe(3);
  });
});
