import type { Frame } from './compose';

/**
 * Compositional frames for the languages other than Chinese and English: what is refused (an
 * account, access, a request, a coupon, a link) × how (blocked, suspended, not valid), in the
 * words each language uses for them. Written after the notice corpus existed, from knowledge of
 * the languages and from public locale files. The subjects are the dictionary words for what is
 * refused and never fire alone; every restriction word is `learnt`, so the blind evaluation
 * counts it only in folds where a source group outside the fold shows it (tests/blind.ts).
 * Atoms rather than sentences, so that a new phrasing of a known restriction is still read.
 */

/** Questions and explainers in these languages (a help article that names a restriction). */
const QUESTION = [
  'how to', 'why is', 'what to do', 'was tun', 'warum', 'wie kann', 'pourquoi', 'comment', 'qué hacer', 'por qué', 'cómo', 'o que fazer', 'por que', 'como',
  'perché', 'come ', 'почему', 'что делать', 'как ', 'чому', 'dlaczego', 'jak ', 'neden', 'nasıl', 'kenapa', 'bagaimana', 'cara ', 'tại sao', 'làm sao', 'cách',
  'ทำไม', 'วิธี', 'なぜ', 'どうすれば', '対処法', '原因', '解除方法', '왜', '방법', '해결',
  // "Are you sure you want to ban …": a moderator's confirmation, not a notice to the visitor.
  'sind sie sicher', 'bist du sicher', 'êtes-vous sûr', 'etes-vous sur', 'está seguro', 'estás seguro', 'tem certeza', 'sei sicuro', 'вы уверены', 'ви впевнені',
  'czy na pewno', 'czy jesteś pewien', 'opravdu chcete', 'weet je zeker', 'weet u zeker', 'emin misiniz', 'apakah anda yakin', 'bạn có chắc', 'คุณแน่ใจ', '本当に', '정말',
  'هل أنت متأكد', 'آیا مطمئن',
];

const ACCOUNT = [
  'konto', 'ihr konto', 'dein konto', 'benutzerkonto', 'compte', 'votre compte', 'cuenta', 'tu cuenta', 'su cuenta', 'conta', 'sua conta',
  'il tuo account', 'аккаунт', 'учетная запись', 'учётная запись', 'обліковий запис', 'акаунт', 'koncie', 'konta', 'hesap', 'hesabınız', 'hesabın',
  'akun*', 'akun anda', 'akaun', 'tài khoản', 'บัญชี', 'アカウント', '계정', '아이디', '회원',
  'firmenkonto', 'kundenkonto', 'ihr account', 'dein account', 'der account', "l'account", 'l’account', 'je account', 'uw account', 'účet', 'حساب', 'الحساب', 'حسابك',
  // The loanword alone (Italian, Dutch, German, Polish write "account"; English has frames of its own).
  'account', 'účtu', 'konto', 'kontot', 'tili', 'fiók',
  // The visitor's own profile, as some sites name the account ("Ваш профиль заблокирован"). A bare "user" or
  // "profile" is as often someone else's (an admin's list of blocked users), so only "your profile".
  'ihr profil', 'dein profil', 'votre profil', 'ton profil', 'tu perfil', 'su perfil', 'seu perfil', 'il tuo profilo', 'ваш профиль', 'твой профиль', 'ваш профіль',
  'je profiel', 'uw profiel', 'twój profil', 'váš profil', 'profiliniz', 'profil anda', 'profilmu', 'hồ sơ của bạn',
  // Nordic, Finnish, Greek, Hebrew, Hindi, Romanian, Hungarian and Malay (round 11 showed them).
  'kontoen', 'kontoen din', 'din konto', 'brugerkonto', 'användarkonto', 'brukerkonto', 'tilisi', 'käyttäjätili', 'λογαριασμός', 'λογαριασμό', 'λογαριασμού',
  'חשבון', 'חשבונך', 'החשבון', 'खाता', 'खाते', 'contul', 'contul dvs', 'contul tău', 'fiókod', 'fiókja', 'fiókját', 'akaun anda',
];

const ACCESS = [
  'ip', 'ip-adresse', 'adresse ip', 'dirección ip', 'endereço ip', 'indirizzo ip', 'ip-адрес', 'ip адрес', 'alamat ip', 'địa chỉ ip', 'ip adresi', 'adres ip',
  'zugriff', 'zugang', 'accès', 'acceso', 'acesso', 'accesso', 'доступ', 'akses*', 'truy cập', 'erişim', 'dostęp', 'アクセス', '접근', '접속', 'การเข้าถึง',
  'anfrage', 'requête', 'solicitud', 'solicitação', 'richiesta', 'запрос', 'permintaan', 'yêu cầu', 'istek', 'żądanie', 'リクエスト', '요청',
  'toegang', 'přístup', 'الوصول', '액세스',
  'adgang', 'åtkomst', 'tilgang', 'pääsy', 'ip-osoite*', 'πρόσβαση', 'גישה', 'पहुँच', 'acces', 'accesul', 'hozzáférés', 'akses anda',
  'forespørsel', 'förfrågan', 'pyyntö', 'αίτημα', 'בקשה', 'अनुरोध', 'cererea', 'kérés',
];

// Stems where a language inflects (zablokowan-a/-e/-y, приостановлен-/а/о): a phrase matches at a
// word's start, so one stem carries every ending.
/**
 * A restriction said not to hold ("Hesabınız … kısıtlanmamıştır", "not restricted"): Turkish
 * negates inside the word, which the stems above would otherwise read as the restriction itself.
 */
export const NEGATED_RESTRICTION = [
  'kısıtlanmamış', 'engellenmemiş', 'yasaklanmamış', 'kilitlenmemiş', 'askıya alınmamış', 'işaretlenmemiş', 'dondurulmamış',
  'nicht gesperrt', 'nicht eingeschränkt', 'nicht blockiert', "n'est pas bloqué", "n'est pas suspendu", "n'est pas restreint", 'no está bloquead', 'no está restringid',
  'no está suspendid', 'não está bloquead', 'não está restrit', 'não está suspens', 'non è bloccat', 'non è sospes', 'non è limitat', 'не заблокирован', 'не ограничен',
  'не заблоковано', 'не обмежено', 'nie jest zablokowan', 'nie jest ograniczon', 'není zablokován', 'niet geblokkeerd', 'niet beperkt', 'tidak diblokir', 'tidak dibatasi',
  'tidak ditangguhkan', 'không bị khóa', 'không bị hạn chế', 'không bị cấm', 'ไม่ถูกระงับ', 'ไม่ถูกจำกัด', 'ไม่ถูกบล็อก', '制限されていません', '停止されていません', '제한되지 않', '정지되지 않',
];

const UNLOCKED = [
  // Unlocked again: the lock's own stem stands inside the word ("déverrouillé", "sbloccato", "odblokowane").
  'déverrouill', 'débloqu', 'entsperrt', 'desbloquead', 'sbloccat', 'odblokowan', 'odemčen', 'ontgrendeld', 'gedeblokkeerd', 'разблокирован', 'розблоковано', 'kilidi açıldı',
];

const NOT_BLOCKED = [...NEGATED_RESTRICTION, ...UNLOCKED];

const BLOCKED = [
  'gesperrt', 'blockiert', 'deaktiviert', 'eingeschränkt', 'suspendiert', 'gebannt', 'verweigert', 'ausgeschlossen',
  'suspendu*', 'bloqué*', 'désactivé*', 'restreint', 'banni*', 'verrouillé*', 'refusé*', 'interdit*',
  'suspendid*', 'bloquead*', 'desactivad*', 'restringid*', 'inhabilitad*', 'banead*', 'denegad*',
  'suspensa', 'suspenso', 'suspensas', 'suspensos', 'desativad*', 'restrit*', 'banid*', 'negad*',
  'sospes*', 'bloccat*', 'bannat*', 'disattivat*', 'disabilitat*', 'negato', 'negata',
  'заблокирова*', 'забан*', 'приостановл*', 'ограничен', 'ограничена', 'ограничено', 'ограничены', 'отключен*', 'заморож*', 'запрещ*',
  'заблокова*', 'призупинен*', 'обмежено', 'обмежений', 'обмежена', 'обмежені',
  'zablokowan*', 'zawieszon*', 'ograniczon*', 'odmow*',
  'askıya', 'engellen*', 'kısıtlan*', 'donduruldu', 'reddedildi', 'yasakla*', 'kilitlen*', 'kilitli',
  'diblokir', 'ditangguhkan', 'dibekukan', 'dinonaktifkan', 'dibatasi', 'disekat', 'digantung', 'ditolak', 'dilarang', 'dicekal', 'terkunci',
  'ถูกล็อค', 'قفل شده', 'не дозволено', 'nie masz zgody', '禁止されて', '拒否されま', '拒否されて', '制限されて', '停止されて',
  // No longer active ("Ihr Konto ist nicht mehr aktiv", "Tu cuenta no está activa").
  'nicht mehr aktiv', 'ist nicht aktiv', 'no está activa', 'no está activo', 'não está ativa', 'não está ativo', 'non è attivo', "n'est pas actif", "n'est plus actif", 'niet actief',
  'bị khóa', 'bị khoá', 'bị tạm khóa', 'bị giới hạn', 'bị đình chỉ', 'bị vô hiệu hóa', 'bị cấm', 'bị chặn', 'bị từ chối',
  'ถูกระงับ', 'ถูกบล็อก', 'ถูกล็อก', 'ถูกจำกัด', 'ถูกแบน', 'ถูกปฏิเสธ', 'ถูกปิดใช้งาน',
  '停止', 'ロック', '凍結', '制限', '拒否', 'ブロック', '禁止', '無効',
  '정지', '잠겼', '잠겨', '잠금', '차단', '제한', '금지', '거부', '불가', '비활성',
  'geblokkeerd', 'opgeschort', 'verbannen', 'beperkt', 'zablokován*', 'pozastaven*', 'uzamčen*', 'zakázán*', 'zbanowan*', 'expulsad*', 'заборон*',
  // Inactive, locked, prohibited: how locale files say an account may not be used.
  'inativ*', 'inactiv*', 'inattiv*', 'inactief', 'vergrendeld', 'yasaklı', 'askıda', 'prohibid*', 'vietat*', 'verboten', 'niet toegestaan', 'غير نشط', '중지', '中止',
  'محظور', 'مقفل', 'مغلق', 'موقوف', 'معلق', 'مقيد', 'مقيّد', 'تم حظر', 'تم قفل', 'تم إيقاف', 'تم تعليق',
  // Banned, expelled, disabled and "not permitted" as more languages and projects write them.
  'verbannt', 'ausgesperrt', 'nicht gestattet', 'nicht erlaubt', 'expulsé*', 'proibid*', 'vietato', 'zakazan*', 'zabronion*', 'zakázan*', 'zablokovan*',
  'deaktivován*', 'deaktivovan*', 'dezaktywowan*', 'wyłączon*', 'uitgeschakeld', 'gedeactiveerd', 'geblokkeerd', 'verboden', 'devre dışı', 'engelli',
  'banlandı', 'yasaklandı', 'dinonaktifkan', 'dibanned', 'diban', 'tạm ngưng', 'bị tạm ngưng', 'bị vô hiệu hoá', 'ถูกระงับการใช้งาน', 'ระงับการใช้งาน',
  'banされ', '利用停止', '停止されて', 'ロックされ', '無効化', '제재', '이용 정지', '이용이 제한', '비활성화', 'حظر', 'تعلیق', 'مسدود', 'غیرفعال',
  'заблокований', 'заблокована', 'деактивова*', 'вимкнен*', 'отключён*', 'деактивирова*',
  'ถูกปิดการใช้งาน', 'nieaktywn*', 'منع شده', '出入り禁止', 'espuls*',
  // "The site's owner blocked your IP", in the active voice.
  'zablokował*', 'zablokoval*', 'bloqueó', 'bloqueou', 'a bloqué', 'ha bloccato', 'hat gesperrt', 'heeft geblokkeerd', 'engelledi', 'memblokir', 'đã chặn', 'заблокував',
  // On a blacklist.
  'чёрном списке', 'черном списке', 'чорному списку', 'czarnej liście', 'kara liste*', 'daftar hitam', 'danh sách đen', 'liste noire', 'lista negra', 'schwarzen liste',
  'zwarte lijst', 'ブラックリスト', '블랙리스트', 'القائمة السوداء', 'لیست سیاه',
  // Refused, without the passive auxiliary ("Từ chối truy cập", "доступ отказан", "dostęp odmówiony").
  'từ chối', 'отказан*', 'отказано', 'odmówion*', 'odepřen*', 'geweigerd', '거부되었', '拒否されました', 'مرفوض', 'رد شد',
  // Danish, Swedish, Norwegian, Finnish, Greek, Hebrew, Hindi, Romanian, Hungarian, Malay.
  'spærret', 'blokeret', 'suspenderet', 'deaktiveret', 'udelukket', 'spärrad', 'spärrat', 'blockerad', 'blockerat', 'avstängd', 'avstängt', 'sperret', 'blokkert',
  'suspendert', 'utestengt', 'deaktivert', 'estetty', 'lukittu', 'jäädytetty', 'porttikielto', 'αποκλεισμέν*', 'κλειδώθηκε', 'κλειδωμέν*', 'ανεστάλη', 'έχει ανασταλεί',
  'μπλοκαρισμέν*', 'απενεργοποιήθηκε', 'נחסם', 'נחסמה', 'חסום', 'חסומה', 'ננעל', 'ננעלה', 'נעול', 'הושעה', 'מושעה', 'निलंबित', 'अवरुद्ध', 'प्रतिबंधित',
  'suspendat*', 'blocat*', 'dezactivat*', 'restricționat*', 'letiltva', 'letiltott*', 'felfüggesztve', 'felfüggesztett*', 'zárolva', 'kitiltva', 'dikunci', 'dihalang',
];

/** "May not sign in": the account's owner is shut out, whatever the account is called. */
const LOGIN_PROHIBITED = [
  'anmelden verboten', 'anmeldung verboten', 'anmeldung gesperrt', 'nicht gestattet sich anzumelden', 'connexion interdite', 'connexion bloquée', 'connexion refusée',
  'inicio de sesión bloqueado', 'inicio de sesión prohibido', 'prohíbe a los usuarios iniciar sesión', 'acesso proibido', 'login proibido', 'login bloqueado', 'accesso vietato', 'accesso bloccato',
  'вход запрещен', 'вход запрещён', 'вход заблокирован', 'вхід заборонено', 'вхід заблоковано', 'logowanie zabronione', 'logowanie zablokowane',
  'přihlášení zakázáno', 'přihlášení je zakázáno', 'inloggen niet toegestaan', 'inloggen geblokkeerd', 'giriş yasak', 'giriş engellendi', 'oturum açma engellendi',
  'login dilarang', 'masuk dilarang', 'đăng nhập bị cấm', 'bị cấm đăng nhập', 'ห้ามเข้าสู่ระบบ', 'ログイン禁止', '로그인이 금지', '로그인 금지',
  'تسجيل الدخول محظور', 'ممنوع تسجيل الدخول', 'ورود ممنوع',
];

const SOURCES =
  'PHPFusion/locales:German/locale/German/admin/members_include.php@b7d8a5770eb350bf622636939d59d2d54561ab5f; HDInnovations/UNIT3D-Community-Edition:resources/lang/de/email.php@c8d953a3ada9738950dc229a3d931b8210c5ba7c; https://github.com/Gimenz/insta-fetcher/issues/38';

/** What an offer is called: a coupon, a voucher, a promotion or loyalty programme. */
const OFFERS = [
      'gutschein', 'rabattcode', 'aktionscode', 'coupon', 'code promo', 'bon de réduction', 'cupón', 'código de cupón', 'código promocional', 'cupom', 'buono sconto',
      'codice sconto', 'купон', 'промокод', 'kupon', 'kode promo', 'kode voucher', 'voucher', 'mã khuyến mại', 'mã giảm giá', 'คูปอง', 'โค้ดส่วนลด',
      'クーポン', '쿠폰', 'promo',
      'gutscheincode', 'code de réduction', 'code promotionnel', 'bon', 'código del cupón', 'código de desconto', 'codice coupon', 'codice promozionale', 'промо-код',
      'код купона', 'купона', 'купону', 'kod rabatowy', 'kod kuponu', 'kuponu', 'kupón', 'kupónu', 'slevový kód', 'waardebon', 'kortingscode', 'kupon kodu', 'indirim kodu',
      'kode kupon', 'phiếu giảm giá', 'mã khuyến mãi', 'mã ưu đãi', 'โค้ด', 'クーポンコード', '쿠폰 코드', 'قسيمة', 'القسيمة', 'كوبون', 'الكوبون', 'كود الخصم', 'کوپن', 'کد تخفیف',
      'codice promozionale', 'codice voucher', 'cupão', 'kortingsbon', 'programm', 'programme', 'programa', 'programma', 'программа', 'програма', 'program', 'โปรแกรม', 'プログラム', 'البرنامج', 'chương trình',
];

/** "Only" and "not" in the frames' languages: what turns whom an offer is for into a refusal. */
export const ONLY_OR_NOT = [
  'only', 'not', "n't", 'unable', 'nur', 'nicht', 'kein*', 'seulement', 'uniquement', 'pas', 'ne peut', "n'est", 'solo', 'sólo', 'no', 'somente', 'apenas', 'só', 'não',
  'solamente', 'non', 'только', 'лише', 'тільки', 'не', 'нельзя', 'tylko', 'nie', 'pouze', 'není', 'nelze', 'alleen', 'niet', 'sadece', 'yalnızca', 'değil', 'hanya',
  'tidak', 'bukan', 'chỉ', 'không', 'เท่านั้น', 'ไม่', 'のみ', 'だけ', 'ません', 'できない', '에만', '만 사용', '만 가능', '없', '아닙', 'فقط', 'لا', 'غير', 'نیست', 'نمی', 'تنها',
];

export const INTL_FRAMES: readonly Frame[] = [
  {
    id: 'general.xl.account-restricted',
    kind: 'account-restricted',
    lang: 'intl',
    // A subscriber's own area, as French operators name it ("L'accès à votre espace abonné est restreint").
    subjects: [...ACCOUNT, 'espace abonné', 'espace client'],
    predicates: [],
    learnt: [...BLOCKED.filter((w) => !['verweigert', 'refusé*', 'interdit*', 'denegad*', 'negad*', 'negato', 'negata', 'odmow*', 'reddedildi', 'ditolak', 'bị từ chối', 'ถูกปฏิเสธ', '拒否', '거부', '불가'].includes(w)),
      // An account closed by the operator ("Votre compte est résilié. Vous ne pouvez plus vous connecter").
      'résilié*'],
    gap: 30,
    either: true,
    // Another member's profile ("this user is restricted") is not the visitor's account.
    unless: [...QUESTION, ...NOT_BLOCKED, 'このユーザー', 'この会員', '이 사용자', '이 회원', 'этот пользователь', 'dieser benutzer', 'cet utilisateur', 'este usuario', 'este usuário'],
    confidence: 0.6,
    source: SOURCES,
  },
  {
    id: 'general.xl.access-denied',
    kind: 'access-denied',
    lang: 'intl',
    subjects: ACCESS,
    predicates: [],
    // Kanji shared with Chinese (停止访问, 禁止) are left to the Chinese frames, which know their context.
    learnt: BLOCKED.filter((w) => !['停止', '凍結', '制限', '拒否', '禁止'].includes(w)),
    gap: 25,
    either: true,
    unless: [...QUESTION, ...NOT_BLOCKED],
    confidence: 0.6,
    source: SOURCES,
  },
  {
    id: 'general.xl.banned',
    kind: 'account-restricted',
    lang: 'intl',
    subjects: [],
    predicates: [],
    // "You have been blocked/banned" addressed to the visitor.
    learnt: [
      'sie wurden gesperrt', 'du wurdest gesperrt', 'du wurdest gebannt', 'vous avez été banni', 'vous avez été bloqué', 'has sido baneado', 'has sido bloqueado',
      'você foi banido', 'você foi bloqueado', 'sei stato bannato', 'вы были заблокированы', 'вы заблокированы', 'вас заблокировали', 'ви заблоковані',
      'zostałeś zablokowany', 'engellendiniz', 'yasaklandınız', 'kamu dibanned', 'kamu diblokir', 'anda diblokir', 'anda telah dilarang', 'bạn đã bị cấm', 'bạn bị cấm',
      'คุณถูกแบน', 'คุณถูกบล็อก', 'あなたはブロック', 'アクセス禁止', '차단되었습니다', '추방되었습니다', '추방',
      'sie wurden gebannt', 'sie wurden verbannt', 'du wurdest verbannt', 'vous avez été expulsé', 'vous êtes banni', 'has sido expulsad*', 'has sido banead*',
      'fuiste banead*', 'fuiste expulsad*', 'você foi expuls*', 'você está banid*', 'sei stato espuls*', 'sei stato bloccat*', 'вы были забанены', 'вас забанили',
      'вас було заблоковано', 'вам було заборонено', 'вас забанено', 'zostałeś zbanowany', 'zostałaś zbanowana', 'zbanowan*', 'byl jste zablokován', 'byli jste zablokováni',
      'je bent verbannen', 'je bent geblokkeerd', 'u bent verbannen', 'u bent geblokkeerd', 'yasaklandınız', 'banlandınız', 'sistemden atıldınız', 'anda telah diblokir',
      'kamu telah diblokir', 'kamu sudah dilarang', 'anda telah dibanned', 'bạn đã bị chặn', 'bạn vừa bị cấm', 'bạn đã bị khóa', 'คุณถูกระงับ', 'あなたはbanされ', 'banされています',
      'あなたは禁止', '당신은 차단', '당신은 추방', '사이트에서 추방', 'لقد تم حظرك', 'تم حظرك', 'حظرت من', 'أنت محظور', 'شما مسدود', 'شما بلاک', 'تعلیق شده',
      // Suspended, and until when.
      'you have been suspended', 'you are suspended', 'suspended indefinitely', 'you are banned from', 'you have been banned from',
      'vous avez été suspendu', 'vous êtes suspendu', 'sie wurden suspendiert', 'has sido suspendid*',
      'você foi suspens*', 'sei stato sospes*', 'вы были отстранены', 'вас відсторонено',
      'je bent geschorst', 'u bent geschorst', 'askıya alındınız', 'zostałeś zawieszony', 'byli jste pozastaveni',
      'anda telah ditangguhkan', 'bạn đã bị đình chỉ', 'คุณถูกระงับการใช้งาน', 'あなたは停止',
      '정지되었습니다', 'لقد تم إيقافك', 'تم إيقافك', 'شما تعلیق',
      // Banned or thrown out ("Sei stato temporaneamente bandito", "Вас выгнали с сервера", "Du bist von diesem Server gebannt").
      'sei stato bandit*', 'sei stato temporaneamente bandit*', 'вас выгнали', 'вас вигнали', 'du bist gebannt', 'du bist von diesem server gebannt',
      // Written without Turkish letters (AuthMe's tr file); "banlandınız" is in the list above.
      'il tuo paese è bandito', 'gecici olarak banlandiniz',
    ],
    unless: QUESTION,
    confidence: 0.6,
    source: SOURCES,
  },
  {
    id: 'general.xl.login-prohibited',
    kind: 'account-restricted',
    lang: 'intl',
    subjects: [],
    predicates: [],
    learnt: LOGIN_PROHIBITED,
    // An administrator's settings help ("IP addresses listed here are barred from admin login").
    unless: [...QUESTION, 'listed here', 'listed below', 'hier aufgeführt', 'listées ici', 'listadas aquí', 'listados aqui', '여기에 나열된', 'ここに記載'],
    confidence: 0.6,
    source: SOURCES,
  },
  {
    // "This suspension will be in force until {date}": a suspension that runs until a date.
    id: 'general.xl.suspension-until',
    kind: 'account-restricted',
    lang: 'intl',
    subjects: ['until', 'jusqu', 'hasta', 'até', 'fino al', 'fino a', 'до', 'tot', 'kadar', 'hingga', 'đến', 'do', 'bis', 'まで', '까지', 'حتى', 'จนถึง'],
    predicates: [],
    // Added after reading the corpus: the suspension is the cue; the date's "until" its subject.
    learnt: ['this suspension', 'cette suspension', 'esta suspensión', 'esta suspensão', 'questa sospensione', 'это отстранение', 'це відсторонення', 'deze schorsing',
      'bu askıya alma', 'to zawieszenie', 'toto pozastavení', 'penangguhan ini', 'lệnh đình chỉ này', 'การระงับนี้', 'この停止', '이 정지', 'هذا الإيقاف', 'diese sperre'],
    gap: 40,
    either: true,
    unless: QUESTION,
    confidence: 0.6,
    source: SOURCES,
  },
  {
    id: 'general.xl.rate-limit',
    kind: 'access-denied',
    lang: 'intl',
    subjects: [],
    predicates: [],
    learnt: [
      'zu viele anfragen', 'zu viele versuche', 'zu viele anmeldeversuche', 'trop de requêtes', 'trop de tentatives', 'demasiadas solicitudes', 'demasiadas peticiones',
      'demasiados intentos', 'muitas solicitações', 'muitas requisições', 'muitas tentativas', 'pedidos a mais', 'troppe richieste', 'troppi tentativi',
      'слишком много запросов', 'слишком много попыток', 'слишком часто', 'забагато запитів', 'занадто багато запитів', 'zbyt wiele żądań', 'zbyt wiele prób',
      'zbyt dużo zapytań', 'çok fazla istek', 'çok fazla deneme', 'çok fazla talep', 'terlalu banyak permintaan', 'terlalu banyak percobaan', 'terlalu sering',
      'quá nhiều yêu cầu', 'quá nhiều lần', 'thao tác quá nhanh', 'คำขอมากเกินไป', 'ลองใหม่อีกครั้งในภายหลัง', 'リクエストが多すぎ', '試行回数が上限', 'しばらく時間をおいて',
      '요청이 너무 많', '너무 많은 요청', '잠시 후 다시 시도',
      'zu schnell', 'trop vite', 'demasiado rápido', 'muy rápido', 'rápido demais', 'troppo veloce', 'te snel', 'слишком быстро', 'занадто швидко', 'занадто актив',
      'příliš mnoho', 'забагато', 'za szybko', 'çok hızlı', 'terlalu cepat', 'gửi quá nhanh', 'bình luận quá nhanh', 'เร็วเกินไป', '早すぎ', '너무 빠르', 'pedidos demais', 'zbyt wiele', 'zbyt często', 'terlalu banyak',
      'quá nhiều', 'มากเกินไป', '多すぎ', '너무 많', 'كثيرة جدًا', 'كثيرة جدا', 'طلبات كثيرة',
      'nicht so schnell', 'zu häufig', 'trop souvent', 'trop fréquemment', 'con demasiada frecuencia', 'demasiado frecuente*', 'demasiado seguido',
      'muito frequente*', 'com muita frequência', 'troppo spesso', 'troppo frequent*', 'troppo rapidamente', 'слишком частые', 'занадто часто', 'příliš často',
      'příliš rychle', 'te vaak', 'te veel verzoeken', 'te veel pogingen', 'çok sık', 'çok fazla işlem', 'terlalu sering', 'terlalu banyak upaya', 'quá thường xuyên',
      'thao tác quá', 'บ่อยเกินไป', '너무 자주', '빈번', 'بشكل متكرر', 'محاولات كثيرة', 'تجاوزت الحد', 'بیش از حد', 'تعداد زیادی',
      'un peu trop rapide', 'trop rapide', 'hız sınırına ulaş*', 'fazla hızlı', 'so quickly after',
      // Instagram's and Facebook's "We limit how often you can do certain things", in Indonesian.
      'membatasi seberapa sering',
      // Wait before trying again ("Por favor, espere antes de reintentar", "%seconds% 秒お待ちください").
      'espere antes de', 'aguarde antes de', 'attendere prima di', 'attendez avant de', 'warten sie, bevor', 'подождите перед', 'зачекайте перед', 'odczekaj przed',
      '秒お待ちください', '너무 빠른 시간', '빠른 시간내에',
      'for mange forespørsler', 'for mange forsøk', 'for mange forsøg', 'for mange anmodninger', 'for mange innloggingsforsøk', 'for mange loginforsøg', 'for mange ugyldige',
      'för många förfrågningar', 'för många försök', 'alltför många', 'liian monta', 'liian monen', 'liikaa pyyntöjä', 'liikaa yrityksiä', 'υπερβολικά πολλά',
      'πάρα πολλά αιτήματα', 'πάρα πολλές προσπάθειες', 'יותר מדי בקשות', 'יותר מדי ניסיונות', 'बहुत अधिक प्रयास', 'बहुत अधिक अनुरोध', 'बहुत सारे अनुरोध',
      'prea multe cereri', 'prea multe încercări', 'túl sok kérés', 'túl sok próbálkozás', 'terlalu banyak cubaan', 'vượt quá giới hạn', 'límite de intentos',
      'limite de tentativas', 'limite di tentativi', 'limite de tentatives', 'kısa sürede birçok', 'kısa sürede çok',
      // A daily quota, in French ("Vous avez dépassé votre quota journalier (50)").
      'dépassé votre quota', 'depasse votre quota', 'quota journalier dépassé',
      'za dużo prób', 'limit przekroczony', 'byl překročen', 'překročen bezpečnostní limit', 'limite dépassée', 'límite excedido', 'limite excedido', 'limite superato', 'лимит превышен', 'превышен лимит', 'ліміт перевищено',
    ],
    // Too many users at once is the site's load, not the visitor's pace ("サインインしようとしているユーザーが多すぎます").
    unless: [...QUESTION, 'ユーザーが多すぎ', '사용자가 너무 많', 'zu viele benutzer', "trop d'utilisateurs", 'demasiados usuarios', 'utenti troppi', 'troppi utenti', 'слишком много пользователей'],
    confidence: 0.55,
    source: SOURCES,
  },
  {
    // A limit named, then exceeded: "Limite de requisições excedido, aguarde 1 minuto", "Limite de consultas excedido. Tente
    // novamente mais tarde". A form's limits (characters, a file's size) are the input's, not the visitor's pace.
    id: 'general.xl.limit-exceeded',
    concept: false,
    kind: 'access-denied',
    lang: 'intl',
    subjects: ['limite', 'límite', 'limit', 'лимит', 'ліміт', 'limiet', 'sınır', 'sınırı'],
    predicates: [],
    learnt: ['excedido', 'excedida', 'superado', 'superada', 'superato', 'dépassé', 'dépassée', 'überschritten', 'przekroczony', 'przekroczono', 'превышен', 'перевищено', 'overschreden', 'aşıldı'],
    gap: 30,
    unless: [...QUESTION, 'caracteres', 'caractères', 'caratteri', 'zeichen', 'znaków', 'символ', 'tamanho', 'taille', 'größe', 'dimensione', 'arquivo', 'fichier', 'datei', 'file'],
    confidence: 0.55,
    source: 'https://github.com/opencaramelo/opencnpj/issues/4; https://github.com/casadosdados/sinesp-consulta-placa/issues/1',
  },
  {
    id: 'general.xl.promotion',
    kind: 'promotion-denied',
    lang: 'intl',
    subjects: OFFERS,
    predicates: [],
    learnt: [
      // "Not valid" alone is an unknown or mistyped code (an ordinary answer); not valid *for* someone or something is a refusal.
      'nicht gültig für', 'nicht einlösbar', 'kann nicht verwendet', 'kann nicht eingelöst', 'ne peut pas être utilisé', "n'est pas valide pour",
      'pas éligible', "n'est pas applicable", 'no es válido para', 'no es elegible', 'no se puede', 'no puede ser', 'não é válido para', 'não pode ser', 'não elegível',
      'non è valido per', 'non può essere', 'non applicabile', 'недоступен', 'не может быть', 'нельзя применить', 'не действует',
      'tidak bisa', 'tidak dapat', 'tidak berlaku', 'không thể', 'không áp dụng', 'ไม่สามารถ', 'ใช้ไม่ได้',
      '利用できません', 'ご利用いただけません', '使用できません', '適用できません', 'できません', '사용할 수 없', '적용할 수 없', '부족',
      'uygulanamaz', 'kullanılamaz', 'değil',
      // Refusals of this visitor: not for you, you cannot use it, not eligible.
      // You cannot use this coupon ("U kunt deze waardebon niet gebruiken", "Nelze použít tento slevový kupón").
      'niet gebruiken', 'nelze použít', 'не можете використовувати', 'نمی‌توانید', 'نمی توانید', 'nie możesz użyć',
      'nicht für sie', 'nicht berechtigt', 'pas pour vous', 'vous ne pouvez pas utiliser', 'no puedes usar', 'non puoi usare', 'другого пользователя', 'вы не можете использовать', 'nie możesz użyć', 'nie należy do', 'není uplatnitelný', 'není platný pro', 'niet geldig voor', 'bukan milik anda', 'không phải của bạn', 'ไม่มีสิทธิ์', '対象外', '것이 아닌', '대상이 아닙니다', 'غير مخصص', 'غير مؤهل', 'مجاز به استفاده', 'مجاز نیستید',
      // Not yours: the code belongs to another customer.
      'no es tuyo', 'não é seu', "n'est pas le vôtre", 'n’est pas le vôtre', 'nicht ihnen zu gehören', 'nicht dir zu gehören', 'non sia assegnato a te', 'niet van jou',
      'size ait değil', 'вам не принадлежит', 'вам не належить', 'لا يحق لك', 'متعلق به شما نیست', 'bukan milik', 'không thuộc về bạn',
    ],
    gap: 40,
    either: true,
    unless: QUESTION,
    confidence: 0.55,
    source: 'IP-CAM/French-Language-Pack-for-Opencart-v.4.x:extension/opencart/catalog/language/fr-FR/total/coupon.php@38081e3243386baa2009ea08d5cef043d4357b52',
  },
  {
    // Whom an offer is for (new customers, a first order, a customer group, a country, public users,
    // the address chosen, once per user): a refusal only where the candidate also says "only" or
    // "not". Marketing says the same words ("10 % off your first order").
    id: 'general.xl.promotion-for',
    kind: 'promotion-denied',
    lang: 'intl',
    subjects: OFFERS,
    predicates: [],
    learnt: [
      'erstbestellung', 'ersten bestellung', 'neukunden', 'neue kunden', 'benutzergruppe', 'kundengruppe', 'ihrem land',
      'première commande', 'nouveaux clients', 'groupe de clients', 'votre pays',
      'primer pedido', 'primera compra', 'nuevos clientes', 'grupo de clientes', 'tu país', 'su país', 'solo se puede', 'sólo se puede', 'solo es aplicable',
      'primeira compra', 'primeiro pedido', 'novos clientes', 'novatos', 'seu país', 'só pode ser', 'apenas para',
      'primo ordine', 'nuovi clienti', 'gruppo di clienti', 'tuo paese', 'solo al tuo',
      'первый заказ', 'первого заказа', 'первому заказу', 'новых клиентов', 'новых пользователей', 'вашей стране',
      'першого замовлення', 'нових клієнтів',
      'pierwsze zamówienie', 'pierwszego zamówienia', 'nowych klientów', 'swoim kraju', 'twoim kraju',
      'první objednávk*', 'nové zákazník*', 'eerste bestelling', 'nieuwe klanten', 'uw land',
      'ilk sipariş', 'yeni müşteri*', 'ülkeniz', 'pesanan pertama', 'pelanggan baru', 'pengguna baru',
      'đơn hàng đầu tiên', 'khách hàng mới', 'người dùng mới', 'คำสั่งซื้อแรก', 'ลูกค้าใหม่',
      '最初の注文', '初回', '新規', '会員のみ', '会員限定', '첫 주문', '첫 구매', '신규', '회원 전용',
      'الطلب الأول', 'أول طلب', 'العملاء الجدد', 'المستخدمين الجدد', 'اولین سفارش', 'کاربران جدید',
      'öffentliche nutzer', 'utilisateurs publics', 'usuarios públicos', 'usuários públicos', 'utenti pubblici', 'публичных пользователей', 'openbare gebruikers',
      'genel kullanıcılar', 'user publik', 'ผู้ใช้สาธารณะ', '一般ユーザー', 'użytkowników publicznych', 'المستخدمين العامين', 'người dùng công cộng',
      'ausgewählte adresse', 'adresse sélectionnée', 'dirección elegida', 'dirección seleccionada', 'indirizzo selezionato', 'geselecteerde adres', 'alamat yang telah anda pilih',
      'выбранного вами адреса', 'выбранного адреса',
    ],
    gap: 40,
    either: true,
    remedies: ONLY_OR_NOT,
    needRemedy: true,
    unless: QUESTION,
    confidence: 0.55,
    source: 'IP-CAM/French-Language-Pack-for-Opencart-v.4.x:extension/opencart/catalog/language/fr-FR/total/coupon.php@38081e3243386baa2009ea08d5cef043d4357b52',
  },
  {
    // Too many failed sign-ins: the site locks the visitor out for a while.
    id: 'general.xl.login-attempts',
    kind: 'access-denied',
    lang: 'intl',
    subjects: [
      'anmeldeversuche', 'anmeldeversuchen', 'tentatives de connexion', 'tentativi di accesso', 'tentativi di login', 'intentos de inicio de sesión', 'intentos de acceso',
      'tentativas de login', 'tentativas de acesso', 'inlogpogingen', 'prób logowania', 'pokusů o přihlášení', 'попыток входа', 'попыток авторизации', 'спроб входу',
      'oturum açma', 'giriş denemesi', 'percobaan login', 'percobaan masuk', 'jumlah upaya', 'upaya login', 'upaya masuk', 'upaya log masuk', 'lần đăng nhập', 'محاولات تسجيل', 'محاولات الدخول', 'ログイン試行', 'ログインに失敗',
      '로그인 시도', '로그인 실패', 'การเข้าสู่ระบบ',
      // A count of attempts, exceeded ("ログイン可能な回数を超えました", "Maksimum oturum açma girişimi aşıldı").
      'ログイン可能な回数', 'ログイン回数', '로그인 가능 횟수', '로그인 횟수', 'girişimi', 'batas percobaan', 'số lần đăng nhập', 'จำนวนครั้ง',
    ],
    predicates: [],
    learnt: [
      'zu viele', 'trop de', 'troppi', 'demasiados', 'muitas', 'te veel', 'zbyt wiele', 'zbyt dużo', 'příliš mnoho', 'слишком много', 'занадто багато', 'çok fazla',
      'fazla sayıda', 'şüpheli sayıda', 'terlalu banyak', 'quá nhiều', 'عدد كبير', 'كثيرة جدا', 'كثيرة جدًا', '多すぎ', '너무 많', 'มากเกินไป', 'sospetto', 'podejrzan*',
      'подозрительн*', 'maximale', 'maximum', 'massimo', 'máximo', 'límite', 'limite',
      'überschritten', 'dépassé*', 'excedid*', 'superad*', 'superat*', 'excedeu', 'overschreden', 'przekroczon*', 'překročen*', 'превышен*', 'перевищен*', 'aşıldı',
      'terlampaui', 'melampaui', 'vượt quá', 'เกิน', 'تجاوز', '超え', '超過', '초과',
    ],
    gap: 40,
    either: true,
    unless: QUESTION,
    confidence: 0.55,
    source: SOURCES,
  },
  {
    // "Too many" × what the visitor did too often (attempts, requests, messages), in the frames'
    // languages: "Zu viele Loginversuche", "Hai inviato troppi messaggi", "Wysłano za dużo wiadomości".
    id: 'general.xl.too-many',
    kind: 'access-denied',
    lang: 'intl',
    subjects: [
      'zu viele', 'trop de', "trop d'", 'trop d’', 'troppi', 'troppe', 'demasiados', 'demasiadas', 'te veel', 'teveel', 'zbyt wiele', 'zbyt dużo',
      'za dużo', 'za wiele', 'příliš mnoho', 'слишком много', 'занадто багато', 'забагато', 'çok fazla', 'terlalu banyak', 'quá nhiều',
    ],
    predicates: [],
    // Added after reading the corpus: counts in the blind evaluation only where another source group shows it.
    learnt: [
      'versuche', 'loginversuche', 'anmeldeversuche', 'fehlversuche', 'anfragen', 'nachrichten', 'anmeldungen', 'registrierungen',
      'tentatives', 'requêtes', 'demandes', 'messages', 'invitations', 'connexions', 'inscriptions',
      'tentativi', 'richieste', 'messaggi', 'accessi', 'login', 'registrazioni',
      'intentos', 'solicitudes', 'peticiones', 'mensajes', 'registros',
      'tentativas', 'solicitações', 'requisições', 'mensagens', 'pedidos', 'alterações',
      'pogingen', 'inlogpogingen', 'verzoeken', 'berichten', 'aanvragen',
      'żądań', 'zapytań', 'wiadomości', 'logowań', 'rejestracji',
      'pokusů', 'požadavků', 'zpráv', 'попыток', 'запросов', 'сообщений', 'регистраций', 'спроб', 'запитів', 'повідомлень',
      'deneme', 'istek', 'mesaj', 'giriş', 'percobaan', 'permintaan', 'pesan', 'upaya', 'lần thử', 'yêu cầu', 'tin nhắn',
      'محاولات', 'طلبات', 'رسائل', 'تلاش', 'درخواست', 'پیام',
    ],
    gap: 40,
    unless: [...QUESTION, ...NOT_BLOCKED],
    confidence: 0.55,
    source: 'ether/etherpad-lite:src/locales/it.json@b827f5b3d93bc79fc9014c7d9f8b900956b8af65; revoltchat/translations:it.json@f32d16885451f6f63f77fcda3670d08c9c000340',
  },
  {
    // "You have no right to access this content": a page or answer refused to the visitor.
    id: 'general.xl.no-access-right',
    kind: 'access-denied',
    lang: 'intl',
    subjects: [],
    predicates: [],
    learnt: [
      'keine zugriffsberechtigung', 'keine berechtigung für den zugriff', "pas l'autorisation d'accéder", "pas accès à", 'no tienes permiso para acceder', 'no tiene permiso para acceder',
      'não tem permissão para acessar', 'non hai il permesso di accedere', 'нет прав доступа', 'нет доступа к', 'немає доступу', 'nie masz uprawnień do', 'nie masz dostępu',
      'nemáte oprávnění', 'geen toegangsrechten', 'heeft geen toegang', 'hebt geen toegang', 'erişim izniniz yok', 'erişim yetkiniz yok', 'tidak memiliki akses', 'tidak punya akses',
      'không có quyền truy cập', 'ไม่มีสิทธิ์เข้าถึง', 'ไม่มีสิทธิ์ในการเข้าถึง', 'アクセスする権限がありません', 'アクセス権限がありません', '접근 권한이 없', '접속 권한이 없', '액세스 권한이 없',
      'ليست لديك الصلاحيات', 'ليس لديك صلاحية', 'لا تملك الصلاحية', 'دسترسی ندارید',
      // Not authorized to see this ("Du bist nicht berechtigt, diesen Inhalt zu sehen", "Non sei autorizzato a vedere questa pagina").
      'du bist nicht berechtigt', 'sie sind nicht berechtigt', 'non sei autorizzato a', 'non hai il permesso di', "vous n'avez pas la permission d", "vous n'êtes pas autorisé à", 'no estás autorizado a', 'no está autorizado a',
      'você não tem permissão para', 'nie masz uprawnień', 'nemáte dostatečná oprávnění', 'nemáte oprávnění k', 'у вас нет прав', 'у вас немає прав',
      'ليس مصرح لك', 'اجازهٔ مشاهدهٔ', 'اجازه مشاهده', 'je hebt geen toestemming', 'u heeft geen toestemming',
      // No right to do this, of any action ("このブログにサインインする権限がありません", "권한이 부족합니다", "Privilegi insufficienti").
      'ingen adgang', 'har ikke adgang', 'ingen åtkomst', 'har inte behörighet', 'ingen tilgang', 'har ikke tilgang', 'ei oikeutta', 'δεν έχετε δικαίωμα',
      'δεν έχετε πρόσβαση', 'אין לך הרשאה', 'אין לך גישה', 'अनुमति नहीं है', 'nu aveți permisiunea', 'nu aveți acces', 'nincs jogosultság', 'nincs hozzáférés',
      'tidak dibenarkan', 'tidak mempunyai kebenaran', 'вам не разрешено', 'вам не дозволено',
      '権限がありません', '権限を持っていません', '권한이 없습니다', '권한이 부족합니다', 'privilegi insufficienti', 'нет разрешения на доступ', "n'êtes pas autorisé", "n'êtes pas autorisée",
    ],
    only: ['title', 'heading', 'dialog', 'page', 'api'],
    unless: QUESTION,
    confidence: 0.55,
    source: SOURCES,
  },
  {
    id: 'general.xl.link-blocked',
    kind: 'link-blocked',
    lang: 'intl',
    subjects: ['url', 'link', 'lien', 'enlace', 'ligação', 'collegamento', 'ссылка', 'ссылке', 'посилання', 'гиперссылка', 'tautan', 'liên kết', 'ลิงก์', 'リンク', '링크'],
    predicates: [],
    learnt: [
      'bloqueado', 'bloqueada', 'bloquée', 'bloqué', 'blockiert', 'gesperrt', 'заблокирован', 'заблокована', 'diblokir', 'bị chặn', 'engellenmiş', 'engellendi',
      'ブロック', '차단', 'подозрительн', 'підозріл', 'sospechoso', 'suspeito', 'verdächtig', 'suspect', 'şüpheli', 'mencurigakan', 'đáng ngờ',
    ],
    gap: 25,
    either: true,
    unless: QUESTION,
    confidence: 0.55,
    source: SOURCES,
  },
  {
    id: 'general.xl.challenge',
    kind: 'risk-challenge',
    lang: 'intl',
    subjects: ['robot', 'robô', 'robô', 'робот', 'bot', 'human', 'humano', 'humain', 'mensch', 'человек', 'manusia', 'insan', 'con người', 'ロボット', '人間', '로봇', '사람', 'มนุษย์',
      'człowiek', 'een mens', 'echte mensen', 'echt mens', 'captcha', 'капч', '캡차', 'แคปช่า', 'mã kiểm tra', 'اعتبارسنجی',
      // Anti-robot and anti-spam checks by name ("Weryfikacja antyrobotowa", "Anti-Spam-Rätsel").
      'anti-robot', 'antirobot', 'antyrobot*', 'anti-bot', 'ป้องกันบอท', 'एंटी-रोबोट', 'anti-spam', 'antispam'],
    predicates: [],
    learnt: [
      'verifizierung', 'überprüfung', 'bestätigen', 'vérification', 'vérifier', 'verificación', 'verificar', 'verificação', 'verifique', 'verifica', 'проверка', 'проверяем',
      'подтвердите', 'перевірка', 'weryfikacja', 'doğrulama', 'doğrulayın', 'verifikasi', 'xác minh', 'ยืนยัน', '認証', '確認', '검증', '인증', '확인',
      'completa', 'completar', 'compléter', 'completare', 'vervollständigen', 'tamamlayın', 'lengkapi', 'hoàn thành', 'ดำเนินการ', '완료', 'تکمیل', 'إكمال',
      'potwierdzić', 'verifiëren', 'vérifier que', 'ověřit', 'ověření', 'пройдите', 'введите',
      'rejtvény', 'ratkaise', 'επαλήθευση', 'אימות', 'verificare', 'rezolva', 'risolvere', 'يتطلب حل', 'مطلوب',
      'सत्यापन', 'การตรวจสอบ', 'rätsel', 'validierung', 'validation', 'lösen', 'no es un', 'não é um', 'non sei un', 'kein roboter', 'pas un robot',
    ],
    gap: 25,
    either: true,
    unless: QUESTION,
    confidence: 0.55,
    source: SOURCES,
  },
];
