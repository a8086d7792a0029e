import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ReportFormat } from './report-run.entity.js';

export type Cell = string | number | null;

/** Writes a table row by row into a CSV or XLSX file; `finish` returns the file. */
export interface TableWriter {
  readonly contentType: string;
  add(rows: Cell[][]): void;
  finish(): Promise<Buffer>;
}

// A spreadsheet runs a cell starting with one of these as a formula: prefix text cells with '.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

class CsvWriter implements TableWriter {
  readonly contentType = 'text/csv; charset=utf-8';
  private readonly chunks: Buffer[] = [];

  constructor(columns: string[]) {
    this.add([columns]);
  }

  add(rows: Cell[][]): void {
    this.chunks.push(Buffer.from(rows.map((r) => `${r.map(csvCell).join(',')}\r\n`).join(''), 'utf8'));
  }

  finish(): Promise<Buffer> {
    return Promise.resolve(Buffer.concat(this.chunks));
  }
}

/** exceljs's streaming writer: rows are committed (and zipped) as they come, not kept as a workbook. */
class XlsxWriter implements TableWriter {
  readonly contentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  private readonly out = new PassThrough();
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<void>;
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet: ExcelJS.Worksheet;

  constructor(columns: string[], sheetName: string) {
    this.out.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      this.out.on('end', resolve);
      this.out.on('error', reject);
    });
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: this.out,
      useStyles: true,
      useSharedStrings: false,
    });
    this.sheet = this.workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    const header = this.sheet.addRow(columns);
    header.font = { bold: true };
    header.commit();
  }

  add(rows: Cell[][]): void {
    for (const row of rows) this.sheet.addRow(row).commit();
  }

  async finish(): Promise<Buffer> {
    this.sheet.commit();
    await this.workbook.commit();
    await this.done;
    return Buffer.concat(this.chunks);
  }
}

export function tableWriter(format: ReportFormat, columns: string[], sheetName: string): TableWriter {
  return format === 'csv' ? new CsvWriter(columns) : new XlsxWriter(columns, sheetName);
}
