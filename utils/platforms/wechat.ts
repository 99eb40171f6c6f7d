import { definePlatform } from '../detect/descriptor';

export default definePlatform({
  id: 'wechat',
  name: { en: 'WeChat', zh: '微信' },
  company: 'tencent',
  family: 'tencent',
  domains: [],
  subdomains: ['weixin.qq.com', 'weixin110.qq.com', 'wx.qq.com'],
  watch: ['weixin.qq.com', 'weixin110.qq.com', 'mp.weixin.qq.com'],
  testUrls: ['https://mp.weixin.qq.com/', 'https://weixin110.qq.com/'],
});
