import { expect } from '@open-wc/testing';
import { toJson } from '../src/internal/json.js';

const samples: unknown[] = [
  null,
  0,
  -1.5,
  'text with "quotes" and \u2028',
  true,
  [],
  {},
  [1, 'two', null, undefined, () => 3, { three: [3] }],
  { a: 1, b: undefined, c: () => 1, d: [{ e: 'f' }], g: new Date(0), h: null, '\u00f1': 'key' },
];

describe('toJson', () => {
  it('writes what JSON.stringify writes for plain data', () => {
    for (const v of samples) expect(toJson(v), String(JSON.stringify(v))).to.equal(JSON.stringify(v));
    expect(toJson(undefined)).to.equal('null');
  });

  it('is not changed by a page\u2019s toJSON on Array.prototype or Object.prototype', () => {
    const arrays = Array.prototype as { toJSON?: () => string };
    const objects = Object.prototype as { toJSON?: () => string };
    const expected = samples.map((v) => JSON.stringify(v));
    arrays.toJSON = () => 'an array, as a string';
    objects.toJSON = () => 'an object, as a string';
    try {
      expect(JSON.stringify([1]), 'the page really did break JSON.stringify').to.equal('"an array, as a string"');
      expect(samples.map((v) => toJson(v))).to.deep.equal(expected);
    } finally {
      delete arrays.toJSON;
      delete objects.toJSON;
    }
  });
});
