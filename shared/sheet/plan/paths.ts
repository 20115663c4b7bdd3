/** Reading and writing a value at a path of a plain object (the campaign as the sheet builds it). */

export type Path = readonly (string | number)[];

export function getPath(object: unknown, path: Path): unknown {
  return path.reduce<unknown>((value, key) => (value === null || typeof value !== 'object' ? undefined : (value as never)[key]), object);
}

/** Sets the value, making the objects on the way; undefined removes the key (an optional field left blank). */
export function setPath(object: Record<string, unknown>, path: Path, value: unknown): void {
  let target: Record<string, unknown> = object;
  for (const key of path.slice(0, -1)) {
    const next = target[key];
    if (next === null || typeof next !== 'object') target[key] = {};
    target = target[key] as Record<string, unknown>;
  }
  const last = path.at(-1)!;
  if (value === undefined) delete target[last];
  else target[last] = value;
}

export const pathKey = (path: Path): string => path.join('.');
