// A statement's parameters, so conditions from several places (policy, filters) compose into one query.

/** Collects the values of a statement's parameters and names their placeholders ($1, $2, ...). */
export class Params {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
