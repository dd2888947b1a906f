/**
 * The strings of the staff shell (/staff/: sign-in, set-password, home, the header), in both
 * interface languages. Pages render English and the client re-labels `[data-i18n]` elements
 * (site/islands/staff/ui-lang.ts), as the dashboards do. A missing translation is a type
 * error. A staff page with strings of its own passes its dictionaries to startStaffPage.
 */
import type { Lang } from '../../../core/content/article.ts';
import type { Role } from '../../../core/contracts/roles.ts';

const en = {
  'staff.title': 'Staff',
  'staff.helpCenter': 'Help center',
  'nav.label': 'Staff pages',
  'nav.requests': 'Requests',
  'nav.comments': 'Comments',
  'nav.flags': 'Flags',
  'nav.insights': 'Insights',
  'nav.training': 'Training',
  'nav.reports': 'Reports',
  'ui.switch': '中文',
  'ui.switchLabel': 'Show these pages in Chinese',
  'session.signedInAs': 'Signed in as {name}',
  'session.signOut': 'Sign out',
  'session.signingOut': 'Signing out…',
  'session.noscript': 'The staff pages need JavaScript. 员工页面需要启用 JavaScript。',
  'signin.title': 'Staff sign-in',
  'signin.intro': 'Sign in with your work e-mail address and your password.',
  'signin.email': 'E-mail address',
  'signin.password': 'Password',
  'signin.submit': 'Sign in',
  'signin.checking': 'Signing in…',
  'signin.wrong': 'The e-mail address or the password is wrong.',
  'signin.disabled': 'This account is disabled. Ask an administrator.',
  'signin.limited': 'Too many failed attempts. Try again in {minutes} minutes.',
  'signin.empty': 'Enter your e-mail address and your password.',
  'signin.network': 'The server could not be reached. Try again.',
  'signin.expired': 'Your sign-in has ended. Sign in again.',
  'signin.forgot': 'Forgot your password? Ask an administrator for a new link (npm run user -- reset).',
  'password.title': 'Set your password',
  'password.intro': 'Choose a password of at least 10 characters. The link works once, for 24 hours.',
  'password.new': 'New password',
  'password.confirm': 'New password again',
  'password.submit': 'Set password',
  'password.saving': 'Saving…',
  'password.short': 'The password needs at least 10 characters.',
  'password.mismatch': 'The two passwords are not the same.',
  'password.noLink': 'This page needs the link you were sent. Ask an administrator for one.',
  'password.badLink': 'This link has expired, was used already or was replaced. Ask an administrator for a new one.',
  'password.done': 'Your password is set. You can sign in now.',
  'password.toSignIn': 'Go to sign-in',
  'home.title': 'Staff home',
  'home.intro': 'Where the support team works: requests from customers, comments and flags on articles, and the figures.',
  'home.welcome': 'Welcome, {name}.',
  'home.role': 'Your role: {role}.',
  'home.team': 'Team: {team}.',
  'home.requests': 'Customer requests: answer, escalate and resolve them.',
  'home.comments': 'Comments readers left on articles.',
  'home.flags': 'Articles flagged as outdated or wrong.',
  'home.insights': 'Self-service, search and support figures.',
  'home.training': 'Training needs, coverage and effect.',
  'home.reports': 'Reports and scorecards.',
  'role.agent': 'agent',
  'role.lead': 'team lead',
  'role.trainer': 'trainer',
  'role.manager': 'manager',
  'role.admin': 'administrator',
  'error.generic': 'Something went wrong. Try again.',
};

export type StaffKey = keyof typeof en;

const zh: Record<StaffKey, string> = {
  'staff.title': '员工',
  'staff.helpCenter': '帮助中心',
  'nav.label': '员工页面',
  'nav.requests': '工单',
  'nav.comments': '评论',
  'nav.flags': '标记',
  'nav.insights': '看板',
  'nav.training': '培训',
  'nav.reports': '报表',
  'ui.switch': 'English',
  'ui.switchLabel': '以英文显示这些页面',
  'session.signedInAs': '已登录：{name}',
  'session.signOut': '退出',
  'session.signingOut': '正在退出…',
  'session.noscript': 'The staff pages need JavaScript. 员工页面需要启用 JavaScript。',
  'signin.title': '员工登录',
  'signin.intro': '请用工作邮箱和密码登录。',
  'signin.email': '邮箱地址',
  'signin.password': '密码',
  'signin.submit': '登录',
  'signin.checking': '正在登录…',
  'signin.wrong': '邮箱地址或密码错误。',
  'signin.disabled': '此账号已停用，请联系管理员。',
  'signin.limited': '失败次数过多，请 {minutes} 分钟后再试。',
  'signin.empty': '请输入邮箱地址和密码。',
  'signin.network': '无法连接服务器，请重试。',
  'signin.expired': '登录已失效，请重新登录。',
  'signin.forgot': '忘记密码？请联系管理员获取新链接（npm run user -- reset）。',
  'password.title': '设置密码',
  'password.intro': '请设置至少 10 个字符的密码。链接只能使用一次，24 小时内有效。',
  'password.new': '新密码',
  'password.confirm': '再次输入新密码',
  'password.submit': '设置密码',
  'password.saving': '正在保存…',
  'password.short': '密码至少需要 10 个字符。',
  'password.mismatch': '两次输入的密码不一致。',
  'password.noLink': '此页面需要通过发给您的链接打开，请联系管理员。',
  'password.badLink': '此链接已过期、已使用或已被替换，请联系管理员获取新链接。',
  'password.done': '密码已设置，现在可以登录了。',
  'password.toSignIn': '前往登录',
  'home.title': '员工首页',
  'home.intro': '支持团队的工作台：客户工单、文章的评论和标记，以及各项指标。',
  'home.welcome': '欢迎，{name}。',
  'home.role': '您的角色：{role}。',
  'home.team': '团队：{team}。',
  'home.requests': '客户工单：答复、升级和解决。',
  'home.comments': '读者在文章下留下的评论。',
  'home.flags': '被标记为过时或有误的文章。',
  'home.insights': '自助服务、搜索和支持指标。',
  'home.training': '培训需求、覆盖率和效果。',
  'home.reports': '报表和考核。',
  'role.agent': '客服',
  'role.lead': '组长',
  'role.trainer': '培训师',
  'role.manager': '经理',
  'role.admin': '管理员',
  'error.generic': '出错了，请重试。',
};

/** A page's own strings, per language, merged over these (a staff page with more to say). */
export type StaffDictionaries = Record<Lang, Readonly<Record<string, string>>>;

export const STAFF_STRINGS: StaffDictionaries = { en, 'zh-CN': zh };

/** A shell string in `lang`, with `{name}` placeholders filled. */
export function staffTr(lang: Lang, key: StaffKey, vars: Record<string, string | number> = {}): string {
  return fill(STAFF_STRINGS[lang][key]!, vars);
}

/** `{name}` placeholders filled from `vars`. */
export const fill = (text: string, vars: Record<string, string | number> = {}) =>
  text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));

/** A role's name in `lang`. */
export const roleName = (lang: Lang, role: Role) => staffTr(lang, `role.${role}`);
