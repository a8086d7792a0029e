import { Inject, Injectable } from '@nestjs/common';
import { hasRole, type UserActor } from '../../platform/auth/actor.js';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config.js';
import { TransactionRunner } from '../../platform/database/transaction.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { OutboxService } from '../../platform/queue/outbox.service.js';
import { JOB_ATTEMPTS, type JobContext } from '../../platform/queue/queue.driver.js';
import { FILE_STORAGE, type FileStorage } from '../../platform/storage/file-storage.js';
import { CHECK_IN_GROUPS, type CreateReportExportDto, type ReportRunDto, SALES_GROUPS } from './dto/reports.dto.js';
import { type Cell, tableWriter, type TableWriter } from './report-file.js';
import { type ReportRunRow, ReportRunsRepository } from './report-runs.repository.js';
import { type CheckInGroup, type ReportRange, ReportingRepository, type SalesGroup } from './reporting.repository.js';
import { ReportingService } from './reporting.service.js';

const PAGE = 500;
const runNotFound = () =>
  new DomainError('not_found', 'REPORT_RUN_NOT_FOUND', 'No report export of yours has this id.');

const SALES_COLUMNS = [
  'key',
  'label',
  'event_id',
  'currency',
  'purchases',
  'tickets',
  'tickets_refunded',
  'gross_minor',
  'refunds_minor',
  'net_minor',
  'average_price_minor',
  'capacity',
  'sell_through',
];
const PURCHASE_COLUMNS = [
  'purchase_id',
  'paid_at',
  'event_id',
  'event',
  'channel',
  'status',
  'currency',
  'tickets',
  'total_minor',
  'refunded_minor',
  'net_minor',
  'buyer_email',
];
const CHECK_IN_COLUMNS = [
  'event_id',
  'event',
  'starts_at',
  'gate_id',
  'gate',
  'tickets',
  'admitted',
  'entries',
  'rejected',
  'rate',
];

/**
 * Report exports: staff ask for one (a report_runs row and an outbox message in one transaction);
 * the Report Worker runs the `reports.export` job, streaming rows page by page into a CSV or XLSX
 * file with progress on the run, stores it, and the run then hands out a signed, expiring link.
 */
@Injectable()
export class ReportExportService {
  constructor(
    private readonly runs: ReportRunsRepository,
    private readonly reports: ReportingRepository,
    private readonly reporting: ReportingService,
    private readonly outbox: OutboxService,
    private readonly tx: TransactionRunner,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async request(actor: UserActor, dto: CreateReportExportDto): Promise<ReportRunDto> {
    const groups: readonly string[] =
      dto.kind === 'sales' ? SALES_GROUPS : dto.kind === 'check_ins' ? CHECK_IN_GROUPS : [];
    if (dto.groupBy !== undefined && !groups.includes(dto.groupBy))
      throw new DomainError(
        'unprocessable',
        'REPORT_GROUP_INVALID',
        `A ${dto.kind} export cannot be grouped by ${dto.groupBy}.`,
      );
    const range = await this.reporting.range(dto);
    const params = {
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      tz: range.tz,
      eventId: range.eventId ?? null,
      groupBy: dto.groupBy ?? (groups.length ? 'event' : null),
    };
    const run = await this.tx.run(async (m) => {
      const run = await this.runs.insert(m, {
        kind: dto.kind,
        format: dto.format,
        params,
        requestedBy: actor.userId,
      });
      await this.outbox.enqueue(m, 'reports.export', { runId: run.id });
      return run;
    });
    return this.toDto(run);
  }

  /** A run's state; staff other than admins see only the exports they asked for. */
  async get(actor: UserActor, id: string): Promise<ReportRunDto> {
    const run = await this.runs.get(id);
    if (!run || (!hasRole(actor) && run.requestedBy !== actor.userId)) throw runNotFound();
    return this.toDto(run);
  }

  /** The `reports.export` job. A retry starts the file over; a finished run is left alone. */
  async run(job: JobContext): Promise<void> {
    const runId = String(job.data.runId);
    const run = await this.runs.start(runId);
    if (!run) return;
    try {
      const p = run.params;
      const range: ReportRange = {
        from: new Date(String(p.from)),
        to: new Date(String(p.to)),
        tz: String(p.tz ?? 'UTC'),
        eventId: (p.eventId as string | null) ?? null,
      };
      const { writer, rows } = await this.write(run, range, String(p.groupBy ?? 'event'));
      const body = await writer.finish();
      const key = `reports/${run.kind}/${run.id}/${this.filename(run)}`;
      await this.storage.put(key, body, writer.contentType);
      await this.runs.succeed(run.id, key, rows);
    } catch (error) {
      await this.runs.fail(run.id, String((error as Error).message), job.attempt >= JOB_ATTEMPTS);
      throw error;
    }
  }

  private async write(
    run: ReportRunRow,
    range: ReportRange,
    groupBy: string,
  ): Promise<{ writer: TableWriter; rows: number }> {
    if (run.kind === 'purchases') {
      const writer = tableWriter(run.format, PURCHASE_COLUMNS, 'Purchases');
      const total = await this.reports.countPurchases(range);
      let written = 0;
      let after: { paidAt: Date; id: string } | null = null;
      for (;;) {
        const page = await this.reports.purchasesPage(range, after, PAGE);
        if (page.length === 0) break;
        writer.add(
          page.map((r): Cell[] => [
            r.id,
            new Date(r.paidAt).toISOString(),
            r.eventId,
            r.eventName,
            r.channel,
            r.status,
            r.currency,
            r.tickets,
            r.total,
            r.refundedAmount,
            r.total - r.refundedAmount,
            r.buyerEmail,
          ]),
        );
        written += page.length;
        const last = page[page.length - 1];
        after = { paidAt: last.paidAt, id: last.id };
        await this.runs.progress(run.id, total ? (written / total) * 100 : 99, written);
      }
      return { writer, rows: written };
    }
    if (run.kind === 'sales') {
      const report = await this.reporting.sales({
        from: range.from.toISOString(),
        to: range.to.toISOString(),
        tz: range.tz,
        eventId: range.eventId ?? undefined,
        groupBy: groupBy as SalesGroup,
      });
      const writer = tableWriter(run.format, SALES_COLUMNS, 'Sales');
      writer.add(
        report.items.map((r): Cell[] => [
          r.key,
          r.label,
          r.eventId,
          r.currency,
          r.purchases,
          r.tickets,
          r.ticketsRefunded,
          r.gross,
          r.refunds,
          r.net,
          r.averagePrice,
          r.capacity,
          r.sellThrough,
        ]),
      );
      return { writer, rows: report.items.length };
    }
    const report = await this.reporting.checkIns({
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      tz: range.tz,
      eventId: range.eventId ?? undefined,
      groupBy: groupBy as CheckInGroup,
    });
    const writer = tableWriter(run.format, CHECK_IN_COLUMNS, 'Check-ins');
    writer.add(
      report.items.map((r): Cell[] => [
        r.eventId,
        r.eventName,
        r.startsAt,
        r.gateId,
        r.gateName,
        r.tickets,
        r.admitted,
        r.entries,
        r.rejected,
        r.rate,
      ]),
    );
    return { writer, rows: report.items.length };
  }

  private filename(run: ReportRunRow): string {
    const day = (v: unknown) => String(v).slice(0, 10);
    return `${run.kind.replace('_', '-')}-${day(run.params.from)}-${day(run.params.to)}.${run.format}`;
  }

  private async toDto(run: ReportRunRow): Promise<ReportRunDto> {
    const ttl = this.config.storage.linkTtlSeconds;
    const done = run.status === 'succeeded' && run.fileKey;
    const fileName = run.fileKey?.split('/').pop();
    return {
      id: run.id,
      kind: run.kind,
      format: run.format,
      status: run.status,
      progress: run.progress,
      rowCount: run.rowCount,
      params: run.params,
      error: run.status === 'failed' ? run.error : null,
      downloadUrl: done
        ? await this.storage.signedUrl(run.fileKey as string, { expiresInSeconds: ttl, filename: fileName })
        : null,
      downloadExpiresAt: done ? new Date(Date.now() + ttl * 1000).toISOString() : null,
      createdAt: new Date(run.createdAt).toISOString(),
      finishedAt: run.finishedAt ? new Date(run.finishedAt).toISOString() : null,
    };
  }
}
