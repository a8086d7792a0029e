import { Button, ErrorBanner, Select, TextArea } from '@tessera/ui';
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useAction } from '../../lib/use-action.js';
import { exportSeatMap } from './export-seat-map.js';
import { importSeatMap, type ImportFormat } from './import-seat-map.js';
import { plural } from './seat-map-model.js';

const CSV_HEADER = 'section,kind,row,seat,x,y,zone,attributes,held_back';

export interface ImportExportPanelProps {
  venueId: string;
  venueName: string;
  onChanged: () => void;
}

function download(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'venue';

/** Import a map from JSON or CSV (pasted or from a file), export it in either format. */
export function ImportExportPanel({ venueId, venueName, onChanged }: ImportExportPanelProps) {
  const [format, setFormat] = useState<ImportFormat>('json');
  const [content, setContent] = useState('');
  const [replace, setReplace] = useState(false);
  const importing = useAction();
  const exporting = useAction();
  const fileId = useId();

  const pickFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    if (/\.csv$/i.test(file.name) || file.type.includes('csv')) setFormat('csv');
    else if (/\.json$/i.test(file.name) || file.type.includes('json')) setFormat('json');
    void importing.run(async () => {
      setContent(await file.text());
      return `Read ${file.name}.`;
    });
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void importing.run(async () => {
      if (!content.trim()) throw new Error('Paste the file content or choose a file first.');
      const result = await importSeatMap(venueId, { format, content, replace });
      onChanged();
      return `Imported ${plural(result.sections, 'section')}, ${plural(result.seats, 'seat')} and ${plural(result.priceZones, 'new price zone')}.`;
    });
  };

  const exportAs = (as: ImportFormat) =>
    void exporting.run(async () => {
      download(await exportSeatMap(venueId, as), `seat-map-${slug(venueName)}.${as}`);
      return `Downloaded the ${as.toUpperCase()} file.`;
    });

  return (
    <section className="ts-card ts-stack" aria-labelledby="import-title" style={{ gap: 'var(--space-3)' }}>
      <h2 id="import-title" style={{ margin: 0 }}>
        Import and export
      </h2>
      <form className="ts-form" aria-label="Import a seat map" onSubmit={submit} style={{ gap: 'var(--space-3)' }}>
        <div className="ts-cluster">
          <Select
            label="Import format"
            options={[
              { value: 'json', label: 'JSON' },
              { value: 'csv', label: 'CSV' },
            ]}
            value={format}
            onChange={(e) => setFormat(e.target.value === 'csv' ? 'csv' : 'json')}
          />
          <div className="ts-field">
            <label className="ts-label" htmlFor={fileId}>
              Import file
            </label>
            <input id={fileId} type="file" accept=".json,.csv,application/json,text/csv" onChange={pickFile} />
          </div>
        </div>
        <TextArea
          label="File content"
          rows={6}
          spellCheck={false}
          hint={
            format === 'csv' ? (
              <>
                Header line <code style={{ wordBreak: 'break-all' }}>{CSV_HEADER}</code>, then one seat per line
                (attributes separated by |).
              </>
            ) : (
              'The shape of an exported JSON map: priceZones, and sections with their seats.'
            )
          }
          value={content}
          onChange={(e) => setContent(e.target.value)}
          style={{ fontFamily: 'var(--font-mono)', fontSize: 'var(--text-sm)' }}
        />
        <label className="ts-check">
          <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
          <span>Replace the whole map (sections, seats and zones)</span>
        </label>
        <ErrorBanner error={importing.error} title="The map was not imported" />
        <div className="ts-cluster" style={{ alignItems: 'center' }}>
          <Button type="submit" busy={importing.busy}>
            Import
          </Button>
          <p role="status" className="ts-muted" style={{ margin: 0 }}>
            {importing.notice}
          </p>
        </div>
      </form>
      <div className="ts-cluster" style={{ alignItems: 'center' }}>
        <Button variant="secondary" size="sm" busy={exporting.busy} onClick={() => exportAs('json')}>
          Download JSON
        </Button>
        <Button variant="secondary" size="sm" busy={exporting.busy} onClick={() => exportAs('csv')}>
          Download CSV
        </Button>
        <p role="status" className="ts-muted" style={{ margin: 0 }}>
          {exporting.notice}
        </p>
      </div>
      <ErrorBanner error={exporting.error} title="The map was not exported" />
    </section>
  );
}
