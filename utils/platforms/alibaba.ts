import { definePlatform } from '../detect/descriptor';

export default definePlatform({
  id: 'alibaba',
  name: { en: 'Alibaba.com', zh: '阿里巴巴国际站' },
  company: 'alibaba',
  family: 'alibaba',
  domains: ['alibaba.com', 'alicdn.com'],
  testUrls: ['https://www.alibaba.com/'],
});
