import { definePlatform } from '../detect/descriptor';

export default definePlatform({
  id: 'pinduoduo',
  name: { en: 'Pinduoduo', zh: '拼多多' },
  company: 'pdd',
  family: 'pinduoduo',
  domains: ['pinduoduo.com', 'yangkeduo.com'],
  coupons: 'pinduoduo',
  rank: 4,
  testUrls: ['https://www.pinduoduo.com/', 'https://mobile.yangkeduo.com/'],
});
