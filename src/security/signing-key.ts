import { createPrivateKey, type JsonWebKey, type KeyObject } from 'node:crypto';

/**
 * Reads WOES_SIGNING_KEY: an Ed25519 private key as PEM (PKCS#8) or as a JWK in JSON. Throws a
 * sentence naming what is wrong, never the key's text (config turns it into a ConfigError).
 */
export function loadSigningKey(text: string): KeyObject {
  const trimmed = text.trim();
  let key: KeyObject;
  try {
    key = trimmed.startsWith('{')
      ? createPrivateKey({ key: JSON.parse(trimmed) as JsonWebKey, format: 'jwk' })
      : createPrivateKey(trimmed);
  } catch {
    throw new Error(`is not a private key in PEM or JWK form (make one with: ${SIGNING_KEY_COMMAND})`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(
      `must be an Ed25519 private key, not ${key.asymmetricKeyType ?? 'this kind'} (make one with: ${SIGNING_KEY_COMMAND})`,
    );
  }
  return key;
}

export const SIGNING_KEY_COMMAND = 'openssl genpkey -algorithm ed25519 -out signing-key.pem';
