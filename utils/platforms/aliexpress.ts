import { definePlatform } from '../detect/descriptor';

export default definePlatform({
  id: 'aliexpress',
  name: { en: 'AliExpress', zh: '速卖通' },
  company: 'alibaba',
  family: 'alibaba',
  domains: ['aliexpress.com', 'aliexpress.us', 'aliexpress.ru'],
  rank: 6,
  testUrls: ['https://www.aliexpress.com/', 'https://www.aliexpress.us/'],
});
