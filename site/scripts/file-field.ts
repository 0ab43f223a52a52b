// Progressive enhancement of the file question (site/components/files/FileField.astro); the form
// works without it. With it, each chosen file is checked at once (kind, size, number), photos are
// made smaller first (long side 2560 px, JPEG: a phone's 8 MB photo goes as about 1 MB, and loses
// its location data on the way), and every file goes in a post of its own to the check-at-once
// endpoint, which cleans and keeps it until the form is sent. The form itself then carries only
// the files' ids: no post is ever larger than one file, so on Netlify and Vercel (which refuse a
// body over about 4.5 MB before the function runs) nobody loses what they typed to a big file.
const field = document.querySelector<HTMLElement>('.file-field');
if (field) enhance(field);

interface Item {
  li: HTMLLIElement;
  name: string;
  state: 'working' | 'ready' | 'refused' | 'failed';
  message?: string;
  work?: Promise<void>;
}

const maxSide = 2560;
const photoTypes = ['image/jpeg', 'image/png', 'image/webp'];
const acceptedTypes = [...photoTypes, 'image/heic', 'image/heif', 'application/pdf'];
const acceptedExtensions = /\.(jpe?g|png|webp|heic|heif|pdf)$/i;

function enhance(field: HTMLElement): void {
  const input = field.querySelector<HTMLInputElement>('input[type="file"]');
  const list = field.querySelector<HTMLUListElement>('.file-list');
  const announce = field.querySelector<HTMLElement>('.file-announce');
  const form = input?.form;
  if (!input || !list || !announce || !form) return;
  const text = (name: string, fill = '') => (field.dataset[name] ?? '').replace('{name}', fill);
  const maxFiles = Number(field.dataset['maxFiles']);
  const maxBytes = Number(field.dataset['maxBytes']);
  const locale = field.dataset['locale'] === 'en' ? 'en' : 'nl';
  const number = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 });
  const size = (bytes: number) =>
    bytes >= 1024 * 1024
      ? `${number.format(bytes / (1024 * 1024))} MB`
      : `${number.format(Math.max(1, Math.round(bytes / 1024)))} kB`;
  const items: Item[] = [];

  // What only works with this script: shown now; the note for a page without it goes.
  for (const element of field.querySelectorAll<HTMLElement>('[data-needs-script], .file-scaled')) {
    element.hidden = false;
    if (element instanceof HTMLInputElement) element.disabled = false;
  }
  for (const element of field.querySelectorAll('[data-without-script]')) element.remove();

  const say = (message: string) => {
    announce.textContent = '';
    window.setTimeout(() => (announce.textContent = message), 50);
  };

  function row(name: string): { li: HTMLLIElement; status: HTMLElement; sizeText: HTMLElement } {
    const li = document.createElement('li');
    li.className = 'file-item';
    li.dataset['state'] = 'working';
    const label = document.createElement('span');
    label.className = 'file-name';
    label.textContent = name;
    const sizeText = document.createElement('span');
    sizeText.className = 'file-size';
    const status = document.createElement('span');
    status.className = 'file-status';
    li.append(label, sizeText, status);
    list?.append(li);
    if (list) list.hidden = false;
    return { li, status, sizeText };
  }

  function removeButton(item: Item): void {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'link-button file-remove';
    button.textContent = text('textRemove');
    const hidden = document.createElement('span');
    hidden.className = 'visually-hidden';
    hidden.textContent = ` ${item.name}`;
    button.append(hidden);
    button.addEventListener('click', () => {
      const at = items.indexOf(item);
      if (at !== -1) items.splice(at, 1);
      item.li.remove();
      if (list && items.length === 0) list.hidden = true;
      say(text('textRemoved', item.name));
      const next = items[at] ?? items[at - 1];
      (next?.li.querySelector<HTMLButtonElement>('.file-remove') ?? input)?.focus();
    });
    item.li.append(button);
  }

  function settle(item: Item, parts: ReturnType<typeof row>, state: Item['state'], message: string): void {
    item.state = state;
    item.message = message;
    item.li.dataset['state'] = state;
    parts.status.textContent = message;
    parts.status.classList.toggle('error-message', state === 'refused' || state === 'failed');
  }

  /** A photo made smaller as JPEG, or the file itself (not a photo, small already, or unreadable here). */
  async function scaled(file: File, parts: ReturnType<typeof row>): Promise<Blob> {
    if (!photoTypes.includes(file.type)) return file;
    let bitmap: ImageBitmap;
    try {
      bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    } catch {
      return file; // the server says what is wrong with it
    }
    const longSide = Math.max(bitmap.width, bitmap.height);
    if (longSide <= maxSide && file.size <= 2 * 1024 * 1024) return file;
    parts.status.textContent = text('textScaling');
    const factor = Math.min(1, maxSide / longSide);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * factor);
    canvas.height = Math.round(bitmap.height * factor);
    const context = canvas.getContext('2d');
    if (!context) return file;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    for (const quality of [0.85, 0.7, 0.55]) {
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
      if (blob && blob.size <= maxBytes) return blob;
    }
    return file;
  }

  async function send(item: Item, blob: Blob, parts: ReturnType<typeof row>): Promise<void> {
    parts.status.textContent = text('textChecking');
    const body = new FormData();
    body.append('locale', locale);
    body.append('bestand', blob, item.name);
    let response: Response;
    try {
      response = await fetch(field?.dataset['stageUrl'] ?? '', {
        method: 'POST',
        body,
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      });
    } catch {
      return failed(item, blob, parts, text('textFailed'));
    }
    const answer = (await response.json().catch(() => ({}))) as { id?: string; size?: number; message?: string };
    if (response.status === 201 && answer.id) {
      const id = document.createElement('input');
      id.type = 'hidden';
      id.name = 'bijlage';
      id.value = answer.id;
      item.li.append(id);
      parts.sizeText.textContent = size(answer.size ?? blob.size);
      settle(item, parts, 'ready', text('textReady'));
      say(text('textAdded', item.name));
      return;
    }
    if (response.status === 422 || response.status === 413) {
      settle(item, parts, 'refused', answer.message ?? text('textFailed'));
      say(item.message ?? '');
      return;
    }
    failed(item, blob, parts, answer.message ?? text('textFailed'));
  }

  function failed(item: Item, blob: Blob, parts: ReturnType<typeof row>, message: string): void {
    settle(item, parts, 'failed', message);
    say(message);
    const retry = document.createElement('button');
    retry.type = 'button';
    retry.className = 'link-button file-retry';
    retry.textContent = text('textRetry');
    retry.addEventListener('click', () => {
      retry.remove();
      item.state = 'working';
      item.li.dataset['state'] = 'working';
      item.work = send(item, blob, parts);
    });
    item.li.append(retry);
  }

  function add(file: File): void {
    const parts = row(file.name);
    const item: Item = { li: parts.li, name: file.name, state: 'working' };
    parts.sizeText.textContent = size(file.size);
    removeButton(item);
    const counted = items.filter((other) => other.state !== 'refused').length;
    items.push(item);
    const accepted = acceptedTypes.includes(file.type) || (file.type === '' && acceptedExtensions.test(file.name));
    if (counted >= maxFiles) return settle(item, parts, 'refused', text('textTooMany', file.name));
    if (!accepted) return settle(item, parts, 'refused', text('textType', file.name));
    item.work = (async () => {
      const blob = await scaled(file, parts);
      if (blob.size > maxBytes) return settle(item, parts, 'refused', text('textTooLarge', file.name));
      await send(item, blob, parts);
    })();
  }

  // Files the server kept for this form after an error: they can be removed here as well.
  for (const li of list.querySelectorAll<HTMLLIElement>('li.file-item')) {
    const item: Item = { li, name: li.querySelector('.file-name')?.textContent ?? '', state: 'ready' };
    items.push(item);
    removeButton(item);
  }

  input.addEventListener('change', () => {
    const chosen = Array.from(input.files ?? []);
    // The form never carries the bytes itself: each file goes in a post of its own.
    input.value = '';
    for (const file of chosen) add(file);
  });

  // Before the form's own handler (complaint-form.ts): wait for files still being checked, and
  // stop at files that were refused, with the error summary a server would give.
  form.addEventListener(
    'submit',
    (event) => {
      const working = items.filter((item) => item.state === 'working');
      if (working.length > 0) {
        event.preventDefault();
        event.stopImmediatePropagation();
        say(text('textWaiting'));
        void Promise.all(working.map((item) => item.work)).then(() => form.requestSubmit());
        return;
      }
      const wrong = items.filter((item) => item.state === 'refused' || item.state === 'failed');
      if (wrong.length === 0) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      showSummary(wrong.map((item) => item.message ?? ''));
    },
    { capture: true },
  );

  function showSummary(messages: string[]): void {
    document.querySelector('#foutoverzicht')?.remove();
    const summary = document.createElement('div');
    summary.className = 'error-summary';
    summary.id = 'foutoverzicht';
    summary.tabIndex = -1;
    summary.setAttribute('role', 'alert');
    summary.setAttribute('aria-labelledby', 'foutoverzicht-titel');
    const title = document.createElement('h2');
    title.id = 'foutoverzicht-titel';
    title.textContent = field?.dataset['textSummaryTitle'] ?? '';
    const ul = document.createElement('ul');
    for (const message of messages) {
      const li = document.createElement('li');
      const link = document.createElement('a');
      link.href = '#veld-bestanden';
      link.textContent = message;
      li.append(link);
      ul.append(li);
    }
    summary.append(title, ul);
    form?.before(summary);
    summary.focus();
  }
}
