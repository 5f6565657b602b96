/**
 * Keeps credentials out of error messages. A server or proxy that echoes a request back may do so
 * in another spelling: percent-encoded (once or twice, in upper or lower case hex), form-encoded,
 * JSON- or HTML-escaped, or in base64. Each spelling of each secret is replaced.
 */

const lowerHex = (s: string) => s.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());

function base64(s: string): string | undefined {
  try {
    return btoa(String.fromCharCode(...new TextEncoder().encode(s)));
  } catch {
    return undefined;
  }
}

/** The spellings a secret may come back in (the secret itself first). */
export function secretForms(secret: string): string[] {
  const once = encodeURIComponent(secret);
  const twice = encodeURIComponent(once);
  const forms = [
    secret,
    once, lowerHex(once),
    twice, lowerHex(twice),
    new URLSearchParams({ x: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
    secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'),
  ];
  const b64 = base64(secret);
  if (b64) forms.push(b64, b64.replace(/=+$/, ''), b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
  // Very short fragments would blank out ordinary words; a real token is long.
  return [...new Set(forms)].filter((f) => f.length >= 4);
}

/** `message` with every known spelling of every secret replaced by "[redacted]". */
export function redact(message: string, secrets: Iterable<string>): string {
  // Longest first: a form that contains another (the twice-encoded one) goes before it.
  const all = [...secrets].sort((a, b) => b.length - a.length);
  for (const s of all) if (message.includes(s)) message = message.split(s).join('[redacted]');
  return message;
}
