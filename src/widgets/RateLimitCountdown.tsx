import { formatDuration } from './formatDuration.js';
import { formatMessage } from './formatMessage.js';
import type { CommonMessages } from './strings/common.js';
import { cx } from './cx.js';

/**
 * Props of {@link RateLimitCountdown}.
 *
 * @example
 * ```tsx
 * const props: RateLimitCountdownProps = { secondsLeft: 42, messages: defaultMessages };
 * ```
 */
export interface RateLimitCountdownProps {
  /** Seconds left; nothing is rendered for `null` or `0`. */
  secondsLeft: number | null;
  messages: CommonMessages;
  className?: string | undefined;
}

/**
 * The visible countdown of a 429 answer ("You can try again in 14 min 59 s."). `role="timer"`
 * keeps screen readers from announcing every tick; the error summary announces the wait once.
 *
 * @example
 * ```tsx
 * <RateLimitCountdown secondsLeft={form.secondsLeft} messages={messages} />
 * ```
 */
export function RateLimitCountdown({ secondsLeft, messages, className }: RateLimitCountdownProps) {
  if (secondsLeft === null || secondsLeft <= 0) return null;
  return (
    <p className={cx('lk-countdown', className)} role="timer">
      {formatMessage(messages['form.rateLimited'], { time: formatDuration(secondsLeft, messages), seconds: secondsLeft })}
    </p>
  );
}
