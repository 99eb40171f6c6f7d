import type { Rule } from '../detect/types';

/**
 * AliExpress's own notices. The baxia wall and the mtop refusals that every Alibaba site
 * shares are in taobao.rules.ts, whose confidence design these rules follow.
 */

const ALIEXPRESS_HOSTS = ['aliexpress.com', 'aliexpress.us', 'aliexpress.ru'];

export const rules: Rule[] = [
  {
    id: 'aliexpress.account.temporarily-unavailable',
    kind: 'account-restricted',
    platform: 'aliexpress',
    hosts: ALIEXPRESS_HOSTS,
    signal: 'text',
    phrases: ['Your account is temporarily unavailable. Please use a different account to log in'],
    confidence: 0.75,
    source: 'https://cashbackhunter.net/blog/what-does-it-mean-my-aliexpress-account-has-been-terminated/',
    fixtures: ['positive/alibaba/aliexpress-account-unavailable.html'],
  },
  {
    id: 'aliexpress.account.terminated',
    kind: 'account-restricted',
    platform: 'aliexpress',
    hosts: ALIEXPRESS_HOSTS,
    signal: 'text',
    phrases: ['This account has been terminated. Please use another account to login'],
    confidence: 0.75,
    source: 'https://cashbackhunter.com/what-does-it-mean-my-aliexpress-account-has-been-terminated/',
    fixtures: ['positive/alibaba/aliexpress-account-terminated.html'],
  },
  {
    id: 'aliexpress.account.abolished-ru',
    kind: 'account-restricted',
    platform: 'aliexpress',
    hosts: ALIEXPRESS_HOSTS,
    signal: 'text',
    phrases: ['Данный аккаунт был упразднен', 'Пожалуйста, используйте другую учетную запись для входа'],
    confidence: 0.75,
    source:
      'https://chinatown2.ru/info.php?wiki=262 ("Данный аккаунт был упразднен. Пожалуйста, используйте другую учетную запись для входа"); https://cashbackhunter.com/blog/what-does-it-mean-my-aliexpress-account-has-been-terminated/',
    fixtures: ['positive/alibaba/aliexpress-ru-account-abolished.html'],
  },
];
