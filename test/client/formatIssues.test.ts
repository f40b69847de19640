import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { formatIssues } from '../../src/client/formatIssues.js';

const issuesOf = (schema: z.core.$ZodType, value: unknown) => {
  const result = z.safeParse(schema, value, { reportInput: true });
  if (result.success) throw new Error('expected the value to fail');
  return result.error.issues;
};

describe('formatIssues', () => {
  it('names the dotted path, the rule and the kind of value found, never the value', () => {
    const schema = z.object({ user: z.object({ roles: z.array(z.string()), age: z.number().check(z.multipleOf(5)) }) });
    const text = formatIssues(issuesOf(schema, { user: { roles: ['a', 7], age: 12 } }));
    expect(text).toBe('user.roles.1: expected string, got number; user.age: not multiple of, got number');
    expect(text).not.toContain('12');
  });

  it('says "the top level" for the value itself and "nothing" for a missing field', () => {
    expect(formatIssues(issuesOf(z.object({ a: z.string() }), 'x'))).toBe('the top level: expected object, got string');
    expect(formatIssues(issuesOf(z.object({ a: z.enum(['x', 'y']) }), {}))).toBe('a: invalid value, got nothing');
  });

  it("uses a custom check's own message", () => {
    const schema = z.string().check(z.refine(() => false, { message: 'not a valid ISO 8601 date-time with a time zone' }));
    expect(formatIssues(issuesOf(schema, 'tomorrow'))).toBe('the top level: not a valid ISO 8601 date-time with a time zone');
  });

  it('lists three issues and counts the rest', () => {
    const schema = z.object({ a: z.string(), b: z.string(), c: z.string(), d: z.string(), e: z.string() });
    expect(formatIssues(issuesOf(schema, {}))).toBe(
      'a: expected string, got nothing; b: expected string, got nothing; c: expected string, got nothing (and 2 more)',
    );
  });
});
