import { definePlatform } from '../detect/descriptor';

export default definePlatform({
  id: 'lazada',
  name: { en: 'Lazada', zh: 'Lazada' },
  company: 'alibaba',
  family: 'alibaba',
  domains: ['lazada.com.my', 'lazada.co.th', 'lazada.co.id', 'lazada.com.ph', 'lazada.vn', 'lazada.sg'],
  testUrls: ['https://www.lazada.sg/', 'https://www.lazada.com.my/'],
});
