// Who is asking: the one place a request's identity is read. Mode `none`: everyone is signed out.
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.js';

export interface Identity {
  /** Stable key of the person (the sign-in's subject). */
  id: string;
  /** Name written into `updatedBy` and the history. */
  name: string;
  email?: string;
}

/** The signed-in person making `request`, or undefined when signed out. */
export async function identify(_request: FastifyRequest, config: Config): Promise<Identity | undefined> {
  switch (config.auth) {
    case 'none':
      return undefined;
  }
}
