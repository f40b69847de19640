import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from 'latchkey/contract';
import { AuthError, defaultMessages, describeError, formatDuration, formatMessage, messagesDe } from 'latchkey';

const placeholders = (text: string) => [...text.matchAll(/\{([A-Za-z][A-Za-z0-9_]*)\}/g)].map((match) => match[1]).sort();

describe('dictionaries', () => {
  it('German has exactly the keys of the English defaults, none empty', () => {
    expect(Object.keys(messagesDe).sort()).toEqual(Object.keys(defaultMessages).sort());
    for (const [key, value] of Object.entries(messagesDe)) expect(value.trim(), key).not.toBe('');
  });

  it('every German message keeps the placeholders of its English original', () => {
    for (const [key, value] of Object.entries(defaultMessages)) {
      expect(placeholders(messagesDe[key as keyof typeof messagesDe]), key).toEqual(placeholders(value));
    }
  });

  it('every key is used by a widget (error.<code> keys are looked up by code)', () => {
    const sources = Object.values(import.meta.glob<string>(['../../src/widgets/*.tsx', '../../src/widgets/*.ts', '!../../src/widgets/messages.ts'], { query: '?raw', import: 'default', eager: true })).join('\n');
    const unused = Object.keys(defaultMessages).filter((key) => !key.startsWith('error.') && !sources.includes(`'${key}'`));
    expect(unused).toEqual([]);
  });

  it('has a message for every error code of the contract and for the client-side failures', () => {
    for (const code of [...ERROR_CODES, 'network', 'timeout', 'aborted', 'contract_mismatch', 'unknown']) {
      expect(defaultMessages, code).toHaveProperty(`error.${code}`);
    }
  });
});

describe('formatMessage, formatDuration, describeError', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('Try again in {time}.', { time: '3 seconds' })).toBe('Try again in 3 seconds.');
    expect(formatMessage('Hello {name} and {other}', { name: '<b>x</b>' })).toBe('Hello <b>x</b> and {other}');
    expect(formatMessage('{toString}')).toBe('{toString}');
  });

  it('formats durations in both languages', () => {
    expect(formatDuration(1, defaultMessages)).toBe('1 second');
    expect(formatDuration(42.2, defaultMessages)).toBe('43 seconds');
    expect(formatDuration(75, defaultMessages)).toBe('1 min 15 s');
    expect(formatDuration(900, messagesDe)).toBe('15 Min. 0 Sek.');
  });

  it('translates known codes and shows the server text for unknown ones', () => {
    const known = new AuthError({ code: 'invalid_credentials', message: 'Nope', endpoint: 'POST login', status: 401 });
    expect(describeError(known, messagesDe)).toBe(messagesDe['error.invalid_credentials']);
    const unknown = new AuthError({ code: 'teapot', message: 'I am a teapot', endpoint: 'POST login', status: 418 });
    expect(describeError(unknown, defaultMessages)).toBe('I am a teapot');
    expect(describeError(new Error('boom'), defaultMessages)).toBe(defaultMessages['error.unknown']);
  });
});
