/**
 * The ACD owner's internal port: it takes only connections that a front door forwarded (they
 * start with a signed preface), gives each the client's real address, and hands it to the HTTP
 * server as if the client had connected directly. Anything else is closed without a word.
 */
import type { Server as HttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { readPreface } from './forward-preface.js';

const PREFACE_MS = 5000;

export function internalListener(http: HttpServer, secret: string, refused?: (reason: string) => void): Server {
  return createServer({ noDelay: true }, (socket) => {
    let buffered = Buffer.alloc(0);
    socket.setTimeout(PREFACE_MS, () => socket.destroy());
    socket.on('error', () => socket.destroy());
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const read = readPreface(secret, buffered);
      if (!read.ok && read.reason === 'incomplete') return;
      socket.off('data', onData);
      socket.setTimeout(0);
      if (!read.ok) {
        refused?.(read.reason);
        socket.destroy();
        return;
      }
      socket.pause();
      adopt(socket, read.clientAddress);
      if (read.rest.length > 0) socket.unshift(read.rest);
      http.emit('connection', socket);
      socket.resume();
    };
    socket.on('data', onData);
  });
}

/** The HTTP stack (and so the client-address and rate-limit code) reads the socket's address. */
function adopt(socket: Socket, clientAddress: string): void {
  Object.defineProperty(socket, 'remoteAddress', { value: clientAddress, configurable: true });
  Object.defineProperty(socket, 'remoteFamily', { value: clientAddress.includes(':') ? 'IPv6' : 'IPv4', configurable: true });
}
