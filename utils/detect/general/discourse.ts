import { escape } from './compose';
import { NEGATED_RESTRICTION } from './frames-intl';

/**
 * Talk about a notice is not a notice. A platform states a restriction in the second person
 * ("您的账号", "your account") or as the platform ("我们的系统", "our systems"); people who
 * write about one narrate ("我的账号被封了", "I've been blocked"), ask ("怎么办？"), or quote it
 * (“活动火爆”). These helpers find such sentences so that the general layer skips them.
 */

/** Sentences of a candidate, bounded: notices are a few short sentences. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[。！？!?；;\n])|(?<=[a-z0-9)"'’”][.])\s+(?=[A-Z0-9"'“‘(])|(?<=\.\.\.|…)\s+|\s+(?=(?:What|Why|How|Can|Could|Do|Does|Is|Are|Should|Will|When|Where|Which|Who)\b[^.!?。！？\n]{0,80}\?)/)
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, 40);
}

const FIRST_PERSON_ZH = /我(?!们|們|不是机器人|不是機器人)|俺|楼主|樓主|老铁|大佬|本人|求助|请问|請問|有没有人|有人知道|同问|同問|(?:今天|昨天|最近|突然|刚才|剛才)發?发?现/;
// Letters on either side, not \b: in Czech "Omlouváme se" the "me" after "á" is no English word.
const FIRST_PERSON_EN = /(?<!\p{L})(?:I|I'm|I’m|I've|I’ve|I'd|me|my|mine)(?!\p{L})(?! am not a robot| am human| not a robot|'m not a robot|’m not a robot)/u;
const QUESTION = /[?？]\s*$|[吗嗎呢么麼]\s*[?？]?\s*$|^(?:what|why|how|can|could|do|does|did|is|are|should|will|when|where|which|who)\b[^.!]*$/i;
const QUOTED = /“([^”]{1,80})”|"([^"]{1,80})"|「([^」]{1,80})」|『([^』]{1,80})』|‘([^’]{1,80})’|„([^“”]{1,80})[“”]/g;

/** Questions and answers ("问：…答：", "Q: … A:"): a help text that quotes notices. */
const FAQ = /问[:：][^]{0,120}答[:：]|\bQ[:：][^]{0,200}\bA[:：]/i;
/**
 * A help centre's name for its questions (常见问题, FAQ): a help text when it also asks one. A wall
 * points to its own ("Please read this FAQ entry if this does not work", Wordfence) and asks nothing.
 */
const FAQ_NAME = /常见问题|常見問題|\bFAQs?\b|よくある質問/i;

/** A text that calls itself an article ("この記事では、次のエラーメッセージで…", "In this article"): a help page about a notice. */
const ARTICLE = /この記事では|本文(?:将|將)?(?:介绍|介紹|说明|說明)|\bin this (?:article|guide|tutorial)\b|\bthis article (?:explains|describes|shows|covers)\b|en este artículo|dans cet article|in diesem artikel|в этой статье|이 문서에서는|이 글에서는|trong bài viết này|neste artigo|in questo articolo/i;

/** Someone telling what happened to them ("我的账号被封了", "I've been blocked"); a question is not narration. */
export function isNarration(sentence: string): boolean {
  return (FIRST_PERSON_ZH.test(sentence) || FIRST_PERSON_EN.test(sentence)) && !QUESTION.test(sentence);
}

/**
 * Is the sentence someone talking about a notice (narrating, asking) rather than a notice? Walls
 * ask too ("Why have I been blocked?"), so a question only hides its own sentence.
 */
export function isTalk(sentence: string): boolean {
  return isNarration(sentence) || isQuestion(sentence);
}

export function isQuestion(sentence: string): boolean {
  return QUESTION.test(sentence);
}

/** The quoted spans of a sentence (a notice quoted in an article or a thread). */
export function quotedSpans(sentence: string): string[] {
  const out: string[] = [];
  for (const m of sentence.matchAll(QUOTED)) out.push(m.slice(1).find((x) => x !== undefined) ?? '');
  return out;
}

/**
 * A text in which people narrate is a discussion, whatever notices it quotes: two narrating
 * sentences, or one with a question. A wall's own questions ("What can I do to resolve this?") are not.
 */
export function isDiscussion(text: string): boolean {
  if (FAQ.test(text) || ARTICLE.test(text)) return true;
  const faq = FAQ_NAME.test(text);
  let narration = 0;
  let questions = 0;
  for (const s of sentences(text)) {
    if (isNarration(s)) narration++;
    else if (QUESTION.test(s)) questions++;
    if (narration >= 2 || (narration >= 1 && questions >= 1) || (faq && questions >= 1)) return true;
  }
  return false;
}

/**
 * Titles of pages where people write about things (issue trackers, Q&A, forums, blogs, news):
 * a notice's words there name a topic. Platforms do not title their own notices this way.
 */
const CONTENT_SITE_TITLE = /· Issue #\d+|· Pull Request #\d+|· Discussion #\d+|\bGitHub\b|Stack Overflow|Stack Exchange|Super User|Server Fault|\bReddit\b|\br\/\w+|Quora|Medium|\bBlog\b|\bForum\b|\bForums\b|Community|- 知乎|知乎专栏|CSDN|博客园|简书|百度知道|百度贴吧|_贴吧|V2EX|SegmentFault|思否|掘金|吾爱破解|论坛|社区|博客|问答|新闻|资讯|头条|- 哔哩哔哩|虎扑|豆瓣/i;

export function isContentSiteTitle(title: string): boolean {
  return CONTENT_SITE_TITLE.test(title);
}

/** URLs of pages where people write about things: issue trackers, Q&A, forums, blogs, news, help centres. */
const CONTENT_URL = /^https?:\/\/(?:(?:help|support|kf|service|bbs|forum|forums|blog|blogs|news|wiki|docs|faq|community|developer|developers|open|learn)\.[^/]+\/|(?:[^/]+\.)?(?:github\.com\/[^/]+\/[^/]+(?:\/(?:issues|pull|discussions|blob|tree|wiki)\/|\/?(?:$|[?#]))|gitee\.com\/[^/]+\/[^/]+\/issues|stackoverflow\.com\/questions|[^/]*stackexchange\.com\/questions|reddit\.com\/r\/|zhihu\.com\/question|zhuanlan\.zhihu\.com|tieba\.baidu\.com\/p\/|zhidao\.baidu\.com|v2ex\.com\/t\/|segmentfault\.com\/[aq]\/|juejin\.cn\/post|[^/]*csdn\.net\/|jianshu\.com\/p\/|cnblogs\.com\/|medium\.com\/|52pojie\.cn\/thread|[^/]+\/(?:[^?#]*\/)?(?:forum|forums|thread|threads|topic|topics|blog|blogs|news|article|articles|wiki|help|hc|faq|faqs|support|community|kb|docs?|contents|column|columns|guide|guides|questions?|answers?|discuss|discussion|knowledge[\w-]*)(?:[/.?#_=-]|$)))/i;
/** Help pages addressed by a query ("readtemplate?t=…/faq"). */
const FAQ_QUERY = /[?&](?:t|type|tpl|template|page)=[\w/-]*(?:faq|help)\b/i;

/**
 * A page where people write about things rather than a platform's own page: its headings and
 * blocks are topics and quotes, so only its dialogs and (when short) its whole text are judged.
 */
export function isContentPage(url: string, title: string | undefined): boolean {
  return CONTENT_URL.test(url) || FAQ_QUERY.test(url) || (!!title && (isContentSiteTitle(title) || (EXPLAINER_TITLE.test(title) && !WALL_QUESTION.test(title))));
}

/** The one question a wall asks in its title ("Are you a human?"): a challenge, not an article. */
const WALL_QUESTION = /^[\s\p{P}\p{S}]*(?:are you (?:a )?(?:human|robot|bot)|robot or human|human or (?:a )?(?:robot|bot)|êtes-vous un robot|¿?eres un robot|¿?es usted un robot|você é um robô|sind sie ein roboter|bist du ein roboter|sei un robot|вы робот|ты робот|czy jesteś robotem|robot musunuz|apakah anda robot|bạn là robot|ロボットですか|로봇입니까|你是机器人吗|您是机器人吗)[\s\p{P}\p{S}]*$/iu;

/** Titles that ask or explain ("What is…", "…怎么办", "Cara…", "…なぜ?原因と解除方法"): articles about a notice. */
const EXPLAINER_TITLE = /[?？]|^(?:what|why|how|can|is|are|does|do|should|when|where|cara|bagaimana|como|cómo|comment|pourquoi|warum|wie)\b|\b(?:how to|what to do|was tun|guide|tips|explained|reasons?|solution|solve|solving|fix|fixing|bypass|unblock|lösung|solución|solução|giải quyết|menyelesaikan)\b|怎么办|如何|为什么|为何|原因|解决|方法|攻略|教程|技巧|解除方法|的说明|的說明|対処法|原因と|해결|방법/i;

/**
 * A person's profile page (/user/…, /people/…, /@name, WeChat's profile_ext): there "this account
 * is banned" is said of the profile's owner, not of the visitor, unless the visitor is addressed.
 */
const PROFILE_URL = /^https?:\/\/[^/]+\/(?:[^?#]*\/)?(?:user|users|u|profile|profiles|people|member|members|space)(?:[/._?#=-]|$)|^https?:\/\/space\.bilibili\.com\/|^https?:\/\/[^/]+\/@[\w.-]+|[?&/]profile_ext\b/i;
// Indonesian "anda" (you), not Turkish "şu anda" (right now).
const SECOND_PERSON = /您|你|\byou\b|\byour\b|\byou're\b|あなた|お客様|당신|회원님|\bihr\b|\bdein\b|\bvotre\b|\bvous\b|\btu\b|\bsu\b|\bsua\b|\bvocê\b|\bваш|\bвы\b|\bkamu\b|(?<!şu )\banda\b|\bbạn\b|คุณ|hesabınız/i;

/** Sign-in and sign-up pages under the same paths (MyBB's member.php?action=login) are not profiles. */
const SIGN_IN_ACTION = /[?&](?:action|do|mode)=(?:login|do_login|register|do_register|lostpw|resetpassword|activate)\b/i;
/** Nor are a user area's sign-in, sign-up and API paths (/index/user/login, /app-api/member/auth/login, Devise's /users/sign_in), nor the page that tells the visitor their account's state (/users/account-suspended). */
const SIGN_IN_PATH = /^https?:\/\/[^/]+\/(?:[^?#]*\/)?(?:api|app-api|log[-_]?in|sign[-_]?in|log[-_]?on|register|sign[-_]?up|auth|oauth|check[-_]?in|password|forgot|reset|verify|(?:account[-_])?(?:suspended|banned|locked|blocked|disabled|deactivated|restricted))(?:[/._?#=-]|$)/i;

export function isProfilePage(url: string): boolean {
  return PROFILE_URL.test(url) && !SIGN_IN_ACTION.test(url) && !SIGN_IN_PATH.test(url);
}

export function addressesVisitor(text: string): boolean {
  return SECOND_PERSON.test(text);
}

/**
 * Another person as the subject ("this user is banned", "该用户已被封禁"), or the shop or merchant the
 * visitor deals with ("该门店已被冻结", "该商户支付权限已被取消", "has blocked this vendor"): shown on a profile, a comment, a member
 * list or a checkout, it says nothing of the visitor. ("This account" is left out: a
 * suspended account's own page says it to its owner.)
 */
const ANOTHER_PERSON = /\bthis (?:user|member|person|seller|vendor|merchant)\b|\b(?:by )?another (?:user|member)\b|\bthe (?:user|member) (?:was|has been)\b|\b(?:was|were|has been|have been) blocked by the (?:user|recipient)\b|مستخدم [آأا]خر|对方|對方|该用户|此用户|該用戶|此用戶|该会员|该店铺|该门店|该商户|该商家|該店鋪|該門店|該商戶|該商家|このユーザー|この会員|この出品者|이 사용자|이 회원|этот пользователь|этого пользователя|dieser benutzer|dieses mitglied|cet utilisateur|cet membre|este usuario|este usuário|questo utente|bu kullanıcı|pengguna ini|người dùng này|ผู้ใช้นี้|ten użytkownik|\btheir (?:suspension|ban|account)\b|\bthis profile\b|このプロフィール|이 프로필|этот профиль|dieses profil|ce profil|este perfil|questo profilo|bu profil|profil ini|hồ sơ này|ten profil|tento profil|dit profiel/i;

/** A name filled in at run time as the subject ("%s 已经被禁止登录", "{user} has been banned"): a named member, not "you". */
const NAMED_SUBJECT = /^\s*(?:%\d?\$?s|\{\{?\s*\w+\s*\}?\}|:[a-z_]+|\$\w+)\s*(?:已经?被|已經?被|被|has been|was|is (?:now )?(?:banned|blocked|suspended|locked|muted))/i;

export function aboutAnotherPerson(text: string): boolean {
  return ANOTHER_PERSON.test(text) || NAMED_SUBJECT.test(text);
}

/**
 * The site itself is out of service for everyone (over its plan's quota, a broken edge function, a
 * domain its host does not know): an outage that says so, not a refusal of this visitor.
 */
const SITE_OUTAGE = /系統維護|系统维护|維護通知|维护通知|\bscheduled maintenance\b|\bunder maintenance\b|\bowner has reached\b|\breached (?:their|its|the) (?:plan|usage|quota|bandwidth)|\bplan limits?\b|\blambda function\b[^.]{0,80}\binvalid\b|\b(?:this|the) (?:website|site|app|service) has (?:exceeded|run out)|流量已用完|已欠费|站点已过期|域名未备案|\bunknown domain\b|\bdomain has been added to a service\b|\bno such app\b|\bthere isn't a github pages site here\b|niet beschikbaar\. onze excuses|excuses voor het ongemak|diensten [^.]{0,40}niet beschikbaar|services? (?:are|is) (?:currently |temporarily )?unavailable\. we apologi[sz]e|nicht verfügbar\. wir entschuldigen|\bNoSuchBucket\b|\bDEPLOYMENT_NOT_FOUND\b/i;

/**
 * A server or network failure (the origin is down, a gateway timed out): the same vendors' error
 * pages as their walls, but nobody was refused.
 */
const CONNECTIVITY = /\bconnection timed out\b|\ba timeout occurred\b|\borigin dns error\b|\bunable to resolve (?:your |the )?requested domain\b|\binvalid ssl certificate\b|\bweb server is returning an unknown error\b|\bweb server is down\b|\bbad gateway\b|\bgateway time-?out\b|\borigin (?:is )?unreachable\b|\bestablish a connection with the origin\b|\bcould not (?:connect|resolve) (?:to )?(?:the )?origin\b|\bssl handshake failed\b|\bdns resolution error\b|\bdns failure\b|ausfall des dns|\bdns-dienst|gagal terhubung|\btemporarily unable to service your request\b|\baccess denied for user '/i;

/**
 * An order's coupon that does not meet its conditions of use (a minimum spend) or its usage limit
 * (once per customer, already claimed): the same rule for every customer, an ordinary answer.
 */
const CONDITIONS = /\bin conjunction with\b|الحد الأدنى|[أا]قل سعر|mindestbestellwert|mindestbetrag|montant minimum|minimum d'achat|pedido mínimo|compra mínima|valor mínimo|importo minimo|ordine minimo|минимальн[а-я]* сумм|мінімальн[а-яі]* сум|minimaln[a-z]* (?:kwot|wartoś)|minimální (?:částk|hodnot)|minimum (?:sipariş|tutar)|minimal (?:pembelian|belanja)|giá trị (?:đơn hàng )?tối thiểu|最低消费|最低消費|最低購入金額|최소 (?:주문|구매) 금액|\bcannot be combined with\b|不满足使用条件|未满足使用条件|不满足满减|未达到使用门槛|未达使用门槛|不满足使用门槛|\bminimum (?:order|purchase|spend)\b|\bdoes not meet the minimum\b|\bmore than once\b|\busage limit\b|\bmaximum (?:allowed )?(?:number of )?(?:times|uses)\b|\bused maximum allowed times\b|\balready (?:been )?(?:used|redeemed|claimed)\b|batas penggunaan|limite d'utilisation|límite de uso|limite de uso|limite di utilizzo|nutzungslimit|limit użycia|kullanım limiti|giới hạn sử dụng|лимит использования|ліміт використання|资格已(?:经)?用尽|只能抢购一件|每人限购|限购一件|使用上限|使用制限に達|有効期間を過ぎ|有効期限(?:が|を)?(?:切れ|過ぎ)|使用回数を超え|사용 한도|محدودیت استفاده|حد الاستخدام|limite d['’]utilisations?|gebruikslimiet|limit wykorzystania|kullanım sınırı|使用次数超限|已领取过|已经领取过|已领过|已使用过|使用次数已达上限|领取次数已达上限/i;

/** A page or address that does not exist: nothing was refused. */
const MISSING = /\b(?:page|url|file) (?:was )?not found\b|\bthe link you followed may be broken\b|\bthe page may have been removed\b|\b(?:this |the )?page (?:doesn't|does not|doesn’t) exist\b|\bwas not found on this server\b|\bmethod not allowed\b|\bmisdirected request\b|\bdue to invalid credentials\b|凭据无效|\binvalid url\b|\bthe requested url [^.]{0,60}\bis invalid\b|页面不存在|页面找不到|找不到(?:该|此|您要访问的)?页面|网页不存在|您要访问的页面不存在|ページが見つかりません|페이지를 찾을 수 없습니다|página no encontrada|no se (?:ha )?encontr(?:ó|ado) la página|no corresponde a ninguna página|page (?:est )?introuvable|page non trouvée|ne correspond à aucune page|seite (?:wurde )?nicht gefunden|página não encontrada|pagina non trovata|страница не найдена|сторінк[уа] не знайден[оа]|nie znaleziono strony|strona nie została znaleziona|stránka nebyla nalezena|stránka nenalezena|pagina niet gevonden|sayfa bulunamadı|halaman tidak ditemukan|không tìm thấy trang|ไม่พบหน้า|الصفحة غير موجودة|لم يتم العثور على الصفحة|صفحه (?:مورد نظر )?یافت نشد|頁面不存在|找不到網頁/i;

/**
 * An HTTP error page of a server or its front end (500, 502, 503, Google's 404, a server unavailable,
 * maintenance): the page a crawl meets most often after ordinary ones. Its words ("the requested
 * URL", "not available", "try again in 30 seconds") are also a wall's, so the model's guess alone
 * does not make it one; a frame's words of refusal still do. (What says nobody was refused at all —
 * "was not found on this server", 405, 421, "That’s an error.", scheduled maintenance — is
 * isNotARefusal's, which judgeWords asks first.)
 */
const SERVER_FAULT = /服务器(?:似乎)?遇到了?|服务器(?:当前|暂时)?无法处理|由于过载|正在进行维护|服务器内部错误|\b404\b[^.]{0,40}\bnot found\b|^\W*not found\b|\binternal server error\b|\bserver error\b|\bservice (?:is )?(?:temporarily )?unavailable\b|\bnot available at this time\b|\bencountered (?:an internal|a temporary) error\b|\b(?:is|are) (?:currently |temporarily )+unavailable\b|凭据查看|(?:网络|網絡|網路)(?:链接|连接|連接|连线|連線|请求|請求)?(?:异常|错误|不给力|超时|異常|錯誤|逾時)[\s,，。!！]*[请請]|сервер недоступен|сервер недоступний|serveur (?:est )?indisponible|server (?:ist )?nicht erreichbar|servidor no disponible|servidor indisponível|server non disponibile|server niet beschikbaar|serwer (?:jest )?niedostępny|server je nedostupný|sunucu(?:ya)? (?:erişilemiyor|kullanılamıyor)|server tidak tersedia|máy chủ không khả dụng|服务器(?:暂时)?不可用|サーバーが利用できません|서버를 사용할 수 없|\bmaintenance mode\b|техническ[а-яё]* обслуживани|технічн[а-яіїє]* обслуговуванн|wartungsarbeiten|wartungsmodus|en maintenance|en mantenimiento|em manutenção|in manutenzione|in onderhoud|przerwa techniczna|prace konserwacyjne|probíhá údržba|bakım çalışması|sedang dalam pemeliharaan|đang bảo trì|メンテナンス中|점검 중|维护中|維護中/i;

/** …unless it gives the visitor as the reason ("because a device from your location is sending large amounts of requests"). */
const VISITOR_REASON = /\bbecause\b|\bfrom your (?:location|network|ip|region|country|device|computer)\b|\byour (?:ip|device|network|browser|location)\b/i;

/** A page whose whole text is a JSON object: an API's answer shown as a page, read by the network rules, not judged as a page's words. */
const JSON_TEXT = /^\s*\{[\s\S]*\}\s*$/;

export function isServerFault(text: string): boolean {
  return (SERVER_FAULT.test(text) && !VISITOR_REASON.test(text)) || JSON_TEXT.test(text);
}

/** Content held back to protect the visitor's privacy (a mail client's remote images): done for them, not to them. */
const FOR_PRIVACY = /(?:protect|protéger|proteger|schützen|schutz|proteggere|защит|захист|ochran|chronić|ochron|korum|melindungi|bảo vệ|ปกป้อง|保護|보호|حماية|محافظت|保护)[^.]{0,30}(?:privacy|vie privée|privacidad|privacidade|privatsphäre|riservatezza|конфиденциальн|конфіденційн|prywatnoś|soukromí|gizlilik|privasi|quyền riêng tư|ความเป็นส่วนตัว|プライバシー|개인정보|خصوصي|حریم|隐私)/i;

/**
 * A warning before any block: attempts are left ("您还可以再尝试3次", "2 attempts remaining"), so the
 * visitor has not been refused yet, whatever the lock it announces ("连续登录失败5次，账号将锁定").
 */
const ATTEMPTS_LEFT = /还可以?再?尝试|還可以?再?嘗試|还[剩有]\s*\S{0,6}次(?:机会|尝试)?|剩余(?:尝试)?次数|剩余\s*\d+\s*次|剩餘\s*\d+\s*次|\b\d+ (?:more )?(?:attempts?|tries) (?:left|remaining)\b|\b(?:attempts?|tries) (?:left|remaining)\b|\bremaining (?:attempts|tries)\b|verbleibende versuche|tentatives? restantes?|intentos? restantes|tentativas? restantes|tentativi rimanenti|осталось \S+ попыт|залишилось \S+ спроб|pozostał[oay]? \S+ prób|kalan deneme|sisa (?:percobaan|upaya)|còn \S+ lần thử|残り\S{0,4}回|남은 시도/i;

/**
 * An administrator's setting, not a notice to the visitor: a default or a "0 means no limit" beside
 * the value ("單個 IP 發言頻率限制（條/10分鐘），0 為無限制，預設：10"), or the count of attempts
 * allowed before an account is locked, or a help text about "this setting".
 */
const SETTING = /(?:请|請)(?:更改|修改|调整|調整)\S{0,4}(?:间隔|間隔)|\bplease (?:change|adjust|increase) the interval\b|默认[:：值]|預設[:：值]|\b0\s*[为為]\s*[无無不]限制|[为為]\s*0\s*[则則]?[不无無]限制|留空[则則]|[（(][条條]\s*\/|\bdefault(?: value)?\s*[:：]|\b0\s*(?:=|means|for) (?:unlimited|no limit|disabled?)\b|\bbefore (?:the |an |a )?(?:user'?s? )?(?:account )?(?:is |gets |being )?(?:locked|locked out|blocked|banned)\b|锁定前|封禁前|鎖定前|ロックされる前|キャンセルされる前|kilitlenmeden önce|avant (?:le |que le compte ne soit )?(?:verrouillage|verrouillé|bloqué)|antes de (?:que se )?bloque|bevor (?:das |ein )?(?:konto|benutzerkonto)? ?(?:gesperrt|blockiert)|\b(?:this|the above) (?:setting|option)\b|开启后|開啟後|启用后|啟用後|\b(?:here )?you can (?:set|configure|change|adjust) (?:how|the|a|whether)\b|此设置|该设置|此設定|該設定|この設定|이 설정|위의 설정|diese einstellung|ce paramètre|cette option|esta (?:configuración|configuração|opción|opção)|questa (?:impostazione|opzione)|эт(?:от|а) (?:параметр|настройк)|bu ayar|pengaturan ini|cài đặt này|to ustawienie|ustawienie to|tato volba|toto nastavení|deze instelling/i;

/**
 * A limit stated with a slot for its value ("同一 IP 发布评论的时间间隔限制为 %s 分钟", "limited to {count}
 * per hour") that neither speaks to the visitor nor tells them to wait: a setting's label.
 */
const POLICY_VALUE = /(?:限制为|限制為|limited to|limit of)\s*(?:%\d?\$?[sd]|\{\w*\}|\$\w+|:\w+)/i;
/** A count per period named as a setting ("API每分钟限制请求数", "每日最多发送次数"): a label that ends in the count it sets. */
const COUNT_LABEL = /每(?:秒|分钟|分鐘|小时|小時|天|日|月)[^，。,.!！?？\s]{0,10}(?:次数|次數|数|數)\s*[:：]?\s*$/;
const WAIT = /请(?!求)|請(?!求)|稍后|稍後|再试|再試|try again|wait/i;

function isPolicyLabel(text: string): boolean {
  return (POLICY_VALUE.test(text) || COUNT_LABEL.test(text)) && !SECOND_PERSON.test(text) && !WAIT.test(text);
}

/**
 * An action that succeeded ("Banned user successfully.", "Utente disabilitato con successo."): the
 * visitor did something, nobody refused them. "Not successful" (nicht erfolgreich, không thành công)
 * is a failure and stays a candidate; so does "验证成功后，可进行下一步操作" (what follows a verification
 * still to pass).
 */
const ACTION_SUCCEEDED = /(?<!un)\bsuccessfully\b|(?<!nicht )\berfolgreich\b|avec succès|con éxito|com sucesso|con successo|(?<!не )успешно|\bpomyślnie\b|\bbaşarıyla\b|(?<!không )thành công|(?<!ไม่)สำเร็จแล้ว|正常に完了|성공적으로|操作成功|\bzweryfikowano\b|验证成功(?!后)|驗證成功(?!後)|vérification réussie|verificación exitosa/i;

/**
 * Nothing refused, something absent or private: no such user ("Böyle bir kullanıcı mevcut değil", "user
 * not found"), a profile its owner made private ("Tento účet je soukromý", "This account is private"),
 * or a name the visitor must change ("Nie możesz użyć tej nazwy użytkownika. Proszę wybierz inną.").
 */
const ABSENT_OR_PRIVATE = /\b(?:user|account) (?:was )?not found\b|\bno such (?:user|account)\b|\bkullanıcı (?:mevcut değil|bulunamadı)|benutzer (?:nicht gefunden|existiert nicht)|utilisateur (?:introuvable|inexistant)|usuario no (?:encontrado|existe)|usuário não (?:encontrado|existe)|utente non (?:trovato|esiste)|пользователь не найден|użytkownik nie (?:istnieje|został znaleziony)|pengguna tidak ditemukan|không tìm thấy người dùng|ユーザーが(?:見つかりません|存在しません)|사용자를 찾을 수 없|用户不存在|用戶不存在|(?:account|profile|účet|konto|compte|cuenta|conta|profilo|аккаунт|профиль|hesap|akun|tài khoản|アカウント|계정|账号|帐号|賬號)\s*(?:is|ist|je|jest|est|es|é|è|является)?\s*(?:private|privat|soukromý|prywatne|privé|privado|privada|privato|приватный|закрыт|gizli|pribadi|riêng tư|非公開|비공개|私密)(?![a-z])|(?:choose|pick) (?:another|a different)|(?:wähle|wählen sie) (?:einen )?(?:anderen|andere)|(?:choisissez|choisis) (?:un )?autre|(?:elige|elija) otr[oa]|(?:escolha|escolhe) outr[oa]|scegli(?:ne)? un altro|выберите друг|wybierz inn|zvolte jin|kies een ander|başka bir (?:tane )?seç|pilih (?:yang )?lain|chọn (?:một )?(?:tên )?khác|別の(?:ユーザー名|名前)を|다른 (?:이름|아이디)(?:을|를) 선택|请选择其他|請選擇其他/i;

/**
 * An offer's own limit per customer, or the visitor's earlier use of it ("Este cupón sólo se puede
 * utilizar una vez por usuario", "您已参与过此活动，每位用户限购一次", "coupon code cannot be used more than
 * %d time(s) per customer"): the same rule for everyone, not a refusal of this visitor
 * (docs/notices.md, coupon limits). Limits of the visitor's actions (codes sent, replies posted, sign-in
 * attempts) are rate limits and stay candidates: only an offer's limit is meant here. Words that name
 * a usage limit on their own ("more than once", "usage limit", "already redeemed") are CONDITIONS';
 * these need an offer beside them.
 */
const OFFER = /coupon|voucher|promo|discount code|gutschein|cupón|cupom|cupão|codice|купон|промокод|kupon|kupón|kod rabatowy|kortingscode|waardebon|bon de réduction|mã (?:giảm giá|khuyến m)|คูปอง|クーポン|쿠폰|قسيمة|كوبون|كود الخصم|کوپن|优惠|優惠|券|劵|红包|紅包|活动|活動|抽奖|抽獎|秒杀|秒殺|兑换|兌換|领取|領取|赠品|礼品/i;
const USAGE_LIMIT = /\b(?:per (?:customer|user|person|account)|once per|time\(s\) per)\b|einmal pro|pro kunde|pro benutzer|bereits verwendet|bereits eingelöst|bereits in einer|une fois par|par client|par utilisateur|déjà utilisé|una vez por|por cliente|por usuario|ya ha utilizado|ya has utilizado|uma vez por|por usuário|já utilizou|já usou|só pode usar|una volta per|per cliente|per utente|già utilizzato|один раз|больше не можете|уже использовали|лише один раз|вже використали|jednou|každým zákazníkem|na klienta|już wykorzystał|één keer per|per klant|al gebruikt|bir kez|müşteri başına|zaten kullan|sekali per|tiap pelanggan|per pelanggan|sudah digunakan|một lần|mỗi khách hàng|đã sử dụng|ครั้งเดียว|ต่อผู้ใช้|回まで|につき|既に利用|1회|1인당|이미 사용|مرة واحدة|لكل مستخدم|لكل عميل|maximum de fois|número máximo de veces|número máximo de vezes|massimo consentito di volte|jumlah maksimum|maximale einlöseanzahl|maximal erlaubte anzahl|maximaal aantal keren|领取已达|领取上限|领取数量|最大领取|每人限|每人只能|限领|限购|限兑|每位用户|每个客户|参与过|参加过|领取次数|剩余领取|最多次数|最大参加|最大参与|領取已達|領取上限|領取數量|最大領取|限領|限購|每位用戶|每個客戶|參與過|參加過|領取次數|剩餘領取|最多次數|最大參加|最大參與/i;

function isOfferUsageLimit(text: string): boolean {
  return text.length <= 200 && OFFER.test(text) && USAGE_LIMIT.test(text);
}

/**
 * A consequence still to come ("用户将被锁定", "封存會停用該帳戶", "your account will be suspended"): a warning
 * or an explanation of a rule. A notice states what is; one that also says what is refused now
 * ("访问过于频繁，继续访问将被封禁") stays a candidate.
 */
const FUTURE_CONSEQUENCE = /将被|会被|會被|將被|将会|將會|会停用|會停用|\bwill be (?:suspended|locked|banned|disabled|deactivated|blocked|restricted|closed)\b|wird (?:\S+ ){0,3}(?:gesperrt|blockiert|eingeschränkt)|sera (?:bloqué|suspendu|verrouillé|restreint)|será (?:bloquead|suspens|restringid)|(?:verrà|sarà) (?:bloccat|sospes|limitat)|zostanie (?:zablokowan|zawieszon)|будет (?:заблокирован|ограничен)|буде (?:заблоковано|обмежено)|zal worden geblokkeerd|wordt geblokkeerd als|engellenecek|akan diblokir|sẽ bị (?:khóa|chặn)|ブロックされます|차단됩니다/i;
const REFUSED_NOW = /已被|已经被|已經被|被拒|频繁|頻繁|拦截|攔截|\b(?:has|have) been\b|\b(?:is|are) (?:now )?(?:blocked|banned|locked|suspended|denied)\b|\bdenied\b|\brefused\b|too many|(?:è|sono) stat[aoie] (?:bloccat|sospes)|wurde (?:\S+ ){0,3}(?:gesperrt|blockiert)|a été (?:bloqué|suspendu)|ha sido (?:bloquead|suspendid)|został[oa]? (?:zablokowan|zawieszon)|был[аио]? заблокирован/i;

function isFutureConsequence(text: string): boolean {
  return FUTURE_CONSEQUENCE.test(text) && !REFUSED_NOW.test(text);
}

/** A toast or form message: longer text is a page, where "Copy successfully" is a button's label beside a notice. */
const SHORT_MESSAGE_MAX = 100;

/**
 * A rule explained, not applied: a candidate that opens with a condition ("如果您是企业用户，…您的组织将被冻结",
 * "若您…") says what would happen, or it is one entry of a numbered list ("5.操作频繁，请稍后再试；…") that
 * explains several notices (an FAQ). A notice states what is.
 */
const EXPLAINED = /^\s*(?:如果|若您|若你|假如|\d{1,2}\s*[.、．](?!\d))/;

/**
 * The name or the password typed was wrong ("Nama Pengguna atau Kata Sandi Salah. AKSES DITOLAK"): the
 * visitor's mistake, whatever refusal word follows it, unless too many such mistakes locked them out.
 */
const WRONG_CREDENTIALS = /\b(?:username|user name|login|e-?mail) (?:or|and) password (?:is |are |was )?(?:incorrect|wrong|invalid)\b|\b(?:incorrect|wrong|invalid) (?:username|user name|login|e-?mail) (?:or|and|\/) password\b|nama pengguna atau kata sandi salah|用户名或密码错误|用户名或密码不正确|账号或密码错误|帐号或密码错误|用戶名或密碼錯誤|帳號或密碼錯誤/i;
const LOCKED_OUT = /too many|times|attempts|tries|locked|次数|次數|频繁|頻繁|锁定|鎖定|多次/i;

/** Does the candidate say that nobody was refused (an outage, a failure, a missing page, an unmet condition, content held back for the visitor's privacy, a warning with attempts left, a setting)? */
export function isNotARefusal(text: string): boolean {
  return SITE_OUTAGE.test(text) || CONNECTIVITY.test(text) || CONDITIONS.test(text) || MISSING.test(text) || FOR_PRIVACY.test(text) || ATTEMPTS_LEFT.test(text) || SETTING.test(text) || isPolicyLabel(text) || EXPLAINED.test(text) || isOfferUsageLimit(text) || isFutureConsequence(text) || (WRONG_CREDENTIALS.test(text) && !LOCKED_OUT.test(text)) || (text.length <= SHORT_MESSAGE_MAX && (ACTION_SUCCEEDED.test(text) || ABSENT_OR_PRIVATE.test(text)));
}

/**
 * The server says it could not read the request (400 Bad Request). Some walls answer 400 too, with
 * words of refusal ("请求已被拦截") that the frames read; without such words it is a malformed
 * request, and the model's guess alone does not make it a block.
 */
/**
 * An ordinary failure ("an error occurred, try again later", "unable to connect to the server"),
 * a wrong password or a code that does not exist, an expired session or a site under maintenance,
 * nothing assigned to the account yet, a feature its owner turned off ("live chat disabled by the
 * uploader"), in the languages the layer reads: walls say "try again later" too, so the frames still read its
 * words, but the model's guess alone does not make it a refusal. The same holds for a message that
 * says it was done (DONE below).
 */
const ORDINARY_FAILURE = /\binsufficient (?:funds|balance)\b|\bbalance (?:is )?too low\b|równowaga jest zbyt niska|saldo (?:jest )?(?:za|zbyt) niskie|余额不足|餘額不足|solde insuffisant|saldo insuficiente|guthaben (?:reicht nicht|ist zu niedrig)|недостаточно средств|yetersiz bakiye|saldo tidak cukup|số dư không đủ|残高不足|잔액이 부족|\b(?:wrong|incorrect|invalid) password\b|\bpassword (?:is )?(?:wrong|incorrect)\b|parola(?:nız)? yanlış|mot de passe (?:est )?incorrect|contraseña (?:es )?incorrecta|senha (?:está )?incorreta|password (?:è )?errata|falsches passwort|passwort ist falsch|nieprawidłowe hasło|неверный пароль|неправильний пароль|kata sandi salah|mật khẩu không đúng|รหัสผ่านไม่ถูกต้อง|パスワードが(?:正しくありません|間違って)|(?:アカウント|ログイン)情報が(?:正しくありません|間違って)|\bcredentials (?:are |were )?(?:wrong|incorrect|invalid)\b|\bcredentials do not match\b|비밀번호가 (?:올바르지|틀렸)|密码错误(?!次数)|密碼錯誤(?!次數)|كلمة المرور غير صحيحة|\b(?:wrong|incorrect|invalid) (?:captcha|verification code|security code)\b|\bcaptcha (?:code )?(?:is )?(?:wrong|incorrect|invalid)\b|zły kod|nieprawidłowy kod|\bno account (?:was )?found\b|could not find (?:an |any )?account|non è stato possibile trovare (?:alcun|un) account|kein (?:benutzer)?konto gefunden|aucun compte (?:n'a été )?trouvé|no se (?:encontró|ha encontrado) ninguna cuenta|nenhuma conta (?:foi )?encontrada|akun tidak ditemukan|không tìm thấy tài khoản|code captcha incorrect|código captcha incorrecto|falscher (?:captcha|sicherheits)?code|неверный код|kode captcha salah|mã captcha không đúng|\bdoes not exist\b|离开本站|即将离开|\byou are (?:about to leave|leaving)\b|\bleaving (?:this|our) (?:site|website)\b|未发生过|\bno existe\b|\bnão existe\b|existiert nicht|n'existe pas|non esiste|не существует|не існує|không tồn tại|\bsession (?:has )?(?:expired|timed out)|\bunder maintenance\b|por mantenimiento|en mantenimiento|en maintenance|em manutenção|in manutenzione|технически[ех] работ|przerwa techniczna|bakım(?:da| çalışması)|sedang dalam pemeliharaan|sitzung ist abgelaufen|wartungsarbeiten|session a expiré|session est expirée|sesión (?:ha )?(?:expirado|caducado)|sessão (?:expirou|expirada)|sessione (?:è )?(?:scaduta|terminata)|\bsession (?:has )?ended\b|sitzung (?:ist )?beendet|session (?:est )?terminée|sesión (?:ha )?terminado|sessão (?:terminou|encerrada)|sesja wygasła|oturumunuz sonlandı|oturum süresi doldu|sesi (?:anda )?telah berakhir|phiên (?:đăng nhập )?đã hết hạn|đang được bảo (?:dưỡng|trì)|сесс?ия истекла|сеанс (?:истёк|истек|завершён)|сесія закінчилася|セッションの有効期限が切れ|セッションがタイムアウト|세션이 만료|会话已过期|登录已过期|登录已失效|登录失效|登入逾時|メンテナンス中|점검 중|系统维护|維護中|\ban error (?:has )?occurred\b|\bsomething went wrong\b|\bunable to connect\b|tidak dapat terhubung|impossible de se connecter|no se (?:puede|pudo) conectar|não foi possível conectar|impossibile connettersi|verbindung fehlgeschlagen|nie można połączyć|bağlanılamıyor|không thể kết nối|ไม่สามารถเชื่อมต่อ|接続できません|연결할 수 없습니다|无法连接|無法連線|ein fehler ist aufgetreten|une erreur (?:est survenue|s'est produite)|se produjo un error|ha ocurrido un error|ocorreu um erro|si è verificato un errore|wystąpił błąd|bir hata oluştu|terjadi kesalahan|đã xảy ra lỗi|произошла ошибка|сталася помилка|виникла помилка|не удалось подключиться|неможливо підключитися|не вдалося підключитися|エラーが発生しました|오류가 발생했습니다|문제가 발생했습니다|发生错误|出错了|出現錯誤|發生錯誤|\bno \w+ (?:is |has been )?assigned to your account\b|không có \S+(?: \S+)? nào được chỉ định|할당된 \S+(?:이|가) 없습니다|割り当てられた\S*がありません|没有分配|未分配|\b(?:disabled|turned off) by the (?:uploader|owner|author|creator|streamer)\b|wyłączony przez (?:osobę wstawiającą|autora|właściciela)|désactivée? par (?:l'auteur|le propriétaire|le créateur)|deaktiviert vom (?:uploader|ersteller|autor)|desactivad[oa] por el (?:autor|propietario|creador)|disattivat[ao] dall'autore|отключен[аоы]? автором|вимкнен[аоі]? автором|(?:up主|作者|主播)已?关闭/i;

/**
 * What the visitor asked for was done ("the coupon code has been applied to your order"): an
 * ordinary outcome, whatever words of account or coupon it holds.
 */
const DONE = /\bsuccessfully (?:applied|updated|saved|added|redeemed|claimed)\b|\bcongratulations\b|félicitations|felicidades|parabéns|congratulazioni|herzlichen glückwunsch|поздравляем|вітаємо|gefeliciteerd|gratulacje|tebrikler|chúc mừng|ยินดีด้วย|おめでとう|축하합니다|恭喜|(?<!tidak )\bberhasil\b|\b(?:has|have) been (?:applied|updated|saved|created|unlocked|activated|reactivated|confirmed|verified|restored|reinstated|unsuspended|unbanned|unblocked)\b|\b(?:is|are) now (?:unlocked|unblocked|reactivated|restored)\b|est (?:maintenant |désormais )?(?:déverrouillée?|débloquée?|réactivée?|rétablie?)(?![a-zà-ÿ])|ist (?:jetzt|nun|wieder) (?:entsperrt|freigeschaltet)|está (?:ahora |agora )?desbloquead[ao]|è (?:ora )?sbloccat[oa]|został[oa]? (?:utworzon[ea]|odblokowan[ea]|aktywowan[ea]|potwierdzon[ea])|wurde (?:erstellt|entsperrt|aktiviert|bestätigt)|a été (?:créée?|débloquée?|activée?|réactivée?|confirmée?)|ha sido (?:cread[ao]|desbloquead[ao]|activad[ao]|confirmad[ao])|foi (?:criad[ao]|desbloquead[ao]|ativad[ao]|confirmad[ao])|è stato (?:creato|sbloccato|attivato|confermato)|был[ао]? (?:создан[ао]?|разблокирован[ао]?|активирован[ао]?)|został zastosowany|została zastosowana|wurde (?:angewendet|eingelöst|aktualisiert)|a été (?:appliqué|mis à jour)|se ha aplicado|foi aplicado|è stato applicato|uygulandı|berhasil diterapkan|đã được áp dụng|ได้รับการปรับปรุงแล้ว|適用されました|적용되었습니다|применён|применен|застосовано|已成功|\balready (?:been )?verified\b|이미 인증된|既に認証|已认证|已認證|已应用|已使用成功|领取成功|兑换成功|请查收/i;

/** A loading indicator and nothing else ("Just a moment...", "Loading…"): a wall's title says it too, but alone it tells nothing. */
const LOADING_ONLY = /^[\s\p{P}\p{S}]*(?:just a moment|one moment(?: please)?|please wait|loading|un momento|einen moment|un instant|подождите|загрузка|请稍候|加载中|読み込み中)[\s\p{P}\p{S}]*$/iu;

const LOADING = /(?:just a moment|one moment(?: please)?|please wait|loading)(?:\.\.\.|…)/giu;

/** The text without its loading indicators: what the model reads of a candidate, in training and at run time. */
export function withoutLoading(text: string): string {
  return text.replace(LOADING, ' ');
}

/** A file too large to upload: a limit of the file, not of the visitor. */
const FILE_SIZE = /\bfile (?:is )?too (?:large|big)\b|\b(?:maximum|max\.?) (?:file |upload )?size\b|\bexceeds the (?:maximum|allowed) (?:file |upload )?size\b|fichier (?:est )?trop (?:volumineux|gros)|taille maximale|datei ist zu groß|maximale (?:datei)?größe|archivo (?:es )?demasiado grande|tamaño máximo|arquivo (?:é )?muito grande|tamanho máximo|file (?:è )?troppo grande|dimensione massima|файл слишком (?:большой|велик)|максимальный размер|файл (?:занадто|надто) великий|максимальний розмір|plik jest (?:za|zbyt) duży|maksymalny rozmiar|soubor je příliš velký|maximální velikost|bestand is te groot|maximale grootte|dosya (?:çok|fazla) büyük|maksimum (?:dosya )?boyut|(?:berkas|file) terlalu besar|ukuran maksimum|tệp quá lớn|tải lên kích thước|kích thước tối đa|ไฟล์ใหญ่เกินไป|ขนาดไฟล์สูงสุด|ファイルサイズが大きすぎ|最大ファイルサイズ|파일이 너무 큽니다|최대 (?:파일 )?크기|الملف كبير جد|الحجم الأقصى|حجم فایل|文件(?:过大|太大)|檔案(?:過大|太大)|超过最大(?:文件)?大小/i;

/**
 * Sign in first, or again ("请先登录", "Vous devez vous connecter pour voir cette page", "الرجاء تسجيل
 * الدخول مرة أخرى"): the page is for members, or the session ended; nobody was refused. The corpus
 * reads these as ordinary (docs/notices.md); a lock that also asks to sign in later is read by the frames.
 */
const SIGN_IN_FIRST = /\b(?:please )?(?:log|sign) ?in (?:first|again|to continue|to view|to see|to access)\b|\bauthenticat(?:e|ed|ing) yourself\b|\byou (?:must|need to) (?:be )?(?:log|sign)(?:ged)? ?in\b|请先登录|請先登入|請先登錄|请登录后|請登入後|请重新登录|請重新登入|請重新登錄|请求需要身份验证|请求要求身份验证|請求需要身分驗證|vous devez (?:vous connecter|être connecté)|veuillez vous (?:re)?connecter|sie müssen (?:sich )?(?:anmelden|angemeldet sein|einloggen)|bitte (?:melden sie sich|loggen sie sich) (?:erneut |zuerst )?an|debes iniciar sesión|debe iniciar sesión|inicia sesión para|você precisa (?:fazer login|estar logado|entrar)|faça login para|devi (?:effettuare il login|accedere|essere loggato)|je moet (?:ingelogd zijn|inloggen)|u moet (?:ingelogd zijn|inloggen)|musisz (?:się zalogować|być zalogowany)|zaloguj się,? aby|вы должны (?:войти|авторизоваться)|необходимо (?:войти|авторизоваться)|войдите,? чтобы|потрібно увійти|увійдіть,? щоб|giriş yapmalısınız|giriş yapmanız gerek|anda harus (?:login|masuk)|silakan (?:login|masuk) terlebih dahulu|bạn (?:phải|cần) đăng nhập|vui lòng đăng nhập|กรุณาเข้าสู่ระบบ|ログインしてください|ログインが必要|로그인이 필요|يجب (?:عليك )?تسجيل الدخول|الرجاء تسجيل الدخول|لطفا وارد شوید|ابتدا وارد شوید/i;

/**
 * The account said to be clear ("Hesabınız işaretlenmemiş veya kısıtlanmamıştır", "Your account is not
 * restricted"): the frames read these negations, and the model has no say on them either. An account
 * unlocked again is not among them: "wird in 30 Minuten entsperrt" belongs to a lock.
 */
const NOT_RESTRICTED = new RegExp(
  `\\b(?:is|are|was|were|has|have)(?: not|n't)(?: been)? (?:restricted|banned|blocked|suspended|locked|limited|flagged)\\b|${NEGATED_RESTRICTION.map(escape).join('|')}`,
  'i',
);

/**
 * A sign-in or sign-up form says what signing up means ("注册即代表同意《知乎协议》", "By continuing, you
 * agree…"): the words of verification and accounts around it are the form's, not a refusal.
 */
const SIGN_UP_CONSENT = /注册即代表|注册即表示|注册即同意|登录即代表|登录即表示|登录即同意|註冊即代表|登入即代表|\bby (?:signing|logging) (?:up|in)\b[^.]{0,40}\byou agree\b|\bby creating an account\b[^.]{0,40}\bagree\b|\bby continuing,? you agree\b/i;

/** A code was sent ("验证码已发送，请查收邮件"); one sent too recently to send again is a rate limit ("…一分钟内请勿重复发送"). */
const CODE_SENT = /验证码已(?:经)?发送|驗證碼已(?:經)?發送|\b(?:verification |security |confirmation )?code (?:has been |was )?sent\b|获取验证码\s*[(（]?\d+[)）]?\s*秒|\d+\s*秒后?重新(?:获取|发送)|поступит (?:sms|смс)|получить новый код/i;
const NOT_AGAIN_YET = /请勿|勿重复|过一会|稍后|稍後|频繁|頻繁|后再|後再|\btoo (?:many|often|soon)\b|\bwait\b|\btry again\b/i;

/** What nobody may do to their own post ("vous ne pouvez pas voter pour votre propre réponse"): a rule of the site, refusing nobody. */
const SELF_ACTION = /\byour own (?:posts?|answers?|questions?|comments?|messages?|reviews?|listings?|items?|products?|auctions?|offers?|referral)\b|votre propre (?:réponse|question|message|commentaire|annonce|publication|avis)|(?:tu|su) propia (?:respuesta|pregunta|publicación|reseña)|(?:sua própria|seu próprio) (?:resposta|pergunta|publicação|anúncio)|(?:deine?n?|ihren?) eigenen? (?:beitrag|antwort|frage|kommentar)|自己的(?:帖子|回答|评论|回复|商品)|自分の(?:投稿|回答|コメント)/i;

/** The time to change a message is over ("You can no longer edit this message because too much time has passed"): the same for everyone. */
const EDIT_WINDOW = /\b(?:can|may) no longer (?:be )?(?:edit|delet|modif|chang)\w*|\btoo much time has passed\b|\bedit(?:ing)? window\b|(?:不能|无法|無法)再(?:编辑|編輯|修改)|超过可编辑时间|編集期限/i;

/**
 * A page that only sends the visitor on ("If you are not redirected automatically, follow the link"),
 * a chooser of countries ("Change your country or region"), or an outage that blames nobody
 * ("Looks like something's not working. Don't worry, it's nothing you did").
 */
const PASSING_ON = /\bif you(?: are|'re|’re) not redirected\b|\bnot redirected automatically\b|sollte das nicht der fall sein|falls sie nicht (?:automatisch )?weitergeleitet|\b(?:change|select|choose) your (?:country|region|location)\b|\bsomething(?:'s|’s| is) not working\b|\bit's nothing you did\b/i;

/**
 * A form's guard against sending the same thing twice ("不允许重复提交，请稍候再试", "duplicate submission"):
 * the visitor's own second click, nothing refused to who they are.
 */
const REPEAT_SUBMIT = /重复提交|重複提交|\b(?:duplicate|repeated) (?:form )?submissions?\b|\bsubmitted twice\b/i;

/**
 * A campaign's cap on how often anyone may join ("您已达到当前砍价活动的参与上限", "已超过活动参与次数"): the
 * offer's rule for every shopper, which the corpus review counts as no refusal of the visitor.
 */
const JOIN_CAP = /参与上限|參與上限|超过活动参与次数|超過活動參與次數|参与次数已达上限|參與次數已達上限/;

export function isOrdinaryOutcome(text: string): boolean {
  return ORDINARY_FAILURE.test(text) || REPEAT_SUBMIT.test(text) || JOIN_CAP.test(text) || SELF_ACTION.test(text) || EDIT_WINDOW.test(text) || PASSING_ON.test(text) || DONE.test(text) || NOT_RESTRICTED.test(text) || LOADING_ONLY.test(text) || FILE_SIZE.test(text) || SIGN_IN_FIRST.test(text) || SIGN_UP_CONSENT.test(text) || (CODE_SENT.test(text) && !NOT_AGAIN_YET.test(text));
}

export function isMalformedRequest(text: string): boolean {
  return /\bbad request\b/i.test(text);
}

/**
 * An API answer whose code says the caller's credentials are wrong (a developer's token, key or
 * signature), or that a parameter is: an error of the integration, not a refusal of a shopper.
 */
const CREDENTIAL_CODE = /"(?:code|error|error_code|errorcode|type)"\s*:\s*"(?:unauthorized(?:[_ -]?access)?|unauthenticated|invalid[_ -]?token|invalidtoken|expired[_ -]?token|token[_ -]?expired|invalid[_ -]?grant|invalid[_ -]?client|invalid[_ -]?api[_ -]?key|invalidaccesskeyid|signaturedoesnotmatch|invalid[_ -]?signature|missing[_ -]?authentication[_ -]?token)"/i;

/** The caller sent a wrong parameter or signature ("request uid's value must be the current user", 参数错误, 签名验证失败): the integration's error. */
const PARAMETER_ERROR = /\bparam(?:eter)?s?\b.{0,40}\b(?:invalid|missing|required|error|must)\b|\b(?:invalid|missing|required) param(?:eter)?s?\b|'s value must be\b|参数错误|参数有误|参数不合法|缺少(?:必要|必需|必填)?参数|参数异常|签名(?:验证|校验)?(?:失败|错误|无效)|\b(?:invalid|wrong|bad) sign(?:ature)?\b|\bmust not be (?:empty|null|blank)\b|不能为空|不能為空|\b(?:date|time|search|query) range\b|허용 범위|时间范围|查询范围|時間範圍|\bsign(?:ature)? (?:check |verification )?(?:failed|error|mismatch)\b/i;

/** A key the caller left out or mistyped ("Access denied due to missing hibp-api-key", "Invalid API key", "invalid subscription key"). */
const API_KEY_ERROR = /\b(?:missing|invalid|incorrect|wrong|unknown)\b[^.!"]{0,24}\b(?:api|subscription|access|secret|app|developer)[_ -]?key\b/i;

export function isCredentialError(body: string): boolean {
  return CREDENTIAL_CODE.test(body) || PARAMETER_ERROR.test(body) || API_KEY_ERROR.test(body);
}

/** "Access denied" and nothing more: beside a credential error's code, that code's own words (a wrong password, a test key). */
const BARE_DENIAL = /^(?:access (?:is )?denied|denied access|доступ запрещ\S*|访问被拒绝|拒绝访问|非法访问|非法请求|forbidden)$/;

export function isBareDenial(words: string): boolean {
  return BARE_DENIAL.test(words.trim());
}

/** An API answer that says it succeeded ("ok": 1, "success": true, "rtn_msg": "请求成功！"): no refusal, whatever words its fields hold. */
const SUCCEEDED = /["']?(?:ok|success|succeeded)["']?\s*:\s*(?:1|true)\b|["'](?:msg|message|rtn_msg|retmsg|errmsg)["']\s*:\s*["'](?:请求成功|操作成功|成功)[！!。]?["']/i;

export function isSucceededAnswer(body: string): boolean {
  return SUCCEEDED.test(body);
}

/**
 * An API answer whose error code names a failure inside the platform's own services (mtop's
 * FAIL_SYS_HSF_…, FAIL_SYS_SERVICE_…): the model's guess alone does not make it a refusal (the
 * frames still read its words).
 */
const BACKEND_FAILURE = /\bFAIL_SYS_(?:HSF_\w+|SERVICE_(?:INNER|TIMEOUT|FAULT)\w*)|系统繁忙|系統繁忙|服务器繁忙|伺服器繁忙/i;

export function isBackendFailure(body: string): boolean {
  return BACKEND_FAILURE.test(body);
}
