import { expect } from '@open-wc/testing';
import { parseCsv, toCsv } from '../../src/io/csv.js';
import { applyPackRow, partnersOf, PACK_COLUMNS, readUpdatePack, toUpdatePackCsv, UpdatePackError } from '../../src/io/update-pack.js';
import { caught } from '../helpers.js';
import { fillPack, sampleRecords } from '../components/plan-admin/sample.js';

describe('update packs', () => {
  it('lists one lead agency\'s actions with blank columns to fill in', async () => {
    const actions = await sampleRecords('actions');
    expect(partnersOf(actions)).to.include.members(['Essex Police', 'R. Jones']);
    const [header, ...rows] = parseCsv(toUpdatePackCsv(actions, 'Essex Police'));
    expect(header).to.deep.equal(['Action ID', 'Action', 'Lead agency', 'Owner', 'Status', 'Progress (%)', 'Target date', 'Last changed', 'Partner', 'New status', 'New progress (%)', 'Update']);
    expect(header).to.have.length(PACK_COLUMNS.length);
    const ids = rows.map((row) => row[0]);
    // Cancelled actions (Speedwatch) are not asked about.
    expect(ids).to.have.members(actions.filter((a) => a.leadAgency === 'Essex Police' && a.status !== 'cancelled').map((a) => a.id));
    const j9 = rows[ids.indexOf('cpr-a-j9')];
    expect(j9.slice(4, 7)).to.deep.equal(['In progress', String(actions.find((a) => a.id === 'cpr-a-j9')!.progress), actions.find((a) => a.id === 'cpr-a-j9')!.targetDate]);
    expect(j9.slice(8)).to.deep.equal(['Essex Police', '', '', '']);
  });

  it('reads back only the filled rows, checks them and flags actions changed since export', async () => {
    const actions = await sampleRecords('actions');
    const csv = fillPack(toUpdatePackCsv(actions, 'Essex Police'), {
      'cpr-a-j9': { 'New status': 'complete', 'New progress (%)': '100', Update: '=All J9 training delivered, "on time"' },
      'cpr-a-asb-powers': { 'New progress (%)': '150' },
      'cpr-a-scams': { 'New status': 'Finished' },
    });
    const changed = actions.map((a) => (a.id === 'cpr-a-j9' ? { ...a, updatedAt: '2024-01-20T10:00:00.000Z' } : a));
    const rows = readUpdatePack(csv.replace('cpr-a-asb-powers', 'cpr-a-gone'), changed);
    expect(rows.map((r) => [r.actionId, r.problem, r.conflict])).to.deep.equal([
      ['cpr-a-j9', undefined, true],
      ['cpr-a-gone', 'unknown-action', false],
      ['cpr-a-scams', 'invalid-status', false],
    ]);
    expect(rows[0]).to.include({ status: 'complete', progress: 100, partner: 'Essex Police', text: '=All J9 training delivered, "on time"' });
    const updated = applyPackRow(changed[actions.findIndex((a) => a.id === 'cpr-a-j9')], rows[0], new Date('2024-01-21T09:00:00Z'));
    expect(updated).to.include({ status: 'complete', progress: 100 });
    expect(updated.updates.at(-1)).to.include({ by: 'Essex Police', text: rows[0].text, at: '2024-01-21T09:00:00.000Z', status: 'complete', progress: 100 });
    expect(readUpdatePack(csv, actions).find((r) => r.actionId === 'cpr-a-asb-powers')?.problem).to.equal('invalid-progress');
  });

  it('writes a pack in Welsh and reads it back with its columns moved', async () => {
    const actions = await sampleRecords('actions');
    const [header, ...rows] = parseCsv(toUpdatePackCsv(actions, 'Essex Police', 'cy'));
    expect(header).to.deep.equal(['ID y cam gweithredu', 'Cam gweithredu', 'Asiantaeth arweiniol', 'Perchennog', 'Statws', 'Cynnydd (%)', 'Dyddiad targed', 'Newidiwyd ddiwethaf', 'Partner', 'Statws newydd', 'Cynnydd newydd (%)', 'Diweddariad']);
    const j9 = rows.find((row) => row[0] === 'cpr-a-j9')!;
    expect(j9[4]).to.equal('Ar waith');
    // The partner answers in Welsh words and moves the update column to the front.
    j9.splice(9, 3, "Wedi'i gwblhau", '100', 'Hyfforddiant wedi’i gyflwyno');
    const moved = [header, ...rows].map((row) => [row.at(-1)!, ...row.slice(0, -1)]);
    const [read] = readUpdatePack(toCsv(moved), actions);
    expect(read).to.include({ actionId: 'cpr-a-j9', status: 'complete', progress: 100, text: 'Hyfforddiant wedi’i gyflwyno', conflict: false });
    expect(read!.problem).to.equal(undefined);
  });

  it('rejects a file that is not a pack with a named error', async () => {
    const error = await caught(Promise.resolve().then(() => readUpdatePack('id,title\r\na-1,Thing\r\n', [])));
    expect(error).to.be.instanceOf(UpdatePackError);
    expect((error as Error).message).to.contain('"Action ID"');
  });
});
