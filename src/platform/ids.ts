import { uuidv7 } from 'uuidv7';
import { randomBytes, createHash } from 'node:crypto';

/** Time-ordered ids: random UUIDs halved insert speed on SQLite here. */
export const newId = (): string => uuidv7();

/** An opaque random token (256 bits), URL-safe. */
export const newToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export const sha256Hex = (value: string | Buffer): string => createHash('sha256').update(value).digest('hex');
