import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, hkdfSync } from 'node:crypto';

/**
 * The deployment's root secret (32 random bytes), read from TONGBAN_SECRET_KEY_FILE or generated there on first use
 * with mode 0600. Purpose-specific keys are derived from it with HKDF so one leaked derived key exposes nothing else.
 */
export class SecretKeys {
  private constructor(private readonly root: Buffer) {}

  static loadOrCreate(file: string): SecretKeys {
    if (fs.existsSync(file)) {
      const text = fs.readFileSync(file, 'utf8').trim();
      const root = Buffer.from(text, 'base64');
      if (root.length < 32) throw new Error(`secret key file ${file} must hold at least 32 bytes (base64)`);
      return new SecretKeys(root);
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const root = randomBytes(32);
    fs.writeFileSync(file, root.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    return new SecretKeys(root);
  }

  static fromBytes(root: Buffer): SecretKeys {
    return new SecretKeys(root);
  }

  derive(purpose: string, length = 32): Buffer {
    return Buffer.from(hkdfSync('sha256', this.root, Buffer.alloc(0), `tongban:${purpose}`, length));
  }
}
