import { parseCookie, stringifySetCookie } from 'cookie';
import type { FastifyReply } from 'fastify';

/**
 * The session cookie, read and written with the `cookie` package directly. (@fastify/cookie adds an onSend hook that
 * every reply runs through; the API only ever reads one cookie and sets it on login and logout.)
 */
export const SESSION_COOKIE = 'tb_session';

export function readSessionCookie(header: string | undefined): string | undefined {
  return header ? parseCookie(header)[SESSION_COOKIE] : undefined;
}

export function setSessionCookie(reply: FastifyReply, token: string, opts: { secure: boolean; maxAgeSeconds: number }): void {
  appendSetCookie(reply, stringifySetCookie({ name: SESSION_COOKIE, value: token, path: '/', httpOnly: true, sameSite: 'lax', secure: opts.secure, maxAge: opts.maxAgeSeconds }));
}

export function clearSessionCookie(reply: FastifyReply): void {
  appendSetCookie(reply, stringifySetCookie({ name: SESSION_COOKIE, value: '', path: '/', httpOnly: true, sameSite: 'lax', expires: new Date(0) }));
}

function appendSetCookie(reply: FastifyReply, value: string): void {
  const prev = reply.getHeader('set-cookie');
  reply.header('set-cookie', prev === undefined ? value : [...[prev].flat().map(String), value]);
}
