/**
 * The stand-in's charts (ExcelApi 1.1): worksheet.charts.add(type, source, seriesBy), getItem(name),
 * load('items/name,items/chartType') and items; a chart's name, title.text, legend (visible, position),
 * setPosition(from, to) and delete(). Each is one queued action, run at the sync as in Office.js; the
 * charts live on the sheet's model (model.ts Chart) and go with it. The classes are built by
 * excel-api.ts, which owns the request machinery, through the small port below.
 */
import type { Chart, Rect, Sheet, Workbook } from './model';
import { jsonBytes } from './values';

/** What a chart object needs of the request it lives in (excel-api.ts's RequestContext and helpers). */
export interface ChartPort {
  enqueue(
    label: string,
    bytes: number,
    run: (request: { responseBytes: number; commits: (() => void)[] }) => void,
    argument?: unknown,
  ): void;
  wrap<T extends object>(target: T, typeName: string): T;
  workbook(): Workbook;
  /** The worksheet the collection belongs to, inside a request. */
  sheet(): Sheet;
  /** A range argument inside a request: its sheet and rectangle. */
  range(value: unknown): { sheet: Sheet; rect: Rect };
  /** Load names of a collection ('items/name', …), refused when the stand-in lacks one. */
  itemNames(spec: unknown, allowed: readonly string[]): string[];
  error(code: string, detail: string): Error;
  notLoaded(property: string): never;
}

const ACTION_BYTES = 100;
/** The chart types the add-in uses, and the common ones beside them. */
const CHART_TYPES = new Set(['ColumnClustered', 'ColumnStacked', 'BarClustered', 'BarStacked', 'Line', 'Pie', 'Doughnut']);
let serial = 0;

export class ChartCollectionApi {
  private loadedItems: ChartApi[] | undefined;

  constructor(private readonly port: ChartPort) {}

  load(spec?: unknown): this {
    const names = this.port.itemNames(spec, ['name', 'chartType']);
    this.port.enqueue('ChartCollection.load', ACTION_BYTES, (request) => {
      const charts = [...this.port.sheet().charts];
      const items = charts.map((chart) => {
        const api = this.port.wrap(new ChartApi(this.port, () => chart), 'Chart');
        api.loaded(names, chart);
        return api;
      });
      request.responseBytes += jsonBytes(charts.map((chart) => ({ name: chart.name, chartType: chart.type })));
      request.commits.push(() => (this.loadedItems = items));
    });
    return this;
  }

  get items(): ChartApi[] {
    if (!this.loadedItems) this.port.notLoaded('items');
    return this.loadedItems;
  }

  add(type: string, sourceData: unknown, seriesBy: 'Auto' | 'Columns' | 'Rows' = 'Auto'): ChartApi {
    let created: Chart | undefined;
    this.port.enqueue(
      'ChartCollection.add',
      ACTION_BYTES + jsonBytes(type),
      () => {
        if (!CHART_TYPES.has(type)) throw this.port.error('InvalidArgument', `chart type ${type}`);
        const sheet = this.port.sheet();
        const source = this.port.range(sourceData);
        if (source.sheet !== sheet) throw this.port.error('InvalidArgument', 'the stand-in plots a range of the chart’s own sheet');
        serial += 1;
        created = {
          id: `chart-${serial}`,
          name: `Chart ${serial}`,
          type,
          source: source.rect,
          seriesBy,
          title: '',
          legend: { visible: true, position: 'Right' },
        };
        sheet.charts.push(created);
        this.port.workbook().touched();
      },
      { type, seriesBy },
    );
    return this.port.wrap(new ChartApi(this.port, () => created), 'Chart');
  }

  getItem(name: string): ChartApi {
    return this.port.wrap(new ChartApi(this.port, () => this.port.sheet().charts.find((chart) => chart.name === name)), 'Chart');
  }
}

export class ChartApi {
  readonly title: { text: string };
  readonly legend: { visible: boolean; position: string };
  private readonly values = new Map<string, unknown>();

  constructor(
    private readonly port: ChartPort,
    private readonly find: () => Chart | undefined,
  ) {
    const chart = (): Chart => {
      const found = this.find();
      if (!found || !this.port.sheet().charts.includes(found)) throw this.port.error('ItemNotFound', 'chart');
      return found;
    };
    this.model = chart;
    const set = (label: string, value: unknown, apply: (chart: Chart) => void) =>
      this.port.enqueue(
        label,
        ACTION_BYTES + jsonBytes(value),
        () => {
          apply(chart());
          this.port.workbook().touched();
        },
        value,
      );
    this.title = port.wrap(
      {
        get text(): string {
          throw port.error('PropertyNotLoaded', 'ChartTitle.text (the stand-in sets it only)');
        },
        set text(value: string) {
          set('ChartTitle.text', value, (model) => (model.title = value));
        },
      },
      'ChartTitle',
    );
    this.legend = port.wrap(
      {
        get visible(): boolean {
          throw port.error('PropertyNotLoaded', 'ChartLegend.visible (the stand-in sets it only)');
        },
        set visible(value: boolean) {
          set('ChartLegend.visible', value, (model) => (model.legend.visible = value));
        },
        get position(): string {
          throw port.error('PropertyNotLoaded', 'ChartLegend.position (the stand-in sets it only)');
        },
        set position(value: string) {
          set('ChartLegend.position', value, (model) => (model.legend.position = value));
        },
      },
      'ChartLegend',
    );
  }

  private readonly model: () => Chart;

  /** For a collection's load: the properties it asked for, known once the request answers. */
  loaded(names: readonly string[], chart: Chart): void {
    if (names.includes('name')) this.values.set('name', chart.name);
    if (names.includes('chartType')) this.values.set('chartType', chart.type);
  }

  get name(): string {
    if (!this.values.has('name')) this.port.notLoaded('name');
    return this.values.get('name') as string;
  }

  set name(value: string) {
    this.port.enqueue(
      'Chart.name',
      ACTION_BYTES + jsonBytes(value),
      () => {
        const model = this.model();
        if (this.port.sheet().charts.some((other) => other !== model && other.name === value))
          throw this.port.error('InvalidArgument', `a chart named ${value} exists`);
        model.name = value;
      },
      value,
    );
  }

  get chartType(): string {
    if (!this.values.has('chartType')) this.port.notLoaded('chartType');
    return this.values.get('chartType') as string;
  }

  setPosition(startCell: unknown, endCell?: unknown): void {
    this.port.enqueue('Chart.setPosition', ACTION_BYTES, () => {
      const from = this.port.range(startCell).rect;
      const to = endCell === undefined ? from : this.port.range(endCell).rect;
      this.model().position = { from, to };
      this.port.workbook().touched();
    });
  }

  delete(): void {
    this.port.enqueue('Chart.delete()', ACTION_BYTES, () => {
      const sheet = this.port.sheet();
      const model = this.model();
      sheet.charts = sheet.charts.filter((chart) => chart !== model);
      this.port.workbook().touched();
    });
  }
}
