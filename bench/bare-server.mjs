// The baseline for bench/run.mjs: a bare Fastify server with one GET route returning a small JSON object.
// The body is given by the parent (BENCH_BARE_BODY, a JSON text) so that it is about the size of the
// authenticated response it is compared with. Prints "listening <port>" once it is ready.
import Fastify from 'fastify';

const body = JSON.parse(process.env.BENCH_BARE_BODY || '{"status":"ok"}');
const app = Fastify({ logger: false });
app.get('/bare', async () => body);
const address = await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT || 0) });
console.log(`listening ${new URL(address).port}`);
process.once('SIGTERM', () => app.close().then(() => process.exit(0)));
process.once('SIGINT', () => app.close().then(() => process.exit(0)));
