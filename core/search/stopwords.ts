/**
 * Words customers put around their question that say nothing about the problem
 * ("how do I", "怎么办"). Removing them lets an all-words search match; they are
 * never needed to find an article.
 */
export const ENGLISH_STOPWORDS = new Set(
  `a about after again all also am an and any are as at be because been before being but by can can't cannot could
  did didn't do does doesn't doing don't during each even every for from get gets getting got had has have having
  he her here hers him his how i i'm if in into is isn't it it's its just keep keeps let me might more most my
  myself need needs no nor not now of off on once one only or other our out over own please same she should so
  some still such than that the their them then there these they this those through to too trying try under until
  up us very want wants was wasn't way we were what what's when where whether which while who whom why will with
  won't would you your yours anyone anybody someone somebody something thing things really possible way ways`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Chinese filler, longest first so that "怎么办" is removed before "怎么". Single
 * characters here are function words that never carry the topic on their own.
 */
export const CHINESE_FILLERS = [
  '请问一下',
  '怎么回事',
  '是什么原因',
  '什么原因',
  '为什么会',
  '怎么办呢',
  '该怎么办',
  '应该怎么',
  '怎么样才能',
  '怎样才能',
  '如何才能',
  '有没有办法',
  '有什么办法',
  '能不能',
  '可不可以',
  '是不是',
  '怎么办',
  '怎么样',
  '为什么',
  '为啥',
  '怎么',
  '怎样',
  '如何',
  '什么',
  '请问',
  '一下',
  '一个',
  '一些',
  '某些',
  '只有',
  '才能',
  '可以',
  '我的',
  '我们的',
  '我们',
  '你们',
  '您好',
  '你好',
  '谢谢',
  '总是',
  '一直',
  '时候',
  '的话',
  '吗',
  '呢',
  '吧',
  '啊',
  '呀',
  '了',
  '的',
  '地',
  '得',
  '我',
  '你',
  '您',
  '在',
  '是',
  '把',
  '被',
  '让',
  '要',
  '想',
  '会',
  '能',
  '就',
  '都',
  '也',
  '还',
  '又',
  '和',
  '与',
  '或',
  '时',
];
