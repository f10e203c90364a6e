// GET /health: 200 when the database answers, 503 when it does not (for the load balancer's probe).
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/db.js';

export function healthRoutes(app: FastifyInstance, db: Db): void {
  app.get('/health', async (request, reply) => {
    try {
      await db.query('SELECT 1');
      return { status: 'ok', database: db.kind };
    } catch (error) {
      request.log.error({ err: error }, 'health check: database unreachable');
      return reply.code(503).send({ status: 'unavailable', error: 'The database cannot be reached.' });
    }
  });
}
