/**
 * What an element shows when its module could not be fetched (a flaky connection, a blocked CDN):
 * a message and *Try again*, in the page's language, inside the element itself so the patient
 * sees it where the content was to be. It is light DOM of the not-yet-defined element, added
 * beside (never instead of) what the page put there, so a clinic's own fields keep what was typed;
 * it is removed before a retry and once the element is defined.
 */

/** [message, button, what to add once a retry has failed too] */
const TEXT = {
  en: ['This part of the page could not load. Check your connection and try again.', 'Try again', 'If it keeps failing, reload the page.'],
  es: [
    'Esta parte de la página no se pudo cargar. Revise su conexión e inténtelo de nuevo.',
    'Intentar de nuevo',
    'Si sigue fallando, vuelva a cargar la página.',
  ],
} as const;

const FAILURE = 'vsee-load-failure';

/** The element's language as the elements work it out: `locale`, else the nearest `lang`. */
function language(el: Element): keyof typeof TEXT {
  const tag = el.getAttribute('locale') || el.closest('[lang]')?.getAttribute('lang') || '';
  return /^es\b/i.test(tag.trim()) ? 'es' : 'en';
}

export function showFailure(el: Element, retry: () => void, again: boolean): void {
  clearFailure(el);
  const [first, action, reload] = TEXT[language(el)];
  const message = again ? `${first} ${reload}` : first;
  const box = document.createElement('div');
  box.className = FAILURE;
  box.setAttribute('role', 'alert');
  const text = document.createElement('p');
  text.textContent = message;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = action;
  button.addEventListener('click', retry);
  box.append(text, button);
  el.prepend(box);
}

export function clearFailure(el: Element): void {
  for (const box of el.querySelectorAll(`:scope > .${FAILURE}`)) box.remove();
}
