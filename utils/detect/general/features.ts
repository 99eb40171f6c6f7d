import { foldToString } from '../normalize';
import type { Concept } from './compose';

/**
 * Features of a candidate for the learned layer, shared by training (scripts/train-model.ts) and
 * the extension: on folded text, Chinese/Japanese runs give character bigrams and trigrams,
 * other scripts give words and word pairs. Numbers collapse to "0" so that "请30秒后再试" and
 * "请60秒后再试" are one feature.
 */
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/;

/**
 * Language-independent features: whether a candidate tells the visitor to retry, to contact
 * someone, or names a span of time, in any of the corpus' languages. A notice
 * in a language the model has few examples of shares these with the notices of every other
 * language ("请稍后再试", "riprova più tardi"), where its own words carry no weight yet.
 */
const ABSTRACT: ReadonlyArray<readonly [string, RegExp]> = [
  ['x:retry', /try again|retry|later|réessay|plus tard|erneut|später|intent[ae]|más tarde|tente novamente|mais tarde|riprov|più tardi|попробуйте|позже|повтор|спробуйте|пізніше|spróbuj|później|zkuste|později|probeer|tekrar dene|daha sonra|coba lagi|nanti|thử lại|ลองใหม่|ภายหลัง|再試行|後で|しばらく|다시 시도|나중에|حاول|لاحق|دوباره|稍后|再试|重试|稍候/u],
  ['x:contact', /contact|kontakt|contatt|свяжитесь|обратитесь|зверніться|skontaktuj|neem contact|iletişim|hubungi|liên hệ|ติดต่อ|お問い合わせ|문의|تواصل|اتصل|تماس|联系|客服|support|administrat/u],
  // Too many, too often: an excess, in any of the corpus' languages.
  ['x:excess', /too many|too much|too often|zu viele|zu oft|trop de|trop d'|troppi|troppe|troppo spesso|demasiad|te veel|teveel|te vaak|zbyt wiele|zbyt dużo|za dużo|zbyt często|příliš|слишком|занадто|забагато|çok fazla|çok sık|terlalu|quá nhiều|quá thường xuyên|มากเกินไป|บ่อยเกินไป|多すぎ|너무 많|너무 자주|كثيرة جدا|بیش از حد|过多|過多|频繁|頻繁|过于|過於/u],
  ['x:time', /second|minute|hour|seconde|sekunde|segundo|secondi|минут|секунд|час|годин|sekund|minut|godzin|saniye|dakika|saat|detik|menit|giây|phút|giờ|วินาที|นาที|ชั่วโมง|秒|分钟|時間|小时|초|분|시간|ثانية|دقيقة|ساعة|ثانیه|دقیقه|ساعت/u],
];

/** The concepts (compose.ts conceptsOf) whose words the folded text holds. */
function conceptFeatures(folded: string, concepts: readonly Concept[]): string[] {
  const keys: string[] = [];
  for (const c of concepts) if (!keys.includes(c.key) && c.re.test(folded)) keys.push(c.key);
  return keys;
}

export function featuresOf(text: string, concepts: readonly Concept[] = []): string[] {
  // Folded once: concepts read the words as written, the rest with numbers collapsed.
  const asWritten = foldToString(text.slice(0, 2000));
  const folded = asWritten.replace(/[0-9]+/g, '0');
  const out = new Set<string>(conceptFeatures(asWritten, concepts));
  for (const [name, re] of ABSTRACT) if (re.test(folded)) out.add(name);
  let run = '';
  const flushRun = () => {
    if (run.length === 1) out.add(run);
    for (let i = 0; i + 1 < run.length; i++) {
      out.add(run.slice(i, i + 2));
      if (i + 2 < run.length) out.add(run.slice(i, i + 3));
    }
    run = '';
  };
  let words: string[] = [];
  const flushWords = () => {
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (w.length > 1 || words.length === 1) out.add('w:' + w);
      if (i + 1 < words.length) out.add('w:' + w + ' ' + words[i + 1]);
      // Letter trigrams within a word carry meaning across inflections and related languages
      // (blocked, blockiert, bloqueado), which whole words cannot.
      if (w.length >= 4 && !/^[0-9]+$/.test(w)) {
        const b = `<${w}>`;
        for (let j = 0; j + 3 <= b.length; j++) out.add('c:' + b.slice(j, j + 3));
      }
    }
    words = [];
  };
  let word = '';
  for (const ch of folded) {
    if (CJK.test(ch)) {
      if (word) words.push(word), (word = '');
      flushWords();
      run += ch;
    } else if (ch === ' ') {
      flushRun();
      if (word) words.push(word), (word = '');
    } else {
      flushRun();
      word += ch;
    }
  }
  flushRun();
  if (word) words.push(word);
  flushWords();
  return [...out];
}
