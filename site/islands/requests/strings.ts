/** The customer request page's strings (site/pages/[lang]/requests/index.astro and its island), zh-CN and en. */
import type { Lang } from '../../../core/content/article.ts';

const en = {
  title: 'Your request',
  loading: 'Loading your request…',
  noKey: 'Open this page with the private link you received when you sent the request (it ends with ?k=…).',
  notFound: 'We could not find this request. Check that you opened the whole link.',
  failed: 'The request could not be loaded. Please try again in a few minutes.',
  noScript: 'This page needs JavaScript to show the conversation; your reply and the survey below still work without it.',
  reference: 'Reference',
  status: 'Status',
  conversation: 'Conversation',
  you: 'You',
  support: 'Support team',
  reply: 'Add a reply',
  replyLabel: 'Your reply',
  send: 'Send reply',
  sent: 'Your reply was added.',
  invalid: 'Please write a reply before sending.',
  closed: 'This request is closed. Please send a new request from the contact page.',
  surveyHeading: 'Did this solve your problem?',
  yes: 'Yes, solved',
  no: 'No, not solved',
  rating: 'How would you rate our help? (1 = poor, 5 = excellent)',
  comment: 'Comment (optional)',
  sendSurvey: 'Send answer',
  surveyError: 'Please say whether it is solved and choose a rating from 1 to 5.',
  surveyed: 'Thank you for your answer.',
  surveyDone: 'Your answer: {solved}, rated {rating} of 5.',
  solvedWord: 'solved',
  notSolvedWord: 'not solved',
  'status.new': 'Received',
  'status.open': 'In progress',
  'status.pending': 'Waiting for your reply',
  'status.solved': 'Resolved',
  'status.closed': 'Closed',
};

const zhCN: typeof en = {
  title: '您的请求',
  loading: '正在加载您的请求……',
  noKey: '请使用提交请求时收到的专属链接打开本页（链接以 ?k=… 结尾）。',
  notFound: '找不到该请求。请确认打开的是完整链接。',
  failed: '请求加载失败，请几分钟后重试。',
  noScript: '本页需要 JavaScript 才能显示对话；下面的回复和满意度调查无需 JavaScript 也能使用。',
  reference: '编号',
  status: '状态',
  conversation: '对话',
  you: '您',
  support: '客服团队',
  reply: '添加回复',
  replyLabel: '您的回复',
  send: '发送回复',
  sent: '您的回复已添加。',
  invalid: '请先填写回复内容。',
  closed: '该请求已关闭。请在联系页面提交新的请求。',
  surveyHeading: '问题解决了吗？',
  yes: '是，已解决',
  no: '否，未解决',
  rating: '您对我们的服务打几分？（1 = 很差，5 = 非常好）',
  comment: '意见（可选）',
  sendSurvey: '提交',
  surveyError: '请选择是否解决，并打 1–5 分。',
  surveyed: '感谢您的反馈。',
  surveyDone: '您的反馈：{solved}，评分 {rating}/5。',
  solvedWord: '已解决',
  notSolvedWord: '未解决',
  'status.new': '已收到',
  'status.open': '处理中',
  'status.pending': '等待您的回复',
  'status.solved': '已解决',
  'status.closed': '已关闭',
};

export type RequestPageKey = keyof typeof en;
const dictionaries: Record<Lang, typeof en> = { en, 'zh-CN': zhCN };

/** A string of the request page in `lang`, with {placeholders} filled. */
export function rs(lang: Lang, key: RequestPageKey, vars: Record<string, string | number> = {}): string {
  return dictionaries[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}
