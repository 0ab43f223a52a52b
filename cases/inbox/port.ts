/**
 * The inbox of the reply address, as the round sees it: a small port with one adapter, IMAP
 * (`imap.ts`). Nothing here reads a message's content; the round does.
 */

/** A message in the inbox, by its UID: its size and its header block (bounded). */
export interface InboxHead {
  uid: number;
  /** The size the server gives, in bytes. */
  size: number;
  /** The raw header block, at most the bytes asked for. */
  header: Uint8Array;
}

/** Which processed messages to delete. */
export interface ProcessedFilter {
  /** Those received before this moment (retention). */
  before?: Date;
  /** Those that name one of these references anywhere (erasure). */
  references?: readonly string[];
}

/** The inbox of the reply address. */
export interface Inbox {
  /** Where it is, for a person: "IMAP mail.example.nl:993 INBOX"; never a password. */
  readonly description: string;
  /** The oldest `limit` messages of the inbox with their headers (at most `maxHeaderBytes` each). */
  heads(limit: number, maxHeaderBytes: number): Promise<InboxHead[]>;
  /** The whole message, or undefined when it is gone or larger than `maxBytes`. Leaves it unread. */
  source(uid: number, maxBytes: number): Promise<Uint8Array | undefined>;
  /** Moves the message to the folder `Verwerkt`, made when missing. */
  markProcessed(uid: number): Promise<void>;
  /** Deletes messages from `Verwerkt`; how many. */
  removeProcessed(filter: ProcessedFilter): Promise<number>;
  /** How many messages `Verwerkt` holds. */
  processedCount(): Promise<number>;
  close(): Promise<void>;
}

/** The name of the folder a message goes to once it is on its case. */
export const processedFolder = 'Verwerkt';
