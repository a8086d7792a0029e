import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const REPORT_KINDS = ['sales', 'purchases', 'check_ins'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const REPORT_RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type ReportRunStatus = (typeof REPORT_RUN_STATUSES)[number];

/** One export asked for by staff and produced by the Report Worker; the file sits in storage. */
@Entity('report_runs')
@Index('report_runs_requested_idx', ['requestedBy', 'createdAt'])
@Check('report_runs_status_check', `"status" IN ('queued', 'running', 'succeeded', 'failed')`)
@Check('report_runs_progress_check', '"progress" BETWEEN 0 AND 100')
export class ReportRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  kind: ReportKind;

  @Column('text')
  format: ReportFormat;

  /** The filters it was asked with (range, event, grouping). */
  @Column('jsonb')
  params: Record<string, unknown>;

  @Column('text', { default: 'queued' })
  status: ReportRunStatus;

  /** Percent done. */
  @Column('integer', { default: 0 })
  progress: number;

  @Column('integer', { default: 0 })
  rowCount: number;

  @Column('text', { nullable: true })
  fileKey: string | null;

  @Column('text', { nullable: true })
  error: string | null;

  @Column('uuid', { nullable: true })
  requestedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  startedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  finishedAt: Date | null;
}
