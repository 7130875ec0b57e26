import { useId, useState, type FormEvent } from 'react';
import { ApiError, api, post, type Page } from '../api';
import { Section, formatDateTime, useLoad } from '../shell/states';
import { VITALS, checkReading, formatValue, localDateTime, vitalInfo, type Observation } from '../vitals/vitals';
import { STRINGS, type Strings } from './i18n';
import { FamilyShow } from './FamilyShow';

function newId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(Math.random() * 4)]}${hex(3)}-${hex(12)}`;
}

/**
 * A family member records a reading (blood pressure, weight, …) when their consent includes VITALS; without it the
 * service answers 403 and the card says why there is no form.
 */
export function VitalsEntry({ patientId, patientName, t = STRINGS.en }: { patientId: string; patientName: string; t?: Strings }) {
  const vitalName = (code: string) => t.vitalNames[code] ?? vitalInfo(code)?.label ?? code;
  const id = encodeURIComponent(patientId);
  const [recent, reload, refresh] = useLoad(
    () =>
      // the latest five readings are enough: the card shows what was entered lately, the charts show the period
      api<Page<Observation>>(`/patients/v1/patients/${id}/observations?size=5`).then(
        (page) => page.items,
        (e: unknown) => {
          if (e instanceof ApiError && (e.status === 403 || e.status === 404)) return null;
          throw e;
        },
      ),
    [id],
  );
  return (
    <Section id={`vitals-${patientId}`} title={t.vitals}>
      <FamilyShow t={t} loaded={recent} what={t.readings} retry={reload}>
        {(list) =>
          list === null ? (
            <p className="empty">{t.noVitalsConsent(patientName)}</p>
          ) : (
            <>
              {list.length === 0 ? (
                <p className="empty">{t.noReadings}</p>
              ) : (
                <ul className="list">
                  {list.map((o) => (
                    <li key={o.id}>
                      {vitalName(o.vital)}: {formatValue(o.value, vitalInfo(o.vital))} · {formatDateTime(o.observedAt)}
                    </li>
                  ))}
                </ul>
              )}
              <ReadingForm patientId={patientId} onSaved={refresh} t={t} vitalName={vitalName} />
            </>
          )
        }
      </FamilyShow>
    </Section>
  );
}

function ReadingForm({
  patientId,
  onSaved,
  t,
  vitalName,
}: {
  patientId: string;
  onSaved: () => void;
  t: Strings;
  vitalName: (code: string) => string;
}) {
  const ids = { vital: useId(), value: useId(), unit: useId(), at: useId(), errors: useId() };
  const [vital, setVital] = useState('SYSTOLIC_BP');
  const [value, setValue] = useState('');
  const [unit, setUnit] = useState('mm[Hg]');
  const [observedAt, setObservedAt] = useState(() => localDateTime(new Date()));
  const [errors, setErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const info = vitalInfo(vital)!;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const checked = checkReading({ vital, value, unit, observedAt }, new Date(), newId);
    if (!checked.reading) {
      setErrors(checked.errors);
      return;
    }
    setBusy(true);
    try {
      await post(`/patients/v1/patients/${encodeURIComponent(patientId)}/observations`, { observations: [checked.reading] });
      setErrors([]);
      setValue('');
      setSaved(t.saved(`${vitalName(vital).toLowerCase()} ${value.trim()} ${info.units.find((u) => u.code === unit)?.label ?? ''}`.trim()));
      onSaved();
    } catch (e) {
      setErrors([e instanceof Error ? e.message : t.readingNotSaved]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="reading" onSubmit={submit} noValidate aria-describedby={errors.length ? ids.errors : undefined}>
      <h3>{t.enterReading}</h3>
      <label htmlFor={ids.vital}>{t.whatMeasured}</label>
      <select
        id={ids.vital}
        value={vital}
        onChange={(e) => {
          setVital(e.target.value);
          setUnit(vitalInfo(e.target.value)!.units[0].code);
        }}
      >
        {VITALS.map((v) => (
          <option key={v.code} value={v.code}>
            {vitalName(v.code)}
          </option>
        ))}
      </select>
      <label htmlFor={ids.value}>{t.reading}</label>
      <input id={ids.value} type="text" inputMode="decimal" autoComplete="off" value={value} aria-invalid={errors.length > 0 || undefined} onChange={(e) => setValue(e.target.value)} />
      <label htmlFor={ids.unit}>{t.unit}</label>
      <select id={ids.unit} value={unit} onChange={(e) => setUnit(e.target.value)} disabled={info.units.length === 1}>
        {info.units.map((u) => (
          <option key={u.code} value={u.code}>
            {u.label}
          </option>
        ))}
      </select>
      <label htmlFor={ids.at}>{t.takenAt}</label>
      <input id={ids.at} type="datetime-local" value={observedAt} onChange={(e) => setObservedAt(e.target.value)} />
      <button type="submit" disabled={busy}>
        {t.saveReading}
      </button>
      {errors.length > 0 && (
        <div id={ids.errors} role="alert" className="error">
          {errors.map((e) => (
            <p key={e}>{e}</p>
          ))}
        </div>
      )}
      {saved && (
        <p role="status" className="notice">
          {saved}
        </p>
      )}
    </form>
  );
}
