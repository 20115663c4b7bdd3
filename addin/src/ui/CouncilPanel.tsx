import { Button, Caption1, Field, Input, makeStyles, ProgressBar, Text, tokens } from '@fluentui/react-components';
import {
  CheckmarkCircleRegular,
  DocumentTextRegular,
  PrintRegular,
  ArrowRepeatAllRegular,
  FingerprintRegular,
  TableAddRegular,
  TaskListSquareLtrRegular,
} from '@fluentui/react-icons';
import { isLiveRound, mayAnnulRound, mayConfirmRound, takesBallots } from '#shared/council/round-status';
import type { CouncilActions, CouncilState } from '#addin/app/council/council-state';
import { hasTie } from '#addin/app/council/council-state';
import { formatPercent, type MessageKey } from '#addin/i18n/index';
import { AnnulRound } from './AnnulRound';
import { useLanguage, useT } from './i18n';
import { Section, useLayoutStyles } from './Section';

const useStyles = makeStyles({
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  selected: { fontWeight: tokens.fontWeightSemibold },
  tied: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

const count = (text: string) => {
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) && n >= 0 ? Math.min(n, 1000) : 0;
};

/**
 * The council's vote, for the secretary and the administrator: who takes part, the round in hand and
 * what can be done with it (ballot sheet, count, minutes, confirmation, a new round after a tie), and
 * the result by award form. State and callbacks only.
 */
export function CouncilPanel({ council, actions, busy }: { council: CouncilState; actions: CouncilActions; busy: boolean }) {
  const t = useT();
  const language = useLanguage();
  const styles = useStyles();
  const layout = useLayoutStyles();
  const round = council.round;
  // The minutes are the sheet's, in Vietnamese; the pane names forms and figures in its own language.
  const percentOf = new Map(round?.result?.candidates.map((c) => [c.nominationId, c.percent]) ?? []);
  const open = isLiveRound(round);
  const tie = hasTie(round);
  const minutes = round?.minutes;
  const result = round?.result;
  return (
    <Section id="council-heading" title={t('council.heading')}>
      <Caption1 as="p" block>
        {t('council.members', { n: council.members, mark: council.voteMark })}
      </Caption1>
      <Field label={t('council.present')} className={layout.field}>
        <Input
          type="number"
          min={0}
          value={String(council.attendance.present)}
          disabled={busy}
          onChange={(_, data) => actions.setAttendance({ ...council.attendance, present: count(data.value) })}
        />
      </Field>
      {council.allowWrittenVotes && (
        <Field label={t('council.writtenVotes')} className={layout.field}>
          <Input
            type="number"
            min={0}
            value={String(council.attendance.writtenVotes)}
            disabled={busy}
            onChange={(_, data) => actions.setAttendance({ ...council.attendance, writtenVotes: count(data.value) })}
          />
        </Field>
      )}
      <Text as="p" block role="status">
        {round
          ? t('council.round', {
              n: round.number,
              status: t(`council.status.${round.status}` as MessageKey, {
                done: round.progress?.done ?? 0,
                total: round.progress?.total ?? 0,
              }),
              candidates: round.candidates.length,
              ballots: round.ballotCount,
            })
          : t('council.noRound')}
      </Text>
      <Caption1 as="p" block>
        {t('council.createHint')}
      </Caption1>
      <div className={styles.buttons}>
        <Button icon={<TableAddRegular />} disabled={busy} onClick={() => void actions.createBallotSheet()}>
          {t('council.createBallots')}
        </Button>
        <Button icon={<PrintRegular />} disabled={busy || !takesBallots(round)} onClick={() => void actions.printBallots()}>
          {t('council.printBallots')}
        </Button>
        <Button icon={<TaskListSquareLtrRegular />} disabled={busy || !open} onClick={() => void actions.countBallots()}>
          {t('council.count')}
        </Button>
        <Button icon={<DocumentTextRegular />} disabled={busy || !minutes} onClick={() => void actions.writeMinutes()}>
          {t('council.minutes')}
        </Button>
        <Button
          appearance="primary"
          icon={<CheckmarkCircleRegular />}
          disabled={busy || !mayConfirmRound(round)}
          onClick={() => void actions.confirmResult()}
        >
          {/* A confirmation cut short (confirming) is finished by confirming again. */}
          {t(round?.status === 'confirming' ? 'council.resume' : 'council.confirm')}
        </Button>
      </div>
      {council.sending && (
        <Field label={t('council.sendingLabel')} validationMessage={t('council.sending', { ...council.sending })} validationState="none">
          <ProgressBar value={council.sending.total > 0 ? council.sending.sent / council.sending.total : 0} />
        </Field>
      )}
      {result?.fingerprint && (
        <>
          <Caption1 as="p" block>
            {t('council.fingerprint', { hash: result.fingerprint.sha256.slice(0, 16) })}
          </Caption1>
          <div className={styles.buttons}>
            <Button icon={<FingerprintRegular />} disabled={busy} onClick={() => void actions.checkFingerprint()}>
              {t('council.checkFingerprint')}
            </Button>
          </div>
        </>
      )}
      {result && minutes && (
        <div aria-label={t('council.heading')}>
          <Text as="p" block>
            {t('council.result', { valid: result.ballots.valid, collected: result.ballots.collected, invalid: result.ballots.invalid })}
          </Text>
          {result.void && (
            <Text as="p" block className={styles.tied}>
              {result.voidReason?.code === 'BALLOTS_EXCEED_ISSUED'
                ? t('council.voidBallots', { collected: result.ballots.collected, issued: result.ballots.issued })
                : t('council.void')}
            </Text>
          )}
          {minutes.forms.map((form) => (
            <div key={form.awardForm}>
              <Text as="p" block weight="semibold">
                {t('council.form', { form: council.formNames[form.awardForm]?.[language] ?? form.awardFormName, places: form.places })}
              </Text>
              <ul className={styles.list}>
                {form.candidates.map((c) => (
                  <li key={c.nominationId} className={c.selected ? styles.selected : c.tied ? styles.tied : undefined}>
                    {t('council.candidate', {
                      name: c.name,
                      votes: c.votes,
                      percent: percentOf.has(c.nominationId) ? formatPercent(percentOf.get(c.nominationId)!, language) : c.percent,
                      outcome: t(
                        c.selected
                          ? 'council.outcome.selected'
                          : c.tied
                            ? 'council.outcome.tied'
                            : c.passed
                              ? 'council.outcome.passed'
                              : 'council.outcome.failed',
                      ),
                    })}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
      {round?.candidates
        .filter((c) => c.overrideReason)
        .map((c) => (
          <Caption1 as="p" block key={`override-${c.nominationId}`}>
            {t('council.override', { name: c.name, reason: c.overrideReason! })}
          </Caption1>
        ))}
      {council.mayAnnul && mayAnnulRound(round) && <AnnulRound busy={busy} onAnnul={actions.annulResult} />}
      {tie && (
        <>
          <Caption1 as="p" block>
            {t('council.tieHint')}
          </Caption1>
          <div className={styles.buttons}>
            <Button icon={<ArrowRepeatAllRegular />} disabled={busy} onClick={() => void actions.newTieRound()}>
              {t('council.newRound')}
            </Button>
          </div>
        </>
      )}
    </Section>
  );
}
