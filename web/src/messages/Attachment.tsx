import { useState } from 'react';
import { attachmentUrl } from './messaging';

/** An attachment as a thumbnail fetched through the console API (same origin, with the session); a PDF is a link. */
export function Attachment({ threadId, attachmentId, from }: { threadId: string; attachmentId: string; from: string }) {
  const [notImage, setNotImage] = useState(false);
  const url = attachmentUrl(threadId, attachmentId);
  if (notImage) {
    return (
      <a className="button secondary" href={url}>
        Download the attachment from {from}
      </a>
    );
  }
  return (
    <a className="thumb" href={url}>
      <img src={url} alt={`Photo from ${from} (select to download)`} loading="lazy" onError={() => setNotImage(true)} />
    </a>
  );
}
