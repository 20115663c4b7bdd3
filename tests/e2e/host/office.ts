/**
 * The stand-in `Office` and `OfficeExtension` globals. The pane's boot asks `Office` for little
 * (addin/src/boot/office.ts: onReady, context.officeTheme, maybe EventType and document.addHandlerAsync;
 * addin/src/excel: context.requirements.isSetSupported), and probes optional members on purpose, so
 * unlike `Excel` this object does not throw on what it lacks: it answers undefined and records the
 * probe (host.stats().officeProbes), where a test can see it.
 */
import { createDialogs, DIALOG_EVENTS, type DialogStandIn } from './dialog';
import { OfficeExtensionError } from './excel-api';

export interface RequirementSets {
  /** The highest version of each set the host reports, e.g. { ExcelApi: '1.18' }. */
  [name: string]: string;
}

/** Excel on the web, in the spring of 2025, reports up to ExcelApi 1.18 on most tenants. */
export const DEFAULT_REQUIREMENTS: RequirementSets = { ExcelApi: '1.18' };

function versionParts(version: string | number): number[] {
  return String(version)
    .split('.')
    .map((part) => Number(part) || 0);
}

export function versionAtMost(wanted: string | number, highest: string): boolean {
  const a = versionParts(wanted);
  const b = versionParts(highest);
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return true;
}

export interface OfficeStandIn {
  office: Record<string, unknown>;
  officeExtension: Record<string, unknown>;
  probes: string[];
  requirementChecks: string[];
  dialogs: DialogStandIn;
}

/** Records reads of members the object lacks (nested objects too), answering undefined. */
function tolerant<T extends object>(target: T, path: string, probes: string[]): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      if (typeof property === 'symbol' || property in object) {
        const value = Reflect.get(object, property, receiver) as unknown;
        return value && typeof value === 'object' && !Array.isArray(value)
          ? tolerant(value as object, `${path}.${String(property)}`, probes)
          : value;
      }
      if (property !== 'then' && property !== 'toJSON') probes.push(`${path}.${property}`);
      return undefined;
    },
  });
}

export function createOffice(requirements: () => RequirementSets): OfficeStandIn {
  const probes: string[] = [];
  const requirementChecks: string[] = [];
  const info = { host: 'Excel', platform: 'OfficeOnline' };
  const ready = new Promise<typeof info>((resolve) => setTimeout(() => resolve(info), 0));
  const dialogs = createDialogs();

  const office = {
    onReady(callback?: (value: typeof info) => void): Promise<typeof info> {
      if (typeof callback === 'function') void ready.then(callback);
      return ready;
    },
    HostType: {
      Excel: 'Excel',
      Word: 'Word',
      PowerPoint: 'PowerPoint',
      Outlook: 'Outlook',
      OneNote: 'OneNote',
      Project: 'Project',
      Access: 'Access',
    },
    EventType: { ...DIALOG_EVENTS },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' },
    context: {
      host: 'Excel',
      platform: 'OfficeOnline',
      displayLanguage: 'vi-VN',
      contentLanguage: 'vi-VN',
      diagnostics: { host: 'Excel', platform: 'OfficeOnline', version: '16.0.18827.40000' },
      officeTheme: {
        bodyBackgroundColor: '#ffffff',
        bodyForegroundColor: '#000000',
        controlBackgroundColor: '#ffffff',
        controlForegroundColor: '#242424',
        isDarkTheme: false,
      },
      ui: { displayDialogAsync: dialogs.displayDialogAsync },
      requirements: {
        isSetSupported(name: string, minVersion?: string | number): boolean {
          const highest = requirements()[name];
          const supported = highest !== undefined && (minVersion === undefined || versionAtMost(minVersion, highest));
          requirementChecks.push(`${name} ${minVersion ?? ''} → ${supported}`);
          return supported;
        },
      },
    },
  };
  const officeExtension = {
    Error: OfficeExtensionError,
    ErrorCodes: { propertyNotLoaded: 'PropertyNotLoaded', itemNotFound: 'ItemNotFound', invalidArgument: 'InvalidArgument' },
  };
  return { office: tolerant(office, 'Office', probes), officeExtension, probes, requirementChecks, dialogs };
}
