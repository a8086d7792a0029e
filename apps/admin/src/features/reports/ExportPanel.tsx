import { Button, ErrorBanner, Select } from '@tessera/ui';
import { useEffect, useState } from 'react';
import { useAction } from '../../lib/use-action.js';
import { createReportExport, type ReportExportRequest, type ReportRun } from './create-report-export.js';
import type { ReportFilters, SalesGroup } from './get-sales-report.js';
import { getReportExport } from './get-report-export.js';

const KINDS: { value: ReportExportRequest['kind']; label: string }[] = [
  { value: 'sales', label: 'Sales report (as grouped)' },
  { value: 'purchases', label: 'Every purchase' },
  { value: 'check_ins', label: 'Check-in rates' },
];

/** Starts an export in the Report Worker, follows its progress, then offers the signed link. */
export function ExportPanel({ filters, groupBy }: { filters: ReportFilters; groupBy: SalesGroup }) {
  const [kind, setKind] = useState<ReportExportRequest['kind']>('sales');
  const [format, setFormat] = useState<ReportExportRequest['format']>('csv');
  const [run, setRun] = useState<ReportRun | null>(null);
  const action = useAction();

  const running = run !== null && (run.status === 'queued' || run.status === 'running');
  useEffect(() => {
    if (!running || !run) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      getReportExport(run.id, controller.signal).then(setRun, (e: unknown) => {
        if (!controller.signal.aborted) action.fail(e);
      });
    }, 700);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [run, running]);

  const start = () =>
    void action.run(async () => {
      setRun(null);
      setRun(
        await createReportExport({
          kind,
          format,
          from: filters.from,
          to: filters.to,
          tz: filters.tz,
          eventId: filters.eventId || undefined,
          groupBy: kind === 'sales' ? groupBy : kind === 'check_ins' ? 'event' : undefined,
        }),
      );
    });

  return (
    <section className="ts-card ts-stack" aria-labelledby="export-title">
      <h2 id="export-title">Export</h2>
      <div className="ts-grid">
        <Select
          label="What"
          value={kind}
          onChange={(e) => setKind(e.target.value as ReportExportRequest['kind'])}
          options={KINDS}
        />
        <Select
          label="Format"
          value={format}
          onChange={(e) => setFormat(e.target.value as ReportExportRequest['format'])}
          options={[
            { value: 'csv', label: 'CSV' },
            { value: 'xlsx', label: 'Excel (XLSX)' },
          ]}
        />
      </div>
      <div className="ts-cluster" style={{ alignItems: 'center' }}>
        <Button onClick={start} busy={action.busy || running}>
          Export
        </Button>
        {run && (
          <span role="status" data-testid="export-status">
            {run.status === 'succeeded' && run.downloadUrl ? (
              <a href={run.downloadUrl} download>
                Download {run.kind.replace('_', '-')} ({run.rowCount} rows)
              </a>
            ) : run.status === 'failed' ? (
              `The export failed: ${run.error ?? 'unknown error'}`
            ) : (
              <>
                <progress max={100} value={run.progress} aria-label="Export progress" /> {run.progress}%
              </>
            )}
          </span>
        )}
      </div>
      <ErrorBanner error={action.error} />
    </section>
  );
}
