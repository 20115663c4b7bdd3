import { makeStyles, mergeClasses, Subtitle2, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

/** Layout shared by the pane's parts: a vertical stack, a wrapping row, fields that never overflow. */
export const useLayoutStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  field: { minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)' },
  control: { minWidth: 0, width: '100%' },
});

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  title: { margin: 0, minWidth: 0 },
});

/** A titled part of the pane: the heading on its own row (with actions or badges at its right), then the body stacked. */
export function Section(props: { id: string; title: ReactNode; actions?: ReactNode; className?: string; children?: ReactNode }) {
  const layout = useLayoutStyles();
  const styles = useStyles();
  return (
    <section aria-labelledby={props.id} className={mergeClasses(layout.stack, props.className)}>
      <div className={styles.header}>
        <Subtitle2 as="h2" id={props.id} block className={styles.title}>
          {props.title}
        </Subtitle2>
        {props.actions}
      </div>
      {props.children}
    </section>
  );
}
