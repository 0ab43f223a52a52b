// Replies by mail for the inbox tests: built by hand, byte for byte, so each test says exactly
// which headers a reply carries (an auto-reply's, a list's) and nothing else is added.

/** What a reply is made of; the rest is filled in. */
export interface ReplyParts {
  to: string;
  from?: string;
  subject: string;
  text: string;
  headers?: string[];
  photo?: Buffer;
  messageId?: string;
}

let serial = 0;
/**
 * A reply as a mail program sends it (RFC 5322, base64 text, an optional JPEG attached), with a
 * Message-ID of its own unless given.
 *
 * @example
 * await imap.deliver(replyMessage({ to: signed, subject: 'Re: Uw klacht', text: 'Dank u.' }));
 */
export function replyMessage(parts: ReplyParts): string {
  serial += 1;
  const head = [
    `From: Anna de Vries <${parts.from ?? 'anna@example.nl'}>`,
    `To: ${parts.to}`,
    `Subject: ${parts.subject}`,
    `Message-ID: ${parts.messageId ?? `<reply-${serial}-${Date.now()}@example.nl>`}`,
    'Date: Tue, 10 Nov 2026 09:30:00 +0100',
    'MIME-Version: 1.0',
    ...(parts.headers ?? []),
  ];
  const text = Buffer.from(parts.text).toString('base64');
  if (parts.photo === undefined)
    return [...head, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '', text, ''].join(
      '\r\n',
    );
  return [
    ...head,
    'Content-Type: multipart/mixed; boundary="grens"',
    '',
    '--grens',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    text,
    '--grens',
    'Content-Type: image/jpeg; name="IMG_0042.JPG"',
    'Content-Disposition: attachment; filename="IMG_0042.JPG"',
    'Content-Transfer-Encoding: base64',
    '',
    parts.photo.toString('base64').replace(/.{76}/g, '$&\r\n'),
    '--grens--',
    '',
  ].join('\r\n');
}
