import { definePlatform } from '../detect/descriptor';

export default definePlatform({
  id: 'ebay',
  name: { en: 'eBay', zh: 'eBay' },
  company: 'ebay',
  family: 'western',
  domains: ['ebay.com', 'ebay.co.uk', 'ebay.de', 'ebay.com.au', 'ebay.ca', 'ebay.fr', 'ebay.it', 'ebay.es'],
  watch: ['ebay.com', 'ebay.co.uk', 'ebay.de', 'ebay.com.au', 'ebay.ca', 'ebay.fr', 'ebay.it'],
  rank: 14,
  testUrls: ['https://www.ebay.com/', 'https://www.ebay.de/'],
});
