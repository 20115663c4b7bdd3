import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEV_ORIGIN, manifestFor, normalizeAddinUrl, pathsNamed } from '#scripts/build-manifest';

/** manifest.xml as Office reads it, without Microsoft's online validator: what can be checked offline. */
const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const xml = readFileSync(root('manifest.xml'), 'utf8');

function strings(kind: 'ShortStrings' | 'LongStrings'): { id: string; vi: string; en?: string }[] {
  const block = new RegExp(`<bt:${kind}>([\\s\\S]*?)</bt:${kind}>`).exec(xml)?.[1] ?? '';
  return [
    ...block.matchAll(/<bt:String id="([^"]+)" DefaultValue="([^"]+)"(?:\/>|>\s*<bt:Override Locale="en-US" Value="([^"]+)"\/>)/g),
  ].map((match) => ({
    id: match[1]!,
    vi: match[2]!,
    ...(match[3] ? { en: match[3] } : {}),
  }));
}

function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('manifest.xml', () => {
  it('is an Excel task pane add-in, Vietnamese by default', () => {
    expect(xml).toContain('xsi:type="TaskPaneApp"');
    expect(xml).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/);
    expect(xml).toContain('<DefaultLocale>vi-VN</DefaultLocale>');
    expect(xml).toMatch(/<Hosts>\s*<Host Name="Workbook"\/>\s*<\/Hosts>/);
    expect(xml).toContain('<Set Name="ExcelApi" MinVersion="1.8"/>');
    expect(xml).toContain('<OfficeTab id="TabHome">');
    expect(xml).toContain('<Permissions>ReadWriteDocument</Permissions>');
  });

  it('keeps the top-level elements in the schema’s order', () => {
    const order = [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ];
    const positions = order.map((name) => xml.indexOf(`<${name}`));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('has an English override for every text, within Office’s lengths', () => {
    expect(xml).toMatch(/<DisplayName DefaultValue="[^"]+">\s*<Override Locale="en-US" Value="[^"]+"\/>/);
    expect(xml).toMatch(/<Description DefaultValue="[^"]+">\s*<Override Locale="en-US" Value="[^"]+"\/>/);
    const short = strings('ShortStrings');
    const long = strings('LongStrings');
    expect(short.map((text) => text.id).sort()).toEqual(['Thidua.GetStarted.Title', 'Thidua.Group.Label', 'Thidua.TaskpaneButton.Label']);
    expect(long.map((text) => text.id).sort()).toEqual(['Thidua.GetStarted.Description', 'Thidua.TaskpaneButton.Tooltip']);
    for (const text of short) {
      expect(text.en, text.id).toBeTruthy();
      expect(Math.max(text.vi.length, text.en!.length), text.id).toBeLessThanOrEqual(125);
    }
    for (const text of long) {
      expect(text.en, text.id).toBeTruthy();
      expect(Math.max(text.vi.length, text.en!.length), text.id).toBeLessThanOrEqual(250);
    }
  });

  it('defines every resource it uses', () => {
    const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((match) => match[1]!);
    const defined = new Set([...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((match) => match[1]!));
    expect(used.filter((id) => !defined.has(id))).toEqual([]);
    for (const id of defined) expect(id.length, id).toBeLessThanOrEqual(32);
  });

  it('names only files the add-in has, icons at their declared sizes', () => {
    const paths = pathsNamed(xml, DEV_ORIGIN);
    expect(paths).toEqual([
      'commands.html',
      'icons/icon-16.png',
      'icons/icon-32.png',
      'icons/icon-64.png',
      'icons/icon-80.png',
      'support.html',
      'taskpane.html',
    ]);
    for (const path of paths) expect(existsSync(root(`addin/${path}`)) || existsSync(root(`addin/public/${path}`)), path).toBe(true);
    for (const size of [16, 32, 64, 80])
      expect(pngSize(root(`addin/public/icons/icon-${size}.png`))).toEqual({ width: size, height: size });
    for (const size of [16, 32, 80]) expect(xml).toContain(`<bt:Image size="${size}" resid="Thidua.Icon.${size}"/>`);
    // A task pane add-in's own icon: 32×32, and 64×64 for high DPI.
    expect(xml).toContain('<IconUrl DefaultValue="https://localhost:3000/icons/icon-32.png"/>');
    expect(xml).toContain('<HighResolutionIconUrl DefaultValue="https://localhost:3000/icons/icon-64.png"/>');
  });
});

describe('dist/manifest.xml for a deployment', () => {
  it('moves every URL under the deployed address', () => {
    const deployed = manifestFor(xml, 'https://addin.example.gov.vn/thidua');
    expect(deployed).not.toContain('localhost');
    expect(deployed).toContain('<SourceLocation DefaultValue="https://addin.example.gov.vn/thidua/taskpane.html"/>');
    expect(pathsNamed(deployed, 'https://addin.example.gov.vn/thidua')).toEqual(pathsNamed(xml, DEV_ORIGIN));
  });

  it('keeps localhost when built for local testing', () => {
    expect(manifestFor(xml, DEV_ORIGIN)).toBe(xml);
  });

  it('takes only an https address, without a trailing slash', () => {
    expect(normalizeAddinUrl('https://d111111abcdef8.cloudfront.net/')).toBe('https://d111111abcdef8.cloudfront.net');
    expect(normalizeAddinUrl(' https://host.example/thidua// ')).toBe('https://host.example/thidua');
    expect(() => normalizeAddinUrl('http://host.example')).toThrow(/https/);
    expect(() => normalizeAddinUrl('host.example')).toThrow(/not a URL/);
    expect(() => normalizeAddinUrl('https://host.example/?v=1')).toThrow(/query/);
  });
});
