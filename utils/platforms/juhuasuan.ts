import { definePlatform } from '../detect/descriptor';

export default definePlatform({
  id: 'juhuasuan',
  name: { en: 'Juhuasuan', zh: '聚划算' },
  company: 'alibaba',
  family: 'alibaba',
  domains: ['juhuasuan.com'],
  subdomains: ['ju.taobao.com', 'jhs.m.taobao.com'],
  watch: ['juhuasuan.com'],
  coupons: 'taobao',
  testUrls: ['https://ju.taobao.com/'],
});
