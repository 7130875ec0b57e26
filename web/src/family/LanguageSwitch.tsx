import type { Language, Strings } from './i18n';

/** English or Spanish for the whole portal: a pair of toggle buttons, each named in its own language. */
export function LanguageSwitch({ language, onChange, t }: { language: Language; onChange: (language: Language) => void; t: Strings }) {
  return (
    <div role="group" aria-label={t.language} className="language-switch">
      <span aria-hidden="true">{t.language}: </span>
      {(['en', 'es'] as Language[]).map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={language === l} onClick={() => onChange(l)}>
          {t.languageNames[l]}
        </button>
      ))}
    </div>
  );
}
