import { Button, ButtonLink, ErrorBanner, Link, Loading, PageHeader, navigate, useAsync } from '@tessera/ui';
import { useState } from 'react';
import { getVenue } from './get-venue.js';
import type { Venue } from './list-venues.js';
import { VenueForm } from './VenueForm.js';

function Back() {
  return (
    <p style={{ margin: '0 0 var(--space-3)' }}>
      <Link to="/venues">← All venues</Link>
    </p>
  );
}

/** Creates a venue (`/venues/new`) or edits one (`/venues/:id`). */
export function VenueEditorPage({ id }: { id?: string }) {
  if (!id) {
    return (
      <>
        <Back />
        <PageHeader title="New venue" description="After saving, draw its seat map." />
        <section className="ts-card">
          <VenueForm onSaved={(created) => navigate(`/venues/${created.id}`, { replace: true })} />
        </section>
      </>
    );
  }
  return <ExistingVenue id={id} />;
}

function ExistingVenue({ id }: { id: string }) {
  const loaded = useAsync((signal) => getVenue(id, signal), [id]);
  const [latest, setLatest] = useState<Venue | null>(null);
  const venue = latest ?? loaded.data;

  if (loaded.loading && !venue) return <Loading>Loading the venue…</Loading>;
  if (!venue) {
    return (
      <>
        <Back />
        <ErrorBanner
          error={loaded.error}
          title="This venue could not be loaded"
          action={
            <Button variant="secondary" size="sm" onClick={loaded.reload}>
              Try again
            </Button>
          }
        />
      </>
    );
  }
  return (
    <>
      <Back />
      <PageHeader
        title={venue.name}
        description={[venue.city, venue.country].filter(Boolean).join(', ') || venue.timezone}
        actions={<ButtonLink to={`/venues/${venue.id}/map`}>Edit seat map</ButtonLink>}
      />
      <section className="ts-card">
        <VenueForm key={venue.id} venue={venue} onSaved={setLatest} />
      </section>
    </>
  );
}
