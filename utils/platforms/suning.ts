import { definePlatform } from '../detect/descriptor';

export default definePlatform({
  id: 'suning',
  name: { en: 'Suning', zh: '苏宁易购' },
  company: 'suning',
  // The options page's rule group; its label is the platforms' names unless the locales name it.
  family: 'suning',
  // Every real domain (country sites too); each a registrable domain.
  domains: ['suning.com'],
  testUrls: ['https://www.suning.com/'],
});
