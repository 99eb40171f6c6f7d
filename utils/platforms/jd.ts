import { definePlatform } from '../detect/descriptor';

export default definePlatform({
  id: 'jd',
  name: { en: 'JD.com', zh: '京东' },
  company: 'jd',
  family: 'jd',
  domains: ['jd.com', 'jd.hk', '3.cn'],
  watch: ['jd.com', 'jd.hk'],
  coupons: 'jd',
  rank: 3,
  testUrls: ['https://www.jd.com/', 'https://search.jd.com/Search?keyword=%E6%89%8B%E6%9C%BA'],
});
