import { definePlatform } from '../detect/descriptor';

export default definePlatform({
  id: 'meituan',
  name: { en: 'Meituan', zh: '美团' },
  company: 'meituan',
  family: 'meituan',
  domains: ['meituan.com'],
  coupons: 'meituan',
  rank: 9,
  testUrls: ['https://www.meituan.com/'],
});
