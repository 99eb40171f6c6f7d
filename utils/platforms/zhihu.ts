import { definePlatform } from '../detect/descriptor';

export default definePlatform({
  id: 'zhihu',
  name: { en: 'Zhihu', zh: '知乎' },
  company: 'zhihu',
  family: 'social',
  domains: ['zhihu.com'],
  testUrls: ['https://www.zhihu.com/'],
});
