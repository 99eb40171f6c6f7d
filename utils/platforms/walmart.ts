import { definePlatform } from '../detect/descriptor';

export default definePlatform({
  id: 'walmart',
  name: { en: 'Walmart', zh: '沃尔玛' },
  company: 'walmart',
  family: 'western',
  domains: ['walmart.com', 'walmart.ca'],
  rank: 15,
  testUrls: ['https://www.walmart.com/', 'https://www.walmart.ca/'],
});
