import { expect } from '@open-wc/testing';
import { isOurAgency, isPerson, parsePerson, personKey, parseRecord, rightsFor, type Person } from '../../src/model/index.js';
import { actionInput, PLAN, priorityInput } from '../helpers.js';

const person = (plans: Person['plans'], id = 'tid:police-1'): Person => ({ id, name: 'Pat Police', email: 'Pat.Police@Lancashire.police.uk', writesHistory: true, plans });
const policeAction = parseRecord('actions', actionInput({ id: 'a-police', leadAgency: 'Lancashire Police' }));
const probationAction = parseRecord('actions', actionInput({ id: 'a-probation', leadAgency: 'Probation Service' }));
const ownedAction = parseRecord('actions', actionInput({ id: 'a-owned', leadAgency: 'Probation Service', ownerUser: 'pat.police@lancashire.police.uk' }));
const ledPriority = parseRecord('priorities', priorityInput({ id: 'p-1', leadUser: 'tid:police-1' }));
const otherPriority = parseRecord('priorities', priorityInput({ id: 'p-2', leadUser: 'someone-else' }));
const recommendation = (fields: Record<string, string>) => parseRecord('recommendations', { id: 'r-1', planId: PLAN, auditId: 'au-1', recommendation: 'Check', ...fields });

describe('rights', () => {
  it('without sign-in everyone may do everything', () => {
    const rights = rightsFor(undefined, PLAN);
    expect([rights.role, rights.officer, rights.editAction(probationAction), rights.createAction(), rights.lockedActionFields(policeAction)]).to.deep.equal(['everyone', true, true, true, []]);
  });

  it('an officer may do everything in their plan, and nothing in another', () => {
    const officer = person({ [PLAN]: { role: 'officer', agencies: [] } });
    const rights = rightsFor(officer, PLAN);
    expect([rights.officer, rights.editAction(probationAction), rights.createAction(otherPriority), rights.removeAction(policeAction), rights.editRecommendation(recommendation({}))]).to.deep.equal([true, true, true, true, true]);
    const elsewhere = rightsFor(officer, 'plan-2');
    expect([elsewhere.role, elsewhere.officer, elsewhere.editAction(policeAction), elsewhere.createAction(ledPriority)]).to.deep.equal(['public', false, false, false]);
  });

  it("a partner edits their agency's actions and the ones they own, without moving them; creates and deletes nothing", () => {
    const rights = rightsFor(person({ [PLAN]: { role: 'partner', agencies: ['Lancashire Police'] } }), PLAN);
    expect([rights.editAction(policeAction), rights.editAction(probationAction), rights.editAction(ownedAction)]).to.deep.equal([true, false, true]);
    expect(rights.lockedActionFields(policeAction)).to.deep.equal(['leadAgency', 'ownerUser', 'priorityId', 'planId', 'public', 'visibility']);
    expect([rights.createAction(ledPriority), rights.removeAction(policeAction, ledPriority), rights.officer]).to.deep.equal([false, false, false]);
  });

  it('a partner edits recommendations their agency or they own', () => {
    const rights = rightsFor(person({ [PLAN]: { role: 'partner', agencies: ['Lancashire Police'] } }), PLAN);
    expect([
      rights.editRecommendation(recommendation({ ownerAgency: 'Lancashire Police' })),
      rights.editRecommendation(recommendation({ ownerUser: 'tid:police-1' })),
      rights.editRecommendation(recommendation({ ownerAgency: 'Probation Service', owner: 'Lancashire Police' })),
      // Agencies match as written, as the endpoint's rules match them.
      rights.editRecommendation(recommendation({ ownerAgency: 'lancashire police' })),
    ]).to.deep.equal([true, true, false, false]);
  });

  it('a lead edits, creates and removes the actions of the priorities they lead, whatever the agency', () => {
    const rights = rightsFor(person({ [PLAN]: { role: 'lead', agencies: [] } }), PLAN);
    expect([rights.editAction(probationAction, ledPriority), rights.editAction(probationAction, otherPriority), rights.editAction(probationAction)]).to.deep.equal([true, false, false]);
    expect([rights.createAction(ledPriority), rights.createAction(otherPriority), rights.removeAction(probationAction, ledPriority)]).to.deep.equal([true, false, true]);
    // Who may see an action (public, restricted) is the officers' call.
    expect(rights.lockedActionFields(probationAction, ledPriority)).to.deep.equal(['public', 'visibility']);
    expect(rights.editRecommendation(recommendation({ ownerAgency: 'Lancashire Police' }))).to.equal(false);
  });

  it('a viewer, or someone without a membership, changes nothing', () => {
    for (const [who, role] of [[person({ [PLAN]: { role: 'viewer', agencies: ['Lancashire Police'] } }), 'viewer'], [person({}), 'public']] as const) {
      const rights = rightsFor(who, PLAN);
      expect([rights.role, rights.editAction(policeAction, ledPriority), rights.createAction(ledPriority), rights.editRecommendation(recommendation({ ownerAgency: 'Lancashire Police' }))]).to.deep.equal([role, false, false, false]);
    }
  });

  it('compares emails without case, user keys exactly', () => {
    const pat = person({});
    expect([isPerson(pat, 'PAT.police@lancashire.POLICE.uk'), isPerson(pat, 'tid:police-1'), isPerson(pat, 'TID:POLICE-1'), isPerson(pat, ''), isPerson(pat, undefined)]).to.deep.equal([true, true, false, false, false]);
    // A user key that is an email (a proxy's sign-in name) is an email; a member may be named by either.
    expect([isPerson({ id: 'Pat@Police.uk' }, 'pat@police.uk'), isPerson({ id: 'u-1', email: 'pat@police.uk' }, 'u-1'), isPerson({ id: 'u-1' }, 'U-1')]).to.deep.equal([true, true, false]);
    expect([personKey('Pat@Police.UK'), personKey('Tid:Oid'), personKey('https://issuer/#Sub')]).to.deep.equal(['pat@police.uk', 'Tid:Oid', 'https://issuer/#Sub']);
  });

  it('matches agencies as written', () => {
    expect([isOurAgency(['Lancashire Police'], 'Lancashire Police'), isOurAgency(['Lancashire Police'], 'lancashire police'), isOurAgency(['Lancashire Police'], ''), isOurAgency(undefined, 'Lancashire Police')]).to.deep.equal([true, false, false, false]);
  });

  it('reads a /me answer, dropping memberships it cannot use and refusing one without an id', () => {
    expect(parsePerson({ id: 'u-1', plans: { [PLAN]: { role: 'partner', agencies: ['Police', 3] }, other: { role: 'admin' }, bad: null } })).to.deep.equal({
      id: 'u-1',
      name: 'u-1',
      writesHistory: false,
      plans: { [PLAN]: { role: 'partner', agencies: ['Police'] } },
    });
    for (const bad of [null, 'me', {}, { id: '' }, { id: 7 }]) expect(parsePerson(bad)).to.equal(undefined);
  });

  it('round-trips the sign-in fields and reads members', () => {
    expect(parseRecord('priorities', priorityInput({ id: 'p', leadUser: 'x@y.uk' })).leadUser).to.equal('x@y.uk');
    expect(recommendation({ ownerAgency: 'Police', ownerUser: 'u' })).to.include({ ownerAgency: 'Police', ownerUser: 'u' });
    expect(parseRecord('members', { id: 'm', planId: PLAN, user: 'x@y.uk', role: 'partner' })).to.include({ role: 'partner', version: 0 }).and.to.have.deep.property('agencies', []);
    expect(() => parseRecord('members', { id: 'm', planId: PLAN, user: 'x', role: 'admin' })).to.throw(/role/i);
  });
});
