// A round-robin proxy in front of the two-node cluster of the end-to-end suite
// (.ci/e2e): each request goes to the next node in turn, as a load balancer
// without sticky sessions would send it, so one page may be rendered by one node
// and the form it posts handled by the other.
//   node cluster-proxy.mjs PORT http://127.0.0.1:A http://127.0.0.1:B
import http from "node:http";

const [port, ...targets] = process.argv.slice(2);
const nodes = targets.map((t) => new URL(t));
let next = 0;
// Keep-alive to the nodes, as a real balancer keeps its upstream connections.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

http
  .createServer((req, res) => {
    const node = nodes[next];
    next = (next + 1) % nodes.length;
    const upstream = http.request(
      { host: node.hostname, port: node.port, method: req.method, path: req.url, headers: req.headers, agent },
      (answer) => {
        // Which node answered, for a test that wants to know.
        res.writeHead(answer.statusCode, { ...answer.headers, "x-cluster-node": node.port });
        answer.pipe(res);
      },
    );
    upstream.on("error", (e) => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end(`cluster proxy: ${node.host}: ${e.message}`);
    });
    req.pipe(upstream);
  })
  .listen(Number(port), "127.0.0.1", () => console.log(`cluster proxy on ${port}: ${targets.join(", ")}`));
