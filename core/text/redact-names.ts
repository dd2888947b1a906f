/**
 * Names and street addresses in running text, found by the words around them: a name the
 * ticket does not list ("客户张伟", "我是王小明", "Contact: John Smith", "Hi Anna,", a signature
 * under "Best regards,"), and addresses that end in a house number ("中关村大街27号",
 * "221 Baker Street"). Issue 17: a captured article must not carry the customer's name because
 * the helpdesk did not fill in the requester field.
 *
 * Cues are deliberately narrow: a capitalised word after "Hi" is a name, one after "version" is
 * not, so product names, versions and error codes survive.
 */

/** Common single-character Chinese surnames (the top hundred cover most people). */
// Surnames that also start everyday words (常见, 查阅, 管理, 高级, 金额, 方法…) are left out: a
// missed rare surname costs less than agents learning to ignore the checker.
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范廖贾夏韦付傅邹孟熊秦邱尹薛闫段雷侯史陶黎贺顾郝龚邵钱严覃武戴莫孔汤温康施樊葛邢乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿兰焦俞柳祝舒阮柯纪梅童凌毕季裴霍涂苗翁冉骆蓝游辛靳柴蒙鲍喻祁蒲滕屈饶牟艾尤阳穆卓缪芦麦褚娄窦戚岑晏卫瞿佟臧闵苟邬卞姬仇栾隋刁巫寇桑郎甄虞巩佘邝';
const SURNAME_CLASS = `[${SURNAMES}]`;
/** Characters that end a name: the verbs and particles that usually follow one ("张伟反馈", "王芳的"). */
const NOT_IN_NAME =
  '的了是在和与及说讲反馈称表示问要需无不没已想希遇登使用报提发咨询致电打来去回到看面度额端号名户们等都也就还又再被把将对从向给让请先女经总老师这那个有能会可以于为因所而或且但却并如若即便此其之下上中里外前后内间时后对';

const HAN = '\\u4e00-\\u9fff';
const ZH_CUES = '(?:客户|用户|顾客|联系人|姓名|申请人|报告人|提交人|来电人|我是|我叫|本人)';
/** A Chinese name after a cue: surname, then one or two given characters that are not particles. */
const ZH_CUED = new RegExp(`${ZH_CUES}\\s*[:：]?\\s*(${SURNAME_CLASS}[^${NOT_IN_NAME}\\P{sc=Han}][^${NOT_IN_NAME}\\P{sc=Han}]?)`, 'gu');
/** "张先生", "王女士": the surname alone is still the person. */
const ZH_TITLED = new RegExp(`(?<![${HAN}])(${SURNAME_CLASS})(?:先生|女士|小姐)`, 'g');

/** Capitalised words that are never a person's name after a greeting or a label. */
const NOT_A_NAME = new Set(
  (
    'The A An All Team Support Service Services Desk Help Helpdesk Customer Customers Everyone There Sir Madam Admin Administrator ' +
    'Inc Ltd Corp Company Group Department Dept IT HR Sales Billing Engineering Operations Ops Us Me You It This That Again ' +
    'Regards Thanks Thank Cheers Best Sincerely Kind Warm Good Morning Afternoon Evening Folks Guys Friends Colleagues Lumen ERP'
  ).split(' '),
);
const WORD = "[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?";
const NAME = `(?:(?:Mr|Mrs|Ms|Miss|Dr)\\.?\\s+)?(${WORD}(?: ${WORD}){0,2})`;
const EN_LABELLED = new RegExp(
  `\\b(?:Contact(?: person)?|Name|Customer|Requester|Reported by|Submitted by|Caller|Signed|Attn)\\s*:\\s*${NAME}\\b`,
  'g',
);
const EN_GREETING = new RegExp(`(?:^|\\n)[ \\t]*(?:Hi|Hello|Hey|Dear)\\s+${NAME}\\s*[,!:]`, 'g');
const EN_INTRO = new RegExp(`\\b(?:[Mm]y name is|I am|I'm)\\s+${NAME}(?=\\s*(?:[,.;!]|\\s+(?:from|at|of|here)\\b))`, 'g');
const EN_THIS_IS = new RegExp(`\\b[Tt]his is\\s+${NAME}(?=\\s+(?:from|at|here)\\b)`, 'g');
const EN_TITLED = new RegExp(`\\b(?:Mr|Mrs|Ms|Dr)\\.?\\s+(${WORD}(?: ${WORD})?)\\b`, 'g');
/** A closing line, then a line that is only a name: the e-mail signature. "-- " is RFC 3676's delimiter. */
const EN_SIGNATURE = new RegExp(
  `(?:^|\\n)[ \\t]*(?:(?:Best|Kind|Warm)? ?[Rr]egards|Best|Thanks|Thank you|Many thanks|Cheers|Sincerely|Yours(?: truly| sincerely)?|--)[ \\t]*,?[ \\t]*\\n[ \\t]*(${WORD}(?: ${WORD}){0,2})[ \\t]*(?=\\n|$)`,
  'g',
);
const ZH_SIGNATURE = new RegExp(
  `(?:^|\\n)[ \\t]*(?:谢谢|多谢|此致|敬礼|祝好|顺祝商祺)[！!，,。]?[ \\t]*\\n[ \\t]*(${SURNAME_CLASS}[${HAN}]{1,2})[ \\t]*(?=\\n|$)`,
  'g',
);

/** Each name the text introduces by a cue, as written (the redactor then replaces every mention). */
export function cuedNames(text: string): string[] {
  const found = new Set<string>();
  for (const re of [ZH_CUED, ZH_SIGNATURE]) for (const m of text.matchAll(re)) found.add(m[1]!);
  for (const m of text.matchAll(ZH_TITLED)) found.add(`${m[0]}`);
  for (const re of [EN_LABELLED, EN_GREETING, EN_INTRO, EN_THIS_IS, EN_TITLED, EN_SIGNATURE])
    for (const m of text.matchAll(re)) {
      const words = m[1]!.split(' ');
      if (words.some((w) => NOT_A_NAME.has(w))) continue;
      found.add(m[1]!);
    }
  return [...found];
}

/** Span of a street address in `text`, as [start, end) pairs. */
export interface AddressSpan {
  start: number;
  end: number;
}

// The road and house number anchor a Chinese address; the places before it (省, 市, 区) are
// taken back to the last cue word, so "寄到北京市海淀区…" keeps "寄到".
const ZH_ADDRESS = new RegExp(
  `[${HAN}]{1,30}?(?:路|街|大街|大道|巷|弄|胡同)\\s*\\d{1,5}(?:[-之]\\d{1,4})?\\s*号(?:\\s*(?:[\\dA-Za-z${HAN}-]{1,8}?)(?:栋|幢|座|楼|层|室|单元))*(?:\\s*\\d{1,5}室?)?`,
  'g',
);
const ZH_ADDRESS_CUE = /^.*(?:地址|住址|住在|寄到|寄往|送到|位于|搬到|在|是|于|：|:)/s;
const EN_STREET =
  'Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Square|Sq|Crescent|Close|Parkway|Highway|Hwy';
const EN_ADDRESS = new RegExp(
  `\\b(?:(?:Flat|Apt\\.?|Apartment|Suite|Unit)\\s*\\w{1,5},?\\s+)?\\d{1,5}[A-Za-z]?\\s+(?:[A-Z][a-z]+\\s+){1,4}(?:${EN_STREET})\\b\\.?(?:,?\\s+(?:Apt\\.?|Apartment|Suite|Unit|Floor|Fl\\.?)\\s*\\w{1,5})?`,
  'g',
);

/** Street addresses: a Chinese road with a house number (号), or an English number + street. */
export function findAddresses(text: string): AddressSpan[] {
  const spans: AddressSpan[] = [];
  for (const m of text.matchAll(ZH_ADDRESS)) {
    const cue = ZH_ADDRESS_CUE.exec(m[0].slice(0, m[0].search(/(?:路|街|大街|大道|巷|弄|胡同)\s*\d/)));
    const skip = cue ? cue[0].length : 0;
    spans.push({ start: m.index + skip, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(EN_ADDRESS)) spans.push({ start: m.index, end: m.index + m[0].replace(/\.$/, '').length });
  return spans;
}
