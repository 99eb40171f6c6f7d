import { definePlatform } from '../detect/descriptor';

export default definePlatform({
  id: 'tmall',
  name: { en: 'Tmall', zh: '天猫' },
  company: 'alibaba',
  family: 'alibaba',
  domains: ['tmall.com', 'tmall.hk'],
  coupons: 'taobao',
  rank: 2,
  testUrls: ['https://www.tmall.com/', 'https://www.tmall.hk/'],
});
