import { definePlatform } from '../detect/descriptor';

export default definePlatform({
  id: '1688',
  name: { en: '1688', zh: '1688' },
  company: 'alibaba',
  family: 'alibaba',
  domains: ['1688.com'],
  rank: 8,
  testUrls: ['https://www.1688.com/', 'https://s.1688.com/selloffer/offer_search.htm?keywords=%E6%89%8B%E6%9C%BA%E5%A3%B3'],
});
