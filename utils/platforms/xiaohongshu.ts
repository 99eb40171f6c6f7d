import { definePlatform } from '../detect/descriptor';

export default definePlatform({
  id: 'xiaohongshu',
  name: { en: 'Xiaohongshu', zh: '小红书' },
  company: 'xiaohongshu',
  family: 'social',
  domains: ['xiaohongshu.com', 'xhslink.com'],
  watch: ['xiaohongshu.com'],
  rank: 11,
  testUrls: ['https://www.xiaohongshu.com/explore'],
});
