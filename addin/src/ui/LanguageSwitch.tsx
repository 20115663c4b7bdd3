import { Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { isLanguage, LANGUAGES, type Language } from '#addin/i18n/index';
import { useT } from './i18n';

const useStyles = makeStyles({
  field: { gridTemplateColumns: 'auto auto', columnGap: tokens.spacingHorizontalS, alignItems: 'center' },
  label: { whiteSpace: 'nowrap', paddingTop: 0, paddingBottom: 0, marginRight: 0 },
});

export function LanguageSwitch({ language, onChange }: { language: Language; onChange: (language: Language) => void }) {
  const t = useT();
  const styles = useStyles();
  return (
    <Field label={{ children: t('lang.label'), className: styles.label }} orientation="horizontal" size="small" className={styles.field}>
      <Select
        size="small"
        value={language}
        onChange={(_, data) => {
          if (isLanguage(data.value)) onChange(data.value);
        }}
      >
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(code === 'vi' ? 'lang.vi' : 'lang.en')}
          </option>
        ))}
      </Select>
    </Field>
  );
}
