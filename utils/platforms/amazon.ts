import { definePlatform } from '../detect/descriptor';

export default definePlatform({
  id: 'amazon',
  name: { en: 'Amazon', zh: '亚马逊' },
  company: 'amazon',
  family: 'amazon',
  domains: ['amazon.com', 'amazon.co.uk', 'amazon.de', 'amazon.fr', 'amazon.it', 'amazon.es', 'amazon.nl', 'amazon.se', 'amazon.pl', 'amazon.com.be', 'amazon.co.jp', 'amazon.cn', 'amazon.in', 'amazon.ca', 'amazon.com.mx', 'amazon.com.br', 'amazon.com.au', 'amazon.sg', 'amazon.ae', 'amazon.sa', 'amazon.eg', 'amazon.com.tr'],
  coupons: 'amazon',
  rank: 5,
  testUrls: ['https://www.amazon.com/', 'https://www.amazon.co.jp/', 'https://www.amazon.de/'],
});
