// Headings that fit the page: an element's headings start at its heading level (its own
// `heading-level`, else the one its <ap-plan> or board provides, else 2), so a page that puts the
// widgets under an <h1>, or in an <h2> section, reads as one outline.
import { html, type LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { ifDefined } from 'lit/directives/if-defined.js';
import { headingLevelContext } from './index.js';

type HeadingAttributes = { id?: string; class?: string; part?: string };

// One template per level (lit's static html would do it in one, but its code is in every page's download).
const LEVELS = [
  (a: HeadingAttributes, content: unknown) => html`<h2 id=${ifDefined(a.id)} class=${ifDefined(a.class)} part=${ifDefined(a.part)}>${content}</h2>`,
  (a: HeadingAttributes, content: unknown) => html`<h3 id=${ifDefined(a.id)} class=${ifDefined(a.class)} part=${ifDefined(a.part)}>${content}</h3>`,
  (a: HeadingAttributes, content: unknown) => html`<h4 id=${ifDefined(a.id)} class=${ifDefined(a.class)} part=${ifDefined(a.part)}>${content}</h4>`,
  (a: HeadingAttributes, content: unknown) => html`<h5 id=${ifDefined(a.id)} class=${ifDefined(a.class)} part=${ifDefined(a.part)}>${content}</h5>`,
  (a: HeadingAttributes, content: unknown) => html`<h6 id=${ifDefined(a.id)} class=${ifDefined(a.class)} part=${ifDefined(a.part)}>${content}</h6>`,
];

/** A real `<h2>`–`<h6>` (levels past 6 stay at 6: a screen reader has none deeper; an element's headings start at 2). */
export function heading(level: number, content: unknown, attributes: HeadingAttributes = {}) {
  return LEVELS[Math.min(Math.max(level, 2), 6) - 2]!(attributes, content);
}

const valid = (level: unknown): level is number => Number.isInteger(level) && (level as number) >= 2 && (level as number) <= 6;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor<T> = new (...args: any[]) => T;

/** What the mixin adds, as its users see it (Lit's pattern: its own fields stay out of the type). */
export declare class HeadingLevelElement {
  headingLevel?: number;
  protected get level(): number;
}

/** Gives an element `heading-level` and the level it takes from the page. */
export const HeadingLevel = <T extends Constructor<LitElement>>(base: T) => {
  class WithHeadingLevel extends base {
    /**
     * Level of the element's top headings, 2 to 6 (on `<ap-plan>`: of every widget inside it);
     * sub-headings are one below, never past 6. Unset, or anything else ("9", "x"), takes the
     * level of the `<ap-plan>` (or board) the element is in, else 2.
     */
    @property({ attribute: 'heading-level', type: Number }) headingLevel?: number;

    @state()
    private inheritedHeadingLevel?: number;

    // A controller, not @consume: its decorator code would be in every page's download for one field.
    constructor(...args: any[]) {
      super(...args);
      new ContextConsumer(this, { context: headingLevelContext, subscribe: true, callback: (level) => (this.inheritedHeadingLevel = level) });
    }

    /** The level this element's top heading is at. */
    protected get level(): number {
      return valid(this.headingLevel) ? this.headingLevel : valid(this.inheritedHeadingLevel) ? this.inheritedHeadingLevel : 2;
    }
  }
  return WithHeadingLevel as unknown as Constructor<HeadingLevelElement> & T;
};
