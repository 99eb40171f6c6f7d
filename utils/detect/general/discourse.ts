/**
 * Talk about a notice is not a notice. A platform states a restriction in the second person
 * ("您的账号", "your account") or as the platform ("我们的系统", "our systems"); people who
 * write about one narrate ("我的账号被封了", "I've been blocked"), ask ("怎么办？"), or quote it
 * (“活动火爆”). These helpers find such sentences so that the general layer skips them.
 */

/** Sentences of a candidate, bounded: notices are a few short sentences. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[。！？!?；;\n])|(?<=[a-z0-9)"'’”][.])\s+(?=[A-Z0-9"'“‘(])/)
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, 40);
}

const FIRST_PERSON_ZH = /我(?!们|們|不是机器人|不是機器人)|俺|楼主|樓主|老铁|大佬|本人|求助|请问|請問|有没有人|有人知道|同问|同問/;
const FIRST_PERSON_EN = /\b(?:I|I'm|I’m|I've|I’ve|I'd|me|my|mine)\b(?! am not a robot| am human| not a robot|'m not a robot|’m not a robot)/;
const QUESTION = /[?？]\s*$|[吗嗎呢么麼]\s*[?？]?\s*$/;
const QUOTED = /“([^”]{1,80})”|"([^"]{1,80})"|「([^」]{1,80})」|『([^』]{1,80})』|‘([^’]{1,80})’|„([^“”]{1,80})[“”]/g;

/** Is the sentence someone talking about a notice (narrating, asking) rather than a notice? */
export function isTalk(sentence: string): boolean {
  return FIRST_PERSON_ZH.test(sentence) || FIRST_PERSON_EN.test(sentence) || QUESTION.test(sentence);
}

/** The quoted spans of a sentence (a notice quoted in an article or a thread). */
export function quotedSpans(sentence: string): string[] {
  const out: string[] = [];
  for (const m of sentence.matchAll(QUOTED)) out.push(m.slice(1).find((x) => x !== undefined) ?? '');
  return out;
}

/** A text in which two or more sentences narrate or ask is a discussion, whatever notices it quotes. */
export function isDiscussion(text: string): boolean {
  let n = 0;
  for (const s of sentences(text)) if (isTalk(s) && ++n >= 2) return true;
  return false;
}

/**
 * Titles of pages where people write about things (issue trackers, Q&A, forums, blogs, news):
 * a notice's words there name a topic. Platforms do not title their own notices this way.
 */
const CONTENT_SITE_TITLE = /· Issue #\d+|· Pull Request #\d+|· Discussion #\d+|\bGitHub\b|Stack Overflow|Stack Exchange|Super User|Server Fault|\bReddit\b|\br\/\w+|Quora|Medium|\bBlog\b|\bForum\b|\bForums\b|Community|- 知乎|知乎专栏|CSDN|博客园|简书|百度知道|百度贴吧|_贴吧|V2EX|SegmentFault|思否|掘金|吾爱破解|论坛|社区|博客|问答|新闻|资讯|- 哔哩哔哩|虎扑|豆瓣/i;

export function isContentSiteTitle(title: string): boolean {
  return CONTENT_SITE_TITLE.test(title);
}
