import { useState } from 'react';
import { loadSession } from '../api';
import { Link } from '../shell/router';
import { Section, Show, formatDateTime, useLoad } from '../shell/states';
import { useLive, type LiveEvent } from '../shell/live';
import { Attachment } from './Attachment';
import { acknowledge, capital, loadInbox, personName, threadTitle, waitingFor, type Inbox, type MessageView } from './messaging';

export const MESSAGE_EVENTS = (e: LiveEvent) => ['MESSAGE', 'URGENT', 'ESCALATED', 'ACKNOWLEDGED'].includes(e.kind);

/** Acknowledges an urgent message and says so; the author is told by the service. */
export function AcknowledgeButton({ message, inbox, onDone }: { message: MessageView; inbox: Inbox; onDone: (text: string) => void }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await acknowledge(message);
          onDone(`Acknowledged. ${capital(personName(message.author, inbox.people, inbox.me))} can see that you have read it.`);
        } catch (e) {
          onDone(e instanceof Error ? e.message : 'The message could not be acknowledged.');
        } finally {
          setBusy(false);
        }
      }}
    >
      Acknowledge
    </button>
  );
}

/** Urgent messages waiting for my acknowledgement, from every thread I take part in. */
export function UrgentList({ inbox, onChange }: { inbox: Inbox; onChange: () => void }) {
  const [notice, setNotice] = useState<string | null>(null);
  const waiting = inbox.threads.flatMap((t) => waitingFor(inbox.me, inbox.messages[t.id] ?? []));
  const byId = Object.fromEntries(inbox.threads.map((t) => [t.id, t]));
  return (
    <>
      <div role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
      </div>
      {waiting.length === 0 ? (
        <p className="empty">No urgent message is waiting for you.</p>
      ) : (
        <ul className="messages urgent-list">
          {waiting.map((m) => (
            <li key={m.id}>
              <p className="meta">
                <span className="badge critical">Urgent</span> from {capital(personName(m.author, inbox.people, inbox.me))} in{' '}
                <Link to={`/messages/${m.threadId}`}>{byId[m.threadId] ? threadTitle(byId[m.threadId], inbox) : 'a thread'}</Link>, sent{' '}
                {formatDateTime(m.sentAt)}
                {m.urgent!.dueAt ? `; acknowledge by ${formatDateTime(m.urgent!.dueAt)}` : ''}
                {m.urgent!.escalatedAt ? ' (passed on to you as backup)' : ''}
              </p>
              <p className="body">{m.body}</p>
              {m.attachmentIds.length > 0 && (
                <p className="thumbs">
                  {m.attachmentIds.map((a) => (
                    <Attachment key={a} threadId={m.threadId} attachmentId={a} from={capital(personName(m.author, inbox.people, inbox.me))} />
                  ))}
                </p>
              )}
              <div>
                <AcknowledgeButton
                  message={m}
                  inbox={inbox}
                  onDone={(text) => {
                    setNotice(text);
                    onChange();
                  }}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The urgent messages section on its own (the physician's inbox): loads the caller's threads itself. */
export function UrgentMessages({ title = 'Urgent messages' }: { title?: string }) {
  const [inbox, reload, refresh] = useLoad(async () => loadInbox((await loadSession()).subject));
  useLive(refresh, MESSAGE_EVENTS);
  return (
    <Section id="urgent" title={title}>
      <Show loaded={inbox} what="urgent messages" retry={reload}>
        {(i) => <UrgentList inbox={i} onChange={refresh} />}
      </Show>
    </Section>
  );
}
