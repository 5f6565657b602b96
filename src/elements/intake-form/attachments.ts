/**
 * The attachments: the files the patient chooses, checked (type, size, empty), uploaded, retried
 * or removed; the intake carries the ids of the uploaded ones. The upload transport is its own
 * chunk, loaded on the first file chosen (see chunks.ts).
 *
 * A file in flight shows a bar without a value (indeterminate): the client uploads through fetch,
 * which refuses a redirect that would carry the token away but reports no bytes sent, so there is
 * no honest percentage to show. An uploaded file shows the bar full.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { VseeClient } from '../../client/vsee-client.js';
import type { VseeRecord } from '../../client/types.js';
import type { IntakeFormKey } from '../../i18n/intake-form.js';
import type { LocalizeController } from '../controllers/localize.js';
import type { FocusController } from '../controllers/focus.js';
import { describeError } from '../controllers/error-panel.js';
import { chunks } from './chunks.js';
import type { UploadJob } from './upload.js';
import type { DraftAttachment } from './draft-store.js';
import { DEFAULT_ACCEPT, DEFAULT_MAX_FILE_SIZE, fileAccepted, formatBytes } from './validators.js';

export interface Attachment {
  key: number;
  name: string;
  size?: number;
  file?: File;
  status: 'uploading' | 'done' | 'error';
  id?: string;
  error?: string;
  job?: UploadJob;
  /** Settles when the current attempt ended, however it ended. */
  settled?: Promise<void>;
}

export interface AttachmentsHost extends ReactiveControllerHost {
  readonly accept?: string;
  readonly maxFileSize?: number;
  readonly resolvedLocale: string;
  /** The list changed in a way the draft or the submit error cares about. */
  attachmentsChanged(): void;
}

/** What a controller may use of the element's protected API (its client and error reporting). */
export interface HostAccess {
  api(): VseeClient | undefined;
  reportError(error: unknown, operation: string): unknown;
}

let nextKey = 1;

/** The patient is about to choose a file: fetch the transport now, so the upload starts at once. */
const prefetch = () => chunks.upload.prefetch();

export class AttachmentsController implements ReactiveController {
  readonly #host: AttachmentsHost;
  readonly #l10n: LocalizeController<IntakeFormKey>;
  readonly #focus: FocusController;
  readonly #deps: HostAccess;
  #list: Attachment[] = [];
  #fileErrors: string[] = [];

  constructor(host: AttachmentsHost, deps: HostAccess, l10n: LocalizeController<IntakeFormKey>, focus: FocusController) {
    this.#host = host;
    this.#deps = deps;
    this.#l10n = l10n;
    this.#focus = focus;
    host.addController(this);
  }

  hostDisconnected(): void {
    // An upload nobody will wait for: stop it rather than leave a file half-sent.
    for (const a of this.#list) if (a.status === 'uploading') a.job?.abort();
  }

  get list(): readonly Attachment[] {
    return this.#list;
  }

  /** Ids of the uploaded files, as the intake sends them. */
  ids(): string[] {
    return this.#list.filter((a) => a.status === 'done' && a.id).map((a) => a.id!);
  }

  /** The uploaded files as a draft keeps them (ids and names, never the files). */
  forDraft(): DraftAttachment[] {
    return this.#list
      .filter((a) => a.status === 'done' && a.id)
      .map((a) => ({ id: a.id!, name: a.name, ...(a.size !== undefined ? { size: a.size } : {}) }));
  }

  /** Whether every file is uploaded. */
  get complete(): boolean {
    return this.#list.every((a) => a.status === 'done');
  }

  /** Settles when the uploads still running have ended; undefined when none is running. */
  settle(): Promise<unknown> | undefined {
    const running = this.#list.filter((a) => a.status === 'uploading' && a.settled);
    return running.length ? Promise.allSettled(running.map((a) => a.settled)) : undefined;
  }

  /** Files already on the server (an intake's, or a draft's): the list becomes them, or gains the new ones. */
  setUploaded(files: unknown[], append = false): void {
    const str = (x: unknown) => (typeof x === 'string' || typeof x === 'number' ? String(x) : '');
    const known = new Set(append ? this.#list.map((a) => a.id) : []);
    const added = files
      .map((f): Attachment | undefined => {
        const rec: VseeRecord = typeof f === 'object' && f !== null ? (f as VseeRecord) : { id: f };
        const id = str(rec.id ?? rec._id);
        if (!id || known.has(id)) return undefined;
        const size = typeof rec.size === 'number' ? rec.size : undefined;
        return {
          key: nextKey++,
          id,
          name: str(rec.name) || id,
          ...(size !== undefined ? { size } : {}),
          status: 'done',
        };
      })
      .filter((a): a is Attachment => Boolean(a));
    this.#list = append ? [...this.#list, ...added] : added;
    this.#host.requestUpdate();
  }

  clear(): void {
    for (const a of this.#list) a.job?.abort();
    this.#list = [];
    this.#fileErrors = [];
    this.#host.requestUpdate();
  }

  get #accept(): string {
    return this.#host.accept?.trim() || DEFAULT_ACCEPT;
  }

  get #maxSize(): number {
    const max = this.#host.maxFileSize;
    return max && Number.isInteger(max) && max > 0 ? max : DEFAULT_MAX_FILE_SIZE;
  }

  #typesText(): string {
    const accept = this.#host.accept?.trim();
    return accept
      ? accept
          .split(',')
          .map((t) => t.trim())
          .join(', ')
      : this.#l10n.msg('attachmentsDefaultTypes');
  }

  /** Checks and uploads files as if the patient chose them. */
  add(files: File[]): void {
    const errors: string[] = [];
    const locale = this.#host.resolvedLocale;
    for (const file of files) {
      if (!fileAccepted(file, this.#accept)) {
        errors.push(this.#l10n.msg('errFileType', { name: file.name, types: this.#typesText() }));
      } else if (file.size > this.#maxSize) {
        errors.push(
          this.#l10n.msg('errFileSize', { name: file.name, size: formatBytes(file.size, locale), max: formatBytes(this.#maxSize, locale) }),
        );
      } else if (file.size === 0) {
        errors.push(this.#l10n.msg('errFileEmpty', { name: file.name }));
      } else {
        const att: Attachment = {
          key: nextKey++,
          name: file.name,
          size: file.size,
          file,
          status: 'uploading',
        };
        this.#list = [...this.#list, att];
        this.#upload(att);
      }
    }
    this.#fileErrors = errors;
    this.#host.attachmentsChanged();
    this.#host.requestUpdate();
  }

  #upload(att: Attachment): void {
    const api = this.#deps.api();
    if (!api || !att.file) return;
    const file = att.file;
    att.status = 'uploading';
    att.error = undefined;
    att.settled = chunks.upload
      .load()
      .then(
        ({ startUpload }) => {
          if (!this.#list.includes(att)) return; // removed while the transport loaded
          const job = startUpload(api, file);
          att.job = job;
          return job.done.then(
            (id) => {
              att.id = id;
              att.status = 'done';
              this.#host.attachmentsChanged();
            },
            (e: unknown) => {
              if (job.aborted) return;
              att.status = 'error';
              att.error = describeError(this.#l10n, e);
              this.#deps.reportError(e, 'uploadFile');
            },
          );
        },
        () => {
          // The transport itself did not arrive: the row says so and its *Try again* loads it again.
          att.status = 'error';
          att.error = this.#l10n.msg('errChunk');
        },
      )
      .finally(() => this.#host.requestUpdate());
    this.#host.requestUpdate();
  }

  #remove(att: Attachment): void {
    att.job?.abort();
    this.#list = this.#list.filter((a) => a !== att);
    this.#host.attachmentsChanged();
    this.#focus.request('#files');
  }

  #retry(att: Attachment): void {
    this.#upload(att);
    this.#list = [...this.#list];
    this.#host.attachmentsChanged();
  }

  #onFiles = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = ''; // the same file may be chosen again later
    this.add(files);
  };

  render(): TemplateResult {
    const l10n = this.#l10n;
    const hint = l10n.msg('attachmentsHint', { types: this.#typesText(), size: formatBytes(this.#maxSize, this.#host.resolvedLocale) });
    const described = this.#fileErrors.length ? 'files-hint files-error' : 'files-hint';
    return html`<div class="field" part="field">
      <label for="files" part="label">${l10n.msg('attachmentsLabel')} <span class="opt">${l10n.msg('optional')}</span></label>
      <p id="files-hint" class="hint" part="hint">${hint}</p>
      <input
        id="files"
        type="file"
        part="input"
        multiple
        accept=${this.#accept}
        aria-describedby=${described}
        @change=${this.#onFiles}
        @focus=${prefetch}
        @pointerenter=${prefetch}
      />
      <div id="files-error" role="alert">${this.#fileErrors.map((e) => html`<p class="error" part="error">${e}</p>`)}</div>
      ${
        this.#list.length
          ? html`<ul class="files" part="attachments" aria-label=${l10n.msg('attachmentsList')}>
              ${this.#list.map((a) => this.#renderOne(a))}
            </ul>`
          : nothing
      }
    </div>`;
  }

  #renderStatus(a: Attachment): TemplateResult {
    const l10n = this.#l10n;
    if (a.status === 'uploading') {
      // No value: indeterminate (see the top of this file).
      return html`<progress id=${`progress-${a.key}`} aria-label=${l10n.msg('uploadProgress', { name: a.name })}></progress>
        <span class="status">${l10n.msg('uploadSending')}</span>`;
    }
    if (a.status === 'done') {
      return html`<progress id=${`progress-${a.key}`} max="1" value="1" aria-label=${l10n.msg('uploadComplete', { name: a.name })}></progress>
        <span class="status">${l10n.msg('uploadDone')}</span>`;
    }
    return html`<span class="status failed" role="alert">${l10n.msg('uploadFailed', { error: a.error ?? l10n.msg('errUnknown') })}</span>`;
  }

  #renderOne(a: Attachment): TemplateResult {
    const l10n = this.#l10n;
    const size = a.size !== undefined ? html` <span class="note">(${formatBytes(a.size, this.#host.resolvedLocale)})</span>` : nothing;
    return html`<li class="file" part="attachment">
      <span class="name">${a.name}${size}</span>
      ${this.#renderStatus(a)}
      <span class="actions">
        ${
          a.status === 'error' && a.file
            ? html`<button type="button" @click=${() => this.#retry(a)} aria-label=${l10n.msg('retryFile', { name: a.name })}>
                ${l10n.msg('retry')}
              </button>`
            : nothing
        }
        <button type="button" class="danger" @click=${() => this.#remove(a)} aria-label=${l10n.msg('removeFile', { name: a.name })}>
          ${l10n.msg('remove')}
        </button>
      </span>
    </li>`;
  }
}
