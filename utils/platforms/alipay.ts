import { definePlatform } from '../detect/descriptor';

export default definePlatform({
  id: 'alipay',
  name: { en: 'Alipay', zh: '支付宝' },
  company: 'alibaba',
  family: 'alibaba',
  domains: ['alipay.com'],
  testUrls: ['https://www.alipay.com/'],
});
