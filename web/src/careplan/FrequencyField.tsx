import { useEffect, useId, useRef, useState } from 'react';
import { errorSentence, orderInWords, readFrequency, type Reading } from './frequency';

/** How long typing must pause before the notation is read: one request per pause, not per key. */
export const PAUSE_MS = 300;

/**
 * The visit frequency in clinicians' notation, read by patient-service's parser as the coordinator types: what the
 * order means in words, or the parser's own message. Answers that arrive out of order are dropped (only the newest
 * notation's reading is shown). onReading tells the form whether the notation can be saved.
 */
export function FrequencyField({
  value,
  onChange,
  onReading,
}: {
  value: string;
  onChange: (value: string) => void;
  onReading?: (reading: Reading | null) => void;
}) {
  const id = useId();
  const [reading, setReading] = useState<Reading | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const asked = useRef(0);
  const report = useRef(onReading);
  report.current = onReading;

  useEffect(() => {
    const round = ++asked.current;
    if (!value.trim()) {
      setReading(null);
      setFailure(null);
      report.current?.(null);
      return;
    }
    const timer = window.setTimeout(() => {
      readFrequency(value).then(
        (answer) => {
          if (round !== asked.current) return;
          setReading(answer);
          setFailure(null);
          report.current?.(answer);
        },
        (e: unknown) => {
          if (round !== asked.current) return;
          setReading(null);
          setFailure(e instanceof Error ? e.message : 'The frequency could not be read.');
          report.current?.(null);
        },
      );
    }, PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [value]);

  const invalid = reading !== null && !reading.valid;
  return (
    <div className="frequency-field">
      <label htmlFor={`${id}-input`}>Visit frequency</label>
      <input
        id={`${id}-input`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={`${id}-hint ${id}-reading`}
        aria-invalid={invalid || undefined}
        autoComplete="off"
        spellCheck={false}
      />
      <p id={`${id}-hint`} className="hint">
        Discipline and visits per week × weeks, for example "SN 3W1, 2W4, 2 PRN, PT 3W2".
      </p>
      <div id={`${id}-reading`} className="frequency-reading" aria-live="polite">
        {reading?.valid && (
          <>
            <p className="reading-ok">Reads as {reading.canonical}:</p>
            <ul>
              {reading.orders.map((o) => (
                <li key={o.discipline.code}>{orderInWords(o)}</li>
              ))}
            </ul>
          </>
        )}
        {invalid && <p className="reading-error">Cannot be read: {errorSentence(reading.error ?? 'the notation is not valid')}</p>}
        {failure && <p className="reading-error">{failure}</p>}
      </div>
    </div>
  );
}
