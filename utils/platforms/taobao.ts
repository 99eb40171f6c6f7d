import { definePlatform } from '../detect/descriptor';

export default definePlatform({
  id: 'taobao',
  name: { en: 'Taobao', zh: '淘宝' },
  company: 'alibaba',
  family: 'alibaba',
  domains: ['taobao.com', 'tb.cn'],
  coupons: 'taobao',
  rank: 1,
  testUrls: ['https://www.taobao.com/', 'https://s.taobao.com/search?q=%E6%89%8B%E6%9C%BA'],
});
