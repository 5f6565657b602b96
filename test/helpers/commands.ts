import { executeServerCommand } from '@web/test-runner-commands';

/**
 * Keyboard, viewport and media commands that work in Chromium, Firefox and WebKit alike (see
 * scripts/engine-commands.mjs): the runner's own versions refuse held modifiers over WebDriver
 * and emulate media only through Chromium's DevTools protocol.
 */

export type KeysPayload = { type: string } | { press: string } | { down: string } | { up: string };

export async function sendKeys(payload: KeysPayload): Promise<void> {
  await executeServerCommand('vsee-send-keys', payload);
}

/** Sizes the page's viewport; false when this engine's window cannot be made that size. */
export async function setViewport(size: { width: number; height: number }): Promise<boolean> {
  return (await executeServerCommand<boolean, typeof size>('vsee-set-viewport', size)) === true;
}

export interface MediaEmulation {
  reducedMotion?: 'reduce' | 'no-preference';
  forcedColors?: 'active' | 'none';
}

/** Emulates media features; false when the engine offers no way to (WebKit over WebDriver). */
export async function emulateMedia(media: MediaEmulation): Promise<boolean> {
  return (await executeServerCommand<boolean, MediaEmulation>('vsee-emulate-media', media)) === true;
}

/** The engine the test runs in, as scripts/test.mjs names it. */
export function engine(): 'chromium' | 'firefox' | 'webkit' {
  const ua = navigator.userAgent;
  if (/Firefox\//.test(ua)) return 'firefox';
  if (/Chrom(e|ium)\//.test(ua)) return 'chromium';
  return 'webkit';
}
