import {
  Badge,
  Button,
  CheckboxGroup,
  DataTable,
  EmptyState,
  ErrorBanner,
  Select,
  TextField,
  fieldErrors,
  formatMoney,
  formatTimestamp,
  useAsync,
  type Column,
} from '@tessera/ui';
import { useState, type FormEvent } from 'react';
import { useAction } from '../../lib/use-action.js';
import { createPromoCode } from './create-promo-code.js';
import type { PricedType } from './list-ticket-types.js';
import { listPromoCodes, type PromoCode } from './list-promo-codes.js';
import { MoneyField } from './MoneyField.js';
import { updatePromoCode } from './update-promo-code.js';

const toIso = (local: string) => (local ? new Date(local).toISOString() : undefined);

/** An event's promo codes and vouchers: uses, limits, deactivation, and a form for new ones. */
export function PromoCodesPanel({ eventId, types }: { eventId: string; types: readonly PricedType[] }) {
  const codes = useAsync((signal) => listPromoCodes(eventId, signal), [eventId]);
  const [adding, setAdding] = useState(false);
  const toggle = useAction();
  const currency = types[0]?.currency ?? 'EUR';
  const name = (id: string) => types.find((t) => t.id === id)?.name ?? 'a removed type';

  const columns: Column<PromoCode>[] = [
    {
      key: 'code',
      header: 'Code',
      rowHeader: true,
      render: (p) => (
        <>
          {p.code} {!p.active && <Badge tone="neutral">Off</Badge>}
          {p.unlocksTicketTypeIds.length > 0 && <Badge tone="info">Voucher</Badge>}
        </>
      ),
    },
    {
      key: 'value',
      header: 'Off each ticket',
      render: (p) => (p.kind === 'percent' ? `${p.value}%` : formatMoney(p.value, currency)),
    },
    {
      key: 'types',
      header: 'Applies to',
      render: (p) =>
        [
          p.ticketTypeIds.length ? p.ticketTypeIds.map(name).join(', ') : 'Every type',
          p.unlocksTicketTypeIds.length ? `unlocks ${p.unlocksTicketTypeIds.map(name).join(', ')}` : '',
        ]
          .filter(Boolean)
          .join('; '),
    },
    {
      key: 'uses',
      header: 'Used',
      render: (p) =>
        `${p.used}${p.maxUses === null ? '' : ` of ${p.maxUses}`}${p.maxUsesPerCustomer ? ` (${p.maxUsesPerCustomer} per customer)` : ''}`,
    },
    {
      key: 'valid',
      header: 'Valid',
      render: (p) =>
        [
          p.validFrom && `from ${formatTimestamp(p.validFrom)}`,
          p.validUntil && `until ${formatTimestamp(p.validUntil)}`,
        ]
          .filter(Boolean)
          .join(' ') || 'Always',
    },
    {
      key: 'actions',
      header: <span className="ts-visually-hidden">Actions</span>,
      align: 'end',
      render: (p) => (
        <Button
          size="sm"
          variant="secondary"
          busy={toggle.busy}
          aria-label={`${p.active ? 'Deactivate' : 'Reactivate'} ${p.code}`}
          onClick={() =>
            void toggle.run(async () => {
              await updatePromoCode(p.id, { active: !p.active });
              codes.reload();
              return `${p.code} is ${p.active ? 'off' : 'on'}.`;
            })
          }
        >
          {p.active ? 'Deactivate' : 'Reactivate'}
        </Button>
      ),
    },
  ];

  return (
    <section className="ts-stack" aria-labelledby="promo-codes-title">
      <div className="ts-cluster" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <h2 id="promo-codes-title" style={{ margin: 0 }}>
          Promo codes and vouchers
        </h2>
        {!adding && <Button onClick={() => setAdding(true)}>New code</Button>}
      </div>
      <ErrorBanner error={codes.error} title="The codes could not be loaded" />
      <ErrorBanner error={toggle.error} title="The code was not changed" />
      <p role="status" className="ts-muted" style={{ margin: 0 }}>
        {toggle.notice}
      </p>
      {adding && (
        <PromoCodeForm
          eventId={eventId}
          types={types}
          currency={currency}
          onCreated={() => {
            setAdding(false);
            codes.reload();
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      {codes.data && (
        <DataTable
          caption="Promo codes"
          columns={columns}
          rows={codes.data.items}
          rowKey={(p) => p.id}
          busy={codes.loading}
          empty={
            <EmptyState title="No codes yet">
              Codes take a percentage or an amount off, or unlock hidden types.
            </EmptyState>
          }
        />
      )}
    </section>
  );
}

function PromoCodeForm({
  eventId,
  types,
  currency,
  onCreated,
  onCancel,
}: {
  eventId: string;
  types: readonly PricedType[];
  currency: string;
  onCreated: () => void;
  onCancel: () => void;
}) {
  const [code, setCode] = useState('');
  const [kind, setKind] = useState<'percent' | 'amount'>('percent');
  const [percent, setPercent] = useState('10');
  const [amount, setAmount] = useState<number | null>(null);
  const [maxUses, setMaxUses] = useState('');
  const [perCustomer, setPerCustomer] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [stackable, setStackable] = useState<string[]>([]);
  const [only, setOnly] = useState<string[]>([]);
  const [unlocks, setUnlocks] = useState<string[]>([]);
  const save = useAction();
  const errors = fieldErrors(save.error);
  const hidden = types.filter((t) => t.hidden);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save.run(async () => {
      await createPromoCode(eventId, {
        code: code.trim(),
        kind,
        value: kind === 'percent' ? Math.trunc(Number(percent) || 0) : (amount ?? 0),
        ticketTypeIds: only,
        unlocksTicketTypeIds: unlocks,
        maxUses: maxUses ? Math.trunc(Number(maxUses)) : null,
        maxUsesPerCustomer: perCustomer ? Math.trunc(Number(perCustomer)) : null,
        validFrom: toIso(validFrom),
        validUntil: toIso(validUntil),
        stackable: stackable.length > 0,
      });
      onCreated();
    });
  };

  return (
    <form className="ts-card ts-form" aria-label="New promo code" onSubmit={submit}>
      <ErrorBanner error={save.error} title="The code was not created" hideFields={['code', 'value', 'validUntil']} />
      <div className="pricing-grid">
        <TextField
          label="Code"
          required
          maxLength={40}
          hint="Letters, digits, - or _"
          value={code}
          error={errors.code}
          onChange={(e) => setCode(e.target.value)}
        />
        <Select
          label="Takes off"
          options={[
            { value: 'percent', label: 'A percentage' },
            { value: 'amount', label: 'An amount' },
          ]}
          value={kind}
          onChange={(e) => setKind(e.target.value as 'percent' | 'amount')}
        />
        {kind === 'percent' ? (
          <TextField
            label="Percent off"
            type="number"
            min={0}
            max={100}
            value={percent}
            error={errors.value}
            onChange={(e) => setPercent(e.target.value)}
          />
        ) : (
          <MoneyField label="Amount off" currency={currency} value={amount} error={errors.value} onChange={setAmount} />
        )}
        <TextField
          label="Uses in total"
          type="number"
          min={1}
          hint="Empty: no limit"
          value={maxUses}
          onChange={(e) => setMaxUses(e.target.value)}
        />
        <TextField
          label="Uses per customer"
          type="number"
          min={1}
          hint="Empty: no limit"
          value={perCustomer}
          onChange={(e) => setPerCustomer(e.target.value)}
        />
        <TextField
          label="Valid from"
          type="datetime-local"
          value={validFrom}
          onChange={(e) => setValidFrom(e.target.value)}
        />
        <TextField
          label="Valid until"
          type="datetime-local"
          value={validUntil}
          error={errors.validUntil}
          onChange={(e) => setValidUntil(e.target.value)}
        />
      </div>
      <CheckboxGroup
        legend="Only for these ticket types (none: every type)"
        options={types.map((t) => ({ value: t.id, label: t.name }))}
        value={only}
        onChange={setOnly}
        error={errors.ticketTypeIds}
      />
      {hidden.length > 0 && (
        <CheckboxGroup
          legend="Unlocks these hidden ticket types (a voucher)"
          options={hidden.map((t) => ({ value: t.id, label: t.name }))}
          value={unlocks}
          onChange={setUnlocks}
          error={errors.unlocksTicketTypeIds}
        />
      )}
      <CheckboxGroup
        legend="Stacking"
        options={[{ value: 'yes', label: 'May be combined with other stackable codes' }]}
        value={stackable}
        onChange={setStackable}
      />
      <div className="ts-cluster">
        <Button type="submit" busy={save.busy}>
          Create code
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
