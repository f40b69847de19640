import { expectTypeOf, test } from 'vitest';
import { formatReport, runConformance } from 'latchkey/conformance';
import type { CheckResult, CheckStatus, ConformanceOptions, ConformanceResult, ReadOutbox } from 'latchkey/conformance';

test('runConformance takes options and resolves with the result', () => {
  expectTypeOf(runConformance).parameter(0).toEqualTypeOf<ConformanceOptions>();
  expectTypeOf(runConformance).returns.resolves.toEqualTypeOf<ConformanceResult>();
  expectTypeOf(formatReport).returns.toEqualTypeOf<string>();
});

test('statuses and the outbox hook are precise', () => {
  expectTypeOf<CheckStatus>().toEqualTypeOf<'pass' | 'fail' | 'not_applicable' | 'not_checked'>();
  expectTypeOf<CheckResult['status']>().toEqualTypeOf<CheckStatus>();
  expectTypeOf<ReadOutbox>().returns.resolves.toEqualTypeOf<{ readonly to?: string; readonly subject?: string; readonly token?: string; readonly link?: string; readonly text?: string } | null>();
  // @ts-expect-error: the transport is cookie or bearer
  const bad: ConformanceOptions = { baseUrl: 'http://x.test', transport: 'soap' };
  void bad;
});
