/**
 * What demo tickets are about, per topic of the demo taxonomy and language. Topics not
 * listed here (another content folder) get a subject from the topic's name.
 */
import type { Lang } from '../../core/content/article.ts';
import type { Topic } from '../../core/content/topics.ts';

const SUBJECTS: Record<string, Record<Lang, string[]>> = {
  'accounts-password': {
    'zh-CN': ['忘记密码，收不到重置邮件', '密码重置链接已过期'],
    en: ['Forgot password, reset email never arrives', 'Password reset link expired'],
  },
  'accounts-sso': {
    'zh-CN': ['SAML 登录报错 invalid audience', '换手机后双重验证无法登录'],
    en: ['SAML sign-in fails with invalid audience', 'Lost phone, cannot pass two-factor'],
  },
  'accounts-users': {
    'zh-CN': ['新同事看不到采购菜单', '席位不够，无法邀请成员'],
    en: ['New colleague cannot see the purchasing menu', 'No seats left to invite a user'],
  },
  accounts: {
    'zh-CN': ['如何把账户转给新的管理员', '两个账户能否合并'],
    en: ['Transfer account ownership to a new admin', 'Can two accounts be merged?'],
  },
  'install-desktop': {
    'zh-CN': ['安装报错 1603', '批量安装时提示权限不足'],
    en: ['Installer error 1603', 'Silent install fails with access denied'],
  },
  'install-upgrade': {
    'zh-CN': ['升级到 7.4 后数据库版本不匹配', '升级中断后无法启动'],
    en: ['Database version mismatch after upgrading to 7.4', 'Client will not start after an interrupted upgrade'],
  },
  install: {
    'zh-CN': ['有没有 Linux 客户端', '能否安装在终端服务器上'],
    en: ['Is there a Linux client?', 'Can the client run on a terminal server (RDS)?'],
  },
  licensing: {
    'zh-CN': ['激活失败 E-LIC-0042', '换电脑后激活码不能用'],
    en: ['Activation fails with E-LIC-0042', 'Activation code rejected on a new computer'],
  },
  data: {
    'zh-CN': ['导入提示日期格式无效', '导出 Excel 超过行数限制'],
    en: ['Import says invalid date format', 'Excel export hits the row limit'],
  },
  'integrations-api': { 'zh-CN': ['API 返回 429', 'API 令牌失效'], en: ['API returns 429 Too Many Requests', 'API token stopped working'] },
  'integrations-webhooks': {
    'zh-CN': ['Webhook 收不到推送', 'Webhook 签名校验失败'],
    en: ['Webhook deliveries not received', 'Webhook signature does not verify'],
  },
  integrations: {
    'zh-CN': ['能否对接钉钉或企业微信', '有没有 Zapier 集成'],
    en: ['Integration with DingTalk or WeCom?', 'Is there a Zapier integration?'],
  },
  performance: { 'zh-CN': ['客户端打开很慢', '月底报表运行卡住'], en: ['Client very slow to open', 'Month-end report freezes the client'] },
  reports: {
    'zh-CN': ['打印预览空白', '销售报表与单据对不上'],
    en: ['Print preview is blank', 'Sales report does not match the documents'],
  },
  mobile: { 'zh-CN': ['手机 App 一直同步中', 'App 登录后闪退'], en: ['Mobile app stuck on syncing', 'App crashes after sign-in'] },
  billing: {
    'zh-CN': ['续费扣款失败账户被暂停', '发票抬头开错了'],
    en: ['Renewal payment failed, account suspended', 'Invoice issued to the wrong company name'],
  },
  'support-process': {
    'zh-CN': ['工单多久能得到回复', '如何升级工单优先级'],
    en: ['How soon will my ticket be answered?', 'How do I raise a ticket priority?'],
  },
};

/** Ticket subjects for a topic in one language. */
export function subjectsOf(topic: Topic, lang: Lang): string[] {
  return (
    SUBJECTS[topic.id]?.[lang] ??
    (lang === 'zh-CN' ? [`${topic.name['zh-CN']}问题咨询`] : [`Question about ${topic.name.en.toLowerCase()}`])
  );
}
