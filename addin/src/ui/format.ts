import type { Progress } from '#addin/app/controller';
import type { Translate } from '#addin/i18n/index';

/** What the progress bar says, and how far it is (undefined: indeterminate). */
export function progressView(t: Translate, progress: Progress): { text: string; value?: number } {
  switch (progress.phase) {
    case 'reading':
      return { text: t('progress.reading') };
    case 'loading':
      return { text: t('progress.loading', { done: progress.done }) };
    case 'sending':
      return {
        text: t('progress.sending', {
          done: progress.done,
          total: progress.total,
          chunk: Math.max(1, progress.chunk),
          chunks: Math.max(1, progress.chunks),
        }),
        value: progress.total > 0 ? progress.done / progress.total : 0,
      };
    case 'deleting':
      return {
        text: t('progress.deleting', { done: progress.done, total: progress.total }),
        value: progress.total > 0 ? progress.done / progress.total : 0,
      };
    case 'writing':
      return { text: t('progress.writing') };
  }
}
