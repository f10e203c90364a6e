// GET /api/me: who the endpoint thinks is asking and their role in each plan, for the widgets to show
// the controls a person may use. GET /api/demo-people: the "Viewing as" list (AP_AUTH=dev only).
import type { FastifyInstance } from 'fastify';
import type { Role } from '../../src/model/schemas.js';
import { DEMO_PEOPLE } from '../auth/dev.js';
import type { SignIn } from '../auth/index.js';
import type { Db } from '../db/db.js';
import { HttpError } from '../errors.js';
import { Params } from '../db/params.js';
import { membershipsSql, strongest } from '../policy/index.js';

export interface Me {
  id: string;
  name: string;
  email: string | null;
  /** The endpoint writes the history itself: the client stops queuing history entries. */
  writesHistory: true;
  plans: Record<string, { role: Role; agencies: string[] }>;
}

export function meRoutes(app: FastifyInstance, db: Db, signIn: SignIn): void {
  app.get('/api/me', async (request): Promise<Me> => {
    const { identity, admin } = request.person;
    if (signIn.mode === 'none') throw new HttpError(404, 'This endpoint has no sign-in (AP_AUTH=none): everyone may change everything.');
    if (!identity) throw new HttpError(401, 'Nobody is signed in: sign in to see your plans and change them.');
    const params = new Params();
    const { rows } = await db.query<{ plan_id: string; roles: Role[]; agencies: string[] }>(membershipsSql(request.person, params), params.values);
    const plans: Me['plans'] = {};
    for (const row of rows) plans[row.plan_id] = { role: strongest(row.roles)!, agencies: row.agencies };
    if (admin) {
      const all = await db.query<{ id: string }>('SELECT id FROM plans WHERE NOT deleted');
      for (const { id } of all.rows) plans[id] = { role: 'officer', agencies: plans[id]?.agencies ?? [] };
    }
    return { id: identity.id, name: identity.name, email: identity.email ?? null, writesHistory: true, plans };
  });

  app.get('/api/demo-people', async () => {
    if (signIn.mode !== 'dev') throw new HttpError(404, 'There are demo people only in the demo (AP_AUTH=dev).');
    return DEMO_PEOPLE.map(({ id, name, title }) => ({ id, name, title }));
  });
}
