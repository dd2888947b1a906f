/**
 * Support vocabulary for synthetic articles, in both languages. Real words matter: Pagefind
 * segments Chinese into words and stems English, so random characters would give an index
 * of a very different size and shape from a real help center's.
 */

/** A term and its translation; pairs let a zh-CN and an en article be about the same thing. */
export interface Term {
  'zh-CN': string;
  en: string;
}

const t = (zh: string, en: string): Term => ({ 'zh-CN': zh, en });

/** Things customers act on. */
export const OBJECTS: readonly Term[] = [
  t('账户密码', 'account password'),
  t('管理员权限', 'administrator permissions'),
  t('许可证', 'licence'),
  t('激活码', 'activation code'),
  t('桌面客户端', 'desktop client'),
  t('应用服务器', 'application server'),
  t('数据库连接', 'database connection'),
  t('备份文件', 'backup file'),
  t('导出任务', 'export job'),
  t('财务报表', 'financial report'),
  t('审批流程', 'approval workflow'),
  t('通知邮件', 'notification email'),
  t('短信验证码', 'SMS verification code'),
  t('单点登录', 'single sign-on'),
  t('双重验证', 'two-factor authentication'),
  t('接口密钥', 'API key'),
  t('回调地址', 'callback URL'),
  t('同步任务', 'sync job'),
  t('打印模板', 'print template'),
  t('电子发票', 'electronic invoice'),
  t('销售订单', 'sales order'),
  t('库存数量', 'stock level'),
  t('采购申请', 'purchase request'),
  t('用户组', 'user group'),
  t('角色权限', 'role permissions'),
  t('部门架构', 'department structure'),
  t('操作日志', 'audit log'),
  t('浏览器缓存', 'browser cache'),
  t('SSL 证书', 'SSL certificate'),
  t('防火墙规则', 'firewall rule'),
  t('代理设置', 'proxy settings'),
  t('移动端应用', 'mobile app'),
  t('安装包', 'installer'),
  t('升级补丁', 'update patch'),
  t('配置文件', 'configuration file'),
  t('自定义域名', 'custom domain'),
  t('时区设置', 'time zone setting'),
  t('附件存储空间', 'attachment storage'),
  t('登录会话', 'sign-in session'),
  t('访问令牌', 'access token'),
  t('客户档案', 'customer record'),
  t('工单', 'support ticket'),
  t('数据看板', 'dashboard'),
  t('导入模板', 'import template'),
  t('邮件服务器', 'mail server'),
  t('离线数据', 'offline data'),
];

/** What customers do to those things: [zh-CN verb, en verb]. */
export const ACTIONS: readonly Term[] = [
  t('重置', 'reset'),
  t('修改', 'change'),
  t('配置', 'configure'),
  t('启用', 'enable'),
  t('停用', 'disable'),
  t('导入', 'import'),
  t('导出', 'export'),
  t('同步', 'sync'),
  t('备份', 'back up'),
  t('恢复', 'restore'),
  t('删除', 'delete'),
  t('创建', 'create'),
  t('绑定', 'link'),
  t('解绑', 'unlink'),
  t('升级', 'upgrade'),
  t('安装', 'install'),
  t('卸载', 'uninstall'),
  t('激活', 'activate'),
  t('续期', 'renew'),
  t('查看', 'view'),
  t('清除', 'clear'),
  t('刷新', 'refresh'),
  t('上传', 'upload'),
  t('迁移', 'migrate'),
  t('授权', 'authorize'),
  t('撤销', 'revoke'),
  t('转移', 'transfer'),
  t('合并', 'merge'),
];

/** Where in the product it happens. */
export const PLACES: readonly Term[] = [
  t('管理后台', 'admin console'),
  t('系统设置页面', 'system settings page'),
  t('个人中心', 'profile page'),
  t('控制台', 'console'),
  t('桌面客户端', 'desktop client'),
  t('手机应用', 'mobile app'),
  t('浏览器', 'browser'),
  t('服务器端', 'server'),
  t('安装目录', 'installation folder'),
  t('组织架构页面', 'organization page'),
  t('集成中心', 'integrations page'),
  t('报表中心', 'reports page'),
];

/** Symptoms, as customers report them. */
export const SYMPTOMS: readonly Term[] = [
  t('提示“登录失败”', 'it says "Sign-in failed"'),
  t('页面一直加载', 'the page keeps loading'),
  t('无法保存修改', 'changes cannot be saved'),
  t('中文显示乱码', 'Chinese text shows as garbled characters'),
  t('显示权限不足', 'it says "Permission denied"'),
  t('连接超时', 'the connection times out'),
  t('数据没有同步', 'the data does not sync'),
  t('返回错误 500', 'it returns error 500'),
  t('收不到验证码', 'the verification code never arrives'),
  t('激活失败', 'activation fails'),
  t('导出的文件为空', 'the exported file is empty'),
  t('打印内容错位', 'the printout is misaligned'),
];

/** Buttons and menu items named in steps. */
export const BUTTONS: readonly Term[] = [
  t('设置', 'Settings'),
  t('保存', 'Save'),
  t('下一步', 'Next'),
  t('确定', 'OK'),
  t('高级选项', 'Advanced'),
  t('立即同步', 'Sync now'),
  t('重新生成', 'Regenerate'),
  t('导出', 'Export'),
  t('提交', 'Submit'),
  t('测试连接', 'Test connection'),
  t('添加成员', 'Add member'),
  t('安全设置', 'Security'),
];

/** Who does it. */
export const ROLES: readonly Term[] = [
  t('普通成员', 'regular members'),
  t('部门主管', 'department managers'),
  t('财务人员', 'finance staff'),
  t('系统管理员', 'system administrators'),
  t('外部协作者', 'external collaborators'),
  t('客服专员', 'support agents'),
];

/** What can go wrong if a step is skipped. */
export const RISKS: readonly Term[] = [
  t('数据丢失', 'losing data'),
  t('业务中断', 'interrupting work'),
  t('权限混乱', 'mixing up permissions'),
  t('重复提交', 'submitting twice'),
  t('配置被覆盖', 'overwriting the configuration'),
];

/** Product editions named in articles. */
export const EDITIONS: readonly Term[] = [
  t('标准版', 'Standard edition'),
  t('专业版', 'Professional edition'),
  t('企业版', 'Enterprise edition'),
  t('私有化部署版', 'self-hosted edition'),
];

/** Topics for the generated topics.yaml: a flat list, ids kebab-case. */
export const TOPICS: ReadonlyArray<{ id: string; name: Term }> = [
  { id: 'accounts', name: t('账户与登录', 'Accounts and sign-in') },
  { id: 'security', name: t('安全与双重验证', 'Security and two-factor') },
  { id: 'install', name: t('安装与升级', 'Installation and upgrade') },
  { id: 'licensing', name: t('许可证与激活', 'Licensing and activation') },
  { id: 'data', name: t('数据导入与导出', 'Data import and export') },
  { id: 'integrations', name: t('集成与 API', 'Integrations and API') },
  { id: 'performance', name: t('性能与稳定性', 'Performance and stability') },
  { id: 'billing', name: t('账单与发票', 'Billing and invoices') },
  { id: 'workflow', name: t('审批与工作流', 'Approvals and workflows') },
  { id: 'reports', name: t('报表与看板', 'Reports and dashboards') },
  { id: 'mobile', name: t('移动端', 'Mobile app') },
  { id: 'notifications', name: t('通知与邮件', 'Notifications and email') },
];

/** Team names used as article owners. */
export const OWNERS: readonly string[] = [
  'Accounts team · Min Wang',
  'Install team · Lei Zhang',
  'Billing team · Anna Schmidt',
  'Integrations team · Wei Chen',
  'Support desk · Fang Liu',
  'Data team · Omar Haddad',
];
