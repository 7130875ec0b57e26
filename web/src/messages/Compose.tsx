import { useId, useRef, useState, type FormEvent } from 'react';
import { draftProblems, personName, photoProblem, send, MAX_MESSAGE, type Inbox, type ThreadView } from './messaging';

/** Write to a thread: text, an optional photo (at most 1 MB through the console), optionally urgent for one member. */
export function Compose({ thread, inbox, onSent }: { thread: ThreadView; inbox: Inbox; onSent: () => void }) {
  const id = useId();
  const [body, setBody] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [photoKey, setPhotoKey] = useState(0);
  const [urgent, setUrgent] = useState(false);
  const [recipient, setRecipient] = useState('');
  const [backup, setBackup] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const problemsRef = useRef<HTMLDivElement>(null);

  const others = thread.participants
    .filter((p) => p !== inbox.me)
    .map((p) => ({ subject: p, name: inbox.people[p] ?? `Team member ${p.slice(0, 8)}` }))
    .sort((a, b) => a.name.localeCompare(b.name));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSent(null);
    const draft = { body, photo, urgent, recipient, backup };
    const found = draftProblems(draft);
    setProblems(found);
    if (found.length > 0) {
      window.setTimeout(() => problemsRef.current?.focus(), 0); // once the sentences are shown
      return;
    }
    setSending(true);
    try {
      await send(thread.id, draft, photo);
      setSent(
        urgent
          ? `Urgent message sent to ${personName(recipient, inbox.people, inbox.me)}, who is asked to acknowledge it${backup ? `; if not in time, ${personName(backup, inbox.people, inbox.me)} is asked` : ''}.`
          : 'Message sent.',
      );
      setBody('');
      setPhoto(null);
      setPhotoKey((k) => k + 1);
      setUrgent(false);
      setRecipient('');
      setBackup('');
      onSent();
    } catch (e) {
      setProblems([e instanceof Error ? e.message : 'The message could not be sent. Please try again.']);
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="compose" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Write a message</h3>
      <div ref={problemsRef} tabIndex={-1} role="alert" className={problems.length ? 'error' : undefined}>
        {problems.map((p) => (
          <p key={p}>{p}</p>
        ))}
      </div>
      <div role="status" aria-live="polite">
        {sent && <p className="notice">{sent}</p>}
      </div>
      <label htmlFor={`${id}-body`}>Message</label>
      <textarea
        id={`${id}-body`}
        rows={4}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        aria-describedby={`${id}-body-hint`}
      />
      <p id={`${id}-body-hint`} className="hint">
        At most {MAX_MESSAGE.toLocaleString('en-US')} characters. Messages are kept in the patient&rsquo;s record.
      </p>
      <label htmlFor={`${id}-photo`}>Photo (optional)</label>
      <input
        key={photoKey}
        id={`${id}-photo`}
        type="file"
        accept="image/jpeg,image/png,image/heic,image/heif,.heic,.heif"
        aria-describedby={`${id}-photo-hint`}
        onChange={(e) => {
          const file = e.target.files?.[0] ?? null;
          setPhoto(file);
          const problem = file ? photoProblem(file) : null;
          setProblems(problem ? [problem] : []);
        }}
      />
      <p id={`${id}-photo-hint`} className="hint">
        JPEG, PNG or HEIC, at most 1 MB when sent from the console. Location data in the photo is removed.
      </p>
      <div className="check">
        <input id={`${id}-urgent`} type="checkbox" checked={urgent} onChange={(e) => setUrgent(e.target.checked)} />
        <label htmlFor={`${id}-urgent`}>Urgent: a team member must acknowledge it</label>
      </div>
      {urgent && (
        <fieldset>
          <legend>Who must acknowledge</legend>
          <label htmlFor={`${id}-recipient`}>Urgent for</label>
          <select id={`${id}-recipient`} value={recipient} onChange={(e) => setRecipient(e.target.value)} required>
            <option value="">Choose a team member</option>
            {others.map((o) => (
              <option key={o.subject} value={o.subject}>
                {o.name}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-backup`}>Backup if it is not acknowledged in time</label>
          <select id={`${id}-backup`} value={backup} onChange={(e) => setBackup(e.target.value)}>
            <option value="">No backup</option>
            {others
              .filter((o) => o.subject !== recipient)
              .map((o) => (
                <option key={o.subject} value={o.subject}>
                  {o.name}
                </option>
              ))}
          </select>
        </fieldset>
      )}
      <div>
        <button type="submit" disabled={sending}>
          {sending ? 'Sending…' : urgent ? 'Send urgent message' : 'Send'}
        </button>
      </div>
    </form>
  );
}
