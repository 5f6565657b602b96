/**
 * The upload transport: sends one chosen file to `POST /files`, and can be stopped. Its own chunk
 * (see chunks.ts), loaded when the patient chooses the first file.
 */
import type { VseeClient } from '../../client/vsee-client.js';

export interface UploadJob {
  /** Resolves with the file's id on the server. */
  readonly done: Promise<string>;
  abort(): void;
  readonly aborted: boolean;
}

export function startUpload(api: VseeClient, file: File): UploadJob {
  const controller = new AbortController();
  const done = api.uploadFile(file, { signal: controller.signal, category: 'intake_attachment' }).then((uploaded) => uploaded.id);
  return {
    done,
    abort: () => controller.abort(),
    get aborted() {
      return controller.signal.aborted;
    },
  };
}
