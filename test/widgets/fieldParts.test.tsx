import { act, render, renderHook, screen } from '@testing-library/react';
import { createRef, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Field, FormError, FormStatus, PasswordField, SubmitButton, useCountdown } from 'latchkey';
import { expectNoAxeViolations, SLOW, typist } from './support.js';

function PasswordDemo() {
  const [value, setValue] = useState('');
  return (
    <main>
      <PasswordField label="Passphrase" autoComplete="new-password" hint="Long is strong" value={value} onChange={(event) => setValue(event.target.value)} />
      <button type="button" onClick={() => setValue('')}>
        Clear
      </button>
    </main>
  );
}

describe('shared field parts', SLOW, () => {
  it('Field links label, hint and error by id and marks the invalid state', async () => {
    const ref = createRef<HTMLInputElement>();
    const { rerender } = render(
      <main>
        <Field ref={ref} label="Email" hint="We never share it" type="email" name="email" className="wrap" classNames={{ input: 'in' }} defaultValue="" />
      </main>,
    );
    const input = screen.getByLabelText('Email');
    expect(ref.current).toBe(input);
    expect(input).toHaveClass('lk-input', 'in');
    expect(input).toHaveAccessibleDescription('We never share it');
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(input.closest('.lk-field')).toHaveClass('wrap');
    await expectNoAxeViolations();

    rerender(
      <main>
        <Field ref={ref} label="Email" hint="We never share it" type="email" name="email" error="Enter an email" defaultValue="" />
      </main>,
    );
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('We never share it Enter an email');
    expect(input.closest('.lk-field')).toHaveAttribute('data-invalid', '');
    await expectNoAxeViolations();
  });

  it('PasswordField toggles visibility accessibly and hides again once emptied', async () => {
    const user = typist();
    render(<PasswordDemo />);
    const input = screen.getByLabelText('Passphrase');
    expect(input).toHaveAttribute('type', 'password');
    expect(input).toHaveAttribute('autocomplete', 'new-password');
    expect(input).toHaveAttribute('autocapitalize', 'off');
    expect(input).toHaveAttribute('spellcheck', 'false');
    await user.type(input, 'secret');
    await user.click(screen.getByRole('button', { name: 'Show password' }));
    expect(input).toHaveAttribute('type', 'text');
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    expect(input).toHaveAttribute('type', 'password');
    expect(screen.getByRole('button', { name: 'Show password' })).toBeInTheDocument();
  });

  it('FormError is an alert that can take focus and renders text, FormStatus a polite region', async () => {
    const { rerender } = render(
      <main>
        <FormError />
        <FormStatus />
      </main>,
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveAttribute('aria-live', 'polite');
    rerender(
      <main>
        <FormError details={['<b>detail</b>']}>{'<img src=x onerror=alert(1)>'}</FormError>
        <FormStatus>Saved.</FormStatus>
      </main>,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveAttribute('tabindex', '-1');
    expect(alert).toHaveTextContent('<img src=x onerror=alert(1)>');
    expect(alert).toHaveTextContent('<b>detail</b>');
    expect(document.querySelector('img, b')).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Saved.');
    await expectNoAxeViolations();
  });

  it('SubmitButton is disabled and busy while pending', async () => {
    const onClick = vi.fn();
    const { rerender } = render(
      <main>
        <SubmitButton onClick={onClick}>Send</SubmitButton>
      </main>,
    );
    const button = screen.getByRole('button', { name: 'Send' });
    expect(button).toHaveAttribute('type', 'submit');
    expect(button).toBeEnabled();
    rerender(
      <main>
        <SubmitButton pending pendingLabel="Sending…" onClick={onClick}>
          Send
        </SubmitButton>
      </main>,
    );
    expect(screen.getByRole('button', { name: 'Sending…' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Sending…' })).toHaveAttribute('aria-busy', 'true');
    await expectNoAxeViolations();
  });

  it('useCountdown counts whole seconds down to 0 and restarts for a new key', () => {
    vi.useFakeTimers();
    try {
      const first = { retryAfter: 3 };
      const { result, rerender } = renderHook(({ error }: { error: { retryAfter: number } | null }) => useCountdown(error?.retryAfter ?? null, error), {
        initialProps: { error: null as { retryAfter: number } | null },
      });
      expect(result.current).toBeNull();
      rerender({ error: first });
      expect(result.current).toBe(3);
      act(() => {
        vi.advanceTimersByTime(1_000);
      });
      expect(result.current).toBe(2);
      act(() => {
        vi.advanceTimersByTime(5_000);
      });
      expect(result.current).toBe(0);
      rerender({ error: { retryAfter: 3 } });
      expect(result.current).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
