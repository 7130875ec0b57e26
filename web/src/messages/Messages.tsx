import { useEffect, useRef, useState } from 'react';
import type { Session } from '../api';
import { Link } from '../shell/router';
import { Section, Show, formatDateTime, useLoad } from '../shell/states';
import { useLive } from '../shell/live';
import { Attachment } from './Attachment';
import { Compose } from './Compose';
import { AcknowledgeButton, MESSAGE_EVENTS, UrgentList } from './Urgent';
import {
  capital,
  loadInbox,
  markRead,
  messagesOf,
  personName,
  threadTitle,
  unreadBy,
  urgentStatus,
  waitingFor,
  type Inbox,
  type ThreadView,
} from './messaging';

/** Staff messaging: urgent messages waiting for me, the threads I take part in, and one thread to read and write. */
export function Messages({ session, threadId }: { session: Session; threadId?: string }) {
  const [inbox, reload, refresh] = useLoad(() => loadInbox(session.subject), [session.subject]);
  useLive(refresh, MESSAGE_EVENTS);
  return (
    <>
      <h1>Messages</h1>
      <Show loaded={inbox} what="your messages" retry={reload}>
        {(i) => (
          <>
            <Section id="urgent" title="Urgent, waiting for you">
              <UrgentList inbox={i} onChange={refresh} />
            </Section>
            <div className="messages-layout">
              <ThreadList inbox={i} selected={threadId} />
              {threadId === undefined ? (
                <p className="empty">Choose a thread to read its messages and write to it.</p>
              ) : i.threads.some((t) => t.id === threadId) ? (
                <ThreadPanel key={threadId} inbox={i} thread={i.threads.find((t) => t.id === threadId)!} onChange={refresh} />
              ) : (
                <p role="alert" className="error">
                  This thread could not be found, or you do not take part in it.
                </p>
              )}
            </div>
          </>
        )}
      </Show>
    </>
  );
}

function ThreadList({ inbox, selected }: { inbox: Inbox; selected?: string }) {
  return (
    <nav aria-labelledby="threads-title" className="card threads">
      <h2 id="threads-title">Threads</h2>
      {inbox.threads.length === 0 ? (
        <p className="empty">You take part in no thread yet.</p>
      ) : (
        <ul className="list">
          {inbox.threads.map((t) => {
            const unread = unreadBy(inbox.me, inbox.messages[t.id] ?? []).length;
            return (
              <li key={t.id}>
                <Link to={`/messages/${t.id}`} aria-current={t.id === selected ? 'page' : undefined}>
                  {threadTitle(t, inbox)}
                </Link>
                {unread > 0 && <span className="badge"> · {unread} unread</span>}
              </li>
            );
          })}
        </ul>
      )}
    </nav>
  );
}

function ThreadPanel({ inbox, thread, onChange }: { inbox: Inbox; thread: ThreadView; onChange: () => void }) {
  const [messages, reload, refresh] = useLoad(() => messagesOf(thread.id), [thread.id]);
  const [notice, setNotice] = useState<string | null>(null);
  useLive(
    () => {
      refresh();
    },
    (e) => e.threadId === thread.id,
  );
  // read receipts for what is shown, once per message
  const receipted = useRef(new Set<string>());
  useEffect(() => {
    if (messages.state !== 'ready') return;
    const unread = unreadBy(inbox.me, messages.data).filter((m) => !receipted.current.has(m.id));
    if (unread.length === 0) return;
    unread.forEach((m) => receipted.current.add(m.id));
    Promise.allSettled(unread.map(markRead)).then(onChange);
  }, [messages, inbox.me, onChange]);
  const waiting = new Set(messages.state === 'ready' ? waitingFor(inbox.me, messages.data).map((m) => m.id) : []);
  const title = threadTitle(thread, inbox);
  const name = (subject: string) => capital(personName(subject, inbox.people, inbox.me));

  return (
    <section className="card thread" aria-labelledby="thread-title">
      <h2 id="thread-title">{title}</h2>
      <p className="meta">Taking part: {thread.participants.map(name).join(', ')}.</p>
      {thread.huddle?.agenda && <p>Agenda: {thread.huddle.agenda}</p>}
      <div role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
      </div>
      <Show loaded={messages} what="messages" retry={reload}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty">No messages yet.</p>
          ) : (
            <ol className="messages" aria-label={`Messages in ${title}, oldest first`}>
              {[...list].reverse().map((m) => (
                <li key={m.id} id={`message-${m.id}`}>
                  <p className="meta">
                    <strong>{name(m.author)}</strong> · {formatDateTime(m.sentAt)}
                    {m.editedAt && !m.deleted ? ' (edited)' : ''}
                  </p>
                  {m.urgent && (
                    <p className="urgent-line">
                      <span className="badge critical">Urgent</span> {urgentStatus(m.urgent, inbox.people, inbox.me)}
                    </p>
                  )}
                  {m.deleted ? <p className="empty">This message was deleted.</p> : <p className="body">{m.body}</p>}
                  {!m.deleted && m.attachmentIds.length > 0 && (
                    <p className="thumbs">
                      {m.attachmentIds.map((a) => (
                        <Attachment key={a} threadId={thread.id} attachmentId={a} from={name(m.author)} />
                      ))}
                    </p>
                  )}
                  {waiting.has(m.id) && (
                    <div>
                      <AcknowledgeButton
                        message={m}
                        inbox={inbox}
                        onDone={(text) => {
                          setNotice(text);
                          refresh();
                          onChange();
                        }}
                      />
                    </div>
                  )}
                </li>
              ))}
            </ol>
          )
        }
      </Show>
      <Compose
        thread={thread}
        inbox={inbox}
        onSent={() => {
          refresh();
          onChange();
        }}
      />
    </section>
  );
}
