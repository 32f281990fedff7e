import type { FastifyRequest } from 'fastify';
import type { Actor } from '../audit/chain.ts';
import { type AuthContext, actorOf } from '../auth/context.ts';
import { unauthenticated } from './policy.ts';

export function ctxOf(req: FastifyRequest): AuthContext {
  if (!req.auth) throw unauthenticated();
  return req.auth;
}

export function actorFor(req: FastifyRequest, role?: string): Actor {
  return actorOf(ctxOf(req), req.ip, role);
}
