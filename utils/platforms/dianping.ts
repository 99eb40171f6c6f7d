import { definePlatform } from '../detect/descriptor';

export default definePlatform({
  id: 'dianping',
  name: { en: 'Dianping', zh: '大众点评' },
  company: 'meituan',
  family: 'meituan',
  domains: ['dianping.com'],
  testUrls: ['https://www.dianping.com/'],
});
