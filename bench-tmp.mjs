import { resolveProfile, openCredentials, sandboxDefaults } from './dist/profile/index.js';
import { createKafka } from './dist/kafka/client.js';
const profile = await resolveProfile({ auth: '.kafka-tutor/sandbox/students/client1', bootstrap: '127.0.0.1:19493' }, { sandbox: await sandboxDefaults() });
const cred = await openCredentials(profile);
const kafka = createKafka(profile, cred, { role: 'x' });
for (let i = 0; i < 2; i++) { const a = kafka.admin(); await a.connect(); await a.disconnect(); }
const c0 = process.cpuUsage(); const N = 10;
for (let i = 0; i < N; i++) { const a = kafka.admin(); await a.connect(); await a.disconnect(); }
const d = process.cpuUsage(c0); console.log('admin connect+disconnect', ((d.user + d.system) / 1000 / N).toFixed(1), 'ms cpu each');
const a = kafka.admin(); await a.connect(); const c1 = process.cpuUsage();
for (let i = 0; i < N; i++) await a.fetchTopicOffsets('client1');
const d1 = process.cpuUsage(c1); console.log('fetchTopicOffsets', ((d1.user + d1.system) / 1000 / N).toFixed(1), 'ms cpu each'); await a.disconnect();
