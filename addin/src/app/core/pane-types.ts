import type { StoredCertificateLayout } from '#shared/api/office';
import type { DocumentKind } from '#shared/documents/kinds';
import type { Language, Localized } from '#shared/localized';
import type { User } from '#shared/org';
import type { ApiClient } from '#addin/api/index';
import type { DevUser, KeyValueStorage, TokenProvider } from '#addin/auth/token-provider';
import type { CouncilSheets } from '#addin/excel/council-gateway';
import type { PlanSheets } from '#addin/excel/office-plan-sheet';
import type { PlanActions, PlanState } from '#addin/app/plan/plan-state';
import type { ExcelGateway } from '#addin/excel/gateway';
import type { OrgSheets } from '#addin/excel/office-org-sheets';
import type { OrgActions } from '#addin/app/org/org-access';
import type { StatisticsSheets } from '#addin/excel/office-statistics-sheets';
import type { StatisticsActions } from '#addin/app/statistics/statistics-access';
import type { DecisionChoices, RegisterActions } from '#addin/app/register/register-state';
import type { CouncilActions, CouncilState } from '#addin/app/council/council-state';
import type { FileOffer, OfferedFile } from '#addin/app/documents/document-types';
import type { ConflictView } from '#addin/app/conflicts/conflicts';
import type { FilesActions, FilesState } from '#addin/app/files/files-state';
import type { IssueGroup, IssueItem, QuotaRow } from '#addin/app/report/panels';
import type { RoleActionId } from '#addin/app/roles/role-actions';
import type { Refusal } from '#addin/app/save/save-status';
import type { StageView } from '#addin/app/stage/stage-view';
import type { CampaignStage } from '#shared/campaign-stage';
import type { Timers } from './scheduling';

/** The pane's public shapes: its state, its actions, and what the controller is built from. */

export type Progress =
  | { phase: 'reading' }
  | { phase: 'loading'; done: number }
  | { phase: 'sending'; done: number; total: number; chunk: number; chunks: number }
  | { phase: 'deleting'; done: number; total: number }
  | { phase: 'writing' };

export interface LastSave {
  /** ISO time. */
  at: string;
  saved: number;
  conflicts: number;
  refused: number;
  deleted: number;
  errors: number;
  warnings: number;
}

export interface PaneState {
  language: Language;
  auth: {
    kind: TokenProvider['kind'];
    status: 'checking' | 'signed-out' | 'signing-in' | 'signed-in';
    devUsers: DevUser[];
    error?: Localized;
  };
  user?: User;
  userUnitName?: string;
  campaigns: { id: string; title: string }[];
  campaignId?: string;
  /** none: no sheet read yet; other-campaign: the workbook's sheet belongs to another campaign. */
  sheet: 'none' | 'ready' | 'other-campaign';
  /** A load or a role action is running. */
  busy: boolean;
  saving: boolean;
  autosave: boolean;
  /** The role may write nominations (not a viewer). */
  canSave: boolean;
  progress?: Progress;
  /** Rows the last read or save left unsaved (new, changed, conflicting, refused, with problems). */
  unsavedRows: number;
  /** The user edited the sheet since the last save. */
  edited: boolean;
  lastSave?: LastSave;
  /** context.sync calls so far, and in the last save (readRows, then writeResults: at most 4 in all). */
  syncCount: number;
  lastSaveSyncs?: number;
  retry?: { attempt: number; delayMs: number };
  quota: QuotaRow[];
  issues: IssueGroup[];
  issueCounts: { errors: number; warnings: number };
  conflicts: ConflictView[];
  actions: RoleActionId[];
  /** The chosen campaign's stage, what this user may do in it, and the moves offered to HR and an administrator. */
  stage?: StageView;
  /** The council's vote: only for the secretary and the administrator, with a campaign chosen. */
  council?: CouncilState;
  /** The "Kế hoạch" section: the plan in the sheet, and a colleague's save in conflict with it. */
  plan?: PlanState;
  /** The last document generated, offered as a link ("Văn bản"). */
  document?: OfferedFile;
  /** "Hồ sơ đính kèm": the files of the nomination on the row last shown. */
  files?: FilesState;
  /** "Ghi quyết định của cấp trên": its forms and the nominations awaiting them, as the last load read them. */
  decisionChoices?: DecisionChoices;
  /** The certificates' layout on the office's blank, once an administrator opened its offsets. */
  certificateLayout?: StoredCertificateLayout;
  /** The status line of the last action (each action replaces it). */
  notice?: Localized;
  /** The rows the last save refused, by reason, shown in red under the status line. */
  refusals?: Refusal[];
  error?: Localized;
}

export interface PaneActions {
  signIn(email?: string): Promise<void>;
  signOut(): Promise<void>;
  selectCampaign(campaignId: string): Promise<void>;
  /** Moves the campaign's stage (after the bar's confirmation), with the reason a step back needs. */
  moveStage(to: CampaignStage, reason?: string): Promise<void>;
  /** "Mở bảng tổng hợp": lays out the sheet and loads the campaign's nominations into it. */
  openSheet(): Promise<void>;
  save(): Promise<void>;
  setAutosave(on: boolean): void;
  setLanguage(language: Language): void;
  refreshReport(): Promise<void>;
  selectIssue(item: Pick<IssueItem, 'nominationId' | 'field'>): Promise<void>;
  keepMine(nominationId: string): Promise<void>;
  takeTheirs(nominationId: string): Promise<void>;
  submitUnitRows(): Promise<void>;
  returnSelected(reason: string): Promise<void>;
  markSelectedEligible(): Promise<void>;
  /** The council's vote; absent when the pane has no council sheets (deps.councilSheets). */
  council?: CouncilActions;
  /** The "Kế hoạch" section; absent when the pane has no plan sheet (deps.planSheets). */
  plan?: PlanActions;
  /**
   * "Văn bản": one of the office's documents generated and recorded in the register (whom:
   * shared/policy/documents), with the number typed or the next; `grid`: the certificates' test print,
   * a draft not recorded.
   */
  generateDocument(kind: DocumentKind, options?: { grid?: boolean; number?: number }): Promise<void>;
  /** Issues the last generated document once signed (a draft decision; HR, admin). */
  issueDocument(): Promise<void>;
  /** Reads the certificates' layout, for its offsets' form (an administrator). */
  openCertificateOffsets(): Promise<void>;
  /** Saves the offsets (mm) over the layout read; another administrator's save since is a conflict, and the layout is read again. */
  saveCertificateOffsets(dx: number, dy: number): Promise<void>;
  /** "Hồ sơ đính kèm": the selected row's dossier files, uploaded, downloaded, replaced, deleted and restored. */
  files: FilesActions;
  /** "Tổ chức": the org sheets (Đơn vị, Cán bộ, Người dùng); absent when the pane has no org sheets (deps.orgSheets). */
  org?: OrgActions;
  /** "Thống kê": the statistics sheet and the yearly forms; absent when the pane has no statistics sheets (deps.statisticsSheets). */
  statistics?: StatisticsActions;
  /** "Sổ khen thưởng": a history looked up into its sheet, the history sheet imported; absent without deps.orgSheets. */
  register?: RegisterActions;
  dismiss(): void;
}

/** What the UI needs: the state, a way to hear of changes, and the actions. */
export interface PaneStore {
  getState(): PaneState;
  subscribe(listener: () => void): () => void;
  actions: PaneActions;
}

export interface PaneController extends PaneStore {
  /** Signs in silently if it can, loads the user's world and scans the sheet for unsaved rows. */
  start(): Promise<void>;
  dispose(): Promise<void>;
  /** Resolves when every queued sheet operation (saves included) has finished: for tests and shutdown. */
  idle(): Promise<void>;
}

export interface PaneDeps {
  gateway: ExcelGateway;
  /** The council's sheets (ballots, result, minutes); without it the pane offers no council vote. */
  councilSheets?: CouncilSheets;
  /** The "Kế hoạch" sheet; without it the pane offers no plan section. */
  planSheets?: PlanSheets;
  /** The org sheets in Excel; without it the pane offers no "Tổ chức" section. */
  orgSheets?: OrgSheets;
  /** The "Thống kê" and "Biểu 0601"… sheets; without it the pane offers no statistics section. */
  statisticsSheets?: StatisticsSheets;
  api: ApiClient;
  tokens: TokenProvider;
  /** localStorage in the pane: the language and the autosave preference. */
  storage?: KeyValueStorage;
  now?: () => Date;
  timers?: Timers;
  random?: () => number;
  autosaveDelayMs?: number;
  deleteConcurrency?: number;
  newSessionId?: () => string;
  /** How a generated file is offered (a blob URL in the browser). */
  offerFile?: FileOffer;
}
