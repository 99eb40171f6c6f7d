import { definePlatform } from '../detect/descriptor';

export default definePlatform({
  id: 'shopee',
  name: { en: 'Shopee', zh: '虾皮' },
  company: 'sea',
  family: 'sea',
  domains: ['shopee.sg', 'shopee.tw', 'shopee.co.id', 'shopee.com.my', 'shopee.co.th', 'shopee.vn', 'shopee.ph', 'shopee.com.br', 'shopee.com.mx', 'shopee.com.co', 'shopee.cl', 'shopee.in'],
  watch: ['shopee.sg', 'shopee.tw', 'shopee.co.id', 'shopee.com.my', 'shopee.co.th', 'shopee.vn', 'shopee.ph', 'shopee.com.br', 'shopee.com.mx'],
  rank: 12,
  testUrls: ['https://shopee.sg/', 'https://shopee.tw/'],
});
