import type { Rule } from '../detect/types';
import { ALIBABA_HOSTS, SRC_PUNISH_BUNDLE } from './taobao.rules';

/**
 * Lazada's own notices. The baxia wall and the mtop refusals that every Alibaba site
 * shares are in taobao.rules.ts, whose confidence design these rules follow.
 */

export const rules: Rule[] = [

  // ───────────────────────── baxia punish page: vi ─────────────────────────
  {
    id: 'alibaba.baxia.captcha-vi',
    kind: 'risk-challenge',
    platform: 'lazada',
    hosts: ALIBABA_HOSTS,
    signal: 'text',
    phrases: [
      'Rất tiếc, hệ thống của chúng tôi đã phát hiện lưu lượng truy cập bất thường từ mạng máy tính của bạn',
      'Vui lòng kéo sang phải để xác nhận',
    ],
    confidence: 0.75,
    source: `${SRC_PUNISH_BUNDLE} (vi-VN captcha-h5-tips, captcha-h5-tips-slider)`,
    fixtures: ['positive/alibaba/baxia-captcha-vi-lazada.html'],
  },
  {
    id: 'alibaba.baxia.deny-vi',
    kind: 'access-denied',
    platform: 'lazada',
    hosts: ALIBABA_HOSTS,
    signal: 'text',
    phrases: [
      'Hệ thống của chúng tôi đã phát hiện lưu lượng truy cập bất thường từ mạng máy tính của bạn, vui lòng thử lại sau',
    ],
    confidence: 0.75,
    source: `${SRC_PUNISH_BUNDLE} (vi-VN deny-h5-tips, also used for wait)`,
    fixtures: ['positive/alibaba/baxia-deny-vi-lazada.html'],
  },

  // ───────────────────────── baxia punish page: th ─────────────────────────
  {
    id: 'alibaba.baxia.captcha-th',
    kind: 'risk-challenge',
    platform: 'lazada',
    hosts: ALIBABA_HOSTS,
    signal: 'text',
    phrases: ['ขออภัยเราตรวจพบการเข้าชมที่ผิดปกติจากเครือข่ายของคุณ', 'โปรดเลื่อนเพื่อยืนยัน'],
    confidence: 0.75,
    source: `${SRC_PUNISH_BUNDLE} (th-TH captcha-h5-tips, captcha-h5-tips-slider)`,
    fixtures: ['positive/alibaba/baxia-captcha-th-lazada.html'],
  },
  {
    id: 'alibaba.baxia.deny-th',
    kind: 'access-denied',
    platform: 'lazada',
    hosts: ALIBABA_HOSTS,
    signal: 'text',
    phrases: ['เราตรวจพบการเข้าชมที่ผิดปกติจากเครือข่ายของคุณ โปรดลองใหม่อีกครั้งในภายหลัง'],
    confidence: 0.75,
    source: `${SRC_PUNISH_BUNDLE} (th-TH deny-h5-tips)`,
    fixtures: ['positive/alibaba/baxia-deny-th-lazada.html'],
  },
  {
    id: 'alibaba.baxia.wait-th',
    kind: 'risk-challenge',
    platform: 'lazada',
    hosts: ALIBABA_HOSTS,
    signal: 'text',
    phrases: ['โปรดลองใหม่อีกครั้ง'],
    all: ['Feedback ID'],
    confidence: 0.6,
    prominent: true,
    source: `${SRC_PUNISH_BUNDLE} (th-TH wait-h5-tips with the feedback-code label)`,
    fixtures: ['positive/alibaba/baxia-wait-th-lazada.html'],
  },

  // ───────────────────────── baxia punish page: id ─────────────────────────
  {
    id: 'alibaba.baxia.captcha-id',
    kind: 'risk-challenge',
    platform: 'lazada',
    hosts: ALIBABA_HOSTS,
    signal: 'text',
    phrases: ['Mohon maaf, silahkan periksa koneksi jaringan Anda dan coba lagi', 'Geser untuk verifikasi'],
    confidence: 0.75,
    source: `${SRC_PUNISH_BUNDLE} (in-ID captcha-h5-tips, captcha-h5-tips-slider)`,
    fixtures: ['positive/alibaba/baxia-captcha-id-lazada.html'],
  },
  {
    id: 'alibaba.baxia.deny-id',
    kind: 'access-denied',
    platform: 'lazada',
    hosts: ALIBABA_HOSTS,
    signal: 'text',
    phrases: ['Mohon periksa koneksi jaringan Anda dan coba lagi'],
    all: ['Feedback ID'],
    confidence: 0.7,
    source:
      'https://github.com/liangruiji/kaohe/blob/7e94bbc293c7701f0b24a9bc201672268dc25d7d/test_CJ/js/2.js (copy of sufei-punish bundle: ./src/modules/i18n/language.js, punishpage/*.js) (in-ID deny-h5-tips, an ordinary network-error wording, so the feedback-code label is required)',
    fixtures: ['positive/alibaba/baxia-deny-id-lazada.html'],
  },
  {
    id: 'alibaba.baxia.wait-id',
    kind: 'risk-challenge',
    platform: 'lazada',
    hosts: ALIBABA_HOSTS,
    signal: 'text',
    phrases: ['Silahkan coba lagi'],
    all: ['Feedback ID'],
    confidence: 0.6,
    prominent: true,
    source: `${SRC_PUNISH_BUNDLE} (in-ID wait-h5-tips with the feedback-code label)`,
    fixtures: ['positive/alibaba/baxia-wait-id-lazada.html'],
  },

  // ───────────────────────── baxia punish page: ms ─────────────────────────
  {
    id: 'alibaba.baxia.captcha-ms',
    kind: 'risk-challenge',
    platform: 'lazada',
    hosts: ALIBABA_HOSTS,
    signal: 'text',
    phrases: ['Sila leret untuk teruskan', 'Kesesakan yang tidak dijangka telah di kesan dalam rangkaian kami'],
    unless: ['Sila cuba lagi sebentar lagi'],
    confidence: 0.75,
    source: `${SRC_PUNISH_BUNDLE} (ms-MY captcha-h5-tips, captcha-h5-tips-slider)`,
    fixtures: ['positive/alibaba/baxia-captcha-ms-lazada.html'],
  },
  {
    id: 'alibaba.baxia.deny-ms',
    kind: 'access-denied',
    platform: 'lazada',
    hosts: ALIBABA_HOSTS,
    signal: 'text',
    phrases: ['Kesesakan yang tidak dijangka telah di kesan dalam rangkaian kami. Sila cuba lagi sebentar lagi'],
    confidence: 0.75,
    source: `${SRC_PUNISH_BUNDLE} (ms-MY deny-h5-tips)`,
    fixtures: ['positive/alibaba/baxia-deny-ms-lazada.html'],
  },
  {
    id: 'alibaba.baxia.wait-ms',
    kind: 'risk-challenge',
    platform: 'lazada',
    hosts: ALIBABA_HOSTS,
    signal: 'text',
    phrases: ['Terdapat kesesakan pada sistem. Sila cuba sekali lagi'],
    confidence: 0.7,
    source: `${SRC_PUNISH_BUNDLE} (ms-MY wait-h5-tips)`,
    fixtures: ['positive/alibaba/baxia-wait-ms-lazada.html'],
  },
];
