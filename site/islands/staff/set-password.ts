/**
 * /staff/set-password/?t=…: sets the password with the link's token. The token leaves the
 * address at once (history.replaceState), so it is not kept in the history or shown over a
 * shoulder; the page has no-referrer, so it never leaks in a Referer either.
 */
import { MIN_PASSWORD_LENGTH } from '../../../core/contracts/staff.ts';
import { staffFetch, StaffApiError } from './session.ts';
import { startStaffPage } from './shell.ts';

export async function startSetPasswordPage(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const token = params.get('t') ?? '';
  if (token) {
    params.delete('t');
    history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
  }
  const page = await startStaffPage({ signIn: false });
  const form = document.querySelector<HTMLFormElement>('[data-staff-password]')!;
  const status = form.querySelector<HTMLElement>('[data-staff-status]')!;
  const done = document.querySelector<HTMLElement>('[data-staff-done]')!;
  const toSignIn = document.querySelector<HTMLAnchorElement>('[data-staff-to-sign-in]')!;
  const password = form.elements.namedItem('password') as HTMLInputElement;
  const confirm = form.elements.namedItem('confirm') as HTMLInputElement;
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  const say = (text: string, tone: 'error' | 'info' | 'ok' = 'error') => {
    status.dataset.tone = tone;
    status.textContent = text;
  };
  if (!token) {
    say(page.t('password.noLink'));
    button.disabled = true;
    return;
  }
  password.focus();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (password.value.length < MIN_PASSWORD_LENGTH) return say(page.t('password.short'));
    if (password.value !== confirm.value) return say(page.t('password.mismatch'));
    say(page.t('password.saving'), 'info');
    button.disabled = true;
    try {
      const answer = await staffFetch<{ ok: true; email: string }>('/api/staff/password', {
        method: 'POST',
        json: { token, password: password.value },
        allowSignedOut: true,
      });
      form.hidden = true;
      done.hidden = false;
      toSignIn.href = `/staff/sign-in/?email=${encodeURIComponent(answer.email)}`;
      say(page.t('password.done'), 'ok');
      done.prepend(status);
    } catch (error) {
      button.disabled = false;
      const e = error instanceof StaffApiError ? error : null;
      if (e?.code === 'invalid_link') say(page.t('password.badLink'));
      else if (e?.details.some((d) => d.field === 'password')) say(page.t('password.short'));
      else say(e?.status === 0 ? page.t('signin.network') : (e?.message ?? page.t('error.generic')));
    }
  });
}
