import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ReportFormat, ReportKind, ReportRunStatus } from './report-run.entity.js';

export interface ReportRunRow {
  id: string;
  kind: ReportKind;
  format: ReportFormat;
  params: Record<string, unknown>;
  status: ReportRunStatus;
  progress: number;
  rowCount: number;
  fileKey: string | null;
  error: string | null;
  requestedBy: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

const COLUMNS = `id, kind, format, params, status, progress, row_count AS "rowCount", file_key AS "fileKey", error,
  requested_by AS "requestedBy", created_at AS "createdAt", started_at AS "startedAt", finished_at AS "finishedAt"`;

/** report_runs: the reporting module's own table. */
@Injectable()
export class ReportRunsRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(
    m: EntityManager,
    run: { kind: ReportKind; format: ReportFormat; params: Record<string, unknown>; requestedBy: string | null },
  ): Promise<ReportRunRow> {
    const [row] = (await m.query(
      `INSERT INTO report_runs (kind, format, params, requested_by) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [run.kind, run.format, run.params, run.requestedBy],
    )) as ReportRunRow[];
    return row;
  }

  async get(id: string): Promise<ReportRunRow | null> {
    const [row] = (await this.ds.query(`SELECT ${COLUMNS} FROM report_runs WHERE id = $1`, [id])) as ReportRunRow[];
    return row ?? null;
  }

  /** Claims a run that is not finished; null when it already succeeded (a redelivered job). */
  async start(id: string): Promise<ReportRunRow | null> {
    const [rows] = (await this.ds.query(
      `UPDATE report_runs SET status = 'running', started_at = coalesce(started_at, now()), progress = 0, row_count = 0, error = NULL
        WHERE id = $1 AND status IN ('queued', 'running', 'failed') RETURNING ${COLUMNS}`,
      [id],
    )) as [ReportRunRow[], number];
    return rows[0] ?? null;
  }

  async progress(id: string, progress: number, rowCount: number): Promise<void> {
    await this.ds.query("UPDATE report_runs SET progress = $2, row_count = $3 WHERE id = $1 AND status = 'running'", [
      id,
      Math.max(0, Math.min(99, Math.floor(progress))),
      rowCount,
    ]);
  }

  async succeed(id: string, fileKey: string, rowCount: number): Promise<void> {
    await this.ds.query(
      `UPDATE report_runs SET status = 'succeeded', progress = 100, row_count = $3, file_key = $2, finished_at = now()
        WHERE id = $1 AND status = 'running'`,
      [id, fileKey, rowCount],
    );
  }

  /** Records an attempt's error; `final` marks the run failed (no retry follows). */
  async fail(id: string, error: string, final: boolean): Promise<void> {
    await this.ds.query(
      `UPDATE report_runs SET error = $2, status = CASE WHEN $3 THEN 'failed' ELSE status END,
              finished_at = CASE WHEN $3 THEN now() ELSE finished_at END
        WHERE id = $1 AND status <> 'succeeded'`,
      [id, error.slice(0, 1000), final],
    );
  }
}
