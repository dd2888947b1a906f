/** /staff/: the welcome line with the signed-in name, role and team. */
import { roleName } from './strings.ts';
import { startStaffPage, type StaffPage } from './shell.ts';

export async function startStaffHome(): Promise<void> {
  const welcome = document.querySelector<HTMLElement>('[data-staff-welcome]')!;
  const role = document.querySelector<HTMLElement>('[data-staff-role]')!;
  const shown: { page?: StaffPage } = {};
  const draw = () => {
    const { page } = shown;
    const staff = page?.staff;
    if (!page || !staff) return;
    welcome.textContent = page.t('home.welcome', { name: staff.name });
    const team = staff.team ? page.t('home.team', { team: staff.team }) : '';
    role.textContent = [page.t('home.role', { role: roleName(page.lang(), staff.role) }), team].filter(Boolean).join(' ');
  };
  shown.page = await startStaffPage({ onLang: draw });
  draw();
}
