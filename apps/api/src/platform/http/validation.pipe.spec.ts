import 'reflect-metadata';
import { describe, expect, it, jest } from '@jest/globals';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsString, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { DomainError } from './domain-error.js';
import { AnyText, AppValidationPipe } from './validation.pipe.js';

class LineDto {
  @IsUUID()
  ticketTypeId!: string;

  @IsInt()
  @Min(1)
  @Max(10)
  quantity!: number;
}

class OrderDto {
  @ValidateNested({ each: true })
  @Type(() => LineDto)
  items!: LineDto[];
}

class WhenDto {
  @IsDate()
  @Type(() => Date)
  at!: Date;
}

class NamedDto {
  @IsString()
  name!: string;
}

class ScanDto {
  @IsString()
  @AnyText()
  code!: string;

  @IsString()
  gate!: string;
}

const body = (metatype: new () => unknown) => ({ type: 'body' as const, metatype });
const order = (quantity: number) => ({
  items: [{ ticketTypeId: '6f1c2d4e-8a9b-4c3d-9e2f-1a2b3c4d5e6f', quantity }],
});

async function refusal(run: Promise<unknown>): Promise<DomainError> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('AppValidationPipe', () => {
  it('gives a body seen before a fresh instance of its class, nested items included', async () => {
    const pipe = new AppValidationPipe();
    const first = (await pipe.transform(order(2), body(OrderDto))) as OrderDto;
    const again = (await pipe.transform(order(2), body(OrderDto))) as OrderDto;
    expect(again).toBeInstanceOf(OrderDto);
    expect(again.items[0]).toBeInstanceOf(LineDto);
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
    expect(again.items[0]).not.toBe(first.items[0]);
  });

  it('keeps a remembered body as it passed when a handler changes the instance it was given', async () => {
    const pipe = new AppValidationPipe();
    const first = (await pipe.transform(order(2), body(OrderDto))) as OrderDto;
    first.items[0].quantity = 9;
    first.items.push(first.items[0]);
    const second = (await pipe.transform(order(2), body(OrderDto))) as OrderDto;
    second.items[0].quantity = 7;
    const third = (await pipe.transform(order(2), body(OrderDto))) as OrderDto;
    expect(third.items).toHaveLength(1);
    expect(third.items[0].quantity).toBe(2);
  });

  it('gives transformed values (dates) again as fresh values of their type', async () => {
    const pipe = new AppValidationPipe();
    const at = '2030-05-01T10:00:00.000Z';
    const first = (await pipe.transform({ at }, body(WhenDto))) as WhenDto;
    const again = (await pipe.transform({ at }, body(WhenDto))) as WhenDto;
    expect(again.at).toBeInstanceOf(Date);
    expect(again.at.toISOString()).toBe(at);
    expect(again.at).not.toBe(first.at);
  });

  it('runs class-validator once per distinct body text', async () => {
    const pipe = new AppValidationPipe();
    const checks = jest.spyOn(pipe as unknown as { validate: () => unknown }, 'validate');
    await pipe.transform(order(2), body(OrderDto));
    await pipe.transform(order(2), body(OrderDto));
    expect(checks).toHaveBeenCalledTimes(1);
    await pipe.transform(order(3), body(OrderDto));
    expect(checks).toHaveBeenCalledTimes(2);
  });

  it('still refuses a body that differs from a remembered one, field by field', async () => {
    const pipe = new AppValidationPipe();
    await pipe.transform(order(2), body(OrderDto));
    const error = await refusal(pipe.transform(order(11), body(OrderDto)));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.extra.errors).toEqual([
      { field: 'items.0.quantity', message: 'quantity must not be greater than 10' },
    ]);
    const unknown = await refusal(pipe.transform({ ...order(2), extra: true }, body(OrderDto)));
    expect(unknown.extra.errors).toEqual([{ field: 'extra', message: 'extra is not allowed' }]);
  });

  it('remembers a body per class: text valid for one class is checked again for another', async () => {
    const pipe = new AppValidationPipe();
    await pipe.transform({ name: 'x' }, body(NamedDto));
    const error = await refusal(pipe.transform({ name: 'x' }, body(OrderDto)));
    expect(error.extra.errors).toEqual([{ field: 'name', message: 'name is not allowed' }]);
  });

  it('never lets a __proto__ key reach an instance, on the first pass or a remembered one', async () => {
    const pipe = new AppValidationPipe();
    for (let i = 0; i < 2; i++) {
      const poisoned = JSON.parse('{"name":"x","__proto__":{"polluted":true}}') as object;
      const out = (await pipe.transform(poisoned, body(NamedDto))) as NamedDto & { polluted?: boolean };
      expect(out).toBeInstanceOf(NamedDto);
      expect(out.polluted).toBeUndefined();
      expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    }
  });

  it('refuses a NUL in a field, naming it, except in a field marked AnyText', async () => {
    const pipe = new AppValidationPipe();
    const named = await refusal(pipe.transform({ name: 'a\u0000b' }, body(NamedDto)));
    expect(named.extra.errors).toEqual([{ field: 'name', message: expect.stringContaining('NUL') }]);
    const nested = await refusal(pipe.transform({ items: [{ ticketTypeId: 'x\u0000', quantity: 1 }] }, body(OrderDto)));
    expect(nested.code).toBe('VALIDATION_FAILED');
    const scan = await pipe.transform({ code: '\u0000\u0001', gate: 'north' }, body(ScanDto));
    expect(scan).toEqual(Object.assign(new ScanDto(), { code: '\u0000\u0001', gate: 'north' }));
    const gate = await refusal(pipe.transform({ code: 'ok', gate: 'n\u0000' }, body(ScanDto)));
    expect(gate.extra.errors).toEqual([{ field: 'gate', message: expect.stringContaining('NUL') }]);
  });

  it('checks parsed query strings and path parameters, which have no prototype', async () => {
    const pipe = new AppValidationPipe();
    const query = Object.assign(Object.create(null) as object, { kind: 'pdf', file: 'a.pdf' });
    expect(await pipe.transform(query, { type: 'query' })).toBe(query);
    const bad = Object.assign(Object.create(null) as object, { file: 'a\u0000.pdf' });
    const error = await refusal(pipe.transform(bad, { type: 'param' }));
    expect(error.extra.errors).toEqual([{ field: 'file', message: expect.stringContaining('NUL') }]);
  });
});
