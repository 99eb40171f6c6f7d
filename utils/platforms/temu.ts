import { definePlatform } from '../detect/descriptor';

export default definePlatform({
  id: 'temu',
  name: { en: 'Temu', zh: 'Temu' },
  company: 'pdd',
  family: 'sea',
  domains: ['temu.com'],
  rank: 13,
  testUrls: ['https://www.temu.com/'],
});
