import {
  Button,
  ButtonLink,
  DataTable,
  EmptyState,
  ErrorBanner,
  Link,
  Loading,
  PageHeader,
  Pagination,
  TextField,
  useAsync,
  useDebouncedValue,
  type Column,
} from '@tessera/ui';
import { useState } from 'react';
import { listVenues, type Venue } from './list-venues.js';

const LIMIT = 20;

const COLUMNS: Column<Venue>[] = [
  { key: 'name', header: 'Venue', rowHeader: true, render: (v) => <Link to={`/venues/${v.id}`}>{v.name}</Link> },
  {
    key: 'where',
    header: 'Where',
    render: (v) => [v.address, v.city, v.country].filter(Boolean).join(', ') || '—',
  },
  { key: 'timezone', header: 'Time zone', render: (v) => v.timezone },
  {
    key: 'capacity',
    header: 'Capacity',
    align: 'end',
    render: (v) => (v.capacity === null ? '—' : v.capacity.toLocaleString()),
  },
  {
    key: 'actions',
    header: <span className="ts-visually-hidden">Actions</span>,
    align: 'end',
    render: (v) => (
      <span className="ts-cluster" style={{ justifyContent: 'flex-end', flexWrap: 'nowrap' }}>
        {v.mapUrl && (
          <a href={v.mapUrl} target="_blank" rel="noopener noreferrer" aria-label={`${v.name} on the map`}>
            Map
          </a>
        )}
        <ButtonLink to={`/venues/${v.id}/map`} variant="secondary" size="sm" aria-label={`Seat map of ${v.name}`}>
          Seat map
        </ButtonLink>
      </span>
    ),
  },
];

export function VenuesPage() {
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const q = useDebouncedValue(search.trim(), 300);
  const venues = useAsync((signal) => listVenues({ q, limit: LIMIT, offset }, signal), [q, offset]);

  return (
    <>
      <PageHeader
        title="Venues"
        description="Where events take place: address, map position and seat map."
        actions={<ButtonLink to="/venues/new">New venue</ButtonLink>}
      />
      <form role="search" onSubmit={(e) => e.preventDefault()} style={{ marginBottom: 'var(--space-4)' }}>
        <TextField
          label="Search venues"
          type="search"
          hint="Name or city"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setOffset(0);
          }}
        />
      </form>
      <ErrorBanner
        error={venues.error}
        action={
          <Button variant="secondary" size="sm" onClick={venues.reload}>
            Try again
          </Button>
        }
      />
      {venues.loading && !venues.data ? (
        <Loading />
      ) : (
        venues.data && (
          <>
            <DataTable
              caption="Venues"
              columns={COLUMNS}
              rows={venues.data.items}
              rowKey={(v) => v.id}
              busy={venues.loading}
              empty={
                <EmptyState title="No venues found">
                  {q ? 'Try another name or city.' : 'Add the first venue.'}
                </EmptyState>
              }
            />
            <Pagination limit={LIMIT} offset={offset} total={venues.data.total} onChange={setOffset} noun="venues" />
          </>
        )
      )}
    </>
  );
}
