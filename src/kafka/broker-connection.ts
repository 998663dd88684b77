/**
 * One plain Kafka connection for `produce`'s fast path: size-prefixed requests with a
 * correlation id, several in flight, answered in order. TLS as kafkajs connects
 * (the same ssl options from kafkaConfig); anything unusual is an error the caller
 * answers by going back to kafkajs.
 */
import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';

export interface BrokerConnection {
  /** Sends one request and resolves with its response body (after the correlation id). */
  request(apiKey: number, apiVersion: number, body: Buffer): Promise<Buffer>;
  close(): void;
}

interface Waiting {
  resolve(body: Buffer): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * Opens a connection to one broker.
 *
 * @example
 *   const connection = await openBrokerConnection({ host: '127.0.0.1', port: 19093, ssl, clientId: 'client1-producer', timeoutMs: 10000 });
 *   const body = await connection.request(0, 7, encodeProduceBody(…));
 */
export async function openBrokerConnection(options: { host: string; port: number; ssl: ConnectionOptions | undefined; clientId: string; connectTimeoutMs: number; requestTimeoutMs: number }): Promise<BrokerConnection> {
  const { host, port, ssl } = options;
  const socket: Socket = ssl ? tlsConnect({ host, port, ...(isIP(host) ? {} : { servername: host }), ...ssl }) : netConnect({ host, port });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => (socket.destroy(), reject(new Error(`Connection to ${host}:${port} timed out`))), options.connectTimeoutMs);
    socket.once(ssl ? 'secureConnect' : 'connect', () => (clearTimeout(timer), resolve()));
    socket.once('error', (error) => (clearTimeout(timer), reject(error)));
  });
  socket.setNoDelay(true);

  const waiting = new Map<number, Waiting>();
  let nextId = 1;
  let broken: Error | undefined;
  const fail = (error: Error) => {
    broken ??= error;
    for (const w of waiting.values()) (clearTimeout(w.timer), w.reject(broken));
    waiting.clear();
    socket.destroy();
  };
  socket.on('error', fail);
  socket.on('close', () => fail(new Error(`Connection to ${host}:${port} closed`)));

  let pending: Buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    while (pending.length >= 4 && pending.length >= 4 + pending.readInt32BE(0)) {
      const size = pending.readInt32BE(0);
      const id = pending.readInt32BE(4);
      const body = pending.subarray(8, 4 + size);
      pending = pending.subarray(4 + size);
      const w = waiting.get(id);
      if (!w) return fail(new Error(`Unexpected response ${id} from ${host}:${port}`));
      waiting.delete(id);
      clearTimeout(w.timer);
      w.resolve(body);
    }
  });

  const client = Buffer.from(options.clientId, 'utf8');
  return {
    request(apiKey, apiVersion, body) {
      if (broken) return Promise.reject(broken);
      const id = nextId++;
      const header = Buffer.allocUnsafe(4 + 2 + 2 + 4 + 2 + client.length);
      header.writeInt32BE(header.length - 4 + body.length, 0);
      header.writeInt16BE(apiKey, 4);
      header.writeInt16BE(apiVersion, 6);
      header.writeInt32BE(id, 8);
      header.writeInt16BE(client.length, 12);
      client.copy(header, 14);
      return new Promise<Buffer>((resolve, reject) => {
        const timer = setTimeout(() => fail(new Error(`Request to ${host}:${port} timed out`)), options.requestTimeoutMs);
        waiting.set(id, { resolve, reject, timer });
        socket.cork();
        socket.write(header);
        socket.write(body);
        socket.uncork();
      });
    },
    close() {
      socket.end();
      socket.destroy();
    },
  };
}
