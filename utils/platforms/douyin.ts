import { definePlatform } from '../detect/descriptor';

export default definePlatform({
  id: 'douyin',
  name: { en: 'Douyin', zh: '抖音' },
  company: 'bytedance',
  family: 'social',
  domains: ['douyin.com', 'iesdouyin.com', 'jinritemai.com'],
  watch: ['douyin.com', 'jinritemai.com'],
  rank: 10,
  testUrls: ['https://www.douyin.com/', 'https://haohuo.jinritemai.com/'],
});
