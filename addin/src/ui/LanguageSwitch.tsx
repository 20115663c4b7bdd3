import { Field, Select } from '@fluentui/react-components';
import { isLanguage, LANGUAGES, type Language } from '../i18n/index';
import { useT } from './i18n';

export function LanguageSwitch({ language, onChange }: { language: Language; onChange: (language: Language) => void }) {
  const t = useT();
  return (
    <Field label={t('lang.label')} orientation="horizontal" size="small">
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
