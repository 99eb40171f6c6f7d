import { definePlatform } from '../detect/descriptor';

export default definePlatform({
  id: 'xianyu',
  name: { en: 'Xianyu / Goofish', zh: '闲鱼' },
  company: 'alibaba',
  family: 'alibaba',
  domains: ['goofish.com', 'xianyu.com'],
  subdomains: ['2.taobao.com', 'idle.taobao.com'],
  watch: ['goofish.com'],
  rank: 7,
  testUrls: ['https://www.goofish.com/'],
});
