/**
 * Why: the first paint of the form needs neither the waiting room, nor the upload transport, nor
 * the handling of the clinic's own fields, nor the pipeline that sends the form; each is its own
 * chunk, and every `import()` of this element is here, so the chunk boundaries can be read in
 * one place.
 */
import { LazyChunk } from '../controllers/lazy-chunk.js';

/**
 * The loaders, one per chunk. An object (not bare functions) so a test can make one fail the
 * way a dropped connection or a stale deploy does, and check the element says so.
 */
export const chunkLoaders = {
  waitingRoom: () => import('./waiting-room.js'),
  upload: () => import('./upload.js'),
  customFields: () => import('./custom-fields.js'),
  submit: () => import('./submit-pipeline.js'),
};

/** Chunks are shared by every form on the page: one download each. */
export const chunks = {
  waitingRoom: new LazyChunk(() => chunkLoaders.waitingRoom()),
  upload: new LazyChunk(() => chunkLoaders.upload()),
  customFields: new LazyChunk(() => chunkLoaders.customFields()),
  submit: new LazyChunk(() => chunkLoaders.submit()),
};
