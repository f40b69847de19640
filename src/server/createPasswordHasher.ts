import type * as Argon2 from '@node-rs/argon2';
import type { Algorithm } from '@node-rs/argon2';
import { randomToken } from './crypto.js';
import { optionalRequire } from './optionalRequire.js';
import { Semaphore } from './Semaphore.js';

/**
 * Argon2id parameters. The defaults are the OWASP Password Storage Cheat Sheet floor:
 * m = 19456 KiB (19 MiB), t = 2, p = 1. `maxConcurrent` bounds how many hashes run at once
 * (each takes `memoryCost` KiB and a libuv thread); further requests wait their turn.
 *
 * @example
 * ```ts
 * const params: HashingOptions = { memoryCost: 65536, timeCost: 3, parallelism: 1, maxConcurrent: 2 };
 * ```
 */
export interface HashingOptions {
  /** KiB of memory per hash. Default 19456. */
  memoryCost?: number;
  /** Passes. Default 2. */
  timeCost?: number;
  /** Lanes. Default 1. */
  parallelism?: number;
  /** Hashes allowed to run at once. Default 4. */
  maxConcurrent?: number;
}

/**
 * Hashes and verifies passwords. `verify` never throws for a malformed stored hash (it answers
 * `false`); `dummyVerify` spends the same work as a real verify so an unknown user is not faster.
 *
 * @example
 * ```ts
 * const phc = await hasher.hash('correct horse battery staple');
 * if (await hasher.verify(phc, input) && hasher.needsRehash(phc)) await save(await hasher.hash(input));
 * ```
 */
export interface PasswordHasher {
  /** The parameters new hashes are made with. */
  readonly params: Readonly<Required<Omit<HashingOptions, 'maxConcurrent'>>>;
  /** An argon2id PHC string (`$argon2id$v=19$m=...,t=...,p=...$salt$hash`). */
  hash(password: string): Promise<string>;
  /** Constant-time verify of `password` against a stored PHC string. */
  verify(phc: string, password: string): Promise<boolean>;
  /** Runs a verify against a fixed dummy hash and answers `false`; for unknown users. */
  dummyVerify(password: string): Promise<false>;
  /** True when `phc` was made with other parameters (or another algorithm) than `params`. */
  needsRehash(phc: string): boolean;
}

/**
 * The default argon2id parameters: the OWASP floor (m = 19456 KiB, t = 2, p = 1), at most 4 hashes at once.
 *
 * @example
 * ```ts
 * createPasswordHasher({ ...DEFAULT_HASHING, memoryCost: 65536, timeCost: 3 });
 * ```
 */
export const DEFAULT_HASHING = { memoryCost: 19456, timeCost: 2, parallelism: 1, maxConcurrent: 4 } as const;

const ARGON2ID = 2 as Algorithm;

function checkParam(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`hashing.${name} must be an integer from ${String(min)} to ${String(max)}, got ${String(value)}`);
  }
  return value;
}

/**
 * Creates the argon2id password hasher (through `@node-rs/argon2`). Passwords are NFC-normalized
 * before hashing so the same passphrase typed on different systems matches.
 *
 * @example
 * ```ts
 * const hasher = createPasswordHasher(); // OWASP defaults
 * const fast = createPasswordHasher({ memoryCost: 1024, timeCost: 1 }); // tests only
 * ```
 */
export function createPasswordHasher(options: HashingOptions = {}): PasswordHasher {
  const params = {
    memoryCost: checkParam('memoryCost', options.memoryCost ?? DEFAULT_HASHING.memoryCost, 8, 4 * 1024 * 1024),
    timeCost: checkParam('timeCost', options.timeCost ?? DEFAULT_HASHING.timeCost, 1, 100),
    parallelism: checkParam('parallelism', options.parallelism ?? DEFAULT_HASHING.parallelism, 1, 255),
  };
  const { hash: argon2Hash, parseOptions, verify: argon2Verify } = optionalRequire<typeof Argon2>('@node-rs/argon2', 'createPasswordHasher');
  const gate = new Semaphore(checkParam('maxConcurrent', options.maxConcurrent ?? DEFAULT_HASHING.maxConcurrent, 1, 1024));
  const argonOptions = { ...params, algorithm: ARGON2ID };
  let dummy: Promise<string> | null = null;

  const rawHash = (password: string) => gate.run(() => argon2Hash(password.normalize('NFC'), argonOptions));
  // The dummy hash is made on first use of the hasher, so the first unknown-user login is not slower.
  const dummyHash = () => (dummy ??= rawHash(randomToken()));
  const hash = (password: string) => {
    void dummyHash().catch(() => undefined);
    return rawHash(password);
  };
  const verify = async (phc: string, password: string) => {
    void dummyHash().catch(() => undefined);
    try {
      return await gate.run(() => argon2Verify(phc, password.normalize('NFC')));
    } catch {
      return false;
    }
  };

  return {
    params,
    hash,
    verify,
    async dummyVerify(password) {
      await verify(await dummyHash(), password);
      return false;
    },
    needsRehash(phc) {
      if (!phc.startsWith('$argon2id$')) return true;
      try {
        const parsed = parseOptions(phc);
        return (
          parsed.memoryCost !== params.memoryCost || parsed.timeCost !== params.timeCost || parsed.parallelism !== params.parallelism
        );
      } catch {
        return true;
      }
    },
  };
}
