import { definePlatform } from '../detect/descriptor';

export default definePlatform({
  id: 'tiktok',
  name: { en: 'TikTok Shop', zh: 'TikTok Shop' },
  company: 'bytedance',
  family: 'sea',
  domains: ['tiktok.com', 'tiktokglobalshop.com'],
  watch: ['tiktok.com'],
  testUrls: ['https://www.tiktok.com/shop'],
});
