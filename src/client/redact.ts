/**
 * Keeps credentials out of error messages. A server or proxy that echoes a request back may do so
 * in another spelling: percent-encoded (once or twice, upper or lower case hex), form-encoded,
 * JSON-escaped or in base64. Each spelling of each secret is replaced.
 */

/** The spellings a secret may come back in (the secret itself first). */
export function secretForms(secret: string): string[] {
  const once = encodeURIComponent(secret);
  const twice = encodeURIComponent(once);
  const lower = (s: string) => s.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
  let b64 = '';
  try {
    b64 = btoa(secret);
  } catch {
    /* not Latin-1 (a real token is ASCII): the other spellings still apply */
  }
  const forms = [
    secret,
    once,
    lower(once),
    twice,
    lower(twice),
    once.replace(/%20/g, '+'),
    JSON.stringify(secret).slice(1, -1),
    b64,
    b64.replace(/=+$/, ''),
  ];
  // A very short fragment would blank out ordinary words; a real token is long.
  return [...new Set(forms)].filter((f) => f.length > 3);
}

/** `message` with every known spelling of every secret replaced by "[redacted]". */
export function redact(message: string, secrets: Iterable<string>): string {
  // Longest first: a spelling that contains another (the twice-encoded one) goes before it.
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) message = message.split(s).join('[redacted]');
  return message;
}
