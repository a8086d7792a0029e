import { Button, ErrorBanner, Select, TextField, fieldErrors } from '@tessera/ui';
import { useState, type FormEvent } from 'react';
import { useAction } from '../../lib/use-action.js';
import { AdjustmentFields, type Adjustment } from './AdjustmentFields.js';
import type { PricePolicy, PriceRule, PriceRules } from './get-price-rules.js';
import { MoneyField } from './MoneyField.js';
import { putPriceRules } from './put-price-rules.js';

type Kind = PriceRule['kind'];

const KINDS: { value: Kind; label: string }[] = [
  { value: 'time_step', label: 'Time step (early bird, rise before the event)' },
  { value: 'sell_through', label: 'Demand: share sold' },
  { value: 'sales_velocity', label: 'Demand: sales speed' },
];

const NONE: Adjustment = { type: 'percent', value: 0 };

function newRule(kind: Kind): PriceRule {
  switch (kind) {
    case 'time_step':
      return { kind, fromDaysBeforeEvent: 7, adjustment: { type: 'percent', value: 10 } };
    case 'sell_through':
      return { kind, thresholds: [{ percent: 50, adjustment: { type: 'percent', value: 10 } }] };
    case 'sales_velocity':
      return { kind, windowMinutes: 60, target: 20, above: { type: 'percent', value: 10 }, below: null };
  }
}

/** "2027-03-01T10:00" in the browser's zone to ISO, and back. */
const toIso = (local: string) => (local ? new Date(local).toISOString() : null);
const toLocal = (iso: string | null | undefined) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const num = (text: string) => (text.trim() === '' ? null : Math.trunc(Number(text)));

export interface RuleEditorProps {
  ticketTypeId: string;
  currency: string;
  saved: PriceRules;
  onSaved: (rules: PriceRules) => void;
  /** Simulate the rules as they stand in the editor, saved or not. */
  onSimulate: (draft: { policy: PricePolicy; rules: PriceRule[] }) => void;
}

/** The ordered rules of one ticket type with its floor, ceiling, price points and rise cap. */
export function RuleEditor({ ticketTypeId, currency, saved, onSaved, onSimulate }: RuleEditorProps) {
  const [policy, setPolicy] = useState<PricePolicy>(saved.policy);
  const [rules, setRules] = useState<PriceRule[]>(saved.rules);
  const [adding, setAdding] = useState<Kind>('time_step');
  const save = useAction();
  const errors = fieldErrors(save.error);
  const errorsOf = (i: number) =>
    Object.entries(errors)
      .filter(([field]) => field === `rules[${i}]` || field.startsWith(`rules[${i}].`))
      .map(([, message]) => message);

  const change = (i: number, next: PriceRule) => setRules(rules.map((r, j) => (j === i ? next : r)));
  const move = (i: number, by: number) => {
    const next = [...rules];
    const [rule] = next.splice(i, 1);
    if (rule) next.splice(i + by, 0, rule);
    setRules(next);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save.run(async () => {
      const next = await putPriceRules(ticketTypeId, { policy, rules });
      // The saved rules carry their ids: later saves keep them.
      setRules(next.rules);
      setPolicy(next.policy);
      onSaved(next);
      return 'Saved. The new price is on sale now.';
    });
  };

  return (
    <form className="ts-card ts-form" aria-label="Price rules" onSubmit={submit}>
      <ErrorBanner error={save.error} title="The rules were not saved" />
      <fieldset className="pricing-policy">
        <legend>Limits</legend>
        <div className="pricing-grid">
          <MoneyField
            label="Floor"
            currency={currency}
            value={policy.floor}
            error={errors['policy.floor']}
            hint="Never below"
            onChange={(floor) => setPolicy({ ...policy, floor })}
          />
          <MoneyField
            label="Ceiling"
            currency={currency}
            value={policy.ceiling}
            hint="Never above"
            onChange={(ceiling) => setPolicy({ ...policy, ceiling })}
          />
          <MoneyField
            label="Price points"
            currency={currency}
            value={policy.roundTo ?? 1}
            hint="0.50 gives .00 and .50"
            error={errors['policy.roundTo']}
            onChange={(roundTo) => setPolicy({ ...policy, roundTo: Math.max(1, roundTo ?? 1) })}
          />
          <MoneyField
            label="Largest rise per hour"
            currency={currency}
            value={policy.maxRisePerHour}
            hint="Empty: no cap"
            onChange={(maxRisePerHour) => setPolicy({ ...policy, maxRisePerHour })}
          />
        </div>
      </fieldset>

      <ol className="pricing-rules" aria-label="Rules, applied in this order">
        {rules.map((rule, i) => (
          <li key={rule.id ?? `new-${i}`} className="pricing-rule">
            <div className="ts-cluster" style={{ justifyContent: 'space-between' }}>
              <strong>
                {i + 1}. {KINDS.find((k) => k.value === rule.kind)?.label}
              </strong>
              <span className="ts-cluster">
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                  aria-label={`Move rule ${i + 1} up`}
                >
                  Up
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={i === rules.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label={`Move rule ${i + 1} down`}
                >
                  Down
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => setRules(rules.filter((_, j) => j !== i))}
                  aria-label={`Remove rule ${i + 1}`}
                >
                  Remove
                </Button>
              </span>
            </div>
            <RuleFields rule={rule} currency={currency} onChange={(next) => change(i, next)} />
            {errorsOf(i).map((message) => (
              <p key={message} className="ts-field-error" role="alert">
                {message}
              </p>
            ))}
          </li>
        ))}
      </ol>
      {errors.rules && (
        <p className="ts-field-error" role="alert">
          {errors.rules}
        </p>
      )}

      <div className="ts-cluster" style={{ alignItems: 'flex-end' }}>
        <Select label="New rule" options={KINDS} value={adding} onChange={(e) => setAdding(e.target.value as Kind)} />
        <Button variant="secondary" onClick={() => setRules([...rules, newRule(adding)])}>
          Add rule
        </Button>
      </div>
      <div className="ts-cluster">
        <Button type="submit" busy={save.busy}>
          Save rules
        </Button>
        <Button variant="secondary" onClick={() => onSimulate({ policy, rules })}>
          Simulate
        </Button>
      </div>
      <p role="status" className="ts-muted" style={{ margin: 0 }}>
        {save.notice}
      </p>
    </form>
  );
}

function RuleFields({
  rule,
  currency,
  onChange,
}: {
  rule: PriceRule;
  currency: string;
  onChange: (next: PriceRule) => void;
}) {
  const label = (
    <TextField
      label="Label"
      hint="Shown to buyers with the price"
      maxLength={80}
      value={rule.label ?? ''}
      onChange={(e) => onChange({ ...rule, label: e.target.value || null })}
    />
  );
  const limits = (
    <div className="pricing-grid">
      <MoneyField
        label="Rule floor"
        currency={currency}
        value={rule.floor}
        hint="This rule never lowers below"
        onChange={(floor) => onChange({ ...rule, floor })}
      />
      <MoneyField
        label="Rule ceiling"
        currency={currency}
        value={rule.ceiling}
        hint="This rule never raises above"
        onChange={(ceiling) => onChange({ ...rule, ceiling })}
      />
    </div>
  );
  switch (rule.kind) {
    case 'time_step':
      return (
        <div className="ts-stack">
          {label}
          <div className="pricing-grid">
            <TextField
              label="From (date)"
              type="datetime-local"
              value={toLocal(rule.from)}
              onChange={(e) => onChange({ ...rule, from: toIso(e.target.value), fromDaysBeforeEvent: null })}
            />
            <TextField
              label="Or from days before the event"
              type="number"
              min={0}
              value={rule.fromDaysBeforeEvent?.toString() ?? ''}
              onChange={(e) => onChange({ ...rule, fromDaysBeforeEvent: num(e.target.value), from: null })}
            />
            <TextField
              label="Until (date)"
              type="datetime-local"
              value={toLocal(rule.until)}
              onChange={(e) => onChange({ ...rule, until: toIso(e.target.value), untilDaysBeforeEvent: null })}
            />
            <TextField
              label="Or until days before the event"
              type="number"
              min={0}
              value={rule.untilDaysBeforeEvent?.toString() ?? ''}
              onChange={(e) => onChange({ ...rule, untilDaysBeforeEvent: num(e.target.value), until: null })}
            />
          </div>
          <AdjustmentFields
            legend="Adjustment"
            currency={currency}
            value={rule.adjustment ?? NONE}
            onChange={(adjustment) => onChange({ ...rule, adjustment })}
          />
        </div>
      );
    case 'sell_through':
      return (
        <div className="ts-stack">
          {label}
          {(rule.thresholds ?? []).map((t, j) => (
            <div key={j} className="pricing-grid">
              <TextField
                label={`Threshold ${j + 1}: % sold`}
                type="number"
                min={1}
                max={100}
                value={String(t.percent)}
                onChange={(e) =>
                  onChange({
                    ...rule,
                    thresholds: (rule.thresholds ?? []).map((x, k) =>
                      k === j ? { ...x, percent: Number(e.target.value) || 0 } : x,
                    ),
                  })
                }
              />
              <AdjustmentFields
                legend={`Adjustment at ${t.percent}%`}
                currency={currency}
                value={t.adjustment}
                onChange={(adjustment) =>
                  onChange({
                    ...rule,
                    thresholds: (rule.thresholds ?? []).map((x, k) => (k === j ? { ...x, adjustment } : x)),
                  })
                }
              />
            </div>
          ))}
          <div className="ts-cluster">
            <Button
              size="sm"
              variant="secondary"
              onClick={() =>
                onChange({
                  ...rule,
                  thresholds: [
                    ...(rule.thresholds ?? []),
                    { percent: Math.min(100, (rule.thresholds?.at(-1)?.percent ?? 0) + 20), adjustment: NONE },
                  ],
                })
              }
            >
              Add threshold
            </Button>
          </div>
          {limits}
        </div>
      );
    case 'sales_velocity':
      return (
        <div className="ts-stack">
          {label}
          <div className="pricing-grid">
            <TextField
              label="Window (minutes)"
              type="number"
              min={1}
              value={rule.windowMinutes?.toString() ?? ''}
              onChange={(e) => onChange({ ...rule, windowMinutes: num(e.target.value) ?? undefined })}
            />
            <TextField
              label="Target (tickets per window)"
              type="number"
              min={0}
              value={rule.target?.toString() ?? ''}
              onChange={(e) => onChange({ ...rule, target: num(e.target.value) ?? undefined })}
            />
          </div>
          <AdjustmentFields
            legend="Selling faster than the target"
            currency={currency}
            value={rule.above ?? NONE}
            onChange={(above) => onChange({ ...rule, above })}
          />
          <AdjustmentFields
            legend="Selling slower than the target"
            currency={currency}
            value={rule.below ?? NONE}
            onChange={(below) => onChange({ ...rule, below: below.value === 0 ? null : below })}
          />
          {limits}
        </div>
      );
  }
}
