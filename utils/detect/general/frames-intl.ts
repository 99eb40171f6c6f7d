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
];

const ACCOUNT = [
  'konto', 'ihr konto', 'dein konto', 'benutzerkonto', 'compte', 'votre compte', 'cuenta', 'tu cuenta', 'su cuenta', 'conta', 'sua conta',
  'il tuo account', 'аккаунт', 'учетная запись', 'учётная запись', 'обліковий запис', 'акаунт', 'koncie', 'konta', 'hesap', 'hesabınız', 'hesabın',
  'akun', 'akunmu', 'akun anda', 'akaun', 'tài khoản', 'บัญชี', 'アカウント', '계정', '아이디', '회원',
  'ihr account', 'dein account', 'der account', "l'account", 'l’account', 'je account', 'uw account', 'účet', 'حساب', 'الحساب', 'حسابك',
  // The loanword alone (Italian, Dutch, German, Polish write "account"; English has frames of its own).
  'account', 'účtu', 'konto', 'kontot', 'tili', 'fiók',
];

const ACCESS = [
  'ip', 'ip-adresse', 'adresse ip', 'dirección ip', 'endereço ip', 'indirizzo ip', 'ip-адрес', 'ip адрес', 'alamat ip', 'địa chỉ ip', 'ip adresi', 'adres ip',
  'zugriff', 'zugang', 'accès', 'acceso', 'acesso', 'accesso', 'доступ', 'akses', 'truy cập', 'erişim', 'dostęp', 'アクセス', '접근', '접속', 'การเข้าถึง',
  'anfrage', 'requête', 'solicitud', 'solicitação', 'richiesta', 'запрос', 'permintaan', 'yêu cầu', 'istek', 'żądanie', 'リクエスト', '요청',
  'toegang', 'přístup', 'الوصول', '액세스',
];

// Stems where a language inflects (zablokowan-a/-e/-y, приостановлен-/а/о): a phrase matches at a
// word's start, so one stem carries every ending.
const BLOCKED = [
  'gesperrt', 'blockiert', 'deaktiviert', 'eingeschränkt', 'suspendiert', 'gebannt', 'verweigert', 'ausgeschlossen',
  'suspendu*', 'bloqué*', 'désactivé*', 'restreint', 'banni*', 'verrouillé*', 'refusé*', 'interdit*',
  'suspendid*', 'bloquead*', 'desactivad*', 'restringid*', 'inhabilitad*', 'banead*', 'denegad*',
  'suspensa', 'suspenso', 'suspensas', 'suspensos', 'desativad*', 'restrit*', 'banid*', 'negad*',
  'sospes*', 'bloccat*', 'bannat*', 'disattivat*', 'disabilitat*', 'negato', 'negata',
  'заблокирова*', 'забан*', 'приостановл*', 'ограничен*', 'отключен*', 'заморож*', 'запрещ*',
  'заблокова*', 'призупинен*', 'обмежен*',
  'zablokowan*', 'zawieszon*', 'ograniczon*', 'odmow*',
  'askıya', 'engellen*', 'kısıtlan*', 'donduruldu', 'reddedildi', 'yasakla*', 'kilitlen*', 'kilitli',
  'diblokir', 'ditangguhkan', 'dibekukan', 'dinonaktifkan', 'dibatasi', 'disekat', 'digantung', 'ditolak', 'dilarang', 'dicekal', 'terkunci',
  'bị khóa', 'bị khoá', 'bị tạm khóa', 'bị giới hạn', 'bị đình chỉ', 'bị vô hiệu hóa', 'bị cấm', 'bị chặn', 'bị từ chối',
  'ถูกระงับ', 'ถูกบล็อก', 'ถูกล็อก', 'ถูกจำกัด', 'ถูกแบน', 'ถูกปฏิเสธ', 'ถูกปิดใช้งาน',
  '停止', 'ロック', '凍結', '制限', '拒否', 'ブロック', '禁止', '無効',
  '정지', '잠겼', '잠겨', '잠금', '차단', '제한', '금지', '거부', '불가', '비활성',
  'geblokkeerd', 'opgeschort', 'verbannen', 'beperkt', 'zablokován*', 'pozastaven*', 'uzamčen*', 'zakázán*', 'zbanowan*', 'expulsad*', 'заборон*',
  // Inactive, locked, prohibited: how locale files say an account may not be used.
  'inativ*', 'inactiv*', 'inattiv*', 'inactief', 'vergrendeld', 'yasaklı', 'askıda', 'prohibid*', 'vietat*', 'verboten', 'niet toegestaan', 'غير نشط', '중지', '中止',
  'محظور', 'مقفل', 'مغلق', 'موقوف', 'معلق', 'مقيد', 'مقيّد', 'تم حظر', 'تم قفل', 'تم إيقاف', 'تم تعليق',
];

const SOURCES =
  'PHPFusion/locales:German/locale/German/admin/members_include.php@b7d8a5770eb350bf622636939d59d2d54561ab5f; HDInnovations/UNIT3D-Community-Edition:resources/lang/de/email.php@c8d953a3ada9738950dc229a3d931b8210c5ba7c';

export const INTL_FRAMES: readonly Frame[] = [
  {
    id: 'general.xl.account-restricted',
    kind: 'account-restricted',
    lang: 'intl',
    subjects: ACCOUNT,
    predicates: [],
    learnt: BLOCKED.filter((w) => !['verweigert', 'refusé*', 'interdit*', 'denegad*', 'negad*', 'negato', 'negata', 'odmow*', 'reddedildi', 'ditolak', 'bị từ chối', 'ถูกปฏิเสธ', '拒否', '거부', '불가'].includes(w)),
    gap: 30,
    either: true,
    // Another member's profile ("this user is restricted") is not the visitor's account.
    unless: [...QUESTION, 'このユーザー', 'この会員', '이 사용자', '이 회원', 'этот пользователь', 'dieser benutzer', 'cet utilisateur', 'este usuario', 'este usuário'],
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
    unless: QUESTION,
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
    ],
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
      'příliš mnoho', 'забагато', 'za szybko', 'çok hızlı', 'terlalu cepat', 'quá nhanh', 'เร็วเกินไป', '早すぎ', '너무 빠르', 'pedidos demais', 'zbyt wiele', 'zbyt często', 'terlalu banyak',
      'quá nhiều', 'มากเกินไป', '多すぎ', '너무 많', 'كثيرة جدًا', 'كثيرة جدا', 'طلبات كثيرة',
    ],
    unless: QUESTION,
    confidence: 0.55,
    source: SOURCES,
  },
  {
    id: 'general.xl.promotion',
    kind: 'promotion-denied',
    lang: 'intl',
    subjects: [
      'gutschein', 'rabattcode', 'aktionscode', 'coupon', 'code promo', 'bon de réduction', 'cupón', 'código de cupón', 'código promocional', 'cupom', 'buono sconto',
      'codice sconto', 'купон', 'промокод', 'kupon', 'kode promo', 'kode voucher', 'voucher', 'mã khuyến mại', 'mã giảm giá', 'คูปอง', 'โค้ดส่วนลด',
      'クーポン', '쿠폰', 'promo',
    ],
    predicates: [],
    learnt: [
      'nicht gültig', 'nicht einlösbar', 'kann nicht verwendet', 'kann nicht eingelöst', 'ne peut pas être utilisé', "n'est pas valide",
      'pas éligible', "n'est pas applicable", 'no es válido', 'no es elegible', 'no se puede', 'no puede ser', 'não é válido', 'não pode ser', 'não elegível',
      'non è valido', 'non può essere', 'non applicabile', 'недоступен', 'не может быть', 'нельзя применить', 'не действует',
      'tidak bisa', 'tidak dapat', 'tidak berlaku', 'không thể', 'không áp dụng', 'ไม่สามารถ', 'ใช้ไม่ได้',
      '利用できません', 'ご利用いただけません', '使用できません', '適用できません', 'できません', '사용할 수 없', '적용할 수 없', '부족',
      'uygulanamaz', 'kullanılamaz', 'değil',
    ],
    gap: 40,
    either: true,
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
      'oturum açma', 'giriş denemesi', 'percobaan login', 'percobaan masuk', 'upaya log masuk', 'lần đăng nhập', 'محاولات تسجيل', 'محاولات الدخول', 'ログイン試行', 'ログインに失敗',
      '로그인 시도', '로그인 실패', 'การเข้าสู่ระบบ',
    ],
    predicates: [],
    learnt: [
      'zu viele', 'trop de', 'troppi', 'demasiados', 'muitas', 'te veel', 'zbyt wiele', 'zbyt dużo', 'příliš mnoho', 'слишком много', 'занадто багато', 'çok fazla',
      'fazla sayıda', 'şüpheli sayıda', 'terlalu banyak', 'quá nhiều', 'عدد كبير', 'كثيرة جدا', 'كثيرة جدًا', '多すぎ', '너무 많', 'มากเกินไป', 'sospetto', 'podejrzan*',
      'подозрительн*', 'maximale', 'maximum', 'massimo', 'máximo', 'límite', 'limite',
    ],
    gap: 40,
    either: true,
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
    subjects: ['robot', 'robô', 'robô', 'робот', 'bot', 'human', 'humano', 'humain', 'mensch', 'человек', 'manusia', 'insan', 'con người', 'ロボット', '人間', '로봇', '사람', 'มนุษย์'],
    predicates: [],
    learnt: [
      'verifizierung', 'überprüfung', 'bestätigen', 'vérification', 'vérifier', 'verificación', 'verificar', 'verificação', 'verifique', 'verifica', 'проверка', 'проверяем',
      'подтвердите', 'перевірка', 'weryfikacja', 'doğrulama', 'doğrulayın', 'verifikasi', 'xác minh', 'ยืนยัน', '認証', '確認', '검증', '인증', '확인',
    ],
    gap: 25,
    either: true,
    unless: QUESTION,
    confidence: 0.55,
    source: SOURCES,
  },
];
