import { Divider, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import type { PaneActions, PaneState } from '#addin/app/controller';
import { mayEditCertificateOffsets, mayIssue, offeredDocuments } from '#addin/app/documents/documents';
import { offeredOrgSheets } from '#addin/app/org/org-access';
import { mayExportYear } from '#addin/app/statistics/statistics-access';
import { mayImportHistory, mayRecordDecision, type DecisionDraft } from '#addin/app/register/register-state';
import { Banners } from './Banners';
import { CampaignBar } from './CampaignBar';
import { ConflictPanel } from './ConflictPanel';
import { PlanPanel } from './PlanPanel';
import { CouncilPanel } from './CouncilPanel';
import { DocumentsPanel } from './DocumentsPanel';
import { FilesPanel } from './FilesPanel';
import { IssueList } from './IssueList';
import { LanguageProvider, useT } from './i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { OrgPanel } from './OrgPanel';
import { RegisterPanel } from './RegisterPanel';
import { QuotaPanel } from './QuotaPanel';
import { RoleActions } from './RoleActions';
import { SaveBar } from './SaveBar';
import { SignIn } from './SignIn';
import { StatisticsPanel } from './StatisticsPanel';
import { StageBar } from './StageBar';
import { UserCard } from './UserCard';

const useStyles = makeStyles({
  pane: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    boxSizing: 'border-box',
    '& h1, & h2, & h3, & p': { marginTop: 0, marginBottom: 0 },
  },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  title: { margin: 0 },
  language: { marginInlineStart: 'auto' },
});

/** The whole task pane, from state and callbacks only (no Office.js, no fetch). */
export function Pane({ state, actions }: { state: PaneState; actions: PaneActions }) {
  return (
    <LanguageProvider language={state.language}>
      <PaneBody state={state} actions={actions} />
    </LanguageProvider>
  );
}

function PaneBody({ state, actions }: { state: PaneState; actions: PaneActions }) {
  const t = useT();
  const styles = useStyles();
  const signedIn = state.auth.status === 'signed-in' && state.user;
  return (
    <main className={styles.pane} lang={state.language}>
      <header className={styles.header}>
        <Subtitle1 as="h1" block className={styles.title}>
          {t('app.title')}
        </Subtitle1>
        <div className={styles.language}>
          <LanguageSwitch language={state.language} onChange={actions.setLanguage} />
        </div>
      </header>
      <Banners error={state.error} notice={state.notice} refusals={state.refusals} onDismiss={actions.dismiss} />
      {!signedIn || !state.user ? (
        <SignIn auth={state.auth} onSignIn={(email) => void actions.signIn(email)} />
      ) : (
        <>
          <UserCard user={state.user} unitName={state.userUnitName} onSignOut={() => void actions.signOut()} />
          <CampaignBar
            campaigns={state.campaigns}
            campaignId={state.campaignId}
            busy={state.busy || state.saving}
            onSelect={(id) => void actions.selectCampaign(id)}
            onOpen={() => void actions.openSheet()}
          />
          {state.stage && (
            <StageBar stage={state.stage} busy={state.busy || state.saving} onMove={(to, reason) => void actions.moveStage(to, reason)} />
          )}
          <Divider />
          <SaveBar state={state} onSave={() => void actions.save()} onAutosave={actions.setAutosave} />
          <RoleActions
            actions={state.actions}
            busy={state.busy || state.saving || state.sheet !== 'ready'}
            onSubmit={() => void actions.submitUnitRows()}
            onReturn={(reason) => void actions.returnSelected(reason)}
            onEligible={() => void actions.markSelectedEligible()}
          />
          {state.campaignId && state.sheet === 'ready' && (
            <FilesPanel {...(state.files ? { files: state.files } : {})} busy={state.busy || state.saving} actions={actions.files} />
          )}
          {state.council && actions.council && (
            <>
              <Divider />
              <CouncilPanel council={state.council} actions={actions.council} busy={state.busy || state.saving} />
              <Divider />
            </>
          )}
          {actions.plan && (state.user?.role === 'admin' || state.user?.role === 'hr') && (
            <PlanPanel
              {...(state.plan ? { plan: state.plan } : {})}
              actions={actions.plan}
              {...(state.campaignId ? { campaignId: state.campaignId } : {})}
              admin={state.user.role === 'admin'}
              busy={state.busy || state.saving}
            />
          )}
          {state.campaignId && offeredDocuments(state.user).length > 0 && (
            <DocumentsPanel
              kinds={offeredDocuments(state.user)}
              {...(state.document ? { document: state.document } : {})}
              busy={state.busy || state.saving}
              canIssue={mayIssue(state.user, state.document?.record)}
              onIssue={() => void actions.issueDocument()}
              onGenerate={(kind, options) => void actions.generateDocument(kind, options)}
              {...(mayEditCertificateOffsets(state.user)
                ? {
                    offsets: {
                      ...(state.certificateLayout ? { layout: state.certificateLayout } : {}),
                      onOpen: () => void actions.openCertificateOffsets(),
                      onSave: (dx: number, dy: number) => void actions.saveCertificateOffsets(dx, dy),
                    },
                  }
                : {})}
            />
          )}
          {actions.org && offeredOrgSheets(state.user).length > 0 && (
            <OrgPanel
              sheets={offeredOrgSheets(state.user)}
              busy={state.busy || state.saving}
              onOpen={(sheet) => void actions.org?.open(sheet)}
              onSave={(sheet) => void actions.org?.save(sheet)}
            />
          )}
          {actions.statistics && state.campaignId && (
            <StatisticsPanel
              busy={state.busy || state.saving}
              defaultYear={new Date().getFullYear()}
              canExportYear={mayExportYear(state.user)}
              onRefresh={() => void actions.statistics?.refresh()}
              onExportYear={(year) => void actions.statistics?.exportYear(year)}
            />
          )}
          {actions.register && (
            <RegisterPanel
              busy={state.busy || state.saving}
              canImport={mayImportHistory(state.user)}
              onLookup={(query) => void actions.register?.lookup(query)}
              onOpenHistory={() => void actions.register?.openHistory()}
              onImportHistory={() => void actions.register?.importHistory()}
              {...(state.decisionChoices && state.decisionChoices.campaignId === state.campaignId && mayRecordDecision(state.user)
                ? {
                    decision: {
                      choices: state.decisionChoices,
                      onRecord: (draft: DecisionDraft) => void actions.register?.recordDecision(draft),
                    },
                  }
                : {})}
            />
          )}
          <ConflictPanel
            conflicts={state.conflicts}
            onKeepMine={(id) => void actions.keepMine(id)}
            onTakeTheirs={(id) => void actions.takeTheirs(id)}
          />
          <QuotaPanel rows={state.quota} />
          <IssueList
            groups={state.issues}
            counts={state.issueCounts}
            onSelect={(item) => void actions.selectIssue(item)}
            onRefresh={() => void actions.refreshReport()}
          />
        </>
      )}
    </main>
  );
}
