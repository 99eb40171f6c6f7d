import { definePlatform } from '../detect/descriptor';

export default definePlatform({
  id: 'qq',
  name: { en: 'QQ', zh: 'QQ' },
  company: 'tencent',
  family: 'tencent',
  domains: ['qq.com'],
  watch: ['urlsec.qq.com', 'c.pc.qq.com'],
  testUrls: ['https://urlsec.qq.com/'],
});
