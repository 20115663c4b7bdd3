import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';

/**
 * The pane's /api/* on its own origin, as API Gateway's URL would be in production: the request is
 * streamed to the local API with /api taken off (/dev/* as it is), the answer streamed back. One
 * origin for the pane and the API, so no CORS (vite.config.ts's paneProxy does the same for --dev).
 */
export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || path.startsWith('/api?') || path.startsWith('/dev/');
}

export function proxyToApi(apiUrl: string, req: IncomingMessage, res: ServerResponse): void {
  const target = new URL(apiUrl);
  const url = req.url ?? '/';
  const rest = url.startsWith('/api') ? url.slice('/api'.length) : url;
  const headers = { ...req.headers, host: target.host };
  const upstream = httpRequest(
    {
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port,
      method: req.method,
      path: rest.startsWith('/') ? rest : `/${rest}`,
      headers,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', (error) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    // The pane shows the API's refusals by their message: say in both languages that the API is not there.
    res.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
    res.end(
      JSON.stringify({
        code: 'LOCAL_API_UNREACHABLE',
        message: {
          vi: `Máy chủ cục bộ (${apiUrl}) không trả lời: chạy lại npm start.`,
          en: `The local API (${apiUrl}) does not answer: run npm start again.`,
        },
        detail: error.message,
      }),
    );
  });
  req.pipe(upstream);
}
