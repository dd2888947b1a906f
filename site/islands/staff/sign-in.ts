/** /staff/sign-in/: sends e-mail and password, shows why a sign-in failed, and goes on to `?next=`. */
import { currentStaff, safeNext, signIn, StaffApiError } from './session.ts';
import { startStaffPage } from './shell.ts';

export async function startSignInPage(): Promise<void> {
  const page = await startStaffPage({ signIn: false });
  const next = safeNext(new URLSearchParams(location.search).get('next'));
  // Already signed in (a bookmark, the back button): straight on.
  if (page.staff && (await currentStaff())) {
    location.replace(next);
    return;
  }
  const form = document.querySelector<HTMLFormElement>('[data-staff-signin]')!;
  const status = form.querySelector<HTMLElement>('[data-staff-status]')!;
  const email = form.elements.namedItem('email') as HTMLInputElement;
  const password = form.elements.namedItem('password') as HTMLInputElement;
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  const say = (text: string, tone: 'error' | 'info' = 'error') => {
    status.dataset.tone = tone;
    status.textContent = text;
  };
  const fromAddress = new URLSearchParams(location.search).get('email');
  if (fromAddress) email.value = fromAddress;
  (email.value ? password : email).focus();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!email.value.trim() || !password.value) return say(page.t('signin.empty'));
    say(page.t('signin.checking'), 'info');
    button.disabled = true;
    try {
      await signIn(email.value.trim(), password.value);
      location.assign(next);
    } catch (error) {
      password.value = '';
      password.focus();
      const e = error instanceof StaffApiError ? error : null;
      if (e?.status === 401) say(page.t('signin.wrong'));
      else if (e?.code === 'account_disabled') say(page.t('signin.disabled'));
      else if (e?.status === 429) say(page.t('signin.limited', { minutes: Math.max(1, Math.ceil(e.retryAfter / 60)) }));
      else if (e?.status === 0) say(page.t('signin.network'));
      else say(e?.message ?? page.t('error.generic'));
    } finally {
      button.disabled = false;
    }
  });
}
