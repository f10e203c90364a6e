// test/printable-failures.ts, which every test page loads first: a failure about a value that cannot be
// cloned (an element, the store) is reported as text, so the runner can send it instead of hanging.
import { expect } from '@open-wc/testing';
import { ActionPlanStore } from '../src/store/index.js';
import { freshName } from './helpers.js';

function failure(assertion: () => void): Error & { expected?: unknown; actual?: unknown } {
  try {
    assertion();
  } catch (error) {
    return error as Error;
  }
  throw new Error('the assertion passed');
}

describe('failures the runner can report', () => {
  it('an element compared in a failed assertion goes as its description', () => {
    const error = failure(() => expect(document.body).to.equal(null));
    expect(() => structuredClone(error.actual)).not.to.throw();
    expect(error.actual).to.be.a('string').and.contain('body');
    expect(error.expected).to.equal(null);
  });

  it('the store compared in a failed assertion goes as its description, its name in it', async () => {
    const name = freshName();
    const store = await ActionPlanStore.open(name);
    try {
      const error = failure(() => expect(undefined).to.equal(store));
      expect(() => structuredClone(error.expected)).not.to.throw();
      expect(error.expected).to.be.a('string').and.contain(name);
    } finally {
      store.close();
    }
  });

  it('values that can be cloned stay as they are, for the diff', () => {
    const error = failure(() => expect({ a: 1 }).to.deep.equal({ a: 2 }));
    expect(error.actual).to.deep.equal({ a: 1 });
    expect(error.expected).to.deep.equal({ a: 2 });
  });
});
