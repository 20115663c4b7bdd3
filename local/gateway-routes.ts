import type { Route } from '#functions/routes';

/** Which route of ROUTES a request is for, chosen as API Gateway chooses. */

export interface CompiledRoute {
  route: Route;
  /** A literal segment, or null for a {param}. */
  segments: { literal: string | null; name: string }[];
}

export interface RouteMatch {
  route: Route;
  pathParameters: Record<string, string>;
}

export function compileRoutes(routes: readonly Route[]): CompiledRoute[] {
  return routes.map((route) => ({
    route,
    segments: route.path
      .split('/')
      .slice(1)
      .map((segment) => {
        const param = /^\{([^}]+)\}$/.exec(segment);
        return param ? { literal: null, name: param[1]! } : { literal: segment, name: '' };
      }),
  }));
}

/** The most specific route wins (a literal segment beats a {param} at the first place they differ), as in API Gateway. */
export function matchRoute(routes: CompiledRoute[], method: string, rawPath: string): RouteMatch | undefined {
  const parts = rawPath.split('/').slice(1);
  let best: { compiled: CompiledRoute; params: Record<string, string> } | undefined;
  for (const compiled of routes) {
    if (compiled.route.method !== method || compiled.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const fits = compiled.segments.every((segment, index) => {
      const part = parts[index]!;
      if (segment.literal !== null) return safeDecode(part) === segment.literal;
      if (part === '') return false;
      params[segment.name] = safeDecode(part);
      return true;
    });
    if (fits && (!best || moreSpecific(compiled, best.compiled))) best = { compiled, params };
  }
  return best && { route: best.compiled.route, pathParameters: best.params };
}

export function moreSpecific(a: CompiledRoute, b: CompiledRoute): boolean {
  for (let index = 0; index < a.segments.length; index += 1) {
    const aLiteral = a.segments[index]!.literal !== null;
    const bLiteral = b.segments[index]!.literal !== null;
    if (aLiteral !== bLiteral) return aLiteral;
  }
  return false;
}

export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
