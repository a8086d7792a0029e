import { Injectable } from '@nestjs/common';
import { DomainError } from '../../platform/http/domain-error.js';
import type {
  CheckInReportDto,
  DashboardSummaryDto,
  ReportRangeQueryDto,
  SalesFiguresDto,
  SalesReportDto,
} from './dto/reports.dto.js';
import {
  type CheckInGroup,
  type ReportRange,
  ReportingRepository,
  type SalesGroup,
  type SalesRow,
} from './reporting.repository.js';

const ratio = (part: number, whole: number | null): number | null =>
  whole ? Math.round((part / whole) * 10_000) / 10_000 : null;

const dateIn = (tz: string, at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(at);

/**
 * The Reporting Service: sales, revenue and check-in figures over a date range, read from the
 * other modules' tables (see ReportingRepository). Money stays in minor units, per currency.
 */
@Injectable()
export class ReportingService {
  constructor(private readonly repo: ReportingRepository) {}

  /** Validates and resolves a range: at most two years, the end after the start. */
  async range(query: ReportRangeQueryDto): Promise<ReportRange> {
    const tz = await this.timeZone(query.tz);
    const today = dateIn(tz, new Date());
    const from = query.from ?? dateIn(tz, new Date(Date.now() - 29 * 86_400_000));
    const to = query.to ?? today;
    const resolved = await this.repo.resolveRange(from, to, tz).catch(() => {
      throw new DomainError('bad_request', 'REPORT_RANGE_INVALID', 'from and to must be real dates.');
    });
    if (resolved.backwards)
      throw new DomainError('unprocessable', 'REPORT_RANGE_INVALID', 'The end of the range must be after its start.');
    if (resolved.tooLong)
      throw new DomainError('unprocessable', 'REPORT_RANGE_TOO_LONG', 'A report covers at most two years.');
    return { from: resolved.from, to: resolved.to, eventId: query.eventId ?? null, tz };
  }

  async timeZone(tz: string | undefined): Promise<string> {
    const zone = tz ?? 'UTC';
    if (!(await this.repo.isKnownTimeZone(zone)))
      throw new DomainError('bad_request', 'TIMEZONE_INVALID', `${zone} is not a known IANA time zone.`);
    return zone;
  }

  async sales(query: ReportRangeQueryDto & { groupBy?: SalesGroup }): Promise<SalesReportDto> {
    const range = await this.range(query);
    const groupBy = query.groupBy ?? 'event';
    const rows = await this.repo.sales(range, groupBy);
    const items = rows
      .filter((r) => !r.isTotal)
      .map((r) => {
        const kept = r.tickets - r.ticketsRefunded;
        return {
          key: r.key ?? '',
          label: r.label ?? r.key ?? '',
          eventId: r.eventId,
          ...figures(r),
          capacity: r.capacity,
          sellThrough: r.capacity === null ? null : ratio(kept, r.capacity),
        };
      });
    return {
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      tz: range.tz,
      groupBy,
      items,
      total: items.length,
      totals: rows.filter((r) => r.isTotal).map(figures),
    };
  }

  async checkIns(query: ReportRangeQueryDto & { groupBy?: CheckInGroup }): Promise<CheckInReportDto> {
    const range = await this.range(query);
    const groupBy = query.groupBy ?? 'event';
    const rows = await this.repo.checkIns(range, groupBy);
    const items = rows.map((r) => ({
      ...r,
      startsAt: new Date(r.startsAt).toISOString(),
      rate: ratio(r.admitted, r.tickets),
    }));
    return { from: range.from.toISOString(), to: range.to.toISOString(), groupBy, items, total: items.length };
  }

  /** The dashboard: today's and the last 30 days' sales, today's events live, the support backlog. */
  async summary(tzQuery: string | undefined): Promise<DashboardSummaryDto> {
    const tz = await this.timeZone(tzQuery);
    const today = await this.repo.today(tz);
    const month = await this.range({ from: dateIn(tz, new Date(Date.now() - 29 * 86_400_000)), to: today.date, tz });
    const [todayRows, monthRows, events, support] = await Promise.all([
      this.repo.sales({ from: today.from, to: today.to, tz }, 'channel'),
      this.repo.sales(month, 'channel'),
      this.repo.todaysEvents(today.from, today.to),
      this.repo.supportBacklog(),
    ]);
    return {
      generatedAt: new Date().toISOString(),
      date: today.date,
      tz,
      today: todayRows.filter((r) => r.isTotal).map(figures),
      last30Days: monthRows.filter((r) => r.isTotal).map(figures),
      events: events.map((e) => ({
        id: e.id,
        name: e.name,
        startsAt: new Date(e.startsAt).toISOString(),
        status: e.status,
        sold: e.sold,
        capacity: e.capacity,
        tickets: e.tickets,
        admitted: e.admitted,
        checkInRate: ratio(e.admitted, e.tickets),
        lastScanAt: e.lastScanAt ? new Date(e.lastScanAt).toISOString() : null,
      })),
      support,
    };
  }
}

export function figures(r: SalesRow): SalesFiguresDto {
  return {
    currency: r.currency,
    purchases: r.purchases,
    tickets: r.tickets,
    ticketsRefunded: r.ticketsRefunded,
    gross: r.gross,
    refunds: r.refunds,
    net: r.gross - r.refunds,
    averagePrice: r.tickets ? Math.round(r.gross / r.tickets) : null,
  };
}
