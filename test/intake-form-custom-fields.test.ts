import { expect, fixture, html } from '@open-wc/testing';
import {
  controlLabel,
  customControls,
  readCustomValues,
  resetControls,
  writeCustomValue,
} from '../src/elements/intake-form/custom-fields.js';

async function questions() {
  return fixture<HTMLDivElement>(
    html`<div>
      <label for="s">Symptoms</label><input id="s" name="custom_symptoms" value="cough" />
      <label><input type="checkbox" name="custom_allergic" value="Yes" /> Allergic</label>
      <label><input type="checkbox" name="custom_days" value="mon" /> Mon</label>
      <label><input type="checkbox" name="custom_days" value="tue" checked /> Tue</label>
      <fieldset>
        <legend>How long?</legend>
        <label><input type="radio" name="custom_len" value="days" /> Days</label>
        <label><input type="radio" name="custom_len" value="weeks" /> Weeks</label>
      </fieldset>
      <select name="custom_multi" multiple aria-label="Which">
        <option value="a">A</option>
        <option value="b">B</option>
      </select>
      <input type="file" name="custom_file" />
      <input type="submit" name="go" value="go" />
      <input name="custom_off" disabled value="x" />
      <input type="password" name="custom_pin" value="1234" />
      <input type="hidden" name="custom_source" value="ad" />
    </div>`,
  );
}

describe('intake custom fields', () => {
  it('finds the named, enabled controls a form would send, without files or buttons', async () => {
    const host = await questions();
    const names = customControls(host).map((c) => c.name);
    expect(names).to.include.members([
      'custom_symptoms',
      'custom_allergic',
      'custom_days',
      'custom_len',
      'custom_multi',
      'custom_pin',
      'custom_source',
    ]);
    expect(names).to.not.include.members(['custom_file', 'go', 'custom_off']);
  });

  it('reads values like a form: one checkbox as its value or empty, several as a list, radios the checked one', async () => {
    const host = await questions();
    const values = readCustomValues(customControls(host));
    expect(values).to.include({ custom_symptoms: 'cough', custom_allergic: '', custom_len: '' });
    expect(values.custom_days).to.deep.equal(['tue']);
    expect(values.custom_multi).to.deep.equal([]);
  });

  it('fills controls back from the API\u2019s mixed shapes (string, number, boolean, list)', async () => {
    const host = await questions();
    const group = (name: string) => customControls(host).filter((c) => c.name === name);
    writeCustomValue(group('custom_allergic'), true);
    writeCustomValue(group('custom_days'), ['mon']);
    writeCustomValue(group('custom_len'), 'weeks');
    writeCustomValue(group('custom_multi'), ['a', 'b']);
    writeCustomValue(group('custom_symptoms'), 42);
    const values = readCustomValues(customControls(host));
    expect(values).to.include({ custom_allergic: 'Yes', custom_len: 'weeks', custom_symptoms: '42' });
    expect(values.custom_days).to.deep.equal(['mon']);
    expect(values.custom_multi).to.deep.equal(['a', 'b']);
    writeCustomValue(group('custom_symptoms'), null);
    expect(readCustomValues(group('custom_symptoms')).custom_symptoms).to.equal('');
  });

  it('puts every control back to its markup\u2019s value', async () => {
    const host = await questions();
    const controls = customControls(host);
    writeCustomValue(
      controls.filter((c) => c.name === 'custom_days'),
      ['mon'],
    );
    writeCustomValue(
      controls.filter((c) => c.name === 'custom_symptoms'),
      'fever',
    );
    controls[0]!.setAttribute('aria-invalid', 'true');
    resetControls(controls);
    const values = readCustomValues(controls);
    expect(values.custom_symptoms).to.equal('cough');
    expect(values.custom_days).to.deep.equal(['tue']);
    expect(controls[0]!.hasAttribute('aria-invalid')).to.equal(false);
  });

  it('names a control by its label, a radio by its legend, else aria-label, else its name', async () => {
    const host = await questions();
    const byName = (n: string) => customControls(host).find((c) => c.name === n)!;
    expect(controlLabel(byName('custom_symptoms'))).to.equal('Symptoms');
    expect(controlLabel(byName('custom_len'))).to.equal('How long?');
    expect(controlLabel(byName('custom_multi'))).to.equal('Which');
    expect(controlLabel(byName('custom_source'))).to.equal('custom_source');
  });
});
