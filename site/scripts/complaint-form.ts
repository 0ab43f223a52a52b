// Progressive enhancement only: the form works the same without it.
const form = document.querySelector<HTMLFormElement>('#klachtformulier');
const format = new Intl.NumberFormat(document.documentElement.lang === 'en' ? 'en-GB' : 'nl-NL');
const fill = (template: string | undefined, n: number) => (template ?? '').replace('{n}', format.format(n));
const text = {
  left: (n: number) => fill(form?.dataset['charsLeft'], n),
  over: (n: number) => fill(form?.dataset['charsOver'], n),
};

// A live count under each long text field, announced politely and only after typing pauses.
for (const area of form?.querySelectorAll<HTMLTextAreaElement>('textarea[data-max]') ?? []) {
  const max = Number(area.dataset['max']);
  const count = document.createElement('p');
  count.className = 'count';
  count.id = `${area.id}-count`;
  count.setAttribute('aria-live', 'polite');
  area.insertAdjacentElement('afterend', count);
  let timer: number | undefined;
  const update = () => {
    const left = max - area.value.length;
    count.textContent = left >= 0 ? text.left(left) : text.over(-left);
    count.classList.toggle('over', left < 0);
  };
  update();
  area.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, 400);
  });
}

// "What is new" only matters after "yes, I complained before": show it then.
const whatIsNew = form?.querySelector<HTMLElement>('[data-field="whatIsNew"]');
const earlier = form?.querySelectorAll<HTMLInputElement>('input[name="earlier"]') ?? [];
const reveal = () => {
  const yes = Array.from(earlier).some((input) => input.checked && input.value === 'ja');
  const hasError = whatIsNew?.classList.contains('field-error') ?? false;
  if (whatIsNew) whatIsNew.hidden = !yes && !hasError;
};
for (const input of earlier) input.addEventListener('change', reveal);
reveal();

// One click files one complaint: a second click while sending does nothing.
const button = form?.querySelector<HTMLButtonElement>('button[type="submit"]');
const label = button?.textContent ?? '';
form?.addEventListener('submit', (event) => {
  if (form.dataset['sending'] === 'true') {
    event.preventDefault();
    return;
  }
  form.dataset['sending'] = 'true';
  if (button) {
    button.setAttribute('aria-disabled', 'true');
    button.textContent = button.dataset['sending'] ?? button.textContent;
  }
});

// Back on this page from the browser's history: the form can be sent again.
window.addEventListener('pageshow', (event) => {
  if (!event.persisted || !form) return;
  form.dataset['sending'] = 'false';
  button?.removeAttribute('aria-disabled');
  if (button) button.textContent = label;
});

document.querySelector<HTMLElement>('#foutoverzicht')?.focus();
