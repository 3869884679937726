// Usage: node scripts/lib/ping-mongo.js <port>
// Exit 0 when a MongoDB-wire server on 127.0.0.1:<port> answers `ping`, 1 when it does not,
// 2 when the driver is not installed yet (services.sh then trusts a TCP connect alone).
// Plain JavaScript so it runs before anything is compiled; the driver comes with mongoose.
let mongo;

try {
  mongo = require('mongoose').mongo;
} catch {
  process.exit(2);
}

const port = Number(process.argv[2]);
const client = new mongo.MongoClient(`mongodb://127.0.0.1:${port}/`, {
  directConnection: true,
  serverSelectionTimeoutMS: 1500,
  connectTimeoutMS: 1500,
});

client
  .db('admin')
  .command({ ping: 1 })
  .then(
    () => 0,
    () => 1,
  )
  .then(async (code) => {
    await client.close().catch(() => undefined);
    process.exit(code);
  });
